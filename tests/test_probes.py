"""Probe corpora of other domains (a university, a city metro, a power utility, a
health authority), written for hklint to catch what the labelled corpora do
not: each must give exactly the findings listed here, which an editor checked
by reading the documents; anything else is a false alarm or a lost finding.

tests/data/probes/<name>/ holds the documents; EXPECTED holds, per probe, the
HK101/HK201 findings as (code, stale file, stale figure, other file, other figure).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hklint.engine import Options, lint

PROBES = Path(__file__).parent / "data" / "probes"

EXPECTED = {
    "university": {
        ("HK201", "facts_2022.md", "45", "annual_review_2023.md", "52"),
        ("HK201", "facts_2022.md", "£18 million", "annual_review_2023.md", "£23 million"),
        ("HK201", "facts_2022.md", "2.1 million", "annual_review_2023.md", "over 2.1 million"),
        ("HK201", "facts_2022.md", "more than 31,000", "news_2024.md", "33,400"),
        ("HK201", "facts_2022.md", "About 4,800", "annual_review_2023.md", "around 5,100"),
    },
    "metro": {
        ("HK201", "a.md", "more than 6,000", "b.md", "more than 6,400"),
    },
    "utility": {
        ("HK201", "factsheet_2023.md", "More than 3,500", "press_2024-03.md", "more than 3,700"),
    },
    "health": {
        ("HK201", "overview_2023.md", "6", "news_2025.md", "7"),
        ("HK201", "overview_2023.md", "about 4,900", "annual_review_2023.md", "about 5,200"),
        ("HK201", "overview_2023.md", "more than 21,000", "annual_review_2023.md", "22,400"),
        ("HK201", "overview_2023.md", "3,100", "annual_review_2023.md", "3,300"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_probe_corpus_gives_exactly_the_checked_findings(name):
    report = lint([str(PROBES / name)], Options(select=("HK101", "HK201"), cache=False))
    got = {(f.code, Path(f.claims[0].path).name, f.claims[0].text, Path(f.claims[1].path).name,
            f.claims[1].text) for f in report.findings}
    assert got == EXPECTED[name]
