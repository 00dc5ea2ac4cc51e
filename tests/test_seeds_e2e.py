"""End to end on seeds/: the committed reports are current, valid, and say what DESIGN.md expects."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from hklint import __version__
from hklint.engine import lint
from hklint.report.json import load_schema, render as render_json
from hklint.report.table import render as render_table

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "python -m hklint.tools.make_reports"


@pytest.fixture(scope="module")
def report():
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return lint(["seeds"])
    finally:
        os.chdir(cwd)


def test_committed_json_report_is_current(report):
    committed = (ROOT / "reports" / "seeds.json").read_text(encoding="utf-8")
    assert render_json(report, tool_version=__version__) == committed, (
        f"reports/seeds.json is stale: run `{REGENERATE}`")


def test_committed_table_report_is_current(report):
    committed = (ROOT / "reports" / "seeds.txt").read_text(encoding="utf-8")
    assert render_table(report) == committed, f"reports/seeds.txt is stale: run `{REGENERATE}`"


def test_report_validates_against_schema(report):
    data = json.loads(render_json(report, tool_version=__version__))
    jsonschema.validate(data, load_schema())


def _pairs(report, code):
    return {(f.subject, f.claims[0].text, f.claims[1].text) for f in report.findings if f.code == code}


def test_documents_dated_with_their_sources(report):
    docs = {Path(d.path).name[:3]: d for d in report.documents}
    assert docs["000"].date_source == "revision-line"
    assert str(docs["000"].revision_date) == "2025-02-25"
    assert docs["004"].date_source == "byline" and str(docs["004"].revision_date) == "2021-03-12"
    assert docs["003"].date_source == "unknown" and docs["003"].revision_date is None
    assert docs["001"].date_source == "inferred"


def test_design_examples_are_reported(report):
    superseded = {(f.claims[0].text, f.claims[1].text, f.subject.lower())
                  for f in report.findings if f.code == "HK201"}
    assert any(old == "16" and new == "15" and "state key lab" in subj for old, new, subj in superseded)
    assert any(old == "about 460" and new == "more than 1 100" for old, new, _s in superseded)
    assert any("HK$8 million" in old and "16 million" in new for old, new, _s in superseded)
    conflicts = [f for f in report.findings if f.code == "HK101"]
    assert any("003_" in f.claims[0].path and "HK$8 million" in f.claims[0].text for f in conflicts)


def test_consistent_and_distinct_statements_are_quiet(report):
    for f in report.findings:
        if f.category in ("name", "document"):
            continue  # their claims cite spellings and documents, not figures
        values = {c.value for c in f.claims}
        # Wi-Fi.HK 42,000 vs 42 000 is consistent; equal values never make a finding
        assert len(values) > 1, f"finding between equal values: {f.message}"
        assert "wi-fi" not in f.subject.lower()


def test_readme_lists_every_check():
    """Codes written elsewhere drift: the README's table is checked against the registry."""
    from hklint.registry import Registry

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for info in Registry.discover().checks:
        assert any(line.startswith(f"| {info.code} ") and f" {info.name} " in line
                   for line in readme.splitlines()), f"README's check table lacks {info.code}"
