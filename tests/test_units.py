"""Unit conversions come from pint, and are remembered in the cache folder."""
from __future__ import annotations

import json

import pytest

from hklint import units


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HKLINT_CACHE_DIR", str(tmp_path))
    units._remembered.cache_clear()
    units.conversion.cache_clear()
    yield tmp_path
    units._remembered.cache_clear()
    units.conversion.cache_clear()


def test_conversions_are_pints_and_are_remembered(fresh_cache):
    assert units.conversion("hectare") == ("area", "m**2", pytest.approx(10_000))
    assert units.conversion("acre") == ("area", "m**2", pytest.approx(4046.86, rel=1e-4))
    assert units.conversion("km") == ("length", "m", pytest.approx(1000))
    stored = json.loads((fresh_cache / units.CACHE_NAME).read_text())
    assert any(k.endswith(":hectare") for k in stored)


def test_a_remembered_conversion_is_read_back(fresh_cache):
    key = f"{units._pint_version()}:hectare"
    (fresh_cache / units.CACHE_NAME).write_text(json.dumps({key: ["area", "m**2", 10000.0]}))
    assert units.conversion("hectare") == ("area", "m**2", 10000.0)


def test_a_broken_cache_file_is_ignored(fresh_cache):
    (fresh_cache / units.CACHE_NAME).write_text("{not json")
    assert units.conversion("hectare")[2] == pytest.approx(10_000)
