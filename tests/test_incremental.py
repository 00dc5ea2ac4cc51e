"""Warm runs: the stat index and the claims cache never serve a changed document's
old results, and give the same report as a cold run."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from hklint import __version__, engine, statindex
from hklint.engine import Options, lint
from hklint.report.json import render

ROOT = Path(__file__).resolve().parent.parent
OLD = 1_600_000_000  # a time long past: files stamped with it are not racily new


@pytest.fixture()
def docs(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", folder)
    for path in folder.iterdir():
        os.utime(path, (OLD, OLD))
    # the copies' ctime is now, which the index would take as racily new: without
    # this every file would be hashed and the index never consulted
    monkeypatch.setattr(statindex, "RACY_NS", 0)
    return folder


def _json(folder, **options) -> str:
    return render(lint([str(folder)], Options(cache=True, **options)), tool_version=__version__)


def _counting(monkeypatch) -> list:
    calls = []
    real = engine.claims_mod.extract
    monkeypatch.setattr(engine.claims_mod, "extract", lambda *a, **k: calls.append(a[0].path) or real(*a, **k))
    return calls


def test_same_size_and_mtime_but_new_content_is_extracted_again(docs, monkeypatch):
    target = docs / "003_5ca6ff13b72670fa.txt"
    _json(docs)
    assert statindex.StatIndex.load().lookup(str(target), statindex.signature(os.stat(target)))
    text = target.read_text(encoding="utf-8")
    changed = text.replace("1", "7", 1)
    assert len(changed) == len(text) and changed != text
    target.write_text(changed, encoding="utf-8")
    os.utime(target, (OLD, OLD))  # size and mtime as before: only ctime tells
    calls = _counting(monkeypatch)
    warm = _json(docs)
    assert [p.rsplit("/", 1)[-1] for p in calls] == [target.name]
    assert warm == render(lint([str(docs)], Options(cache=False)), tool_version=__version__)


def test_a_touched_file_is_hashed_again_and_served_from_the_cache(docs, monkeypatch):
    cold = _json(docs)
    for path in docs.iterdir():
        path.touch()
    calls = _counting(monkeypatch)
    assert _json(docs) == cold and calls == []


def test_a_deleted_file_leaves_the_report_as_a_cold_run_gives_it(docs, monkeypatch):
    _json(docs)
    (docs / "001_0f48a2d7f3f78c36.txt").unlink()
    calls = _counting(monkeypatch)
    warm = _json(docs)
    assert calls == [] and "001_0f48a2d7f3f78c36" not in warm
    assert warm == render(lint([str(docs)], Options(cache=False)), tool_version=__version__)


def test_warm_run_reads_the_cache_here_without_a_pool(tmp_path, monkeypatch):
    """With every entry cached, --jobs 2 starts no workers; the report is the cold one."""
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    for k in range(9):  # over 2 MB: a cold run uses the pool
        shutil.copytree(ROOT / "seeds", tmp_path / "docs" / f"copy{k}")
    cold = _json(tmp_path / "docs", jobs=2)
    import concurrent.futures

    def refuse(*args, **kwargs):
        raise AssertionError("a process pool was started for cached documents")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    assert _json(tmp_path / "docs", jobs=2) == cold


def test_an_edited_document_of_a_large_corpus_is_extracted_beside_the_cached_ones(tmp_path, monkeypatch):
    """Cached documents read here while a worker extracts the edited ones: the
    report is the one a cold run gives, whichever documents were edited."""
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    for k in range(9):
        shutil.copytree(ROOT / "seeds", tmp_path / "docs" / f"copy{k}")
    _json(tmp_path / "docs", jobs=2)
    for members, edited in enumerate(("copy0/000_5f236617f26a0285.txt", "copy4/002_76a8f491bef4e976.txt",
                                      "copy8/004_8bcbb07fed7f5e78.txt"), start=12):
        path = tmp_path / "docs" / edited
        path.write_text(path.read_text(encoding="utf-8") + f"\nThe Beta Fund has {members} members.\n",
                        encoding="utf-8")
    warm = _json(tmp_path / "docs", jobs=2)
    cold = render(lint([str(tmp_path / "docs")], Options(cache=False, jobs=1)), tool_version=__version__)
    assert warm == cold and "Beta Fund" in warm


def test_two_concurrent_runs_share_the_cache(docs):
    """Two processes filling the same cache at once: both reports right, and the
    cache they leave gives the same report again."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "hklint", str(docs), "--format", "json", "--fail-on", "never"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, env=env) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    again = subprocess.run(command, stdout=subprocess.PIPE, env=env, check=True).stdout
    cold = subprocess.run([*command, "--no-cache"], stdout=subprocess.PIPE, env=env, check=True).stdout
    assert outputs[0] == outputs[1] == again == cold


# ---------------------------------------------------------------- the index alone


def _signature(mtime_ns: int, ctime_ns: int | None = None) -> statindex.Signature:
    return (1, 2, 30, mtime_ns, mtime_ns if ctime_ns is None else ctime_ns)


def test_index_trusts_only_the_very_signature_it_recorded():
    index = statindex.StatIndex()
    now = time.time_ns()
    index.record("a.txt", _signature(OLD * 10**9), "aa", now)
    assert index.lookup("a.txt", _signature(OLD * 10**9)) == "aa"
    assert index.lookup("a.txt", _signature(OLD * 10**9, OLD * 10**9 + 1)) is None  # new ctime
    assert index.lookup("a.txt", _signature(OLD * 10**9 + 1)) is None
    assert index.lookup("b.txt", _signature(OLD * 10**9)) is None


def test_index_does_not_record_a_racily_new_file():
    """A file written just now may be written again in the same clock tick."""
    index = statindex.StatIndex()
    now = time.time_ns()
    index.record("a.txt", _signature(now - 10**8), "aa", now)
    assert index.lookup("a.txt", _signature(now - 10**8)) is None


def test_index_survives_damage_and_merges_with_another_run(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path))
    (tmp_path / statindex.NAME).write_bytes(b"not a pickle")
    first, second = statindex.StatIndex.load(), statindex.StatIndex.load()
    now = time.time_ns()
    first.record("a.txt", _signature(OLD * 10**9), "aa", now)
    second.record("b.txt", _signature(OLD * 10**9), "bb", now)
    first.save()
    second.save()
    merged = statindex.StatIndex.load()
    assert merged.lookup("a.txt", _signature(OLD * 10**9)) == "aa"
    assert merged.lookup("b.txt", _signature(OLD * 10**9)) == "bb"


def test_index_hashes_a_file_that_changed_while_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.utime(path, (OLD, OLD))
    index = statindex.StatIndex()
    before = os.stat(path)
    index.record(str(path), statindex.signature(before), "stale", time.time_ns())
    path.write_bytes(b"new")
    import hashlib

    assert index.hash_of(str(path), before, os.stat(path), time.time_ns(), b"new") == \
        hashlib.sha256(b"new").hexdigest()


def test_input_warnings_of_a_cached_document_are_reported_again(docs, monkeypatch):
    (docs / "odd.txt").write_bytes(b"The Beta Fund has 12 members.\x07\n")
    cold = lint([str(docs)], Options(cache=True))
    calls = _counting(monkeypatch)
    warm = lint([str(docs)], Options(cache=True))
    assert calls == [] and warm.problems == cold.problems
    assert any("control character" in p.message for p in warm.problems)
