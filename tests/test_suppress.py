"""Inline suppression: ``<!-- hklint: ignore ... -->`` comments, and HK901 for the unused ones."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hklint.cli import main
from hklint.engine import Options, lint, load_corpus
from hklint.load import line_starts
from hklint.model import Document
from hklint import suppress

STALE_LINE = "There are currently 16 State Key Laboratories in Hong Kong, covering fields such as biomedicine."

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.
"""


def _stale(*lines: str) -> str:
    return "# Research capacity\n\nRevision date: 25 February 2025\n\n" + "\n".join(lines) + "\n"


def _corpus(tmp_path: Path, stale: str, current: str = CURRENT) -> Path:
    (tmp_path / "stale.md").write_text(stale, encoding="utf-8")
    (tmp_path / "current.md").write_text(current, encoding="utf-8")
    return tmp_path


def _codes(tmp_path: Path, select=("HK201", "HK901")) -> list[tuple[str, str, int]]:
    report = lint([str(tmp_path)], Options(select=select))
    return [(f.code, Path(f.primary.path).name, f.primary.span.line) for f in report.findings]


def _doc(text: str, path: str = "a.md") -> Document:
    return Document(path=path, text=text, line_starts=line_starts(text))


def test_without_a_comment_the_stale_figure_is_reported(tmp_path):
    assert _codes(_corpus(tmp_path, _stale(STALE_LINE))) == [("HK201", "stale.md", 5)]


def test_comment_on_its_own_line_covers_the_next_non_blank_line(tmp_path):
    stale = _stale("<!-- hklint: ignore HK201 -->", "", STALE_LINE)
    assert _codes(_corpus(tmp_path, stale)) == []


def test_comment_at_the_end_of_the_line_covers_that_line(tmp_path):
    stale = _stale(STALE_LINE + " <!-- hklint: ignore HK2 -->")
    assert _codes(_corpus(tmp_path, stale)) == []


def test_comment_in_the_other_document_suppresses_too(tmp_path):
    """Any cited claim covered in its own document suppresses the finding."""
    current = CURRENT.replace("national importance.", "national importance. <!-- hklint: ignore HK201 -->")
    assert _codes(_corpus(tmp_path, _stale(STALE_LINE), current)) == []


def test_file_level_comment_anywhere(tmp_path):
    stale = _stale(STALE_LINE, "", "<!-- hklint: ignore-file HK201 -- archived fact sheet, kept as published -->")
    assert _codes(_corpus(tmp_path, stale)) == []


def test_comment_for_another_code_does_not_suppress_and_is_unused(tmp_path):
    stale = _stale("<!-- hklint: ignore HK101 -->", STALE_LINE)
    codes = _codes(_corpus(tmp_path, stale), select=("HK101", "HK201", "HK901"))
    assert codes == [("HK901", "stale.md", 5), ("HK201", "stale.md", 6)]


def test_comment_that_covers_a_different_line_is_unused(tmp_path):
    stale = _stale("<!-- hklint: ignore HK201 -->", "An unrelated sentence.", "", STALE_LINE)
    assert _codes(_corpus(tmp_path, stale)) == [("HK901", "stale.md", 5), ("HK201", "stale.md", 8)]


def test_unused_message_names_the_code_and_the_line(tmp_path):
    stale = _stale("<!-- hklint: ignore HK201, HK101 -- fixed in March -->", "Nothing to see here.")
    report = lint([str(_corpus(tmp_path, stale))], Options(select=("HK1", "HK2", "HK9")))
    (finding,) = report.findings
    assert finding.code == "HK901" and finding.check == "unused-suppression"
    assert "HK201, HK101 suppressed no finding on line 6" in finding.message
    assert finding.primary.text == "<!-- hklint: ignore HK201, HK101 -- fixed in March -->"


def test_a_code_whose_check_did_not_run_is_not_judged(tmp_path):
    stale = _stale("<!-- hklint: ignore HK301 -->", STALE_LINE)
    assert _codes(_corpus(tmp_path, stale)) == [("HK201", "stale.md", 6)]


def test_a_partly_used_comment_reports_only_the_unused_code(tmp_path):
    stale = _stale("<!-- hklint: ignore HK201 HK101 -->", STALE_LINE)
    report = lint([str(_corpus(tmp_path, stale))], Options(select=("HK101", "HK201", "HK901")))
    (finding,) = report.findings
    assert "HK101 suppressed no finding" in finding.message and "HK201" not in finding.message.split(":")[-1]


def test_hk901_itself_can_be_suppressed_for_a_file(tmp_path):
    stale = _stale("<!-- hklint: ignore HK999 -->", "<!-- hklint: ignore-file HK901 -->", STALE_LINE)
    assert _codes(_corpus(tmp_path, stale)) == [("HK201", "stale.md", 7)]


def test_moving_the_comment_keeps_the_fingerprint(tmp_path):
    stale = _stale("<!-- hklint: ignore HK101 -->", STALE_LINE)
    first = lint([str(_corpus(tmp_path, stale))], Options(select=("HK1", "HK9"))).findings
    moved = _stale("A new opening paragraph.", "", "Another one.", "", "<!-- hklint: ignore HK101 -->", STALE_LINE)
    second = lint([str(_corpus(tmp_path, moved))], Options(select=("HK1", "HK9"))).findings
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert first[0].primary.span.line != second[0].primary.span.line


# --------------------------------------------------------------------------- parsing


def test_parse_forms_codes_and_reason():
    text = ("<!-- hklint: ignore hk201,HK1  HK3 -- the figure was restated -->\n\n"
            "Some text 42 units. <!-- hklint: ignore HK301 -->\n"
            "<!--hklint:ignore-file HK4-->\n")
    first, second, third = suppress.parse(_doc(text))
    assert (first.scope, first.target_line, first.codes, first.reason) == (
        "next-line", 3, ("HK201", "HK1", "HK3"), "the figure was restated")
    assert (second.scope, second.target_line, second.codes, second.reason) == ("line", 3, ("HK301",), "")
    assert (third.scope, third.target_line, third.codes) == ("file", None, ("HK4",))
    assert not (first.problem or second.problem or third.problem)


def test_stacked_comments_cover_the_same_line():
    text = "<!-- hklint: ignore HK201 -->\n<!-- hklint: ignore HK101 -->\n\nThe figure 16 labs.\n"
    assert [d.target_line for d in suppress.parse(_doc(text))] == [4, 4]


def test_malformed_comments_are_kept_with_a_problem():
    text = ("<!-- hklint: ignore -->\n<!-- hklint ignore HK201 -->\n<!-- hklint: skip HK201 -->\n"
            "<!-- hklint: ignore HK-201 -->\n")
    problems = [d.problem for d in suppress.parse(_doc(text))]
    assert len(problems) == 4 and all(problems)
    assert "names no code" in problems[0]
    assert "unknown directive 'skip'" in problems[2]


def test_other_html_comments_are_not_directives():
    assert suppress.parse(_doc("<!-- TODO: check the 16 labs -->\n<!-- hklinter: ignore X -->\n")) == ()


def test_comments_in_code_are_examples():
    text = "Use `<!-- hklint: ignore HK201 -->` like this.\n```\n<!-- hklint: ignore HK201 -->\n```\n"
    assert suppress.parse(_doc(text)) == ()


def test_blank_keeps_offsets_and_lines():
    text = "Intro. <!-- hklint: ignore HK201 -- 2 reasons -->\nThere are 16 labs.\n"
    doc = _doc(text)
    blanked = suppress.blank(doc, suppress.parse(doc))
    assert len(blanked.text) == len(text) and blanked.line_starts == doc.line_starts
    assert "hklint" not in blanked.text and blanked.text.endswith("There are 16 labs.\n")


def test_comments_make_no_claims_and_do_not_change_quotes(tmp_path):
    """Codes are not figures followed by nouns, and neither is a reason's "2 reasons"."""
    line = "There are currently 16 State Key Laboratories in Hong Kong."
    plain = _stale(line)
    commented = _stale(line + " <!-- hklint: ignore HK201, HK301 -- 2 reasons: archived, 3 copies -->",
                       "<!-- hklint: ignore-file HK101 -- 12 documents share this sheet -->")
    (tmp_path / "plain").mkdir()
    (tmp_path / "commented").mkdir()
    (tmp_path / "plain" / "a.md").write_text(plain, encoding="utf-8")
    (tmp_path / "commented" / "a.md").write_text(commented, encoding="utf-8")
    before = load_corpus([str(tmp_path / "plain")]).claims
    after = load_corpus([str(tmp_path / "commented")]).claims
    assert [(c.text, c.subject.key, c.sentence) for c in after] == \
        [(c.text, c.subject.key, c.sentence) for c in before]
    assert [c.text for c in after] == ["16"]


def test_cli_json_shows_hk901(tmp_path):
    stale = _stale("<!-- hklint: ignore HK201 -->", "Nothing here.", "", STALE_LINE)
    result = CliRunner().invoke(main, [str(_corpus(tmp_path, stale)), "--format", "json"])
    assert result.exit_code == 1
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert sorted(codes) == ["HK201", "HK901"]
