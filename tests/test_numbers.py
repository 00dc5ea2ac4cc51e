"""Numeric mentions: real sentences from seeds/ and sentences built to break the patterns."""
from __future__ import annotations

import pytest

from hklint.extract.numbers import find_numbers, precision_unit


def one(text):
    found = [m for m in find_numbers(text)]
    assert len(found) == 1, [(m.text, m.kind) for m in found]
    return found[0]


@pytest.mark.parametrize("text, value", [
    ("There are currently around 42,000 hotspots", 42000),
    ("There are around 42 000 hotspots in town", 42000),   # space as thousands separator
    ("access more than 1 100 services", 1100),
    ("78 701 projects", 78701),
    ("registrations reaching 16.22 million", 16.22e6),
])
def test_counts_with_separators(text, value):
    assert one(text).value == pytest.approx(value)


@pytest.mark.parametrize("text, value, unit", [
    ("an annual subsidy amount of \\$16 million", 16e6, "$"),   # escaped, bare dollar: currency decided per corpus
    ("HK$10 billion", 10e9, "HKD"),
    ("US$1.2 billion", 1.2e9, "USD"),
    ("about RMB 1.03 billion", 1.03e9, "CNY"),
    ("approximately HKD 153 billion in funding", 153e9, "HKD"),  # ISO codes before an amount
    ("USD 2.5 million", 2.5e6, "USD"),
    ("more than 43 billion euros", 43e9, "EUR"),
    ("HK$5-billion Strategic Tech Fund", 5e9, "HKD"),
])
def test_money(text, value, unit):
    m = [m for m in find_numbers(text) if m.kind == "money"][0]
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, kind, metres", [
    ("a total floor area of more than 100,000 square feet", "area", 100_000 * 0.09290304),
    ("about 2,000 sq. ft. of laboratory space", "area", 2_000 * 0.09290304),
    ("some 800 square miles of forest", "area", 800 * 2_589_988.110336),
    ("13 miles of new track", "length", 13 * 1609.344),
])
def test_imperial_areas_and_lengths(text, kind, metres):
    m = [m for m in find_numbers(text) if m.kind == kind][0]
    assert m.value == pytest.approx(metres)


def test_identifiers_spaced_currencies_plus_and_percent_words():
    assert find_numbers("LC Paper No. CB(1)868/20-21(02)") == []  # a paper's number, not figures
    assert [(m.unit, m.value) for m in find_numbers("US$ 4.6 billion (HK$ 35.7 billion)")] == [
        ("USD", 4.6e9), ("HKD", 35.7e9)]
    plus = find_numbers("1,800+ companies")[0]
    assert plus.text == "1,800+" and plus.interval.low == 1800 and plus.interval.high is None
    assert [(m.kind, m.value) for m in find_numbers("just six per cent of users")] == [("percent", 6.0)]


def test_a_raised_ceiling_is_a_change_not_a_range():
    found = find_numbers("raising the funding ceiling for each applicant from HK$400,000 to HK$600,000")
    assert [(m.text, m.qualifier) for m in found] == [("HK$400,000", ""), ("HK$600,000", "")]


def test_decimal_commas_volumes_and_note_marks():
    assert [(m.kind, m.value) for m in find_numbers("dam levels stand at 35,1% and 80,6 per cent")] == [
        ("percent", 35.1), ("percent", 80.6)]
    assert find_numbers("1,100 and 35,100")[1].value == 35100  # thousands stay thousands
    litres = find_numbers("usage of 641 million litres a day")[0]
    assert litres.kind == "volume" and litres.value == pytest.approx(641_000)
    assert [m.text for m in find_numbers("6,616+ (2023)[1] employees")] == ["6,616+"]  # "[1]" is a note mark


def test_more_dollars_and_yen():
    found = find_numbers("a deficit of S$5.1 billion, SG$10.3 billion, A$2 million and some 1.35 trillion yen")
    assert [(m.unit, m.value) for m in found] == [("SGD", 5.1e9), ("SGD", 10.3e9), ("AUD", 2e6), ("JPY", 1.35e12)]


def test_basis_points_are_hundredths_of_a_percent():
    assert [(m.kind, m.value) for m in find_numbers("specific allowances at 18 basis points, up 25 bps")] == [
        ("percent", 0.18), ("percent", 0.25)]


def test_scale_abbreviations():
    assert [m.value for m in find_numbers("58.7 mln passengers, 2 bln yuan")] == [58.7e6, 2e9]


def test_clock_times_hash_ranks_and_dollars_in_words():
    assert find_numbers("Updated 09:23:02 UTC") == []          # a clock time, not figures
    assert [(m.kind, m.value) for m in find_numbers("the #1 university")] == [("rank", 1.0)]
    m = find_numbers("180 million Hong Kong dollars (23.19 million U.S. dollars)")
    assert [(x.unit, x.value) for x in m] == [("HKD", 180e6), ("USD", 23.19e6)]
    assert find_numbers("129.9 mi of track")[0].kind == "length"


@pytest.mark.parametrize("text, kind, si", [
    ("It installed just 1.9 GW of solar capacity last year", "power", 1.9e9),
    ("installs eclipse 7.4 GigaWatts", "power", 7.4e9),
    ("a 500 MW plant", "power", 5e8),
    ("2.8 GWp of modules", "power", 2.8e9),
    ("35.2 terawatt-hours in 2014", "energy", 35.2e12),
    ("36,056 GWh in the preceding year", "energy", 36056e9),
])
def test_power_and_energy(text, kind, si):
    m = [m for m in find_numbers(text) if m.kind == kind][0]
    assert m.value == pytest.approx(si)


def test_areas_are_converted_by_pint():
    m = [m for m in find_numbers("provide about 1 million square metres gross floor area") if m.kind == "area"][0]
    assert m.unit == "m**2" and m.value == pytest.approx(1e6)
    h = one("The 22-hectare Hong Kong Science Park")
    assert h.kind == "area" and h.value == pytest.approx(220_000)


def test_percentages():
    found = find_numbers("from 0.73% of GDP to 1.5% in five years")
    assert [(m.kind, m.value) for m in found][:2] == [("percent", 0.73), ("percent", 1.5)]


@pytest.mark.parametrize("text, low, high, low_closed, high_closed", [
    ("about 460 services", 450, 470, True, True),          # one unit of the last stated digit
    ("more than 1 100 services", 1100, None, False, True),  # open lower bound
    ("at least 100 teams", 100, None, True, True),          # closed lower bound
    ("up to $16 million", 0, 16e6, True, True),             # a cap
    ("Close to 4,700 start-ups", 4465, 4700, True, False),  # just below
])
def test_qualifiers_become_intervals(text, low, high, low_closed, high_closed):
    i = [m for m in find_numbers(text)][0].interval
    assert (i.low, i.high, i.low_closed, i.high_closed) == (
        pytest.approx(low) if low is not None else None,
        pytest.approx(high) if high is not None else None, low_closed, high_closed)


@pytest.mark.parametrize("text", [
    "5G coverage",          # part of a name
    "Chang'E-8 mission",    # part of a name
    "Building 18W",         # an identifier
    "1 (Government): 2 (enterprise) matching",  # a ratio, not two counts
    "in 2024",              # a bare year is a date, found by the date finder
])
def test_not_figures(text):
    assert [m for m in find_numbers(text) if m.kind in ("count", "money")] == []


def test_ranks_are_not_counts():
    kinds = {m.text: m.kind for m in find_numbers("Asia-Pacific No.3 and World No.7")}
    assert kinds == {"No.3": "rank", "No.7": "rank"}


def test_number_words_count():
    m = one("and six Hong Kong Branches")
    assert (m.kind, m.value) == ("count", 6)


def test_spans_quote_the_text_exactly():
    text = "the ITVF has invested about $339 million in 41 local I&T start-ups"
    for m in find_numbers(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("num, unit", [("460", 10), ("4,700", 100), ("1.03", 0.01), ("16", 1), ("42 000", 1000)])
def test_precision_unit(num, unit):
    assert precision_unit(num) == pytest.approx(unit)


def test_ranges_are_one_interval():
    m = one("Funding support from $10 million to $100 million will be provided")
    assert (m.interval.low, m.interval.high, m.qualifier) == (10e6, 100e6, "range")


def test_changes_are_not_ranges():
    # "from 138 in 2016 to 468 in 2020" is growth between two figures
    found = [m for m in find_numbers("more than tripled from 138 in 2016 to 468 in 2020") if m.kind == "count"]
    assert [m.text for m in found] == ["138", "468"]
    found = find_numbers("from 0.73% of GDP to 1.5% in five years")
    assert [m.text for m in found][:2] == ["0.73%", "1.5%"]


def test_growth_from_to_is_not_a_range():
    found = find_numbers("The count doubled from 100 to 150 over the year")
    assert [m.text for m in found] == ["100", "150"]


def test_number_words_found_by_their_places_are_the_patterns_matches():
    from hklint.extract import numbers

    text = ("Two universities, TWELVE labs and twenty-one (not often ten-year or -six) teams; "
            "a  Dozen ſix fifty’s sixty nineteen_ eighteen\nseven.")
    for word in numbers.NUMBER_WORDS:
        text += f" {word} x{word} {word.title()}"
    for start, end in ((0, len(text)), (5, 60), (30, len(text) - 3)):
        expected = [m.span() for m in numbers.NUMBER_WORD.finditer(text, start, end)]
        assert [m.span() for m in numbers._number_words(text, start, end)] == expected
    plain = text.replace("ſ", "s").replace("Dozen", "Score")
    assert [m.span() for m in numbers._number_words(plain, 0, len(plain))] == \
        [m.span() for m in numbers.NUMBER_WORD.finditer(plain)]


def test_ranks_found_from_their_places_are_the_patterns_matches():
    from hklint.extract import numbers

    text = "World No.7, No. 12 and #3; ranked 11th (1234th, 22nd-best, #12th, No.1st) in the 3rd round: 5th."
    for start, end in ((0, len(text)), (9, 40), (20, len(text) - 1)):
        assert [m.span() for m in numbers._ranks(text, start, end)] == \
            [m.span() for m in numbers.RANK.finditer(text, start, end)]
