"""Find checks, refuse malformed ones at load time, and select them by code prefix.

A check is a module (or any object) with ``CODE``, ``NAME``, ``CATEGORY``,
``SEVERITY``, a docstring with the headings *What it does*, *Why it matters*
and *Example*, and ``run(ctx) -> Iterator[Finding]``. A check may declare
``DEFAULT_ENABLED = False``: it then runs only when a select prefix longer
than ``ALL`` names it ("HK602", "HK6", "HK"). Checks come from three
places, always in the same order so that runs are deterministic: the built-in
``checks`` package (modules sorted by name), entry points in the group
``hklint.checks`` (sorted by name), then modules the user names by import path
or by ``.py`` file path.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from hklint.model import CATEGORIES, CheckInfo, Finding, Severity

ENTRY_POINT_GROUP = "hklint.checks"
BUILTIN_PACKAGE = "checks"
BUILTIN_ORIGIN = "builtin"

# Built-in codes: "HK" and three digits; the hundreds digit is the family.
BUILTIN_CODE = re.compile(r"^HK[0-9]{3}$")
# Plugin codes: a short letter prefix and a number, as flake8 demands.
PLUGIN_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
# "HK" is reserved for built-ins, so that a future built-in never collides.
RESERVED_PREFIX = "HK"
# Slugs: lower-case words joined by single hyphens ("superseded-figure").
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Headings every check docstring documents, in the spirit of ruff's rule docs.
DOC_HEADINGS = ("What it does", "Why it matters", "Example")
# A heading line: optional markdown "#" or "**" around the words, optional colon.
_HEADING_DECORATION = "#*_: \t"

ALL = "ALL"

RunFunction = Callable[[Any], Iterator[Finding]]


class RegistryError(ValueError):
    """A check that cannot be loaded, or a selection that names no check."""


class Registry:
    """The checks of one run: their ``CheckInfo`` and ``run`` function by code."""

    def __init__(self, entries: Iterable[tuple[CheckInfo, RunFunction]] = (),
                 default_off: Iterable[str] = ()) -> None:
        """``default_off``: codes of checks that declared ``DEFAULT_ENABLED = False``."""
        infos: dict[str, CheckInfo] = {}
        runs: dict[str, RunFunction] = {}
        for info, run in entries:
            if info.code in infos:
                raise RegistryError(
                    f"{info.origin}: duplicate check code {info.code!r}"
                    f" (already defined by {infos[info.code].origin})"
                )
            infos[info.code] = info
            runs[info.code] = run
        self._infos = infos
        self._runs = runs
        self._default_off = frozenset(default_off)
        unknown = sorted(self._default_off - set(infos))
        if unknown:
            raise RegistryError(f"default-off codes of no check: {', '.join(unknown)}")
        self.checks: tuple[CheckInfo, ...] = tuple(infos[c] for c in sorted(infos))

    @classmethod
    def discover(
        cls,
        extra_modules: Sequence[str] = (),
        entry_points: bool = True,
        *,
        package: str | None = BUILTIN_PACKAGE,
    ) -> "Registry":
        """Load built-ins from ``package``, then entry points, then ``extra_modules``.

        ``package=None`` leaves the built-ins out (for tests and embedding).
        Raises ``RegistryError`` with a one-line message on the first bad check.
        """
        entries: list[tuple[CheckInfo, RunFunction]] = []
        default_off: list[str] = []

        def add(obj: Any, **how: Any) -> None:
            info, run = load_check(obj, **how)
            entries.append((info, run))
            if not getattr(obj, "DEFAULT_ENABLED", True):
                default_off.append(info.code)

        if package is not None:
            for name, module in _builtin_modules(package):
                add(module, origin=BUILTIN_ORIGIN, label=name, builtin=True)
        if entry_points:
            for name, obj, label in _entry_point_objects():
                add(obj, origin=name, label=label)
        for spec in extra_modules:
            add(import_check_module(spec), origin=spec, label=spec)
        return cls(entries, default_off)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(info.code for info in self.checks)

    def info(self, code: str) -> CheckInfo:
        try:
            return self._infos[code]
        except KeyError:
            raise KeyError(f"unknown check code {code!r}") from None

    def run_function(self, code: str) -> RunFunction:
        try:
            return self._runs[code]
        except KeyError:
            raise KeyError(f"unknown check code {code!r}") from None

    def default_enabled(self, code: str) -> bool:
        """False for a check that runs only when selected by a prefix longer than ALL."""
        self.info(code)  # KeyError for an unknown code
        return code not in self._default_off

    def select(self, select: Sequence[str] = (ALL,), ignore: Sequence[str] = ()) -> list[str]:
        """The enabled codes of this registry; see the module function ``select``."""
        return select_codes(self.codes, select, ignore, default_off=self._default_off)

    def __len__(self) -> int:
        return len(self.checks)

    def __contains__(self, code: object) -> bool:
        return code in self._infos


def select_codes(
    codes: Sequence[str], select: Sequence[str] = (ALL,), ignore: Sequence[str] = (),
    default_off: Iterable[str] = (),
) -> list[str]:
    """Codes enabled by ``select``/``ignore`` prefixes, in the order of ``codes``.

    As in ruff and flake8, the longest prefix that matches a code decides;
    ``ALL`` matches every code as a prefix of length 0; when a select and an
    ignore prefix are equally long, ignore wins. An empty ``select`` means
    ``ALL``. Every prefix must match at least one known code. A code in
    ``default_off`` is enabled only by a winning select prefix longer than
    ``ALL``: ``ALL`` alone never turns it on.
    """
    off = frozenset(default_off)
    selected = [_normalise_prefix(p) for p in select] or [ALL]
    ignored = [_normalise_prefix(p) for p in ignore]
    for prefix in (*selected, *ignored):
        if prefix != ALL and not any(code.startswith(prefix) for code in codes):
            raise RegistryError(f"unknown code prefix {prefix!r}")
    return [c for c in codes if _decide(c, selected, ignored, c in off)]


# The name the brief uses; ``select_codes`` reads better beside Registry.select.
select = select_codes


def _normalise_prefix(prefix: str) -> str:
    text = prefix.strip().upper()
    if not text:
        raise RegistryError("empty code prefix")
    return text


def _match_length(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix matching ``code``; -1 when none does."""
    best = -1
    for prefix in prefixes:
        if prefix == ALL:
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def _decide(code: str, selected: Sequence[str], ignored: Sequence[str], off: bool = False) -> bool:
    chosen = _match_length(code, selected)
    dropped = _match_length(code, ignored)
    return chosen >= (1 if off else 0) and chosen > dropped


SCOPES = ("corpus", "document")


def load_check(
    obj: Any, *, origin: str, label: str, builtin: bool = False
) -> tuple[CheckInfo, RunFunction]:
    """Validate one check object and return its ``CheckInfo`` and ``run``.

    ``label`` names the module in error messages; ``origin`` is recorded.
    """
    def fail(problem: str) -> RegistryError:
        return RegistryError(f"check module {label!r}: {problem}")

    missing = [a for a in ("CODE", "NAME", "CATEGORY", "SEVERITY", "run") if not hasattr(obj, a)]
    if missing:
        raise fail(f"missing {', '.join(missing)}")
    code, name, category, severity, run = (
        obj.CODE, obj.NAME, obj.CATEGORY, obj.SEVERITY, obj.run
    )
    pattern = BUILTIN_CODE if builtin else PLUGIN_CODE
    if not isinstance(code, str) or not pattern.match(code):
        raise fail(f"CODE {code!r} does not match {pattern.pattern}")
    if not builtin and code.startswith(RESERVED_PREFIX):
        raise fail(f"CODE {code!r} uses the prefix {RESERVED_PREFIX!r} reserved for built-in checks")
    if not isinstance(name, str) or not SLUG.match(name):
        raise fail(f"NAME {name!r} is not a lower-case hyphenated slug")
    if category not in CATEGORIES:
        raise fail(f"CATEGORY {category!r} is not one of {', '.join(CATEGORIES)}")
    if not isinstance(severity, Severity):
        raise fail(f"SEVERITY {severity!r} is not a hklint.model.Severity")
    if not callable(run):
        raise fail("run is not callable")
    if not isinstance(getattr(obj, "DEFAULT_ENABLED", True), bool):
        raise fail(f"DEFAULT_ENABLED {obj.DEFAULT_ENABLED!r} is not True or False")
    scope = getattr(obj, "SCOPE", "corpus")
    if scope not in SCOPES:
        raise fail(f"SCOPE {scope!r} is not one of {', '.join(SCOPES)}")
    doc = inspect.cleandoc(obj.__doc__ or "")
    if not doc:
        raise fail("no docstring")
    absent = [h for h in DOC_HEADINGS if not _has_heading(doc, h)]
    if absent:
        raise fail(f"docstring lacks the heading(s) {', '.join(repr(h) for h in absent)}")
    info = CheckInfo(code=code, name=name, category=category, severity=severity, doc=doc,
                     origin=origin, scope=scope)
    return info, run


def _has_heading(doc: str, heading: str) -> bool:
    wanted = heading.casefold()
    return any(line.strip(_HEADING_DECORATION).casefold() == wanted for line in doc.splitlines())


def import_check_module(spec: str) -> ModuleType:
    """Import a user-named check: a dotted import path, or a path to a ``.py`` file."""
    if spec.endswith(".py") or "/" in spec or "\\" in spec:
        return _import_path(Path(spec))
    try:
        return importlib.import_module(spec)
    except Exception as exc:  # any failure of user code becomes one line
        raise RegistryError(f"check module {spec!r}: cannot import ({_one_line(exc)})") from exc


def _import_path(path: Path) -> ModuleType:
    label = str(path)
    if not path.is_file():
        raise RegistryError(f"check module {label!r}: no such file")
    resolved = path.resolve()
    # A private, path-derived name: two plugins called "checks.py" do not clash.
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"\W", "_", resolved.stem)
    module_name = f"_hklint_plugin_{stem}_{digest}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    module_spec = importlib.util.spec_from_file_location(module_name, resolved)
    if module_spec is None or module_spec.loader is None:
        raise RegistryError(f"check module {label!r}: not an importable Python file")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_name] = module  # dataclasses and pickling look modules up here
    try:
        module_spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[module_name]
        raise RegistryError(f"check module {label!r}: cannot import ({_one_line(exc)})") from exc
    return module


def _builtin_modules(package: str) -> Iterator[tuple[str, ModuleType]]:
    try:
        pkg = importlib.import_module(package)
    except Exception as exc:
        raise RegistryError(f"check package {package!r}: cannot import ({_one_line(exc)})") from exc
    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_"))
    for name in names:
        full = f"{package}.{name}"
        try:
            yield full, importlib.import_module(full)
        except Exception as exc:
            raise RegistryError(f"check module {full!r}: cannot import ({_one_line(exc)})") from exc


def _entry_point_objects() -> Iterator[tuple[str, Any, str]]:
    """(name, loaded object, label) for each entry point of the group, by name."""
    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in sorted(found, key=lambda e: (e.name, e.value)):
        label = f"{ep.name} = {ep.value}"
        try:
            obj = ep.load()
        except Exception as exc:
            raise RegistryError(f"check module {label!r}: cannot load entry point ({_one_line(exc)})") from exc
        yield ep.name, obj, label


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
