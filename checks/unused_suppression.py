"""HK901 unused-suppression: an hklint comment that suppresses nothing.

What it does:
    Reports each ``<!-- hklint: ignore ... -->`` or ``ignore-file`` comment
    that names a code whose check ran but suppressed no finding on the line
    (or in the file) it covers, that names a code no check has, or that
    hklint cannot read. Codes whose checks did not run (left out by
    ``--select``) are not judged. The finding points at the comment.

Why it matters:
    A suppression outlives the finding it silenced: once the figure is
    fixed, the comment stays and would hide the next, different problem
    on that line. A misspelt code silences nothing and gives false comfort.

Example:
    ``<!-- hklint: ignore HK201 -->`` above "There are currently 15 State
    Key Laboratories", after the figure was corrected: no HK201 finding
    cites that line any more, so the comment should go.
"""
from __future__ import annotations

from typing import Iterator

from hklint.model import CheckContext, Claim, Finding, Interval, Severity, Subject, Tense
from hklint.suppress import FILE, Judged

CODE = "HK901"
NAME = "unused-suppression"
CATEGORY = "document"
SEVERITY = Severity.WARNING
# Characters of the covered line kept in the finding's attribute.
LINE_SHOWN = 80


def run(ctx: CheckContext) -> Iterator[Finding]:
    for judged in ctx.suppressions:
        if judged.faulty and judged.directive.path in ctx.documents:
            yield _finding(judged, ctx)


def _finding(judged: Judged, ctx: CheckContext) -> Finding:
    d = judged.directive
    doc = ctx.documents[d.path]
    covered = "the whole file" if d.scope == FILE else _line(doc, d.target_line)
    where = ("in the whole file" if d.scope == FILE else
             f"on line {d.target_line}" if d.target_line is not None else "(no line follows the comment)")
    if d.problem:
        message = f"{d.path}:{d.span.line}: hklint comment not understood: {d.problem}"
        reason = "a comment starting with 'hklint' is read as a directive"
    else:
        parts = []
        if judged.unused:
            parts.append(f"{', '.join(judged.unused)} suppressed no finding {where}")
        if judged.unknown:
            parts.append(f"{', '.join(judged.unknown)} names no check (`hklint rules` lists them)")
        message = f"{d.path}:{d.span.line}: unused suppression: {'; '.join(parts)}"
        reason = ("a finding is suppressed when one of its claims stands on the line the "
                  "comment covers; remove the comment or the codes it no longer needs")
    claim = Claim(
        path=d.path, span=d.span, text=d.text, sentence=d.text,
        subject=Subject(d.text.casefold(), d.text, "suppression"),
        attribute="suppression", value=0.0, interval=Interval.point(0.0), unit="",
        as_of=None, tense=Tense.CURRENT, extractor="suppress", confidence=1.0,
    )
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=message,
        subject=d.text,
        # the covered line's text, not its number: the fingerprint survives moved lines
        attribute=covered if d.scope == FILE else f"covers: {covered}",
        claims=(claim,),
        reason=reason,
    )


def _line(doc, number: int | None) -> str:
    if number is None:
        return "no line (nothing follows the comment)"
    text = " ".join(doc.line_text(number).split())
    return f'"{text[:LINE_SHOWN - 1]}…"' if len(text) > LINE_SHOWN else f'"{text}"'
