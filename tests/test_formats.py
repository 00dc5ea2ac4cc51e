"""Machine formats: SARIF (validated against the official schema), GitHub workflow
commands (escaping), JSON Lines, HTML (escaping, marks, timelines), --statistics, progress."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from hklint.cli import main
from hklint.engine import Options, lint
from hklint.model import Claim, Document, Finding, Interval, Report, Severity, Span, Subject, Tense
from hklint.report import github, html as html_report, jsonl, sarif
from hklint.report.json import render as render_json

SHARED_SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "schemas"
SARIF_SCHEMA = SHARED_SCHEMAS / "sarif-schema-2.1.0.json"

STALE = """# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong, and 16 of them sit in universities.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.
"""

UNDATED = """# Start-ups

Under the Technology Start-up Support Scheme for Universities, annual funding of up to HK$8 million is provided to each university.
"""

DATED = """# Start-ups

Last updated: 31 July 2025

The Technology Start-up Support Scheme for Universities provides annual funding of up to HK$16 million to each university.
"""


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("stale.md", STALE), ("current.md", CURRENT), ("undated.md", UNDATED),
                       ("dated.md", DATED)):
        (docs / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def report(corpus) -> Report:
    return lint(["docs"], Options())


def _invoke(*args: str):
    return CliRunner().invoke(main, ["docs", *args])


# --------------------------------------------------------------------------- SARIF


def test_sarif_validates_against_the_official_schema(report):
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SARIF_SCHEMA} (the shared schemas folder is absent)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(sarif.render(report, tool_version="0.0-test"))
    jsonschema.Draft4Validator(schema).validate(log)


def test_sarif_rules_results_and_locations(report, corpus):
    log = json.loads(sarif.render(report, tool_version="9.9"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "hklint" and driver["version"] == "9.9"
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) >= {"HK101", "HK201", "HK601"}
    hk201 = rules["HK201"]
    assert hk201["name"] == "superseded-figure"
    assert hk201["defaultConfiguration"] == {"level": "warning"}
    assert rules["HK601"]["defaultConfiguration"] == {"level": "note"}
    assert "What it does" in hk201["fullDescription"]["text"]
    assert "HK201" not in hk201["shortDescription"]["text"]
    assert "helpUri" not in hk201
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == corpus.as_uri() + "/"
    result = next(r for r in run["results"] if r["ruleId"] == "HK201")
    assert driver["rules"][result["ruleIndex"]]["id"] == "HK201"
    finding = next(f for f in report.findings if f.code == "HK201")
    assert result["partialFingerprints"] == {"hklintFingerprint/v1": finding.fingerprint}
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/stale.md", "uriBaseId": "SRCROOT"}
    assert location["region"] == {"startLine": 5, "startColumn": 21, "endColumn": 23}
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "docs/current.md"
    assert related["physicalLocation"]["region"]["startLine"] == 5
    assert '"15" in docs/current.md' in related["message"]["text"]
    assert result["level"] == "warning" and "superseded" in result["message"]["text"]


def test_sarif_uri_outside_the_root_is_absolute(tmp_path):
    inside = sarif.artifact(str(tmp_path / "docs" / "a b.md"), str(tmp_path))
    assert inside == {"uri": "docs/a%20b.md", "uriBaseId": "SRCROOT"}
    outside = sarif.artifact(str(tmp_path.parent / "x.md"), str(tmp_path))
    assert outside["uri"].startswith("file:///") and "uriBaseId" not in outside


# --------------------------------------------------------------------------- GitHub


def test_github_escaping():
    assert github.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def _claim(path: str, text: str, line: int = 3, column: int = 7) -> Claim:
    return Claim(path=path, span=Span(10, 10 + len(text), line, column), text=text, sentence=text,
                 subject=Subject("x", "x", "counted-noun"), attribute="count", value=1.0,
                 interval=Interval.point(1.0), unit="", as_of=None, tense=Tense.CURRENT,
                 extractor="test", confidence=1.0)


def test_github_command_escapes_properties_and_message():
    finding = Finding(code="HK201", check="superseded-figure", category="supersession",
                      severity=Severity.WARNING, message='50% of "a,b": stale\nsee below',
                      subject="x", claims=(_claim("docs/a,b:c.md", "16"), _claim("docs/d.md", "15", 9, 2)),
                      reason="later date")
    line = github.command(finding)
    assert line.startswith("::warning file=docs/a%2Cb%3Ac.md,line=3,col=7,endColumn=9,"
                           "title=HK201 superseded-figure::")
    message = line.split("::", 2)[2]
    assert message == ('50%25 of "a,b": stale%0Asee below%0Asee also docs/d.md:9:2 "15"%0Awhy: later date')
    assert "\n" not in line


def test_github_levels(report):
    lines = github.render(report).splitlines()
    assert len(lines) == len(report.findings)
    assert {line.split(" ", 1)[0] for line in lines} == {"::error", "::warning", "::notice"}


def test_github_format_through_the_cli(corpus):
    result = _invoke("--format", "github")
    assert result.exit_code == 1
    assert any(line.startswith("::warning file=docs/stale.md,line=5,col=21,") for line in result.stdout.splitlines())


# --------------------------------------------------------------------------- JSON Lines


def test_json_lines_are_the_json_reports_findings(report):
    lines = jsonl.render(report).splitlines()
    full = json.loads(render_json(report, tool_version="x"))["findings"]
    assert [json.loads(line) for line in lines] == full
    assert len(lines) == len(report.findings) >= 3


def test_json_lines_empty_report_is_empty(corpus):
    result = _invoke("--format", "json-lines", "--select", "HK4")
    assert result.exit_code == 0 and result.stdout == ""


# --------------------------------------------------------------------------- HTML (text)


def test_html_marks_the_right_occurrence_and_escapes():
    text = "A <b>bold</b> line with 16 labs & 16 centres.\n"
    doc = Document(path="a.md", text=text, line_starts=(0,))
    start = text.rindex("16")
    claim = Claim(path="a.md", span=Span(start, start + 2, 1, start + 1), text="16", sentence=text.strip(),
                  subject=Subject("centre", "centres", "counted-noun"), attribute="count", value=16.0,
                  interval=Interval.point(16.0), unit="", as_of=None, tense=Tense.CURRENT,
                  extractor="test", confidence=1.0)
    out = html_report.highlight(claim, doc)
    assert out == "A &lt;b&gt;bold&lt;/b&gt; line with 16 labs &amp; <mark>16</mark> centres."


def test_html_timeline_oldest_first_and_cited_rows(report):
    page = html_report.render(report, tool_version="x")
    card = page[page.index('data-code="HK201"'):]
    card = card[:card.index("</article>")]
    timeline = card[card.index("<details"):]
    assert timeline.index("docs/stale.md:5") < timeline.index("docs/current.md:5")
    assert timeline.count('class="cited"') == 2
    assert "2025-02-25" in card and "2025-07-31" in card and "revision-line" in card
    assert "<script" not in page


def test_html_format_through_the_cli(corpus):
    result = _invoke("--format", "html", "-o", "report.html")
    assert result.exit_code == 1
    page = (corpus / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<article") == 3
    assert (corpus / "report.html").stat().st_mode & 0o044, "the report is readable by others (umask)"


# --------------------------------------------------------------------------- --statistics


def test_statistics_after_the_table(corpus):
    result = _invoke("--statistics")
    tail = result.stdout.rstrip().splitlines()[-6:]
    assert tail[0].split() == ["count", "code", "check"]
    rows = [line.split() for line in tail[2:]]
    assert ["1", "HK101", "conflicting-figures"] in rows and ["3", "total"] in rows
    assert result.stderr == ""


def test_statistics_on_stderr_for_machine_formats(corpus):
    result = _invoke("--format", "json", "--statistics")
    json.loads(result.stdout)  # stdout stays pure JSON
    assert "HK201" in result.stderr and "total" in result.stderr


# --------------------------------------------------------------------------- progress


def test_no_progress_bar_on_a_pipe(corpus):
    for i in range(25):
        (corpus / "docs" / f"extra{i:02}.md").write_text(f"# Note {i}\n\nNothing here.\n", encoding="utf-8")
    result = _invoke("--select", "HK2")
    assert result.stderr == ""


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch):
    from hklint import cli

    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(cli.sys, "stderr", Tty())
    monkeypatch.delenv("CI", raising=False)
    assert cli._Progress().wanted
    monkeypatch.setenv("CI", "true")
    assert not cli._Progress().wanted
    monkeypatch.setenv("CI", "false")
    assert cli._Progress().wanted


def test_progress_callback_counts_every_file(corpus):
    seen = []
    lint(["docs"], Options(), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_progress_bar_draws_for_many_files(monkeypatch):
    from hklint import cli

    drawn = []

    class Bar:
        pos = 0

        def __enter__(self):
            return self

        def update(self, n):
            self.pos += n
            drawn.append(self.pos)

        def __exit__(self, *exc):
            drawn.append("closed")

    monkeypatch.setattr(cli.click, "progressbar", lambda **kw: Bar())
    progress = cli._Progress()
    for done in range(1, 4):
        progress(done, 3)  # a few files: no bar
    assert drawn == []
    for done in range(1, 31):
        progress(done, 30)
    progress.close()
    assert drawn[-2:] == [30, "closed"] and len(drawn) == 31
