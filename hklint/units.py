"""Unit conversions by pint, remembered in the user cache.

pint's registry takes about 0.6 s to import and build (it pulls in numpy),
more than the rest of a run on a small corpus. The few conversions hklint
needs (areas to square metres, lengths to metres) are asked of pint once and
kept in the cache folder, keyed by pint's version; later runs read them back
without importing pint.
"""
from __future__ import annotations

import json
from functools import lru_cache

from hklint import cache

CACHE_NAME = "units-v1.json"


@lru_cache(maxsize=1)
def registry():
    import pint

    try:
        # ":auto:" keeps pint's parsed definitions in its own cache folder
        return pint.UnitRegistry(cache_folder=":auto:")
    except OSError:
        return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=1)
def _remembered() -> dict:
    raw = cache.read_bytes(CACHE_NAME)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def _pint_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pint")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=64)
def conversion(name: str) -> tuple[str, str, float]:
    """(kind, canonical unit, factor) for a pint unit expression: "hectare" -> ("area", "m**2", 10000.0),
    "GW" -> ("power", "W", 1e9), "TWh" -> ("energy", "Wh", 1e12)."""
    remembered = _remembered()
    key = f"{_pint_version()}:{name}"
    hit = remembered.get(key)
    if isinstance(hit, list) and len(hit) == 3:
        return hit[0], hit[1], float(hit[2])
    quantity = registry().Quantity(1, name)
    if quantity.check("[area]"):
        found = ("area", "m**2", float(quantity.to("m**2").magnitude))
    elif quantity.check("[power]"):
        found = ("power", "W", float(quantity.to("W").magnitude))
    elif quantity.check("[energy]"):
        found = ("energy", "Wh", float(quantity.to("Wh").magnitude))
    elif quantity.check("[volume]"):
        found = ("volume", "m**3", float(quantity.to("m**3").magnitude))
    else:
        found = ("length", "m", float(quantity.to("m").magnitude))
    remembered[key] = list(found)
    cache.write_bytes(CACHE_NAME, json.dumps(remembered, sort_keys=True).encode("utf-8"))
    return found
