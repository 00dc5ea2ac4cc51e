"""HK101 conflicting-figures: two figures for one fact, and nothing orders them.

What it does:
    Pairs claims about the same subject and measure in different documents
    whose values cannot both hold, when no date orders them: both are stated
    for the same period, or one comes from a document with no determinable
    date.

Why it matters:
    Without a date a reader cannot tell which figure is current; one of the
    two documents is wrong and must be fixed or dated.

Example:
    An undated post says the Technology Start-up Support Scheme for
    Universities gives "up to HK$8 million" a year to universities; a fact
    sheet says "$16 million to each participating university".
"""
from __future__ import annotations

from typing import Iterator

from hklint.link import context_relations, display_subject, grouped
from hklint.model import CheckContext, Finding, Severity

CODE = "HK101"
NAME = "conflicting-figures"
CATEGORY = "conflict"
SEVERITY = Severity.ERROR


def run(ctx: CheckContext) -> Iterator[Finding]:
    for olds, rel in grouped(context_relations(ctx), "conflict"):
        a, b = olds[0], rel.newer
        places = f" ({len(olds)} places)" if len(olds) > 1 else ""
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f'{display_subject(a, b)}: "{a.text}" in {a.path}{places} conflicts with '
                     f'"{b.text}" in {b.path}'),
            subject=display_subject(a, b),
            attribute=a.attribute,
            claims=(a, b, *olds[1:]),
            reason=rel.reason,
            confidence=min(a.confidence, b.confidence),
        )
