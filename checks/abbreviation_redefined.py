"""HK402 abbreviation-redefined: one abbreviation defined as two different names.

What it does:
    Reads every definition in brackets, "Innovation and Technology
    Commission (ITC)", across all documents, and reports an abbreviation
    given two expansions that name different things. Expansions that fold
    alike (case, "&"/"and", plural, ordinary spelling variants), that contain
    one another as whole words ("Greater Bay Area" and "Guangdong-Hong
    Kong-Macao Greater Bay Area"), or that are one name spelled two ways
    (reported by HK401) are one definition.

Why it matters:
    Readers resolve an abbreviation to the name it was defined as; when two
    documents (or two pages of one) define it differently, one of them is
    wrong or the abbreviation is ambiguous, and hklint's own alias table
    links figures through the first definition it saw.

Example:
    "the Innovation and Technology Commission (ITC)" in one document and
    "the Information Technology Council (ITC)" in another.
"""
from __future__ import annotations

from typing import Iterator

from hklint import names
from hklint.model import CheckContext, Finding, Severity

CODE = "HK402"
NAME = "abbreviation-redefined"
CATEGORY = "name"
SEVERITY = Severity.WARNING


def collect(ctx: CheckContext) -> list[names.Definition]:
    """Per document (run where it is extracted, cached with it): its definitions."""
    (path,) = ctx.documents
    return names.definitions(ctx.documents[path], ctx.analysis(path))


def run(ctx: CheckContext) -> Iterator[Finding]:
    by_abbr: dict[str, list[names.Definition]] = {}
    for path in sorted(ctx.documents):
        for d in ctx.gathered(CODE, path, collect):
            by_abbr.setdefault(_abbr_key(d.abbr), []).append(d)
    for abbr in sorted(by_abbr):
        groups = _expansions(by_abbr[abbr])
        usual, *others = groups
        for other in others:
            yield _finding(ctx, usual, other)


def _abbr_key(abbr: str) -> str:
    """SKLs and SKL are one abbreviation; ITC and Itc are not."""
    return abbr[:-1] if len(abbr) > 2 and abbr.endswith("s") and abbr[-2].isupper() else abbr


def _expansions(defs: list[names.Definition]) -> list[list[names.Definition]]:
    """Definitions grouped by the thing they name, most often defined first."""
    groups: list[list[names.Definition]] = []
    for d in defs:
        for group in groups:
            if names.same_expansion(d.expansion, group[0].expansion):
                group.append(d)
                break
        else:
            groups.append([d])
    groups.sort(key=lambda g: (-len(g), g[0].path, g[0].start))
    return groups


def _finding(ctx: CheckContext, usual: list[names.Definition], other: list[names.Definition]) -> Finding:
    u, o = usual[0], other[0]
    claims = tuple(names.name_claim(ctx.documents[d.path], d.start, d.end, d.text, d.sentence, d.abbr)
                   for d in (o, u))
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f'{o.abbr} is defined as "{o.expansion}" in {names.shown_paths(d.path for d in other)} '
                 f'and as "{u.expansion}" in {names.shown_paths(d.path for d in usual)}'),
        subject=u.abbr,
        attribute=f'defined as "{o.expansion}"',
        claims=claims,
        reason="neither expansion folds to the other, contains it, or is a spelling variant of it",
    )
