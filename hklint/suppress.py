"""Inline suppression: ``<!-- hklint: ignore HK201 -->`` comments in documents.

Three forms, each one HTML comment on one line:

* alone on its line: covers the next non-blank line that is not itself a
  directive;
* after (or before) text on a line: covers that line;
* ``<!-- hklint: ignore-file HK201 -->`` anywhere: covers the whole file.

Codes are separated by commas or spaces and match as prefixes (``HK2``
covers HK201); ``-- reason text`` may follow them. A finding is suppressed
when a directive in the document of *any* of its claims covers that claim's
line and names the finding's code. Directives inside fenced code blocks or
inline code spans are examples, not directives. The comments are blanked
(same length, so offsets hold) before extraction: they never make claims.

After the checks ran, :func:`judge` says which code of each directive
suppressed nothing (or names no check); HK901 reports those.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from hklint.model import Document, Finding, Span

# Any comment that starts with "hklint" is meant for hklint: read strictly below.
_COMMENT = re.compile(r"<!--[ \t]*hklint\b[^\n]*?-->", re.IGNORECASE)
# The strict form: kind, codes, optional "-- reason".
_DIRECTIVE = re.compile(
    r"""
    <!--[ \t]*hklint[ \t]*:[ \t]*
    (?P<kind>[A-Za-z]+(?:-[A-Za-z]+)*)     # ignore | ignore-file
    (?P<codes>[^\n]*?)                     # codes, commas or spaces between
    (?:[ \t]--(?!>)[ \t]*(?P<reason>[^\n]*?))?  # optional "-- reason text"
    [ \t]*-->
    """,
    re.VERBOSE | re.IGNORECASE,
)
# One code or code prefix: letters then digits, as the registry's codes are.
_CODE = re.compile(r"^[A-Za-z]{1,4}[0-9]{0,4}$")
_SEPARATORS = re.compile(r"[,\s]+")
# A fence line of a markdown code block: ``` or ~~~.
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
KINDS = {"ignore": "line", "ignore-file": "file"}
FILE, LINE, NEXT_LINE = "file", "line", "next-line"


@dataclass(frozen=True)
class Directive:
    """One hklint comment: where it is, what it covers, what it names."""

    path: str
    span: Span  # the comment itself
    text: str  # the comment as written
    scope: str  # FILE, LINE or NEXT_LINE
    target_line: int | None  # the line covered (None for FILE, or no line follows)
    codes: tuple[str, ...]  # upper-cased code prefixes
    reason: str = ""
    problem: str = ""  # why the comment is not a directive hklint understands

    def covers(self, path: str, line: int) -> bool:
        if self.problem or path != self.path:
            return False
        return self.scope == FILE or line == self.target_line

    def matching(self, code: str) -> tuple[str, ...]:
        """The prefixes of this directive that name ``code``."""
        return tuple(p for p in self.codes if code.startswith(p))


@dataclass(frozen=True)
class Judged:
    """A directive after the checks ran: the codes that suppressed nothing."""

    directive: Directive
    unused: tuple[str, ...] = ()  # prefixes whose checks ran and suppressed no finding
    unknown: tuple[str, ...] = ()  # prefixes that name no check

    @property
    def faulty(self) -> bool:
        return bool(self.unused or self.unknown or self.directive.problem)


def parse(doc: Document) -> tuple[Directive, ...]:
    """Every hklint comment of ``doc``, outside code blocks and code spans."""
    found = []
    code_lines = _code_block_lines(doc.text)
    for match in _COMMENT.finditer(doc.text):
        span = doc.span(match.start(), match.end())
        if span.line in code_lines or _in_code_span(doc.line_text(span.line), span.column - 1):
            continue
        found.append(_directive(doc, match.group(), span, code_lines))
    return tuple(found)


def _directive(doc: Document, text: str, span: Span, code_lines: set[int]) -> Directive:
    def bad(problem: str) -> Directive:
        return Directive(doc.path, span, text, LINE, span.line, (), "", problem)

    match = _DIRECTIVE.fullmatch(text)
    if match is None:
        return bad('not of the form "<!-- hklint: ignore CODE[, CODE] [-- reason] -->"')
    kind = match.group("kind").lower()
    if kind not in KINDS:
        return bad(f"unknown directive {match.group('kind')!r} (use ignore or ignore-file)")
    codes = tuple(c for c in _SEPARATORS.split(match.group("codes").strip()) if c)
    if not codes:
        return bad("names no code (write the codes to ignore, e.g. HK201)")
    unreadable = [c for c in codes if not _CODE.match(c)]
    if unreadable:
        return bad(f"{unreadable[0]!r} is not a code or code prefix")
    reason = (match.group("reason") or "").strip()
    codes = tuple(dict.fromkeys(c.upper() for c in codes))
    if KINDS[kind] == FILE:
        return Directive(doc.path, span, text, FILE, None, codes, reason)
    line = doc.line_text(span.line)
    if line.strip() != text.strip():
        return Directive(doc.path, span, text, LINE, span.line, codes, reason)
    target = _next_content_line(doc, span.line, code_lines)
    return Directive(doc.path, span, text, NEXT_LINE, target, codes, reason)


def _next_content_line(doc: Document, line: int, code_lines: set[int]) -> int | None:
    """The next line with text that is not a directive alone on its line."""
    for number in range(line + 1, len(doc.line_starts) + 1):
        text = doc.line_text(number).strip()
        if not text:
            continue
        if number not in code_lines and _COMMENT.fullmatch(text):
            continue  # stacked directives all cover the line below them
        return number
    return None


def _code_block_lines(text: str) -> set[int]:
    """1-based numbers of the lines inside (and on) fenced code blocks."""
    inside, fence, lines = False, "", set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if match and (not inside or match.group(1) == fence):
            lines.add(number)
            inside, fence = (not inside), match.group(1)
            continue
        if inside:
            lines.add(number)
    return lines


def _in_code_span(line: str, column: int) -> bool:
    """Is ``column`` inside a `code span` (an odd number of backticks before it)?"""
    return line[:column].count("`") % 2 == 1


def blank(doc: Document, directives: Iterable[Directive]) -> Document:
    """``doc`` with every directive comment replaced by spaces (offsets unchanged)."""
    spans = sorted((d.span.start, d.span.end) for d in directives)
    if not spans:
        return doc
    parts, last = [], 0
    for start, end in spans:
        parts.append(doc.text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(doc.text[last:])
    return dataclasses.replace(doc, text="".join(parts))


def apply(findings: Iterable[Finding], directives: Sequence[Directive]
          ) -> tuple[list[Finding], set[tuple[Directive, str]]]:
    """(findings no directive covers, the (directive, prefix) pairs that suppressed one)."""
    by_path: dict[str, list[Directive]] = {}
    for d in directives:
        if not d.problem:
            by_path.setdefault(d.path, []).append(d)
    kept: list[Finding] = []
    used: set[tuple[Directive, str]] = set()
    for finding in findings:
        hits = {(d, p)
                for claim in finding.claims
                for d in by_path.get(claim.path, ())
                if d.covers(claim.path, claim.span.line)
                for p in d.matching(finding.code)}
        if hits:
            used |= hits
        else:
            kept.append(finding)
    return kept, used


def judge(directives: Sequence[Directive], used: set[tuple[Directive, str]],
          known: Sequence[str], ran: Sequence[str]) -> tuple[Judged, ...]:
    """Each directive with the prefixes that suppressed nothing although their checks ran.

    A prefix none of whose checks ran (``--select`` left them out) is not
    judged: nobody knows whether it would have been needed.
    """
    out = []
    for d in directives:
        unused, unknown = [], []
        for prefix in d.codes:
            if not any(code.startswith(prefix) for code in known):
                unknown.append(prefix)
            elif any(code.startswith(prefix) for code in ran) and (d, prefix) not in used:
                unused.append(prefix)
        out.append(Judged(d, tuple(unused), tuple(unknown)))
    return tuple(out)
