"""HK502 stale-future-tense: a plan for a date that had passed when the document was revised.

What it does:
    Reports a statement in the future tense ("will be completed", "is
    expected to open", "will launch") about a date that was already over at
    the document's own revision date. Only documents with a date they state
    themselves (front matter, a revision line, a byline) or a configured date
    are checked: a date inferred from the text is not firm enough. The date
    must be governed by a preposition that makes it the plan's time: in, by,
    within, during, on, at, from, starting from, until, before.

    Which end of the date counts: a plan is only certainly overtaken once
    every day the date phrase can mean is past, so the END of the period is
    used for "in", "by"/"within" deadlines, "until", and also for "from" /
    "starting from". "From 2024, ... will be rolled out" written in June 2024
    is a fair plan (the rollout may start later in 2024); written in February
    2025 it is stale. Using the START for "from" would report the June 2024
    sentence too: a false alarm. Only "before 2024" uses the START (a plan
    "before 2024" is overtaken on 1 January 2024). A date a change is measured
    from ("S$19.4 billion in FY2024, up 18.5 per cent from FY2023") is a base,
    not the plan's time.

Why it matters:
    "Will be completed from end-2024" in a fact sheet revised February 2025
    tells readers something is still to come that should have happened; the
    editor must say whether it did, or when it now will.

Example:
    A fact sheet revised 2025-02-25: "The first three buildings will be
    completed in phases starting from end-2024." is reported; "The
    Government will launch the CorpID Platform by end-2026." is not.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterator

import regex

from hklint.dates import find_periods
from hklint.events import Event, as_claim
from hklint.model import CheckContext, Claim, Document, Finding, Interval, Period, Severity, Subject, Tense

CODE = "HK502"
NAME = "stale-future-tense"
CATEGORY = "date"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

# Document dates firm enough to judge a plan by (an inferred date is the
# latest date the text mentions: too easily one the text itself got wrong).
FIRM_DATE_SOURCES = frozenset({"front-matter", "revision-line", "byline", "config"})

# Cues after which the date is the plan's time, and which end of it counts.
USES_END = frozenset({"in", "by", "within", "during", "on", "at", "from", "starting from", "starting",
                      "until", "till", "through"})
USES_START = frozenset({"before"})

CONFIDENCE = 0.8


def run(ctx: CheckContext) -> Iterator[Finding]:
    if CONFIDENCE < ctx.min_confidence:
        return
    for event in ctx.events:
        if not event.future:
            continue
        doc = ctx.documents.get(event.path)
        if doc is None or doc.revision_date is None or doc.date_source not in FIRM_DATE_SOURCES:
            continue
        point = _stale_point(event)
        if point is not None and point < doc.revision_date and not _a_base(event):
            yield _finding(event, doc, point)


# "revenue of S$19.4 billion in FY2024, up 18.5 per cent from FY2023": the date
# after "from" is what the plan is compared with, not its time.
CHANGE_FROM = regex.compile(
    r"\b(?:up|down|rise|rises|rising|increase[sd]?|decrease[sd]?|fall|falls|higher|lower|more|less|grew|rose|fell"
    r"|growth|gain|drop)\b(?:[^.;]|\.\d){0,30}?\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)


def _a_base(event: Event) -> bool:
    if event.cue != "from":
        return False
    at = event.clause.find(event.text)
    while at >= 0:
        if CHANGE_FROM.search(event.clause, max(0, at - 60), at):
            return True
        at = event.clause.find(event.text, at + 1)
    return False


def _stale_point(event: Event) -> dt.date | None:
    """The day after which the plan is certainly overtaken; None when the cue makes no plan time."""
    if event.cue in USES_END:
        return event.period.end
    if event.cue in USES_START:
        return event.period.start - dt.timedelta(days=1)
    return None


# Where the subject of a plan ends: its (future) verb.
PLAN_VERB = regex.compile(r"\b(?:will|shall|would|is|are|to\s+be|has|have)\b", regex.IGNORECASE)


def _finding(event: Event, doc: Document, point: dt.date) -> Finding:
    subject = event.subject.text if event.subject else ""
    claim = as_claim(event, CONFIDENCE)
    if not subject:
        # no named subject: what the sentence is about, up to its verb
        # ("The first three buildings will be completed ...")
        head = PLAN_VERB.split(claim.sentence, maxsplit=1)[0].strip(" ,;:-")
        if 0 < len(head.split()) <= 8 and not any(ch.isdigit() for ch in head[:4]):
            subject = head
    if not subject:
        # no named subject: the quote is what the finding is about
        claim = dataclasses.replace(claim, attribute="planned date")
    what = f'"{event.text}"'
    dated = _revision_claim(doc)
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f"future tense about {what} in {event.path}, which was over by {point.isoformat()}, "
                 f"before the document's revision date {doc.revision_date.isoformat()}"),
        subject=subject or event.text,
        attribute="planned date",
        claims=(claim,) if dated is None else (claim, dated),
        reason=(f'"{event.cue} {event.text}" is over after {point.isoformat()}; '
                f"the document is dated {doc.revision_date.isoformat()} ({doc.date_source})"),
        confidence=CONFIDENCE,
    )


def _revision_claim(doc: Document) -> Claim | None:
    """Where the document states its own date, as a second claim: the editor sees both."""
    evidence = doc.date_evidence
    at = doc.text.find(evidence) if evidence else -1
    if at < 0:
        return None  # a configured date has no line in the document
    found = find_periods(evidence)
    if not found:
        return None
    start, end, _period = found[-1]
    day = doc.revision_date
    return Claim(
        path=doc.path,
        span=doc.span(at + start, at + end),
        text=evidence[start:end],
        sentence=evidence,
        subject=Subject("", "", "none"),
        attribute="revision date",
        value=float(day.year),
        interval=Interval(float(day.year), float(day.year)),
        unit="date",
        as_of=Period(day, day, "day", evidence, "document"),
        tense=Tense.CURRENT,
        extractor="document-date",
        confidence=1.0,
    )
