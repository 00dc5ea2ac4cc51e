"""HK101 conflicting-figures: two figures for one fact, and nothing orders them.

What it does:
    Pairs claims about the same subject and measure in different documents
    whose values cannot both hold, when no date orders them: both are stated
    for the same period, or one comes from a document with no determinable
    date. Two lower bounds ("over 2,500", "over 1,600") can both hold, and a
    past and a present figure ("had a capacity of 127,000", "has 90,000") are
    ordered by their grammar: neither is a conflict.

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

from hklint.link import relation_findings
from hklint.model import CheckContext, Finding, Severity

CODE = "HK101"
NAME = "conflicting-figures"
CATEGORY = "conflict"
SEVERITY = Severity.ERROR


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from relation_findings(ctx, "conflict", code=CODE, name=NAME, category=CATEGORY,
                                 severity=SEVERITY, verb="conflicts with")
