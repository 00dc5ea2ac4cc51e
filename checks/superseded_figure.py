"""HK201 superseded-figure: a later-dated document revises a figure.

What it does:
    Pairs claims about the same subject and measure in different documents
    and reports the older one when a later as-of or revision date gives a
    value that cannot also hold (intervals from qualifiers do not overlap; a
    cap is compared as a value). A lower bound is read at its stated
    precision: "over 3,700" is outgrown by a later "around 15 000". An undated
    figure that repeats exactly a figure another document states for an
    earlier period is that period's figure, restated; a report's figure for
    the year it covers is newer than one dated by a document written during
    that year. Explicitly different periods are a series, not a finding, and
    so is a later document's figure for an earlier period set against an
    earlier document's undated one. History is not superseded: a past event
    the older document tells without its date ("installations increased to
    7.4 GW"), a figure it dates years before itself ("in 1981, 34 airlines
    ..." in a page of 2017), a change ("up 12.9% over 2009": each rate is of
    its own stretch of time), a running total against one period's figure.
    Measures that only look alike are kept apart by role tags: a part ("half
    (300 ha) of it"), a figure per unit ("10 people each"), monthly or
    quarterly flows, inflows and outflows, an initial figure, what was done to
    those counted ("promoted" vs "employs"), a place after the counted noun
    ("19 cities in Europe").

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

from hklint.link import relation_findings
from hklint.model import CheckContext, Finding, Severity

CODE = "HK201"
NAME = "superseded-figure"
CATEGORY = "supersession"
SEVERITY = Severity.WARNING


def run(ctx: CheckContext) -> Iterator[Finding]:
    yield from relation_findings(ctx, "supersedes", code=CODE, name=NAME, category=CATEGORY,
                                 severity=SEVERITY, verb="is superseded by")
