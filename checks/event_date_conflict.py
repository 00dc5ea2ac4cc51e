"""HK501 event-date-conflict: one event given different dates in different documents.

What it does:
    Groups the dated events of all documents by key — the canonical name of
    what the event happened to and the verb family (launched / introduced /
    rolled out are one family; established / set up / founded another;
    published / promulgated / issued ...) — and reports two documents whose
    dates for that event cannot both be true. Granularity is understood: a
    date is the whole period it names, and two dates agree when their periods
    overlap ("end-2023" is December 2023 and agrees with "December 2023";
    "2021" agrees with "the first half of 2021"). Only finished events count
    (a past form such as "was launched in", not "will be launched in"), only
    dates the verb governs directly ("in", "on", "at", "during"), and not
    clauses about one of several occurrences (a round, a phase, a new edition,
    "respectively").

Why it matters:
    A launch or publication date is a fact that does not change with time: if
    two documents disagree, at least one of them is wrong, whichever is newer.

Example:
    "The Scheme was launched in April 2019" in one document and "The Scheme
    was launched in 2020" in another: reported. "The Policy Statement ... was
    published in end-2023" and "published the Policy Statement ... in December
    2023": the same month, not reported.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from hklint.events import Event, as_claim, is_finished
from hklint.model import CheckContext, Finding, Severity

CODE = "HK501"
NAME = "event-date-conflict"
CATEGORY = "date"
SEVERITY = Severity.WARNING

# Prepositions that make the date the time of the event itself; "by", "from",
# "since", "until" make it a bound, which another date does not contradict.
EVENT_CUES = frozenset({"in", "on", "at", "during"})

# Event dates are read with less certainty than figures (verb and subject are
# found by surface rules), so findings carry this confidence.
CONFIDENCE = 0.8


def run(ctx: CheckContext) -> Iterator[Finding]:
    if CONFIDENCE < ctx.min_confidence:
        return
    groups: dict[tuple[str, str], dict[tuple[str, str], Event]] = defaultdict(dict)
    for event in ctx.events:
        if event.key is None or not _usable(event):
            continue
        # one event per document and stated period: repeats in a document add nothing
        groups[event.key].setdefault((event.path, event.period.label()), event)
    for key in sorted(groups):
        stated = sorted(groups[key].values(), key=lambda e: (e.period.start, e.period.end, e.path))
        # each dissenting date is reported once, against the date most documents
        # give (ties: the earliest): linear in the group, never all pairs
        # (one computation per stated label, with the period of its last event)
        last = {e.period.label(): e.period for e in stated}
        agree = {label: {x.path for x in stated if x.period.overlaps(period)}
                 for label, period in last.items()}
        reference = max(stated, key=lambda e: (len(agree[e.period.label()]),
                                               -e.period.start.toordinal(), e.path))
        for event in stated:
            if event.path != reference.path and not event.period.overlaps(reference.period):
                yield _finding(reference, event)


def _usable(event: Event) -> bool:
    return is_finished(event) and not event.repeated and event.cue in EVENT_CUES


def _finding(a: Event, b: Event) -> Finding:
    name = a.subject.text if a.subject else ""
    what = f"{a.family} date"
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f'{name}: {a.verb} "{a.text}" in {a.path}, but {b.verb} "{b.text}" in {b.path}'),
        subject=name,
        attribute=what,
        claims=(as_claim(a, CONFIDENCE), as_claim(b, CONFIDENCE)),
        reason=(f"{a.period.label()} ({a.period.granularity}) and {b.period.label()} "
                f"({b.period.granularity}) do not overlap"),
        confidence=CONFIDENCE,
    )
