"""Regenerate the committed reports of seeds/: ``python -m hklint.tools.make_reports``.

Run from the repository root; writes reports/seeds.txt and reports/seeds.json.
"""
from __future__ import annotations

import sys
from pathlib import Path

from hklint import __version__
from hklint.engine import lint
from hklint.report.json import render as render_json
from hklint.report.table import render as render_table


def main() -> int:
    root = Path.cwd()
    if not (root / "seeds").is_dir():
        print("make_reports: run from the repository root (no seeds/ here)", file=sys.stderr)
        return 2
    report = lint(["seeds"])
    out = root / "reports"
    out.mkdir(exist_ok=True)
    (out / "seeds.txt").write_text(render_table(report), encoding="utf-8", newline="\n")
    (out / "seeds.json").write_text(render_json(report, tool_version=__version__),
                                    encoding="utf-8", newline="\n")
    print(f"wrote {out / 'seeds.txt'} and {out / 'seeds.json'}: {len(report.findings)} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
