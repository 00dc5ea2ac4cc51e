"""The pipeline: paths -> documents -> claims -> index -> findings -> Report.

Each stage is a plain function of the previous one's output; the CLI only
parses options and calls :func:`lint`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from hklint import claims as claims_mod
from hklint import events as events_mod
from hklint import suppress
from hklint.analysis import analyse
from hklint.dates import explicit_document_date, infer_document_date
from hklint.fingerprint import fingerprint
from hklint.link import build_index, resolve_aliases
from hklint.load import InputError, discover, input_warnings, read_document
from hklint.model import CheckContext, Claim, Document, Finding, Period, Problem, Report, Tense
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


# Called after each file is read: (files done, files in all).
Progress = Callable[[int, int], None]


def load_corpus(paths: Sequence[str], options: Options = Options(),
                progress: Progress | None = None) -> Corpus:
    """Read, date and extract every document; bad input becomes a Problem, never an exception."""
    files, skipped, problems = discover(paths, options.include, options.exclude)
    problems = list(problems)
    documents: list[Document] = []
    all_claims: list[Claim] = []
    all_events: list[events_mod.Event] = []
    aliases: dict[str, str] = {}
    directives: list[suppress.Directive] = []
    analyses: dict[str, object] = {}
    for done, path in enumerate(files, start=1):
        if progress is not None:
            progress(done, len(files))
        try:
            doc = read_document(path)
        except InputError as err:
            problems.append(Problem(err.path, err.message))
            continue
        problems.extend(input_warnings(doc))
        try:
            found = suppress.parse(doc)
            # hklint's own comments are not content: blanked (same length) they make no
            # claims, and no check reads them
            doc = suppress.blank(doc, found)
            analysis = analyse(doc)  # view, sentences, dates: computed once for claims and events
            extraction = claims_mod.extract(doc, analysis)
            doc = _dated(doc, extraction, options.date_overrides)
            period = _document_period(doc)
            doc_claims = [_in_time(c, doc, period) for c in extraction.claims]
            doc_events = events_mod.extract(doc, analysis)
        except Exception as err:  # a bug met on odd input: lose this document, not the run
            if os.environ.get("HKLINT_DEBUG"):
                raise
            problems.append(Problem(doc.path, f"internal error while extracting claims "
                                              f"({type(err).__name__}: {err}); document skipped, "
                                              f"please report it (HKLINT_DEBUG=1 shows the traceback)"))
            continue
        directives.extend(found)
        documents.append(doc)
        analyses[doc.path] = analysis
        all_claims.extend(doc_claims)
        all_events.extend(doc_events)
        for abbr, name in sorted(extraction.aliases.items()):
            aliases.setdefault(abbr, name)
    from hklint.canon import canonical

    for abbr, name in options.aliases.items():
        aliases[canonical(abbr)] = canonical(name)
    problems.sort(key=lambda p: (p.path, p.message))
    return Corpus(tuple(documents), tuple(resolve_aliases(all_claims, aliases)), aliases,
                  tuple(problems), tuple(skipped), tuple(events_mod.resolve_aliases(all_events, aliases)),
                  tuple(directives), analyses)


def _dated(doc: Document, extraction: claims_mod.Extraction,
           overrides: Mapping[str, dt.date]) -> Document:
    override = overrides.get(doc.path)
    if override is None:  # keys may be globs, anchored by the config reader
        from hklint.config import path_matches

        override = next((d for p, d in overrides.items() if path_matches(p, doc.path)), None)
    if override is not None:
        return dataclasses.replace(doc, revision_date=override, date_source="config",
                                   date_evidence="date override in configuration")
    found = explicit_document_date(doc.text) or infer_document_date(extraction.periods)
    if found is None:
        return dataclasses.replace(doc, revision_date=None, date_source="unknown", date_evidence="")
    date, source, evidence = found
    return dataclasses.replace(doc, revision_date=date, date_source=source, date_evidence=evidence)


def _in_time(claim: Claim, doc: Document, period: Period | None) -> Claim:
    """Fill a missing as-of with the document's date; a figure for a period
    that starts after the document was written is a target, not a fact."""
    if claim.as_of is None:
        return dataclasses.replace(claim, as_of=period)
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
                       events=corpus.events, tolerance=tolerance, analyses=dict(corpus.analyses))
    early = [c for c in codes if c not in LATE_CHECKS]
    findings, used = suppress.apply(_run(ctx, registry, early), corpus.directives)
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


def _run(ctx: CheckContext, registry: Registry, codes: Sequence[str]) -> list[Finding]:
    return [dataclasses.replace(finding, fingerprint=fingerprint(finding))
            for code in codes for finding in registry.run_function(code)(ctx)]


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


def lint(paths: Sequence[str], options: Options = Options(),
         registry: Registry | None = None, progress: Progress | None = None) -> Report:
    registry = registry or Registry.discover(extra_modules=options.plugins)
    codes = registry.select(options.select, options.ignore)
    corpus = load_corpus(paths, options, progress)
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
