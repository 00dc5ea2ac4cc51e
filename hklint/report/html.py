"""One self-contained HTML page: a card per finding, for editors reading in a browser.

Each card shows the cited quotes side by side with the figures marked, each
document's date and where it came from, the reason, and the timeline of the
subject: every claim of the same subject and measure across the corpus,
oldest first. Inline CSS only, no script. Every piece of document text goes
through ``html.escape``: a document can hold markup, and must show as text.
"""
from __future__ import annotations

import datetime as dt
import html
from collections import Counter, defaultdict

from hklint.link import link_key
from hklint.model import Claim, Document, Finding, Report, Severity, as_of_source
from hklint.report.table import locate, preceding, shorten, summary_line

TIMELINE_MAX = 40  # rows shown per timeline; the rest are counted
TIMELINE_OPEN = 8  # timelines this short are shown unfolded
QUOTE_WIDTH = 160  # characters of sentence in a timeline row

STYLE = """
:root { --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --card:#fff; --page:#f4f5f7;
        --error:#b3261e; --warning:#8a5a00; --info:#0b57d0; }
* { box-sizing: border-box; }
body { margin:0; padding:1.5rem; background:var(--page); color:var(--ink);
       font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { margin:0 0 .25rem; font-size:1.5rem; }
h2 { font-size:1.1rem; margin:0; }
.summary { color:var(--muted); margin:0 0 1rem; }
table { border-collapse:collapse; width:100%; font-size:.9rem; }
th, td { text-align:left; padding:.3rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:600; }
section, article { background:var(--card); border:1px solid var(--line); border-radius:8px;
                   padding:1rem 1.25rem; margin:0 0 1rem; }
article { border-left:6px solid var(--muted); }
article.error { border-left-color:var(--error); }
article.warning { border-left-color:var(--warning); }
article.info { border-left-color:var(--info); }
.head { display:flex; flex-wrap:wrap; gap:.5rem; align-items:baseline; }
.code { font-weight:700; font-family:ui-monospace, monospace; }
.check { color:var(--muted); font-family:ui-monospace, monospace; }
.severity { font-size:.8rem; text-transform:uppercase; letter-spacing:.04em; font-weight:700; }
.error .severity { color:var(--error); } .warning .severity { color:var(--warning); }
.info .severity { color:var(--info); }
.message { margin:.5rem 0; }
.quotes { display:grid; grid-template-columns:repeat(auto-fit, minmax(18rem, 1fr)); gap:.75rem; }
.quote { margin:0; border:1px solid var(--line); border-radius:6px; padding:.6rem .75rem; background:#fafafa; }
.quote blockquote { margin:0 0 .5rem; }
.quote dl { display:grid; grid-template-columns:max-content 1fr; gap:.1rem .6rem; margin:0;
            font-size:.85rem; color:var(--muted); }
.quote dt { font-weight:600; } .quote dd { margin:0; }
mark { background:#ffe58f; padding:0 .1em; border-radius:2px; font-weight:600; }
.reason { margin:.75rem 0 0; }
.path { font-family:ui-monospace, monospace; font-size:.85rem; overflow-wrap:anywhere; }
details { margin-top:.75rem; } summary { cursor:pointer; color:var(--muted); }
tr.cited { background:#fff8e1; }
.more { color:var(--muted); font-size:.85rem; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render(report: Report, *, tool_version: str) -> str:
    documents = {d.path: d for d in report.documents}
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in report.claims:
        groups[link_key(claim)].append(claim)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>hklint report: {_e(_plural(len(report.findings), 'finding'))}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<header><h1>hklint report</h1>",
        f'<p class="summary">{_e(summary_line(report))}</p></header>',
    ]
    if report.findings:
        parts.append(_by_code(report))
    parts.extend(_card(f, i, documents, groups) for i, f in enumerate(report.findings, start=1))
    parts.append(_documents(report.documents))
    if report.problems or report.skipped:
        parts.append(_problems(report))
    parts.append(f'<footer class="summary">hklint {_e(tool_version)}</footer></body></html>')
    return "\n".join(parts) + "\n"


def _by_code(report: Report) -> str:
    counts = Counter((f.code, f.check) for f in report.findings)
    rows = "".join(
        f"<tr><td class=\"code\">{_e(code)}</td><td class=\"check\">{_e(check)}</td><td>{n}</td></tr>"
        for (code, check), n in sorted(counts.items())
    )
    return ("<section><h2>Findings by check</h2><table><thead><tr><th>code</th><th>check</th>"
            f"<th>findings</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _card(finding: Finding, number: int, documents: dict[str, Document],
          groups: dict[tuple, list[Claim]]) -> str:
    severity = str(Severity(finding.severity))
    title = finding.subject + (f" — {finding.attribute}" if finding.attribute else "")
    quotes = "".join(_quote(c, documents.get(c.path)) for c in finding.claims)
    parts = [
        f'<article class="finding {_e(severity)}" id="finding-{number}" data-code="{_e(finding.code)}">',
        '<div class="head">',
        f'<span class="code">{_e(finding.code)}</span>',
        f'<span class="check">{_e(finding.check)}</span>',
        f'<span class="severity">{_e(severity)}</span>',
        f"<h2>{_e(title)}</h2></div>",
        f'<p class="message">{_e(finding.message)}</p>',
        f'<div class="quotes">{quotes}</div>',
    ]
    if finding.reason:
        parts.append(f'<p class="reason"><strong>Why:</strong> {_e(finding.reason)}</p>')
    parts.append(_timeline(finding, groups, documents))
    parts.append("</article>")
    return "\n".join(parts)


def _quote(claim: Claim, doc: Document | None) -> str:
    where = f"{claim.path}:{claim.span.line}:{claim.span.column}"
    as_of = _as_of(claim, doc)
    rows = [
        ("where", f'<span class="path">{_e(where)}</span>'),
        ("document date", _e(_document_date(doc))),
        ("date source", _e(_date_source(doc))),
    ]
    if claim.extractor not in ("names", "suppress"):
        rows.insert(1, ("as of", _e(as_of)))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<figure class="quote"><blockquote>{highlight(claim, doc)}</blockquote>'
            f"<dl>{meta}</dl></figure>")


def highlight(claim: Claim, doc: Document | None, width: int | None = None) -> str:
    """The claim's sentence, escaped, with its figure in ``<mark>``.

    When the figure occurs more than once, the occurrence whose preceding
    text best matches the document before the claim's span is marked.
    """
    sentence = " ".join((claim.sentence or claim.text).split())
    figure = " ".join(claim.text.split())
    if width is not None:
        sentence = shorten(sentence, figure, width)
    at = _locate(sentence, figure, claim, doc)
    if at < 0:
        if not figure:
            return _e(sentence)
        return f"{_e(sentence)} <mark>{_e(figure)}</mark>" if figure not in sentence else _e(sentence)
    end = at + len(figure)
    return f"{_e(sentence[:at])}<mark>{_e(sentence[at:end])}</mark>{_e(sentence[end:])}"


def _locate(sentence: str, figure: str, claim: Claim, doc: Document | None) -> int:
    before = preceding(claim, doc)
    return locate(sentence, figure, " ".join(before.split()) + (" " if before[-1:].isspace() else ""))


def _timeline(finding: Finding, groups: dict[tuple, list[Claim]], documents: dict[str, Document]) -> str:
    keys = {link_key(c) for c in finding.claims}
    claims = sorted({c for k in keys for c in groups.get(k, ())}, key=_chronological)
    if not claims:
        return ""
    cited = {(c.path, c.span.start, c.span.end) for c in finding.claims}
    rows = []
    for claim in claims[:TIMELINE_MAX]:
        mark = ' class="cited"' if (claim.path, claim.span.start, claim.span.end) in cited else ""
        doc = documents.get(claim.path)
        rows.append(
            f"<tr{mark}><td>{_e(_as_of(claim, doc))}</td><td>{_e(claim.text)}</td>"
            f'<td class="path">{_e(f"{claim.path}:{claim.span.line}")}</td>'
            f"<td>{_e(_document_date(doc))}</td><td>{highlight(claim, doc, QUOTE_WIDTH)}</td></tr>"
        )
    more = ""
    if len(claims) > TIMELINE_MAX:
        more = f'<p class="more">… and {len(claims) - TIMELINE_MAX} more claims</p>'
    subject = finding.subject + (f" — {finding.attribute.partition('; ')[0]}" if finding.attribute else "")
    opened = " open" if len(claims) <= TIMELINE_OPEN else ""
    return (f"<details{opened}><summary>Timeline of {_e(subject)}: {_plural(len(claims), 'claim')}, oldest first"
            "</summary><table><thead><tr><th>as of</th><th>figure</th><th>where</th>"
            f"<th>document date</th><th>quote</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"{more}</details>")


def _chronological(claim: Claim) -> tuple:
    """Oldest first; claims without a date last; then by place, for a stable order."""
    if claim.as_of is None:
        return (1, dt.date.max, dt.date.max, claim.path, claim.span.start)
    return (0, claim.as_of.start, claim.as_of.end, claim.path, claim.span.start)


def _as_of(claim: Claim, doc: Document | None = None) -> str:
    if claim.as_of is None:
        return "undated"
    return f"{claim.as_of.label()} ({as_of_source(claim.as_of, doc)})"


def _document_date(doc: Document | None) -> str:
    if doc is None or doc.revision_date is None:
        return "unknown"
    return doc.revision_date.isoformat()


def _date_source(doc: Document | None) -> str:
    if doc is None:
        return "unknown"
    evidence = " ".join(doc.date_evidence.split())
    return f'{doc.date_source}: "{evidence}"' if evidence else doc.date_source


def _documents(documents: tuple[Document, ...]) -> str:
    rows = "".join(
        f'<tr><td class="path">{_e(d.path)}</td><td>{_e(_document_date(d))}</td>'
        f"<td>{_e(_date_source(d))}</td></tr>"
        for d in documents
    )
    return ("<section><h2>Documents</h2><table><thead><tr><th>document</th><th>revision date</th>"
            f"<th>date source</th></tr></thead><tbody>{rows}</tbody></table></section>")


def _problems(report: Report) -> str:
    items = [f'<li><span class="path">{_e(p.path)}</span>: {_e(p.message)}</li>' for p in report.problems]
    items += [f'<li><span class="path">{_e(p.path)}</span>: skipped ({_e(p.message)})</li>'
              for p in report.skipped]
    return f"<section><h2>Problems and skipped files</h2><ul>{''.join(items)}</ul></section>"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
