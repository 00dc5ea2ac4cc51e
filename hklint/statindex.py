"""Content hashes of files by their stat, so that a warm run need not hash them.

A run looks up each document's claims cache entry by its content hash. The
index remembers, per absolute path, the file's (device, inode, size, mtime,
ctime) and the hash of the content read under it: when all five still agree,
the content is the same and the hash is known without hashing.

Two rules keep it from ever naming the wrong content:

- ctime is part of the signature: every write sets it and nobody can set it
  back, so content changed under a restored mtime (``touch -d``, ``cp -p``,
  an unpacked archive) is hashed again;
- a file written within ``RACY_NS`` of the stat that would record it may be
  written again in the same clock tick with the same times (git's "racily
  clean" entries): it is not recorded, and is hashed on every run until it is
  that old.

The index is one file in the cache folder, rewritten atomically (merged with
the entries another run may have written meanwhile); losing it or reading a
damaged one only costs hashing again.
"""
from __future__ import annotations

import os
import pickle
import stat
import time

from hklint import cache

NAME = "stat-index-v1.pickle"
RACY_NS = 2_000_000_000  # two seconds: coarser than any file system's timestamps but FAT's
LIMIT = 100_000  # entries kept; the least recently used go first

Signature = tuple[int, int, int, int, int]


def signature(st: os.stat_result) -> Signature:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class StatIndex:
    """absolute path -> (signature, sha256 hex digest), loaded once per run."""

    def __init__(self, entries: dict[str, tuple[Signature, str]] | None = None) -> None:
        self._entries = entries or {}
        self._recorded: dict[str, tuple[Signature, str]] = {}

    @classmethod
    def load(cls) -> StatIndex:
        return cls(_read())

    def lookup(self, path: str, sig: Signature) -> str | None:
        """The content hash of ``path`` if it is known for this very signature."""
        key = os.path.abspath(path)
        entry = self._recorded.get(key) or self._entries.get(key)
        return entry[1] if entry is not None and entry[0] == sig else None

    def record(self, path: str, sig: Signature, sha256: str, seen_ns: int) -> None:
        """Remember that ``path`` held content ``sha256`` when it had ``sig``, a
        signature taken at ``seen_ns`` (time.time_ns()) before the content was read."""
        if max(sig[3], sig[4]) > seen_ns - RACY_NS:
            return  # racily new: a write in the same tick would keep these times
        self._recorded[os.path.abspath(path)] = (sig, sha256)

    def hash_of(self, path: str, before: os.stat_result, after: os.stat_result, seen_ns: int,
                raw: bytes) -> str:
        """The sha256 of ``raw``, read from ``path`` between the stats ``before``
        (taken at ``seen_ns``) and ``after``: from the index when the file did
        not change meanwhile, else hashed and recorded."""
        import hashlib

        sig = signature(before)
        steady = sig == signature(after)
        known = self.lookup(path, sig) if steady else None
        if known is not None:
            self._recorded.setdefault(os.path.abspath(path), (sig, known))  # still in use
            return known
        digest = hashlib.sha256(raw).hexdigest()
        if steady:
            self.record(path, sig, digest, seen_ns)
        return digest

    def content_hash(self, path: str) -> str | None:
        """The sha256 of the file's content, from the index or read and hashed
        (None when it cannot be read)."""
        try:
            known = os.stat(path)
            if not stat.S_ISREG(known.st_mode):
                return None  # a FIFO or a device: reading it here could block
            sha256 = self.lookup(path, signature(known))
            if sha256 is not None:
                return sha256
            with open(path, "rb") as handle:
                seen, before = time.time_ns(), os.fstat(handle.fileno())
                raw = handle.read()
                return self.hash_of(path, before, os.fstat(handle.fileno()), seen, raw)
        except OSError:
            return None

    def save(self) -> None:
        """Write the entries recorded in this run over those on disk (another run
        may have written some since this one loaded them)."""
        if not self._recorded:
            return
        merged = _read()
        for key in self._recorded:
            merged.pop(key, None)  # re-inserted last: most recently used
        merged.update(self._recorded)
        if len(merged) > LIMIT:
            merged = dict(list(merged.items())[len(merged) - LIMIT:])
        cache.write_bytes(NAME, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL))


def _read() -> dict[str, tuple[Signature, str]]:
    raw = cache.read_bytes(NAME)
    if raw is None:
        return {}
    try:
        entries = pickle.loads(raw)
    except Exception:  # damaged or from another version: start again
        return {}
    return entries if isinstance(entries, dict) else {}
