"""The user cache folder: claims of unchanged documents, unit factors.

``HKLINT_CACHE_DIR`` names it; else ``$XDG_CACHE_HOME/hklint``; else
``~/.cache/hklint``. Every write goes to a temporary file that is renamed into
place, so concurrent runs never read a half-written entry; an unreadable or
unwritable cache is ignored, never an error.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("HKLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hklint"


def read_bytes(name: str) -> bytes | None:
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def exists(name: str) -> bool:
    return (cache_dir() / name).is_file()


def write_bytes(name: str, data: bytes) -> None:
    """Atomically store ``data``; silently gives up when the folder is not writable."""
    target = cache_dir() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        return
