"""Claims as plain dicts: the JSON Lines boundary between extraction and checks.

``claim_from_dict(claim_to_dict(c)) == c`` for every claim, so checks can run
on a claims dump made elsewhere.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from hklint.model import Claim, Interval, Period, Span, Subject, Tense


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


def claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "path": c.path,
        "line": c.span.line,
        "column": c.span.column,
        "start": c.span.start,
        "end": c.span.end,
        "text": c.text,
        "sentence": c.sentence,
        "subject": c.subject.text,
        "subject_key": c.subject.key,
        "subject_source": c.subject.source,
        "attribute": c.attribute,
        "value": _num(c.value),
        "low": _num(c.interval.low),
        "high": _num(c.interval.high),
        "low_closed": c.interval.low_closed,
        "high_closed": c.interval.high_closed,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "as_of": None if c.as_of is None else {
            "start": c.as_of.start.isoformat(),
            "end": c.as_of.end.isoformat(),
            "granularity": c.as_of.granularity,
            "text": c.as_of.text,
            "source": c.as_of.source,
        },
        "tense": c.tense.value,
        "extractor": c.extractor,
        "confidence": _num(c.confidence),
    }


def _float(x: Any) -> float | None:
    return None if x is None else float(x)


def claim_from_dict(d: dict[str, Any]) -> Claim:
    p = d.get("as_of")
    return Claim(
        path=d["path"],
        span=Span(d["start"], d["end"], d["line"], d["column"]),
        text=d["text"],
        sentence=d["sentence"],
        subject=Subject(d["subject_key"], d["subject"], d["subject_source"]),
        attribute=d["attribute"],
        value=float(d["value"]),
        interval=Interval(_float(d["low"]), _float(d["high"]), d["low_closed"], d["high_closed"]),
        unit=d["unit"],
        as_of=None if p is None else Period(
            dt.date.fromisoformat(p["start"]), dt.date.fromisoformat(p["end"]),
            p["granularity"], p["text"], p["source"]),
        tense=Tense(d["tense"]),
        extractor=d["extractor"],
        confidence=float(d["confidence"]),
        qualifier=d.get("qualifier", ""),
    )
