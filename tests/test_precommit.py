"""The pre-commit hook (.pre-commit-hooks.yaml), run for real with ``pre-commit try-repo``.

try-repo needs a committed repository: the test copies this work tree
(tracked and untracked files, as git lists them) into a temporary repository
and commits it, so that the hook definition under test is the one on disk.
pre-commit then builds its own virtualenv with hklint installed from that
copy (this needs the package index, as ``pip install`` does) and runs the
hook in a sample repository on two documents.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

STALE = """# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong, covering fields such as biomedicine.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.
"""


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _snapshot(target: Path) -> Path:
    """This work tree as a fresh one-commit repository."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    return target


# About a minute (pre-commit builds a virtualenv and installs hklint into it): run
# in CI, or locally with HKLINT_PRECOMMIT_TEST=1, so that the everyday suite stays fast.
RUN_SLOW = bool(os.environ.get("CI") or os.environ.get("HKLINT_PRECOMMIT_TEST"))


@pytest.fixture(scope="module")
def pre_commit() -> list[str]:
    if not RUN_SLOW:
        pytest.skip("pre-commit try-repo takes about a minute: runs in CI (CI set) "
                    "or with HKLINT_PRECOMMIT_TEST=1")
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    return [sys.executable, "-m", "pre_commit"]


def test_hook_definition_is_what_the_readme_says():
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "hklint" and hook["entry"] == "hklint" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"] and hook["pass_filenames"] is True
    assert hook["require_serial"] is True  # one run sees all the files: they are compared with each other


def test_try_repo_runs_the_hook_on_a_sample_repository(pre_commit, tmp_path):
    hook_repo = _snapshot(tmp_path / "hklint-repo")
    sample = tmp_path / "sample"
    sample.mkdir()
    _git(sample, "init", "-q")
    (sample / "a.md").write_text(STALE, encoding="utf-8")
    (sample / "b.md").write_text(CURRENT, encoding="utf-8")
    (sample / "notes.py").write_text("# 16 State Key Laboratories\n", encoding="utf-8")
    _git(sample, "add", "a.md", "b.md", "notes.py")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "CI": "true"}
    env.pop("VIRTUAL_ENV", None)

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([*pre_commit, "try-repo", str(hook_repo), "hklint", "--verbose",
                               "--files", *files],
                              cwd=sample, env=env, capture_output=True, text=True, timeout=900)

    failed = run("a.md", "b.md", "notes.py")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "HK201 superseded-figure" in output and "a.md:5:21" in output
    assert "in 2 documents" in output and "notes.py" not in output  # files: keeps code out

    (sample / "a.md").write_text(STALE.replace("16 State", "15 State"), encoding="utf-8")
    passed = run("a.md", "b.md")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
