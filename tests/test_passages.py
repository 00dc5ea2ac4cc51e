"""hklint.passages: paragraphs with figures, original spans, rounding and bounds."""
from __future__ import annotations

from hklint.load import line_starts
from hklint.model import Claim, Document
from hklint.passages import (bounds, claim_for, claims_by_span, decimals, fmt, loose_rounding, passages,
                             rounding, split_range)


def doc(text: str, path: str = "x.md") -> Document:
    return Document(path=path, text=text, line_starts=line_starts(text))


def test_passages_are_paragraphs_with_original_spans():
    text = "# Title\n\nFirst **42,000** hotspots.\n\nNo figures here.\n\n- allocated \\$16 million to each\n"
    d = doc(text)
    found = passages(d)
    assert [p.text.strip() for p in found] == ["First 42,000 hotspots.", "- allocated $16 million to each"]
    first, second = found[0].figures[0], found[1].figures[0]
    assert text[first.start:first.end] == first.text == "42,000"
    assert first.value == 42000
    assert second.text == "$16 million" and second.unit == "$" and second.value == 16e6


def test_dates_are_not_figures():
    d = doc("On 30 April 2018, 23 companies listed in 2020-21.\n")
    assert [f.text for f in passages(d)[0].figures] == ["23"]


def test_sentences_of_a_passage():
    d = doc("It rose from 138 in 2016. It reached 468 in 2020.\n")
    p = passages(d)[0]
    a, b = p.figures
    assert p.sentence_of(a.mention.start) != p.sentence_of(b.mention.start)
    assert p.original_sentence(b.mention.start) == "It reached 468 in 2020."


def test_rounding_is_half_a_unit_of_the_last_digit():
    p = passages(doc("HK$10 billion (US$1.28 billion), 468 and 0.73% and three.\n"))[0]
    hk, us, n, pct, word = p.figures
    assert rounding(hk) == 0.5e9
    assert abs(rounding(us) - 0.005e9) < 1
    assert rounding(n) == 0.5 and abs(rounding(pct) - 0.005) < 1e-12
    assert rounding(word) == 0.0 and decimals(us) == 2 and decimals(hk) == 0


def test_bounds_widen_for_about_not_for_caps():
    p = passages(doc("about 460 services and up to $16 million each.\n"))[0]
    about, cap = p.figures
    lo, hi = bounds(about)
    assert lo <= 450 and hi >= 470
    assert bounds(cap, rounded=False) == (16e6, 16e6)


def test_claim_for_reuses_an_extracted_claim_or_makes_one():
    d = doc("The fund gave HK$10 billion to it.\n")
    p = passages(d)[0]
    fig = p.figures[0]
    made = claim_for(p, fig, [], "Fund", "amount")
    assert isinstance(made, Claim) and made.text == "HK$10 billion" and made.span.line == 1
    assert made.sentence == "The fund gave HK$10 billion to it."
    assert claim_for(p, fig, claims_by_span([made]), "Other", "x") is made


def test_fmt():
    assert fmt(45e6) == "45 million" and fmt(3.3913) == "3.39" and fmt(19008) == "19,008"


def test_loose_rounding_reads_trailing_zeros_as_rounding():
    p = passages(doc("a total of 2 200 projects, HK$1.2 billion and 31%.\n"))[0]
    total, money, pct = p.figures
    assert loose_rounding(total) == 44 and abs(loose_rounding(money) - 0.05e9) < 1
    assert loose_rounding(passages(doc("HK$10 billion and 15.\n"))[0].figures[0]) == 0.0
    assert loose_rounding(pct) == 0.5


def test_split_range_gives_both_ends_with_the_shared_scale():
    # a real range ("funding from 10 to 100 million"); "grew from ... to" is
    # no longer merged into a range by the extractor
    p = passages(doc("Funding from 10 to 100 million is provided.\n"))[0]
    (rng,) = p.figures
    a, b = split_range(p, rng)
    assert (a.text, a.value, b.text, b.value) == ("10", 1e7, "100 million", 1e8)
    assert split_range(p, p.figures[0]) is not None and split_range(p, a) is None
