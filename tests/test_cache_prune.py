"""The claims cache keeps one folder a version of hklint's code and drops the
folders (and the loose entries of the old flat layout) no run has used for a
week (hklint/cache.py prune)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from hklint import cache
from hklint.engine import Options, _code_version, lint


def _aged(path: Path, days: float) -> None:
    t = time.time() - days * 24 * 3600
    os.utime(path, (t, t))


def test_prune_drops_what_other_versions_left_a_week_ago(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path))
    claims = tmp_path / "claims"
    for name, days in (("old", 30), ("recent", 1), ("current", 30)):
        (claims / name).mkdir(parents=True)
        (claims / name / "a.pickle").write_bytes(b"x")
        _aged(claims / name, days)
    (claims / "loose.pickle").write_bytes(b"x")
    _aged(claims / "loose.pickle", 30)
    (claims / ".tmp-123").write_bytes(b"x")  # a concurrent run's file being written
    _aged(claims / ".tmp-123", 30)
    cache.prune("claims", keep="current")
    assert sorted(p.name for p in claims.iterdir()) == [".tmp-123", "current", "recent"]
    assert (claims / "current").stat().st_mtime > time.time() - 60  # touched: in use


def test_a_run_caches_under_its_code_version_and_prunes(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    old = tmp_path / "cache" / "claims" / "0123456789abcdef"
    old.mkdir(parents=True)
    (old / "e.pickle").write_bytes(b"x")
    _aged(old, 8)
    doc = tmp_path / "docs" / "a.md"
    doc.parent.mkdir()
    doc.write_text("Revision date: 1 May 2024\n\nThe Harbour Authority runs 42 berths.\n", encoding="utf-8")
    lint([str(doc.parent)], Options(cache=True))
    folders = [p.name for p in (tmp_path / "cache" / "claims").iterdir()]
    assert folders == [_code_version()[:16]]
    assert len(list((tmp_path / "cache" / "claims" / folders[0]).glob("*.pickle"))) == 1
