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
