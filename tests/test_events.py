"""Event extraction (hklint.events): date, verb, voice and subject, on real
sentences from seeds/ and on sentences built to break the rules."""
from __future__ import annotations

import datetime as dt

import pytest

from hklint import events
from hklint.load import line_starts
from hklint.model import Document, Tense


def _doc(text: str) -> Document:
    return Document("t.md", text, line_starts=line_starts(text))


def _events(text: str) -> dict[str, events.Event]:
    return {e.text: e for e in events.extract(_doc(text))}


def _subject(e: events.Event) -> str | None:
    return e.subject.text if e.subject else None


@pytest.mark.parametrize("sentence, date, verb, subject", [
    # seeds/000: passive, bold name
    ("- The **Policy Statement on Facilitating Data Flow and Safeguarding Data Security in Hong Kong** was "
     "published in end-2023, outlining the Government's data governance philosophy.",
     "end-2023", "published", "Policy Statement on Facilitating Data Flow and Safeguarding Data Security in Hong Kong"),
    # seeds/001: active, quoted object longer than the usual reach
    ("The ITIB and DPO published the “Policy Statement on Facilitating Data Flow and Safeguarding Data Security "
     "in Hong Kong” in December 2023, setting out 18 action items in five areas.",
     "December 2023", "published", "Policy Statement on Facilitating Data Flow and Safeguarding Data Security in Hong Kong"),
    # seeds/004: the name after "by" acted; the scheme was launched
    ("One example is the “Technology Start-up Support Scheme for Universities” (TSSSU) launched by the "
     "Innovation and Technology Commission (ITC) in 2014.",
     "2014", "launched", "Technology Start-up Support Scheme for Universities"),
    # seeds/001: an opening participle is about the name after the date
    ("The Hong Kong Science and Technology Parks Corporation (HKSTPC): Established in May 2001, the HKSTPC is a "
     "statutory body wholly owned by the Government.", "May 2001", "Established", "HKSTPC"),
    # seeds/001: participles in brackets belong to the name before each
    ("The buildings include the Data Technology Hub (commenced operation in 2020), Medical Accessory Resilience "
     "Supplies Centre (commenced operation in 2021), and Advanced Manufacturing Centre (commenced operation in 2022).",
     "2021", "commenced", "Medical Accessory Resilience Supplies Centre"),
    # seeds/004: a place after "at the" is not what was opened
    ("Sweden’s Karolinska Institutet opened a research facility at the Science Park, its first overseas centre, "
     "in 2016 to strengthen research.", "2016", None, None),
    # seeds/002: partners after "with" are not what was signed
    ("For example, the HKSAR Government signed respective memorandum of co-operation with the governments of the "
     "Sichuan Province, the Hubei Province and the Shanghai Municipality in 2021 to deepen co-operation.",
     "2021", None, None),
])
def test_verb_and_subject(sentence, date, verb, subject):
    event = _events(sentence)[date]
    if verb is not None:  # None: whether the verb is kept does not matter, the subject must stay empty
        assert event.verb == verb
    assert _subject(event) == subject


def test_date_belongs_to_the_nearest_verb_only():
    found = _events("The Cyber Lab was launched in 2019 and has since grown to 300 members in 2023.")
    assert found["2019"].family == "launch"
    assert found["2023"].verb == ""


def test_year_inside_a_title_is_no_event_date():
    found = _events("Hong Kong ranked eighth in the “Global Fintech Ecosystem Report 2020” published by Startup Genome.")
    assert found["2020"].verb == ""


def test_date_modifying_a_noun_is_no_event_date():
    found = _events("The Chief Executive announced in the 2024 Policy Address that the fund would grow.")
    assert found["2024"].verb == ""


def test_a_one_word_head_is_no_subject():
    found = _events("The Government launched the $10 billion Research, Academic and Industry Sectors One-plus "
                    "(RAISE+) Scheme in October 2023.")
    assert _subject(found["October 2023"]) != "Scheme"


def test_plan_and_repeats_are_marked():
    found = _events("The first three buildings will be completed in phases starting from end-2024.")
    event = found["end-2024"]
    assert event.planned and event.tense is Tense.FUTURE and event.cue == "starting from"
    assert not events.is_finished(event)
    found = _events("The Global STEM Professorship Scheme was launched in the first half of 2021.")
    assert not found["the first half of 2021"].repeated  # "first" of the date is no "first round"
    found = _events("The second round of the TechConnect Programme was launched in 2022.")
    assert found["2022"].repeated


def test_spans_are_original_offsets():
    text = "# T\n\nThe **iAM Smart** platform was launched in December 2020.\n"
    event = _events(text)["December 2020"]
    assert text[event.span.start:event.span.end] == "December 2020"
    assert event.span.line == 3
    assert event.period.start == dt.date(2020, 12, 1)
    assert _subject(event) == "iAM Smart"


def test_aliases_resolve_subject_keys():
    event = _events("The ITVF was set up in 2017.")["2017"]
    resolved = events.resolve_aliases([event], {"itvf": "innovation and technology venture fund"})
    assert resolved[0].key == ("innovation and technology venture fund", "establish")


def test_as_claim_keeps_the_period():
    event = _events("The CorpID Platform was launched in end-2026.")["end-2026"]
    claim = events.as_claim(event)
    assert claim.unit == "date" and claim.as_of.label() == "2026-12" and claim.attribute == "launch date"


@pytest.mark.parametrize("sentence, date, future", [
    ("The first three buildings will be completed in phases starting from end-2024.", "end-2024", True),
    ("From 2024, over 100 digital government initiatives will be rolled out to promote digital government.", "2024", True),
    ("The Government will launch the CorpID Platform by end-2026.", "end-2026", True),
    ("All government online services will adopt iAM Smart within 2025.", "2025", True),  # no event verb
    ("The Cyber Defence Platform was completed by end-2019.", "end-2019", False),
    ("Funds were allocated to set up the lab in 2019.", "2019", False),  # bare "to" is a purpose, not a plan
    ("It was announced that the park would open in 2024.", "2024", False),  # a reported past plan
    ("R&D expenditure is expected to be doubled in five years from 2017.", "2017", False),  # origin of a duration
    ("Internet use will rise from 65.9% in 2020 to over 75% by 2023.", "2020", False),  # a baseline
    ("The HKSAR Government signed a memorandum with the Hubei Province in 2021 and will sign more.", "2021", False),
])
def test_future(sentence, date, future):
    assert _events(sentence)[date].future is future
