"""Timing a command as a child process: wall time, CPU time and peak memory.

Peak memory comes from GNU time (``/usr/bin/time -f %M``, the largest
resident set of any one process it waited for) when it is installed, else
from ``resource.getrusage(RUSAGE_CHILDREN)`` (a running maximum over all
children so far, so only an upper bound after the first run). When the
command starts worker processes, a sampler also adds up the resident sets of
the whole process tree every 0.1 s.
"""
from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

GNU_TIME = "/usr/bin/time"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
SAMPLE_EVERY = 0.1  # seconds between two looks at the process tree


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and its children
    rss_mb: float  # peak resident set of the largest single process
    tree_mb: float  # peak sum over the process tree (sampled; 0 when not sampled)
    returncode: int

    @property
    def peak_mb(self) -> float:
        return max(self.rss_mb, self.tree_mb)


def gnu_time_available() -> bool:
    if not os.path.exists(GNU_TIME):
        return False
    probe = subprocess.run([GNU_TIME, "-f", "%M", "true"], capture_output=True, text=True)
    return probe.returncode == 0 and probe.stderr.strip().isdigit()


def run(argv: Sequence[str], *, cwd: str | Path | None = None, env: Mapping[str, str] | None = None,
        sample_tree: bool = False) -> Run:
    """Run ``argv`` once, output discarded, and measure it."""
    if gnu_time_available():
        return _run_gnu_time(argv, cwd, env, sample_tree)
    return _run_rusage(argv, cwd, env, sample_tree)


def _run_gnu_time(argv, cwd, env, sample_tree) -> Run:
    fd, report = tempfile.mkstemp(prefix="bench-time-")
    os.close(fd)
    try:
        start = time.perf_counter()
        proc = subprocess.Popen([GNU_TIME, "-o", report, "-f", "%U %S %M", *argv], cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tree = _TreeSampler(proc.pid) if sample_tree else None
        proc.wait()
        wall = time.perf_counter() - start
        if tree:
            tree.stop()
        text = Path(report).read_text().strip().splitlines()
        user, system, rss_kb = text[-1].split()  # a first line may say "Command exited with ..."
    finally:
        os.unlink(report)
    return Run(wall, float(user) + float(system), int(rss_kb) / 1024,
               tree.peak_mb if tree else 0.0, proc.returncode)


def _run_rusage(argv, cwd, env, sample_tree) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = _TreeSampler(proc.pid, include_root=True) if sample_tree else None
    proc.wait()
    wall = time.perf_counter() - start
    if tree:
        tree.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, after.ru_maxrss / 1024, tree.peak_mb if tree else 0.0, proc.returncode)


class _TreeSampler:
    """Peak of the summed resident sets of a process's descendants, from /proc."""

    def __init__(self, root: int, include_root: bool = False) -> None:
        self.root, self.include_root = root, include_root
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._sum() * PAGE / 2**20)
            self._stop.wait(SAMPLE_EVERY)

    def _sum(self) -> int:
        parent: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry)] = int(fields[1])  # after "pid (comm)": state, ppid, ...
            rss[int(entry)] = int(fields[21])
        total = rss.get(self.root, 0) if self.include_root else 0
        for pid in parent:
            p, seen = parent.get(pid), 0
            while p and p != self.root and seen < 64:
                p, seen = parent.get(p), seen + 1
            if p == self.root:
                total += rss[pid]
        return total

