"""Baselines: today's findings by fingerprint, so that CI fails only on new ones.

The file is JSON: ``{"version": 1, "tool": "hklint", "findings": {fingerprint:
{"code", "subject", "message"}}}``, keys sorted so that a rewritten baseline
diffs cleanly. Only the fingerprints matter; code, subject and message are
there for the people reviewing the file. Fingerprints (hklint.fingerprint)
leave out line numbers and wording, so moving a paragraph keeps a finding
baselined while a changed figure makes a new one. A baseline is tied to the
paths as written on the command line: run hklint from the same directory
with the same paths.
"""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from typing import Iterable

from hklint.fingerprint import fingerprint
from hklint.model import Finding, Report

VERSION = 1
TOOL = "hklint"


class BaselineError(ValueError):
    """A baseline file that cannot be read or is not an hklint baseline."""


def _key(finding: Finding) -> str:
    return finding.fingerprint or fingerprint(finding)


def render(findings: Iterable[Finding]) -> str:
    entries = {
        _key(f): {"code": f.code, "subject": f.subject, "message": f.message}
        for f in findings
    }
    data = {"version": VERSION, "tool": TOOL, "findings": dict(sorted(entries.items()))}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write(path: str, findings: Iterable[Finding]) -> int:
    """Write the baseline atomically (temporary file, then rename); return the count."""
    findings = list(findings)
    text = render(findings)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".hklint-baseline-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        mask = os.umask(0)  # mkstemp's files are owner-only; a baseline is shared like any file
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return len({_key(f) for f in findings})


def read(path: str) -> frozenset[str]:
    """The fingerprints of a baseline file; BaselineError with one line when it is bad."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (write one with --write-baseline)") from None
    except OSError as err:
        raise BaselineError(f"baseline {path}: {err.strerror or err}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise BaselineError(f"baseline {path}: not JSON ({err})") from None
    if not isinstance(data, dict) or data.get("tool") != TOOL or not isinstance(data.get("findings"), dict):
        raise BaselineError(f"baseline {path}: not an hklint baseline (no \"findings\" table)")
    if data.get("version") != VERSION:
        raise BaselineError(f"baseline {path}: version {data.get('version')!r} is not {VERSION}")
    return frozenset(data["findings"])


def apply(report: Report, known: frozenset[str]) -> tuple[Report, int]:
    """(the report without baselined findings, how many were left out)."""
    kept = tuple(f for f in report.findings if _key(f) not in known)
    return dataclasses.replace(report, findings=kept), len(report.findings) - len(kept)
