"""HK304 conversion-outside-peg: an HK$/US$ conversion that the linked rate cannot give.

What it does:
    Finds an amount given in one of Hong Kong dollars and US dollars with its
    conversion into the other right beside it, in brackets ("HK$10 billion
    (US$1.2 billion)") or after "or" ("HK$10 billion, or about US$1.3
    billion"), and reports the pair when the exchange rate it implies lies
    outside the Linked Exchange Rate band of 7.75-7.85 HK$ per US$ even after
    allowing for rounding. The figure outside the brackets is the amount that
    was converted and is taken as written (plus half a unit of its last
    decimal, if it has decimals, and the width of "about"); the conversion in
    brackets may be rounded by half a unit of its last stated digit and is
    widened by "about", "around" and the like.

Why it matters:
    The band has held since 2005, so a conversion outside it, whatever the
    date of the document, means one of the two amounts is wrong: a
    transcription slip, an amount changed without its conversion, or a
    conversion at some other currency's rate.

    Severity is ``warning``, not ``info``: the finding is a certain
    arithmetic error a reader can see, not a matter of style, yet only the
    editor can tell which of the two amounts is the wrong one.

Example:
    "the government allocated HK$10 billion (US$1.2 billion)": 10 / 1.2 is
    8.33 HK$ per US$, and even 1.25 (the most "1.2" can stand for) gives 8.0;
    at 7.80 the conversion is about US$1.28 billion.
"""
from __future__ import annotations

from typing import Iterator

import regex

from hklint.model import CheckContext, Finding, Severity
from hklint.passages import Figure, Passage, bounds, claims_by_span, claim_for, decimals, passages

CODE = "HK304"
NAME = "conversion-outside-peg"
CATEGORY = "arithmetic"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

# The Linked Exchange Rate System's convertibility band, HK$ per US$ (since 2005).
PEG_LOW, PEG_HIGH, PEG_CENTRE = 7.75, 7.85, 7.80

# Text between an amount and its conversion in brackets: "(", "(or ", "(i.e. ".
BRACKET_OPEN = regex.compile(r"\s*\(\s*(?:or\s+|i\.e\.,?\s+|equivalent\s+to\s+|approx\.\s+)?", regex.I)
# What may follow a bracketed conversion: its closing bracket or a list separator inside.
BRACKET_CLOSE = regex.compile(r"\s*[);,]")
# An unbracketed conversion: "HK$10 billion, or about US$1.3 billion".
OR_JOIN = regex.compile(r"\s*,?\s*(?:or|i\.e\.,?|equivalent\s+to|which\s+is)\s+", regex.I)


def _conversion(view: str, first: Figure, second: Figure) -> bool:
    """True when ``second`` is written as the conversion of ``first``."""
    a, b = first.mention.end, second.mention.start
    if BRACKET_OPEN.fullmatch(view, a, b):
        return bool(BRACKET_CLOSE.match(view, second.mention.end))
    return bool(OR_JOIN.fullmatch(view, a, b))


def _rate(hkd: tuple[float, float], usd: tuple[float, float]) -> tuple[float, float] | None:
    if usd[0] <= 0 or hkd[0] <= 0:
        return None
    return hkd[0] / usd[1], hkd[1] / usd[0]


def _check(passage: Passage, first: Figure, second: Figure, index) -> Finding | None:
    if {first.unit, second.unit} != {"HKD", "USD"}:
        return None
    if not _conversion(passage.view, first, second):
        return None
    converted = bounds(first, rounded=decimals(first) > 0)
    conversion = bounds(second)
    hkd, usd = (converted, conversion) if first.unit == "HKD" else (conversion, converted)
    rate = _rate(hkd, usd)
    if rate is None or PEG_LOW <= rate[1] and rate[0] <= PEG_HIGH:
        return None
    stated = (first.value / second.value) if first.unit == "HKD" else (second.value / first.value)
    if first.unit == "HKD":
        expected = f"US${first.value / PEG_CENTRE / _scale(second):.3g}{_scale_word(second)}"
    else:
        expected = f"HK${first.value * PEG_CENTRE / _scale(second):.3g}{_scale_word(second)}"
    subject = "HK$/US$ conversion"
    claims = (claim_for(passage, second, index, subject, "currency conversion"),
              claim_for(passage, first, index, subject, "currency conversion"))
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f'"{first.text}" converted as "{second.text}" implies {stated:.2f} HK$ per US$ '
                 f"({rate[0]:.2f}-{rate[1]:.2f} allowing for rounding), outside the linked-rate "
                 f"band {PEG_LOW}-{PEG_HIGH}; at {PEG_CENTRE:.2f} it would be about {expected}"),
        subject=subject,
        attribute="currency conversion",
        claims=claims,
        reason=f"HK$ per US$ must lie within {PEG_LOW}-{PEG_HIGH} (Linked Exchange Rate System)",
    )


def _scale(figure: Figure) -> float:
    return {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
            "trillion": 1e12, "tn": 1e12}.get(figure.mention.scale_word, 1.0)


def _scale_word(figure: Figure) -> str:
    word = figure.mention.scale_word
    return f" {word}" if word else ""


def run(ctx: CheckContext) -> Iterator[Finding]:
    index = claims_by_span(ctx.claims)
    for path in sorted(ctx.documents):
        for passage in passages(ctx.documents[path], ctx.analysis(path)):
            figures = passage.figures
            for first, second in zip(figures, figures[1:]):
                finding = _check(passage, first, second, index)
                if finding is not None:
                    yield finding
