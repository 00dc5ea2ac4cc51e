"""The command line through click's CliRunner: exit codes, output formats,
selection, input errors, and the helper commands (rules, rule, claims).

Exit codes (DESIGN.md): 0 nothing at or above the fail level, 1 findings,
2 usage or input error. stdout and stderr are checked separately (click 8.2+
keeps them apart in ``Result``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from hklint import __version__
from hklint.cli import main
from hklint.report.json import load_schema

# A fact sheet revised in February 2025 that a July 2025 sheet supersedes
# (16 -> 15 State Key Laboratories): one HK201 warning.
STALE = """# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong, covering fields such as biomedicine and information technology.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out basic and applied research of national importance.

The Technology Start-up Support Scheme for Universities provides annual funding of up to \\$16 million to each university to support start-ups founded by students and professors.
"""

# Undated: its TSSSU cap conflicts with CURRENT's (HK101, an error).
UNDATED = """# University start-ups get a boost

Under the Technology Start-up Support Scheme for Universities, annual funding of up to HK$8 million is provided to each university to support start-ups founded by students and professors.
"""

# Two sheets that agree (same value, different formats): no finding.
CLEAN_A = """# Connectivity fact sheet

Revision date: 3 March 2024

The **Wi-Fi.HK** programme provides free Wi-Fi at 42,000 hotspots across the city.
"""

CLEAN_B = """# Connectivity fact sheet

Last updated: 31 July 2025

The **Wi-Fi.HK** programme provides free Wi-Fi at 42 000 hotspots across the city.
"""


def _write(directory: Path, files: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def warnings_corpus(tmp_path: Path) -> Path:
    """Only HK201 warnings."""
    return _write(tmp_path / "warn", {"stale.md": STALE, "current.md": CURRENT})


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """HK201 warnings and an HK101 error."""
    return _write(tmp_path / "mixed", {"stale.md": STALE, "current.md": CURRENT, "undated.md": UNDATED})


@pytest.fixture
def clean_corpus(tmp_path: Path) -> Path:
    return _write(tmp_path / "clean", {"a.md": CLEAN_A, "b.md": CLEAN_B})


def _codes(result) -> list[str]:
    return sorted({f["code"] for f in json.loads(result.stdout)["findings"]})


def _assert_one_line_error(result) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hklint: error: ")


# --------------------------------------------------------------------------- exit codes


def test_warnings_exit_1(runner, warnings_corpus):
    result = runner.invoke(main, [str(warnings_corpus)])
    assert result.exit_code == 1, result.output
    assert "HK201" in result.stdout
    assert "superseded-figure" in result.stdout


def test_clean_corpus_exits_0(runner, clean_corpus):
    result = runner.invoke(main, [str(clean_corpus)])
    assert result.exit_code == 0, result.output
    assert "HK201" not in result.stdout and "HK101" not in result.stdout


def test_lint_subcommand_is_the_default(runner, warnings_corpus):
    explicit = runner.invoke(main, ["lint", "--format", "json", str(warnings_corpus)])
    implicit = runner.invoke(main, [str(warnings_corpus), "--format", "json"])
    assert explicit.exit_code == implicit.exit_code == 1
    assert explicit.stdout == implicit.stdout


def test_fail_on_error_with_only_warnings_exits_0(runner, warnings_corpus):
    result = runner.invoke(main, [str(warnings_corpus), "--fail-on", "error"])
    assert result.exit_code == 0, result.output
    assert "HK201" in result.stdout  # still reported, just not failing


def test_fail_on_error_with_an_error_exits_1(runner, mixed_corpus):
    result = runner.invoke(main, [str(mixed_corpus), "--fail-on", "error"])
    assert result.exit_code == 1, result.output


def test_fail_on_never_exits_0(runner, mixed_corpus):
    result = runner.invoke(main, [str(mixed_corpus), "--fail-on", "never"])
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- JSON and --output


def test_json_output_validates_against_schema(runner, mixed_corpus):
    result = runner.invoke(main, [str(mixed_corpus), "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    schema = load_schema()
    jsonschema.validators.validator_for(schema).check_schema(schema)
    jsonschema.validate(report, schema)
    assert report["tool"] == {"name": "hklint", "version": __version__}
    assert {d["path"] for d in report["documents"]} == {
        str(mixed_corpus / n).replace("\\", "/") for n in ("stale.md", "current.md", "undated.md")}
    assert _codes(result) == ["HK101", "HK201", "HK601"]  # HK601: undated.md
    for finding in report["findings"]:
        assert len(finding["claims"]) >= (1 if finding["category"] == "document" else 2)
        for claim in finding["claims"]:
            assert {"path", "line", "column", "text", "value", "low", "high", "unit", "as_of"} <= set(claim)


def test_json_clean_report_validates(runner, clean_corpus):
    result = runner.invoke(main, [str(clean_corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, load_schema())
    assert report["findings"] == []


def test_output_writes_the_file(runner, warnings_corpus, tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(main, [str(warnings_corpus), "--format", "json", "--output", str(out)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, load_schema())
    assert [f["code"] for f in report["findings"]] and {f["code"] for f in report["findings"]} == {"HK201"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hklint-")], "temporary file left behind"


def test_output_survives_a_failed_run(runner, tmp_path):
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, [str(empty), "--format", "json", "--output", str(out)])
    _assert_one_line_error(result)
    assert "no document could be read" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous report\n"


# --------------------------------------------------------------------------- selection


def test_select_prefix(runner, mixed_corpus):
    everything = runner.invoke(main, [str(mixed_corpus), "--format", "json"])
    assert _codes(everything) == ["HK101", "HK201", "HK601"]
    only_conflicts = runner.invoke(main, [str(mixed_corpus), "--format", "json", "--select", "HK1"])
    assert _codes(only_conflicts) == ["HK101"]
    only_supersession = runner.invoke(main, [str(mixed_corpus), "--format", "json", "--select", "HK201"])
    assert _codes(only_supersession) == ["HK201"]


def test_ignore_prefix(runner, mixed_corpus):
    result = runner.invoke(main, [str(mixed_corpus), "--format", "json", "--ignore", "HK201"])
    assert result.exit_code == 1
    assert _codes(result) == ["HK101", "HK601"]
    both = runner.invoke(main, [str(mixed_corpus), "--format", "json", "--ignore", "HK101,HK201,HK601"])
    assert both.exit_code == 0
    assert _codes(both) == []


def test_ignoring_the_only_findings_exits_0(runner, warnings_corpus):
    result = runner.invoke(main, [str(warnings_corpus), "--ignore", "HK2"])
    assert result.exit_code == 0, result.output


def test_unknown_select_prefix_is_a_usage_error(runner, warnings_corpus):
    result = runner.invoke(main, [str(warnings_corpus), "--select", "HK0"])
    _assert_one_line_error(result)
    assert "HK0" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --------------------------------------------------------------------------- input errors


def test_missing_path_is_named_and_the_rest_is_linted(runner, warnings_corpus, tmp_path):
    missing = tmp_path / "no-such-file.md"
    result = runner.invoke(main, [str(missing), str(warnings_corpus), "--format", "json"])
    assert "no-such-file.md" in result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert len(report["documents"]) == 2
    assert {f["code"] for f in report["findings"]} == {"HK201"}
    assert result.exit_code == 1


def test_directory_without_documents_exits_2(runner, tmp_path):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    (empty / "image.png").write_bytes(b"\x89PNG\r\n")
    result = runner.invoke(main, [str(empty)])
    _assert_one_line_error(result)
    assert result.stdout == ""


def test_only_missing_paths_exit_2(runner, tmp_path):
    result = runner.invoke(main, [str(tmp_path / "gone.md")])
    assert result.exit_code == 2
    assert "gone.md" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- rules, rule


def test_rules_lists_the_checks(runner):
    result = runner.invoke(main, ["rules"])
    assert result.exit_code == 0, result.output
    for code, slug in (("HK101", "conflicting-figures"), ("HK201", "superseded-figure")):
        line = next(l for l in result.stdout.splitlines() if l.startswith(code))
        assert slug in line


def test_rule_prints_its_documentation(runner):
    result = runner.invoke(main, ["rule", "HK201"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("HK201 superseded-figure")
    assert "What it does:" in result.stdout
    assert "Why it matters:" in result.stdout


def test_rule_by_slug(runner):
    result = runner.invoke(main, ["rule", "conflicting-figures"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("HK101 conflicting-figures")


def test_unknown_rule_exits_2(runner):
    result = runner.invoke(main, ["rule", "NOPE"])
    _assert_one_line_error(result)
    assert "NOPE" in result.stderr


# --------------------------------------------------------------------------- claims


CLAIM_KEYS = {"path", "line", "column", "text", "value", "unit", "as_of"}


def test_claims_prints_json_lines(runner, mixed_corpus):
    result = runner.invoke(main, ["claims", str(mixed_corpus)])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("\n")
    lines = result.stdout.splitlines()
    assert len(lines) >= 4
    records = [json.loads(line) for line in lines]  # one object a line
    for record in records:
        assert isinstance(record, dict)
        assert CLAIM_KEYS <= set(record)
        assert isinstance(record["line"], int) and isinstance(record["column"], int)
    texts = {(Path(r["path"]).name, r["text"]) for r in records}
    assert ("stale.md", "16") in texts
    assert ("current.md", "15") in texts
    undated = [r for r in records if r["path"].endswith("undated.md")]
    assert undated and all(r["as_of"] is None for r in undated)


def test_claims_subject_filter(runner, mixed_corpus):
    everything = [json.loads(l) for l in runner.invoke(main, ["claims", str(mixed_corpus)]).stdout.splitlines()]
    result = runner.invoke(main, ["claims", str(mixed_corpus), "--subject", "state key LABORATORIES"])
    assert result.exit_code == 0, result.output
    chosen = [json.loads(l) for l in result.stdout.splitlines()]
    assert chosen and len(chosen) < len(everything)
    assert all("state key laboratories" in c["subject"].lower() for c in chosen)
    assert sorted(c["text"] for c in chosen) == ["15", "16"]


def test_claims_subject_filter_matching_nothing(runner, mixed_corpus):
    result = runner.invoke(main, ["claims", str(mixed_corpus), "--subject", "no such programme"])
    assert result.exit_code == 0
    assert result.stdout == ""


def test_claims_without_documents_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["claims", str(tmp_path)])
    _assert_one_line_error(result)


# --------------------------------------------------------------------------- version, help


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert re.search(rf"\bhklint\b.*{re.escape(__version__)}", result.stdout)


def test_help_lists_the_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:", 1)[1]
    for command in ("lint", "claims", "rules", "rule"):
        assert re.search(rf"^\s+{command}\b", commands, re.MULTILINE), command
