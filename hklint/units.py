"""The pint unit registry, built once per process (it is slow to build)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def registry():
    import pint

    return pint.UnitRegistry(cache_folder=None)
