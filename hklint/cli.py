"""Command line: click only. Parse options, build Options, call the engine."""
from __future__ import annotations

import json
import os
import sys
import tempfile

import click

from hklint import __version__

FORMATS = ("table", "json")
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class DefaultGroup(click.Group):
    """``hklint PATHS`` means ``hklint lint PATHS``: the first word is a command only if it names one."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["lint", *args]
        return super().parse_args(ctx, args)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _write(text: str, output: str | None) -> None:
    """Print, or write the file atomically: a temporary file, then rename."""
    if not output or output == "-":
        click.echo(text, nl=False)
        return
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".hklint-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"hklint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


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
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here (atomically).")
@click.option("--select", multiple=True, help="Code prefixes to enable (comma-separated; default ALL).")
@click.option("--ignore", multiple=True, help="Code prefixes to disable; the longest prefix wins.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), default="warning",
              show_default=True, help="Exit 1 when a finding is at or above this severity.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.6, show_default=True,
              help="Report only findings whose claims were linked at least this confidently.")
@click.option("--color/--no-color", default=None, help="Colour the table (default: when on a terminal).")
def lint_command(paths, fmt, output, select, ignore, fail_on, min_confidence, color) -> None:
    """Lint the documents in PATHS (files or directories)."""
    from hklint.engine import Options, lint
    from hklint.model import Severity
    from hklint.registry import RegistryError

    options = Options(select=_split(select) or ("ALL",), ignore=_split(ignore),
                      min_confidence=min_confidence)
    try:
        report = lint(paths, options)
    except RegistryError as err:
        raise _fail(str(err))
    for problem in report.problems:
        click.echo(f"hklint: {problem}", err=True)
    if not report.documents:
        raise _fail("no document could be read")
    if fmt == "json":
        from hklint.report.json import render as render_json

        text = render_json(report, tool_version=__version__)
    else:
        from hklint.report.table import render as render_table

        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        text = render_table(report, color=use_color)
    _write(text, output)
    if fail_on == "never":
        raise click.exceptions.Exit(EXIT_OK)
    level = Severity.parse(fail_on)
    failing = any(f.severity >= level for f in report.findings)
    raise click.exceptions.Exit(EXIT_FINDINGS if failing else EXIT_OK)


@main.command("claims")
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--subject", help="Only claims whose subject contains this text (case-insensitive).")
@click.option("--timeline", is_flag=True,
              help="Print a table per subject, oldest claim first, with as-of and document dates.")
def claims_command(paths, output, subject, timeline) -> None:
    """Dump the claims extracted from PATHS as JSON Lines (one claim a line)."""
    from hklint.canon import canonical
    from hklint.claim_io import claim_to_dict
    from hklint.engine import load_corpus

    corpus = load_corpus(paths)
    for problem in corpus.problems:
        click.echo(f"hklint: {problem}", err=True)
    if not corpus.documents:
        raise _fail("no document could be read")
    needle = (subject or "").lower()
    folded = canonical(subject) if subject else ""  # "State Key Laboratories" finds the key of "SKLs"
    chosen = [c for c in corpus.claims
              if not needle or needle in c.subject.text.lower() or needle in c.subject.key
              or (folded and folded in c.subject.key)]
    if timeline:
        from hklint.timeline import render

        _write(render(chosen, {d.path: d for d in corpus.documents}), output)
        return
    lines = [json.dumps(claim_to_dict(c), ensure_ascii=False, sort_keys=False) for c in chosen]
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
