"""The JSON report of seeds/ is the same bytes whatever the order of the paths,
the hash seed of the interpreter, or how many times it runs (issue 6)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hklint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "seeds").glob("*.txt"))


def _cli(paths) -> bytes:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, [*paths, "--format", "json"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.stderr
    return result.stdout_bytes


def _subprocess(paths, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-m", "hklint", *paths, "--format", "json"], cwd=ROOT, env=env,
                          capture_output=True, timeout=300)
    assert done.returncode == 1, done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def reference() -> bytes:
    return _cli(["seeds"])


def test_same_bytes_whatever_the_order_of_the_paths(reference):
    assert _cli(list(reversed(FILES))) == reference
    # shuffled, and a file named twice (through the folder and by name) is read once
    assert _cli([FILES[2], "seeds", FILES[0], FILES[4]]) == reference


def test_same_bytes_across_hash_seeds_and_runs(reference):
    first = _subprocess(["seeds"], "0")
    assert first == _subprocess(list(reversed(FILES)), "12345")
    assert first == _subprocess(["seeds"], "0")  # a repeated run
    assert first == reference  # and the same as in-process, whatever seed pytest runs with
