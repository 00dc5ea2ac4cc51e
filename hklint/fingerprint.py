"""Stable identities for findings, so baselines survive unrelated edits.

A fingerprint hashes what a finding is *about* — check code, subject,
attribute, and for each claim its document, unit, value bounds and as-of
period — and deliberately leaves out line numbers, columns and message
wording: inserting a paragraph above a claim or rephrasing a message does not
change it, while a changed figure does.
"""
from __future__ import annotations

import hashlib
import json

from hklint.model import Claim, Finding

LENGTH = 16  # hex characters kept: 64 bits, ample for one corpus's findings


def fingerprint(finding: Finding) -> str:
    """First 16 hex characters of a sha256 over the finding's identity."""
    claims = sorted(_claim_identity(c) for c in finding.claims)
    identity = [finding.code, finding.subject, finding.attribute, claims]
    # JSON keeps fields apart unambiguously: no separator can be forged by content.
    payload = json.dumps(identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:LENGTH]


def _claim_identity(claim: Claim) -> list[str]:
    as_of = claim.as_of.label() if claim.as_of is not None else ""
    return [
        claim.path,
        claim.unit,
        _number(claim.interval.low),
        _number(claim.interval.high),
        as_of,
    ]


def _number(x: float | None) -> str:
    """A canonical spelling: 16, 16.0 and 1.6e1 agree; float noise is rounded away."""
    if x is None:
        return ""
    return format(float(x), ".12g")
