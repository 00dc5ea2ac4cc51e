"""The report for people: documents, findings grouped by subject, problems, a summary.

Everything here is a pure function of ``Report``: the same report renders to the
same text, without trailing whitespace, ending with a newline. Colour (via
``click.style``) only when asked for.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tabulate import tabulate

from hklint.canon import readable
from hklint.model import Claim, Document, Finding, Interval, Period, Problem, Report, Severity, as_of_source

QUOTE_WIDTH = 100  # characters of sentence shown around a figure
EVIDENCE_WIDTH = 60  # characters of date evidence shown in the documents table
ELLIPSIS = "…"
NONE = "—"  # shown where there is no value
TABLE_FORMAT = "simple"
INDENT = "  "
# How far a cut may move to land on a space instead of inside a word.
WORD_SLACK = 15
CONTEXT = 200  # characters before a figure used to find it in its sentence

_SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

Styler = Callable[..., str]


def render(report: Report, *, color: bool = False) -> str:
    """The whole report as text for a terminal or a log."""
    style = _styler(color)
    documents = {d.path: d for d in report.documents}
    parts: list[str] = []
    if report.documents:
        parts.append(_documents_table(report.documents))
    for finding in sorted(report.findings, key=_finding_order):
        parts.append(_finding_block(finding, documents, style))
    if report.problems:
        parts.append("\n".join(_problem_line(p, style) for p in report.problems))
    if report.skipped:
        parts.append(_skipped_lines(report))
    parts.append(style(summary_line(report), bold=True))
    text = "\n\n".join(parts)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


SKIPPED_SHOWN = 20


def _skipped_lines(report: Report) -> str:
    lines = [f"skipped: {p.path} ({p.message})" for p in report.skipped[:SKIPPED_SHOWN]]
    if len(report.skipped) > SKIPPED_SHOWN:
        lines.append(f"skipped: … and {len(report.skipped) - SKIPPED_SHOWN} more (see --format json)")
    return "\n".join(lines)


def summary_line(report: Report) -> str:
    """``3 findings (1 error, 2 warnings) in 5 documents, 812 claims``."""
    counts = Counter(Severity(f.severity) for f in report.findings)
    by_severity = ", ".join(
        _plural(counts[s], str(s)) for s in sorted(Severity, reverse=True) if counts[s]
    )
    line = _plural(len(report.findings), "finding")
    if by_severity:
        line += f" ({by_severity})"
    line += f" in {_plural(len(report.documents), 'document')}, {_plural(report.claim_count, 'claim')}"
    if report.problems:
        line += f"; {_plural(len(report.problems), 'problem')}"
    return line


def shorten(sentence: str, figure: str, width: int = QUOTE_WIDTH, before: str = "") -> str:
    """``sentence`` cut to about ``width`` characters around ``figure``, which stays whole.

    Cuts land on spaces where one is near, and are marked with "…". When the
    figure is not in the sentence it is shown on its own between ellipses.
    ``before``, the document's text up to the figure, tells which occurrence
    is the figure when it occurs more than once (see :func:`locate`).
    """
    sentence = " ".join(readable(sentence).split())
    figure = " ".join(readable(figure).split())
    if len(sentence) <= width:
        return sentence
    at = locate(sentence, figure, " ".join(readable(before).split()) + (" " if before[-1:].isspace() else ""))
    if at < 0:
        return f"{ELLIPSIS}{figure}{ELLIPSIS}" if figure else sentence[: width - 1] + ELLIPSIS
    end = at + len(figure)
    budget = max(width - len(figure) - 2, 0)  # two ellipses at most
    left_room, right_room = at, len(sentence) - end
    left = min(left_room, budget // 2)
    right = min(right_room, budget - left)
    left = min(left_room, budget - right)  # give back what the right side could not use
    start, stop = at - left, end + right
    if start > 0:
        start = _snap_forward(sentence, start, at)
    if stop < len(sentence):
        stop = _snap_backward(sentence, stop, end)
    text = sentence[start:stop].strip()
    return f"{ELLIPSIS if start > 0 else ''}{text}{ELLIPSIS if stop < len(sentence) else ''}"


def locate(sentence: str, figure: str, before: str = "") -> int:
    """Where ``figure`` is in ``sentence``, or -1: of several occurrences ("five
    lines ..., of which 38 are underground, five are at-grade"), the one whose
    preceding words best match ``before``, the text before the claim's span."""
    if not figure:
        return -1
    hits = []
    at = sentence.find(figure)
    while at >= 0:
        hits.append(at)
        at = sentence.find(figure, at + 1)
    if len(hits) <= 1 or not before:
        return hits[0] if hits else -1
    return max(hits, key=lambda i: (_common_suffix(sentence[:i], before), -i))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def preceding(claim: Claim, doc: Document | None) -> str:
    """The document's text just before the claim's figure, for :func:`locate`."""
    if doc is None:
        return ""
    return doc.text[max(0, claim.span.start - CONTEXT):claim.span.start]


def _snap_forward(text: str, cut: int, limit: int) -> int:
    """Move a left cut forward to just after a space, if one is close and before ``limit``."""
    if text[cut - 1] == " ":
        return cut
    space = text.find(" ", cut, min(cut + WORD_SLACK, limit))
    return space + 1 if space >= 0 else cut


def _snap_backward(text: str, cut: int, limit: int) -> int:
    """Move a right cut back to a space, if one is close and after ``limit``."""
    if text[cut] == " ":
        return cut
    space = text.rfind(" ", max(cut - WORD_SLACK, limit), cut)
    return space if space >= 0 else cut


def _documents_table(documents: tuple[Document, ...]) -> str:
    show_encoding = any(not _is_utf8(d.encoding) for d in documents)
    headers = ["document", "revision date", "date source"]
    if show_encoding:
        headers.append("encoding")
    rows = []
    for doc in documents:
        row = [doc.path, _revision(doc), _date_source(doc)]
        if show_encoding:
            row.append("" if _is_utf8(doc.encoding) else doc.encoding)
        rows.append(row)
    return _table(rows, headers)


def _finding_order(finding: Finding) -> tuple[str, str, str]:
    return (finding.subject.casefold(), finding.subject, finding.code)


def _finding_block(finding: Finding, documents: dict[str, Document], style: Styler) -> str:
    severity = Severity(finding.severity)
    header = (
        f"{style(finding.code, bold=True)} {finding.check} "
        f"{style(f'[{severity}]', fg=_SEVERITY_COLOURS[severity], bold=True)} {finding.subject}"
    )
    if finding.attribute:
        header += f" — {finding.attribute}"
    lines = [header, INDENT + _one_line(finding.message)]
    rows = [_claim_row(c, documents.get(c.path)) for c in finding.claims]
    if rows:
        table = _table(rows, ["location", "quote", "value", "as of", "document date"])
        lines.extend(INDENT + line for line in table.splitlines())
    if finding.reason:
        lines.append(f"{INDENT}why: {_one_line(finding.reason)}")
    return "\n".join(lines)


def _claim_row(claim: Claim, doc: Document | None) -> list[str]:
    return [
        f"{claim.path}:{claim.span.line}:{claim.span.column}",
        f'"{shorten(claim.sentence or claim.text, claim.text, before=preceding(claim, doc))}"',
        _value(claim),
        _as_of(claim.as_of, doc),
        _date(doc) if doc else NONE,
    ]


def _value(claim: Claim) -> str:
    """``16,000,000 HKD`` or, when the value is an interval, ``16,000,000 HKD (≤ 16,000,000)``;
    a date's period, or a name as spelled, for claims that cite those."""
    if claim.unit == "date":
        return claim.as_of.label() if claim.as_of is not None else claim.text
    if claim.extractor == "names":
        return f'"{claim.text}"'
    text = f"{_number(claim.value)} {claim.unit}".strip()
    interval = claim.interval
    if interval != Interval.point(claim.value):
        text += f" ({_interval(interval)})"
    return text


def _interval(interval: Interval) -> str:
    low, high = interval.low, interval.high
    if low is None and high is None:
        return "any value"
    if low is None:
        return f"{'≤' if interval.high_closed else '<'} {_number(high)}"
    if high is None:
        return f"{'≥' if interval.low_closed else '>'} {_number(low)}"
    opening = "[" if interval.low_closed else "("
    closing = "]" if interval.high_closed else ")"
    return f"{opening}{_number(low)} – {_number(high)}{closing}"


def _number(x: float) -> str:
    """Thousands separated; whole numbers without a decimal point."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{round(float(x), 6):,}"


def _as_of(period: Period | None, doc: Document | None = None) -> str:
    if period is None:
        return NONE
    return f"{period.label()} ({as_of_source(period, doc)})"


def _revision(doc: Document) -> str:
    return doc.revision_date.isoformat() if doc.revision_date else "unknown"


def _date(doc: Document) -> str:
    """A document's date with its source, as shown beside each claim."""
    if doc.revision_date is None:
        return "unknown"
    return f"{doc.revision_date.isoformat()} ({doc.date_source})"


def _date_source(doc: Document) -> str:
    if not doc.date_evidence:
        return doc.date_source
    evidence = _one_line(doc.date_evidence)
    if len(evidence) > EVIDENCE_WIDTH:
        evidence = evidence[: EVIDENCE_WIDTH - 1].rstrip() + ELLIPSIS
    return f'{doc.date_source}: "{evidence}"'


def _problem_line(problem: Problem, style: Styler) -> str:
    return f"{style('problem:', fg='magenta', bold=True)} {problem.path}: {_one_line(problem.message)}"


def _table(rows: list[list[str]], headers: list[str]) -> str:
    # disable_numparse: values are already formatted; tabulate must not re-read them.
    return tabulate(rows, headers=headers, tablefmt=TABLE_FORMAT, disable_numparse=True)


def _plural(n: int, noun: str) -> str:
    if n == 1 or noun == "info":
        return f"{n} {noun}"
    return f"{n} {noun}s"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8")


def _styler(color: bool) -> Styler:
    if not color:
        return lambda text, **_: text
    import click  # only when colour is wanted: keeps plain rendering import-light

    return click.style
