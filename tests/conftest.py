"""Shared test setup."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's cache folder."""
    import os

    old = os.environ.get("HKLINT_CACHE_DIR")
    os.environ["HKLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("hklint-cache"))
    yield
    if old is None:
        os.environ.pop("HKLINT_CACHE_DIR", None)
    else:
        os.environ["HKLINT_CACHE_DIR"] = old
