"""HK602 mixed-number-format: one document writes thousands two ways.

What it does:
    Reports a document that separates thousands with commas in some
    numbers ("42,000") and with spaces in others ("42 000"; thin and
    non-breaking spaces count as spaces). The finding cites the first
    number written the rarer way, beside the first written the usual way.
    Off by default: select it with ``--select HK602`` (or "HK6").

Why it matters:
    House style asks for one convention per document; mixed separators
    often show a passage pasted from another source, which may carry
    figures of another date.

Example:
    "more than 1 100 services" and "42,000 Wi-Fi.HK hotspots" in one
    document.
"""
from __future__ import annotations

from typing import Iterator

import regex

from hklint import names
from hklint.load import to_original
from hklint.model import CheckContext, Finding, Severity

CODE = "HK602"
NAME = "mixed-number-format"
CATEGORY = "document"
SEVERITY = Severity.INFO
SCOPE = "document"  # reads one document at a time: runs where it is extracted
DEFAULT_ENABLED = False

# A number of four digits or more with comma thousands separators: 42,000,
# 1,234,567.5. Not part of a longer digit run, a decimal or a list ("1,2,3").
COMMA_NUMBER = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]|\.\d)")

# The same with single spaces (the view turns thin and no-break spaces into
# spaces): 42 000, 1 100. Groups of three only, so "2024 100" is two numbers.
SPACE_NUMBER = regex.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d,]|\.\d)")

STYLES = (("comma", COMMA_NUMBER), ("space", SPACE_NUMBER))


def run(ctx: CheckContext) -> Iterator[Finding]:
    for path in sorted(ctx.documents):
        doc = ctx.documents[path]
        view, offsets = ctx.analysis(path).view, ctx.analysis(path).offsets
        if not all(pattern.search(view) for _style, pattern in STYLES):
            continue  # one style or none (most documents): no need to list them
        found = {style: list(pattern.finditer(view)) for style, pattern in STYLES}
        usual, rare = sorted(found, key=lambda s: (-len(found[s]), found[s][0].start()))
        claims = tuple(_claim(doc, view, offsets, found[style][0]) for style in (rare, usual))
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f'{path} separates thousands with a {rare} {_times(found[rare])} '
                     f'("{found[rare][0].group()}") and with a {usual} {_times(found[usual])} '
                     f'("{found[usual][0].group()}")'),
            subject=path,
            attribute="thousands separator",
            claims=claims,
        )


def _claim(doc, view, offsets, match):
    start, end = to_original(offsets, match.start(), match.end())
    line = doc.line_text(doc.position(start)[0])
    return names.name_claim(doc, start, end, doc.text[start:end], " ".join(line.split()), doc.path)


def _times(matches) -> str:
    return "once" if len(matches) == 1 else f"{len(matches)} times"
