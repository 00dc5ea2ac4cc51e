"""Tables: rows of figures whose period comes from the column header.

A table is a run of lines split into cells by tabs or pipes (markdown). Its
header is the first row in which two or more cells name a period ("2016",
"2022 (Figures of 2020)"); a period in parentheses is the one the figures are
for. In each later row the label is the longest text cell before the first
period column, and every cell under a period column is a value for that
period; a period in the cell itself ("3 755 (2021)") overrides the column's.

A table whose header names measures instead ("Programme | Approved Projects
| Funds Approved") gives each figure as the measure of its column for the
row's label, for the period its caption states ("Statistics of Approved
Projects (as at 30/11/2016)"), else for the document's date. A row that only
says it sums the others ("Total", "Others") is named after the table's
caption too, so the totals of two different tables are never one subject.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from hklint.dates import find_periods
from hklint.model import Period

# A separator between cells: a tab, or a markdown pipe.
CELL_SPLIT = regex.compile(r"\t|\s*\|\s*")

# Markdown alignment rows: |---|:--:|
ALIGN_ROW = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

LINE = regex.compile(r"[^\n]+|\n(?=\n)")  # a line, or a blank line

# A cell with words in it can label a row.
WORDY = regex.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class Cell:
    start: int  # view offsets of the cell's text
    end: int
    label: str  # the row label
    label_start: int
    period: Period | None  # the period its figures are for (None: the document's)
    measure: str = ""  # what the column measures, when the header names measures


def _cells(view: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in CELL_SPLIT.finditer(view, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and view[a].isspace():
            a += 1
        while b > a and view[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


def _cell_period(view: str, a: int, b: int) -> Period | None:
    """The period a cell names; one in parentheses wins ("2016 (Figures of 2014)")."""
    periods = find_periods(view[a:b])
    if not periods:
        return None
    for s, _e, p in periods:
        if "(" in view[a:a + s]:
            return Period(p.start, p.end, p.granularity, p.text, "heading")
    p = periods[0][2]
    return Period(p.start, p.end, p.granularity, p.text, "heading")


def _header_period(view: str, a: int, b: int) -> Period | None:
    """A header cell names a period and holds no other figure."""
    periods = find_periods(view[a:b])
    if not periods:
        return None
    rest = view[a:b]
    for s, e, _p in reversed(periods):
        rest = rest[:s] + rest[e:]
    if any(ch.isdigit() for ch in rest):
        return None
    return _cell_period(view, a, b)


def table_cells(view: str) -> list[Cell]:
    """Every value cell of every table in the view, in text order.

    Two orientations: periods across the header ("2016 | 2022") with a label
    per row, or a period per row ("| 2021 | 297.1 million |") with a label per
    column in the header.
    """
    out: list[Cell] = []
    for rows in _tables(view):
        if not _row_periods(view, rows, out) and not _column_periods(view, rows, out):
            _measure_columns(view, rows, out)
    return out


def _tables(view: str) -> list[list[list[tuple[int, int]]]]:
    """Runs of consecutive lines with cells, as rows of cell spans."""
    tables: list[list[list[tuple[int, int]]]] = []
    current: list[list[tuple[int, int]]] = []
    for m in LINE.finditer(view):
        a, b = m.span()
        line = view[a:b]
        if "\t" not in line and "|" not in line:
            if current:
                tables.append(current)
            current = []
            continue
        if not ALIGN_ROW.match(line):
            current.append(_cells(view, a, b))
    if current:
        tables.append(current)
    return tables


def _column_periods(view: str, rows, out: list[Cell]) -> bool:
    header: dict[int, Period] | None = None
    first_value_col = 0
    for cells in rows:
        named = {i: p for i, (s, e) in enumerate(cells) if (p := _header_period(view, s, e))}
        if len(named) >= 2:
            header, first_value_col = named, min(named)
            continue
        if header is None:
            continue
        labels = [(e - s, s, e) for s, e in cells[:first_value_col] if WORDY.search(view[s:e])]
        if not labels:
            continue
        _len, ls, le = max(labels)
        for i, (s, e) in enumerate(cells):
            if i not in header or s == e:
                continue
            period = _cell_period(view, s, e) or header[i]
            out.append(Cell(s, e, view[ls:le], ls, period))
    return header is not None


# A cell that holds a figure and little else: "2,406", "11,850.2**", "6,229*".
FIGURE_CELL = regex.compile(r"[^\w]{0,3}[\d][\d,. ]*[^\w]{0,3}")
# Row labels that only say the row sums or gathers the others.
GATHERING_LABEL = regex.compile(
    r"(?:(?:grand\s+|sub-?\s*)?totals?|all|overall|others?|other\s+\w+|sum|average|mean)\W*", regex.I)
CAPTION_LINES = 3  # lines above a table that may caption it


def _measure_columns(view: str, rows, out: list[Cell]) -> None:
    """A header of measures over rows that each start with a label."""
    if len(rows) < 3:
        return
    header = rows[0]
    measures = {i: (s, e) for i, (s, e) in enumerate(header)
                if i > 0 and WORDY.search(view[s:e]) and not any(ch.isdigit() for ch in view[s:e])}
    if not measures:
        return
    body = [cells for cells in rows[1:]
            if WORDY.search(view[slice(*_first_filled(cells))])
            and any(i in measures and FIGURE_CELL.fullmatch(view[s:e]) for i, (s, e) in enumerate(cells))]
    if len(body) < 2:
        return
    table_start = header[0][0]
    caption, period = _caption(view, table_start)
    for cells in body:
        ls, le = _first_filled(cells)
        label = view[ls:le]
        if GATHERING_LABEL.fullmatch(label.strip()):
            if not caption:
                continue  # "Total" of what: nothing says
            label_start = ls
            label = f"{caption} ({label.strip().rstrip(':').strip()})"
        else:
            label_start = ls
        for i, (s, e) in enumerate(cells):
            if i in measures and FIGURE_CELL.fullmatch(view[s:e]):
                ms, me = measures[i]
                out.append(Cell(s, e, label, label_start, _cell_period(view, s, e) or period,
                                " ".join(view[ms:me].split())))


def _caption(view: str, table_start: int) -> tuple[str, Period | None]:
    """The lines just above a table: their words name it, their date dates it
    ("Statistics of Approved Projects (as at 30/11/2016)")."""
    start = table_start
    lines: list[str] = []
    while len(lines) < CAPTION_LINES and start > 0:
        prev = view.rfind("\n", 0, start - 1) + 1
        line = view[prev:start].strip()
        if not line:
            if lines:
                break
            start = prev
            continue
        if "|" in line or "\t" in line:
            break
        lines.insert(0, line.lstrip("#*_ ").rstrip("*_ "))
        start = prev
    if not lines:
        return "", None
    text = " ".join(lines)
    periods = find_periods(text)
    period = None
    if len(periods) == 1:
        p = periods[0][2]
        period = Period(p.start, p.end, p.granularity, p.text, "heading")
    name = regex.sub(r"\s*\([^()]*\d[^()]*\)", "", lines[-1] if len(lines) == 1 else " ".join(lines[:2])).strip()
    return name, period


def _row_periods(view: str, rows, out: list[Cell]) -> bool:
    """A header of labels and a period in each row's first cell."""
    if len(rows) < 3:
        return False
    header = rows[0]
    body = [r for r in rows[1:] if r and _header_period(view, *_first_filled(r)) is not None]
    if len(body) < 2 or len(body) < (len(rows) - 1) // 2:
        return False
    for cells in body:
        first = _first_filled(cells)
        period = _header_period(view, *first)
        for i, (s, e) in enumerate(cells):
            if (s, e) == first or s == e or i >= len(header):
                continue
            hs, he = header[i]
            if not WORDY.search(view[hs:he]):
                continue
            out.append(Cell(s, e, view[hs:he], hs, _cell_period(view, s, e) or period))
    return True


def _first_filled(cells) -> tuple[int, int]:
    return next(((s, e) for s, e in cells if e > s), cells[0])
