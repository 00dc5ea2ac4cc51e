"""The series view: ``hklint claims --subject TEXT --timeline`` through CliRunner."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from hklint.cli import main

OLD = """# Research capacity

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong.
"""

NEW = """# Research capacity, update

Last updated: 31 July 2025

As of July 2025, Hong Kong has 15 State Key Laboratories (SKLs) after the restructuring.
"""

UNDATED = """# A blog post

Hong Kong is home to 14 State Key Laboratories, a blog says.
"""


def _rows(output: str, marker: str) -> list[str]:
    return [line for line in output.splitlines() if marker in line]


def test_timeline_on_seeds_is_oldest_first():
    result = CliRunner().invoke(main, ["claims", "seeds", "--subject", "State Key Laboratories", "--timeline"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("State Key Laboratories (state key laboratory)")
    rows = _rows(result.output, "seeds/")
    counts = [row.split()[2] for row in rows if " count " in row]
    assert counts[0] == "16" and counts[-1] == "15"
    years = [re.match(r"(\d{4})", row).group(1) for row in rows]
    assert years == sorted(years)
    # the 2025 fact sheet's 16 comes after the 2021 and 2022 ones, with the reason for its date
    assert "2025-02-25 (document)" in rows[-2] and "2025-02-25 (revision-line)" in rows[-2]


def test_timeline_shows_as_of_source_and_undated_last(tmp_path):
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.md").write_text(NEW, encoding="utf-8")
    (tmp_path / "undated.md").write_text(UNDATED, encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--subject", "state key laboratories",
                                       "--timeline"])
    assert result.exit_code == 0, result.output
    rows = _rows(result.output, ".md:")
    assert [r.split()[0] for r in rows] == ["2025-02-25", "2025-07", "—"]
    assert 'text: "July 2025"' in rows[1] and "2025-07-31 (revision-line)" in rows[1]
    assert "unknown" in rows[2] and '"Hong Kong is home to 14 State Key Laboratories, a blog says."' in rows[2]


def test_subject_matches_the_folded_name_of_an_alias(tmp_path):
    (tmp_path / "new.md").write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--subject", "State Key Laboratories"])
    assert result.exit_code == 0
    dumped = [json.loads(line) for line in result.output.splitlines()]
    assert [d["text"] for d in dumped] == ["15"]


def test_timeline_without_match(tmp_path):
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--subject", "no such thing", "--timeline"])
    assert result.exit_code == 0
    assert result.output == "no claims match\n"
