"""HK201 superseded-figure: a later-dated document revises a figure.

What it does:
    Pairs claims about the same subject and measure in different documents
    and reports the older one when a later as-of or revision date gives a
    value that cannot also hold (intervals from qualifiers do not overlap; a
    cap is compared as a value).

Why it matters:
    A document that still states the old figure reads as current and is
    wrong; editors need to know which document is stale and what replaces it.

Example:
    "There are currently 16 State Key Laboratories" (fact sheet revised
    2025-02-25) and "Hong Kong currently has 15 State Key Laboratories"
    (a document dated July 2025): the 16 is superseded by the 15.
"""
from __future__ import annotations

from typing import Iterator

from hklint.link import context_relations, display_subject, grouped
from hklint.model import CheckContext, Finding, Severity

CODE = "HK201"
NAME = "superseded-figure"
CATEGORY = "supersession"
SEVERITY = Severity.WARNING


def run(ctx: CheckContext) -> Iterator[Finding]:
    for olds, rel in grouped(context_relations(ctx), "supersedes"):
        old, new = olds[0], rel.newer
        places = f" ({len(olds)} places)" if len(olds) > 1 else ""
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f'{display_subject(old, new)}: "{old.text}" in {old.path}{places} is superseded by '
                     f'"{new.text}" in {new.path}'),
            subject=display_subject(old, new),
            attribute=old.attribute,
            # the stale figure, what replaces it, then the figure's other places
            claims=(old, new, *olds[1:]),
            reason=rel.reason,
            confidence=min(old.confidence, new.confidence),
        )
