"""Where the time of one lint goes: each stage of the pipeline timed in a fresh process.

Uses the engine's public pieces the way ``hklint.engine.lint`` does (load_corpus
with default options: one process, no cache; build_index, each check's run
function, fingerprints, the JSON renderer), so
the sum is close to one run's CPU time without interpreter start. A stage
that the engine no longer offers in this shape is reported as an error
instead of stopping the benchmark.
"""
from __future__ import annotations

import dataclasses
import resource
import time


def stage_times(paths: list[str]) -> dict:
    """Seconds per stage (and findings per check) for one lint of ``paths``."""
    from hklint import __version__, engine
    from hklint.fingerprint import fingerprint
    from hklint.link import build_index
    from hklint.model import CheckContext, Report
    from hklint.registry import Registry
    from hklint.report.json import render

    times: dict[str, float] = {}
    findings_by_check: dict[str, int] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = now - clock
        clock = now

    registry = Registry.discover()
    codes = [c for c in registry.select() if c not in engine.LATE_CHECKS]
    lap("discover checks")
    corpus = engine.load_corpus(paths)
    lap("load_corpus (read, extract, date, events)")
    shared = {}  # analyses made while loading, when the engine hands them to the checks
    if "analyses" in {f.name for f in dataclasses.fields(CheckContext)}:
        shared["analyses"] = dict(getattr(corpus, "analyses", {}))
    ctx = CheckContext({d.path: d for d in corpus.documents}, corpus.claims, build_index(corpus.claims),
                       events=corpus.events, **shared)
    lap("build_index")
    found = []
    for code in codes:
        out = list(registry.run_function(code)(ctx))
        findings_by_check[code] = len(out)
        found.extend(out)
        lap(f"check {code}")
    found = [dataclasses.replace(f, fingerprint=fingerprint(f)) for f in found]
    lap("fingerprints")
    report = Report(documents=corpus.documents, findings=tuple(found), claim_count=len(corpus.claims),
                    claims=corpus.claims, checks=tuple(registry.info(c) for c in codes))
    size = len(render(report, tool_version=__version__))
    lap("render JSON")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": times, "findings": findings_by_check, "report_chars": size, "peak_mb": peak}


def safe_stage_times(paths: list[str]) -> dict:
    try:
        return stage_times(paths)
    except Exception as err:  # the engine changed shape: say so, measure the rest
        return {"error": f"{type(err).__name__}: {err}"}
