"""The pipeline: paths -> documents -> claims -> index -> findings -> Report.

Each stage is a plain function of the previous one's output; the CLI only
parses options and calls :func:`lint`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from hklint import claims as claims_mod
from hklint import events as events_mod
from hklint.dates import explicit_document_date, infer_document_date
from hklint.fingerprint import fingerprint
from hklint.link import build_index, resolve_aliases
from hklint.load import InputError, discover, read_document
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


@dataclass(frozen=True)
class Corpus:
    """Documents with their dates and claims, before any check ran."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    aliases: Mapping[str, str]
    problems: tuple[Problem, ...]
    skipped: tuple[Problem, ...]
    events: tuple[events_mod.Event, ...] = ()


def load_corpus(paths: Sequence[str], options: Options = Options()) -> Corpus:
    """Read, date and extract every document; bad input becomes a Problem, never an exception."""
    files, skipped, problems = discover(paths, options.include, options.exclude)
    problems = list(problems)
    documents: list[Document] = []
    all_claims: list[Claim] = []
    all_events: list[events_mod.Event] = []
    aliases: dict[str, str] = {}
    for path in files:
        try:
            doc = read_document(path)
        except InputError as err:
            problems.append(Problem(err.path, err.message))
            continue
        extraction = claims_mod.extract(doc)
        doc = _dated(doc, extraction, options.date_overrides)
        documents.append(doc)
        period = _document_period(doc)
        all_claims.extend(_in_time(c, doc, period) for c in extraction.claims)
        all_events.extend(events_mod.extract(doc))
        for abbr, name in sorted(extraction.aliases.items()):
            aliases.setdefault(abbr, name)
    from hklint.canon import canonical

    for abbr, name in options.aliases.items():
        aliases[canonical(abbr)] = canonical(name)
    return Corpus(tuple(documents), tuple(resolve_aliases(all_claims, aliases)), aliases,
                  tuple(problems), tuple(skipped), tuple(events_mod.resolve_aliases(all_events, aliases)))


def _dated(doc: Document, extraction: claims_mod.Extraction,
           overrides: Mapping[str, dt.date]) -> Document:
    override = overrides.get(doc.path)
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


def run_checks(corpus: Corpus, registry: Registry, codes: Sequence[str],
               min_confidence: float) -> tuple[Finding, ...]:
    documents = {d.path: d for d in corpus.documents}
    ctx = CheckContext(documents, corpus.claims, build_index(corpus.claims), min_confidence,
                       events=corpus.events)
    findings: list[Finding] = []
    for code in codes:
        for finding in registry.run_function(code)(ctx):
            findings.append(dataclasses.replace(finding, fingerprint=fingerprint(finding)))
    findings.sort(key=finding_order)
    # the same pair found twice (e.g. through two aliases) is reported once
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.fingerprint, f)
    return tuple(unique.values())


def finding_order(f: Finding) -> tuple:
    first = f.primary
    return (first.path, first.span.line, first.span.column, f.code, f.fingerprint)


def lint(paths: Sequence[str], options: Options = Options(),
         registry: Registry | None = None) -> Report:
    registry = registry or Registry.discover(extra_modules=options.plugins)
    codes = registry.select(options.select, options.ignore)
    corpus = load_corpus(paths, options)
    findings = run_checks(corpus, registry, codes, options.min_confidence)
    return Report(
        documents=corpus.documents,
        findings=findings,
        problems=corpus.problems,
        skipped=corpus.skipped,
        checks=tuple(registry.info(c) for c in codes),
        claim_count=len(corpus.claims),
    )
