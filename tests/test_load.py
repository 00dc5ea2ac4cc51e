"""Tests for hklint.load: discovery, decoding, line index, normalised view."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from hklint.load import InputError, discover, line_starts, normalise, read_document, to_original
from hklint.model import Document, Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _tree(root: Path) -> None:
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "docs" / ".git").mkdir()
    (root / "docs" / "b.txt").write_text("b")
    (root / "docs" / "a.md").write_text("a")
    (root / "docs" / "sub" / "c.markdown").write_text("c")
    (root / "docs" / "sub" / "image.png").write_bytes(b"\x89PNG")
    (root / "docs" / ".git" / "HEAD.txt").write_text("hidden")
    (root / "docs" / ".hidden.txt").write_text("hidden")


# --------------------------------------------------------------------------- discover


def test_discover_recurses_sorts_and_skips(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, skipped, problems = discover(["docs"])
    assert files == ["docs/a.md", "docs/b.txt", "docs/sub/c.markdown"]
    assert skipped == [Problem("docs/sub/image.png", "unsupported file type")]
    assert problems == []


def test_discover_trailing_slash_and_exclude(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, skipped, _ = discover(["docs/"], exclude=["sub"])
    assert files == ["docs/a.md", "docs/b.txt"]
    files, skipped, _ = discover(["docs"], exclude=["*.md"])
    assert files == ["docs/b.txt", "docs/sub/c.markdown"]
    assert Problem("docs/a.md", "excluded by pattern '*.md'") in skipped


def test_discover_missing_path_is_a_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files, skipped, problems = discover(["nope", "gone.txt"])
    assert files == [] and skipped == []
    assert problems == [Problem("gone.txt", "no such file or directory"),
                        Problem("nope", "no such file or directory")]


def test_discover_explicit_file_whatever_its_extension(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, _, _ = discover(["docs/sub/image.png", "docs"])
    assert "docs/sub/image.png" in files
    assert files == sorted(files)


def test_discover_reads_a_file_named_twice_once(tmp_path, monkeypatch):
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    files, _, _ = discover(["docs", "docs/a.md"])
    assert files.count("docs/a.md") == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_discover_survives_symlink_loops(tmp_path, monkeypatch):
    _tree(tmp_path)
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "sub" / "loop")
    monkeypatch.chdir(tmp_path)
    files, _, _ = discover(["docs"])
    assert files == ["docs/a.md", "docs/b.txt", "docs/sub/c.markdown"]


def test_discover_seeds():
    files, skipped, problems = discover([str(SEEDS)])
    assert len(files) == 5 and not skipped and not problems
    assert all(f.endswith(".txt") for f in files)


# --------------------------------------------------------------------------- decoding


def test_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Hong Kong’s I&T\n".encode("utf-8"))
    doc = read_document(str(path))
    assert isinstance(doc, Document)
    assert doc.text == "Hong Kong’s I&T\n" and doc.encoding == "utf-8"
    assert len(doc.sha256) == 64


def test_utf8_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfRevision date: February 25, 2025")
    doc = read_document(str(path))
    assert doc.text == "Revision date: February 25, 2025"
    assert doc.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_32_with_bom(tmp_path, codec):
    path = tmp_path / "a.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + "12 March 2021 – 創新".encode(codec))
    doc = read_document(str(path))
    assert doc.text == "12 March 2021 – 創新"


def test_latin1_fallback_is_reported(tmp_path):
    path = tmp_path / "a.txt"
    sentence = "Le café de la société coûte 3 € à Genève; très élevé, déjà réglé. "
    path.write_bytes((sentence * 5).encode("latin-1", errors="replace"))
    doc = read_document(str(path))
    assert doc.encoding not in ("utf-8", "utf-8-sig")
    assert "café de la société" in doc.text


def test_binary_is_an_input_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert info.value.path.endswith("a.txt")
    assert "binary" in str(info.value) and str(info.value).startswith(info.value.path + ": ")


def test_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_document(str(tmp_path))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_is_an_input_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    path.chmod(0)
    with pytest.raises(InputError, match="permission"):
        read_document(str(path))


def test_permission_error_is_an_input_error(tmp_path, monkeypatch):
    """Same as above for root, by making open() refuse."""
    import hklint.load

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(hklint.load, "open", refuse, raising=False)
    with pytest.raises(InputError, match="permission denied"):
        read_document(str(tmp_path / "a.txt"))


# --------------------------------------------------------------------------- lines


def test_crlf_kept_and_lines_indexed(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"first\r\nsecond line\r\n\rthird\nlast")
    doc = read_document(str(path))
    assert "\r\n" in doc.text
    assert doc.line_starts == (0, 7, 20, 21, 27)
    assert doc.position(doc.text.index("line")) == (2, 8)
    assert doc.position(doc.text.index("third")) == (4, 1)
    assert doc.line_text(2) == "second line"
    assert doc.position(doc.text.index("last")) == (5, 1)


def test_line_starts_plain():
    assert line_starts("") == (0,)
    assert line_starts("a\nb\n") == (0, 2, 4)
    assert line_starts("a\rb") == (0, 2)


# --------------------------------------------------------------------------- normalise

SEED_SENTENCES = [
    "Mobile payment registrations reaching 16.22 million and daily turnover of "
    "HK\\$15.3 billion (worth HK\\$15.3 billion)",
    "**Close to 4,700 start-ups** were located in Hong Kong in 2024",
    "The Global Innovation Index 2022¹⁷ published by WIPO; Hong Kong’s “I&T” hub",
    "an area of about 108 600 square metres\u00a0and 10\u202fm² of 2024–25 funds",
    "__bold__ \\_under\\_ \\# not a heading \\* star",
]

_REPLACED = {" ": "\u00a0\u202f\u2009\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u200a\u205f\u3000\u1680",
             "'": "‘’‚‛", '"': "“”„‟", "-": "–—‒−"}


def _assert_round_trip(text: str) -> str:
    view, offsets = normalise(text)
    assert len(offsets) == len(view) + 1
    assert offsets[len(view)] == len(text)
    for i, char in enumerate(view):
        original = text[offsets[i]]
        assert original == char or original in _REPLACED.get(char, ""), (i, char, original)
    assert list(offsets) == sorted(offsets)
    return view


@pytest.mark.parametrize("sentence", SEED_SENTENCES)
def test_normalise_round_trip(sentence):
    _assert_round_trip(sentence)


def test_normalise_view_contents():
    view = _assert_round_trip(" ".join(SEED_SENTENCES))
    assert "HK$15.3 billion" in view and "\\$" not in view
    assert "Close to 4,700 start-ups were" in view and "**" not in view
    assert "Index 2022 published" in view
    assert "Hong Kong's \"I&T\"" in view
    assert "metres and 10 m² of 2024-25" in view  # m² is a unit, not a footnote
    assert "bold _under_ # not a heading * star" in view


def test_to_original_excludes_closing_markup():
    text = SEED_SENTENCES[1]
    view, offsets = normalise(text)
    start = view.index("Close")
    end = view.index("start-ups") + len("start-ups")
    a, b = to_original(offsets, start, end)
    assert text[a:b] == "Close to 4,700 start-ups"


def test_normalise_plain_text_is_identity():
    text = "No markup here: 42 000 hotspots.\n"
    view, offsets = normalise(text)
    assert view == text and list(offsets) == list(range(len(text) + 1))


def test_normalise_large_text_round_trip():
    """Big enough to take the block-copy path of the offset map."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    view, offsets = normalise(text * 2)
    assert len(offsets) == len(view) + 1
    for i in range(0, len(view), 997):
        original = (text * 2)[offsets[i]]
        assert original == view[i] or original in _REPLACED.get(view[i], "")
