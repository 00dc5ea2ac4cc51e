"""Property-based tests (hypothesis): extraction and checks on generated input.

- numbers written in every supported format, inside generated sentences:
  ``find_numbers`` never raises, spans quote the text exactly, values parse back;
- generated documents (seed sentences, generated figures, arbitrary Unicode):
  ``claims.extract`` never raises and every claim quotes the original text;
- generated claim sets: no check raises, and the findings do not depend on the
  order of the claims or documents.

Examples per property: ``EXAMPLES`` (600 numbers, 300 documents, 200 claim
sets), deadline none; the file runs in about 15 s on 2 cores.
"""
from __future__ import annotations

import datetime as dt
import math
import random
import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hklint import claims as claims_mod
from hklint.engine import Corpus, run_checks
from hklint.extract.numbers import find_numbers
from hklint.load import line_starts, normalise, to_original
from hklint.model import Claim, Document, Interval, Period, Subject, Tense
from hklint.registry import Registry

EXAMPLES = {"numbers": 600, "documents": 300, "checks": 200}
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_LINES = [line.strip() for path in sorted(SEEDS.glob("*.txt"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
SEED_FIGURE_LINES = [line for line in SEED_LINES if re.search(r"\d", line)][:400]

# Filler words that cannot change how a figure next to them is read (no
# qualifier, unit, scale, month, label or number word).
FILLER = ("the programme provides funding to universities across city and its start-ups "
          "which were located in Hong Kong this scheme supports local research teams "
          "Innovation Technology Commission said residents").split()

# "RMB" written close up ("RMB620 million") is left out: see test_rmb_close_up below.
CURRENCIES = {"": "", "$": "$", "\\$": "$", "HK$": "HKD", "US$": "USD", "RMB ": "CNY"}
SCALES = {"": 1.0, " million": 1e6, " billion": 1e9}
PERCENTS = ("%", " per cent")
QUALIFIERS = ("", "about ", "around ", "over ", "more than ", "up to ", "nearly ", "close to ", "at least ")


def _grouped(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


@st.composite
def figures(draw):
    """(written figure, its value, its unit): '**about HK$1,234.5 million**' style."""
    whole = draw(st.integers(min_value=0, max_value=10**12))
    decimals = draw(st.sampled_from(["", "", "5", "25", "75", "03"]))
    layout = draw(st.sampled_from(["plain", "comma", "space"]))
    digits = str(whole)
    number = digits if layout == "plain" else _grouped(digits, "," if layout == "comma" else " ")
    if decimals:
        number += "." + decimals
    value = float(digits + ("." + decimals if decimals else ""))
    kind = draw(st.sampled_from(["count", "money", "money", "percent"]))
    currency = draw(st.sampled_from([c for c in CURRENCIES if c])) if kind == "money" else ""
    scale = draw(st.sampled_from(list(SCALES))) if kind != "percent" else ""
    percent = draw(st.sampled_from(PERCENTS)) if kind == "percent" else ""
    if kind == "count" and not scale and layout == "plain" and not decimals:
        assume(not (len(digits) == 4 and 1900 <= whole <= 2100))  # a bare year is a date, not a count
    qualifier = draw(st.sampled_from(QUALIFIERS))
    written = f"{qualifier}{currency}{number}{scale}{percent}"
    unit = CURRENCIES[currency] if kind == "money" else ("percent" if kind == "percent" else "")
    return written, value * SCALES[scale], unit, qualifier.strip()


@st.composite
def sentences_with_a_figure(draw):
    before = draw(st.lists(st.sampled_from(FILLER), max_size=8))
    after = draw(st.lists(st.sampled_from(FILLER), max_size=8))
    written, value, unit, qualifier = draw(figures())
    bold = draw(st.booleans())
    shown = f"**{written}**" if bold else written
    prefix = " ".join(before).capitalize() + (" " if before else "")
    text = f"{prefix}{shown}{' ' if after else ''}{' '.join(after)}."
    return text, text.index(shown) + (2 if bold else 0), written, value, unit, qualifier


@settings(max_examples=EXAMPLES["numbers"], **SETTINGS)
@given(sentences_with_a_figure())
def test_find_numbers_reads_every_supported_format(case):
    text, at, written, value, unit, qualifier = case
    view, offsets = normalise(text)
    mentions = find_numbers(view)
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(view)
        assert view[m.start:m.end] == m.text, (view, m)
        start, end = to_original(offsets, m.start, m.end)
        assert 0 <= start <= end <= len(text)
    # the mention that covers the figure's digits
    digits_at = at + next(i for i, c in enumerate(written) if c.isdigit())
    covering = [m for m in mentions if to_original(offsets, m.start, m.end)[0] <= digits_at
                < to_original(offsets, m.start, m.end)[1]]
    assert len(covering) == 1, (text, mentions)
    m = covering[0]
    assert math.isclose(m.value, value, rel_tol=1e-9, abs_tol=1e-9), (text, m)
    assert m.unit == unit, (text, m)
    assert m.qualifier == qualifier, (text, m)
    start, end = to_original(offsets, m.start, m.end)
    quoted = text[start:end]
    assert quoted.replace("**", "").replace("\\$", "$") == written.replace("\\$", "$"), (text, quoted)


def test_rmb_close_up():
    # currencies written close up to the figure (seeds/002: RMB620 million)
    view = "the fund of RMB620 million and RMB2.79 trillion"
    assert [(m.value, m.unit) for m in find_numbers(view)] == [(620e6, "CNY"), (2.79e12, "CNY")]


# --------------------------------------------------------------------------- documents


@st.composite
def documents(draw):
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(SEED_FIGURE_LINES),
        sentences_with_a_figure().map(lambda case: case[0]),
        st.text(max_size=80),  # any Unicode: surrogates excluded by hypothesis' default alphabet
        st.sampled_from(["\n", "\n\n", "\r\n", "- ", "**", "# ", "| 2024 | 2025 |\n|---|---|\n", "\t", " (SKLs) "]),
    ), max_size=25))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    words = " ".join(pieces).split(" ")
    for _ in range(draw(st.integers(0, 3))):  # mutate: drop, repeat or swap a word
        if len(words) > 2:
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
    text = " ".join(words)
    return Document(path="generated.md", text=text, line_starts=line_starts(text))


@settings(max_examples=EXAMPLES["documents"], **SETTINGS)
@given(documents())
def test_extract_quotes_the_original_text(doc):
    extraction = claims_mod.extract(doc)
    for claim in extraction.claims:
        assert 0 <= claim.span.start <= claim.span.end <= len(doc.text)
        assert doc.text[claim.span.start:claim.span.end] == claim.text, claim
        assert (claim.span.line, claim.span.column) == doc.position(claim.span.start)
        assert not math.isnan(claim.value)


# --------------------------------------------------------------------------- checks

# Few subjects, attributes and units, so that generated claims often share a key
# and the conflict and supersession checks have pairs to judge.
SUBJECTS = ["State Key Laboratories", "Technology Start-up Support Scheme for Universities",
            "Technology Start-up Support Scheme for Universitys"]
ATTRIBUTES = ["count", "funding; annual; per university"]
UNITS = ["", "HKD"]
PATHS = ["a.md", "b.md", "c.md"]


@st.composite
def claim_specs(draw):
    low_closed, high_closed = draw(st.booleans()), draw(st.booleans())
    value = draw(st.sampled_from([0.0, 8e6, 12.8e6, 15.0, 16.0, 42000.0, 460.0, 1100.0, 3.5]))
    bound = draw(st.sampled_from(["point", "above", "cap", "approx"]))
    interval = {"point": Interval.point(value), "above": Interval(value, None, False, True),
                "cap": Interval(0.0, value), "approx": Interval(value * 0.9, value * 1.1, low_closed, high_closed)}[bound]
    year = draw(st.integers(2019, 2026))
    month = draw(st.integers(1, 12))
    granularity = draw(st.sampled_from(["day", "month", "year", None, None, None]))
    if granularity is None:
        as_of = None
    elif granularity == "year":
        as_of = Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year), "text")
    else:
        as_of = Period(dt.date(year, month, 1), dt.date(year, month, 28), granularity, f"{year}-{month}", "text")
    return dict(path=draw(st.sampled_from(PATHS)), subject=draw(st.sampled_from(SUBJECTS)),
                attribute=draw(st.sampled_from(ATTRIBUTES)), unit=draw(st.sampled_from(UNITS)),
                value=value, interval=interval, as_of=as_of, tense=draw(st.sampled_from(list(Tense))),
                confidence=draw(st.sampled_from([0.5, 0.7, 0.9, 1.0])))


def _build(specs, revised):
    """Documents holding each claim's sentence, and Claims pointing into them."""
    texts = {path: [f"Revision date: {revised[path].isoformat()}\n\n"] if revised[path] else [] for path in PATHS}
    built = []
    for spec in specs:
        parts = texts[spec["path"]]
        figure = f"{spec['value']:g}"
        sentence = f"The {spec['subject']} figure was {figure} this time."
        start = sum(len(p) for p in parts) + sentence.index(figure)
        parts.append(sentence + "\n")
        built.append((spec, start, figure, sentence))
    docs = {}
    for path in PATHS:
        text = "".join(texts[path])
        docs[path] = Document(path=path, text=text, line_starts=line_starts(text),
                              revision_date=revised[path], date_source="revision-line" if revised[path] else "unknown")
    claims = []
    for spec, start, figure, sentence in built:
        doc = docs[spec["path"]]
        from hklint.canon import canonical

        claims.append(Claim(
            path=doc.path, span=doc.span(start, start + len(figure)), text=figure, sentence=sentence,
            subject=Subject(canonical(spec["subject"]), spec["subject"], "counted-noun"),
            attribute=spec["attribute"], value=spec["value"], interval=spec["interval"], unit=spec["unit"],
            as_of=spec["as_of"] or _document_period(doc), tense=spec["tense"], extractor="generated",
            confidence=spec["confidence"]))
    return docs, claims


def _document_period(doc):
    """What the engine gives a claim that states no time: the document's date."""
    if doc.revision_date is None:
        return None
    return Period(doc.revision_date, doc.revision_date, "day", "", "document")


REGISTRY = Registry.discover()
CODES = REGISTRY.select(("ALL",), ())


def _findings(docs, claims):
    corpus = Corpus(tuple(docs.values()), tuple(claims), {}, (), ())
    return run_checks(corpus, REGISTRY, CODES, 0.0)


@settings(max_examples=EXAMPLES["checks"], **SETTINGS)
@given(st.lists(claim_specs(), max_size=14),
       st.lists(st.one_of(st.none(), st.dates(dt.date(2020, 1, 1), dt.date(2026, 1, 1))), min_size=3, max_size=3),
       st.randoms(use_true_random=False))
def test_checks_never_raise_and_ignore_input_order(specs, dates, rng):
    revised = dict(zip(PATHS, dates))
    docs, claims = _build(specs, revised)
    first = _findings(docs, claims)
    shuffled = list(claims)
    rng.shuffle(shuffled)
    order = list(docs)
    rng.shuffle(order)
    second = _findings({p: docs[p] for p in order}, shuffled)
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
    assert [f.message for f in first] == [f.message for f in second]
