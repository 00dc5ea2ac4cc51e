"""The HTML report opened in a real headless browser (Debian's chromium).

The rendered DOM must show every finding's code and quotes, and a document
holding a <script> must show it as text without running it. A control page
with the same script proves that this browser runs inline scripts at all, so
the second check cannot pass by accident. Skipped, with the reason, when no
chromium can be found (``apt-get install -y chromium``; .ci/run does it when
it runs as root).
"""
from __future__ import annotations

import html
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hklint.engine import Options, lint
from hklint.report.html import render

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# What the hostile document's script would do: add a marker element and retitle the page.
SCRIPT = ("<script>document.body.appendChild(Object.assign(document.createElement('div'),"
          " {id: 'pwned-marker'})); document.title = 'pwned';</script>")

STALE = f"""# Research capacity in Hong Kong

Revision date: 25 February 2025

There are currently 16 State Key Laboratories in Hong Kong {SCRIPT} & more.

The Technology Start-up Support Scheme for Universities provides annual funding of up to HK$8 million to each university.
"""

CURRENT = """# Innovation and technology fact sheet

Last updated: 31 July 2025

Hong Kong currently has 15 State Key Laboratories, which carry out research of national importance.

The Technology Start-up Support Scheme for Universities provides annual funding of up to HK$16 million to each university.
"""

UNDATED = """# <i>Start-ups</i>

Under the Technology Start-up Support Scheme for Universities, annual funding of up to HK$4 million is provided to each university.
"""


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    found = _browser()
    if found is None:
        pytest.skip("no headless browser: none of " + ", ".join(BROWSERS) + " is on PATH "
                    "(install Debian's with `apt-get install -y chromium`)")
    return found


def dump_dom(browser: str, page: Path, profile: Path) -> str:
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
               "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<html" in done.stdout, done.stderr[-2000:]
    return done.stdout


class _Text(HTMLParser):
    """The text a reader sees: character data of the DOM, entities decoded, no tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.ids: list[str] = []
        self.title = ""
        self._in_title = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.ids.extend(v for k, v in attrs if k == "id" and v)
        self._in_title = tag == "title"
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        self._in_title = False
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self._skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def _read(dom: str) -> _Text:
    parser = _Text()
    parser.feed(dom)
    return parser


def test_rendered_page_shows_every_finding_and_runs_no_document_script(browser, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("stale.md", STALE), ("current.md", CURRENT), ("undated.md", UNDATED)):
        (docs / name).write_text(text, encoding="utf-8")
    report = lint([str(docs)], Options())
    assert {f.code for f in report.findings} >= {"HK101", "HK201", "HK601"}
    page = tmp_path / "report.html"
    page.write_text(render(report, tool_version="test"), encoding="utf-8")

    dom = dump_dom(browser, page, tmp_path / "profile")
    seen = _read(dom)
    for finding in report.findings:
        assert finding.code in seen.text
        for claim in finding.claims:
            assert " ".join(claim.text.split()) in seen.text, claim.text
            quote = " ".join(claim.sentence.split())
            assert quote[:60] in seen.text, quote
    assert dom.count("<article") == len(report.findings)
    assert dom.count("<mark>") >= sum(len(f.claims) for f in report.findings)

    # the hostile document: shown as text, never run
    assert SCRIPT in seen.text
    assert html.escape("<script>document.body", quote=False) in dom
    assert "pwned-marker" not in seen.ids
    assert seen.title != "pwned" and seen.title.startswith("hklint report")
    assert "<i>" not in dom.split("</style>", 1)[1], "markup from a document stays text"


def test_control_the_browser_runs_inline_scripts(browser, tmp_path):
    """Without this, 'the script did not run' could mean 'this browser runs no scripts'."""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>control</title></head><body>{SCRIPT}</body></html>",
                    encoding="utf-8")
    seen = _read(dump_dom(browser, page, tmp_path / "profile"))
    assert "pwned-marker" in seen.ids and seen.title == "pwned"
