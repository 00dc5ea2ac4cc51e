"""Group claims that speak of the same thing, and say how two of them relate.

Grouping is by key, a hash lookup: (canonical subject after aliases, measure,
unit). Role tags after ";" in an attribute (annual, per university,
additional ...) do not split groups; two claims in a group are comparable
only when their tags agree (a tag one claim leaves unsaid is not a
disagreement, except "additional" and "total", which change what the figure is).

Time decides the verdict, not the pairing: explicit different periods are a
series, a later date supersedes, no order (an undated document, the same
period) makes a conflict.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping

import regex

from hklint.canon import readable
from hklint.model import Claim, ClaimIndex, Document, Finding, Interval, Period, Subject, Tense, as_of_source, evolve

# Tags that must be equal on both sides for two figures to be the same fact.
STRICT_TAGS = ("additional", "total", "monthly", "quarterly", "daily", "shared", "initial", "rate", "inflow",
               "outflow", "net", "each", "part", "margin", "by loss", "by gain", "change", "weekly", "average",
               "former")
# Measures no word names: a bare percentage, a place in an unnamed ranking.
UNSAID_MEASURES = frozenset({"percent", "rank"})
# Tags that exclude each other when both are said.
EXCLUSIVE = ({"annual", "total"}, {"annual", "monthly"}, {"annual", "daily"},
             {"annual", "cumulative"}, {"monthly", "cumulative"}, {"daily", "cumulative"})


# the source of an as-of period inferred from an exact restatement (see restated())
RESTATED = "restated"

BARE_DOLLAR = "$"
DOLLARS = ("HKD", "USD")


def resolve_dollars(claims: list[Claim]) -> list[Claim]:
    """A bare "$" means the dollar its document writes out elsewhere (HK$ or
    US$), else the one the corpus writes out most, else US dollars."""
    def dominant(counts: Counter) -> str | None:
        ranked = [(counts[c], c) for c in DOLLARS if counts[c]]
        return max(ranked)[1] if ranked else None

    per_doc: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        if c.unit in DOLLARS:
            per_doc[c.path][c.unit] += 1
    corpus = Counter()
    for counts in per_doc.values():
        corpus.update(counts)
    fallback = dominant(corpus) or "USD"
    units = {path: dominant(counts) or fallback for path, counts in per_doc.items()}
    return [evolve(c, unit=units.get(c.path, fallback)) if c.unit == BARE_DOLLAR else c
            for c in claims]


def resolve_aliases(claims: Iterable[Claim], aliases: Mapping[str, str]) -> list[Claim]:
    """Rewrite subject keys through the corpus' alias table (abbreviation -> name)
    and give bare dollar amounts their currency."""
    from hklint.claims import acronym_of

    # acronyms are expanded inside longer names too ("I&T Industry-Oriented
    # Fund"); short names ("the Blueprint", "the Loop") only stand alone
    acronyms = sorted((k for k, v in aliases.items() if acronym_of(k, v)), key=len, reverse=True)
    inside = regex.compile(r"(?<![\w.@])(?:%s)(?![\w.@])" % "|".join(map(regex.escape, acronyms))) \
        if acronyms else None
    targets: dict[str, str | None] = {}  # subject key -> its rewriting (keys repeat a lot)
    renamed: dict[Subject, Subject] = {}
    out = []
    for claim in resolve_dollars(list(claims)):
        key = claim.subject.key
        if key in targets:
            target = targets[key]
        else:
            target = aliases.get(key)
            if target is None and inside is not None:
                expanded = inside.sub(lambda m: aliases[m.group(0)], key)
                target = expanded if expanded != key else None
            targets[key] = target
        if target is None:
            out.append(claim)
            continue
        subject = renamed.get(claim.subject)
        if subject is None:
            subject = renamed[claim.subject] = evolve(claim.subject, key=target)
        out.append(evolve(claim, subject=subject))
    return unify_names(out)


# What a name may add to say what kind of thing it names, the thing staying the
# same: "Cyberport Management Company" / "... Company Limited". Not "Park",
# "University", "Programme": "Hong Kong Park" and "Hong Kong University" are
# other things than "Hong Kong". The corpus teaches more: a phrase it also
# writes as initials after the same stem ("Great Smoky Mountains National Park"
# and "... NP") is a kind of thing, so "Great Smoky Mountains" alone is that
# park too.
DESIGNATORS = ("company", "company limited", "limited", "ltd", "inc", "incorporated",
               "corporation", "corp", "plc", "llc", "holding")


def unify_names(claims: list[Claim]) -> list[Claim]:
    """Give one key to the forms of one name across the corpus: a kind-of-thing
    suffix, its initials ("... National Park" / "... NP"), a possessive in front
    ("the Act's Legacy Restoration Fund" = "Legacy Restoration Fund" when the
    corpus names that fund on its own). Names of two or more words only, and
    only when the longer form is the one such form."""
    keys = sorted({c.subject.key for c in claims})
    present = set(keys)
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while k in parent:
            k = parent[k]
        return k

    def join(form: str, lead: str) -> None:
        """``form`` takes the key of ``lead`` (keys are visited in sorted order,
        so the result does not depend on the order of the claims)."""
        ra, rb = find(form), find(lead)
        if ra != rb:
            parent[ra] = rb

    # every key by its words after each split point: stem -> the endings said after it
    endings: dict[str, list[str]] = {}
    for key in keys:
        words = key.split(" ")
        for i in range(1, len(words)):
            endings.setdefault(" ".join(words[:i]), []).append(" ".join(words[i:]))
    kinds = set(DESIGNATORS)
    for key in keys:  # "... np" beside "... national park": the phrase is a kind of thing
        words = key.split(" ")
        if len(words) >= 2 and 2 <= len(words[-1]) <= 4:
            stem, tail = " ".join(words[:-1]), words[-1]
            for ending in endings.get(stem, ()):
                parts = ending.split(" ")
                if len(parts) >= 2 and "".join(w[0] for w in parts) == tail:
                    kinds.add(ending)
                    join(key, f"{stem} {ending}")
    for key in keys:
        words = key.split(" ")
        if len(words) < 2:
            continue
        longer = [f"{key} {e}" for e in endings.get(key, ()) if e in kinds]
        if len(longer) == 1:
            join(key, longer[0])
        if "s" in words[1:-2]:
            rest = " ".join(words[words.index("s", 1) + 1:])
            if len(rest.split(" ")) >= 2 and rest in present:
                join(key, rest)
    if not parent:
        return claims
    renamed: dict[Subject, Subject] = {}
    out = []
    for c in claims:
        if c.subject.key not in parent:
            out.append(c)
            continue
        subject = renamed.get(c.subject)
        if subject is None:
            subject = renamed[c.subject] = evolve(c.subject, key=find(c.subject.key))
        out.append(evolve(c, subject=subject))
    return out


def link_key(claim: Claim) -> tuple[str, str, str]:
    base = claim.attribute.partition("; ")[0]
    return (claim.subject.key, base, claim.unit)


def build_index(claims: Iterable[Claim]) -> ClaimIndex:
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[link_key(claim)].append(claim)
    return ClaimIndex({k: tuple(sorted(v, key=claim_order)) for k, v in groups.items()})


def claim_order(c: Claim) -> tuple:
    return (c.path, c.span.start, c.span.end)


def tags(claim: Claim) -> frozenset[str]:
    return _tags(claim.attribute)


@functools.lru_cache(maxsize=4096)
def _tags(attribute: str) -> frozenset[str]:
    _base, _, rest = attribute.partition("; ")
    return frozenset(t for t in rest.split("; ") if t)


def comparable(a: Claim, b: Claim) -> bool:
    """Same fact, judged from role tags and tense."""
    return _comparable(_profile(a), _profile(b))


def _profile(c: Claim) -> tuple[str, bool]:
    """All that comparable() reads of a claim: its attribute (tags) and whether it is a plan."""
    return c.attribute, c.tense is Tense.FUTURE


@functools.lru_cache(maxsize=65536)
def _comparable(a: tuple[str, bool], b: tuple[str, bool]) -> bool:
    if a[0] in UNSAID_MEASURES or b[0] in UNSAID_MEASURES:
        # "Lenovo ... 20 percent" and "Lenovo ... 25 percent": with nothing saying
        # what either is a percentage of, or which ranking a place is in, two
        # figures are never known to be one fact (shown with --min-confidence 0.5,
        # never set against each other)
        return False
    ta, tb = _tags(a[0]), _tags(b[0])
    for tag in STRICT_TAGS:
        if (tag in ta) != (tag in tb):
            return False
    for pair in EXCLUSIVE:
        if pair <= (ta | tb) and not (pair <= ta or pair <= tb):
            return False
    pa = {t for t in ta if t.startswith("per ")}
    pb = {t for t in tb if t.startswith("per ")}
    if pa and pb and pa != pb:
        return False
    # "by promoted" vs "by employed": what was done to those counted
    va = {t for t in ta if t.startswith("by ")}
    vb = {t for t in tb if t.startswith("by ")}
    if va and vb and va != vb:
        return False
    # a plan is not compared with a statement of fact
    return a[1] == b[1]


def comparison_interval(c: Claim) -> Interval:
    """A cap ("up to $16 million") is itself the fact: compare the cap."""
    if c.interval.low == 0.0 and c.interval.high == c.value and c.qualifier and c.interval.high_closed:
        return Interval.point(c.value)
    return c.interval


def _open_above(i: Interval) -> bool:
    return i.high is None and i.low is not None


def _widen(i: Interval, tol: float) -> Interval:
    if not tol:
        return i
    return Interval(None if i.low is None else i.low - tol * abs(i.low),
                    None if i.high is None else i.high + tol * abs(i.high),
                    i.low_closed, i.high_closed)


def _close(x: float | None, y: float | None, tol: float) -> bool:
    if x is None or y is None:
        return x == y
    return abs(x - y) <= tol * max(abs(x), abs(y))


def values_agree(a: Claim, b: Claim, tolerance: float = 0.0) -> bool:
    """Intervals overlap (each widened by the configured relative tolerance);
    but two lower bounds ("more than 220", later "more than 1 100") are two
    statements of the same bound, and two stated ranges are facts in
    themselves: those compare as values."""
    ia, ib = comparison_interval(a), comparison_interval(b)
    if _open_above(ia) and _open_above(ib):
        return _close(ia.low, ib.low, tolerance)
    if a.qualifier == "range" and b.qualifier == "range":
        return _close(ia.low, ib.low, tolerance) and _close(ia.high, ib.high, tolerance)
    return _widen(ia, tolerance).overlaps(_widen(ib, tolerance))


def _mark_and_round_figure(a: Claim, b: Claim) -> bool:
    """"Reached 750 million" and "over 750 million": a round figure and the mark it
    passed. Told of one time, they are one statement in two words; told years
    apart, the later "over" says the figure has grown."""
    ia, ib = comparison_interval(a), comparison_interval(b)
    return any(_open_above(bound) and not bound.low_closed and point.low == point.high == bound.low
               for bound, point in ((ia, ib), (ib, ia)))


@dataclass(frozen=True)
class Relation:
    kind: str  # consistent, series, distinct, supersedes, conflict, unordered
    older: Claim
    newer: Claim
    reason: str


def display_subject(*claims: Claim) -> str:
    """The fullest surface form of the shared subject ("Technology Start-up
    Support Scheme for Universities" rather than "TSSSU")."""
    return max((c.subject.text for c in claims), key=lambda t: (len(t), t))


def period_text(p: Period | None, doc: Document | None) -> str:
    if p is None:
        return "no date (document undated)"
    if p.source == "document":
        if _quoted_post(p, doc):
            return f"{p.label()} (date of the quoted post: \"{p.text}\")"
        src = doc.date_source if doc else "document"
        return f"{p.label()} (document date, {src})"
    if p.source == RESTATED:
        return f"{p.label()} ({p.text})"
    if p.source == "heading" and p.text:
        return f"{p.label()} (heading: \"{p.text}\")"
    return f"{p.label()} (stated: \"{p.text}\")" if p.text else f"{p.label()} (stated)"


def _quoted_post(p: Period, doc: Document | None) -> bool:
    """An as-of dated as a page is, by the signature of a post quoted in it."""
    return as_of_source(p, doc) == "post"


def value_text(c: Claim) -> str:
    """The value as compared: a point, or the interval a qualifier makes."""
    i = comparison_interval(c)
    if i.low is not None and i.low == i.high:
        return f"{_num(i.low)}"
    return i.describe()


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.6g}"


def relate(a: Claim, b: Claim, documents: Mapping[str, Document],
           tolerance: float = 0.0) -> Relation:
    """How two comparable claims in one group stand to each other."""
    if values_agree(a, b, tolerance):
        return _outgrown_bound(a, b, documents, tolerance) or Relation("consistent", a, b, "values agree")
    if _worlds_apart(a, b):
        return Relation("distinct", a, b, f"{value_text(a)} and {value_text(b)} are orders of magnitude apart: "
                                          "not one measure")
    rel = _relate_in_time(a, b, documents)
    if rel.kind in ("conflict", "unordered") and _mark_and_round_figure(a, b):
        return Relation("consistent", a, b, "a round figure and the mark it passed, nothing orders them")
    if rel.kind == "supersedes" and _mark_and_round_figure(rel.newer, rel.older) \
            and _open_above(comparison_interval(rel.older)):
        # "over 900 daily flights", then "900 daily flights": the later page rounds
        # the same statement; it does not revise it (a later "over 900" would)
        return Relation("consistent", a, b, "the later figure is the round figure the earlier one passed")
    if _open_above(comparison_interval(a)) and _open_above(comparison_interval(b)):
        if rel.kind in ("conflict", "unordered"):
            # "over 2,500" and "over 1,600" with nothing to order them: both
            # hold of any figure past 2,500; only time makes one replace the other
            return Relation("consistent", a, b, "two lower bounds, and nothing orders them")
        values = (f"the stated lower bound changed from {_num(comparison_interval(rel.older).low)} "
                  f"to {_num(comparison_interval(rel.newer).low)}")
    else:
        values = f"{value_text(rel.older)} vs {value_text(rel.newer)} cannot both hold"
    return Relation(rel.kind, rel.older, rel.newer, f"{values}; {rel.reason}")


# Two values this many times apart are not one measure misstated ("a $2 ticket"
# and "a $1.6 billion jackpot"); a slip of a thousand (thousand for million)
# still pairs.
MAGNITUDE_APART = 1e5


def _worlds_apart(a: Claim, b: Claim) -> bool:
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo > 0 and hi / lo > MAGNITUDE_APART


def _step(x: float) -> float:
    """The unit of the last significant digit of a stated figure: 3 700 -> 100,
    220 -> 10, 1.6 million -> 100 000, 2.5 -> 0.1."""
    x = abs(x)
    if x == 0:
        return 1.0
    if float(x).is_integer():
        step = 1.0
        while x >= 10 and x % (step * 10) == 0:
            step *= 10
        return step
    decimals = len(f"{x:.6f}".rstrip("0").split(".")[1])
    return 10.0 ** -decimals


def _outgrown_bound(a: Claim, b: Claim, documents: Mapping[str, Document],
                    tolerance: float) -> Relation | None:
    """"Over 3,700" says about 3,7xx: a later figure well past the bound ("around
    15 000") leaves the earlier statement true but stale. The bound is read at
    its stated precision: past it by more than one step of its last digit."""
    if _open_above(comparison_interval(a)) == _open_above(comparison_interval(b)):
        return None  # one figure must be a bound, the other not (cheap test first)
    rel = _relate_in_time(a, b, documents)
    if rel.kind != "supersedes":
        return None
    old, new = rel.older, rel.newer
    io, inew = comparison_interval(old), comparison_interval(new)
    if not _open_above(io) or _open_above(inew) or inew.low is None:
        return None
    ceiling = (io.low + _step(io.low)) * (1 + tolerance)
    if inew.low <= ceiling:
        return None
    return Relation("supersedes", old, new,
                    f"the stated lower bound {_num(io.low)} is outgrown by {value_text(new)} "
                    f"(past {_num(ceiling)}, the bound at its stated precision); {rel.reason}")


# Percentages that are changes ("up 12.9% over 2009"): each is of its own
# stretch of time, which the text seldom states in full.
CHANGES = ("growth", "decline")
# What a year (or quarter) brings in or pays out: each period has its own.
FLOWS = ("deficit", "surplus", "revenue", "spending", "profit", "loss", "income", "sales", "turnover",
         "tax", "dividend", "requested", "authorized", "appropriated",
         # money raised: by one appeal, one round, one year ("raised £50.6m in one night")
         "raised")


# counts of what was done over a stretch of time: shipped, sold, carried ... (see claims.COUNT_VERB)
FLOW_TAGS = frozenset("by " + v for v in ("shipped", "sold", "delivered", "produced", "carried", "handled",
                                            "emitted", "exported", "imported", "gain", "loss", "hired",
                                            "promoted", "trained", "cut", "admitted", "graduated", "treated",
                                            "rescued", "welcomed", "vaccinated", "evacuated", "killed",
                                            "injured", "wounded", "displaced", "dead", "missing", "hurt",
                                            "opened", "closed")
                      ) | {"change", "additional"}  # "adding 2.65 million items in fiscal year 2013": that year's


def _counted_flow(c: Claim) -> bool:
    """A count of what was done over a stretch of time ("handled 14,200 ship
    calls"): a series by period, but a fact sheet restating last year's count
    after this year's was out is stale (see restated())."""
    return not FLOW_TAGS.isdisjoint(_tags(c.attribute)) and not c.attribute.startswith(CHANGES) \
        and c.attribute.split(";")[0].split(" [")[0] not in FLOWS


def _a_change(c: Claim) -> bool:
    return c.attribute.startswith(CHANGES) or c.attribute.split(";")[0].split(" [")[0] in FLOWS \
        or not FLOW_TAGS.isdisjoint(_tags(c.attribute))


def _relate_in_time(a: Claim, b: Claim, documents: Mapping[str, Document]) -> Relation:
    pa, pb = a.as_of, b.as_of
    da, db = documents.get(a.path), documents.get(b.path)
    for total, other in ((a, b), (b, a)):
        op = other.as_of
        if "cumulative" in _tags(total.attribute) and op is not None and op.source == "text" \
                and op.granularity in ("year", "fiscal-year", "half", "quarter"):
            # "more than 1 billion passengers since it opened" and "65.6 million in 2018"
            return Relation("series", a, b, "a running total and one period's figure")
    restated = RESTATED in (pa.source if pa else None, pb.source if pb else None)
    if (_a_change(a) or _a_change(b)) and not (pa is not None and pb is not None
                                               and pa.start == pb.start and pa.end == pb.end) \
            and not (restated and _counted_flow(a) and _counted_flow(b)):
        # a later report's growth rate (or deficit, or profit) is of a later
        # year, not a revision of an earlier one; only two figures for one
        # stated period can conflict
        return Relation("series", a, b, "changes or flows over different or unknown stretches of time")
    if pa is None or pb is None:
        if {a.tense, b.tense} == {Tense.PAST, Tense.CURRENT}:
            # "the stadium had 127,000 places" and "the current stadium has 90,000":
            # the grammar orders them, the past one is history
            return Relation("series", a, b, "a past and a present figure")
        undated = a if pa is None else b
        dated = b if undated is a else a
        if _dated_history(dated, documents.get(dated.path)):
            # "an increase from the 163,000 employees recorded in 2019", in a page
            # of 2024: history its own page dates, not a rival of an undated figure
            return Relation("series", a, b, "the dated figure is history its own document dates")
        return Relation("conflict", a, b,
                        f"{undated.path} has no date, so nothing orders the two figures")
    # a restated figure is presented as current: a later period's figure revises it
    explicit = pa.source not in ("document", RESTATED) and pb.source not in ("document", RESTATED)
    if pa.start == pb.start and pa.end == pb.end:
        return Relation("conflict", a, b, f"both are stated for the same period, {pa.label()}")
    if explicit:
        return Relation("series", a, b, "different periods stated explicitly")
    within = _report_covers(a, b) or _report_covers(b, a)
    if within is not None:
        return within
    later_history = _later_history(a, b, documents)
    if later_history is not None:
        return later_history
    if pa.end < pb.start:
        return _superseded(a, b, f"{period_text(pb, db)} is later than {period_text(pa, da)}", da)
    if pb.end < pa.start:
        return _superseded(b, a, f"{period_text(pa, da)} is later than {period_text(pb, db)}", db)
    return Relation("unordered", a, b, "periods overlap")


# "which now enrols 33,400 students, opened a new building": the figure is of the present
PRESENT_WORD = regex.compile(r"\b(?:now|currently|today|at\s+present|to\s+date|so\s+far)\b", regex.IGNORECASE)
# A figure its own document dates this long before the document was written is history.
HISTORY_DAYS = 366


def _dated_history(c: Claim, doc: Document | None) -> bool:
    """A figure its text dates more than a year before its own document was written."""
    p = c.as_of
    return (p is not None and p.source == "text" and doc is not None
            and doc.revision_date is not None and (doc.revision_date - p.end).days > HISTORY_DAYS)


def _superseded(older: Claim, newer: Claim, reason: str, older_doc: Document | None) -> Relation:
    """A present-tense claim is revised by a later one; a past event the older
    document tells ("installations increased to 7.4 GW") is its history, and so
    is a figure it dates years before itself ("in 1981, 34 airlines operated to
    67 cities", in a page of 2017): a later figure does not revise history."""
    p = older.as_of
    if older.tense is Tense.PAST and p is not None and p.source == "document":
        return Relation("series", older, newer, "the older figure is a past event, told without its date")
    if newer.tense is Tense.PAST and newer.as_of is not None and newer.as_of.source == "document" \
            and older.tense is not Tense.PAST and not PRESENT_WORD.search(newer.sentence):
        # "to reach the 40-crore mark from 30-crore doses", in a later page: a
        # past level told without its date may be older than the figure it meets
        return Relation("series", older, newer, "the newer figure is a past event, told without its date")
    if _dated_history(older, older_doc):
        return Relation("series", older, newer, "the older figure is history its own document dates")
    if (older.tense is Tense.PAST and p is not None and p.source == "text" and older_doc is not None
            and older_doc.revision_date is not None and p.end < older_doc.revision_date):
        # "In November of 2019, Microsoft revealed that Minecraft had sold 180
        # million copies", in a page of May 2020: told as past, dated before the page
        return Relation("series", older, newer, "the older figure is a past event its own document dates")
    return Relation("supersedes", older, newer, reason)


def _report_covers(report: Claim, other: Claim) -> Relation | None:
    """A report's figure for the year it covers (as-of from its title, a heading)
    is newer than a figure dated only by a document written during that year: a
    fact sheet of August 2023 is overtaken by the review of 2023."""
    pr, po = report.as_of, other.as_of
    if pr.source != "heading" or po.source != "document" or pr.granularity == "onwards":
        return None
    if not (pr.start <= po.start and po.end < pr.end):
        return None
    return Relation("supersedes", other, report,
                    f"{pr.label()} (heading: \"{pr.text}\") runs on after {po.label()} "
                    "(document date), the figure's own period containing it")


def _later_history(a: Claim, b: Claim, documents: Mapping[str, Document]) -> Relation | None:
    """A document revised later that states a figure for an explicit period
    ending before the other document's date ("$23.3 billion for fiscal year
    2023" in a June 2024 report beside "stands at $22.3 billion" in a March
    2024 sheet) is not revised by the earlier document: either the figure is
    history, or the earlier document had not seen it. Neither makes a finding."""
    if (a.as_of.source == "document") == (b.as_of.source == "document"):
        return None
    implicit, stated = (a, b) if a.as_of.source == "document" else (b, a)
    if stated.as_of.source == RESTATED:
        return None
    di, ds = documents.get(implicit.path), documents.get(stated.path)
    if di is None or ds is None or di.revision_date is None or ds.revision_date is None:
        return None
    if ds.revision_date > di.revision_date and stated.as_of.end < implicit.as_of.start:
        return Relation("series", a, b,
                        f"{stated.path}, revised later, states the figure for {stated.as_of.label()}")
    return None


def _recency(c: Claim, documents: Mapping[str, Document]) -> tuple:
    p = c.as_of
    doc = documents.get(c.path)
    revision = doc.revision_date if doc and doc.revision_date else None
    return (p is not None, p.end if p else None, p.start if p else None,
            revision is not None, revision, c.path, c.span.start)


def grouped(rels: Iterable[Relation], kind: str) -> list[tuple[tuple[Claim, ...], Relation]]:
    """Relations of ``kind``, one entry per figure: the places one document states
    the same figure, set against the same newer claim, are one finding citing
    them all (the first one leads)."""
    groups: dict[tuple, list[Relation]] = {}
    for rel in rels:
        if rel.kind != kind:
            continue
        old, new = rel.older, rel.newer
        key = (old.path, link_key(old), value_text(old), new.path, new.span.start)
        groups.setdefault(key, []).append(rel)
    return [(tuple(r.older for r in group), group[0]) for group in groups.values()]


def relation_findings(ctx, kind: str, *, code: str, name: str, category: str, severity,
                      verb: str):
    """The findings of one kind of relation ("supersedes", "conflict"): the figure,
    the claim it is set against, then the figure's other places in its document."""
    for olds, rel in grouped(context_relations(ctx), kind):
        old, new = olds[0], rel.newer
        places = f" ({len(olds)} places)" if len(olds) > 1 else ""
        subject = display_subject(old, new)
        yield Finding(
            code=code, check=name, category=category, severity=severity,
            message=(f'{subject}: "{readable(old.text)}" in {old.path}{places} {verb} '
                     f'"{readable(new.text)}" in {new.path}'),
            subject=subject,
            attribute=old.attribute,
            claims=(old, new, *olds[1:]),
            reason=rel.reason,
            confidence=min(old.confidence, new.confidence),
        )


def context_relations(ctx) -> list[Relation]:
    """relations() of a check context, computed once for all the checks that read them."""
    key = ("relations", ctx.min_confidence, ctx.tolerance)
    if key not in ctx.memo:
        ctx.memo[key] = relations(ctx.index, ctx.documents, ctx.min_confidence, ctx.tolerance)
    return ctx.memo[key]


def restated(claims: list[Claim]) -> list[Claim]:
    """A figure dated only by its document that repeats, exactly, a figure another
    document states for an earlier period ("stands at $22.3 billion" in a 2024
    fact sheet; "$22.3 billion at the end of fiscal year 2022" in a report) is
    that period's figure restated: it is dated by that period (the latest one,
    when several agree), so a later period's figure revises it."""
    stated: dict[tuple[float, str], list[Claim]] = {}
    for c in claims:
        if c.as_of is not None and c.as_of.source not in ("document", RESTATED) and not c.qualifier:
            stated.setdefault((c.value, c.unit), []).append(c)
    if not stated:
        return claims
    out = []
    for c in claims:
        if c.as_of is None or c.as_of.source != "document" or c.qualifier:
            out.append(c)
            continue
        same = [o for o in stated.get((c.value, c.unit), ())
                if o.path != c.path and o.as_of.end < c.as_of.start and comparable(c, o)]
        if not same:
            out.append(c)
            continue
        source = max(same, key=lambda o: (o.as_of.end, o.as_of.start, o.path, o.span.start))
        period = evolve(
            source.as_of, source=RESTATED,
            text=f"restates the figure {source.path} gives for {source.as_of.label()}")
        out.append(evolve(c, as_of=period))
    return out


def relations(index: ClaimIndex, documents: Mapping[str, Document],
              min_confidence: float = 0.0, tolerance: float = 0.0) -> list[Relation]:
    """Each claim against the newest comparable claim of another document in its group.

    Linear in the group for the usual case; a claim is reported at most once,
    against the figure that should replace it.
    """
    out: list[Relation] = []
    for _key, group in index:
        claims = [c for c in group if c.confidence >= min_confidence]
        if len({c.path for c in claims}) < 2:
            continue
        claims = restated(claims)
        recency = {id(c): _recency(c, documents) for c in claims}
        ranked = sorted(claims, key=lambda c: recency[id(c)], reverse=True)
        newest = _NewestComparable(ranked)
        for claim in claims:
            ref = newest.other_than(claim)
            if ref is None:
                continue
            # each unordered pair once: the claim that is not the newer reports it
            if ref is claim or recency[id(ref)] < recency[id(claim)]:
                continue
            rel = relate(claim, ref, documents, tolerance)
            if rel.kind in ("supersedes", "conflict") and rel.older is ref and rel.newer is claim:
                continue  # the other side of the pair reports it
            out.append(in_context(rel, claims, tolerance))
    return out


def in_context(rel: Relation, claims: list[Claim], tolerance: float = 0.0) -> Relation:
    """A pair's relation read beside the rest of its group: what the two
    documents say besides these figures may settle it."""
    if rel.kind == "conflict" and _own_document_dates_the_other(rel.older, rel.newer, claims, tolerance):
        return Relation("series", rel.older, rel.newer,
                        "the undated figure's own document gives the other figure for its period")
    if rel.kind == "supersedes" and _older_document_knew(rel.older, rel.newer, claims, tolerance):
        return Relation("consistent", rel.older, rel.newer,
                        "the older document already gives the newer figure beside its own")
    return rel


def _older_document_knew(older: Claim, newer: Claim, claims: list[Claim], tolerance: float) -> bool:
    """"Twitter is down to 1500 employees", Musk said; insiders say about 1000: a
    later page's 1,500 revises nothing in a page that already weighed it."""
    return any(o is not older and o.path == older.path and comparable(o, newer)
               and values_agree(o, newer, tolerance) for o in claims)


def _own_document_dates_the_other(a: Claim, b: Claim, claims: list[Claim], tolerance: float) -> bool:
    """"Nepal issues 427 Everest permits" in an undated page that also says "In 2024,
    Nepal issued 421 permits", against another page's 421 for 2024: the undated
    figure is of another period, since its own page gives the other one."""
    for undated, other in ((a, b), (b, a)):
        if undated.as_of is not None:
            continue
        if any(o is not undated and o.path == undated.path and o.as_of is not None and o.as_of.source == "text"
               and comparable(o, other) and values_agree(o, other, tolerance)
               and (other.as_of is None or o.as_of.overlaps(other.as_of)) for o in claims):
            return True
    return False


class _NewestComparable:
    """The first claim of a ranked group comparable with a given claim and in
    another document, without testing each claim against the whole group:
    comparability depends only on the two claims' profiles (a few per group),
    so each profile's comparable claims are listed once."""

    def __init__(self, ranked: list[Claim]) -> None:
        self._ranked = ranked
        self._by_profile: dict[tuple[str, bool], tuple[Claim | None, Claim | None]] = {}

    def other_than(self, claim: Claim) -> Claim | None:
        profile = _profile(claim)
        firsts = self._by_profile.get(profile)
        if firsts is None:
            firsts = self._by_profile[profile] = self._firsts(profile)
        first, other = firsts
        if first is None or first.path != claim.path:
            return first
        return other

    def _firsts(self, profile: tuple[str, bool]) -> tuple[Claim | None, Claim | None]:
        """The first comparable claim, and the first comparable one in another document than it."""
        first = None
        for r in self._ranked:
            if _comparable(profile, _profile(r)):
                if first is None:
                    first = r
                elif r.path != first.path:
                    return first, r
        return first, None
