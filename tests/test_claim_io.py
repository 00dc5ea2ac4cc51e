"""The JSON Lines boundary: a claim survives the trip to a dict (and to JSON text) unchanged."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hklint.claim_io import claim_from_dict, claim_to_dict
from hklint.engine import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_corpus() -> Corpus:
    cwd = os.getcwd()
    os.chdir(ROOT)  # claim paths are as named: "seeds/..."
    try:
        return load_corpus(["seeds"])
    finally:
        os.chdir(cwd)


def test_seeds_yield_claims(seeds_corpus):
    assert len(seeds_corpus.documents) == 5
    assert len(seeds_corpus.claims) > 100
    assert all(c.path.startswith("seeds/") for c in seeds_corpus.claims)
    # both kinds of as-of survive: dated claims and claims of the undated document
    assert any(c.as_of is None for c in seeds_corpus.claims)
    assert any(c.as_of is not None for c in seeds_corpus.claims)


def test_round_trip_through_dict(seeds_corpus):
    bad = [c for c in seeds_corpus.claims if claim_from_dict(claim_to_dict(c)) != c]
    assert not bad, f"{len(bad)} claims change in the round trip, first: {bad[0]!r}"


def test_round_trip_through_json_lines(seeds_corpus):
    lines = [json.dumps(claim_to_dict(c), ensure_ascii=False) for c in seeds_corpus.claims]
    assert all("\n" not in line for line in lines)
    back = [claim_from_dict(json.loads(line)) for line in lines]
    assert back == list(seeds_corpus.claims)


def test_dict_is_plain_json(seeds_corpus):
    for claim in seeds_corpus.claims:
        d = claim_to_dict(claim)
        assert json.loads(json.dumps(d, allow_nan=False)) == d
