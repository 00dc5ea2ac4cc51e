"""Command line: click only. Parse options, build Options, call the engine."""
from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile

import click

from hklint import __version__

FORMATS = ("table", "json", "json-lines", "sarif", "github", "html")
FAIL_LEVELS = ("info", "warning", "error", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away (`hklint ... | head`)


class DefaultGroup(click.Group):
    """``hklint PATHS`` means ``hklint lint PATHS``: the first word is a command only if it names one."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        """Run the command; Ctrl-C, a closed pipe or a bug end the run with one line, never a traceback."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _debug_traceback()
            _say("hklint: interrupted")
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as err:  # noqa: BLE001 - the last line of defence
            _debug_traceback()
            _say(f"hklint: internal error: {type(err).__name__}: {_one_line(str(err))} "
                 f"(please report it with the command line; HKLINT_DEBUG=1 shows the traceback)")
            raise click.exceptions.Exit(EXIT_USAGE) from None


def _debug_traceback() -> None:
    if os.environ.get("HKLINT_DEBUG", "").strip() not in ("", "0"):
        import traceback

        traceback.print_exc(file=sys.stderr)


def _say(line: str) -> None:
    """One line on stderr, even when stderr is gone."""
    try:
        click.echo(line, err=True)
    except OSError:
        pass


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        sys.stdout.flush()
    except OSError:
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (CliRunner): nothing will flush it


def _one_line(text: str) -> str:
    """Control characters (a newline in a file name, an escape sequence) shown as escapes."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _report_problems(problems, have_documents: bool) -> None:
    """Each problem as ``hklint: PATH: problem``; exit 2 when no document could be read.

    With nothing read and a single problem, the two facts make one line.
    """
    if not have_documents and len(problems) == 1:
        raise _fail(f"no document could be read: {_one_line(str(problems[0]))}")
    for problem in problems:
        _say(f"hklint: {_one_line(str(problem))}")
    if not have_documents:
        raise _fail("no document could be read")


def _refuse_inputs(output: str | None, documents) -> None:
    """Never write a report over a document that was just read."""
    if not output or output == "-" or not os.path.exists(output):
        return
    for doc in documents:
        try:
            same = os.path.samefile(output, doc.path)
        except OSError:
            continue
        if same:
            raise _fail(f"refusing to write over input document {_one_line(doc.path)}")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _write(text: str, output: str | None) -> None:
    """Print, or write the file atomically: a temporary file, then rename."""
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    if os.path.exists(output) and not os.path.isfile(output):
        # a device or a pipe (-o /dev/null, -o /dev/stdout): write into it; renaming
        # a file over it would replace the device itself
        try:
            with open(output, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as err:
            raise _fail(f"cannot write {_one_line(output)}: {_reason(err)}") from None
        return
    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".hklint-", dir=directory)
    except OSError as err:
        raise _fail(f"cannot write {_one_line(output)}: {_reason(err)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        _readable(tmp)
        os.replace(tmp, output)
    except BaseException as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise _fail(f"cannot write {_one_line(output)}: {_reason(err)}") from None
        raise


def _reason(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _readable(path: str) -> None:
    """mkstemp makes files only the owner can read; give the report the usual mode (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"hklint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


def _with_document(record: dict, doc) -> dict:
    """A claim's line also carries its document's date, so checks can run from the dump alone."""
    if doc is not None:
        record["document_revision_date"] = doc.revision_date.isoformat() if doc.revision_date else None
        record["document_date_source"] = doc.date_source
        record["document_date_evidence"] = doc.date_evidence
    return record


JOBS_OPTION = click.option(
    "--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
    help="Processes extracting documents; 0 = one per core (used for corpora over 2 MB).")
CACHE_OPTION = click.option(
    "--cache/--no-cache", "use_cache", default=True, show_default=True,
    help="Reuse the claims of unchanged documents (cache folder: $HKLINT_CACHE_DIR, "
         "else ~/.cache/hklint).")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hklint")
def main() -> None:
    """Fact-consistency linter for document corpora.

    \b
    hklint PATHS...            lint documents (same as `hklint lint`)
    hklint claims PATHS...     dump extracted claims as JSON Lines
    hklint rules               list the checks
    hklint rule HK201          show one check's documentation
    """


@main.command("lint")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people; json, json-lines, sarif, github (workflow commands), html.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here (atomically).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Read settings from this file (default: hklint.toml or [tool.hklint] in "
                   "pyproject.toml, from here upward).")
@click.option("--select", multiple=True, help="Code prefixes to enable (comma-separated; default ALL).")
@click.option("--extend-select", multiple=True, help="Code prefixes to enable on top of --select.")
@click.option("--ignore", multiple=True, help="Code prefixes to disable; the longest prefix wins.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding is at or above this severity.  [default: warning]")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Report only findings whose claims were linked at least this confidently.  [default: 0.6]")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report and fail only on findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in this baseline file (atomically) and exit 0.")
@click.option("--statistics", is_flag=True, help="Also print the number of findings per code.")
@click.option("--show-settings", is_flag=True, help="Print the resolved configuration and exit.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when on a terminal).")
@JOBS_OPTION
@CACHE_OPTION
@click.option("--dask", "dask_scheduler", default="", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address, or 'local' (pip install 'hklint[dask]').")
@click.option("--from-claims", is_flag=True,
              help="PATHS are JSON Lines dumps of `hklint claims`: run the checks on those claims alone.")
def lint_command(paths, fmt, output, config_file, select, extend_select, ignore, fail_on,
                 min_confidence, baseline_file, write_baseline, statistics, show_settings,
                 color, jobs, use_cache, dask_scheduler, from_claims) -> None:
    """Lint the documents in PATHS (files or directories)."""
    from hklint import config as config_mod
    from hklint.engine import collector_paused, lint
    from hklint.model import Severity
    from hklint.registry import RegistryError

    try:
        config = config_mod.load(config_file)
    except config_mod.ConfigError as err:
        raise _fail(str(err))
    config = config_mod.override(config, select=_split(select), extend_select=_split(extend_select),
                                 ignore=_split(ignore), fail_on=fail_on, min_confidence=min_confidence)
    if show_settings:
        click.echo(config_mod.to_toml(config_mod.settings(config)), nl=False)
        raise click.exceptions.Exit(EXIT_OK)
    if not paths:
        raise click.UsageError("Missing argument 'PATHS...'.")
    known = _read_baseline(baseline_file) if baseline_file and not write_baseline else None
    progress = _Progress()
    try:
        options = dataclasses.replace(config_mod.to_options(config), jobs=jobs, cache=use_cache,
                                      dask=dask_scheduler)
        report = lint(paths, options, progress=progress if progress.wanted else None,
                      from_claims=from_claims)
    except (RegistryError, RuntimeError) as err:  # RuntimeError: --dask without Dask
        raise _fail(str(err))
    finally:
        progress.close()
    _report_problems(report.problems, bool(report.documents))
    _refuse_inputs(output, report.documents)
    _refuse_inputs(write_baseline, report.documents)
    if write_baseline:
        from hklint.baseline import write

        count = write(write_baseline, report.findings)
        click.echo(f"hklint: wrote {count} finding{'' if count == 1 else 's'} to baseline {write_baseline}",
                   err=True)
    elif known is not None:
        from hklint.baseline import apply

        report, hidden = apply(report, known)
        if hidden:
            click.echo(f"hklint: {hidden} finding{'' if hidden == 1 else 's'} in baseline "
                       f"{baseline_file} not shown", err=True)
    colored = color if color is not None else (output is None and sys.stdout.isatty())
    with collector_paused():
        text = _render(report, fmt, color=colored)
    if statistics and fmt == "table":
        text += "\n" + _statistics(report)
    _write(text, output)
    if statistics and fmt != "table":
        click.echo(_statistics(report), err=True, nl=False)
    level_name = config.fail_on or config_mod.DEFAULT_FAIL_ON
    if level_name == "never" or write_baseline:
        raise click.exceptions.Exit(EXIT_OK)
    level = Severity.parse(level_name)
    failing = any(f.severity >= level for f in report.findings)
    raise click.exceptions.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _read_baseline(path: str) -> frozenset[str]:
    from hklint.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as err:
        raise _fail(str(err))


def _render(report, fmt: str, *, color: bool) -> str:
    """The report in one of FORMATS; each renderer is imported only when used."""
    if fmt == "json":
        from hklint.report.json import render as render_json

        return render_json(report, tool_version=__version__)
    if fmt == "json-lines":
        from hklint.report.jsonl import render as render_jsonl

        return render_jsonl(report)
    if fmt == "sarif":
        from hklint.report.sarif import render as render_sarif

        return render_sarif(report, tool_version=__version__)
    if fmt == "github":
        from hklint.report.github import render as render_github

        return render_github(report)
    if fmt == "html":
        from hklint.report.html import render as render_html

        return render_html(report, tool_version=__version__)
    from hklint.report.table import render as render_table

    return render_table(report, color=color)


def _statistics(report) -> str:
    """Findings per code, most frequent first: ``count  code  name``."""
    from collections import Counter

    from tabulate import tabulate

    counts = Counter((f.code, f.check) for f in report.findings)
    rows = [[n, code, name] for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    rows.append([sum(counts.values()), "", "total"])
    return tabulate(rows, headers=["count", "code", "check"], tablefmt="simple", disable_numparse=True,
                    colalign=("right", "left", "left")) + "\n"


# Files read before a progress bar is worth showing.
PROGRESS_MIN_FILES = 20


class _Progress:
    """A progress bar on stderr while documents are read: only on a terminal, never in CI."""

    def __init__(self) -> None:
        ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
        self.wanted = sys.stderr.isatty() and not ci
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_MIN_FILES:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="reading documents",
                                          file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@main.command("claims")
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--subject", help="Only claims whose subject contains this text (case-insensitive).")
@click.option("--timeline", is_flag=True,
              help="Print a table per subject, oldest claim first, with as-of and document dates.")
@JOBS_OPTION
@CACHE_OPTION
def claims_command(paths, output, subject, timeline, jobs, use_cache) -> None:
    """Dump the claims extracted from PATHS as JSON Lines (one claim a line)."""
    from hklint.canon import canonical
    from hklint.claim_io import claim_to_dict
    from hklint.engine import Options, load_corpus

    corpus = load_corpus(paths, Options(jobs=jobs, cache=use_cache))
    _report_problems(corpus.problems, bool(corpus.documents))
    _refuse_inputs(output, corpus.documents)
    needle = (subject or "").lower()
    folded = canonical(subject) if subject else ""  # "State Key Laboratories" finds the key of "SKLs"
    chosen = [c for c in corpus.claims
              if not needle or needle in c.subject.text.lower() or needle in c.subject.key
              or (folded and folded in c.subject.key)]
    if timeline:
        from hklint.timeline import render

        _write(render(chosen, {d.path: d for d in corpus.documents}), output)
        return
    docs = {d.path: d for d in corpus.documents}
    lines = [json.dumps(_with_document(claim_to_dict(c), docs.get(c.path)), ensure_ascii=False,
                        sort_keys=False) for c in chosen]
    _write("".join(line + "\n" for line in lines), output)


@main.command("rules")
def rules_command() -> None:
    """List the checks: code, slug, category, default severity."""
    from tabulate import tabulate

    from hklint.registry import Registry

    registry = Registry.discover()
    rows = [[c.code, c.name, c.category, str(c.severity), _summary(c.doc)] for c in registry.checks]
    click.echo(tabulate(rows, headers=["code", "name", "category", "severity", "what it finds"]))


@main.command("rule")
@click.argument("code")
def rule_command(code: str) -> None:
    """Show the documentation of one check, by code or slug."""
    from hklint.registry import Registry

    registry = Registry.discover()
    for info in registry.checks:
        if code.upper() == info.code or code.lower() == info.name:
            click.echo(f"{info.code} {info.name} ({info.category}, default severity {info.severity})\n")
            click.echo(info.doc.strip())
            return
    raise _fail(f"unknown check {code!r}; `hklint rules` lists them")


def _summary(doc: str) -> str:
    first = doc.strip().splitlines()[0] if doc.strip() else ""
    return first.split(":", 1)[-1].strip()
