"""HK302 growth-word-mismatch: "doubled", "tripled", "up 10%" against the figures beside them.

What it does:
    Finds a growth word with both figures of the change stated in the same
    sentence and reports it when their ratio contradicts the word:

    * a multiple — doubled, tripled, quadrupled, halved (any form: "to
      double", "doubling") — followed by "from A to B";
    * a percentage change — "up/down/rose/fell/grew ... P%", "a P% increase",
      "an increase of P%" — with "from A to B", "to B from A", or "B, up P%
      from A".

    The ratio is taken over every value the stated figures can stand for
    (half a unit of their last digit, wider for "about"), and the word is
    given room: a plain "doubled" accepts x1.7-x2.4; "more than doubled"
    anything from about x1.94 up; "nearly"/"almost"/"close to" x1.5-x2.06;
    "about"/"around" x1.6-x2.5 (the same proportions for the other
    multiples). A percentage change must match within the rounding of P and
    of both figures. Changes between two percentages are skipped ("up 10%"
    could mean points or per cent of the level).

Why it matters:
    A growth word is what a reader remembers; when the figures next to it do
    not bear it out, either a figure or the word is wrong.

Example:
    "The number of Fintech start-ups more than tripled from 138 in 2016 to
    468 in 2020" is consistent (x3.39) and is not reported; "the number of
    start-ups doubled from 100 to 150" is (x1.50).
"""
from __future__ import annotations

from typing import Iterator

import regex

from hklint.extract.prefilter import lacks_all
from hklint.model import CheckContext, Finding, Severity
from hklint.passages import (Figure, Passage, bounds, claim_for, claims_by_span, fmt,
                             passages, split_range)

CODE = "HK302"
NAME = "growth-word-mismatch"
CATEGORY = "arithmetic"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

_MODIFIER = r"(?:(?P<mod>more\s+than|over|at\s+least|nearly|almost|close\s+to|just\s+under|about|around|roughly|approximately|less\s+than)\s+)?"

# A multiple: "more than tripled", "to double", "nearly doubling", "halved".
MULTIPLE = regex.compile(
    _MODIFIER + r"""(?P<word>doubl(?:ed|es|ing|e)|tripl(?:ed|es|ing|e)|quadrupl(?:ed|es|ing|e)
                   |halv(?:ed|es|ing)|halve)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 2.0}
# Every MULTIPLE match holds one of these: a passage without any is skipped
# unscanned (hklint.extract.prefilter).
_MULTIPLE_WORDS = tuple(FACTORS)

# "from A": a figure right after "from" (its own qualifier belongs to it).
FROM = regex.compile(r"\bfrom\s+", regex.IGNORECASE)
# "to B": the second figure right after "to".
TO = regex.compile(r"\bto\s+", regex.IGNORECASE)
# What may stand between A and "to B": "in 2016 ", "of GDP ", "a year earlier ".
BETWEEN_MAX = 90
# A new clause between A and "to B": its "to" is another change's
CLAUSE_BREAK = regex.compile(r";|,\s+(?:while|whereas|but|and\s+the|although|though)\b", regex.IGNORECASE)

# A percentage change: the verb or noun, then (or before) the percentage.
CHANGE_BEFORE = regex.compile(
    r"""\b(?P<verb>up|down|rose|risen|rising|fell|fallen|falling|grew|grown|growing|increased|increasing
          |decreased|decreasing|declined|declining|dropped|jumped|surged|climbed|increase|decrease
          |rise|growth|drop|decline|fall|gain)\s+(?:of\s+|by\s+)?(?:some\s+)?$""",
    regex.VERBOSE | regex.IGNORECASE,
)
CHANGE_AFTER = regex.compile(
    r"^\s*(?P<verb>increase|rise|growth|jump|gain|decrease|drop|decline|fall|reduction|cut)\b",
    regex.IGNORECASE,
)
DOWN_WORDS = ("down", "fell", "fallen", "falling", "decreased", "decreasing", "declined",
              "declining", "dropped", "decrease", "drop", "decline", "fall", "reduction", "cut")


def _within(passage: Passage, at: int) -> tuple[int, int]:
    return passage.sentence_of(at)


def _figure_at(passage: Passage, offset: int, end: int) -> Figure | None:
    """The figure that starts at ``offset`` (before ``end``)."""
    for f in passage.figures:
        if f.mention.start == offset and f.mention.end <= end:
            return f
    return None


def _from_to(passage: Passage, pos: int, end: int) -> tuple[Figure, Figure] | None:
    """The first "from A ... to B" of one unit in view[pos:end]."""
    m = FROM.search(passage.view, pos, end)
    if m is None:
        return None
    a = _figure_at(passage, m.end(), end)
    if a is None:
        return None
    if a.mention.qualifier == "range":
        return split_range(passage, a)
    if a.kind == "rank":
        return None  # "moved from 7th place": a place in a ranking does not double
    to = TO.search(passage.view, a.mention.end, min(end, a.mention.end + BETWEEN_MAX))
    if to is None or CLAUSE_BREAK.search(passage.view, a.mention.end, to.start()):
        return None  # "from 7th place, while the Southbank Centre moved up to 5th": another clause's "to"
    b = _figure_at(passage, to.end(), end)
    if b is None or (b.kind, b.unit) != (a.kind, a.unit):
        return None
    return a, b


def _ratio(a: Figure, b: Figure) -> tuple[float, float] | None:
    a_lo, a_hi = bounds(a)
    b_lo, b_hi = bounds(b)
    if a_lo <= 0 or b_lo <= 0:
        return None
    return b_lo / a_hi, b_hi / a_lo


def _multiple_allowed(mod: str, k: float) -> tuple[float, float]:
    mod = " ".join(mod.lower().split())
    if mod in ("more than", "over", "at least"):
        return 0.97 * k, float("inf")
    if mod in ("nearly", "almost", "close to", "just under"):
        return 0.75 * k, 1.03 * k
    if mod in ("about", "around", "roughly", "approximately"):
        return 0.8 * k, 1.25 * k
    if mod == "less than":
        return 0.0, 1.03 * k
    return 0.85 * k, 1.2 * k


def _multiples(passage: Passage, index) -> Iterator[Finding]:
    if lacks_all(passage.view[passage.start:passage.end], _MULTIPLE_WORDS):
        return
    for m in MULTIPLE.finditer(passage.view, passage.start, passage.end):
        s_start, s_end = _within(passage, m.start())
        pair = _from_to(passage, m.end(), s_end)
        if pair is None:
            continue
        a, b = pair
        if regex.search(r"\d", passage.view[m.end():a.mention.start]):
            continue  # another figure stands between the word and its "from"
        word = m.group("word").lower()
        stem = next(s for s in FACTORS if word.startswith(s))
        k = FACTORS[stem]
        ratio = _ratio(b, a) if stem == "halv" else _ratio(a, b)
        if ratio is None:
            continue
        low, high = _multiple_allowed(m.group("mod") or "", k)
        if ratio[1] >= low and ratio[0] <= high:
            continue
        phrase = " ".join(m.group(0).split())
        point = (a.value / b.value) if stem == "halv" else (b.value / a.value)
        what = f"{fmt(a.value)} / {fmt(b.value)}" if stem == "halv" else f"{fmt(b.value)} / {fmt(a.value)}"
        yield _finding(passage, index, b, a,
                       f'"{phrase}" from {a.text} to {b.text}: {what} = x{point:.2f} '
                       f"(x{ratio[0]:.2f}-x{ratio[1]:.2f} allowing for rounding), "
                       f'which "{phrase}" does not describe',
                       f'"{phrase}" allows x{low:.2f}-' + ("" if high == float("inf") else f"x{high:.2f}"))


def _percent_changes(passage: Passage, index) -> Iterator[Finding]:
    view = passage.view
    for p in passage.figures:
        if p.kind != "percent" or p.mention.qualifier in ("range", "cap", "under"):
            continue
        s_start, s_end = _within(passage, p.mention.start)
        before = CHANGE_BEFORE.search(view, max(s_start, p.mention.start - 40), p.mention.start)
        after = CHANGE_AFTER.match(view, p.mention.end, s_end)
        cue = before or after
        if cue is None:
            continue
        pair = _from_to(passage, p.mention.end, s_end) or _to_from(passage, p.mention.end, s_end) \
            or _level_then_from(passage, p, s_start, s_end) or _level_then_year(passage, p, s_start)
        if pair is None:
            continue
        a, b = pair
        if a.kind == "percent":
            continue  # percentage points or per cent of the level: ambiguous
        ratio = _ratio(a, b)
        if ratio is None:
            continue
        sign = -1.0 if cue.group("verb").lower() in DOWN_WORDS else 1.0
        p_lo, p_hi = bounds(p)
        if p.mention.qualifier in ("more than", "over", "above", "exceeding", "at least"):
            p_hi = float("inf")
        growth = sorted((1 + sign * p_lo / 100, 1 + sign * p_hi / 100))
        if ratio[1] >= growth[0] and ratio[0] <= growth[1]:
            continue
        actual = (b.value / a.value - 1) * 100
        yield _finding(passage, index, p, a,
                       f'"{" ".join(view[cue.start():p.mention.end].split()) if before else p.text + " " + cue.group("verb")}" '
                       f"but {a.text} to {b.text} is a change of {actual:+.1f}% "
                       f"({(ratio[0] - 1) * 100:+.1f}% to {(ratio[1] - 1) * 100:+.1f}% allowing for rounding)",
                       f"{b.text} / {a.text} must be 1 {'-' if sign < 0 else '+'} {p.text}",
                       extra=b)


def _to_from(passage: Passage, pos: int, end: int) -> tuple[Figure, Figure] | None:
    """ "... 10% to 132 from 120": B after "to", A after "from"."""
    to = TO.match(passage.view, _skip_space(passage.view, pos))
    if to is None:
        return None
    b = _figure_at(passage, to.end(), end)
    if b is None:
        return None
    m = FROM.search(passage.view, b.mention.end, min(end, b.mention.end + BETWEEN_MAX))
    a = _figure_at(passage, m.end(), end) if m else None
    if a is None or (a.kind, a.unit) != (b.kind, b.unit):
        return None
    return a, b


def _level_then_from(passage: Passage, p: Figure, s_start: int, s_end: int) -> tuple[Figure, Figure] | None:
    """ "3,360 start-ups in 2024, up 12% from 3,000": B before the change, A after "from"."""
    m = FROM.match(passage.view, _skip_space(passage.view, p.mention.end))
    if m is None:
        return None
    a = _figure_at(passage, m.end(), s_end)
    if a is None:
        return None
    per_unit = PER_UNIT.match(passage.view, a.mention.end) is not None
    # "net income was $4,518.3 million, equal to $3.24 per share, up 57% from $2,884.7
    # million": the level is the figure of A's kind, not a price per share beside it
    earlier = [f for f in passage.figures_between(s_start, p.mention.start)
               if (f.kind, f.unit) == (a.kind, a.unit) and p.mention.start - f.mention.end <= BETWEEN_MAX
               and (PER_UNIT.match(passage.view, f.mention.end) is not None) == per_unit
               # not the day of a date ("on December 19, up 54% from"), nor the base of an
               # earlier change ("up 54% from 12,240 ... and up 51% from 12,508"): a level
               and not NOT_A_LEVEL_BEFORE.search(passage.view, max(s_start, f.mention.start - 24), f.mention.start)]
    return (a, earlier[-1]) if earlier else None


NOT_A_LEVEL_BEFORE = regex.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|\bfrom(?:\s+(?:about|around|some|nearly|almost|over))?)"
    r"\s+$", regex.IGNORECASE)
PER_UNIT = regex.compile(r"\s*(?:\([^)]*\)\s*)?(?:per|a|each)\s+(?:share|unit|person|head|capita)\b", regex.I)


# "up 10% from 2023": the earlier figure is the one the passage gives for that year.
FROM_YEAR = regex.compile(r"from\s+(?:end-|the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b(?![-/]\d)", regex.I)


def _level_then_year(passage: Passage, p: Figure, s_start: int) -> tuple[Figure, Figure] | None:
    """ "3,000 start-ups in 2023 ... 3,360 in 2024, up 12% from 2023": A is the passage's 2023 figure."""
    view = passage.view
    m = FROM_YEAR.match(view, _skip_space(view, p.mention.end))
    if m is None:
        return None
    earlier = [f for f in passage.figures_between(s_start, p.mention.start)
               if f.kind != "percent" and p.mention.start - f.mention.end <= BETWEEN_MAX]
    if not earlier:
        return None
    b = earlier[-1]
    year = m.group("year")
    tied = [f for f in passage.figures if f is not b and (f.kind, f.unit) == (b.kind, b.unit)
            and _of_year(view, f, year)]
    if len(tied) != 1 or _of_year(view, b, year):
        return None
    return tied[0], b


def _of_year(view: str, f: Figure, year: str) -> bool:
    """The figure is stated for ``year``: "3,000 in 2023", "3,000 (2023)", "In 2023, 3,000"."""
    after = view[f.mention.end:f.mention.end + 25]
    before = view[max(0, f.mention.start - 30):f.mention.start]
    tie = rf"\b(?:in|for|of|at\s+end-|as\s+at\s+end-)\s*{year}\b|\({year}\)"
    if regex.search(r"^[^\d.;]*?(?:" + tie + ")", after):
        return True
    return bool(regex.search(r"(?:" + tie + r")[^\d.;]*$", before))


def _skip_space(view: str, pos: int) -> int:
    while pos < len(view) and view[pos] in " \t":
        pos += 1
    return pos


def _finding(passage: Passage, index, primary: Figure, other: Figure, message: str,
             reason: str, extra: Figure | None = None) -> Finding:
    first = claim_for(passage, primary, index, "growth", "growth")
    claims = [first, claim_for(passage, other, index, "growth", "growth")]
    if extra is not None:
        claims.append(claim_for(passage, extra, index, "growth", "growth"))
    subject = first.subject.text if first.subject.source != "passage" else "growth"
    return Finding(code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
                   message=message, subject=subject, attribute="growth",
                   claims=tuple(claims), reason=reason)


def run(ctx: CheckContext) -> Iterator[Finding]:
    index = claims_by_span(ctx.claims)
    for path in sorted(ctx.documents):
        for passage in passages(ctx.documents[path], ctx.analysis(path)):
            yield from _multiples(passage, index)
            yield from _percent_changes(passage, index)
