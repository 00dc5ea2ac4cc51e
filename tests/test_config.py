"""Configuration: discovery, every key, errors, command-line overrides, --show-settings."""
from __future__ import annotations

import dataclasses

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hklint import config as config_mod
from hklint.cli import main
from hklint.engine import lint
from hklint.model import CheckInfo, Severity
from hklint.registry import Registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

STALE = """# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong, covering fields such as biomedicine.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.

The Technology Start-up Support Scheme for Universities provides annual funding of up to \\$16 million to each university to support start-ups.
"""

UNDATED = """# University start-ups get a boost

Under the Technology Start-up Support Scheme for Universities, annual funding of up to HK$8 million is provided to each university to support start-ups.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A project folder (with .git, so discovery stops here) holding docs/; cwd is the project."""
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("stale.md", STALE), ("current.md", CURRENT), ("undated.md", UNDATED)):
        (docs / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, ["docs", "--format", "json", *args])


def _codes(result) -> list[str]:
    return sorted(f["code"] for f in json.loads(result.stdout)["findings"])


def _toml(project: Path, text: str, name: str = "hklint.toml") -> Path:
    path = project / name
    path.write_text(text, encoding="utf-8")
    return path


def _one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hklint: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_without_config_the_defaults_apply(project):
    result = _run()
    assert result.exit_code == 1
    assert _codes(result) == ["HK101", "HK201", "HK601"]


# --------------------------------------------------------------------------- discovery


def test_discovered_from_a_subdirectory_upward(project, monkeypatch):
    _toml(project, 'select = ["HK1"]\n')
    monkeypatch.chdir(project / "docs")
    result = CliRunner().invoke(main, [".", "--format", "json"])
    assert _codes(result) == ["HK101"]


def test_pyproject_tool_table(project):
    _toml(project, '[project]\nname = "x"\n\n[tool.hklint]\nselect = ["HK2"]\n', "pyproject.toml")
    assert _codes(_run()) == ["HK201"]


def test_pyproject_without_the_table_is_passed_over(project):
    (project / "sub").mkdir()
    _toml(project, 'select = ["HK1"]\n')
    _toml(project / "sub", '[project]\nname = "x"\n', "pyproject.toml")
    assert config_mod.discover(project / "sub") == project / "hklint.toml"


def test_hklint_toml_wins_over_pyproject_in_the_same_folder(project):
    _toml(project, '[tool.hklint]\nselect = ["HK2"]\n', "pyproject.toml")
    _toml(project, 'select = ["HK1"]\n')
    assert _codes(_run()) == ["HK101"]


def test_discovery_stops_at_the_git_folder(tmp_path):
    _toml(tmp_path, 'select = ["HK1"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert config_mod.discover(repo) is None


def test_explicit_config_file(project):
    path = _toml(project, 'select = ["HK6"]\n', "lint-settings.toml")
    assert _codes(_run("--config", str(path))) == ["HK601"]


def test_explicit_config_file_missing(project):
    _one_line_error(_run("--config", "nope.toml"), "nope.toml", "no such configuration file")


# --------------------------------------------------------------------------- keys


def test_select_and_ignore(project):
    _toml(project, 'select = ["HK1", "HK2"]\nignore = ["HK201"]\n')
    assert _codes(_run()) == ["HK101"]


def test_extend_select_adds_to_the_default_selection():
    config = config_mod.from_mapping({"extend-select": ["HK602"]})
    options = config_mod.to_options(config)
    assert options.select == ("ALL", "HK602")
    codes = Registry.discover().select(options.select, options.ignore)
    assert "HK602" in codes and "HK201" in codes


def test_command_line_select_replaces_select_and_extend_select(project):
    _toml(project, 'select = ["HK1"]\nextend-select = ["HK6"]\n')
    assert _codes(_run()) == ["HK101", "HK601"]
    assert _codes(_run("--select", "HK2")) == ["HK201"]


def test_per_file_ignores(project):
    _toml(project, '[per-file-ignores]\n"docs/stale.md" = ["HK2"]\n"undated.md" = ["HK1", "HK6"]\n')
    assert _codes(_run()) == []


def test_per_file_ignores_glob_only_for_its_codes(project):
    _toml(project, '[per-file-ignores]\n"docs/*.md" = ["HK601"]\n')
    assert _codes(_run()) == ["HK101", "HK201"]


def test_fail_on_and_command_line_override(project):
    _toml(project, 'select = ["HK2"]\nfail-on = "error"\n')
    assert _run().exit_code == 0  # one warning, below "error"
    assert _run("--fail-on", "warning").exit_code == 1


def test_include_and_exclude(project):
    (project / "docs" / "notes.rst").write_text(STALE, encoding="utf-8")
    _toml(project, 'include = ["*.md", "*.rst"]\nexclude = ["undated.md"]\n')
    report = json.loads(_run().stdout)
    paths = sorted(d["path"] for d in report["documents"])
    assert paths == ["docs/current.md", "docs/notes.rst", "docs/stale.md"]
    assert report["skipped"] == [{"path": "docs/undated.md", "message": "excluded by pattern 'undated.md'"}]


def test_min_confidence(project):
    _toml(project, "min-confidence = 1.0\n")
    assert "HK201" not in _codes(_run())
    assert "HK201" in _codes(_run("--min-confidence", "0.5"))


def test_dates_by_path_and_glob(project):
    _toml(project, '[dates]\n"docs/undated.md" = "2021-03-12"\n"st*.md" = 2025-01-01\n')
    report = json.loads(_run().stdout)
    dates = {d["path"]: (d["revision_date"], d["date_source"]) for d in report["documents"]}
    assert dates["docs/undated.md"] == ("2021-03-12", "config")
    assert dates["docs/stale.md"] == ("2025-01-01", "config")
    assert dates["docs/current.md"] == ("2025-07-31", "revision-line")
    # dated now, the undated cap is superseded rather than in conflict
    assert _codes(_run()) == ["HK201", "HK201"]


def test_aliases_link_other_names(project):
    (project / "docs" / "labs.md").write_text(
        "# Labs\n\nLast updated: 1 September 2025\n\nHong Kong currently has 14 National Key Laboratories.\n",
        encoding="utf-8")
    assert _codes(_run("--select", "HK201")) == ["HK201"]
    _toml(project, '[aliases]\n"State Key Laboratories" = ["National Key Laboratories", "NKLs"]\n')
    result = _run("--select", "HK201")
    assert _codes(result) == ["HK201", "HK201"]
    assert "14" in {c["text"] for f in json.loads(result.stdout)["findings"] for c in f["claims"]}


def test_tolerance_reaches_the_checks(project):
    seen = []

    def run(ctx):
        seen.append(ctx.tolerance)
        return iter(())

    info = CheckInfo("XX1", "probe", "conflict", Severity.INFO, "doc", "test")
    options = config_mod.to_options(config_mod.from_mapping({"tolerance": 0.02}))
    lint(["docs"], options, registry=Registry([(info, run)]))
    assert seen == [0.02]


def test_fiscal_year_start_dates_fiscal_years(tmp_path):
    from hklint.engine import Options, load_corpus

    (tmp_path / "report.md").write_text("# Annual report\n\nLast updated: 1 March 2023\n\n"
                                        "The Harbour Service's budget for fiscal year 2022 was $3.265 billion.\n",
                                        encoding="utf-8")
    plain = load_corpus([str(tmp_path)], Options(cache=False, jobs=1)).claims[0].as_of
    assert (plain.start.isoformat(), plain.end.isoformat()) == ("2022-01-01", "2022-12-31")
    options = config_mod.to_options(config_mod.from_mapping({"fiscal-year-start": "October"}))
    us = load_corpus([str(tmp_path)], dataclasses.replace(options, cache=False, jobs=1)).claims[0].as_of
    assert (us.start.isoformat(), us.end.isoformat()) == ("2021-10-01", "2022-09-30")
    assert config_mod.from_mapping({"fiscal-year-start": 4}).fiscal_year_start == 4


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("text, needles", [
    ('selct = ["HK1"]\n', ["'selct'", "unknown key"]),
    ('min-confidence = "high"\n', ["'min-confidence'", "'high'"]),
    ("min-confidence = 1.5\n", ["'min-confidence'", "0 to 1"]),
    ('fail-on = "sometimes"\n', ["'fail-on'", "info, warning, error, never"]),
    ('select = [1]\n', ["'select'", "list of non-empty strings"]),
    ('select = ["HK-2"]\n', ["'select'", "'HK-2'"]),
    ('[dates]\n"a.md" = "March 2024"\n', ["'dates'", "'a.md'", "ISO date"]),
    ('dates = "2024-01-01"\n', ["'dates'", "table"]),
    ('[per-file-ignores]\n"a.md" = "HK2 HK3"\n', ["'per-file-ignores'", "'HK2 HK3'"]),
    ('[aliases]\n"SKL" = [""]\n', ["'aliases'", "'SKL'"]),
    ("tolerance = -0.1\n", ["'tolerance'", "-0.1"]),
    ("tolerance = true\n", ["'tolerance'"]),
    ('fiscal-year-start = "Octember"\n', ["'fiscal-year-start'", "month"]),
    ("fiscal-year-start = 13\n", ["'fiscal-year-start'", "month"]),
    ("select = [\n", ["not valid TOML"]),
])
def test_bad_configuration_is_one_line_error(project, text, needles):
    _toml(project, text)
    _one_line_error(_run(), "hklint.toml", *needles)


def test_bad_key_in_pyproject_names_the_table(project):
    _toml(project, "[tool.hklint]\nfail_on = \"error\"\n", "pyproject.toml")
    _one_line_error(_run(), "[tool.hklint]", "'fail_on'")


def test_unknown_code_prefix_in_config_is_a_usage_error(project):
    _toml(project, 'select = ["HK0"]\n')
    _one_line_error(_run(), "HK0")


# --------------------------------------------------------------------------- --show-settings


def test_show_settings_prints_resolved_toml(project):
    _toml(project, 'select = ["HK1"]\nfail-on = "error"\ntolerance = 0.01\n'
                   '[dates]\n"docs/*.md" = "2024-05-01"\n[aliases]\n"State Key Laboratories" = ["SKLs"]\n'
                   '[per-file-ignores]\n"archive/*" = ["HK201"]\n')
    result = CliRunner().invoke(main, ["--show-settings", "--min-confidence", "0.7"])
    assert result.exit_code == 0, result.output
    settings = tomllib.loads(result.stdout)
    assert settings["config-file"] == str(project / "hklint.toml")
    assert settings["select"] == ["HK1"] and settings["fail-on"] == "error"
    assert settings["min-confidence"] == 0.7 and settings["tolerance"] == 0.01
    assert str(settings["dates"]["docs/*.md"]) == "2024-05-01"
    assert settings["aliases"] == {"State Key Laboratories": ["SKLs"]}
    assert settings["per-file-ignores"] == {"archive/*": ["HK201"]}
    assert settings["include"] == ["*.txt", "*.md", "*.markdown"]


def test_show_settings_without_config(project):
    result = CliRunner().invoke(main, ["--show-settings"])
    assert result.exit_code == 0
    settings = tomllib.loads(result.stdout)
    assert settings["select"] == ["ALL"] and settings["fail-on"] == "warning"
    assert settings["min-confidence"] == 0.6 and settings["tolerance"] == 0.0


def test_paths_are_still_required_to_lint(project):
    result = CliRunner().invoke(main, ["lint"])
    assert result.exit_code == 2 and "PATHS" in result.stderr


def test_field_names_are_the_documented_keys():
    assert set(config_mod.field_names()) == {
        "select", "ignore", "extend-select", "per-file-ignores", "fail-on", "include", "exclude",
        "min-confidence", "dates", "aliases", "tolerance", "fiscal-year-start"}


def test_anchored_patterns_treat_the_root_as_literal_text():
    pattern = config_mod.anchor("docs/*.md", "/srv/we[ir]d")
    assert config_mod.path_matches(pattern, "/srv/we[ir]d/docs/a.md")
    assert not config_mod.path_matches(pattern, "/srv/wed/docs/a.md")
    assert config_mod.anchor("*.md", "/srv/x") == "*.md"
    assert config_mod.path_matches("*.md", "deep/down/a.md")
