"""HK601 undated-document: a document whose date cannot be determined.

What it does:
    Reports each document whose revision date is unknown (date source
    "unknown"): no front matter date, no revision or "last updated" line,
    no dated byline, no configured override, and no day- or month-precise
    as-of date in its text to infer one from. The finding points at line 1
    and lists the forms hklint looks for.

Why it matters:
    Claims of an undated document cannot be ordered against other
    documents: a stale figure in it is reported as a conflict, never as
    superseded, and its present-tense statements have no "as of".

Example:
    A blog post that opens "Sign in / Repositioning Hong Kong As an
    Innovation and Technology Hub / Andrew Paul" and never says when it
    was written.
"""
from __future__ import annotations

from typing import Iterator

from hklint import names
from hklint.model import CheckContext, Finding, Severity

CODE = "HK601"
NAME = "undated-document"
CATEGORY = "document"
SEVERITY = Severity.INFO
SCOPE = "document"  # reads one document at a time: runs where it is extracted

# What hklint.dates and the engine accept as a document's date, for the message.
DATE_FORMS = (
    'front matter "date:", "revised:" or "updated:"; '
    'a line "Revision date: <date>", "Last updated: <date>" or "Updated on <date>"; '
    'a full date alone on a line (a byline, e.g. "12 March 2021"); '
    "a day- or month-precise as-of date in the text (e.g. \"as at end-May 2025\"); "
    "or a date override for the document in configuration"
)


def run(ctx: CheckContext) -> Iterator[Finding]:
    for path in sorted(ctx.documents):
        doc = ctx.documents[path]
        if doc.date_source != "unknown" or doc.revision_date is not None:
            continue
        first = doc.line_text(1)
        opening = next((line.strip() for line in doc.text.splitlines() if line.strip()), "")
        claim = names.name_claim(doc, 0, len(first), first, " ".join(opening.split()), path)
        count = sum(1 for c in ctx.claims if c.path == path)
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f"{path} has no date hklint can find, so its {count} claim"
                     f"{'' if count == 1 else 's'} cannot be ordered against other documents"),
            subject=path,
            attribute="revision date",
            claims=(claim,),
            reason=f"hklint looks for {DATE_FORMS}",
        )
