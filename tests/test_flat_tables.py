"""Tables flattened to one cell per paragraph, and ranking lists (hklint/extract/flat_tables.py)."""
from __future__ import annotations

from hklint.claims import extract
from hklint.load import line_starts
from hklint.model import Document


def claims_of(text: str):
    doc = Document(path="d.md", text=text, line_starts=line_starts(text))
    return extract(doc).claims


FLAT = """Harbour figures

2021

2022

2023

Ships handled

1 200

1 350

1 410

Port Rankings

2021

2022

Harbour Logistics Index

12/80

9/82

Notes follow.
"""


def test_a_flattened_table_reads_each_cell_with_its_column_period():
    claims = claims_of(FLAT)
    ships = [(c.text, c.as_of.label(), c.subject.text) for c in claims if c.unit == ""]
    assert ships == [("1 200", "2021", "Ships handled"), ("1 350", "2022", "Ships handled"),
                     ("1 410", "2023", "Ships handled")]
    places = [(c.text, c.value, c.as_of.label()) for c in claims if c.unit == "rank"]
    assert places == [("12", 12.0, "2021"), ("9", 9.0, "2022")]  # 12th of 80, 9th of 82


def test_years_in_prose_paragraphs_are_no_table_header():
    text = "Milestones\n\n2021\n\n2022\n\nThe port opened a new terminal with 4 cranes and hired staff.\n\n"
    assert all(c.as_of is None or c.as_of.label() not in ("2021", "2022") for c in claims_of(text))


RANKED = """Harbour colleges with top-100 rankings by subject

Subject

College (Rank)

Marine Engineering

HMC (20), HPU (36), HSU (65)

Naval Architecture

HPU (31), HMC (44)

Source: Harbour Subject Ranking 2021
"""


def test_ranking_lists_give_each_name_its_place_dated_by_the_source_line():
    got = [(c.subject.text, c.value, c.attribute, c.as_of.label(), c.confidence)
           for c in claims_of(RANKED) if c.unit == "rank"]
    assert got == [
        ("HMC", 20.0, "rank [marine engineering]", "2021", 0.5),
        ("HPU", 36.0, "rank [marine engineering]", "2021", 0.5),
        ("HSU", 65.0, "rank [marine engineering]", "2021", 0.5),
        ("HPU", 31.0, "rank [naval architecture]", "2021", 0.5),
        ("HMC", 44.0, "rank [naval architecture]", "2021", 0.5),
    ]


def test_a_list_of_names_with_numbers_is_no_ranking_without_a_word_for_it():
    text = "Fleet\n\nVessels by owner\n\nHMC (20), HPU (36), HSU (65)\n"
    assert [c for c in claims_of(text) if c.unit == "rank"] == []
