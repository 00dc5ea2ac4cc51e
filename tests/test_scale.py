"""Parallel extraction and the claims cache: same report, less work."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hklint import __version__, engine
from hklint.engine import Options, lint
from hklint.report.json import render

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path):
    """A few copies of the seeds, big enough (> 2 MB) for the process pool."""
    for k in range(9):
        shutil.copytree(ROOT / "seeds", tmp_path / f"copy{k}")
    return str(tmp_path)


def test_report_is_byte_identical_whatever_the_jobs(corpus, monkeypatch):
    serial = render(lint([corpus], Options(jobs=1)), tool_version=__version__)
    assert engine.jobs_for(sorted(str(p) for p in Path(corpus).rglob("*.txt")), 2) == 2
    parallel = render(lint([corpus], Options(jobs=2)), tool_version=__version__)
    assert serial == parallel


def test_small_corpora_stay_in_one_process():
    files = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    assert engine.jobs_for(files, 0) == 1  # 260 KB: starting workers would cost more


def test_cache_reuses_unchanged_documents(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", docs)
    first = render(lint([str(docs)], Options(cache=True)), tool_version=__version__)
    calls = []
    real = engine.claims_mod.extract
    monkeypatch.setattr(engine.claims_mod, "extract", lambda *a, **k: calls.append(a) or real(*a, **k))
    second = render(lint([str(docs)], Options(cache=True)), tool_version=__version__)
    assert second == first and calls == []  # every document came from the cache
    edited = docs / "003_5ca6ff13b72670fa.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe Beta Fund has 12 members.\n",
                      encoding="utf-8")
    lint([str(docs)], Options(cache=True))
    assert len(calls) == 1  # only the edited document is extracted again


def test_a_damaged_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "seeds", docs)
    first = render(lint([str(docs)], Options(cache=True)), tool_version=__version__)
    entries = list((tmp_path / "cache" / "claims").glob("*/*.pickle"))
    assert len(entries) == 5
    for entry in entries:
        entry.write_bytes(b"not a pickle")
    assert render(lint([str(docs)], Options(cache=True)), tool_version=__version__) == first


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path / "cache"))
    lint([str(ROOT / "seeds")], Options(cache=False))
    assert not (tmp_path / "cache" / "claims").exists()


def test_checks_run_from_a_claims_dump_alone(tmp_path):
    """`hklint claims` is the boundary to other engines: the claim checks give the
    same findings on the dump as on the documents."""
    from click.testing import CliRunner

    from hklint.cli import main

    seeds = str(ROOT / "seeds")
    dump = tmp_path / "claims.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["claims", seeds, "-o", str(dump)]).exit_code == 0
    direct = lint([seeds], Options(select=("HK1", "HK2")))
    dumped = lint([str(dump)], Options(select=("HK1", "HK2")), from_claims=True)
    assert [f.fingerprint for f in dumped.findings] == [f.fingerprint for f in direct.findings]
    assert {d.path: d.revision_date for d in dumped.documents} == \
        {d.path: d.revision_date for d in direct.documents}
    result = runner.invoke(main, ["lint", "--from-claims", str(dump), "--select", "HK2"])
    assert result.exit_code == 1 and "HK201" in result.output


def test_a_bad_line_in_a_claims_dump_is_a_problem(tmp_path):
    dump = tmp_path / "claims.jsonl"
    dump.write_text('{"not": "a claim"}\n', encoding="utf-8")
    report = lint([str(dump)], from_claims=True)
    assert report.problems and "line 1" in report.problems[0].message


def test_extraction_on_a_local_dask_cluster():
    pytest.importorskip("dask.distributed", reason="the optional extra hklint[dask] is not installed")
    seeds = str(ROOT / "seeds")
    here = render(lint([seeds]), tool_version=__version__)
    # jobs=1: a cluster of one in-process worker, quick to start in a test
    on_dask = render(lint([seeds], Options(dask="local", jobs=1)), tool_version=__version__)
    assert on_dask == here


def test_a_document_over_the_time_budget_is_a_problem(tmp_path, monkeypatch):
    import time

    (tmp_path / "slow.md").write_text("The **Alpha Fund** has 12 members.\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("The **Beta Fund** has 7 members.\n", encoding="utf-8")
    real = engine.claims_mod.extract

    def slow_on_one(doc, analysis=None):
        if doc.path.endswith("slow.md"):
            time.sleep(5)
        return real(doc, analysis)

    monkeypatch.setattr(engine.claims_mod, "extract", slow_on_one)
    started = time.monotonic()
    report = lint([str(tmp_path)], Options(time_limit=0.5))
    assert time.monotonic() - started < 4
    assert [d.path.rsplit("/", 1)[-1] for d in report.documents] == ["fine.md"]
    assert "longer than 0.5 s" in report.problems[0].message


def test_document_scope_checks_run_where_documents_are_extracted(tmp_path, monkeypatch):
    """A document-scope check gives the same findings run per document (in the
    workers, from the cache) as run over the whole corpus."""
    from hklint.engine import load_corpus, run_checks
    from hklint.registry import Registry

    registry = Registry.discover()
    codes = [c.code for c in registry.checks if c.scope == "document"]
    assert "HK304" in codes and "HK302" in codes
    corpus = load_corpus([str(ROOT / "seeds")])
    assert set(corpus.doc_findings) >= set(codes)
    per_document = run_checks(corpus, registry, codes, 0.6)
    whole = run_checks(engine.dataclasses.replace(corpus, doc_findings={}), registry, codes, 0.6)
    assert [f.fingerprint for f in per_document] == [f.fingerprint for f in whole]


def test_collected_per_document_gives_the_same_findings():
    """HK401/HK402 collect() per document where it is extracted; the grouping
    here gives the same findings as collecting over the corpus in one place."""
    from hklint.engine import load_corpus, run_checks
    from hklint.registry import Registry

    registry = Registry.discover()
    corpus = load_corpus([str(ROOT / "seeds")])
    assert {"HK401", "HK402"} <= set(corpus.collected)
    gathered = run_checks(corpus, registry, ["HK401", "HK402"], 0.6)
    here = run_checks(engine.dataclasses.replace(corpus, collected={}), registry, ["HK401", "HK402"], 0.6)
    assert [f.fingerprint for f in gathered] == [f.fingerprint for f in here]
    assert any(f.code == "HK401" for f in gathered)
