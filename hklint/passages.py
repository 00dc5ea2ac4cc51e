"""Passages for the arithmetic checks: paragraphs and sentences with their figures.

Arithmetic is checked inside one passage, because numbers that must agree (a
per-item cap, a count and a total; a growth word and the two figures beside
it) stand near each other. A passage is a paragraph or a bullet of the
normalised view (see :mod:`hklint.extract.structure`); its figures are the
numeric mentions of :func:`hklint.extract.numbers.find_numbers` with their
original spans, dates left out. Checks call these helpers; nothing here opens
a file.
"""
from __future__ import annotations

import array
import bisect
import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Iterable

import regex

from hklint.canon import canonical


from hklint.analysis import Analysis, analyse
from hklint.extract.numbers import find_numbers, precision_unit
from hklint.load import to_original
from hklint.model import Claim, Document, Mention, Subject, Tense, fast_init

# The digits of a figure as written: "HK$1.28 billion" -> "1.28", "42 000" -> "42 000".
_DIGITS = regex.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@fast_init
@dataclass(frozen=True)
class Figure:
    """A numeric mention with its view span and its original span and text."""

    mention: Mention
    start: int  # original offsets into Document.text
    end: int
    text: str  # as written in the original

    @property
    def value(self) -> float:
        return self.mention.value

    @property
    def unit(self) -> str:
        return self.mention.unit

    @property
    def kind(self) -> str:
        return self.mention.kind


@fast_init
@dataclass(frozen=True, eq=False)
class Passage:
    """One paragraph or bullet: view span, its sentences (view spans) and figures."""

    doc: Document
    view: str = field(repr=False)
    offsets: array.array = field(repr=False)
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]
    figures: tuple[Figure, ...]

    @property
    def text(self) -> str:
        return self.view[self.start:self.end]

    def sentence_of(self, view_offset: int) -> tuple[int, int]:
        """The view span of the sentence holding ``view_offset`` (the passage if none)."""
        for s, e in self.sentences:
            if s <= view_offset < e:
                return s, e
        return self.start, self.end

    def figures_between(self, start: int, end: int) -> list[Figure]:
        """Figures whose view span starts in [start, end)."""
        return [f for f in self.figures if start <= f.mention.start < end]

    def original_sentence(self, view_offset: int) -> str:
        s, e = self.sentence_of(view_offset)
        a, b = to_original(self.offsets, s, e)
        return " ".join(self.doc.text[a:b].split())


@functools.lru_cache(maxsize=16)
def passages(doc: Document, analysis: Analysis | None = None) -> tuple[Passage, ...]:
    """Every paragraph or bullet of ``doc`` that holds at least one figure.

    Memoised (a pure function of the frozen Document and its analysis): the
    four arithmetic checks read the same passages.
    """
    a = analysis or analyse(doc)
    view, offsets = a.view, a.offsets
    block_list = list(a.blocks)
    sentence_list = a.sentences
    periods = list(a.periods)
    starts = [p[0] for p in periods]
    figures = [_figure(doc, offsets, m) for m in a.numbers
               if not _is_date(m, periods, starts)]
    starts = [f.mention.start for f in figures]
    by_block: dict[int, list[tuple[int, int]]] = {}
    for s in sentence_list:
        by_block.setdefault(s.block, []).append((s.start, s.end))
    out: list[Passage] = []
    for index, block in enumerate(block_list):
        i = bisect.bisect_left(starts, block.start)
        j = bisect.bisect_left(starts, block.end)
        if i == j:
            continue
        out.append(Passage(doc, view, offsets, block.start, block.end,
                           tuple(by_block.get(index, ())), tuple(figures[i:j])))
    return tuple(out)


def split_range(passage: Passage, figure: Figure) -> tuple[Figure, Figure] | None:
    """The two ends of a range figure ("100 to 150" after "from") as figures of their own.

    The extractor reads "from X to Y" as one range; a growth word beside it
    ("doubled from 100 to 150") makes it a change from X to Y. A first end
    without a scale word takes the second's ("from 10 to 100 million").
    """
    m = figure.mention
    if m.qualifier != "range":
        return None
    join = _RANGE_JOIN.search(passage.view, m.start, m.end)
    if join is None:
        return None
    first = [x for x in find_numbers(passage.view, m.start, join.start()) if x.kind == m.kind]
    second = [x for x in find_numbers(passage.view, join.end(), m.end) if x.kind == m.kind]
    if len(first) != 1 or len(second) != 1:
        return None
    a, b = first[0], second[0]
    if not a.scale_word and b.scale_word and a.unit == b.unit:
        factor = b.value / float(_DIGITS.findall(b.text)[-1].replace(",", "").replace(" ", "") or 1)
        a = dataclasses.replace(a, value=a.value * factor, interval=a.interval.scaled(factor),
                                scale_word=b.scale_word)
    return _figure(passage.doc, passage.offsets, a), _figure(passage.doc, passage.offsets, b)


# The word joining the two ends of a range: "100 to 150", "20 and 30", "10-20".
_RANGE_JOIN = regex.compile(r"(?<=\S)\s*(?:\bto\b|\band\b|-)\s*(?=\S)", regex.I)


def _figure(doc: Document, offsets: array.array, m: Mention) -> Figure:
    a, b = to_original(offsets, m.start, m.end)
    return Figure(m, a, b, doc.text[a:b])


def _is_date(m: Mention, periods, starts=None) -> bool:
    """A count inside a date phrase ("30 April 2018") is part of the date."""
    starts = starts if starts is not None else [p[0] for p in periods]
    k = bisect.bisect_right(starts, m.end)
    for s, e, _p in periods[max(0, k - 3):k]:  # periods do not overlap: only the last few can
        if s < m.end and m.start < e:
            return m.kind == "count" or (s <= m.start and m.end <= e)
    return False


def _written_digits(figure: Figure) -> str:
    """The last run of digits in the figure as written ("" for a number word)."""
    match = None
    for match in _DIGITS.finditer(figure.mention.text):
        pass
    return match.group(0) if match else ""


def decimals(figure: Figure) -> int:
    """How many decimals the figure is written with: "1.28 billion" -> 2."""
    digits = _written_digits(figure)
    return len(digits.split(".")[1]) if "." in digits else 0


def rounding(figure: Figure) -> float:
    """Half a unit of the figure's last stated digit, in the figure's own unit.

    "1.2 billion" -> 0.05 billion; "468" -> 0.5; "17%" -> 0.5 (percent).
    Trailing zeros of a whole number count as stated ("10 billion" -> 0.5
    billion): a checker that read them as rounding would excuse almost anything.
    """
    digits = _written_digits(figure)
    if not digits:  # a number word: "three" is exact
        return 0.0
    written = float(digits.replace(",", "").replace(" ", ""))
    scale = figure.value / written if written else 1.0
    return 0.5 * 10 ** -decimals(figure) * scale


def loose_rounding(figure: Figure) -> float:
    """How far a total or a part may have been rounded.

    A percentage or a figure with decimals: half a unit of its last digit
    ("31%" -> 0.5, "1.2 billion" -> 0.05 billion). A whole number of three or
    more digits: half a unit of its last non-zero digit, at most 2% of it
    ("a total of 2 200" -> 44, "300" -> 6). A short whole number ("$6 billion", "15") is taken as stated:
    reading "10" as rounded to the ten would excuse almost anything.
    """
    digits = _written_digits(figure)
    if not digits:
        return 0.0
    if figure.kind == "percent" or "." in digits:
        return rounding(figure)
    bare = digits.replace(",", "").replace(" ", "")
    if len(bare) < 3:
        return 0.0
    written = float(bare)
    scale = figure.value / written if written else 1.0
    return min(0.5 * precision_unit(digits), 0.02 * written) * scale


def bounds(figure: Figure, *, rounded: bool = True) -> tuple[float, float]:
    """The values a stated figure can stand for: its point value +- rounding,
    widened by an approximating qualifier ("about 460"). Caps, floors and
    "more than" are *not* widened: the stated number is the fact compared.
    """
    tol = rounding(figure) if rounded else 0.0
    low, high = figure.value - tol, figure.value + tol
    if figure.mention.qualifier and _APPROX.fullmatch(figure.mention.qualifier):
        interval = figure.mention.interval
        low = min(low, interval.low if interval.low is not None else low)
        high = max(high, interval.high if interval.high is not None else high)
    return low, high


_APPROX = regex.compile(r"about|around|approximately|approx\.|roughly|some|an estimated|estimated")


def claim_for(passage: Passage, figure: Figure, claims: Iterable[Claim] | dict,
              subject: str, attribute: str) -> Claim:
    """The extracted claim at the figure's span, else a claim made for the finding.

    ``claims`` may be a dict from :func:`claims_by_span` (faster when called often).
    """
    index = claims if isinstance(claims, dict) else claims_by_span(claims)
    found = index.get((passage.doc.path, figure.start))
    if found is not None:
        return found
    return Claim(
        path=passage.doc.path,
        span=passage.doc.span(figure.start, figure.end),
        text=figure.text,
        sentence=passage.original_sentence(figure.mention.start),
        subject=Subject(canonical(subject), subject, "passage"),
        attribute=attribute,
        value=figure.value,
        interval=figure.mention.interval,
        unit=figure.unit,
        as_of=None,
        tense=Tense.CURRENT,
        extractor=f"{figure.kind}/passage",
        confidence=1.0,
        qualifier=figure.mention.qualifier,
    )


def claims_by_span(claims: Iterable[Claim]) -> dict[tuple[str, int], Claim]:
    """Claims keyed by (path, original start offset)."""
    return {(c.path, c.span.start): c for c in claims}


def fmt(x: float) -> str:
    """A short human form of a value: 45000000 -> 45 million, 3.3913 -> 3.39."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:.4g} {word}"
    return f"{x:.3g}" if abs(x) < 1000 else f"{x:,.0f}"
