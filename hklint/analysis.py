"""One document read once: the normalised view and what every stage finds in it.

Extraction and the checks that look at text (names, passages, events, number
formats) all need the same things: the view with its offset map, blocks,
sentences, date phrases and numeric mentions. Computing them once per
document and handing the same :class:`Analysis` to every stage keeps the work
linear in the corpus instead of linear times the number of checks.
"""
from __future__ import annotations

import array
import bisect
from dataclasses import dataclass, field

import regex

from hklint.dates import find_periods
from hklint.extract import structure
from hklint.extract.numbers import find_numbers
from hklint.load import normalise
from hklint.model import Document, Mention, Period

# Bold markup in the original text (markdown "**...**").
# Bounded and within a line, so an unclosed "**" costs at most 300 characters.
BOLD = regex.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*")


@dataclass(frozen=True, eq=False)  # identity: cached per document, never compared
class Analysis:
    view: str
    offsets: array.array = field(repr=False)
    blocks: tuple[structure.Block, ...] = field(repr=False)
    sentences: tuple[structure.Sentence, ...] = field(repr=False)
    periods: tuple[tuple[int, int, Period], ...] = field(repr=False)
    numbers: tuple[Mention, ...] = field(repr=False)  # every numeric mention, dates included
    bold: tuple[tuple[int, int], ...] = field(repr=False)  # view spans of bold text
    # results that several stages compute alike, by kind (e.g. the candidate
    # owners of each sentence, for claims and events); not pickled
    shared: dict = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "shared": {}}

    def name_runs(self, k: int) -> list[tuple[int, int, str]]:
        """The Title Case runs (``structure.name_runs``) of the ``k``-th sentence
        as (start, end, text): claims, events and HK401 all read them, and the
        scan is the dearest per sentence, so each sentence is scanned once."""
        found = self.shared.setdefault("name runs", {})
        runs = found.get(k)
        if runs is None:
            sentence = self.sentences[k]
            runs = found[k] = [(m.start(), m.end(), m.group())
                               for m in structure.name_runs(self.view, sentence.start, sentence.end)]
        return runs

    def sentences_between(self, start: int, end: int) -> list[structure.Sentence]:
        starts = [s.start for s in self.sentences]
        return list(self.sentences[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])


def analyse(doc: Document) -> Analysis:
    view, offsets = normalise(doc.text)
    block_list = structure.blocks(view)
    return Analysis(
        view=view,
        offsets=offsets,
        blocks=tuple(block_list),
        sentences=tuple(structure.sentences(view, block_list)),
        periods=tuple(find_periods(view)),
        numbers=tuple(find_numbers(view)),
        bold=tuple(_bold_spans(doc.text, offsets)),
    )


def _bold_spans(text: str, offsets: array.array) -> list[tuple[int, int]]:
    spans = []
    if "**" not in text:
        return spans
    for m in BOLD.finditer(text):
        a = bisect.bisect_left(offsets, m.start(1))
        b = bisect.bisect_left(offsets, m.end(1))
        if b > a:
            spans.append((a, b))
    return spans
