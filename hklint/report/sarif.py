"""SARIF 2.1.0, for code-scanning dashboards (GitHub's upload-sarif among them).

One run; ``tool.driver.rules`` are the checks of the run, each documented by
its docstring; each finding is a result at its primary claim, with every
other cited claim as a related location. Artifact URIs are relative to the
directory hklint ran in (``uriBaseId`` ``SRCROOT``), so that a repository
checkout resolves them; a document outside that directory gets an absolute
``file:`` URI. Columns count Unicode code points, as hklint does.
"""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from urllib.parse import quote

from hklint.model import CheckInfo, Claim, Document, Finding, Report, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
BASE_ID = "SRCROOT"
FINGERPRINT_KEY = "hklintFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, *, tool_version: str, root: str | None = None) -> str:
    """The report as a SARIF log; ``root`` (default: the cwd) is what URIs are relative to."""
    root = os.path.abspath(root or os.getcwd())
    documents = {d.path: d for d in report.documents}
    rules = _rules(report)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    run = {
        "tool": {"driver": {"name": "hklint", "version": tool_version, "rules": rules}},
        "originalUriBaseIds": {BASE_ID: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index, documents, root) for f in report.findings],
        "invocations": [_invocation(report, root)],
    }
    log = {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rules(report: Report) -> list[dict]:
    """The run's checks, plus any check a finding names that the run did not list."""
    infos: dict[str, CheckInfo | Finding] = {c.code: c for c in report.checks}
    for f in report.findings:
        infos.setdefault(f.code, f)
    return [_rule(infos[code]) for code in sorted(infos)]


def _rule(info: CheckInfo | Finding) -> dict:
    name = getattr(info, "name", None) or getattr(info, "check", "")
    doc = getattr(info, "doc", "") or name
    first = doc.strip().splitlines()[0] if doc.strip() else name
    summary = first.split(":", 1)[-1].strip() if first.startswith(info.code) else first
    return {
        "id": info.code,
        "name": name,
        "shortDescription": {"text": summary or name},
        "fullDescription": {"text": doc.strip() or name},
        "defaultConfiguration": {"level": LEVELS[Severity(info.severity)]},
        "properties": {"category": info.category, "tags": [info.category]},
    }


def _result(finding: Finding, index: dict[str, int], documents: dict[str, Document], root: str) -> dict:
    text = finding.message + (f"\nWhy: {finding.reason}" if finding.reason else "")
    result = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[Severity(finding.severity)],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(finding.primary, documents, root)}],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"subject": finding.subject, "attribute": finding.attribute,
                       "confidence": finding.confidence},
    }
    related = [
        {"id": i, "physicalLocation": _physical(c, documents, root), "message": {"text": _describe(c)}}
        for i, c in enumerate(finding.claims[1:], start=1)
    ]
    if related:
        result["relatedLocations"] = related
    return result


def _describe(claim: Claim) -> str:
    as_of = f", as of {claim.as_of.label()}" if claim.as_of is not None else ", undated"
    return f'"{claim.text}" in {claim.path}{as_of}'


def _physical(claim: Claim, documents: dict[str, Document], root: str) -> dict:
    region = {"startLine": claim.span.line, "startColumn": claim.span.column}
    doc = documents.get(claim.path)
    if doc is not None and claim.span.end > claim.span.start:
        end_line, end_column = doc.position(claim.span.end)
        if end_line != claim.span.line:
            region["endLine"] = end_line
        region["endColumn"] = end_column
    else:
        region["endColumn"] = claim.span.column + max(len(claim.text), 1)
    return {"artifactLocation": artifact(claim.path, root), "region": region}


def artifact(path: str, root: str) -> dict:
    """A relative URI under ``root`` with ``uriBaseId``, else an absolute ``file:`` URI."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(PurePath(relative).as_posix()), "uriBaseId": BASE_ID}


def _invocation(report: Report, root: str) -> dict:
    """Files that could not be read, as notifications; the run itself succeeded."""
    notes = [
        {"level": "warning", "message": {"text": p.message},
         "locations": [{"physicalLocation": {"artifactLocation": artifact(p.path, root)}}]}
        for p in report.problems
    ]
    invocation: dict = {"executionSuccessful": True}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
