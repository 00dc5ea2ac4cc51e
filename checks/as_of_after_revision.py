"""HK503 as-of-after-revision: a figure stated "as of" a date after the document's own date.

What it does:
    Reports a claim whose as-of date is written in its sentence with a
    state cue — "as of", "as at", "up to", "until" — and begins after the
    revision date the document states about itself (front matter, a revision
    line, a byline, or configuration; never an inferred date, which is made
    from these very mentions). Plans and targets (a sentence in the future
    tense) are left out: "by 2030" is meant to lie ahead.

Why it matters:
    A document cannot know a figure as of a date after it was written.
    Either the revision date was not updated when the figure was, or the
    as-of date is a typo; readers and hklint then order the document's
    claims wrongly against other documents.

Example:
    A fact sheet with "Revision date: 25 February 2025" saying "As of June
    2025, over 3.5 million people are registered users": reported. "As at
    end-December 2024, the ITVF has invested about $339 million": not.
"""
from __future__ import annotations

import datetime as dt

from typing import Iterator

import regex

from hklint.dates import sentence_tense
from hklint.model import CheckContext, Claim, Document, Finding, Severity, Tense

CODE = "HK503"
NAME = "as-of-after-revision"
CATEGORY = "date"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

FIRM_DATE_SOURCES = frozenset({"front-matter", "revision-line", "byline", "config"})

# The cue just before the as-of date that makes it the time of a state.
STATE_CUE = regex.compile(
    r"\b(?:as\s+(?:of|at)|up\s+to|until|till)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?[*_]*$", regex.IGNORECASE)


def run(ctx: CheckContext) -> Iterator[Finding]:
    # one finding per sentence and as-of date: the editor fixes the date once
    found: dict[tuple[str, str, str], list[Claim]] = {}
    for claim in _late_claims(ctx):
        found.setdefault((claim.path, claim.sentence, claim.as_of.text), []).append(claim)
    for claims in found.values():
        yield _finding(claims, ctx.documents[claims[0].path])


def _late_claims(ctx: CheckContext) -> Iterator[Claim]:
    for claim in ctx.claims:
        if claim.confidence < ctx.min_confidence:
            continue
        as_of = claim.as_of
        if as_of is None or as_of.source != "text":
            continue
        doc = ctx.documents.get(claim.path)
        if doc is None or doc.revision_date is None or doc.date_source not in FIRM_DATE_SOURCES:
            continue
        if _earliest_start(as_of) <= doc.revision_date or not _state_cue(claim):
            continue
        # the engine marks every figure dated after its document as a target
        # (claim.tense FUTURE); what the writer meant is read from the sentence
        if sentence_tense(claim.sentence) is Tense.FUTURE:
            continue
        yield claim


def _earliest_start(period) -> dt.date:
    """When a period may begin: a fiscal year named by its year ("FY2026") runs
    from some month of the year before in most calendars (US federal: October;
    many companies: February), so it may have begun a year earlier."""
    if period.granularity == "fiscal-year" and period.start.month == 1:
        return period.start.replace(year=period.start.year - 1)
    return period.start


def _state_cue(claim: Claim) -> bool:
    """The as-of date stands after "as of", "as at", "up to" ... in the claim's sentence."""
    sentence = " ".join(claim.sentence.split())
    at = sentence.find(claim.as_of.text)
    while at >= 0:
        if STATE_CUE.search(sentence, 0, at):
            return True
        at = sentence.find(claim.as_of.text, at + 1)
    return False


def _finding(claims: list[Claim], doc: Document) -> Finding:
    claims = sorted(claims, key=lambda c: c.span.start)
    first = claims[0]
    revised = doc.revision_date.isoformat()
    figures = ", ".join(f'"{c.text}"' for c in claims)
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f'{first.subject.text}: {figures} stated as of "{first.as_of.text}" in {first.path}, '
                 f"after the document's revision date {revised}"),
        subject=first.subject.text,
        attribute=first.attribute,
        claims=tuple(claims),
        reason=(f"{first.as_of.label()} begins {first.as_of.start.isoformat()}, after {revised} "
                f"({doc.date_source}: {doc.date_evidence})"),
        confidence=min(c.confidence for c in claims),
    )
