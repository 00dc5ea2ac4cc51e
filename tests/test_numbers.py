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


def test_a_bare_figure_before_a_conjunction_shares_the_unit_after_it():
    # "28,000 and 63,000 square metres": both are areas, read on after the unit
    a, b = find_numbers("providing about 28,000 and 63,000 square metres of floor area respectively")
    assert (a.kind, a.unit, a.value, b.value) == ("area", "m**2", 28000, 63000)
    assert a.text == "about 28,000" and a.reads_from == b.end
    # a scale word is shared only by a figure too small to stand without one
    a, b = find_numbers("receipts of HK$2 and HK$3 billion")
    assert (a.value, b.value) == (2e9, 3e9)
    a, b = find_numbers("2.1 million and 800,000 visitors")
    assert (a.value, a.reads_from) == (2.1e6, b.end)
    # a list shares along its length
    assert [(m.kind, m.value) for m in find_numbers("10, 20 and 30 per cent")] == [
        ("percent", 10), ("percent", 20), ("percent", 30)]
    # hectares are converted for the bare figure too
    a, _ = find_numbers("12 and 30 hectares")
    assert a.value == pytest.approx(120_000)


def test_figures_joined_by_to_are_a_range_unless_a_change():
    (r,) = find_numbers("room rates climbed some 10 to 20 percent")
    assert (r.kind, r.qualifier, r.interval.low, r.interval.high) == ("percent", "range", 10, 20)
    (r,) = find_numbers("between 4 and 6 million visitors")
    assert (r.interval.low, r.interval.high) == (4e6, 6e6)  # not [4, 6 million]
    # "from ... to" after a verb of change: two figures, the first a former value
    a, b = find_numbers("the share rose from 20 to 30 per cent in 2024")
    assert (a.kind, a.qualifier, a.reads_from) == ("percent", "", a.end)  # its period is not 2024's


@pytest.mark.parametrize("text", [
    "an increase of 57 500, or 0.8 per cent",   # the same change restated as a share
    "an increase of 57 500 or 0.8 per cent",    # ... without the comma
    "down from 124 and 2,703 waiting more than 78 weeks",  # a former value, then another clause
    "28,000 staff and 63,000 square metres",    # the first has its own noun
])
def test_figures_that_do_not_share_a_unit(text):
    first = find_numbers(text)[0]
    assert first.kind == "count" and first.reads_from == first.end, first


def test_a_model_number_is_part_of_its_name():
    assert find_numbers("a fleet of Airbus A350s and Boeing 777 equipment") == []
    assert [m.text for m in find_numbers("the fleet has 777 aircraft")] == ["777"]   # no name before it
    assert [m.text for m in find_numbers("in March 123 people came")] == ["123"]     # a month is no name
    assert [m.text for m in find_numbers("with Walmart 500 stores")] == ["500"]      # a plural noun counted


def test_lakh_and_crore_scales_and_grouping():
    a, b = find_numbers("a tally of over 32.26 crores, after 64.25 lakhs of people on Sunday")
    assert (a.value, b.value) == (pytest.approx(322_600_000), pytest.approx(6_425_000))
    assert [m.value for m in find_numbers("32,36,63,297 doses and 86,16,373 people")] == [323_663_297, 8_616_373]
    assert [m.value for m in find_numbers("1,100 and 35,100")] == [1100, 35100]  # western grouping unchanged


def test_a_decimal_comma_before_a_scale_word():
    assert [m.value for m in find_numbers("employment rose to 14,5 million and 7,9 million")] == [14.5e6, 7.9e6]
    assert [m.value for m in find_numbers("a budget of 1,500 million")] == [1.5e9]  # thousands stay thousands


def test_a_mark_passed_is_a_lower_bound_and_rupees_are_money():
    (m,) = find_numbers("Snapchat crosses 750 million monthly active users")
    assert (m.interval.low, m.interval.high, m.interval.low_closed) == (750e6, None, True)
    (m,) = find_numbers("Chicago hit 500 homicides before the end of the summer")
    assert m.interval.high is None
    (m,) = find_numbers("a fiscal deficit of Rs 17.35 lakh crore")
    assert (m.unit, m.value) == ("INR", pytest.approx(17.35e12))
    assert [(m.unit, m.value) for m in find_numbers("₹ 4,500 crore and INR 200 million")] == [
        ("INR", 4.5e10), ("INR", 2e8)]


def test_measure_words_are_units_not_names():
    from hklint.extract.numbers import is_unit_word
    assert is_unit_word("MT") and is_unit_word("bpd") and is_unit_word("tonnes")
    assert not is_unit_word("Walmart")


def test_a_one_letter_scale_after_a_currency_only():
    assert [(m.unit, m.value) for m in find_numbers("cost rose from £335m to £26.8m, a $50k grant, a $2b fund")] == [
        ("GBP", 335e6), ("GBP", 26.8e6), ("$", 50e3), ("$", 2e9)]
    assert find_numbers("the 100m sprint and a 5k run") == []   # no currency: a length, a run


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


def test_a_second_change_after_a_decimal_is_still_a_change():
    # the decimal point in "$8.75" does not end the clause, so "from $8 to $9.75" is a change too
    found = find_numbers("fares rising from $7 to $8.75 and from $8 to $9.75 next year")
    assert [m.qualifier for m in found] == ["", "", "", ""]
    assert [m.value for m in found] == [7, 8.75, 8, 9.75]
    # a participle is a verb of change as well
    found = find_numbers("with the fee climbing from 20 to 30 per cent")
    assert all(m.qualifier != "range" for m in found)


@pytest.mark.parametrize("text", [
    "an area of 75,796 square km", "75,796 sq km", "75,796 sq. km", "75,796 sq.km",
    "75,796 square kilometres", "75,796 km2",
])
def test_square_kilometres_in_any_spelling_are_an_area(text):
    m = one(text)
    assert (m.kind, m.unit, m.value) == ("area", "m**2", pytest.approx(75_796e6))


def test_kilometres_alone_are_a_length_not_an_area():
    assert one("6 km of track").kind == "length"


@pytest.mark.parametrize("text, low", [
    ("Minecraft surges past 100 million copies", 100e6),     # a mark passed: at least
    ("pop history's first $2 billion tour", 2e9),            # the first to reach a class: at least
])
def test_marks_passed_are_lower_bounds(text, low):
    m = one(text)
    assert (m.interval.low, m.interval.high) == (low, None)


def test_the_first_n_things_are_n():
    # "the first 22 dates" is a part of 22, not "at least 22"
    m = one("from the first 22 dates of the tour")
    assert (m.interval.low, m.interval.high) == (22, 22)


@pytest.mark.parametrize("text, kind, value", [
    ("Almost five million hectares burned", "area", 5e6 * 1e4),
    ("two million people", "count", 2e6),
    ("five billion euros", "money", 5e9),
    ("seven hectares", "area", 7e4),
    ("ten thousand visitors", "count", 1e4),
])
def test_a_number_word_takes_its_scale_and_unit(text, kind, value):
    m = one(text)
    assert (m.kind, m.value) == (kind, pytest.approx(value))


def test_a_number_word_alone_is_its_value():
    assert one("eight universities").value == 8


@pytest.mark.parametrize("text", ["a vigil at 7 p.m. Tuesday", "doors open at 10am daily", "a 5 pm deadline"])
def test_a_time_of_day_is_not_a_figure(text):
    assert find_numbers(text) == []


def test_over_after_a_verb_is_its_particle_not_a_bound():
    m = one("eight chancellors presided over 19 sessions of the house".replace("eight ", ""))
    assert (m.qualifier, m.interval.low, m.interval.high) == ("", 19, 19)
    m = one("with over 19 sessions")
    assert m.qualifier == "over"


def test_a_vulgar_fraction_belongs_to_its_figure():
    a, b = find_numbers("likely about $6½ billion, $1½ billion more than budgeted")
    assert (a.value, b.value) == (6.5e9, 1.5e9)


def test_pounds_after_a_scale_are_money_but_pounds_of_something_weigh():
    found = [(m.text, m.kind, m.unit) for m in find_numbers(
        "The bridge cost 18.8 billion pounds, and the club paid 5 million pounds sterling; "
        "the plant burned 2 billion pounds of coal and a bag weighs 300 pounds.")]
    assert ("18.8 billion pounds", "money", "GBP") in found
    assert ("5 million pounds sterling", "money", "GBP") in found
    assert ("2 billion", "count", "") in found
    assert not any(t.startswith("300") and k == "money" for t, k, _u in found)
