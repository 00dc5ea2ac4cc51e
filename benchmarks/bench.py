"""Benchmark hklint on corpora 1x, 10x and 100x the size of seeds/ (issue 5).

    python benchmarks/bench.py [--sizes 1,10,100] [--runs 3] [--out DIR] [--json]

Generates the corpora (benchmarks/corpus.py), runs ``hklint CORPUS --format
json`` as a child process (interpreter start included) ``--runs`` times per
size and reports medians: wall and CPU time, MB/s, claims/s, peak memory.
Beside it, in the same run on the same files: hklint's extraction in this
process on one core, a raw read with one regex pass, and
``dateparser.search.search_dates`` on a sample; then the targets of issue 5,
each MET, MISSED or N/A. ``--jobs`` and the claims cache are measured when
``hklint lint --help`` offers them. The hklint measured is the one this
Python imports (set PYTHONPATH to measure another tree).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_mod  # noqa: E402  (a sibling module of this script)
import measure  # noqa: E402
import stages  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEARCH_SAMPLE = 100_000  # characters of text given to search_dates

# Issue 5's targets.
SEEDS_LIMIT, HELP_LIMIT = 1.0, 0.3  # seconds, end to end
EXTRACT_LIMIT = 5.0  # MB/s on one core
GROWTH_LIMIT = 1.1  # time per MB of a larger corpus over the 1x corpus
LARGE_LIMIT, MEMORY_LIMIT = 15.0, 1024.0  # seconds and MB for 100x with --jobs 2
INCREMENTAL_LIMIT = 0.20  # warm re-run after one edit, as a share of the cold run


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.show:
        print(render(json.loads(Path(args.show).read_text(encoding="utf-8"))))
        return 0
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="hklint-bench-"))
    try:
        results = bench(args, out)
    finally:
        if not args.out:
            shutil.rmtree(out, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(render(results))
    return 0


def _parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1,10", help="corpus sizes in copies of seeds/ (default 1,10)")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    p.add_argument("--out", help="write the corpora here and keep them (default: a temporary folder)")
    p.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    p.add_argument("--stages", action="store_true",
                   help="also time each stage of the pipeline (load, each check, render) once per size")
    p.add_argument("--show", metavar="JSON", help="print the tables of a saved --json result and exit")
    p.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder of seed documents")
    p.add_argument("--seed", type=int, default=5, help="random seed of the corpus generator")
    p.add_argument("--command", help="the hklint command to time, split on spaces "
                                     "(default: the console script beside this Python)")
    args = p.parse_args(argv)
    args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1:
        p.error("--sizes takes positive whole numbers and --runs at least 1")
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def hklint_command() -> list[str]:
    """The console script beside this Python, else ``python -m hklint``."""
    script = Path(sys.executable).with_name("hklint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "hklint"]


def bench(args, out: Path) -> dict:
    import hklint

    cmd = args.command.split() if args.command else hklint_command()
    features = _features(cmd)
    log(f"hklint {hklint.__version__} from {Path(hklint.__file__).parent}; command {' '.join(cmd)}; "
        f"--jobs {'yes' if features['jobs'] else 'no'}, cache {features['cache'] or 'no'}")
    results = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
               "hklint": {"version": hklint.__version__, "module": str(Path(hklint.__file__).parent),
                          "command": cmd, **features, **_commit(Path(hklint.__file__).parent)},
               "runs_per_measurement": args.runs, "load_before": os.getloadavg()}
    seeds = sorted(Path(args.seeds).glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no *.txt in {args.seeds}")
    results["startup"] = _startup(cmd, Path(args.seeds), args.runs, features, out)
    pool = corpus_mod.generate(seeds, max(args.sizes), out / "corpus", args.seed)
    sizes = []
    for n in args.sizes:
        files = [f for f in pool.files if f.parent.name in {f"copy_{k}" for k in range(n)}]
        corp = corpus_mod.Corpus(pool.root, pool.copies[:n], tuple(files), sum(f.stat().st_size for f in files))
        log(f"[{n}x] corpus: {len(files)} files, {corp.mb:.2f} MB in {pool.root}")
        row = _measure_size(n, corp, cmd, features, args.runs, out)
        if args.stages:
            log(f"[{n}x] stages, in a fresh process")
            row["stages"] = _in_fresh_process(stages.safe_stage_times, [str(p) for p in corp.files])
        sizes.append(row)
    results["sizes"] = sizes
    results["baselines"] = _baselines(pool, args.runs)
    results["ratios"] = _ratios(sizes, results["baselines"])
    results["targets"] = _targets(results)
    results["load_after"] = os.getloadavg()
    return results


def _features(cmd: list[str]) -> dict:
    """What ``hklint lint --help`` offers: --jobs, and a cache with its folder option or variable."""
    import re

    text = subprocess.run([*cmd, "lint", "--help"], capture_output=True, text=True).stdout
    cache = "--cache-dir" if "--cache-dir" in text else ("--no-cache" if "--no-cache" in text else None)
    variable = re.search(r"\$(\w*CACHE\w*)", text) if cache else None
    return {"jobs": "--jobs" in text, "cache": cache, "cache_env": variable.group(1) if variable else None}


def _commit(module: Path) -> dict:
    """The commit of the tree hklint is imported from (not necessarily this script's)."""
    def git(*a: str) -> str:
        done = subprocess.run(["git", "-C", str(module), *a], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    repo = git("rev-parse", "--show-toplevel")
    dirty = git("status", "--porcelain", "--", ":/hklint", ":/checks") if repo else ""
    return {"commit": git("rev-parse", "--short", "HEAD") or "unknown",
            "uncommitted_engine_changes": bool(dirty)}


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 2**20:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cores": cores, "memory": memory, "cpu": model or platform.processor(),
            "python": platform.python_version(), "platform": platform.platform(terse=True)}


def _median_runs(argv, runs, **kw) -> dict:
    """Median wall, CPU and peak memory of ``runs`` runs (hklint exits 0 or 1: findings)."""
    done = []
    for _ in range(runs):
        r = measure.run(argv, **kw)
        if r.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(map(str, argv))} exited {r.returncode}")
        done.append(r)
    return {"wall": statistics.median(r.wall for r in done), "cpu": statistics.median(r.cpu for r in done),
            "peak_mb": max(r.peak_mb for r in done), "walls": [round(r.wall, 3) for r in done]}


def _startup(cmd, seeds: Path, runs: int, features, out: Path) -> dict:
    """``hklint --help`` and ``hklint seeds/`` (cold; and with a filled cache, if there is one)."""
    n = max(5, runs)
    log(f"hklint --help and hklint {seeds.name}/, {n} runs each")
    lint = [*cmd, f"{seeds.name}/"]
    result = {"help": _median_runs([*cmd, "--help"], n),
              "seeds": _median_runs([*lint, *_cold(features, out)], n, cwd=seeds.parent,
                                    env=_cache_env(features, out / "cache-unused")), "runs": n}
    if features["cache"]:
        cache = ["--cache-dir", str(out / "cache-seeds")] if features["cache"] == "--cache-dir" else []
        env = _cache_env(features, out / "cache-seeds")
        measure.run([*lint, *cache], cwd=seeds.parent, env=env)  # fills the cache
        result["seeds warm"] = _median_runs([*lint, *cache], n, cwd=seeds.parent, env=env)
    return result


def _measure_size(n: int, corp, cmd, features, runs: int, out: Path) -> dict:
    report = out / f"report-{n}x.json"
    base = [*cmd, *corp.copies, "--format", "json", "-o", str(report)]
    row = {"size": n, "files": len(corp.files), "mb": corp.mb}
    modes = {"default": []}
    if features["jobs"]:
        modes.update({"jobs 1": ["--jobs", "1"], "jobs 2": ["--jobs", "2"]})
    row["modes"] = {}
    for name, extra in modes.items():
        log(f"[{n}x] hklint {name}, {runs} run(s)")
        row["modes"][name] = _median_runs([*base, *extra, *_cold(features, out)], runs, cwd=corp.root,
                                          sample_tree="jobs" in name,
                                          env=_cache_env(features, out / "cache-unused"))
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    row["claims"], row["findings"] = summary["claims"], summary["findings"]
    if features["cache"]:
        row["modes"]["warm after 1 edit"] = _incremental(base, corp, features, runs, out)
    row["extraction"] = _extraction(corp, runs if corp.mb < 5 else 1)
    return row


def _cold(features, out: Path) -> list[str]:
    """Options for a run that finds no cache: a fresh cache folder, or no cache."""
    if features["cache"] == "--cache-dir":
        fresh = Path(tempfile.mkdtemp(prefix="cache-", dir=out))
        return ["--cache-dir", str(fresh)]
    if features["cache"] == "--no-cache":
        return ["--no-cache"]
    return []


def _cache_env(features, folder: Path) -> dict | None:
    """The environment pointing the cache at ``folder`` (never the user's own cache)."""
    if not features.get("cache_env"):
        return None
    return {**os.environ, features["cache_env"]: str(folder)}


def _incremental(base, corp, features, runs: int, out: Path) -> dict:
    """A run after one document changed, the cache filled by a run just before."""
    cache = ["--cache-dir", str(out / "cache-warm")] if features["cache"] == "--cache-dir" else []
    env = _cache_env(features, out / "cache-warm")
    target = corp.files[-1]
    original = target.read_bytes()
    done = []
    try:
        for i in range(runs):
            log(f"[{corp.copies[-1]}] warm run {i + 1}/{runs} after editing {target.name}")
            target.write_bytes(original)
            measure.run([*base, *cache], cwd=corp.root, env=env)  # fills the cache
            target.write_bytes(original + f"\nEdited for the benchmark, pass {i}: 123 new items.\n".encode())
            done.append(measure.run([*base, *cache], cwd=corp.root, env=env))
    finally:
        target.write_bytes(original)
    return {"wall": statistics.median(r.wall for r in done), "cpu": statistics.median(r.cpu for r in done),
            "peak_mb": max(r.peak_mb for r in done), "walls": [round(r.wall, 3) for r in done]}


def _extraction(corp, runs: int) -> dict:
    """hklint.claims.extract over every document on one core, each run in a fresh
    process (no memo left from an earlier run or corpus), after a warm-up that
    takes lazy imports, pattern compilation and the pint registry out of the time."""
    times, count = [], 0
    for _ in range(runs):
        seconds, count = _in_fresh_process(_extract_all, [str(p) for p in corp.files])
        times.append(seconds)
    seconds = statistics.median(times)
    return {"seconds": seconds, "runs": runs, "claims": count, "mb_s": corp.mb / seconds,
            "claims_s": count / seconds}


def _in_fresh_process(function, *args):
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


# Touches every lazy part of extraction once (money, counts, dates, an area: the pint registry).
WARM_UP = ("The Example Support Scheme gave up to HK$1.5 million to each of 3 universities "
           "in March 2020, and about 1 200 start-ups (as of June 2021) joined its 13 000 square "
           "metres of floor area.\n")


def _extract_all(paths: list[str]) -> tuple[float, int]:
    """In a worker: read every document, then time extraction alone."""
    import dataclasses

    from hklint import claims
    from hklint.load import line_starts, read_document

    warm = read_document(paths[0])
    claims.extract(dataclasses.replace(warm, text=WARM_UP, line_starts=line_starts(WARM_UP)))
    docs = [read_document(p) for p in paths]
    start = time.perf_counter()
    count = sum(len(claims.extract(d).claims) for d in docs)
    return time.perf_counter() - start, count


def _baselines(pool, runs: int) -> dict:
    """A raw read with one regex pass over the largest corpus; search_dates on a sample."""
    import regex

    figure = regex.compile(r"\d[\d,. ]*")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        hits = sum(1 for p in pool.files for _m in figure.finditer(p.read_bytes().decode("utf-8")))
        times.append(time.perf_counter() - start)
    raw = {"mb": pool.mb, "seconds": statistics.median(times), "hits": hits}
    raw["mb_s"] = pool.mb / raw["seconds"]
    sample = "".join(p.read_text(encoding="utf-8") for p in pool.files[:5])[:SEARCH_SAMPLE]
    log(f"search_dates on {len(sample):,} characters, {min(runs, 3)} run(s)")
    from dateparser.search import search_dates

    search_dates("warm-up on 1 January 2020", languages=["en"])
    times = []
    for _ in range(min(runs, 3)):
        start = time.perf_counter()
        found = search_dates(sample, languages=["en"]) or []
        times.append(time.perf_counter() - start)
    mb = len(sample.encode("utf-8")) / 1e6
    dates = {"mb": mb, "seconds": statistics.median(times), "dates": len(found)}
    dates["mb_s"] = mb / dates["seconds"]
    return {"raw read + regex": raw, "search_dates": dates}


def _ratios(sizes, baselines) -> dict:
    first = sizes[0]
    out = {}
    for row in sizes:
        wall = row["modes"]["default"]["wall"]
        row["mb_s"] = row["mb"] / wall
        row["claims_s"] = row["claims"] / wall
        row["s_per_mb"] = wall / row["mb"]
        row["growth"] = row["s_per_mb"] / (first["modes"]["default"]["wall"] / first["mb"])
        row["cpu_growth"] = (row["modes"]["default"]["cpu"] / row["mb"]) / (
            first["modes"]["default"]["cpu"] / first["mb"])
        row["extraction_growth"] = (row["extraction"]["seconds"] / row["mb"]) / (
            first["extraction"]["seconds"] / first["mb"])
        out[f"{row['size']}x"] = {
            "hklint / raw read + regex": row["mb_s"] / baselines["raw read + regex"]["mb_s"],
            "hklint / search_dates": row["mb_s"] / baselines["search_dates"]["mb_s"],
            "extraction / raw read + regex": row["extraction"]["mb_s"] / baselines["raw read + regex"]["mb_s"],
            "extraction / search_dates": row["extraction"]["mb_s"] / baselines["search_dates"]["mb_s"],
            f"time per MB / {first['size']}x": row["growth"],
            f"CPU time per MB / {first['size']}x": row["cpu_growth"],
            f"extraction time per MB / {first['size']}x": row["extraction_growth"],
        }
    return out


def _targets(results) -> list[dict]:
    def target(name, value, limit, at_most=True, unit="s", note=""):
        if value is None:
            verdict = "N/A"
        else:
            verdict = "MET" if (value <= limit if at_most else value >= limit) else "MISSED"
        return {"target": name, "measured": value, "limit": f"{'<=' if at_most else '>='} {limit} {unit}",
                "unit": unit, "verdict": verdict, "note": note}

    start = results["startup"]
    sizes = {row["size"]: row for row in results["sizes"]}
    largest = results["sizes"][-1]
    seeds_warm = start.get("seeds warm")
    out = [target("hklint seeds/ (end to end, median)", start["seeds"]["wall"], SEEDS_LIMIT,
                  note="cold: no cache" if seeds_warm else "")]
    if seeds_warm:
        out.append(target("hklint seeds/, cache filled (median)", seeds_warm["wall"], SEEDS_LIMIT))
    out += [target("hklint --help (median)", start["help"]["wall"], HELP_LIMIT),
            target(f"extraction on one core ({largest['size']}x)", largest["extraction"]["mb_s"],
                   EXTRACT_LIMIT, at_most=False, unit="MB/s")]
    for n in (10, 100):
        row = sizes.get(n)
        out.append(target(f"time per MB, {n}x / 1x", row["growth"] if row and 1 in sizes else None,
                          GROWTH_LIMIT, unit="x", note="" if row else f"--sizes without {n}"))
    big = sizes.get(100)
    mode = "jobs 2" if big and "jobs 2" in big["modes"] else "default"
    note = "" if big else "--sizes without 100"
    if big and mode == "default":
        note = "hklint has no --jobs: default run"
    out.append(target("100x corpus with --jobs 2", big["modes"][mode]["wall"] if big else None,
                      LARGE_LIMIT, note=note))
    out.append(target("100x peak memory", big["modes"][mode]["peak_mb"] if big else None,
                      MEMORY_LIMIT, unit="MB", note=note))
    warm = big["modes"].get("warm after 1 edit") if big else None
    out.append(target("100x re-run after one edit / cold", warm["wall"] / big["modes"][mode]["wall"]
                      if warm else None, INCREMENTAL_LIMIT, unit="x",
                      note="" if warm else ("hklint has no claims cache" if big else note)))
    return out


def render(results: dict) -> str:
    from tabulate import tabulate

    m, h = results["machine"], results["hklint"]
    lines = [f"hklint {h['version']} at {h['commit']}"
             f"{' (uncommitted engine changes)' if h['uncommitted_engine_changes'] else ''}, "
             f"{results['date']}; {m['cores']} cores, {m['memory']}, {m['cpu']}, Python {m['python']}; "
             f"load average {results['load_before'][0]:.2f} before, {results['load_after'][0]:.2f} after; "
             f"median of {results['runs_per_measurement']} run(s)", ""]
    rows = []
    for row in results["sizes"]:
        for mode, r in row["modes"].items():
            rows.append([f"{row['size']}x", row["files"], f"{row['mb']:.2f}", row["claims"], row["findings"],
                         mode, f"{r['wall']:.2f}", f"{r['cpu']:.2f}", f"{row['mb'] / r['wall']:.3f}",
                         f"{row['claims'] / r['wall']:.0f}", f"{r['peak_mb']:.0f}"])
    lines.append(tabulate(rows, headers=["corpus", "files", "MB", "claims", "findings", "run", "wall s",
                                         "CPU s", "MB/s", "claims/s", "peak MB"], disable_numparse=True))
    rows = [[f"{row['size']}x", f"{row['extraction']['seconds']:.2f}", f"{row['extraction']['mb_s']:.3f}",
             f"{row['extraction']['claims_s']:.0f}", row["extraction"]["runs"]] for row in results["sizes"]]
    lines += ["", tabulate(rows, headers=["extraction in-process", "s", "MB/s", "claims/s", "runs"],
                           disable_numparse=True)]
    rows = [[name, f"{b['mb']:.2f}", f"{b['seconds']:.3f}", f"{b['mb_s']:.3f}"]
            for name, b in results["baselines"].items()]
    lines += ["", tabulate(rows, headers=["baseline", "MB", "s", "MB/s"], disable_numparse=True)]
    rows = [[size, name, f"{v:.3g}"] for size, ratios in results["ratios"].items() for name, v in ratios.items()]
    lines += ["", tabulate(rows, headers=["corpus", "ratio", "value"], disable_numparse=True)]
    rows = [[t["target"], "—" if t["measured"] is None else f"{t['measured']:.3f} {t['unit']}", t["limit"],
             t["verdict"], t["note"]] for t in results["targets"]]
    lines += ["", tabulate(rows, headers=["target", "measured", "limit", "verdict", "note"],
                           disable_numparse=True)]
    staged = [row for row in results["sizes"] if "stages" in row]
    if staged:
        lines += ["", _render_stages(staged)]
    return "\n".join(lines)


def _render_stages(staged: list[dict]) -> str:
    from tabulate import tabulate

    names: list[str] = []
    for row in staged:
        names += [n for n in row["stages"].get("seconds", {}) if n not in names]
    rows = []
    for name in names:
        cells = []
        for row in staged:
            sec = row["stages"].get("seconds", {}).get(name)
            count = row["stages"].get("findings", {}).get(name.removeprefix("check "))
            cells.append("" if sec is None else f"{sec:.2f}" + ("" if count is None else f" ({count})"))
        rows.append([name, *cells])
    rows.append(["peak RSS MB", *[f"{row['stages'].get('peak_mb', 0):.0f}" for row in staged]])
    errors = [f"{row['size']}x: {row['stages']['error']}" for row in staged if "error" in row["stages"]]
    headers = ["stage: seconds (findings before de-duplication)", *[f"{row['size']}x" for row in staged]]
    return tabulate(rows, headers=headers, disable_numparse=True) + "".join("\n" + e for e in errors)


if __name__ == "__main__":
    sys.exit(main())
