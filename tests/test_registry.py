"""Registry: discovery, load-time validation and prefix selection."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hklint import registry as registry_module
from hklint.model import CheckInfo, Severity
from hklint.registry import Registry, RegistryError, select

TEST_MODULE_PREFIXES = ("_hklint_plugin_", "hkfake_", "hkplugin_")
CODES = ["HK101", "HK102", "HK201", "HK202", "HK301", "XY1"]

GOOD_DOC = '''"""A test check.

What it does
    Nothing.

Why it matters
    Tests need a check.

Example
    none
"""
'''


def check_source(
    code: str = "XY101",
    name: str = "test-check",
    category: str = "conflict",
    severity: str = "Severity.WARNING",
    doc: str = GOOD_DOC,
    run: str = "def run(ctx):\n    return iter(())\n",
) -> str:
    return (
        doc
        + "from hklint.model import Severity\n"
        + f"CODE = {code!r}\nNAME = {name!r}\nCATEGORY = {category!r}\nSEVERITY = {severity}\n"
        + run
    )


def write_check(tmp_path: Path, filename: str, **kwargs: str) -> Path:
    path = tmp_path / filename
    path.write_text(check_source(**kwargs), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def clean_modules():
    """Forget the check modules a test imported from tmp_path, so they do not leak."""
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if name.startswith(TEST_MODULE_PREFIXES):
            del sys.modules[name]


# --- selection -------------------------------------------------------------


def test_default_selects_everything():
    assert select(CODES) == CODES
    assert select(CODES, select=()) == CODES
    assert select(CODES, select=("ALL",)) == CODES


def test_select_by_prefix():
    assert select(CODES, select=("HK2",)) == ["HK201", "HK202"]
    assert select(CODES, select=("HK1", "XY")) == ["HK101", "HK102", "XY1"]


def test_longest_prefix_wins():
    assert select(CODES, select=("HK",), ignore=("HK2",)) == ["HK101", "HK102", "HK301"]
    # A longer select re-enables one code inside an ignored family.
    assert select(CODES, select=("HK", "HK201"), ignore=("HK2",)) == [
        "HK101", "HK102", "HK201", "HK301"]
    # ...and ALL loses to any real prefix.
    assert select(CODES, select=("HK1",), ignore=("ALL",)) == ["HK101", "HK102"]


def test_ignore_beats_select_on_tie():
    assert select(CODES, select=("HK2",), ignore=("HK2",)) == []
    assert select(CODES, select=("ALL",), ignore=("ALL",)) == []


def test_ignore_alone_keeps_the_rest():
    assert select(CODES, ignore=("HK1", "XY")) == ["HK201", "HK202", "HK301"]


def test_prefixes_are_case_and_space_insensitive():
    assert select(CODES, select=(" hk20 ",)) == ["HK201", "HK202"]


@pytest.mark.parametrize("kind", ["select", "ignore"])
def test_unknown_prefix_is_refused(kind):
    with pytest.raises(RegistryError, match=r"^unknown code prefix 'HK9'$"):
        select(CODES, **{kind: ("HK9",)})


def test_empty_prefix_is_refused():
    with pytest.raises(RegistryError, match="empty code prefix"):
        select(CODES, ignore=("",))


# --- checks off by default ---------------------------------------------------


def test_default_off_code_needs_a_real_prefix():
    off = ("HK202",)
    assert select(CODES, default_off=off) == ["HK101", "HK102", "HK201", "HK301", "XY1"]
    assert select(CODES, select=("ALL",), default_off=off) == ["HK101", "HK102", "HK201", "HK301", "XY1"]
    assert select(CODES, select=("HK202",), default_off=off) == ["HK202"]
    assert select(CODES, select=("HK2",), default_off=off) == ["HK201", "HK202"]
    assert select(CODES, select=("ALL", "HK",), default_off=off) == CODES


def test_default_off_code_still_obeys_ignore():
    off = ("HK202",)
    assert select(CODES, select=("HK2",), ignore=("HK202",), default_off=off) == ["HK201"]
    assert select(CODES, select=("HK202",), ignore=("HK2",), default_off=off) == ["HK202"]
    # ALL beside a longer ignore of another family changes nothing for it
    assert "HK202" not in select(CODES, select=("ALL",), ignore=("HK1",), default_off=off)


def test_plugin_can_be_off_by_default(tmp_path):
    on = write_check(tmp_path, "on.py", code="XY1", name="on")
    off = write_check(tmp_path, "off.py", code="XY2", name="off",
                      run="DEFAULT_ENABLED = False\ndef run(ctx):\n    return iter(())\n")
    reg = Registry.discover(extra_modules=[str(on), str(off)], entry_points=False, package=None)
    assert reg.codes == ("XY1", "XY2")
    assert reg.default_enabled("XY1") and not reg.default_enabled("XY2")
    assert reg.select() == ["XY1"]
    assert reg.select(select=("XY",)) == ["XY1", "XY2"]
    assert reg.select(select=("XY2",)) == ["XY2"]


def test_default_enabled_must_be_a_bool(tmp_path):
    path = write_check(tmp_path, "bad.py", run="DEFAULT_ENABLED = 'no'\ndef run(ctx):\n    return iter(())\n")
    with pytest.raises(RegistryError, match="DEFAULT_ENABLED 'no' is not True or False"):
        Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)


def test_default_off_must_name_a_check():
    with pytest.raises(RegistryError, match="default-off codes of no check: XY9"):
        Registry((), default_off=("XY9",))


# --- plugins from files and import paths -----------------------------------


def test_load_plugin_from_py_path(tmp_path):
    path = write_check(tmp_path, "my_check.py", code="XY101", name="my-check")
    reg = Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)
    assert reg.codes == ("XY101",)
    info = reg.info("XY101")
    assert info == CheckInfo(
        code="XY101", name="my-check", category="conflict", severity=Severity.WARNING,
        doc=info.doc, origin=str(path))
    assert info.doc.startswith("A test check.")
    assert list(reg.run_function("XY101")(None)) == []


def test_load_plugin_by_import_path(tmp_path, monkeypatch):
    write_check(tmp_path, "hkplugin_importable.py", code="ZZ9")
    monkeypatch.syspath_prepend(str(tmp_path))
    reg = Registry.discover(extra_modules=["hkplugin_importable"], entry_points=False, package=None)
    assert reg.codes == ("ZZ9",)
    assert reg.info("ZZ9").origin == "hkplugin_importable"


def test_two_files_with_the_same_name_do_not_clash(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = write_check(tmp_path / "a", "c.py", code="AA1")
    b = write_check(tmp_path / "b", "c.py", code="BB1")
    reg = Registry.discover(extra_modules=[str(a), str(b)], entry_points=False, package=None)
    assert reg.codes == ("AA1", "BB1")


def test_checks_are_sorted_by_code(tmp_path):
    paths = [write_check(tmp_path, f"c{i}.py", code=code, name=f"c{i}")
             for i, code in enumerate(["XY3", "AB1", "XY20"])]
    reg = Registry.discover(extra_modules=[str(p) for p in paths], entry_points=False, package=None)
    assert [c.code for c in reg.checks] == ["AB1", "XY20", "XY3"]
    assert reg.select(select=("XY",)) == ["XY20", "XY3"]


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(RegistryError, match="no such file"):
        Registry.discover(extra_modules=[str(tmp_path / "nope.py")], entry_points=False, package=None)


def test_import_error_is_one_line(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("import not_a_module_anywhere_xyz\n", encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)
    message = str(err.value)
    assert "\n" not in message
    assert "broken.py" in message and "ModuleNotFoundError" in message


# --- validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"code": "xy101"}, "CODE 'xy101' does not match"),
        ({"code": "XYZAB1"}, "CODE 'XYZAB1' does not match"),
        ({"code": "XY12345"}, "CODE 'XY12345' does not match"),
        ({"code": "HK101"}, "reserved for built-in checks"),
        ({"name": "Bad_Slug"}, "NAME 'Bad_Slug' is not a lower-case hyphenated slug"),
        ({"name": "double--hyphen"}, "NAME 'double--hyphen'"),
        ({"name": "trailing-"}, "NAME 'trailing-'"),
        ({"category": "style"}, "CATEGORY 'style' is not one of"),
        ({"severity": "'warning'"}, "SEVERITY 'warning' is not a hklint.model.Severity"),
        ({"run": ""}, "missing run"),
        ({"run": "run = 3\n"}, "run is not callable"),
        ({"doc": ""}, "no docstring"),
        ({"doc": '"""Only a summary."""\n'}, "lacks the heading"),
    ],
)
def test_bad_plugin_is_refused(tmp_path, kwargs, problem):
    path = write_check(tmp_path, "bad.py", **kwargs)
    with pytest.raises(RegistryError) as err:
        Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)
    message = str(err.value)
    assert problem in message
    assert str(path) in message
    assert "\n" not in message


def test_missing_constants_are_named(tmp_path):
    path = tmp_path / "empty.py"
    path.write_text(GOOD_DOC + "def run(ctx):\n    return iter(())\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="missing CODE, NAME, CATEGORY, SEVERITY"):
        Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)


def test_markdown_headings_are_accepted(tmp_path):
    doc = '"""Check.\n\n## What it does\nx\n\n**Why it matters:**\ny\n\n### Example\nz\n"""\n'
    path = write_check(tmp_path, "md.py", doc=doc)
    reg = Registry.discover(extra_modules=[str(path)], entry_points=False, package=None)
    assert reg.codes == ("XY101",)


def test_duplicate_code_is_refused(tmp_path):
    a = write_check(tmp_path, "first.py", code="XY7", name="first")
    b = write_check(tmp_path, "second.py", code="XY7", name="second")
    with pytest.raises(RegistryError, match=r"duplicate check code 'XY7' \(already defined by .*first\.py\)"):
        Registry.discover(extra_modules=[str(a), str(b)], entry_points=False, package=None)


# --- built-ins and entry points ---------------------------------------------


def make_package(tmp_path: Path, name: str, modules: dict[str, str]) -> None:
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    for module, source in modules.items():
        (pkg / f"{module}.py").write_text(source, encoding="utf-8")


def test_builtin_package_is_scanned_sorted_and_private_modules_skipped(tmp_path, monkeypatch):
    make_package(tmp_path, "hkfake_builtins", {
        "b_second": check_source(code="HK101", name="second"),
        "a_first": check_source(code="HK201", name="first"),
        "_helpers": "VALUE = 1\n",
    })
    monkeypatch.syspath_prepend(str(tmp_path))
    reg = Registry.discover(entry_points=False, package="hkfake_builtins")
    assert reg.codes == ("HK101", "HK201")
    assert {c.origin for c in reg.checks} == {"builtin"}


def test_builtin_codes_must_be_hk_and_three_digits(tmp_path, monkeypatch):
    make_package(tmp_path, "hkfake_badbuiltin", {"x": check_source(code="XY101")})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RegistryError, match=r"'hkfake_badbuiltin\.x'.*CODE 'XY101' does not match \^HK"):
        Registry.discover(entry_points=False, package="hkfake_badbuiltin")


class FakeEntryPoint:
    def __init__(self, name: str, obj: object) -> None:
        self.name = name
        self.value = f"somewhere:{name}"
        self._obj = obj

    def load(self) -> object:
        return self._obj


def test_entry_points_are_loaded_sorted(tmp_path, monkeypatch):
    modules = {}
    for name, code in [("zeta", "EP1"), ("alpha", "EP2")]:
        path = write_check(tmp_path, f"{name}.py", code=code, name=name)
        modules[name] = registry_module.import_check_module(str(path))
    seen_groups = []

    def fake_entry_points(*, group):
        seen_groups.append(group)
        return [FakeEntryPoint("zeta", modules["zeta"]), FakeEntryPoint("alpha", modules["alpha"])]

    monkeypatch.setattr(registry_module.importlib.metadata, "entry_points", fake_entry_points)
    reg = Registry.discover(package=None)
    assert seen_groups == ["hklint.checks"]
    assert [(c.code, c.origin) for c in reg.checks] == [("EP1", "zeta"), ("EP2", "alpha")]


def test_bad_entry_point_names_itself(monkeypatch):
    class Broken:
        """No constants at all."""

    monkeypatch.setattr(registry_module.importlib.metadata, "entry_points",
                        lambda *, group: [FakeEntryPoint("broken", Broken)])
    with pytest.raises(RegistryError, match=r"'broken = somewhere:broken': missing CODE"):
        Registry.discover(package=None)


def test_real_discovery_does_not_raise():
    reg = Registry.discover()
    assert list(reg.codes) == sorted(reg.codes)
    for info in reg.checks:
        assert reg.info(info.code) is info
        assert callable(reg.run_function(info.code))
    assert reg.select() == [c for c in reg.codes if reg.default_enabled(c)]
    assert not reg.default_enabled("HK602")  # mixed-number-format: off unless selected
    assert "HK602" not in reg.select() and reg.select(select=("HK602",)) == ["HK602"]


def test_unknown_code_lookup():
    reg = Registry()
    with pytest.raises(KeyError):
        reg.info("HK999")
    with pytest.raises(KeyError):
        reg.run_function("HK999")
