"""model.evolve builds what dataclasses.replace builds, for every model class."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hklint import model
from hklint.engine import lint

ROOT = Path(__file__).resolve().parent.parent


def test_no_model_class_has_what_evolve_would_skip():
    for cls in vars(model).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__:
            assert not hasattr(cls, "__post_init__"), cls
            assert all(f.init for f in dataclasses.fields(cls)), cls


def test_evolve_equals_replace():
    report = lint([str(ROOT / "seeds")])
    claim, finding = report.claims[0], report.findings[0]
    for obj, changes in ((claim, {"unit": "USD"}), (claim.subject, {"key": "x"}),
                         (finding, {"fingerprint": "f" * 16}), (claim, {})):
        new = model.evolve(obj, **changes)
        assert new == dataclasses.replace(obj, **changes) and type(new) is type(obj)
        assert new is not obj and obj == dataclasses.replace(obj)  # the original untouched
    with pytest.raises(TypeError):
        model.evolve(claim, colour="red")



@dataclasses.dataclass(frozen=True)
class _Plain:
    a: int
    b: str = "x"


@model.fast_init
@dataclasses.dataclass(frozen=True)
class _Fast:
    a: int
    b: str = "x"


def test_fast_init_builds_what_the_generated_init_builds():
    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((), {"a": 2}), ((), {"b": "z", "a": 3})):
        plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)
        assert (plain.a, plain.b) == (fast.a, fast.b) and fast == _Fast(*args, **kwargs)
        assert hash(fast) == hash(_Fast(*args, **kwargs)) and repr(fast) == repr(plain).replace("_Plain", "_Fast")
    with pytest.raises(TypeError):
        _Fast()
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Fast(1).a = 2
    assert dataclasses.replace(_Fast(1), b="y") == _Fast(1, "y")
    assert model.Interval(1.0, 2.0) == model.Interval(1.0, 2.0, True, True)
    with pytest.raises(TypeError):
        @model.fast_init
        @dataclasses.dataclass(frozen=True)
        class _Factory:
            a: list = dataclasses.field(default_factory=list)
