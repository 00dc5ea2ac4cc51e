"""hklint.report.jsontext writes what json.dumps(indent=2, ensure_ascii=False,
allow_nan=False) writes, byte for byte."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hklint.report import jsontext


def _standard(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=False)


_scalars = (st.none() | st.booleans() | st.integers()
            | st.floats(allow_nan=False, allow_infinity=False) | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=5)
                       | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=5),
                       max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(_values)
def test_same_text_as_the_standard_encoder(value):
    assert jsontext.dumps(value) == _standard(value)


def test_edge_cases():
    for value in ({}, [], {"a": {}}, [[]], {"k": [1, 2.5, -0.0, 1e300, True, None, "é\n\"\u2028"]},
                  {"\x00": "\x1f"}, 10**30):
        assert jsontext.dumps(value) == _standard(value)
    assert jsontext.dumps({"a": [1]}, indent=4) == json.dumps({"a": [1]}, indent=4)


def test_refuses_what_the_standard_encoder_refuses():
    for bad in (float("nan"), [float("inf")], {"x": -float("inf")}):
        with pytest.raises(ValueError):
            jsontext.dumps(bad)
    with pytest.raises(TypeError):
        jsontext.dumps({"x": object()})
    with pytest.raises(TypeError):
        jsontext.dumps({1: "non-string key"})
