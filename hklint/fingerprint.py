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


# Currencies the extractor may infer for a bare "$" from the rest of the corpus:
# the identity says "money", so adding a document cannot renew a finding.
CURRENCIES = frozenset({"$", "HKD", "USD", "CNY", "EUR", "GBP"})


def _claim_identity(claim: Claim) -> list[str]:
    # a period stated in the text is part of the fact; the document's own date
    # (which may be inferred from anything else in it) is not
    stated = claim.as_of is not None and claim.as_of.source != "document"
    as_of = claim.as_of.label() if stated else ""
    return [
        claim.path,
        "money" if claim.unit in CURRENCIES else claim.unit,
        _number(claim.interval.low),
        _number(claim.interval.high),
        as_of,
    ]


def _number(x: float | None) -> str:
    """A canonical spelling: 16, 16.0 and 1.6e1 agree; float noise is rounded away."""
    if x is None:
        return ""
    return format(float(x), ".12g")
