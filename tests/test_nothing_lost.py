"""Nothing lost (issue 6): inputs are never written, ``--output`` is replaced
atomically or not at all, Ctrl-C and internal errors end with one line.

Exit codes: 130 after Ctrl-C, 141 when stdout's reader went away, 2 for an
internal error (``HKLINT_DEBUG=1`` adds the traceback).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hklint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PREVIOUS = "previous report\n"


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def _stat(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two seeds plus odd files: CRLF, UTF-16, Latin-1, empty, binary, HTML."""
    root = tmp_path / "corpus"
    root.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:  # two dated fact sheets: findings, quickly
        shutil.copy2(seed, root / seed.name)
    (root / "crlf.md").write_bytes(b"Revision date: 1 May 2025\r\n\r\nThere are 15 State Key Laboratories.\r\n")
    (root / "utf16.txt").write_bytes("Hong Kong has 42 000 Wi-Fi.HK hotspots.\n".encode("utf-16"))
    (root / "latin.txt").write_bytes("Le café: 16 State Key Laboratories.\n".encode("latin-1"))
    (root / "empty.md").write_bytes(b"")
    (root / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "page.html").write_text("<p>There are 16 State Key Laboratories.</p>", encoding="utf-8")
    return root


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _one_line(result, start: str) -> str:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), result.stderr
    return lines[0]


# --------------------------------------------------------------------------- inputs are never written


def test_inputs_are_never_written(runner, corpus, tmp_path):
    before, stats = _hashes(corpus), _stat(corpus)
    for fmt in ("json", "html"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(main, [str(corpus), str(corpus / "page.html"), "--format", fmt, "--output", str(out)])
        assert result.exit_code == 1, result.output
        assert out.exists()
    baseline = tmp_path / "baseline.json"
    assert runner.invoke(main, [str(corpus), "--write-baseline", str(baseline)]).exit_code == 0
    assert runner.invoke(main, ["claims", str(corpus), "--output", str(tmp_path / "claims.jsonl")]).exit_code == 0
    assert _hashes(corpus) == before
    assert _stat(corpus) == stats  # not even rewritten with the same bytes


def test_the_report_is_never_written_over_an_input(runner, corpus):
    target = corpus / "crlf.md"
    before = target.read_bytes()
    for command in (["lint", str(corpus)], ["claims", str(corpus)]):
        result = runner.invoke(main, [*command, "--output", str(target)])
        assert result.exit_code == 2
        assert "hklint: error: refusing to write over input document" in result.stderr
        assert "Traceback" not in result.stderr
    assert target.read_bytes() == before


# --------------------------------------------------------------------------- --output is atomic


def test_a_failure_while_rendering_keeps_the_previous_report(runner, corpus, tmp_path, monkeypatch):
    import hklint.report.json

    out = tmp_path / "report.json"
    out.write_text(PREVIOUS, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(hklint.report.json, "render", broken)
    monkeypatch.delenv("HKLINT_DEBUG", raising=False)
    result = runner.invoke(main, [str(corpus), "--format", "json", "--output", str(out)])
    assert result.exit_code == 2
    line = [l for l in result.stderr.splitlines() if "internal error" in l]
    assert line == ["hklint: internal error: RuntimeError: renderer exploded "
                    "(please report it with the command line; HKLINT_DEBUG=1 shows the traceback)"]
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".hklint-")) == []


def test_a_failure_while_writing_keeps_the_previous_report(runner, corpus, tmp_path, monkeypatch):
    """The disk fills up half-way: the temporary file goes, the old report stays."""
    import hklint.cli

    out = tmp_path / "report.json"
    out.write_text(PREVIOUS, encoding="utf-8")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[:100])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(hklint.cli.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    result = runner.invoke(main, [str(corpus), "--format", "json", "--output", str(out)])
    assert result.exit_code == 2
    assert f"hklint: error: cannot write {out}: no space left on device" in result.stderr.splitlines()
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hklint-")]


def test_output_in_a_missing_directory_is_one_line(runner, corpus, tmp_path):
    out = tmp_path / "no" / "such" / "report.json"
    result = runner.invoke(main, [str(corpus), "--format", "json", "--output", str(out)])
    assert result.exit_code == 2
    assert f"hklint: error: cannot write {out}: no such file or directory" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_output_keeps_a_readable_mode(runner, corpus, tmp_path):
    out = tmp_path / "report.json"
    assert runner.invoke(main, [str(corpus), "--format", "json", "--output", str(out)]).exit_code == 1
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


# --------------------------------------------------------------------------- Ctrl-C and internal errors


@pytest.mark.parametrize("command", ["lint", "claims"])
def test_keyboard_interrupt_exits_130_with_one_line(runner, corpus, tmp_path, monkeypatch, command):
    import hklint.engine

    out = tmp_path / "report.json"
    out.write_text(PREVIOUS, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(hklint.engine, "lint" if command == "lint" else "load_corpus", interrupted)
    result = runner.invoke(main, [command, str(corpus), "--output", str(out)])
    assert result.exit_code == 130
    assert _one_line(result, "hklint: interrupted") == "hklint: interrupted"
    assert out.read_text(encoding="utf-8") == PREVIOUS


def test_keyboard_interrupt_while_rendering(runner, corpus, monkeypatch):
    import hklint.report.table

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(hklint.report.table, "render", interrupted)
    result = runner.invoke(main, [str(corpus)])
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "hklint: interrupted"
    assert "Traceback" not in result.stderr


def test_internal_error_is_one_line_and_exit_2(runner, corpus, monkeypatch):
    import hklint.engine

    def bug(*args, **kwargs):
        raise TypeError("unsupported operand\ntype(s)")

    monkeypatch.setattr(hklint.engine, "lint", bug)
    monkeypatch.delenv("HKLINT_DEBUG", raising=False)
    result = runner.invoke(main, [str(corpus)])
    assert result.exit_code == 2
    line = _one_line(result, "hklint: internal error: TypeError: unsupported operand\\ntype(s)")
    assert "please report it" in line and "HKLINT_DEBUG=1" in line


def test_hklint_debug_shows_the_traceback(runner, corpus, monkeypatch):
    import hklint.engine

    def bug(*args, **kwargs):
        raise TypeError("unsupported operand")

    monkeypatch.setattr(hklint.engine, "lint", bug)
    monkeypatch.setenv("HKLINT_DEBUG", "1")
    result = runner.invoke(main, [str(corpus)])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert "in bug" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("hklint: internal error: TypeError")


def _spawn(args, **kwargs):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("HKLINT_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "hklint", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_real_ctrl_c_in_a_subprocess(tmp_path):
    """SIGINT half-way through a long run (a 5 MB corpus): exit 130, one line, no traceback."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    big = tmp_path / "big.txt"
    big.write_text(text * 20, encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text(PREVIOUS, encoding="utf-8")
    child = _spawn([str(big), "--format", "json", "--output", str(out)])
    time.sleep(2.5)  # past the imports, inside the run
    if child.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert stderr.decode().splitlines() == ["hklint: interrupted"]
    assert stdout == b""
    assert out.read_text(encoding="utf-8") == PREVIOUS


def test_a_closed_pipe_is_quiet(runner, corpus, monkeypatch):
    """``hklint claims DIR | head``: writing to a pipe nobody reads ends quietly with 141.

    Simulated: this sandbox's pipes do not report EPIPE to the writer, so a real
    ``| head`` cannot be tested here.
    """
    import hklint.cli

    real_echo = hklint.cli.click.echo

    def echo(message=None, *args, **kwargs):
        if kwargs.get("err"):
            return real_echo(message, *args, **kwargs)
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(hklint.cli.click, "echo", echo)
    for command in (["claims", str(corpus)], [str(corpus)]):
        result = runner.invoke(main, command)
        assert result.exit_code == 141
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_output_to_a_device_writes_into_it_and_never_replaces_it(tmp_path):
    """-o /dev/null must not rename a file over the device (as root it could)."""
    import os
    import stat

    from click.testing import CliRunner

    from hklint.cli import main

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    (tmp_path / "a.md").write_text("The **Alpha Fund** has 12 members.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path / "a.md"), "--format", "json", "-o", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a regular file
    assert received and '"findings"' in received[0]
