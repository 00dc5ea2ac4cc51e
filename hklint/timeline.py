"""The series view: every claim about a subject, oldest first, with why it is dated so.

``hklint claims --subject TEXT --timeline PATHS`` prints one table per
matching subject: as-of period and where it came from (the sentence, a
table heading, or the document's date), the figure as written, the
attribute, the document and line, the document's revision date and its
source, and the sentence shortened around the figure. Editors read it to
see why hklint ordered two figures the way it did.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable, Mapping

from tabulate import tabulate

from hklint.model import Claim, Document
from hklint.report.table import NONE, preceding, shorten

QUOTE_WIDTH = 70
HEADERS = ["as of", "value", "attribute", "document", "revised", "quote"]


def render(claims: Iterable[Claim], documents: Mapping[str, Document]) -> str:
    """One table per subject key, subjects in alphabetical order, rows oldest first."""
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_subject[claim.subject.key].append(claim)
    parts = []
    for key in sorted(by_subject):
        rows = sorted(by_subject[key], key=lambda c: _order(c, documents.get(c.path)))
        names = sorted({c.subject.text for c in rows})
        title = f"{' / '.join(names)} ({key}): {len(rows)} claim{'s' if len(rows) != 1 else ''}"
        table = tabulate([_row(c, documents.get(c.path)) for c in rows], headers=HEADERS,
                         tablefmt="simple", disable_numparse=True)
        parts.append(f"{title}\n{table}")
    text = "\n\n".join(parts) if parts else "no claims match"
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _order(claim: Claim, doc: Document | None) -> tuple:
    """Oldest first: as-of period, then the document's date; undated last."""
    far = dt.date.max
    as_of = claim.as_of
    revised = doc.revision_date if doc and doc.revision_date else far
    if as_of is None:
        return (far, far, revised, claim.path, claim.span.start)
    return (as_of.start, as_of.end, revised, claim.path, claim.span.start)


def _row(claim: Claim, doc: Document | None) -> list[str]:
    as_of = NONE if claim.as_of is None else f"{claim.as_of.label()} ({_source(claim)})"
    revised = "unknown"
    if doc is not None and doc.revision_date is not None:
        revised = f"{doc.revision_date.isoformat()} ({doc.date_source})"
    return [
        as_of,
        claim.text,
        claim.attribute,
        f"{claim.path}:{claim.span.line}",
        revised,
        f'"{shorten(claim.sentence or claim.text, claim.text, QUOTE_WIDTH, before=preceding(claim, doc))}"',
    ]


def _source(claim: Claim) -> str:
    """Where the as-of came from, with the words when the sentence said it."""
    as_of = claim.as_of
    if as_of.source == "text" and as_of.text:
        return f'text: "{as_of.text}"'
    return as_of.source
