"""Bad input, case by case (issue 6): hklint never crashes and never loses the rest.

Every case runs through the command line (CliRunner) and through
``hklint.engine.lint``. The contract (README, "Bad input"):

- a one-line message ``hklint: PATH: problem`` on stderr, and the same problem
  in the JSON report's ``problems``;
- the other documents are still linted and reported;
- exit 2 only for usage errors or when no document could be read (then the
  last line is ``hklint: error: no document could be read``; with a single
  problem the two make one line);
- never a traceback, and a run time that stays bounded.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hklint.cli import main
from hklint.engine import Options, lint
from hklint.model import Problem

# Two dated fact sheets that make one HK201 finding (16 -> 15 State Key
# Laboratories): the "other documents" that must still be linted.
OLD = "Revision date: 25 February 2025\n\nThere are currently 16 State Key Laboratories in Hong Kong.\n"
NEW = "Last updated: 31 July 2025\n\nHong Kong currently has 15 State Key Laboratories.\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "old.md").write_text(OLD, encoding="utf-8")
    (folder / "new.md").write_text(NEW, encoding="utf-8")
    return folder


def cli(*paths, extra=()):
    """Run ``hklint --format json PATHS``; return (exit code, stderr lines, report or None)."""
    result = CliRunner().invoke(main, ["--format", "json", *map(str, paths), *extra])
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    report = json.loads(result.stdout) if result.stdout else None
    return result.exit_code, result.stderr.splitlines(), report


def assert_linted_with_problem(paths, path, words, code=1):
    """The good corpus is linted (one HK201), and ``path`` has one problem mentioning ``words``."""
    status, lines, report = cli(*paths)
    shown = str(path).replace("\\", "/")
    assert status == code, lines
    assert [l for l in lines if l.startswith(f"hklint: {shown}: ")], lines
    assert all(l.startswith("hklint: ") for l in lines)
    assert any(words in l for l in lines if shown in l), lines
    assert "HK201" in {f["code"] for f in report["findings"]}  # (an undated file adds HK6xx)
    assert [p for p in report["problems"] if p["path"] == shown and words in p["message"]]
    engine = lint([str(p) for p in paths])
    assert any(p.path == shown and words in p.message for p in engine.problems)
    assert "HK201" in {f.code for f in engine.findings}
    return report


def assert_nothing_read(path, words):
    """``path`` alone: exit 2 and one line naming it and the problem."""
    status, lines, report = cli(path)
    assert status == 2 and report is None
    shown = str(path).replace("\\", "/")
    assert lines == [lines[0]] and lines[0].startswith(f"hklint: error: no document could be read: {shown}: ")
    assert words in lines[0]
    assert not lint([str(path)]).documents


# --------------------------------------------------------------------------- paths


def test_missing_path(good, tmp_path):
    missing = tmp_path / "no-such-file.md"
    assert_linted_with_problem([missing, good], missing, "no such file or directory")
    assert_nothing_read(missing, "no such file or directory")


def test_empty_directory(good, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_linted_with_problem([empty, good], empty, "no supported files")
    assert_nothing_read(empty, "no supported files (looked for *.txt, *.md, *.markdown)")


def test_directory_without_supported_files(good, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (other / "page.html").write_text("<p>16 State Key Laboratories</p>", encoding="utf-8")
    assert_linted_with_problem([other, good], other, "2 other files skipped")
    assert_nothing_read(other, "no supported files")


def test_a_directory_named_twice_is_not_empty_the_second_time(good):
    status, lines, report = cli(good, good)
    assert status == 1 and lines == [] and len(report["documents"]) == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops(good, tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.md").write_text(OLD, encoding="utf-8")
    os.symlink(tree, tree / "sub" / "up")  # a directory loop: cut by the walker, silently
    os.symlink(tmp_path / "x.md", tmp_path / "y.md")  # a file loop: named, it is a problem
    os.symlink(tmp_path / "y.md", tmp_path / "x.md")
    os.symlink(tmp_path / "x.md", tree / "loop.md")  # met while walking
    started = time.monotonic()
    report = assert_linted_with_problem([tree, good, tmp_path / "x.md"], tmp_path / "x.md", "symbolic link loop")
    assert time.monotonic() - started < 30
    assert {p["path"]: p["message"] for p in report["problems"]}[f"{tree.as_posix()}/loop.md"] == "symbolic link loop"
    assert [d["path"] for d in report["documents"]].count(f"{tree.as_posix()}/a.md") == 1
    assert_nothing_read(tmp_path / "x.md", "symbolic link loop")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_broken_symlink(good, tmp_path):
    link = tmp_path / "gone.md"
    os.symlink(tmp_path / "nowhere.md", link)
    assert_linted_with_problem([link, good], link, "broken symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_in_a_directory_is_skipped_not_read(good):
    os.mkfifo(good / "pipe.md")  # opening it would block for ever
    status, lines, report = cli(good)
    assert status == 1 and lines == []
    assert len(report["documents"]) == 2


def test_unreadable_file(good, tmp_path, monkeypatch):
    """Root reads anything, so open() is made to refuse, for this one file only."""
    import builtins

    import hklint.load

    secret = tmp_path / "secret.md"
    secret.write_text(OLD, encoding="utf-8")
    real_open = builtins.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(hklint.load, "open", refuse, raising=False)
    assert_linted_with_problem([secret, good], secret, "permission denied")
    assert_nothing_read(secret, "permission denied")


# --------------------------------------------------------------------------- contents


def test_binary_file(good, tmp_path):
    blob = tmp_path / "blob.md"
    blob.write_bytes(b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)) * 8)
    assert_linted_with_problem([blob, good], blob, "binary file")
    assert_nothing_read(blob, "binary file (NUL bytes)")


def test_invalid_utf8_is_read_with_a_guess_and_said_so(good, tmp_path):
    latin = tmp_path / "latin.md"
    text = "Revision date: 3 March 2024\n\nLe café coûte 3 € à Genève; there are 16 State Key Laboratories.\n"
    latin.write_bytes(text.encode("cp1252"))
    report = assert_linted_with_problem([latin, good], latin, "not valid UTF-8; decoded as")
    doc = next(d for d in report["documents"] if d["path"].endswith("latin.md"))
    assert doc["encoding"] not in ("utf-8", "utf-8-sig")
    claims = CliRunner().invoke(main, ["claims", str(latin)])
    assert claims.exit_code == 0
    assert [json.loads(l)["text"] for l in claims.stdout.splitlines()] == ["16"]


def test_utf16_with_bom_reads_like_utf8(tmp_path):
    text = OLD.replace("\n", "\r\n")
    (tmp_path / "u8").mkdir()
    (tmp_path / "u16").mkdir()
    (tmp_path / "u8" / "a.md").write_bytes(text.encode("utf-8"))
    (tmp_path / "u16" / "a.md").write_bytes(text.encode("utf-16"))  # with its BOM
    dumps = []
    for folder in ("u8", "u16"):
        result = CliRunner().invoke(main, ["claims", str(tmp_path / folder / "a.md")])
        assert result.exit_code == 0 and result.stderr == ""
        dumps.append([{k: v for k, v in json.loads(l).items() if k != "path"}
                      for l in result.stdout.splitlines()])
    assert dumps[0] == dumps[1] and dumps[0]
    status, lines, report = cli(tmp_path / "u16" / "a.md")
    assert status == 0 and lines == [] and report["documents"][0]["encoding"] == "utf-16"


def test_empty_file(good, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    report = assert_linted_with_problem([empty, good], empty, "empty file")
    assert any(d["path"].endswith("empty.md") for d in report["documents"])  # read, just nothing in it
    status, lines, report = cli(empty)
    assert status == 0 and lines == [f"hklint: {empty.as_posix()}: empty file: nothing to lint"]


def test_crlf_keeps_lines_and_columns(tmp_path):
    (tmp_path / "lf").mkdir()
    (tmp_path / "crlf").mkdir()
    for name, text in (("old.md", OLD), ("new.md", NEW)):
        (tmp_path / "lf" / name).write_bytes(text.encode())
        (tmp_path / "crlf" / name).write_bytes(text.replace("\n", "\r\n").encode())
    reports = [cli(tmp_path / folder)[2] for folder in ("lf", "crlf")]
    where = [[(Path(c["path"]).name, c["line"], c["column"], c["text"]) for f in r["findings"] for c in f["claims"]]
             for r in reports]
    assert where[0] == where[1] == [("old.md", 3, 21, "16"), ("new.md", 3, 25, "15")]
    # the span quotes the original text exactly
    for claim in lint([str(tmp_path / "crlf")]).findings[0].claims:
        text = (tmp_path / "crlf" / Path(claim.path).name).read_bytes().decode()
        assert text[claim.span.start:claim.span.end] == claim.text


def test_control_characters(good, tmp_path):
    noisy = tmp_path / "noisy.md"
    noisy.write_text("Page one\x0c\nThere are\x07 16 \x1b[31mState Key Laboratories\x1b[0m.\x01\n", encoding="utf-8")
    assert_linted_with_problem([noisy, good], noisy, "4 control characters (first U+0007 at 2:10)")


@pytest.mark.skipif(sys.platform == "win32", reason="no newline in Windows file names")
def test_control_characters_in_a_file_name_stay_on_one_line(good, tmp_path):
    odd = tmp_path / "two\nlines\x1b[2J.md"
    odd.write_bytes(b"\x00binary")
    status, lines, _ = cli(odd, good)
    assert status == 1
    assert len(lines) == 1 and "two\\nlines\\x1b[2J.md: binary file" in lines[0]


def test_html_is_skipped_in_a_directory_and_read_when_named(good, tmp_path):
    page = good / "page.html"
    page.write_text("<html><body><p>There are <b>17</b> State Key Laboratories.</p></body></html>",
                    encoding="utf-8")
    status, lines, report = cli(good)
    assert status == 1 and lines == [] and len(report["documents"]) == 2
    status, lines, report = cli(good, page)
    assert status == 1 and lines == []
    assert any(d["path"].endswith("page.html") for d in report["documents"])
    claims = CliRunner().invoke(main, ["claims", str(page)])
    assert claims.exit_code == 0 and claims.stderr == ""


def test_numbers_thousands_of_digits_long(good, tmp_path):
    huge = tmp_path / "huge.md"
    digits = "9" * 5000
    huge.write_text(f"There are {digits} State Key Laboratories. It cost HK${'1' * 4000}.5 million, "
                    f"{'1,' * 3000}1 start-ups and {'123 ' * 2000}456 hotspots, {digits}% of all.\n",
                    encoding="utf-8")
    started = time.monotonic()
    status, lines, report = cli(huge, good)
    assert time.monotonic() - started < 30
    assert status == 1 and lines == [] and len(report["documents"]) == 3
    json.dumps(report, allow_nan=False)  # an overflowing value never becomes inf/NaN in the report
    lint([str(huge)])


# Texts built to make the number and name patterns backtrack. Each takes about
# 1 s or less (measured on 2 cores); the limit only catches a blow-up.
BACKTRACKING = {
    "capitalised words": lambda: " ".join(["Alpha", "Beta", "Gamma", "Delta"][i % 4] for i in range(100_000)),
    "digits and single spaces": lambda: " ".join(str(i % 10) for i in range(100_000)),
    "1,1,1,...": lambda: ",".join(["1"] * 100_000),
    "a thousands run that breaks at the end": lambda: "1" + ",123" * 30_000 + "4",
    "a space-grouped run that breaks at the end": lambda: "1" + " 123" * 30_000 + "4",
    "qualifiers without a number": lambda: "up to about more than nearly " * 10_000,
}


# HK401 (hklint/names.py, variant_groups) keys every name by each of its words
# masked, a tuple as long as the name per word: memory grows with the square of
# a Title Case run (4 000 words: 120 MB; 100 000 words: tens of GB). Until that is
# bounded, the long run is linted without HK401, and HK401 gets a short run.
QUADRATIC_IN = {"capitalised words": ("HK401",)}


@pytest.mark.parametrize("name", sorted(BACKTRACKING))
def test_texts_built_to_backtrack(tmp_path, name):
    path = tmp_path / "evil.md"
    path.write_text(BACKTRACKING[name](), encoding="utf-8")
    started = time.monotonic()
    report = lint([str(path)], Options(ignore=QUADRATIC_IN.get(name, ())))
    assert time.monotonic() - started < 20, name
    assert [d.path for d in report.documents] == [path.as_posix()]


def test_a_title_case_run_with_every_check(tmp_path):
    path = tmp_path / "names.md"
    path.write_text(" ".join(["Alpha", "Beta", "Gamma", "Delta"][i % 4] for i in range(2_000)), encoding="utf-8")
    status, lines, report = cli(path)
    assert status in (0, 1) and report["summary"]["documents"] == 1


def test_a_long_single_line(tmp_path):
    """One 5 MB line (a minified export): read, linted, positions on line 1."""
    sentence = "The Wi-Fi.HK programme provides free Wi-Fi at 42,000 hotspots across the city. "
    filler = "Officials said the programme would continue to expand and serve residents well. "
    line = (sentence + filler * 60) * (5_000_000 // (len(sentence) + 60 * len(filler)) + 1)
    path = tmp_path / "line.md"
    path.write_text(line[:5_000_000], encoding="utf-8")
    started = time.monotonic()
    status, lines, report = cli(path)
    elapsed = time.monotonic() - started
    assert status == 0 and lines == [] and report["summary"]["documents"] == 1
    assert report["summary"]["claims"] > 1000
    assert elapsed < 45, elapsed


@pytest.mark.skipif(not os.environ.get("HKLINT_BIG_TESTS"), reason="50 MB: set HKLINT_BIG_TESTS=1 (about 30 s; .ci/run sets it)")
def test_a_50_megabyte_file(tmp_path):
    paragraph = ("The Wi-Fi.HK programme provides free Wi-Fi at 42,000 hotspots across the city.\n\n"
                 + "Officials said the programme would continue to expand and serve residents well.\n\n" * 60)
    path = tmp_path / "big.md"
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(50_000_000 // len(paragraph) + 1):
            handle.write(paragraph)
    status, lines, report = cli(path)
    assert status == 0 and lines == [] and report["summary"]["claims"] > 10_000


def test_one_document_that_breaks_extraction_loses_only_itself(good, tmp_path, monkeypatch):
    """A bug met on one odd document is a problem for that document; the rest is linted."""
    import hklint.claims

    odd = tmp_path / "odd.md"
    odd.write_text("There are 99 State Key Laboratories.\n", encoding="utf-8")
    real = hklint.claims.extract

    def flaky(doc, *args, **kwargs):
        if doc.path.endswith("odd.md"):
            raise ValueError("cannot happen\nbut did")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(hklint.claims, "extract", flaky)
    monkeypatch.delenv("HKLINT_DEBUG", raising=False)
    report = assert_linted_with_problem([odd, good], odd, "internal error while extracting claims (ValueError")
    assert not any(d["path"].endswith("odd.md") for d in report["documents"])
    status, lines, _ = cli(odd, good)
    assert len(lines) == 1 and "please report it" in lines[0] and "cannot happen\\nbut did" in lines[0]
    monkeypatch.setenv("HKLINT_DEBUG", "1")
    with pytest.raises(ValueError):
        lint([str(odd), str(good)])


def test_problems_are_sorted_and_stable(good, tmp_path):
    for name in ("b.md", "a.md"):
        (tmp_path / name).write_bytes(b"\x00")
    first = lint([str(tmp_path / "b.md"), str(good), str(tmp_path / "a.md"), str(tmp_path / "zz")])
    second = lint([str(tmp_path / "zz"), str(tmp_path / "a.md"), str(good), str(tmp_path / "b.md")])
    assert first.problems == second.problems
    assert [p.path for p in first.problems] == sorted(p.path for p in first.problems)
    assert Problem((tmp_path / "zz").as_posix(), "no such file or directory") in first.problems
