"""hklint.names: collecting names, and telling one name spelled two ways from two names."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hklint import names
from hklint.load import line_starts
from hklint.model import Document

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"


def doc(text: str, path: str = "a.md") -> Document:
    return Document(path=path, text=text, line_starts=line_starts(text))


def labelled() -> list[tuple[str, str, str, str]]:
    with open(PAIRS, encoding="utf-8") as fh:
        rows = list(csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    header, *rows = rows
    assert header == ["label", "a", "b", "source"]
    return [tuple(r) for r in rows]


def precision_recall(threshold: float) -> tuple[float, float, list[str]]:
    tp = fp = fn = 0
    errors = []
    for label, a, b, _ in labelled():
        said = names.is_variant(a, b, threshold)
        if said and label == "variant":
            tp += 1
        elif said:
            fp += 1
            errors.append(f"false alarm: {a!r} / {b!r} ({label})")
        elif label == "variant":
            fn += 1
            errors.append(f"missed: {a!r} / {b!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, errors


def test_labelled_pairs_are_well_formed():
    rows = labelled()
    assert {r[0] for r in rows} == {"variant", "different", "equivalent"}
    assert all(r[3] in ("seeds", "seeds+", "constructed") for r in rows)
    assert len({(r[1], r[2]) for r in rows}) == len(rows), "a pair is labelled once"


def test_matcher_precision_and_recall_at_the_chosen_threshold(capsys):
    """Prints the sweep the threshold was chosen from: run with -s to see it."""
    sweep = {t: precision_recall(t)[:2] for t in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)}
    with capsys.disabled():
        print("\nthreshold precision recall  (tests/data/name_pairs.tsv)")
        for t, (p, r) in sweep.items():
            print(f"  {t:.2f}     {p:.3f}     {r:.3f}")
    precision, recall, errors = precision_recall(names.TYPO_SIMILARITY)
    assert precision == 1.0, errors
    assert recall >= 0.85, errors


def test_equivalent_pairs_fold_alike():
    for label, a, b, _ in labelled():
        if label == "equivalent":
            assert names.fold(a) == names.fold(b), (a, b)
            assert not names.is_variant(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("RAISe+", "RAISE+"),
    ("INNOPARKs", "InnoParks"),
    ("InnoPARK", "InnoParks"),
])
def test_capitals_inside_a_word_are_a_variant(a, b):
    assert names.case_variant(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("The Scheme Office", "the Scheme Office"),  # a first letter: sentence case
    ("Smart Government Innovation LAB", "Smart Government Innovation Lab"),  # a plain word in capitals
    ("HONG KONG SCIENCE PARK", "Hong Kong Science Park"),  # a heading in capitals
    ("RAISE+", "RAISE+"),
])
def test_typography_is_not_a_case_variant(a, b):
    assert not names.case_variant(a, b)


def test_word_similarity_kinds():
    assert names.word_similarity("professional", "professorship") == (1.0, "derived")
    assert names.word_similarity("northern", "southern") == (0.0, "different")
    assert names.word_similarity("one", "two") == (0.0, "different")
    assert names.word_similarity("first", "fifth") == (0.0, "different")
    score, kind = names.word_similarity("microeletronics", "microelectronics")
    assert kind == "typo" and score > 0.95


def test_equivalences_are_documented_and_fold():
    assert all(len(entry) == 3 and entry[0] for entry in names.EQUIVALENCES)
    assert names.fold("Co-operation Programme Centre") == names.fold("Cooperation Program Center")


# --- collecting ----------------------------------------------------------------------


def texts(text: str) -> list[str]:
    return [m.text for m in names.collect(doc(text))]


def test_collects_pieces_of_a_run_joined_by_connectors():
    # seeds/004: one Title Case run holds three names
    found = texts("The Advanced Manufacturing Centre in TKOIE and the Microeletronics Centre in the "
                  "Yuen Long Industrial Estate will be completed in the coming years.\n")
    assert "Microeletronics Centre" in found
    assert "Advanced Manufacturing Centre" in found
    assert "Yuen Long Industrial Estate" in found
    assert not any(t.startswith("The ") for t in found)


def test_collects_bold_defined_and_coined_names_with_original_offsets():
    text = "- **The Global STEM Professorship Scheme** attracts scholars. See the (RAISe+) and InnoHK.\n"
    mentions = names.collect(doc(text))
    found = {m.text: m for m in mentions}
    assert {"Global STEM Professorship Scheme", "RAISe+", "InnoHK"} <= set(found)
    for m in mentions:
        assert text[m.start:m.end] == m.text  # offsets are into the original, not the view


def test_sentence_openers_and_single_plain_words_are_not_names():
    found = texts("Currently, Research shows that Besides Hong Kong many grow.\n")
    assert "Research" not in found and "Currently" not in found
    assert all(not t.startswith(("Currently", "Besides")) for t in found)


def test_definitions_trim_to_the_words_the_letters_spell():
    defs = names.definitions(doc("Currently the Innovation and Technology Commission (ITC) funds R&D. "
                                 "Hong Kong has 15 State Key Laboratories (SKLs).\n"))
    assert [(d.abbr, d.expansion) for d in defs] == [
        ("ITC", "Innovation and Technology Commission"), ("SKLs", "State Key Laboratories")]
    assert names.trim_to_initials("Government", "Government") == ""


# --- grouping -----------------------------------------------------------------------


def test_variant_groups_put_the_usual_spelling_first():
    a = doc("The Global STEM Professorship Scheme helps. The Global STEM Professorship Scheme grows.\n", "a.md")
    b = doc("The Government will launch a Global STEM Professional Scheme soon.\n", "b.md")
    groups = names.variant_groups(names.collect(a) + names.collect(b))
    assert [[s.text for s in g] for g in groups] == [
        ["Global STEM Professorship Scheme", "Global STEM Professional Scheme"]]
    usual, other = groups[0]
    assert usual.uses == 2 and other.paths == ["b.md"]  # written twice in a.md, tallied as one mention


def test_variant_groups_leave_different_names_apart():
    text = ("Health@InnoHK and AIR@InnoHK are clusters. Science Park Phase One and Science Park Phase Two "
            "differ. The Northern Metropolis and the Southern Metropolis. HKSTP and HKSTPC.\n")
    assert names.variant_groups(names.collect(doc(text))) == []


# --- seeds ----------------------------------------------------------------------------


def test_hk401_on_seeds_reports_the_variants_an_editor_would_fix():
    from hklint.engine import Options, lint

    root = Path(__file__).resolve().parent.parent
    report = lint([str(root / "seeds")], Options(select=("HK401",)))
    pairs = {(f.claims[0].text, f.claims[1].text) for f in report.findings}
    assert pairs == {
        ("Global STEM Professional Scheme", "Global STEM Professorship Scheme"),
        ("Microeletronics Centre", "Microelectronics Centre"),
        ("RAISe+", "RAISE+"),
        ("InnoPARKs", "InnoParks"),  # seeds/003 writes InnoPARK(s) and INNOPARKs
        ("INNOPARKs", "InnoParks"),
    }


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Greater Bay Area", "Guangdong-Hong Kong-Macao Greater Bay Area", True),
    ("Innovation & Technology Commission", "Innovation and Technology Commission", True),
    ("Central Bank Digital Currencies", "Central Bank Digital Currency", True),
    ("Technology Start-up Support Scheme", "Technology Startup Support Scheme", True),
    ("Hong Kong Investment Corporation Limited", "Hong Kong Investment Corporation", True),
    ("Innovation and Technology Comission", "Innovation and Technology Commission", True),
    ("Information Technology Council", "Innovation and Technology Commission", False),
    ("Faster Payment System", "Financial Policy Secretariat", False),
    # a run of words written as its initials inside the expansion
    ("Liaison Office of the Central People's Government in the Hong Kong SAR",
     "Liaison Office of the Central People's Government in the HKSAR", True),
    ("Harbour Office of the United Kingdom", "Harbour Office of the UK", True),
    ("Harbour Office of the United Kingdom", "Harbour Office of the US", False),
    ("Port Works Department", "PW Office", False),
    # the same words but the small ones, one inside the other
    ("Harbour Diploma for Secondary Education", "Harbour Diploma of Secondary Education Examination", True),
])
def test_same_expansion(a, b, same):
    assert names.same_expansion(a, b) is same


def test_derived_forms_both_in_common_use_are_two_names():
    """The pair matcher cannot tell these apart by spelling; usage does."""
    text = ("The International Finance Centre is a building. Hong Kong is an International Financial Centre. "
            "The International Finance Centre has two towers. Its role as an International Financial Centre "
            "grows.\n")
    assert names.compare("International Finance Centre", "International Financial Centre") == (1.0, "derived")
    assert names.variant_groups(names.collect(doc(text))) == []
    rare = text + "Visit the International Finance Centre, the International Finance Centre mall.\n"
    assert [[s.text for s in g] for g in names.variant_groups(names.collect(doc(rare)))] == [
        ["International Finance Centre", "International Financial Centre"]]


def test_tallied_mentions_group_as_every_mention_does():
    """HK401 caches one mention a spelling per document (names.tally); the groups,
    their order and each spelling's use count must not change."""
    from pathlib import Path

    from hklint.load import line_starts
    from hklint.model import Document

    root = Path(__file__).resolve().parent.parent
    docs = [Document(path=p.name, text=p.read_text(encoding="utf-8"),
                     line_starts=line_starts(p.read_text(encoding="utf-8")))
            for p in sorted((root / "seeds").iterdir())]
    every = [m for d in docs for m in names.collect(d)]
    tallied = [m for d in docs for m in names.tally(names.collect(d))]
    assert len(tallied) < len(every)

    def shape(groups):
        return [[(s.text, s.uses, s.mentions[0].path, s.mentions[0].start, s.paths) for s in g]
                for g in groups]
    assert shape(names.variant_groups(tallied)) == shape(names.variant_groups(every))


def test_a_possessive_is_not_part_of_a_name():
    def found(run):
        return [run[a:b] for a, b, _src in names._run_names(run)]
    assert found("Harbour Go's") == ["Harbour Go"]
    got = found("Niantic's Harbour Go")
    assert "Niantic's Harbour Go" not in got and "Harbour Go" in got


def test_an_expansion_after_a_possessive_and_in_another_word_order_is_one_thing():
    assert names.trim_to_initials("Ivory Coast's Coffee and Cocoa Council", "CCC") == "Coffee and Cocoa Council"
    assert names.same_expansion("Cocoa-Coffee Council", "Coffee and Cocoa Council")
    assert not names.same_expansion("Coffee Council", "Cocoa Council")


def test_a_note_mark_is_not_part_of_a_defined_name():
    from hklint.extract import structure
    assert structure.without_possessive("Gross Payments Volume3") == "Gross Payments Volume"
    assert structure.without_possessive("Blueprint 2") == "Blueprint 2"


def test_a_name_with_and_without_its_accents_is_info_not_a_misspelling(tmp_path):
    from hklint.engine import Options, lint
    from hklint.model import Severity
    (tmp_path / "a.md").write_text("# Fair\n\nThe record was set in 1985, as fair boss Jonas Brückner said in Munich.\n")
    (tmp_path / "b.md").write_text("# Fair\n\nJonas Bruckner, the head of the fair, shared the news.\n\n"
                                   "The Microeletronics Centre in the Yuen Long Industrial Estate will open.\n\n"
                                   "Tenants will move into the Microelectronics Centre in 2025, and the "
                                   "Microelectronics Centre will house laboratories.\n")
    report = lint([str(tmp_path)], Options(select=("HK401",)))
    by_name = {f.attribute: f for f in report.findings}
    accents = [f for f in report.findings if "Jonas" in f.subject]
    assert accents and all(f.severity == Severity.INFO and "accents" in f.reason for f in accents)
    typo = [f for f in report.findings if "Microelectronics" in f.subject]
    assert typo and all(f.severity == Severity.WARNING for f in typo), by_name
