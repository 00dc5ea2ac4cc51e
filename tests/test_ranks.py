"""Ranks and ratios are figures of their own (hklint/extract/ranks.py): kept
apart from counts, found only with a ranking or ratio cue."""
from __future__ import annotations

from hklint.claims import extract
from hklint.extract.ranks import edition_period, find_ranks_and_ratios, rank_scope
from hklint.load import line_starts
from hklint.model import Document


def found(text):
    return [(m.kind, m.text, round(m.value, 4)) for m in find_ranks_and_ratios(text)]


def test_numbered_places_with_their_scope():
    text = "- **Asia-Pacific No.3 and World No.7** for digital competitiveness (Index 2024)."
    ms = find_ranks_and_ratios(text)
    assert [(m.text, m.value) for m in ms] == [("Asia-Pacific No.3", 3.0), ("World No.7", 7.0)]
    assert [rank_scope(text, m) for m in ms] == ["asia-pacific", "world"]


def test_ordinals_need_a_ranking_cue():
    assert found("The harbour ranks sixth globally and second in the Pacific Rim region.") == [
        ("rank", "sixth", 6.0), ("rank", "second", 2.0)]
    assert found("The port rose from 34th place in 2012 to 11th place in 2022.") == [
        ("rank", "34th", 34.0), ("rank", "11th", 11.0)]
    # an ordinal that is no place in a ranking
    assert found("Under the 14th Five-Year Plan the third cluster marks its 25th anniversary.") == []


def test_top_n_is_a_place_but_not_a_group():
    ms = find_ranks_and_ratios("Among the World's Top 20 smart cities index entries.")
    assert [(m.text, m.interval.low, m.interval.high) for m in ms] == [("Top 20", 1.0, 20.0)]
    assert found("The team will liaise with the top 100 universities.") == []


def test_ratios_need_labels_a_cue_or_shares_of_100():
    assert found("on a 1 (Government): 2 (enterprise) matching basis") == [
        ("ratio", "1 (Government): 2 (enterprise)", 0.5)]
    assert found("funded one (Government): two (company)") == [
        ("ratio", "one (Government): two (company)", 0.5)]
    assert found("public to private spending went from 56:44 to 58:42") == [
        ("ratio", "56:44", 1.2727), ("ratio", "58:42", 1.381)]
    assert found("on a one-to-one matching basis") == [("ratio", "one-to-one", 1.0)]
    # a time of day and a verse reference are not ratios
    assert found("The meeting starts at 10:30 and reads John 3:16 aloud.") == []


def test_edition_year_of_a_named_ranking():
    text = "Hong Kong ranked eleventh in the Global Innovation Index 2020 among 131 economies."
    p = edition_period(text, 0, len(text), text.index("eleventh"))
    assert p is not None and p.label() == "2020"
    assert edition_period("It ranked second among clusters.", 0, 31, 10) is None


def test_ranks_and_ratios_become_claims_not_counts():
    text = ("# Ports\n\nRevision date: 1 May 2024\n\n"
            "The Harbour Port ranked fifth globally in the Port Index 2023, handling 18 million "
            "containers.\n\n"
            "The Dredging Scheme funds works on a 1 (Government): 2 (operator) matching basis.\n")
    doc = Document(path="d.md", text=text, line_starts=line_starts(text))
    claims = {c.text: c for c in extract(doc).claims}
    rank = claims["fifth"]
    assert rank.unit == "rank" and rank.value == 5 and rank.attribute == "rank [world; port index]"
    assert rank.as_of.label() == "2023"
    assert rank.confidence <= 0.5  # shown, not linked by default
    ratio = claims["1 (Government): 2 (operator)"]
    assert ratio.unit == "ratio" and ratio.value == 0.5
    assert "2" not in claims and "1" not in claims  # the numbers inside are not counts
    assert claims["18 million"].unit == ""


def test_fractions_in_words_are_percentages():
    assert found("Parks received half of all visits in 2022.") == [("percent", "half", 50.0)]
    assert found("Asia filed two-thirds of the applications.") == [("percent", "two-thirds", 66.6667)]
    ms = find_ranks_and_ratios("The Scheme covers up to half of the allowance.")
    assert [(m.text, m.interval.low, m.interval.high) for m in ms] == [("up to half", 0.0, 50.0)]
    # a half that is no share of anything
    for text in ("Work starts in the second half of 2024.", "A half-day workshop.",
                 "Half a million people came.", "It took one and a half years."):
        assert found(text) == [], text


def test_a_bare_percentage_is_a_claim_shown_but_not_linked():
    text = ("# Ports\n\nRevision date: 1 May 2024\n\n"
            "The Harbour Port handled 18 million containers, 3% more than the year before.\n\n"
            "The Harbour Port reported a berth utilisation rate of 81% for the year.\n")
    doc = Document(path="d.md", text=text, line_starts=line_starts(text))
    claims = {c.text: c for c in extract(doc).claims}
    assert claims["3%"].attribute == "growth of container"  # what rose: the level before it
    assert claims["81%"].attribute == "percent" and claims["81%"].confidence <= 0.5


def test_anchored_scans_find_what_whole_text_scans_find():
    """find_ranks_and_ratios runs each pattern only near a cheap anchor; on real
    and random texts that must give exactly what scanning the whole text gives."""
    import random
    from pathlib import Path

    from hklint.extract import ranks as R

    def whole(view):
        saved = R._near
        R._near = lambda pattern, anchors, view, start, end, after=0: pattern.finditer(view, start, end)
        try:
            return R.find_ranks_and_ratios(view)
        finally:
            R._near = saved

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").iterdir())]
    rnd = random.Random(7)
    words = ("No.1 2 3st nd 14th first Second third half quarter one two : ( ) (Government) matching "
             "basis ratio to - \n World Asia-Pacific ranks ranked globally place 56:44 Top 20").split(" ")
    texts += [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 40))) for _ in range(1500)]
    for text in texts:
        assert R.find_ranks_and_ratios(text) == whole(text), text[:80]


def test_a_rank_names_its_ranking():
    from tests.test_claims import claims_of

    claims = claims_of("Northfield University is ranked 34th in the QS World University Rankings 2024.\n\n"
                       "Northfield University ranked World No.7 in the Harbour Innovation Index 2020.\n").claims
    assert sorted(c.attribute for c in claims) == [
        "rank [qs world university rankings]", "rank [world; harbour innovation index]"]
