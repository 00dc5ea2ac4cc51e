"""The JSON report: the machine contract, described by ``schemas/report.schema.json``.

Keys come out in a fixed order and numbers that are whole come out as
integers (16, not 16.0), so the same report always renders to the same bytes.
Changing the shape means bumping ``FORMAT_VERSION`` and the schema together.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from importlib import resources
from typing import Any

from hklint.fingerprint import fingerprint
from hklint.model import Claim, Document, Finding, Period, Problem, Report, Severity
from hklint.report import jsontext

FORMAT_VERSION = "1.2"  # 1.1: "skipped" lists files not read; 1.2: as-of granularity "onwards"
TOOL_NAME = "hklint"
SCHEMA_RESOURCE = "schemas/report.schema.json"


def render(report: Report, *, tool_version: str) -> str:
    """The report as indented JSON text, ending with a newline."""
    documents = {d.path: d for d in report.documents}
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": tool_version},
        "documents": [_document(d) for d in report.documents],
        "findings": [_finding(f, documents) for f in report.findings],
        "problems": [_problem(p) for p in report.problems],
        "skipped": [_problem(p) for p in report.skipped],
        "summary": _summary(report),
    }
    # the bytes of json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    return jsontext.dumps(data, indent=2) + "\n"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every rendered report conforms to."""
    text = resources.files("hklint").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "revision_date": _date(doc.revision_date),
        "date_source": doc.date_source,
        "date_evidence": doc.date_evidence,
        "encoding": doc.encoding,
    }


def _finding(finding: Finding, documents: dict[str, Document]) -> dict[str, Any]:
    return {
        "code": finding.code,
        "check": finding.check,
        "category": finding.category,
        "severity": str(Severity(finding.severity)),
        "message": finding.message,
        "subject": finding.subject,
        "attribute": finding.attribute,
        "reason": finding.reason,
        "confidence": _number(finding.confidence),
        "fingerprint": finding.fingerprint or fingerprint(finding),
        "claims": [_claim(c, documents.get(c.path)) for c in finding.claims],
    }


def _claim(claim: Claim, doc: Document | None) -> dict[str, Any]:
    interval = claim.interval
    return {
        "path": claim.path,
        "line": claim.span.line,
        "column": claim.span.column,
        "text": claim.text,
        "sentence": claim.sentence,
        "value": _number(claim.value),
        "low": _number(interval.low),
        "high": _number(interval.high),
        "low_closed": interval.low_closed,
        "high_closed": interval.high_closed,
        "unit": claim.unit,
        "as_of": _period(claim.as_of),
        "tense": getattr(claim.tense, "value", claim.tense),
        "revision_date": _date(doc.revision_date) if doc else None,
        "date_source": doc.date_source if doc else "unknown",
    }


def _period(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "start": _date(period.start),
        "end": _date(period.end),
        "granularity": period.granularity,
        "text": period.text,
        "source": period.source,
    }


def _problem(problem: Problem) -> dict[str, Any]:
    return {"path": problem.path, "message": problem.message}


def _summary(report: Report) -> dict[str, Any]:
    severities = Counter(str(Severity(f.severity)) for f in report.findings)
    codes = Counter(f.code for f in report.findings)
    return {
        "documents": len(report.documents),
        "claims": report.claim_count,
        "findings": len(report.findings),
        "by_severity": {str(s): severities.get(str(s), 0) for s in Severity},
        "by_code": {code: codes[code] for code in sorted(codes)},
    }


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _number(x: float | None) -> int | float | None:
    """Whole numbers as ints (16.0 -> 16); other values unchanged."""
    if x is None:
        return None
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, float) and math.isfinite(x) and x.is_integer():
        return int(x)
    return x
