"""Read ``[tool.hklint]`` (pyproject.toml) or ``hklint.toml`` once into a frozen Config.

Discovery works like ruff's: from the current directory upward, the first
``hklint.toml``, or ``pyproject.toml`` that has a ``[tool.hklint]`` table,
wins; the search stops at the directory holding ``.git``. ``--config FILE``
names the file instead. Unknown keys and bad values raise ``ConfigError``
with one line naming the file and the key. No click here: the CLI merges its
options over the Config.

Path patterns (``per-file-ignores``, ``dates``) are written relative to the
file's directory; :func:`anchor` makes them absolute so that they match
whatever directory hklint runs from, and :func:`path_matches` also lets a
pattern without ``/`` match a basename anywhere.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import glob
import os
import posixpath
import sys
from dataclasses import dataclass, fields
from pathlib import Path, PurePath
from typing import Any, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
HKLINT_TOML = "hklint.toml"
FAIL_LEVELS = ("info", "warning", "error", "never")


class ConfigError(ValueError):
    """A configuration file that cannot be read or holds a bad key or value."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file; ``None`` means "not set here"."""

    path: str | None = None  # the file read, None when none was found
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    min_confidence: float | None = None
    dates: tuple[tuple[str, dt.date], ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    tolerance: float = 0.0
    fiscal_year_start: int = 0  # month a fiscal year starts in (1-12); 0: not said

    @property
    def root(self) -> str:
        """The directory relative patterns are anchored at: the file's, else the cwd."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def alias_table(self) -> dict[str, str]:
        """``aliases`` as the engine takes them: alternative name -> canonical name."""
        return {alt: name for name, alts in self.aliases for alt in alts}

    def date_overrides(self) -> dict[str, dt.date]:
        """``dates`` with each pattern anchored at :attr:`root`."""
        return {anchor(pattern, self.root): date for pattern, date in self.dates}

    def anchored_per_file_ignores(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((anchor(pattern, self.root), codes) for pattern, codes in self.per_file_ignores)


# --------------------------------------------------------------------------- paths


def anchor(pattern: str, root: str) -> str:
    """A pattern with ``/`` made absolute under ``root``; a bare name (``*.md``) stays bare."""
    pattern = PurePath(pattern).as_posix() if "\\" in pattern else pattern
    if "/" not in pattern or posixpath.isabs(pattern):
        return pattern
    # the root is literal text: "[" in a folder name must not become a character class
    return posixpath.join(glob.escape(PurePath(os.path.abspath(root)).as_posix()), pattern.removeprefix("./"))


def path_matches(pattern: str, path: str) -> bool:
    """Does ``path`` (as hklint shows it) match an anchored ``pattern``?

    A pattern without ``/`` matches the basename; an absolute pattern matches
    the absolute path; any pattern also matches the path as shown. ``*``
    crosses directories, as in fnmatch.
    """
    shown = PurePath(path).as_posix()
    if fnmatch.fnmatchcase(shown, pattern):
        return True
    if "/" not in pattern:
        return fnmatch.fnmatchcase(posixpath.basename(shown), pattern)
    absolute = PurePath(os.path.abspath(path)).as_posix()
    return fnmatch.fnmatchcase(absolute, pattern)


# --------------------------------------------------------------------------- discovery


def discover(start: str | os.PathLike | None = None) -> Path | None:
    """The configuration file for a run started in ``start`` (default: the cwd), or None."""
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        candidate = directory / HKLINT_TOML
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
        if (directory / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = _read_toml(path)
    except ConfigError:
        return True  # let load() report the broken file rather than skip it silently
    return isinstance(data.get("tool"), dict) and "hklint" in data["tool"]


def load(path: str | os.PathLike | None = None, *, start: str | None = None) -> Config:
    """Read ``path``, or the discovered file, into a Config (empty when there is none)."""
    found = Path(path) if path is not None else discover(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise ConfigError(f"{found}: no such configuration file")
    data = _read_toml(found)
    if found.name == PYPROJECT:
        table = data.get("tool", {}).get("hklint", {})
        where = f"{found}: [tool.hklint]"
    else:
        table = data
        where = str(found)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return from_mapping(table, str(found), where)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"{path}: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from None


# --------------------------------------------------------------------------- validation


def from_mapping(table: Mapping[str, Any], path: str | None = None, where: str = "configuration") -> Config:
    """Validate one table of settings; raise ConfigError on the first bad key or value."""
    values: dict[str, Any] = {"path": path}
    for key, raw in table.items():
        reader = _READERS.get(key)
        if reader is None:
            known = ", ".join(sorted(_READERS))
            raise ConfigError(f"{where}: unknown key {key!r} (known keys: {known})")
        try:
            values[key.replace("-", "_")] = reader(raw)
        except _Bad as bad:
            raise ConfigError(f"{where}: {key!r} {bad}") from None
    return Config(**values)


class _Bad(ValueError):
    """A value of the wrong shape; the message completes "'key' ..."."""


def _strings(raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise _Bad(f"must be a list of non-empty strings, not {raw!r}")
    return tuple(x.strip() for x in raw)


def _codes(raw: Any) -> tuple[str, ...]:
    codes = _strings(raw)
    for code in codes:
        if not (code == "ALL" or (code.isalnum() and code[:1].isalpha())):
            raise _Bad(f"holds {code!r}, which is not a code prefix such as 'HK2' or 'HK201'")
    return tuple(c.upper() for c in codes)


def _per_file_ignores(raw: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise _Bad(f"must be a table of glob = [code prefixes], not {raw!r}")
    out = []
    for pattern, codes in raw.items():
        try:
            out.append((pattern, _codes(codes)))
        except _Bad as bad:
            raise _Bad(f"entry {pattern!r} {bad}") from None
    return tuple(out)


def _fail_on(raw: Any) -> str:
    if not isinstance(raw, str) or raw.strip().lower() not in FAIL_LEVELS:
        raise _Bad(f"must be one of {', '.join(FAIL_LEVELS)}, not {raw!r}")
    return raw.strip().lower()


def _fraction(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0.0 <= raw <= 1.0:
        raise _Bad(f"must be a number from 0 to 1, not {raw!r}")
    return float(raw)


def _tolerance(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0.0 <= raw < 1.0:
        raise _Bad(f"must be a relative tolerance from 0 up to (not including) 1, e.g. 0.01, not {raw!r}")
    return float(raw)


_MONTH_NAMES = ("january february march april may june july august september october november "
                "december").split()


def _month(raw: Any) -> int:
    if isinstance(raw, str) and raw.strip().lower() in _MONTH_NAMES:
        return _MONTH_NAMES.index(raw.strip().lower()) + 1
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 12:
        return raw
    raise _Bad(f"must be a month, by name or number, e.g. \"October\" or 10, not {raw!r}")


def _dates(raw: Any) -> tuple[tuple[str, dt.date], ...]:
    if not isinstance(raw, dict):
        raise _Bad(f"must be a table of path or glob = ISO date, not {raw!r}")
    out = []
    for pattern, value in raw.items():
        if isinstance(value, dt.datetime):
            value = value.date()
        elif isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise _Bad(f"entry {pattern!r} is not an ISO date (YYYY-MM-DD): {value!r}") from None
        if not isinstance(value, dt.date):
            raise _Bad(f"entry {pattern!r} is not an ISO date (YYYY-MM-DD): {value!r}")
        out.append((pattern, value))
    return tuple(out)


def _aliases(raw: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, dict):
        raise _Bad(f"must be a table of name = [alternative names], not {raw!r}")
    out = []
    for name, alts in raw.items():
        if not name.strip():
            raise _Bad("has an empty name")
        try:
            out.append((name.strip(), _strings(alts)))
        except _Bad as bad:
            raise _Bad(f"entry {name!r} {bad}") from None
    return tuple(out)


_READERS = {
    "select": _codes,
    "ignore": _codes,
    "extend-select": _codes,
    "per-file-ignores": _per_file_ignores,
    "fail-on": _fail_on,
    "include": _strings,
    "exclude": _strings,
    "min-confidence": _fraction,
    "dates": _dates,
    "aliases": _aliases,
    "tolerance": _tolerance,
    "fiscal-year-start": _month,
}


# --------------------------------------------------------------------------- resolving

DEFAULT_FAIL_ON = "warning"
DEFAULT_MIN_CONFIDENCE = 0.6


def override(config: Config, *, select: tuple[str, ...] = (), extend_select: tuple[str, ...] = (),
             ignore: tuple[str, ...] = (), fail_on: str | None = None,
             min_confidence: float | None = None) -> Config:
    """``config`` with the command line's options laid over it (empty/None: not given).

    ``--select`` replaces both ``select`` and ``extend-select`` of the file,
    so that the command line alone says which checks run.
    """
    changes: dict[str, Any] = {}
    if select:
        changes.update(select=tuple(c.upper() for c in select), extend_select=())
    if extend_select:
        changes["extend_select"] = tuple(c.upper() for c in extend_select)
    if ignore:
        changes["ignore"] = tuple(c.upper() for c in ignore)
    if fail_on is not None:
        changes["fail_on"] = fail_on
    if min_confidence is not None:
        changes["min_confidence"] = min_confidence
    return dataclasses.replace(config, **changes)


def effective_select(config: Config) -> tuple[str, ...]:
    return (*(config.select or ("ALL",)), *config.extend_select)


def to_options(config: Config, plugins: tuple[str, ...] = ()):
    """The engine's Options for this configuration."""
    from hklint.engine import Options  # lazy: reading a config must not load the pipeline

    defaults = Options()
    return Options(
        select=effective_select(config),
        ignore=config.ignore or (),
        include=config.include if config.include is not None else defaults.include,
        exclude=config.exclude if config.exclude is not None else defaults.exclude,
        min_confidence=(config.min_confidence if config.min_confidence is not None
                        else DEFAULT_MIN_CONFIDENCE),
        date_overrides=config.date_overrides(),
        aliases=config.alias_table(),
        plugins=plugins,
        tolerance=config.tolerance,
        per_file_ignores=config.anchored_per_file_ignores(),
        fiscal_year_start=config.fiscal_year_start,
    )


def settings(config: Config) -> dict[str, Any]:
    """Every setting as it will be used, defaults filled in (``--show-settings``)."""
    options = to_options(config)
    return {
        "config-file": config.path or "(none found; defaults)",
        "select": list(effective_select(config)),
        "ignore": list(options.ignore),
        "fail-on": config.fail_on or DEFAULT_FAIL_ON,
        "include": list(options.include),
        "exclude": list(options.exclude),
        "min-confidence": options.min_confidence,
        "tolerance": options.tolerance,
        "fiscal-year-start": (_MONTH_NAMES[options.fiscal_year_start - 1].capitalize()
                              if options.fiscal_year_start else "(not set: 'FY2024' is read as calendar 2024, "
                              "'2024-25' as April to March)"),
        "per-file-ignores": {p: list(c) for p, c in config.per_file_ignores},
        "dates": dict(config.dates),
        "aliases": {name: list(alts) for name, alts in config.aliases},
    }


# --------------------------------------------------------------------------- display


def to_toml(settings: Mapping[str, Any]) -> str:
    """Settings as TOML-ish text (``--show-settings``): one ``key = value`` a line,
    tables as ``[name]`` sections after the plain keys."""
    plain, tables = [], []
    for key, value in settings.items():
        if isinstance(value, Mapping):
            lines = [f"[{key}]"] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()]
            tables.append("\n".join(lines))
        else:
            plain.append(f"{key} = {_toml_value(value)}")
    return "\n\n".join(["\n".join(plain), *tables]) + "\n"


def _toml_key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else _toml_value(key)


def _toml_value(value: Any) -> str:
    if value is None:
        return '""  # not set'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def field_names() -> tuple[str, ...]:
    """The TOML keys, in the order Config declares them (for docs and tests)."""
    return tuple(f.name.replace("_", "-") for f in fields(Config) if f.name != "path")
