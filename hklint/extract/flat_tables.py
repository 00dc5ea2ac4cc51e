"""Tables flattened to one cell per paragraph, as web pages and PDFs often
come out when turned into text:

    Global Rankings          <- title
    2017                     <- header: two or more cells that are periods
    2018
    Global Innovation Index  <- a row: its label, then one value per period
    16/127
    14/126

Each value cell is read with the period of its column. In a table whose title
or row label speaks of a ranking, "16/127" is a place (16th of 127).

Ranking lists in a cell ("HKUST (20), HKU (36), CUHK (65)") under a header that
speaks of ranks give each name its place, about the row's label.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import regex

from hklint.dates import find_periods
from hklint.extract.tables import Cell
from hklint.extract.ranks import edition_period
from hklint.model import Interval, Mention, Period, fast_init

CELL_MAX = 40  # characters in a value cell
LABEL_MAX = 80
RANKING = regex.compile(r"\brank", regex.IGNORECASE)
PLACE_OF = regex.compile(r"(?P<n>\d{1,3})\s?/\s?(?P<of>\d{1,4})")
WORDY = regex.compile(r"[A-Za-z]{3}")
_NAME = r"[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,4}"
RANK_LIST = regex.compile(rf"(?:{_NAME}\s*\(\d{{1,3}}\)\s*[,;]\s*)+{_NAME}\s*\(\d{{1,3}}\)\s*\.?")
RANK_ITEM = regex.compile(rf"(?P<name>{_NAME})\s*\((?P<n>\d{{1,3}})\)")
HEADER_REACH = 6  # paragraphs above a ranking list that may say it is one
RANK_LIST_MAX = 600  # characters in a ranking-list cell
# a paragraph: lines up to a blank line (what the cells of a flattened table are)
PARAGRAPH = regex.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")


@fast_init
@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


def paragraphs(view: str) -> list[Paragraph]:
    return [Paragraph(m.start(), m.end()) for m in PARAGRAPH.finditer(view) if m.group(0).strip()]


@dataclass(frozen=True)
class RankItem:
    mention: Mention
    name: str  # the ranked name, as written
    name_start: int
    label: str  # the row label (what the ranking is of)
    label_start: int
    period: Period | None = None  # the edition the places are from, when a source line says


def _text(view: str, block) -> tuple[int, int, str]:
    a, b = block.start, block.end
    raw = view[a:b]
    lead = len(raw) - len(raw.lstrip())
    return a + lead, a + len(raw.rstrip()), raw.strip()


def _period_cell(view: str, block):
    """The period a block is, when the block is nothing but one."""
    a, b, text = _text(view, block)
    if not text or len(text) > 30:
        return None
    found = find_periods(text)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text):
        return found[0][2]
    return None


def flat_cells(view: str, blocks) -> tuple[list[Cell], list[tuple[int, int]]]:
    """Value cells of flattened tables in ``blocks`` (paragraphs()), and the
    spans of the cells that hold a place in a ranking ("16/127")."""
    cells: list[Cell] = []
    places: list[tuple[int, int]] = []
    i, n = 0, len(blocks)
    while i < n:
        header = []
        j = i
        while j < n and (p := _period_cell(view, blocks[j])) is not None:
            header.append(p)
            j += 1
        if len(header) < 2:
            i += 1
            continue
        title = _text(view, blocks[i - 1])[2] if i > 0 else ""
        k = len(header)
        while j < n:
            la, lb, label = _text(view, blocks[j])
            values = blocks[j + 1:j + 1 + k]
            if (len(values) < k or not label or len(label) > LABEL_MAX or not WORDY.search(label)
                    or any(ch.isdigit() for ch in label)):
                break
            texts = [_text(view, v) for v in values]
            if any(not t or len(t) > CELL_MAX or not any(ch.isdigit() for ch in t) or WORDY.search(t)
                   for _a, _b, t in texts):
                break
            ranking = bool(RANKING.search(title) or RANKING.search(label))
            for (a, b, t), period in zip(texts, header):
                cells.append(Cell(a, b, label, la, period))
                if ranking and PLACE_OF.fullmatch(t):
                    places.append((a, b))
            j += 1 + k
        i = j
    return cells, places


def place_mention(view: str, start: int, end: int) -> Mention:
    m = PLACE_OF.fullmatch(view, start, end)
    value = float(m.group("n"))
    return Mention("rank", start, start + len(m.group("n")), m.group("n"), value,
                   Interval.point(value), "rank")


def rank_lists(view: str, blocks) -> list[RankItem]:
    """Names with their places in ranking lists ("HKUST (20), HKU (36)"), about
    the label in the paragraph before the list. A run of such rows is a
    ranking when a paragraph above its first row speaks of ranks; a "Source:"
    line after the run that names an edition year ("... by Subject 2021")
    dates its places."""
    out: list[RankItem] = []
    run: list[int] = []  # indices into out of the current run's items
    last_row = -10
    for index, block in enumerate(blocks):
        a, b, text = _text(view, block)
        # a ranking list is one short cell that ends with a place: testing that
        # first keeps a long paragraph from backtracking through RANK_LIST
        listed = (text and len(text) <= RANK_LIST_MAX and text.rstrip(". ").endswith(")")
                  and RANK_LIST.fullmatch(text))
        if not listed or index == 0:
            if run and index == last_row + 1:
                _date_run(out, run, view, a, b)
            continue
        above = [_text(view, blocks[q])[2] for q in range(max(0, index - HEADER_REACH), index)]
        if index - last_row != 2 and not any(RANKING.search(t) for t in above):
            continue
        if index - last_row != 2:
            run = []
        last_row = index
        la, _lb, label = _text(view, blocks[index - 1])
        for m in RANK_ITEM.finditer(view, a, b):
            value = float(m.group("n"))
            mention = Mention("rank", m.start("n"), m.end("n"), m.group("n"), value,
                              Interval.point(value), "rank")
            run.append(len(out))
            out.append(RankItem(mention, m.group("name"), m.start("name"), label, la))
    return out


SOURCE_LINE = regex.compile(r"\s*sources?\s*:", regex.IGNORECASE)


def _date_run(out: list[RankItem], run: list[int], view: str, a: int, b: int) -> None:
    if not SOURCE_LINE.match(view, a, b):
        return
    period = edition_period(view, a, b, b)
    if period is None:
        return
    for k in run:
        out[k] = dataclasses.replace(out[k], period=period)
