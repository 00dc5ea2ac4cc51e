"""The user cache folder: claims of unchanged documents, unit factors.

``HKLINT_CACHE_DIR`` names it; else ``$XDG_CACHE_HOME/hklint``; else
``~/.cache/hklint``. Every write goes to a temporary file that is renamed into
place, so concurrent runs never read a half-written entry; an unreadable or
unwritable cache is ignored, never an error.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

# Entries of another version of hklint's code are removed once nothing has
# written to them for this long (two installed versions sharing the cache keep
# theirs while both are in use).
PRUNE_AFTER = 7 * 24 * 3600  # seconds


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


def prune(kind: str, keep: str, now: float | None = None) -> None:
    """Remove what ``kind`` (a cache subfolder) holds for other code versions than
    ``keep`` once it has not been written for PRUNE_AFTER: folders of other
    versions and loose entries of the flat layout older hklint wrote. Best
    effort: a concurrent run or an unwritable folder is never an error."""
    root = cache_dir() / kind
    now = time.time() if now is None else now
    limit = now - PRUNE_AFTER
    try:
        os.utime(root / keep, (now, now))  # in use: a run that only reads keeps it too
    except OSError:
        pass
    try:
        children = list(os.scandir(root))
    except OSError:
        return
    for entry in children:
        if entry.name == keep or entry.name.startswith(".tmp-"):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif entry.name.endswith(".pickle"):
                os.unlink(entry.path)
        except OSError:
            continue
