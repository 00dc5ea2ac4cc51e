"""Corpus-level linking helpers (hklint/link.py): one key for the forms of one name."""
from __future__ import annotations

from hklint.link import relate, unify_names
from hklint.model import Claim, Document, Interval, Span, Subject, Tense


def claim(key: str, path: str = "a.md") -> Claim:
    return Claim(path=path, span=Span(0, 1, 1, 1), text="1", sentence="", subject=Subject(key, key, "bold"),
                 attribute="count", value=1.0, interval=Interval.point(1.0), unit="", as_of=None,
                 tense=Tense.CURRENT, extractor="t", confidence=0.9)


def keys_after(*keys: str) -> list[str]:
    return [c.subject.key for c in unify_names([claim(k) for k in keys])]


def test_a_kind_of_thing_suffix_and_its_initials_name_the_same_thing():
    assert keys_after("great smoky mountain", "great smoky mountain national park",
                      "great smoky mountain np") == ["great smoky mountain national park"] * 3
    assert keys_after("harbour ferry company", "harbour ferry company limited") == [
        "harbour ferry company limited"] * 2


def test_a_possessive_in_front_when_the_corpus_names_the_rest_alone():
    assert keys_after("act s legacy restoration fund", "legacy restoration fund") == [
        "legacy restoration fund"] * 2
    # nothing to join: the rest is never named alone
    assert keys_after("act s legacy restoration fund") == ["act s legacy restoration fund"]


def test_other_things_keep_their_own_keys():
    # another thing named after a place, a programme of a park, a one-word name
    for pair in (("hong kong", "hong kong park"), ("hong kong", "hong kong university"),
                 ("hong kong science park", "hong kong science park expansion programme"),
                 ("cyberport", "cyberport limited")):
        assert keys_after(*pair) == list(pair), pair
    # two kinds of thing with one stem: which one is meant is not known
    assert keys_after("harbour ferry", "harbour ferry company", "harbour ferry limited") == [
        "harbour ferry", "harbour ferry company", "harbour ferry limited"]


def test_a_kind_of_thing_is_learned_from_its_initials_in_the_corpus():
    # nothing lists "state forest": the corpus writing "... SF" after the same stem teaches it
    assert keys_after("pine ridge", "pine ridge state forest", "pine ridge sf") == [
        "pine ridge state forest"] * 3
    # without the initials, "state forest" is just more words: no join
    assert keys_after("pine ridge", "pine ridge state forest") == ["pine ridge", "pine ridge state forest"]


def test_two_lower_bounds_with_nothing_to_order_them_can_both_hold():
    import dataclasses
    import datetime as dt

    def over(value: float, path: str) -> Claim:
        return dataclasses.replace(claim("harbour authority", path), text=f"over {value:,.0f}", value=value,
                                   interval=Interval(value, None, False, False), qualifier="over")

    undated = {"a.md": Document("a.md", ""), "b.md": Document("b.md", "")}
    assert relate(over(2500, "a.md"), over(1600, "b.md"), undated).kind == "consistent"
    # ordered in time, the later statement of the bound replaces the earlier one
    dated = {"a.md": Document("a.md", "", revision_date=dt.date(2021, 1, 1)),
             "b.md": Document("b.md", "", revision_date=dt.date(2025, 1, 1))}
    from hklint.model import Period

    a = dataclasses.replace(over(220, "a.md"), as_of=Period(dt.date(2021, 1, 1), dt.date(2021, 1, 1), "day",
                                                            "", "document"))
    b = dataclasses.replace(over(1100, "b.md"), as_of=Period(dt.date(2025, 1, 1), dt.date(2025, 1, 1), "day",
                                                             "", "document"))
    assert relate(a, b, dated).kind == "supersedes"


def test_a_short_name_two_documents_define_differently_names_neither(tmp_path):
    from hklint.engine import Options, load_corpus

    (tmp_path / "a.md").write_text('The plan is the Smart Harbour Blueprint ("Harbour Blueprint").\n', encoding="utf-8")
    (tmp_path / "b.md").write_text('The plan is the Green Harbour Blueprint ("Harbour Blueprint").\n', encoding="utf-8")
    (tmp_path / "c.md").write_text('The North Harbour Science Park ("Science Park") has 23 buildings.\n',
                                   encoding="utf-8")
    corpus = load_corpus([str(tmp_path)], Options(cache=False, jobs=1))
    assert "harbour blueprint" not in corpus.aliases
    assert corpus.aliases["science park"] == "north harbour science park"


def test_figures_whose_measure_no_word_names_are_never_one_fact():
    import dataclasses
    from hklint.link import comparable
    a = dataclasses.replace(claim("lenovo"), attribute="percent", unit="percent")
    b = dataclasses.replace(claim("lenovo", "b.md"), attribute="percent", unit="percent", value=25.0)
    assert not comparable(a, b)
    share = dataclasses.replace(a, attribute="share of market")
    assert comparable(share, dataclasses.replace(b, attribute="share of market"))
    assert not comparable(dataclasses.replace(a, attribute="rank"), dataclasses.replace(b, attribute="rank"))


def test_a_round_figure_and_the_mark_it_passed_told_of_one_time_agree():
    import dataclasses
    from hklint.link import relate
    exact = dataclasses.replace(claim("snapchat"), value=750e6, interval=Interval.point(750e6))
    over = dataclasses.replace(claim("snapchat", "b.md"), value=750e6, interval=Interval(750e6, None, False, True),
                               qualifier="over")
    assert relate(exact, over, {}).kind == "consistent"   # both undated: nothing orders them


def test_a_time_no_year_places_is_not_linked_even_at_half_confidence():
    # "at the end of October", "last year" in an undated page: shown, never set
    # against a dated figure, also under --min-confidence 0.5
    from pathlib import Path

    from hklint.engine import Options, lint

    here = Path(__file__).parent / "fixtures/HK101/quiet_a_month_without_its_year_in_an_undated_page"
    report = lint([str(here)], Options(min_confidence=0.5))
    assert [f.code for f in report.findings if f.code.startswith(("HK1", "HK2"))] == []


def test_values_orders_of_magnitude_apart_are_not_one_measure():
    import dataclasses

    def worth(path, value):
        return dataclasses.replace(claim("harbour lotto", path), value=value, interval=Interval.point(value))

    assert relate(worth("a.md", 2.0), worth("b.md", 1.08e9), {}).kind == "distinct"
    # a slip of a thousand (thousand for million) still pairs
    assert relate(worth("c.md", 10_000.0), worth("d.md", 10_000_000.0), {}).kind != "distinct"


def test_plural_folding_keeps_the_s_of_a_singular_that_ends_in_s():
    from hklint.canon import canonical
    assert canonical("campuses") == canonical("campus") == "campus"
    assert canonical("three buses") == "three bus" and canonical("viruses") == "virus"
    assert canonical("uses") == "use" and canonical("laboratories") == "laboratory"
