"""The pipeline: paths -> documents -> claims -> index -> findings -> Report.

Each stage is a plain function of the previous one's output; the CLI only
parses options and calls :func:`lint`.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import contextlib
from collections import defaultdict
import functools
import os
import signal
import threading
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from hklint import __version__
from hklint import claims as claims_mod
from hklint import events as events_mod
from hklint import suppress
from hklint.analysis import analyse
from hklint.dates import explicit_document_date, infer_document_date
from hklint.fingerprint import fingerprint
from hklint.link import build_index, resolve_aliases
from hklint.load import InputError, discover, input_warnings, read_document
from hklint.model import CheckContext, Claim, Document, Finding, Period, Problem, Report, Tense, evolve
from hklint.registry import Registry


@dataclass(frozen=True)
class Options:
    """Settings of one run; built by the CLI or the config reader."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.txt", "*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    min_confidence: float = 0.6
    date_overrides: Mapping[str, dt.date] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)
    plugins: tuple[str, ...] = ()
    tolerance: float = 0.0  # relative, when comparing values (CheckContext.tolerance)
    # (path glob, code prefixes): findings citing a claim in a matching document are dropped
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    jobs: int = 1  # worker processes for extraction; 0 = one per core (large corpora only)
    cache: bool = False  # read and write the claims cache (the CLI turns it on)
    dask: str = ""  # a Dask scheduler address, or "local": extract on that cluster
    time_limit: float = 120.0  # seconds per document (60 s per MB when larger) before it is skipped (0: none)
    fiscal_year_start: int = 0  # month a fiscal year starts in (config fiscal-year-start); 0: not said


@dataclass(frozen=True)
class Corpus:
    """Documents with their dates and claims, before any check ran."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    aliases: Mapping[str, str]
    problems: tuple[Problem, ...]
    skipped: tuple[Problem, ...]
    events: tuple[events_mod.Event, ...] = ()
    directives: tuple[suppress.Directive, ...] = ()  # inline hklint comments
    # path -> hklint.analysis.Analysis of the documents extracted in this process
    analyses: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)
    # code -> findings of a document-scope check, gathered over every document
    doc_findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict, compare=False,
                                                            repr=False)
    # code -> path -> a check's collect() on that document
    collected: Mapping[str, Mapping[str, object]] = field(default_factory=dict, compare=False,
                                                          repr=False)


# Called after each file is read: (files done, files in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DocResult:
    """What one document yields; made in a worker process or read from the cache."""

    doc: Document
    claims: tuple[Claim, ...]
    events: tuple
    aliases: tuple[tuple[str, str], ...]
    directives: tuple
    problems: tuple[Problem, ...]
    analysis: object = None  # hklint.analysis.Analysis, only when made in this process
    # (code, findings) of every built-in document-scope check, found where the
    # document was extracted
    findings: tuple[tuple[str, tuple[Finding, ...]], ...] = ()
    # (code, data) of every built-in check's collect() on this document
    collected: tuple[tuple[str, object], ...] = ()


# Documents sent to a worker at once, at most.
CHUNK_LIMIT = 4

# Below this much text a process pool costs more than it saves.
PARALLEL_MIN_BYTES = 2_000_000


def load_corpus(paths: Sequence[str], options: Options = Options(),
                progress: Progress | None = None) -> Corpus:
    """Read, date and extract every document; bad input becomes a Problem, never an exception.

    Documents are extracted in a process pool when ``options.jobs`` allows and
    the corpus is large enough; results come back in file order, so the report
    does not depend on the number of jobs. Unchanged documents come from the
    claims cache unless ``options.cache`` is off.
    """
    files, skipped, problems = discover(paths, options.include, options.exclude)
    problems = list(problems)
    documents: list[Document] = []
    all_claims: list[Claim] = []
    all_events: list[events_mod.Event] = []
    aliases: dict[str, str] = {}
    contested: set[str] = set()
    directives: list[suppress.Directive] = []
    analyses: dict[str, object] = {}
    doc_findings: dict[str, list[Finding]] = defaultdict(list)
    collected: dict[str, dict[str, object]] = defaultdict(dict)
    index = None
    if options.cache and not options.dask:
        from hklint.statindex import StatIndex

        index = StatIndex.load()
    with collector_paused():
        for done, result in enumerate(_results(files, options, index), start=1):
            if progress is not None:
                progress(done, len(files))
            if isinstance(result, Problem):
                problems.append(result)
                continue
            problems.extend(result.problems)
            documents.append(result.doc)
            all_claims.extend(result.claims)
            all_events.extend(result.events)
            directives.extend(result.directives)
            if result.analysis is not None:
                analyses[result.doc.path] = result.analysis
            for code, found in result.findings:
                doc_findings[code].extend(found)
            for code, data in result.collected:
                collected[code][result.doc.path] = data
            for abbr, name in result.aliases:
                if aliases.setdefault(abbr, name) != name:
                    contested.add(abbr)
    if index is not None:
        index.save()
        from hklint import cache

        cache.prune("claims", keep=_code_version()[:16])
    from hklint.canon import canonical
    from hklint.claims import acronym_of

    for abbr in contested:
        # a short name two documents give two meanings ("the Blueprint") names
        # neither across the corpus; an acronym keeps its first (HK402 reports it)
        if not acronym_of(abbr, aliases[abbr]):
            del aliases[abbr]
    for abbr, name in options.aliases.items():
        aliases[canonical(abbr)] = canonical(name)
    problems.sort(key=lambda p: (p.path, p.message))
    return Corpus(tuple(documents), tuple(resolve_aliases(all_claims, aliases)), aliases,
                  tuple(problems), tuple(skipped), tuple(events_mod.resolve_aliases(all_events, aliases)),
                  tuple(directives), analyses, {c: tuple(f) for c, f in doc_findings.items()},
                  dict(collected))


@contextlib.contextmanager
def collector_paused():
    """No cyclic garbage collection inside, and none of the objects made inside
    looked at by later ones (gc.freeze): the corpus, the findings and the report
    all live until the report is out, and a warm run of a large corpus would
    otherwise spend a third of its time traversing the millions of objects
    unpickled from the cache. What is made here holds no reference cycles worth
    collecting: peak memory is unchanged."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def jobs_for(files: Sequence[str], jobs: int) -> int:
    """Worker processes worth starting: ``jobs`` (0 = one per core) for a large corpus, else 1."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    if wanted <= 1 or len(files) < 2:
        return 1
    size = 0
    for path in files:
        try:
            size += os.path.getsize(path)
        except OSError:
            pass
    return min(wanted, len(files)) if size >= PARALLEL_MIN_BYTES else 1


def _results(files: Sequence[str], options: Options, index=None):
    """One DocResult or Problem per file, in file order.

    With the cache on (``index``, a StatIndex), a document whose cache entry
    exists is read here: unpickling an entry costs less than a worker sending
    the result back. Only the other documents go to the pool, when they are
    enough to be worth it.
    """
    if options.dask:
        from hklint import distributed

        yield from distributed.results(files, options)
        return
    pooled = [index is None or not _in_cache(path, options, index) for path in files]
    pending = [path for path, pool in zip(files, pooled) if pool]
    workers = jobs_for(pending, options.jobs)
    if workers == 1:
        for path in files:
            yield process_document(path, options, keep_analysis=True, index=index)
        return
    from concurrent.futures import ProcessPoolExecutor

    # small chunks: when one worker runs out of work, the other has at most a
    # few documents left (with 16 chunks, up to a sixteenth of the corpus)
    chunk = max(1, min(CHUNK_LIMIT, len(pending) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
        # the analyses stay in the workers: the built-in checks ran there (document
        # checks, collect()); a plugin's check that asks for one analyses again here
        extracted = pool.map(process_document, pending, [options] * len(pending),
                             chunksize=chunk)
        for path, pool_it in zip(files, pooled):
            yield next(extracted) if pool_it else process_document(path, options, True, index)


def _worker_start() -> None:
    """A worker extracts with the cyclic collector off, as this process does
    (collector_paused; a forked worker would inherit that, a spawned one would
    not): a document's objects are freed by reference counting when it is
    done, and traversing them on the way only costs time (100x --jobs 2: peak
    memory 436 MB, against 750 MB when workers sent analyses back with GC on)."""
    import gc

    gc.disable()


def _in_cache(path: str, options: Options, index) -> bool:
    """Whether the cache holds an entry for the file's present content."""
    from hklint import cache
    from hklint.load import shown_path

    sha256 = index.content_hash(path)
    return sha256 is not None and cache.exists(_cache_key(shown_path(path), sha256, options))


def process_document(path: str, options: Options, keep_analysis: bool = False,
                     index=None) -> DocResult | Problem:
    """Read, extract and date one document (a pure function of the file and the
    options); ``index`` (a StatIndex) spares hashing a file known unchanged."""
    try:
        doc = read_document(path, index)
    except InputError as err:
        return Problem(err.path, err.message)
    key = _cache_key(doc.path, doc.sha256, options) if options.cache else None
    if key is not None:
        hit = _cached(key, doc)
        if hit is not None:
            return hit
    warnings = tuple(input_warnings(doc))
    budget = options.time_limit and max(options.time_limit, SECONDS_PER_MB * len(doc.text) / 1e6)
    try:
        with _time_limit(budget):
            return _extracted(doc, options, warnings, key, keep_analysis)
    except _Overtime:
        return Problem(doc.path, f"extraction took longer than {budget:g} s; "
                                 "document skipped (a pathological text? please report it)")


# The time budget grows with the document: ordinary text extracts at about
# 1 MB/s, so 60 s per MB only stops a runaway.
SECONDS_PER_MB = 60.0


class _Overtime(BaseException):  # not an Exception: the bug handler must not take it
    """The per-document time budget ran out."""


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Raise _Overtime in this thread after ``seconds`` (main thread with SIGALRM only;
    elsewhere, e.g. in Dask's worker threads, there is no budget)."""
    usable = (seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum, _frame):
        raise _Overtime()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _extracted(doc: Document, options: Options, warnings, key, keep_analysis: bool):
    try:
        found = suppress.parse(doc)
        # hklint's own comments are not content: blanked (same length) they make no
        # claims, and no check reads them
        doc = suppress.blank(doc, found)
        analysis = analyse(doc)  # view, sentences, dates: computed once for claims and events
        extraction = claims_mod.extract(doc, analysis)
        doc = _dated(doc, extraction, options.date_overrides)
        period = _document_period(doc)
        claims = tuple(_in_time(_fiscal(c, options.fiscal_year_start), doc, period) for c in extraction.claims)
        events = tuple(events_mod.extract(doc, analysis))
        result = DocResult(
            doc=doc,
            claims=claims,
            events=events,
            aliases=tuple(sorted(extraction.aliases.items())),
            directives=tuple(found),
            problems=warnings,
            analysis=analysis if keep_analysis else None,
        )
    except Exception as err:  # a bug met on odd input: lose this document, not the run
        if os.environ.get("HKLINT_DEBUG"):
            raise
        return Problem(doc.path, f"internal error while extracting claims "
                                 f"({type(err).__name__}: {err}); document skipped, "
                                 f"please report it (HKLINT_DEBUG=1 shows the traceback)")
    try:
        result = dataclasses.replace(result, **_document_phase(doc, result.claims, result.events,
                                                               analysis, options))
    except Exception as err:  # a check's bug: the document's claims still count
        if os.environ.get("HKLINT_DEBUG"):
            raise
        return dataclasses.replace(result, problems=result.problems + (Problem(
            doc.path, f"internal error in a check on this document ({type(err).__name__}: {err}); "
                      "its document checks are incomplete, please report it"),))
    if key is not None:
        _store(key, result)
    return result


def _document_phase(doc: Document, claims, events, analysis, options: Options) -> dict:
    """The per-document part of the built-in checks, run here, where the document
    was extracted: whole document-scope checks, and the collect() of corpus checks."""
    ctx = CheckContext({doc.path: doc}, tuple(claims), build_index(claims), options.min_confidence,
                       events=tuple(events), tolerance=options.tolerance,
                       analyses={doc.path: analysis})
    runs, collects = _document_checks()
    return {"findings": tuple((code, tuple(run(ctx))) for code, run in runs),
            "collected": tuple((code, collect(ctx)) for code, collect in collects)}


@functools.lru_cache(maxsize=1)
def _document_checks() -> tuple:
    """((code, run) of the built-in document-scope checks, (code, collect) of the
    built-in checks with a per-document collect()).

    Only built-ins: their source is part of the cache key; a plugin runs in
    the main process like any corpus check.
    """
    import inspect

    registry = Registry.discover(entry_points=False)
    builtins = [info for info in registry.checks if info.origin == "builtin"]
    runs = tuple((i.code, registry.run_function(i.code)) for i in builtins if i.scope == "document")
    collects = []
    for info in builtins:
        collect = getattr(inspect.getmodule(registry.run_function(info.code)), "collect", None)
        if callable(collect) and info.scope == "corpus":
            collects.append((info.code, collect))
    return runs, tuple(collects)


# ----------------------------------------------------------------- claims cache


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    """A hash of hklint's own source: any change to extraction empties the cache."""
    import hashlib
    from pathlib import Path

    import checks as builtin_checks

    digest = hashlib.sha256(__version__.encode())
    for root in (Path(__file__).resolve().parent, Path(builtin_checks.__file__).resolve().parent):
        for source in sorted(root.rglob("*.py")):
            digest.update(f"{root.name}/{source.relative_to(root).as_posix()}".encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(path: str, sha256: str, options: Options) -> str:
    """The entry of a document (its path as shown, its content hash) under these settings."""
    import hashlib

    override = _override_for(path, options.date_overrides)
    version = _code_version()
    material = "\0".join([version, path, sha256, str(override or ""),
                          repr(options.min_confidence), repr(options.tolerance), repr(options.fiscal_year_start)])
    # one folder a version of hklint's code: cache.prune() drops those no run uses
    return f"claims/{version[:16]}/" + hashlib.sha256(material.encode("utf-8")).hexdigest() + ".pickle"


def _cached(key: str, doc: Document) -> DocResult | None:
    import pickle

    from hklint import cache

    raw = cache.read_bytes(key)
    if raw is None:
        return None
    try:
        stored = pickle.loads(raw)
        dated = dataclasses.replace(
            suppress.blank(doc, stored["directives"]), revision_date=stored["revision_date"],
            date_source=stored["date_source"], date_evidence=stored["date_evidence"])
        return DocResult(dated, stored["claims"], stored["events"], stored["aliases"],
                         stored["directives"], stored["warnings"], findings=stored["findings"],
                         collected=stored["collected"])
    except Exception:  # an entry from another version or a damaged file: extract again
        return None


def _store(key: str, result: DocResult) -> None:
    import pickle

    from hklint import cache

    d = result.doc
    cache.write_bytes(key, pickle.dumps({
        "claims": result.claims, "events": result.events, "aliases": result.aliases,
        "directives": result.directives, "revision_date": d.revision_date,
        "date_source": d.date_source, "date_evidence": d.date_evidence,
        "findings": result.findings, "collected": result.collected,
        "warnings": result.problems,  # input_warnings(): a function of the content
    }, protocol=pickle.HIGHEST_PROTOCOL))


def _override_for(path: str, overrides: Mapping[str, dt.date]) -> dt.date | None:
    override = overrides.get(path)
    if override is None and overrides:  # keys may be globs, anchored by the config reader
        from hklint.config import path_matches

        override = next((d for p, d in overrides.items() if path_matches(p, path)), None)
    return override


def _dated(doc: Document, extraction: claims_mod.Extraction,
           overrides: Mapping[str, dt.date]) -> Document:
    override = _override_for(doc.path, overrides)
    if override is not None:
        return dataclasses.replace(doc, revision_date=override, date_source="config",
                                   date_evidence="date override in configuration")
    found = explicit_document_date(doc.text) or infer_document_date(extraction.periods)
    if found is None:
        return dataclasses.replace(doc, revision_date=None, date_source="unknown", date_evidence="")
    date, source, evidence = found
    return dataclasses.replace(doc, revision_date=date, date_source=source, date_evidence=evidence)


def _fiscal(claim: Claim, start_month: int) -> Claim:
    """A fiscal year read with the configured calendar: with fiscal-year-start
    October, "FY2022" runs from October 2021 to September 2022 and "2024-25"
    from October 2024 to September 2025. Unconfigured, "FY2022" stays calendar
    2022 and "2024-25" April to March."""
    p = claim.as_of
    if not start_month or p is None or p.granularity != "fiscal-year":
        return claim
    # "FY2022" is stored as calendar 2022 (named by the year it ends in);
    # "2024-25" as April 2024 to March 2025 (named by both years)
    first = p.start.year - 1 if p.start.month == 1 else p.start.year
    if start_month == 1:
        first += 1
    start = dt.date(first, start_month, 1)
    last_month = start_month - 1 or 12
    last_year = first + 1 if start_month > 1 else first
    end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    return dataclasses.replace(claim, as_of=dataclasses.replace(p, start=start, end=end))


UNPLACED_CONFIDENCE = 0.4  # under --min-confidence 0.5 too: never linked unless asked for


def _in_time(claim: Claim, doc: Document, period: Period | None) -> Claim:
    """Fill a missing as-of with the document's date; a figure for a period
    that starts after the document was written is a target, not a fact."""
    if claim.as_of is None:
        return dataclasses.replace(claim, as_of=period)
    if claim.as_of.source == claims_mod.RELATIVE:
        # "last year", "in April": of the document's date; unknown without one
        resolved = claims_mod.relative_to(claim.as_of, doc.revision_date) if doc.revision_date else None
        if resolved is None:
            # "at the end of October" in an undated page: a period the text names but
            # no year places; the figure is shown, never set against a dated one
            return dataclasses.replace(claim, as_of=None, confidence=min(claim.confidence, UNPLACED_CONFIDENCE))
        claim = dataclasses.replace(claim, as_of=resolved)
    if claim.as_of.granularity == claims_mod.ONWARDS and period is not None and period.end > claim.as_of.end:
        # "since 2023" in a document of February 2025: 2023-01-01 to 2025-02-25
        claim = dataclasses.replace(claim, as_of=dataclasses.replace(claim.as_of, end=period.end))
    if (doc.revision_date is not None and claim.as_of.start > doc.revision_date
            and claim.tense is not Tense.FUTURE):
        return dataclasses.replace(claim, tense=Tense.FUTURE)
    return claim


def _document_period(doc: Document) -> Period | None:
    if doc.revision_date is None:
        return None
    granularity = "day"
    start = end = doc.revision_date
    if doc.date_source == "inferred":
        # an inferred date is only as precise as the mention it came from
        granularity = "month"
        start = doc.revision_date.replace(day=1)
    return Period(start, end, granularity, doc.date_evidence, "document")


# Checks that judge what the other checks' findings did: they run after the
# others and after suppressions are applied. HK901 (unused-suppression) is the
# only one; it stays an ordinary check module (documented, selectable,
# fixture-tested) that reads the judged suppressions from its context.
LATE_CHECKS = ("HK901",)


def run_checks(corpus: Corpus, registry: Registry, codes: Sequence[str],
               min_confidence: float, *, tolerance: float = 0.0,
               per_file_ignores: Sequence[tuple[str, Sequence[str]]] = ()) -> tuple[Finding, ...]:
    documents = {d.path: d for d in corpus.documents}
    ctx = CheckContext(documents, corpus.claims, build_index(corpus.claims), min_confidence,
                       events=corpus.events, tolerance=tolerance, analyses=dict(corpus.analyses),
                       collected=dict(corpus.collected))
    early = [c for c in codes if c not in LATE_CHECKS]
    # document-scope findings were gathered where each document was extracted
    # (a corpus rebuilt from claims dumps brings none: those checks run here)
    done = corpus.doc_findings
    findings, used = suppress.apply(_run(ctx, registry, early, done), corpus.directives)
    late = [c for c in codes if c in LATE_CHECKS]
    if late:
        judged = suppress.judge(corpus.directives, used, registry.codes, early)
        late_findings, _ = suppress.apply(_run(dataclasses.replace(ctx, suppressions=judged),
                                               registry, late), corpus.directives)
        findings.extend(late_findings)
    findings = [f for f in findings if not _ignored_for_file(f, per_file_ignores)]
    findings.sort(key=finding_order)
    # the same pair found twice (e.g. through two aliases) is reported once
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.fingerprint, f)
    return tuple(unique.values())


def _run(ctx: CheckContext, registry: Registry, codes: Sequence[str],
         done: Mapping[str, tuple[Finding, ...]] | None = None) -> list[Finding]:
    """Findings of ``codes``; a document-scope check already run on every
    document (``done``) is not run again."""
    done = done or {}
    return [evolve(finding, fingerprint=fingerprint(finding))
            for code in codes
            for finding in (done[code] if code in done else registry.run_function(code)(ctx))]


def _ignored_for_file(finding: Finding, per_file_ignores: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """A per-file-ignores entry matches a document of one of the finding's claims."""
    if not per_file_ignores:
        return False
    from hklint.config import path_matches

    paths = {c.path for c in finding.claims}
    return any(finding.code.startswith(prefix) for pattern, prefixes in per_file_ignores
               if any(path_matches(pattern, p) for p in paths) for prefix in prefixes)


def finding_order(f: Finding) -> tuple:
    first = f.primary
    return (first.path, first.span.line, first.span.column, f.code, f.fingerprint)


def corpus_from_claims(paths: Sequence[str]) -> Corpus:
    """A corpus rebuilt from ``hklint claims`` dumps (JSON Lines), without the documents.

    This is the boundary to engines that extract elsewhere (one dump per worker):
    the checks that read claims run on it unchanged; those that read the text
    of documents find none and report nothing.
    """
    import json

    from hklint.claim_io import claim_from_dict

    claims: list[Claim] = []
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as fh:
                for number, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        claim = claim_from_dict(record)
                    except (ValueError, KeyError, TypeError) as err:
                        problems.append(Problem(path, f"line {number}: not a claim ({err})"))
                        continue
                    claims.append(claim)
                    if claim.path not in documents:
                        revision = record.get("document_revision_date")
                        documents[claim.path] = Document(
                            path=claim.path, text="",
                            revision_date=dt.date.fromisoformat(revision) if revision else None,
                            date_source=record.get("document_date_source", "unknown"),
                            date_evidence=record.get("document_date_evidence", ""))
        except OSError as err:
            problems.append(Problem(path, err.strerror or str(err)))
    return Corpus(tuple(documents[p] for p in sorted(documents)), tuple(claims), {},
                  tuple(problems), ())


def lint(paths: Sequence[str], options: Options = Options(),
         registry: Registry | None = None, progress: Progress | None = None,
         from_claims: bool = False) -> Report:
    """Lint documents, or (``from_claims``) claims dumped by ``hklint claims``."""
    registry = registry or Registry.discover(extra_modules=options.plugins)
    codes = registry.select(options.select, options.ignore)
    corpus = corpus_from_claims(paths) if from_claims else load_corpus(paths, options, progress)
    with collector_paused():  # the checks' objects too live until the report is out
        findings = run_checks(corpus, registry, codes, options.min_confidence,
                              tolerance=options.tolerance, per_file_ignores=options.per_file_ignores)
    return Report(
        documents=corpus.documents,
        findings=findings,
        problems=corpus.problems,
        skipped=corpus.skipped,
        checks=tuple(registry.info(c) for c in codes),
        claim_count=len(corpus.claims),
        claims=corpus.claims,
    )
