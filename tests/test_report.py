"""Renderers and fingerprints on a small, hand-built report."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import jsonschema
import pytest

from hklint.fingerprint import fingerprint
from hklint.model import (
    CATEGORIES,
    GRANULARITIES,
    Claim,
    Document,
    Finding,
    Interval,
    Period,
    Problem,
    Report,
    Severity,
    Span,
    Subject,
    Tense,
)
from hklint.report import json as json_report
from hklint.report import table as table_report

OLD_SENTENCE = (
    "Currently, there are 16 State Key Laboratories (SKLs) approved by the Ministry of "
    "Science and Technology of China and six branches of the Chinese National Engineering "
    "Research Centres in Hong Kong."
)
NEW_SENTENCE = (
    "Hong Kong currently has 15 State Key Laboratories (SKLs) and six Hong Kong Branches of "
    "Chinese National Engineering Research Centres."
)


def make_claim(path: str, line: int, text: str, sentence: str, value: float, **kw) -> Claim:
    start = sentence.index(text)
    return Claim(
        path=path,
        span=Span(start, start + len(text), line, start + 1),
        text=text,
        sentence=sentence,
        subject=Subject("state key laboratory", "State Key Laboratories", "counted-noun"),
        attribute=kw.pop("attribute", "count"),
        value=value,
        interval=kw.pop("interval", Interval.point(value)),
        unit=kw.pop("unit", ""),
        as_of=kw.pop("as_of", None),
        tense=kw.pop("tense", Tense.CURRENT),
        extractor="test",
        confidence=0.9,
        **kw,
    )


OLD = make_claim("seeds/fact-sheet.md", 287, "16", OLD_SENTENCE, 16.0)
NEW = make_claim(
    "seeds/press release.md", 47, "15", NEW_SENTENCE, 15.0,
    as_of=Period(dt.date(2025, 7, 1), dt.date(2025, 7, 31), "month", "July 2025", "text"),
)
FINDING = Finding(
    code="HK201",
    check="superseded-figure",
    category="supersession",
    severity=Severity.WARNING,
    message="16 State Key Laboratories is superseded by 15 (as of 2025-07)",
    subject="State Key Laboratories",
    claims=(OLD, NEW),
    attribute="count",
    reason="the newer document is dated later and gives an explicit as-of date",
    confidence=1.0,
)
TSSSU = make_claim(
    "seeds/blog.txt", 3, "HK$8 million",
    "Each university can receive up to HK$8 million a year under the TSSSU.", 8_000_000.0,
    attribute="annual funding per university", unit="HKD",
    interval=Interval(None, 8_000_000.0, True, True), tense=Tense.CURRENT,
)
CONFLICT = Finding(
    code="HK101", check="conflicting-figure", category="conflict", severity=Severity.ERROR,
    message="TSSSU funding per university: HK$8 million here, $16 million elsewhere",
    subject="Technology Start-up Support Scheme for Universities", claims=(TSSSU,),
    attribute="annual funding per university", confidence=0.75,
)
DOCUMENTS = (
    Document(
        path="seeds/fact-sheet.md", text="", revision_date=dt.date(2025, 2, 25),
        date_source="revision-line", date_evidence="Revision date: 25 February 2025",
    ),
    Document(
        path="seeds/press release.md", text="", encoding="cp1252",
        revision_date=dt.date(2025, 8, 1), date_source="front-matter", date_evidence="date: 2025-08-01",
    ),
    Document(path="seeds/blog.txt", text="", date_source="unknown"),
)
REPORT = Report(
    documents=DOCUMENTS,
    findings=(FINDING, CONFLICT),
    problems=(Problem("seeds/broken.bin", "cannot decode: binary file"),),
    claim_count=812,
)


# --- JSON --------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    schema = json_report.load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_json_validates_against_schema(validator):
    text = json_report.render(REPORT, tool_version="0.1.0")
    validator.validate(json.loads(text))


def test_empty_report_validates(validator):
    text = json_report.render(Report(documents=(), findings=()), tool_version="0.1.0")
    data = json.loads(text)
    validator.validate(data)
    assert data["summary"] == {
        "documents": 0, "claims": 0, "findings": 0,
        "by_severity": {"info": 0, "warning": 0, "error": 0}, "by_code": {}}


def test_json_is_deterministic_and_ends_with_newline():
    first = json_report.render(REPORT, tool_version="0.1.0")
    assert first == json_report.render(REPORT, tool_version="0.1.0")
    assert first.endswith("}\n") and not first.endswith("\n\n")


def test_json_contents():
    data = json.loads(json_report.render(REPORT, tool_version="9.9"))
    assert list(data) == ["version", "tool", "documents", "findings", "problems", "skipped", "summary"]
    assert data["version"] == "1.2"
    assert data["skipped"] == []
    assert data["tool"] == {"name": "hklint", "version": "9.9"}
    assert data["documents"][0] == {
        "path": "seeds/fact-sheet.md", "revision_date": "2025-02-25", "date_source": "revision-line",
        "date_evidence": "Revision date: 25 February 2025", "encoding": "utf-8"}
    assert data["documents"][2]["revision_date"] is None
    finding = data["findings"][0]
    assert finding["severity"] == "warning"
    assert finding["fingerprint"] == fingerprint(FINDING)
    old, new = finding["claims"]
    assert (old["path"], old["line"], old["column"], old["text"]) == ("seeds/fact-sheet.md", 287, 22, "16")
    assert old["as_of"] is None
    assert old["revision_date"] == "2025-02-25" and old["date_source"] == "revision-line"
    assert new["as_of"] == {"start": "2025-07-01", "end": "2025-07-31", "granularity": "month",
                            "text": "July 2025", "source": "text"}
    assert new["tense"] == "current"
    capped = data["findings"][1]["claims"][0]
    assert capped["low"] is None and capped["high"] == 8000000 and capped["unit"] == "HKD"
    assert capped["revision_date"] is None and capped["date_source"] == "unknown"
    assert data["problems"] == [{"path": "seeds/broken.bin", "message": "cannot decode: binary file"}]
    assert data["summary"] == {
        "documents": 3, "claims": 812, "findings": 2,
        "by_severity": {"info": 0, "warning": 1, "error": 1},
        "by_code": {"HK101": 1, "HK201": 1}}


def test_json_writes_whole_numbers_as_ints():
    text = json_report.render(REPORT, tool_version="0.1.0")
    assert '"value": 16,' in text
    assert '"high": 8000000,' in text
    assert '"confidence": 1,' in text
    assert '"confidence": 0.75,' in text
    assert "16.0" not in text and "8000000.0" not in text
    data = json.loads(text)
    assert type(data["findings"][0]["claims"][0]["value"]) is int


def test_json_keeps_fractions_and_unicode():
    claim = dataclasses.replace(OLD, value=12.8, interval=Interval.point(12.8), sentence="“12.8” – ok")
    finding = dataclasses.replace(FINDING, claims=(claim,))
    text = json_report.render(dataclasses.replace(REPORT, findings=(finding,)), tool_version="0")
    assert '"value": 12.8,' in text
    assert "“12.8” – ok" in text


def test_schema_enums_match_the_model():
    defs = json_report.load_schema()["$defs"]
    assert tuple(defs["finding"]["properties"]["category"]["enum"]) == CATEGORIES
    assert tuple(defs["period"]["properties"]["granularity"]["enum"]) == GRANULARITIES
    assert defs["claim"]["properties"]["tense"]["enum"] == [t.value for t in Tense]
    assert defs["severity"]["enum"] == [str(s) for s in Severity]


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("findings", 0, "code"), "hk-201"),
        (("findings", 0, "severity"), "fatal"),
        (("findings", 0, "category"), "style"),
        (("documents", 0, "date_source"), "guessed"),
        (("findings", 0, "claims", 1, "as_of", "granularity"), "week"),
    ],
)
def test_schema_is_strict(validator, path, bad):
    data = json.loads(json_report.render(REPORT, tool_version="0.1.0"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_schema_refuses_unknown_keys(validator):
    data = json.loads(json_report.render(REPORT, tool_version="0.1.0"))
    data["findings"][0]["claims"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


# --- table -------------------------------------------------------------------


def test_table_shows_quotes_locations_dates_and_reason():
    text = table_report.render(REPORT)
    assert "seeds/fact-sheet.md:287:22" in text
    assert "seeds/press release.md:47:25" in text
    assert '"Currently, there are 16 State Key Laboratories' in text
    assert "Hong Kong currently has 15 State Key Laboratories" in text
    assert "2025-02-25 (revision-line)" in text
    assert "2025-08-01 (front-matter)" in text
    assert "2025-07 (text)" in text
    assert "why: the newer document is dated later and gives an explicit as-of date" in text
    assert "HK201 superseded-figure [warning] State Key Laboratories — count" in text
    assert "16 State Key Laboratories is superseded by 15 (as of 2025-07)" in text
    assert "8,000,000 HKD (≤ 8,000,000)" in text
    assert "problem: seeds/broken.bin: cannot decode: binary file" in text


def test_table_documents_section():
    text = table_report.render(REPORT)
    assert 'revision-line: "Revision date: 25 February 2025"' in text
    assert "cp1252" in text  # shown because it is not UTF-8
    assert "unknown" in text


def test_table_hides_encoding_column_when_all_utf8():
    docs = tuple(dataclasses.replace(d, encoding="utf-8") for d in DOCUMENTS)
    text = table_report.render(dataclasses.replace(REPORT, documents=docs))
    assert "encoding" not in text


def test_table_groups_by_subject_then_code():
    text = table_report.render(REPORT)
    assert text.index("HK201 superseded-figure") < text.index("HK101 conflicting-figure")


def test_table_summary_and_layout():
    text = table_report.render(REPORT)
    assert text.endswith("2 findings (1 error, 1 warning) in 3 documents, 812 claims; 1 problem\n")
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "\x1b[" not in text
    assert text == table_report.render(REPORT)


def test_summary_line_plurals():
    empty = Report(documents=DOCUMENTS[:1], findings=(), claim_count=1)
    assert table_report.summary_line(empty) == "0 findings in 1 document, 1 claim"
    infos = dataclasses.replace(REPORT, findings=(dataclasses.replace(FINDING, severity=Severity.INFO),) * 3,
                                problems=())
    assert table_report.summary_line(infos) == "3 findings (3 info) in 3 documents, 812 claims"


def test_table_color_only_when_asked():
    coloured = table_report.render(REPORT, color=True)
    assert "\x1b[" in coloured
    assert all(line == line.rstrip() for line in coloured.splitlines())


LONG = (
    "According to the latest figures released by the Innovation, Technology and Industry Bureau "
    "in its annual review of the sector, the number of State Key Laboratories in Hong Kong stood at "
    "15 after the restructuring exercise that was completed in July 2025, down from the 16 that had "
    "been approved by the Ministry of Science and Technology over the previous two decades."
)


@pytest.mark.parametrize("figure", ["According", "15", "16", "two decades."])
def test_shorten_keeps_the_figure_visible(figure):
    short = table_report.shorten(LONG, figure)
    assert figure in short
    assert len(short) <= table_report.QUOTE_WIDTH
    assert short == table_report.shorten(LONG, figure)
    assert short.startswith("…") or LONG.startswith(short.rstrip("…"))
    assert short.endswith("…") or LONG.endswith(short.lstrip("…"))
    # Cuts land between words, not inside them.
    inner = short.strip("…")
    assert f" {inner.split()[0]} " in f" {LONG} " or LONG.startswith(inner.split()[0])
    assert f" {inner.split()[-1]} " in f" {LONG} " or LONG.endswith(inner.split()[-1])


def test_shorten_short_sentence_unchanged_and_missing_figure():
    assert table_report.shorten("There are 16 SKLs.", "16") == "There are 16 SKLs."
    assert table_report.shorten(LONG, "99 widgets") == "…99 widgets…"


def test_shorten_quotes_the_occurrence_the_claim_is_at():
    # "two" occurs twice; the text before the claim's span picks the second
    sentence = ("The network runs two lines across the northern districts and the harbour front, serving "
                "many stations, of which twelve are underground and two are on viaducts above the river.")
    before = "... serving many stations, of which twelve are underground and "
    short = table_report.shorten(sentence, "two", before=before)
    assert "two are on viaducts" in short
    assert "runs two lines" not in short
    assert table_report.shorten(sentence, "two").startswith("The network runs two lines")


def test_long_sentence_is_shortened_in_table():
    claim = dataclasses.replace(OLD, sentence=LONG, text="16")
    finding = dataclasses.replace(FINDING, claims=(claim,))
    text = table_report.render(dataclasses.replace(REPORT, findings=(finding,)))
    assert LONG not in text
    assert "down from the 16 that had" in text


# --- fingerprint ---------------------------------------------------------------


def test_fingerprint_shape_and_stability():
    value = fingerprint(FINDING)
    assert len(value) == 16 and int(value, 16) >= 0
    assert value == fingerprint(FINDING)


def test_fingerprint_ignores_lines_columns_and_wording():
    moved = dataclasses.replace(OLD, span=Span(1000, 1002, 312, 7))
    edited = dataclasses.replace(
        FINDING, claims=(moved, NEW), message="reworded", reason="also reworded", confidence=0.5)
    assert fingerprint(edited) == fingerprint(FINDING)


def test_fingerprint_ignores_claim_order():
    assert fingerprint(dataclasses.replace(FINDING, claims=(NEW, OLD))) == fingerprint(FINDING)


def test_fingerprint_changes_with_value_and_identity():
    changed = dataclasses.replace(OLD, value=17.0, interval=Interval.point(17.0))
    base = fingerprint(FINDING)
    assert fingerprint(dataclasses.replace(FINDING, claims=(changed, NEW))) != base
    assert fingerprint(dataclasses.replace(FINDING, code="HK202")) != base
    assert fingerprint(dataclasses.replace(FINDING, attribute="total")) != base
    later = dataclasses.replace(NEW, as_of=dataclasses.replace(NEW.as_of, start=dt.date(2025, 8, 1)))
    assert fingerprint(dataclasses.replace(FINDING, claims=(OLD, later))) != base


def test_fingerprint_whole_float_equals_int():
    as_int = dataclasses.replace(OLD, interval=Interval.point(16))
    assert fingerprint(dataclasses.replace(FINDING, claims=(as_int, NEW))) == fingerprint(FINDING)


def test_quotes_and_messages_read_as_the_rendered_page():
    """Markdown emphasis and escapes are noise in a quote: '**iAM Smart**' and '\\$16 million'."""
    from hklint.canon import readable
    from hklint.report.table import shorten
    assert readable('"**iAM Smart**" offers \\$16 million to each_of 2*3') == \
        '"iAM Smart" offers $16 million to each_of 2*3'
    assert shorten("The ITC provides up to \\$16 million to each.", "up to \\$16 million") == \
        "The ITC provides up to $16 million to each."
