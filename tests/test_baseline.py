"""Baselines: --write-baseline records today's findings, --baseline fails only on new ones."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hklint.cli import main

STALE = """# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong, covering fields such as biomedicine.

The Technology Start-up Support Scheme for Universities provides annual funding of up to HK$8 million to each university.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.

The Technology Start-up Support Scheme for Universities provides annual funding of up to HK$16 million to each university.
"""


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "stale.md").write_text(STALE, encoding="utf-8")
    (tmp_path / "docs" / "current.md").write_text(CURRENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _lint(*args: str):
    return CliRunner().invoke(main, ["docs", "--format", "json", *args])


def _findings(result) -> list[tuple[str, str]]:
    return sorted((f["code"], f["claims"][0]["text"]) for f in json.loads(result.stdout)["findings"])


def _edit(corpus: Path, old: str, new: str) -> None:
    path = corpus / "docs" / "stale.md"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_write_baseline_records_fingerprints_and_exits_0(corpus):
    before = _lint()
    assert before.exit_code == 1 and len(_findings(before)) == 2
    result = _lint("--write-baseline", "baseline.json")
    assert result.exit_code == 0, result.output
    assert "wrote 2 findings to baseline baseline.json" in result.stderr
    data = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "hklint"
    fingerprints = sorted(f["fingerprint"] for f in json.loads(before.stdout)["findings"])
    assert sorted(data["findings"]) == fingerprints
    entry = next(iter(data["findings"].values()))
    assert set(entry) == {"code", "subject", "message"}
    assert not [p for p in corpus.iterdir() if p.name.startswith(".hklint-")], "no temporary file left"


def test_baselined_findings_pass(corpus):
    _lint("--write-baseline", "baseline.json")
    result = _lint("--baseline", "baseline.json")
    assert result.exit_code == 0, result.output
    assert _findings(result) == []
    assert "2 findings in baseline baseline.json not shown" in result.stderr


def test_moved_lines_stay_baselined(corpus):
    _lint("--write-baseline", "baseline.json")
    _edit(corpus, "Revision date: 25 February 2025\n",
          "Revision date: 25 February 2025\n\nA new introduction.\n\nAnd a second paragraph of context.\n")
    moved = _lint()
    assert [f["claims"][0]["line"] for f in json.loads(moved.stdout)["findings"]] != [5, 7]
    result = _lint("--baseline", "baseline.json")
    assert result.exit_code == 0 and _findings(result) == []


def test_a_new_conflict_fails(corpus):
    _lint("--write-baseline", "baseline.json")
    (corpus / "docs" / "undated.md").write_text(
        "# Blog\n\nUnder the Technology Start-up Support Scheme for Universities, annual funding of up to "
        "HK$4 million is provided to each university.\n", encoding="utf-8")
    result = _lint("--baseline", "baseline.json", "--select", "HK1,HK2")
    assert result.exit_code == 1
    assert _findings(result) == [("HK101", "up to HK$4 million")]


def test_a_changed_figure_is_a_new_finding(corpus):
    _lint("--write-baseline", "baseline.json")
    _edit(corpus, "16 State Key Laboratories", "17 State Key Laboratories")
    result = _lint("--baseline", "baseline.json")
    assert result.exit_code == 1 and _findings(result) == [("HK201", "17")]


def test_a_fixed_finding_drops_out_when_the_baseline_is_rewritten(corpus):
    _lint("--write-baseline", "baseline.json")
    _edit(corpus, "16 State Key Laboratories", "15 State Key Laboratories")
    assert _lint("--baseline", "baseline.json").exit_code == 0
    _lint("--baseline", "baseline.json", "--write-baseline", "baseline.json")
    data = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))
    assert [e["code"] for e in data["findings"].values()] == ["HK201"]
    assert "State Key Laboratories" not in json.dumps(data)


@pytest.mark.parametrize("content, needle", [
    (None, "no such file"),
    ("{not json", "not JSON"),
    ('{"version": 1, "fingerprints": []}', "not an hklint baseline"),
    ('{"version": 9, "tool": "hklint", "findings": {}}', "version 9"),
])
def test_bad_baseline_is_a_one_line_error(corpus, content, needle):
    if content is not None:
        (corpus / "baseline.json").write_text(content, encoding="utf-8")
    result = _lint("--baseline", "baseline.json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hklint: error: baseline baseline.json") and needle in lines[0]
