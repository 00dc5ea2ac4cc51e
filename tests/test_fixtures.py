"""Fixture-driven check tests, in the style of pylint's functional tests and
ruff's snapshots: each check has case folders of small documents that form a
corpus, and an ``expected.json`` beside them with the exact findings that
check must report when it is the only one enabled.

Layout::

    tests/fixtures/<CODE>/<case>/a.md, b.md, ...
    tests/fixtures/<CODE>/<case>/expected.json
        {"why": "what the case pins down", "findings": [
            {"code": ..., "path": "a.md", "line": 3, "text": "16",
             "other_path": "b.md", "other_text": "15"}]}

``"findings": []`` makes a must-not-fire case; its ``why`` says why it must
stay quiet (textlint's rule for valid cases). Cases that hklint gets wrong
today wait in ``tests/fixtures_pending/`` and are not collected.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest

from hklint.engine import Options, lint
from hklint.model import Finding
from hklint.registry import Registry

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENT_SUFFIXES = (".md", ".txt", ".markdown")
FINDING_KEYS = ("code", "path", "line", "text", "other_path", "other_text")


def case_dirs() -> list[Path]:
    """Every case folder: tests/fixtures/<CODE>/<case>/ holding an expected.json."""
    return sorted(p.parent for p in FIXTURES.glob("*/*/expected.json"))


def load_expected(case: Path) -> dict:
    with open(case / "expected.json", encoding="utf-8") as fh:
        return json.load(fh)


def _relative(path: str, case: Path) -> str:
    return PurePosixPath(Path(path).resolve().relative_to(case.resolve()).as_posix()).as_posix()


def finding_shape(finding: Finding, case: Path) -> dict:
    """A finding in the expected.json shape: primary claim, then the claim it is set against."""
    primary = finding.primary
    others = [c for c in finding.claims[1:]]
    other = others[0] if others else None
    return {
        "code": finding.code,
        "path": _relative(primary.path, case),
        "line": primary.span.line,
        "text": primary.text,
        "other_path": _relative(other.path, case) if other else None,
        "other_text": other.text if other else None,
    }


def _order(item: dict) -> tuple:
    return tuple(str(item.get(k)) for k in FINDING_KEYS)


def run_case(case: Path) -> list[dict]:
    code = case.parent.name
    report = lint([str(case)], Options(select=(code,)))
    assert not report.problems, f"{case}: input problems {report.problems}"
    return sorted((finding_shape(f, case) for f in report.findings), key=_order)


CASES = case_dirs()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case(case: Path) -> None:
    expected = load_expected(case)
    assert sorted(expected) == ["findings", "why"], "expected.json holds exactly 'why' and 'findings'"
    want = sorted(expected["findings"], key=_order)
    for item in want:
        assert set(item) == set(FINDING_KEYS), f"finding keys must be {FINDING_KEYS}"
        assert item["code"] == case.parent.name, "a case only expects findings of its own check"
    assert run_case(case) == want


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_case_is_well_formed(case: Path) -> None:
    expected = load_expected(case)
    assert isinstance(expected.get("why"), str) and expected["why"].strip(), "every case says why"
    documents = [p for p in case.iterdir() if p.suffix in DOCUMENT_SUFFIXES]
    assert 2 <= len(documents), "a case is a corpus of at least two documents"
    for item in expected["findings"]:
        for key in ("path", "other_path"):
            # other_path is null for a finding with one claim (finding_shape allows it)
            assert item[key] is None and key == "other_path" or (case / item[key]).is_file(), \
                f"{item[key]} is not a document of the case"


def test_every_check_has_fire_and_quiet_cases() -> None:
    """Derived from the registry, so a new check cannot ship without fixtures."""
    fire: set[str] = set()
    quiet: set[str] = set()
    for case in CASES:
        (fire if load_expected(case)["findings"] else quiet).add(case.parent.name)
    codes = Registry.discover().codes
    assert codes, "the registry found no checks"
    missing = [f"{code}: no {kind} case" for code in codes
               for kind, have in (("must-fire", fire), ("must-not-fire", quiet)) if code not in have]
    assert not missing, "every check needs tests/fixtures/<CODE>/ cases: " + "; ".join(missing)


def test_fixture_folders_name_known_checks() -> None:
    codes = set(Registry.discover().codes)
    unknown = sorted({p.name for p in FIXTURES.iterdir() if p.is_dir()} - codes)
    assert not unknown, f"fixture folders for unknown check codes: {unknown}"


def test_tolerance_lets_close_values_agree():
    """A relative tolerance from configuration widens both intervals."""
    from hklint.link import values_agree
    from hklint.model import Claim, Interval, Span, Subject, Tense

    def claim(v):
        return Claim("a.md", Span(0, 1, 1, 1), str(v), "", Subject("s", "S", "bold"), "count",
                     float(v), Interval.point(float(v)), "", None, Tense.CURRENT, "t", 1.0)

    assert not values_agree(claim(100), claim(102))
    assert values_agree(claim(100), claim(102), tolerance=0.01)
    assert not values_agree(claim(100), claim(103), tolerance=0.01)
