"""Dated statements: every date phrase of a document, with what happened then.

For each date phrase (found by :func:`hklint.dates.find_periods` on the
normalised view) an :class:`Event` records the clause's tense, the preposition
in front of the date (``in``, ``by``, ``from`` ...), the event verb the date
belongs to if any ("launched", "was published", "will be completed"), and the
named thing the verb applies to: a bold, quoted or Title Case name in the
clause, chosen by the verb's voice ("X was launched", "ITC launched X").

Events are extracted per document, like claims, and read by the HK5xx checks.
Nothing here decides whether a statement is wrong: a date with no verb or no
subject is still recorded, with ``verb=""`` or ``subject=None``.
"""
from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import Iterable, Mapping

import regex

from hklint.analysis import Analysis, analyse
from hklint.claims import (ANAPHOR, DISTINCTIVE as _DISTINCTIVE, MONTHS, _acceptable, _best_name,
                           _clause_tense, _is_programme, _lead_name, _Name, _names, _said,
                           _strip_leading_generic, proper_words)
from hklint.extract import structure
from hklint.load import to_original
from hklint.model import Claim, Document, Interval, Period, Span, Subject, Tense, fast_init

# Event verbs, every form, and the family each stem belongs to: two documents
# that say "introduced in 2019" and "launched in 2020" speak of one event.
EVENT_VERB = regex.compile(
    r"""\b(?P<verb>
        # past forms: "was launched", "ITC launched", "launched in 2020"
        (?:launched | introduced | unveiled | rolled\s+out | inaugurated
          | established | set\s+up | (?:co-)?founded
          | published | promulgated | issued
          | completed
          | commenced | began | begun | started
          | opened
          | announced
          | signed
          | re-?titled | renamed)
        # base forms after a modal: "will launch", "to open"
      | (?<=\b(?:will|shall|would|to)\s+(?:also\s+|further\s+)?)
        (?:launch | introduce | unveil | roll\s+out | inaugurate | establish | set\s+up
          | publish | promulgate | issue | complete | commence | begin | start | open
          | announce | sign | re-?title | rename)
    )\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

FAMILIES = (
    ("launch", ("launch", "introduc", "unveil", "roll", "inaugurat")),
    ("establish", ("establish", "set", "found")),
    ("publish", ("publish", "promulgat", "issu")),
    ("complete", ("complet",)),
    ("commence", ("commenc", "beg", "start")),
    ("open", ("open",)),
    ("announce", ("announc",)),
    ("sign", ("sign",)),
    ("rename", ("retitl", "re-titl", "renam")),
)

# A simple past or participle in running text ("signed", "rose"): not a plan.
_PAST_FORM_WORD = regex.compile(r"\b(?:\w{3,}ed|began|rose|grew|fell|set\s+up)\b", regex.IGNORECASE)

# Forms that report a finished event: "launched", "set up", "began".
_PAST_FORM = regex.compile(r"(?:ed|set\s+up|began|begun|rolled\s+out)$", regex.IGNORECASE)

# An auxiliary just before the verb makes it passive: "was launched".
_PASSIVE = regex.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+|officially\s+)?$",
                         regex.IGNORECASE)

# The preposition in front of a date, which says how the date bounds the event.
CUE = regex.compile(
    r"""\b(?P<cue>as\s+(?:of|at)|up\s+to|by|in|on|during|within|from|starting\s+from|starting|since
       |until|till|through|before|after|beyond|between|than|at|of|for)
       \s+(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?:the\s+)?$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Clauses about one of several occurrences: a round, a phase, a new edition.
# An event key would wrongly merge "the first round ... 2020" and "the second round ... 2022".
REPEATED = regex.compile(
    r"""\b(?:round|rounds|batch|batches|phase|phases|stage|stages|edition|editions|intake|cohort|call
       |first|second|third|fourth|fifth|new|another|latest|next|each|every|annual|annually|again
       |respectively|pilot|trial|extended|extension|expanded|expansion|enhanced|relaunched|re-launched)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# How far an event verb may stand from its date, in characters of the clause:
# before the date room for a long quoted title ('published the "Policy
# Statement on ..." in December 2023'), after it only a short subject.
VERB_REACH_BEFORE = 160
VERB_REACH_AFTER = 80

# A date that modifies the noun after it ("the 2024 Policy Address", "2023
# pilot") names a thing, not the time of an event: the next word is not a
# function word or punctuation.
_MODIFIER_AFTER = regex.compile(
    r"""[ \t]+(?!(?:and|or|to|for|with|as|when|while|under|after|before|at|by|in|on|of|onwards|onward
    |respectively|which|that|the|a|an|it|its|this|these|through|until|till|via|from|so|but|is|are|was|were
    |has|have|had|will|with|since|upon|following|and|\d)\b)[\w"“(]""",
    regex.VERBOSE | regex.IGNORECASE,
)

# "**Biz Expands Easy** launched in September 2022": a name just before a
# verb whose date follows at once reads as "X, launched in ...", a participle.
_DATE_RIGHT_AFTER = regex.compile(r"\s+(?:\w+\s+){0,2}$")
_ADJACENT = regex.compile(r"[\s\"”’()]{1,4}$")
# "... in 2014 the policy measure": an object after the date makes the verb active.
_OBJECT_AFTER = regex.compile(r"[ \t]+(?:the|a|an|its|their)\b", regex.IGNORECASE)

# "launched by the ITC in 2014": the name after "by" is who acted, so the verb is passive.
_AGENT = regex.compile(r"\s+by\s+", regex.IGNORECASE)

# "Established in May 2001, the HKSTPC is ...": a participle opening the clause.
_OPENING = regex.compile(r"(?:^|:)[\W_]*$")
_COMMA_AFTER = regex.compile(r"\s*,")

# The auxiliaries of a verb: "has been", "will be", "was also".
_AUX_CHAIN = regex.compile(
    r"(?:\b(?:has|have|had|is|are|was|were|will|shall|would|can|may|to|be|been|being)\s+(?:\w+ly\s+|also\s+)?)+$",
    regex.IGNORECASE)

# A date that opens its clause, with its preposition: "In January 2017, ", "From 2024, ".
_OPENS_CLAUSE = regex.compile(
    r"[\W_]*(?:(?:in|on|from|since|during|by|at|starting\s+from)\s+(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?)?",
    regex.IGNORECASE)

# A preposition between an active verb and a name makes the name a partner or
# a place, not the object: "signed a memorandum with the Hubei Province".
_PREPOSITION = regex.compile(r"\b(?:with|of|to|for|in|on|at|from|by|under|between|among|into|across)\b",
                             regex.IGNORECASE)

# What stands between a verb and its date when the verb is not the date's:
# a new predicate ("..., China's ranking has leapt from 34th place in 2012").
_NEW_PREDICATE = regex.compile(r",|\b(?:has|have|had|is|are|was|were)\b", regex.IGNORECASE)

# A future modal: what makes a statement a plan that a later date can overtake.
# "would" is left out: "it was announced that X would open in 2024" reports a
# past plan, and bare "to" is left out: "funds to set up the lab in 2019".
_FUTURE_MODAL = regex.compile(
    r"""\b(?:will|shall|going\s+to|(?:is|are)\s+(?:expected|scheduled|planned|set|slated|due)\s+to)\b""",
    regex.VERBOSE | regex.IGNORECASE)
_FUTURE_BEFORE_VERB = regex.compile(
    r"""\b(?:will|shall|going\s+to|(?:is|are)\s+(?:expected|scheduled|planned|set|slated|due)\s+to)
        \s+(?:\w+ly\s+|also\s+|further\s+|be\s+|then\s+|continue\s+to\s+){0,3}$""",
    regex.VERBOSE | regex.IGNORECASE)
# Past or perfect markers: a clause holding one is not simply a plan.
_PAST_MARKER = regex.compile(r"\b(?:was|were|had|has\s+been|have\s+been|since|ago|last|previously)\b",
                             regex.IGNORECASE)

# A date that is not the plan's time: the origin of a duration ("doubled in
# five years from 2017") or the baseline of a change ("rise from 65.9% in 2020 to").
_NOT_PLAN_TIME = regex.compile(
    r"(?:\b(?:years?|months?|decades?|weeks?)\s+(?:from|since|after|of)\s+(?:the\s+end\s+of\s+)?|\bfrom\s+[^,;]{0,30}\bin\s+)$",
    regex.IGNORECASE)

# Between a passive subject and its auxiliaries: no other finite verb, no new clause.
_SUBJECT_BREAK = regex.compile(r"\b(?:is|are|was|were|has|have|had|and\s+(?:the|a|an|its|their|this|these))\b",
                               regex.IGNORECASE)
_AGENT_BEFORE = regex.compile(r"\bby\s+(?:the\s+)?$", regex.IGNORECASE)

# A name inside a prepositional phrase ("adjacent to the Science Park", "of
# State Key Laboratories") is not what the verb applies to.
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:to|of|at|in|on|from|with|by|for|under|near|within|into|between|among)\s+(?:the\s+|its\s+|their\s+)?$",
    regex.IGNORECASE)

# "Research Fronts 2021", "Report 2020": a year glued to a Title Case word is part of a name.
_TITLE_BEFORE = regex.compile(r"\b[A-Z][\w'’&-]*[ \t]+$")

# "the 14th Five-Year Plan", "the 20th National Congress": the ordinal is part of the name.
# (The leading \b is implied by the look-behind and the digit; tested first, it is cheaper.)
_ORDINAL_BEFORE = regex.compile(r"\b(?<![\w$])\d{1,3}(?:st|nd|rd|th)\s+$", regex.IGNORECASE)

# Words that make a verb a plan: "will be launched", "is expected to complete".
_MODAL_BEFORE = regex.compile(
    r"""\b(?:will|shall|would|going\s+to|(?:expected|scheduled|planned|set|slated|due)\s+to|plans?\s+to
       |aims?\s+to|intends?\s+to|to)\s+(?:\w+ly\s+|also\s+|further\s+|be\s+|then\s+){0,3}$""",
    regex.VERBOSE | regex.IGNORECASE,
)


@fast_init
@dataclass(frozen=True)
class Event:
    """A date phrase in a document and what the clause around it says happened then."""

    path: str
    span: Span  # of the date phrase, original offsets
    text: str  # the date phrase as written
    period: Period
    tense: Tense  # of the clause holding the date
    cue: str  # preposition before the date, lower case: "in", "by", "from", "" ...
    verb: str  # the event verb as written, "" if none
    family: str  # launch, establish, publish, complete ... ("" without a verb)
    passive: bool
    planned: bool  # a modal or intention before the verb: "will be launched", "to complete"
    future: bool  # a future modal governs the date: "will be completed in ...", "is expected to open in ..."
    subject: Subject | None  # the named thing the verb applies to
    sentence: str  # as written, whitespace folded
    clause: str  # the clause holding the date, from the normalised view
    repeated: bool  # the clause speaks of a round, phase, new edition ...: not one event

    @property
    def key(self) -> tuple[str, str] | None:
        """What identifies one event across documents: subject and verb family."""
        if self.subject is None or not self.family:
            return None
        return (self.subject.key, self.family)


def verb_family(verb: str) -> str:
    v = " ".join(verb.lower().split())
    for family, stems in FAMILIES:
        if v.startswith(stems):
            return family
    return ""


def extract(doc: Document, analysis: Analysis | None = None) -> list[Event]:
    """Every date phrase of ``doc`` as an Event, in text order.

    ``analysis`` is the document's shared view, blocks, sentences and dates
    (:func:`hklint.analysis.analyse`); without it they are computed here.
    """
    a = analysis or analyse(doc)
    view, offsets = a.view, a.offsets
    periods = list(a.periods)
    if not periods:
        return []
    starts = [p[0] for p in periods]
    bold = list(a.bold)
    bold_starts = [b[0] for b in bold]
    block_list = a.blocks
    out: list[Event] = []
    previous: dict[int, _Name] = {}
    names_cache = a.shared.setdefault("owner names", {})  # sentence index -> _names(), as in claims
    memo = a.shared.setdefault("clauses", {})  # clause bounds and tenses, as in claims
    for k, sentence in enumerate(a.sentences):
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        if lo == hi:
            continue  # most sentences hold no date: no name search for them
        if k not in names_cache:
            # only the bold spans near the sentence: _names scans all it is given
            names_cache[k] = _names(view, sentence, _near(bold, bold_starts, sentence.start, sentence.end),
                                    a.name_runs(k), proper_words(a))
        names = names_cache[k]
        table_row = "\t" in view[sentence.start:sentence.end]
        for start, end, period in periods[lo:hi]:
            if table_row:
                continue  # a table cell: its meaning is in the column headers
            block = block_list[sentence.block]
            out.append(_event(doc, view, offsets, sentence, start, end, period, names, block,
                              _near(bold, bold_starts, block.start, block.end),
                              previous.get(sentence.block), periods, starts, memo))
        if names:
            previous[sentence.block] = _best_name(names, sentence.end)
    return out


def _near(spans: list[tuple[int, int]], span_starts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted, not nested) that overlap [start, end)."""
    lo = max(0, bisect.bisect_left(span_starts, start) - 1)
    return spans[lo:bisect.bisect_left(span_starts, end)]


def _event(doc, view, offsets, sentence, start, end, period, names, block, bold, previous,
           periods, starts, memo: dict) -> Event:
    c_start, c_end = structure.clause_bounds(view, sentence, start, memo)
    clause = view[c_start:c_end]
    cue = CUE.search(view, max(c_start, start - 40), start)
    modifier = bool(_MODIFIER_AFTER.match(view, end, min(c_end, end + 40))) or (
        cue is None and bool(_TITLE_BEFORE.search(view, max(c_start, start - 40), start))
        and not view[max(c_start, start - 40):start].split()[-1].lower().rstrip(".") in MONTHS)
    verb = None if modifier else _verb(view, c_start, c_end, start, end, starts, names)
    subject = None
    passive = planned = False
    plan_time = not modifier and not _NOT_PLAN_TIME.search(view, max(c_start, start - 60), start)
    future = plan_time and verb is None and _future_without_verb(view, c_start, start)
    if verb is not None:
        before = view[max(c_start, verb.start() - 40):verb.start()]
        planned = bool(_MODAL_BEFORE.search(before))
        future = plan_time and bool(_FUTURE_BEFORE_VERB.search(before))
        passive = bool(_PASSIVE.search(before)) or bool(_AGENT.match(view, verb.end(), c_end))
        participle = (verb.end() <= start and bool(_DATE_RIGHT_AFTER.fullmatch(view, verb.end(), start))
                      and not _OBJECT_AFTER.match(view, end, c_end))
        candidates = _candidates(view, names, c_start, c_end, (start, end), verb)
        if participle and _OPENING.search(view[c_start:verb.start()]) and _COMMA_AFTER.match(view, end, c_end):
            # the name after the date is what the opening participle is about
            subject = next((n for n in candidates if n.start >= end), None)
        else:
            subject = _subject(view, candidates, verb, passive, participle, (start, end))
        if subject is None:
            # "The Scheme was launched in 2020": the anaphor stands where the subject would
            region = (c_start, verb.start()) if passive else (verb.end(), start if start > verb.end() else c_end)
            if ANAPHOR.search(view, *region):
                subject = previous or _lead_name(view, block, bold)
    o_start, o_end = to_original(offsets, start, end)
    s_start, s_end = to_original(offsets, sentence.start, sentence.end)
    return Event(
        path=doc.path,
        span=doc.span(o_start, o_end),
        text=doc.text[o_start:o_end],
        period=period,
        tense=_clause_tense(memo, view, c_start, c_end),
        cue=" ".join(cue.group("cue").lower().split()) if cue else "",
        verb=verb.group("verb") if verb else "",
        family=verb_family(verb.group("verb")) if verb else "",
        passive=passive,
        planned=planned,
        future=bool(future),
        subject=None if subject is None else Subject(subject.key, subject.text, subject.source),
        sentence=_said(memo, doc.text, s_start, s_end),  # folded once per sentence, as in claims
        clause=" ".join(clause.split()),
        # the event's own words: up to the date and a "respectively" after it, not the purpose clause
        repeated=bool(REPEATED.search(_dates_blanked(view, c_start, min(c_end, _core_end(view, end, c_end)),
                                                     periods, starts))),
    )


def _future_without_verb(view: str, c_start: int, start: int) -> bool:
    """A future modal before the date in its clause, with nothing past between:
    "The park will provide 800 places by 2024"."""
    modal = None
    for modal in _FUTURE_MODAL.finditer(view, max(c_start, start - 120), start):
        pass
    if modal is None:
        return False
    between = view[modal.end():start]
    return not _PAST_MARKER.search(between) and not _PAST_FORM_WORD.search(between)


def _core_end(view: str, end: int, c_end: int) -> int:
    """Where an event's own words stop: before "to ..."/", ..." after the date, or 40 characters on."""
    stop = _CORE_STOP.search(view, end, min(c_end, end + 40))
    return stop.start() if stop else min(c_end, end + 40)


_CORE_STOP = regex.compile(r",|;|\bto\b|\bfor\b|\bwith\b|\bwhich\b|\bas\b", regex.IGNORECASE)


def _dates_blanked(view: str, c_start: int, c_end: int, periods, starts: list[int]) -> str:
    """The clause with its date phrases blanked ("the first half of 2021" is no "first round")."""
    pieces, pos = [], c_start
    # a phrase starting up to 60 characters before the clause may reach into it
    first = bisect.bisect_left(starts, c_start - 60)
    last = bisect.bisect_left(starts, c_end)
    for s, e, _p in periods[first:last]:
        if e <= c_start:
            continue
        pieces.append(view[pos:max(pos, s)])
        pos = max(pos, min(e, c_end))
    pieces.append(view[pos:c_end])
    return " ".join(pieces)


def _verb(view: str, c_start: int, c_end: int, start: int, end: int, starts: list[int], names):
    """The event verb of a date: the nearest one before it in its clause, within reach.

    A verb after the date counts only when the date opens the clause ("In
    2017, X signed ...", "From 2024, ... will be rolled out"). A verb with
    another date between it and this one belongs to that date ("launched in
    2019 and grew to 300 members in 2023": 2023 has no verb).
    """
    k = bisect.bisect_right(starts, start)  # the first date after this one
    for m in reversed(list(EVENT_VERB.finditer(view, max(c_start, start - VERB_REACH_BEFORE), start))):
        if m.end() > start:
            continue
        j = bisect.bisect_left(starts, m.end())
        if j < len(starts) and starts[j] < start:
            return None  # another date stands between: the nearest verb before is that date's
        if _NEW_PREDICATE.search(_blanked(view, (m.end(), start), names)):
            return None
        return m
    if not _OPENS_CLAUSE.fullmatch(view[c_start:start]):
        return None
    for m in EVENT_VERB.finditer(view, end, min(c_end, end + VERB_REACH_AFTER)):
        if k < len(starts) and starts[k] < m.start():
            return None
        return m
    return None


def _blanked(view: str, span: tuple[int, int], names) -> str:
    """The text of ``span`` with names and quoted titles blanked."""
    chars = list(_unquoted(view[span[0]:span[1]]))
    for n in names:
        for i in range(max(n.start, span[0]), min(n.end, span[1])):
            chars[i - span[0]] = " "
    return "".join(chars)


def _unquoted(text: str) -> str:
    """``text`` with quoted titles blanked: their commas and prepositions are the title's."""
    return structure.QUOTED.sub(lambda m: " " * len(m.group()), text)


def _candidates(view, names, c_start, c_end, date_span, verb) -> list[_Name]:
    """Names of the clause that can own an event: cut at the date, no agents, no names inside names."""
    out = []
    for n in names:
        if not (c_start <= n.start and n.end <= c_end):
            continue
        if n.start < date_span[1] and date_span[0] < n.end:
            n = _cut(view, n, date_span[0])  # "... Funding Scheme in April" before "April 2019"
            if n is None:
                continue
        if n.start >= verb.end() and _AGENT_BEFORE.search(view, max(verb.end(), n.start - 12), n.start):
            continue  # "launched by the ITC": the ITC acted, it was not launched
        anchor = _anchor(names, n, view)
        if _PREPOSITION_BEFORE.search(view, max(c_start, anchor - 16), anchor) and not (
                n.end <= verb.start() and _ADJACENT.fullmatch(view, n.end, verb.start())):
            continue  # "In the Smart City Blueprint published in 2017" keeps its name
        ordinal = _ORDINAL_BEFORE.search(view, max(c_start, n.start - 8), n.start)
        if ordinal:
            n = _Name(ordinal.start(), n.end, view[ordinal.start():n.end], n.source)
        if _acceptable_subject(n):
            out.append(n)
    return [n for n in out if not any(
        o is not n and o.start <= n.start and n.end <= o.end and o.end - o.start > n.end - n.start
        for o in out)]


def _anchor(names, n: _Name, view: str) -> int:
    """Where a name's phrase starts: "(VA)" starts with the "Virtual Assets" before it."""
    if view[max(0, n.start - 1):n.start] != "(":
        return n.start
    outer = [m for m in names if m.end <= n.start - 1 and not view[m.end:n.start - 1].strip()]
    return outer[-1].start if outer else n.start


def _acceptable_subject(n: _Name) -> bool:
    """Two words at least, or one distinctive word (InnoHK, CorpID, ITVF); never a bare "Scheme"."""
    words = n.key.split()
    return len(words) >= 2 or bool(_DISTINCTIVE.fullmatch(n.text.strip("()\"“”")))


def _cut(view: str, name: _Name, at: int) -> _Name | None:
    if at <= name.start:
        return None
    words = view[name.start:at].split()
    while words and (words[-1].lower() in MONTHS or words[-1] in ("in", "of", "on", "the", "and", "by")):
        words.pop()
    text = _strip_leading_generic(" ".join(words))
    if not text or not _acceptable(text) or view.find(text, name.start) != name.start:
        return None
    return _Name(name.start, name.start + len(text), text, name.source)


def _subject(view, candidates, verb, passive: bool, participle: bool, date_span) -> _Name | None:
    """The name the verb applies to: before a passive verb ("X was launched",
    "X launched by ITC"), after an active one ("ITC launched X in 2020", the
    object standing between verb and date when the date follows); a name
    right before "launched in 2020" owns it too (a participle)."""
    aux = _AUX_CHAIN.search(view, max(0, verb.start() - 40), verb.start())
    verb_phrase = aux.start() if aux else verb.start()
    before = [n for n in candidates if n.end <= verb.start()
              and not _SUBJECT_BREAK.search(view, n.end, max(n.end, verb_phrase))]
    after = [n for n in candidates if n.start >= verb.end()
             and (date_span[0] < verb.start() or n.end <= date_span[0])
             and not _PREPOSITION.search(_unquoted(view[verb.end():n.start]))]
    if passive:
        chosen = before or after
    else:
        chosen = after
        if not chosen and participle:
            chosen = [n for n in before if _ADJACENT.fullmatch(view, n.end, verb.start())]
    if not chosen:
        return None

    def distance(n: _Name) -> int:
        return n.start - verb.end() if n.start >= verb.end() else verb.start() - n.end

    return min(chosen, key=lambda n: (not _is_programme(n), n.source not in ("bold", "quoted"), distance(n)))


def resolve_aliases(events: Iterable[Event], aliases: Mapping[str, str]) -> list[Event]:
    """Rewrite subject keys through the corpus' alias table, as the linker does for claims."""
    out = []
    for event in events:
        subject = event.subject
        target = aliases.get(subject.key) if subject is not None else None
        out.append(event if target is None
                   else dataclasses.replace(event, subject=dataclasses.replace(subject, key=target)))
    return out


def is_finished(event: Event) -> bool:
    """The verb reports an event that happened: a past form, not a plan ("will be launched")."""
    return bool(event.verb) and not event.planned and bool(_PAST_FORM.search(event.verb))


def as_claim(event: Event, confidence: float = 0.8) -> Claim:
    """An event in the shape findings carry: the date phrase is the figure.

    ``value`` and the interval hold the first and last year the phrase can
    mean, unit ``date``; the exact period is ``as_of`` (source ``text``).
    """
    period = event.period
    subject = event.subject or Subject("", "", "none")
    return Claim(
        path=event.path,
        span=event.span,
        text=event.text,
        sentence=event.sentence,
        subject=subject,
        attribute=f"{event.family} date" if event.family else "date",
        value=float(period.start.year),
        interval=Interval(float(period.start.year), float(period.end.year)),
        unit="date",
        as_of=dataclasses.replace(period, source="text"),
        tense=event.tense,
        extractor=f"event/{' '.join(event.verb.lower().split()) or 'date'}",
        confidence=confidence,
    )
