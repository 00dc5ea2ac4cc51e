"""Mentions -> claims: subjects, attributes, as-of periods, aliases (real seed sentences)."""
from __future__ import annotations

import pytest

from hklint.claims import extract
from hklint.load import line_starts
from hklint.model import Document, Tense


def claims_of(text):
    doc = Document(path="doc.md", text=text, line_starts=line_starts(text))
    return extract(doc)


def by_text(extraction):
    return {c.text: c for c in extraction.claims}


def test_named_counted_noun_is_the_subject():
    c = by_text(claims_of("- **Hong Kong-Mainland collaboration:** There are currently 16 State Key "
                          "Laboratories in Hong Kong and six Hong Kong Branches of Chinese National "
                          "Engineering Research Centres.\n"))
    assert c["16"].subject.key == "state key laboratory"
    assert c["16"].attribute == "count"
    assert c["six"].subject.key == "hong kong branch of chinese national engineering research centre"


def test_quoted_name_in_counted_noun():
    c = by_text(claims_of('There are around 42 000 "Wi-Fi.HK" hotspots in town as of June 2025.\n'))
    claim = c["around 42 000"]
    assert "wi fi.hk hotspot" == claim.subject.key
    assert claim.as_of.label() == "2025-06" and claim.as_of.source == "text"


def test_bold_owner_and_counted_head_noun():
    c = by_text(claims_of('- "**iAM Smart**" platform offers about 460 commonly used public and '
                          "commercial online services; smart lampposts.\n"))
    claim = c["about 460"]
    assert claim.subject.text == "iAM Smart"
    assert claim.attribute == "count of service"
    assert claim.as_of is None  # the engine fills in the document date


def test_programme_named_after_the_figure_owns_it():
    text = ("The ITC also provides annual funding up to \\$16 million to each of the six designated "
            "universities through the Technology Start-up Support Scheme for Universities to support "
            "their teams, and an annual subsidy of up to \\$12.8 million to the Technology Transfer "
            "Office of each of the eight UGC-funded universities.\n")
    c = by_text(claims_of(text))
    assert c["up to \\$16 million"].subject.text == "Technology Start-up Support Scheme for Universities"
    assert c["up to \\$16 million"].attribute == "funding; annual; per university"
    assert c["up to \\$12.8 million"].subject.text == "Technology Transfer Office"


def test_anaphor_resolves_to_previous_sentence():
    text = ('As part of InnoHK, the Government has also set up a "Technology Start-up Support Scheme '
            'for Universities" to encourage universities. Under this scheme, up to HK$8 million is given '
            "per year to local universities, with an additional HK$16 million available for three years.\n")
    c = by_text(claims_of(text))
    assert c["up to HK$8 million"].subject.text == "Technology Start-up Support Scheme for Universities"
    assert "annual" in c["up to HK$8 million"].attribute
    assert "additional" in c["HK$16 million"].attribute  # a different fact from the annual cap


def test_abbreviation_definitions_become_aliases():
    e = claims_of("Hong Kong currently has 15 State Key Laboratories (SKLs) and the "
                  "\u201cTechnology Start-up Support Scheme for Universities\u201d (TSSSU) runs.\n")
    assert e.aliases["skl"] == "state key laboratory"
    assert e.aliases["tsssu"] == "technology start up support scheme for university"


def test_definition_does_not_cross_paragraphs():
    e = claims_of("to advise on the development of I&T in Hong Kong.\n\nInnovation and Technology Fund (ITF): set up in 1999.\n")
    assert e.aliases["itf"] == "innovation and technology fund"


def test_explicit_series_periods():
    c = by_text(claims_of("In 2020, the number of start-ups in Hong Kong grew by 6% to 3,360, employing "
                          "over 10,000 people.\n"))
    claim = c["3,360"]
    # the start-ups counted are those in Hong Kong: the place owns the count
    assert (claim.subject.key, claim.attribute) == ("hong kong", "count of start up")
    assert claim.as_of.label() == "2020"


def test_fund_size_is_not_an_investment():
    text = ("- \\$2 billion **Innovation and Technology Venture Fund (ITVF)** set up by the Government. "
            "As at end-December 2024, the ITVF has invested about \\$339 million in 41 local I&T start-ups "
            "and attracted over \\$3.1 billion in private investment.\n")
    c = by_text(claims_of(text))
    assert c["$2 billion"].attribute.startswith("funding")  # the fund's size
    assert c["about \\$339 million"].attribute.startswith("invested")
    assert c["over \\$3.1 billion"].attribute.startswith("attracted")
    assert c["about \\$339 million"].as_of.label() == "2024-12"


def test_figures_without_subject_are_not_claims():
    # no name, no counted noun: a bare figure says nothing an editor can check
    assert claims_of("It rose to 45 last year and 50 now.\n").claims == []
    assert claims_of("The fund was worth \\$45 million.\n").claims == []


def test_labels_and_names_are_not_counts():
    e = claims_of("Batch 1 of Stage 2 was completed under the principle of One Country, Two Systems.\n")
    assert [c.text for c in e.claims] == []


def test_plans_are_future_tense():
    c = by_text(claims_of("The Government will implement a \\$3 billion Frontier Technology Research "
                          "Support Scheme to assist local universities.\n"))
    assert c["$3 billion"].tense is Tense.FUTURE


def test_table_rows_are_not_read_as_sentences():
    e = claims_of("2.1\tNumber of start-ups\t1 065\t3 755 (2021)\tAbout 5 000\n")
    assert e.claims == []


def test_claim_spans_quote_the_original():
    text = "- The **InnoCell** adjacent to the Hong Kong Science Park provides about 500 residential units.\n"
    for claim in claims_of(text).claims:
        assert text[claim.span.start:claim.span.end] == claim.text


def test_table_cells_take_the_column_period():
    # the header's parenthesised period is the one the figures are for; a
    # period in the cell itself overrides it
    text = ("Indicator\t\t2016 (Figures of 2014)\t2022 (Figures of 2020)\n"
            "2.1\tNumber of start-ups in incubators\t1 065\t3 755 (2021)\n")
    claims = claims_of(text).claims
    got = {c.text: (c.subject.text, c.as_of.label(), c.as_of.source) for c in claims}
    assert got == {
        "1 065": ("Number of start-ups in incubators", "2014", "heading"),
        "3 755": ("Number of start-ups in incubators", "2021", "heading"),
    }


def test_markdown_pipe_tables():
    text = ("| Metric | 2023 | 2024 |\n|---|---|---|\n| Fleet size | 1,200 | 1,250 |\n")
    got = {c.text: c.as_of.label() for c in claims_of(text).claims}
    assert got == {"1,200": "2023", "1,250": "2024"}


def test_tables_with_a_measure_per_column():
    # a statistics page: the header names measures, the caption dates the table
    text = ("# Harbour Authority\n\nVessel arrivals by type (as at 31/3/2024)\n\n"
            "| Type | Arrivals | Cargo handled |\n|---|---|---|\n"
            "| Ocean vessels | 2,406 | 9,878.3 |\n| River vessels | 1,085 | 612.4* |\n"
            "| Total: | 3,491 | 10,490.7 |\n")
    got = {c.text: (c.subject.text, c.attribute, c.as_of.label()) for c in claims_of(text).claims}
    assert got == {
        "2,406": ("Ocean vessels", "arrival", "2024-03-31"),
        "9,878.3": ("Ocean vessels", "cargo handled", "2024-03-31"),
        "1,085": ("River vessels", "arrival", "2024-03-31"),
        "612.4": ("River vessels", "cargo handled", "2024-03-31"),
        # a total is of this table: named by its caption, never a bare "Total"
        "3,491": ("Vessel arrivals by type (Total)", "arrival", "2024-03-31"),
        "10,490.7": ("Vessel arrivals by type (Total)", "cargo handled", "2024-03-31"),
    }


def test_a_measure_table_without_caption_keeps_its_rows_and_drops_its_total():
    text = ("| Type | Arrivals |\n|---|---|\n| Ocean vessels | 2,406 |\n| River vessels | 1,085 |\n"
            "| Total | 3,491 |\n")
    got = {c.text: (c.subject.text, c.as_of) for c in claims_of(text).claims}
    assert got == {"2,406": ("Ocean vessels", None), "1,085": ("River vessels", None)}


def test_bare_dollars_take_the_documents_currency():
    from hklint.link import resolve_dollars

    hk = claims_of("- The **Alpha Fund** of HK$2 billion. The **Beta Scheme** gives \\$5 million.\n").claims
    assert {c.unit for c in resolve_dollars(hk)} == {"HKD"}
    us = claims_of("- The **Gamma Fund** received $3 million.\n").claims
    # no dollar written out anywhere: US dollars
    assert {c.unit for c in resolve_dollars(us)} == {"USD"}
    # a document without explicit currency follows the corpus
    import dataclasses

    other = [dataclasses.replace(c, path="other.md") for c in us]
    assert {c.unit for c in resolve_dollars(hk + other) if c.path == "other.md"} == {"HKD"}


def test_tables_with_a_period_per_row():
    text = ("| Year | Visits, whole system | Great Smoky Mountains NP |\n|---|---|---|\n"
            "| 2021 | 297.1 million | 14.1 million |\n| 2022 | 312.0 million | 12.9 million |\n")
    got = {c.text: (c.subject.text, c.as_of.label()) for c in claims_of(text).claims}
    assert got == {
        "297.1 million": ("Visits, whole system", "2021"),
        "14.1 million": ("Great Smoky Mountains NP", "2021"),
        "312.0 million": ("Visits, whole system", "2022"),
        "12.9 million": ("Great Smoky Mountains NP", "2022"),
    }


def test_a_short_name_stands_for_the_full_name_said_earlier():
    text = ("- **Riverton Metro** operates 5 lines.\n"
            "- The Metro employs more than 6,000 staff.\n")
    c = by_text(claims_of(text))
    assert c["more than 6,000"].subject.key == "riverton metro"


def test_role_words_belong_to_the_figure_they_stand_next_to():
    # "a day" tags the passengers, not the lines or stations in the same clause
    c = by_text(claims_of("- **Riverton Metro** operates 5 lines with 92 stations and carries "
                          "about 1.2 million passengers a day.\n"))
    assert c["5"].attribute == "count of line"
    assert c["about 1.2 million"].attribute == "count of passenger; daily; by carried"  # a flow


def test_a_heading_is_a_weak_owner():
    text = "Riverton Metro Facts\n\nThe network has 6 lines in all.\n"
    claim = by_text(claims_of(text))["6"]
    assert claim.subject.key == "riverton metro fact" or claim.subject.key.startswith("riverton metro")
    assert claim.confidence < 0.6  # below the default --min-confidence


def test_labels_are_not_counts():
    assert [c.text for c in claims_of("- **Riverton Metro**: Line 5 opened in September 2021.\n").claims] == []


def test_a_word_of_a_place_name_is_not_a_short_name():
    # "Kong" in "Hong Kong" must not stand for "State Key Laboratories in Hong Kong"
    text = ("There are 16 State Key Laboratories in Hong Kong.\n"
            "Hong Kong is home to more than 1,100 fintech companies.\n")
    c = by_text(claims_of(text))
    assert "state key" not in c["more than 1,100"].subject.key


def test_the_name_a_whole_document_is_about_is_a_weak_owner():
    # "Riverton" in every sentence is the scope of the document, not what owns a
    # figure -- unless the clause says it has, runs or employs it
    filler = "".join(f"Riverton City opened its {k}th library branch this decade. " for k in range(40))
    text = filler + "\nIn Riverton City, bus operators say 140 bus routes are in service.\n" \
        "\nRiverton City runs 12 ferry piers.\n"
    claims = by_text(claims_of(text))
    assert claims["140"].subject.key == "riverton city" and claims["140"].confidence < 0.5
    assert claims["12"].subject.key == "riverton city" and claims["12"].confidence >= 0.6


def test_numbers_that_are_not_figures():
    """Section numbers, numbers ending a name, reciprocal pairs, quoted slogans,
    durations and titles are not claims; each sentence also holds a real figure."""
    text = (
        "- 2.1 International Development of the Harbour Region\n\n"
        "The Harbour Plan 2.0 promulgated in 2024 lists 46 projects.\n\n"
        "The Riverside 5 project will add 12 laboratories to the campus.\n\n"
        "Ferries between the two cities carried 3 million passengers.\n\n"
        'Under "one city, two harbours", the ports handled 18 million containers.\n\n'
        "The firm grew in just three years to 450 employees.\n\n"
        "Eight Major Directions\n\n"
        "The museum hosts 14 galleries.\n"
    )
    got = sorted(c.text for c in claims_of(text).claims)
    assert got == sorted(["46", "12", "3 million", "18 million", "450", "14"])


def test_numbers_like_those_that_stay_figures():
    """The mirror cases: a number word opening a sentence before a lowercase noun,
    'the two' before a noun that is not a pair of parties, a quoted term without
    a comma, a small number after a lowercase word."""
    text = (
        "Six research centres drive applied research.\n\n"
        "So far, the two Funds have attracted 9 companies.\n\n"
        'The plan develops the "eight centres" named in the outline.\n\n'
        "The Harbour Authority runs 5 ferry piers.\n"
    )
    got = {c.text for c in claims_of(text).claims}
    assert {"Six", "two", "9", "eight", "5"} <= got


def test_an_event_date_dates_the_event_not_the_figure():
    """'launched in October 2023' dates the launch: the scheme's $10 billion holds as
    of the document's date; a count of what the event made keeps the event's date,
    and a plain 'in 2024' stays the figure's as-of."""
    c = by_text(claims_of(
        "The Government launched the $10 billion Harbour Research Scheme in October 2023.\n\n"
        "The Authority set up 30 marine laboratories in 2020.\n\n"
        "The Harbour Fund invested $45 million in 2024.\n"))
    assert c["$10 billion"].as_of is None
    assert c["30"].as_of.label() == "2020"
    assert c["$45 million"].as_of.label() == "2024"


def test_an_anaphor_reaches_across_a_paragraph_cut_by_a_stray_blank_line():
    """Text extracted from a PDF or web page often breaks a sentence with a blank
    line; 'the programme' after it still refers to the name before the break."""
    text = ("The Harbour Apprenticeship Programme under the Marine Fund provides support to "
            "each eligible company to engage up to four trainees to conduct\n\n"
            "survey work. As at the end of May 2025, the programme has funded around 900 "
            "trainee posts.\n")
    c = by_text(claims_of(text))
    assert c["around 900"].subject.text == "Harbour Apprenticeship Programme"
    # a heading or a finished paragraph ends the search
    c = by_text(claims_of("The Harbour Apprenticeship Programme is run by the Marine Fund.\n\n"
                          "The programme has funded around 900 trainee posts.\n"))
    assert c["around 900"].subject.text != "Harbour Apprenticeship Programme"


def test_what_a_count_counts_when_verbs_and_lists_follow_the_figure():
    """A plural noun heads its phrase ('423 units drew' counts units); an adjective
    list runs to its noun; a verb right after the figure leaves the measure unsaid."""
    c = by_text(claims_of(
        "The Harbour Port Authority runs 423 berths and 25 of them drew most ships.\n\n"
        "The Harbour Port Authority employs about 2,000 permanent, temporary and seasonal "
        "workers.\n\n"
        "The Harbour Port Authority manages 90 berths, of which 12 carry the name of a pier.\n\n"
        "The Harbour Port Authority has handed out $9.5 billion in all, in all 18 districts.\n"))
    assert c["423"].attribute == "count of berth"
    assert c["about 2,000"].attribute == "count of worker; by employed"
    assert c["12"].attribute == "count; part" and c["12"].confidence <= 0.5  # of the 90 berths
    assert "cumulative" in c["$9.5 billion"].attribute


def test_counts_measured_by_the_noun_before_of_or_after_are():
    c = by_text(claims_of(
        "The Harbour District has a total population of over 86 million people and more.\n\n"
        "Of 9 000 grants, 6 396 are research projects.\n\n"
        "The Harbour Scheme gives HK$16 million for a period of three years.\n"))
    assert c["over 86 million"].attribute.startswith("count of")
    assert c["6 396"].subject.text == "research projects"
    assert "three" not in c
    # "forward", "pilot": a label word ("ward", "lot") inside another word is no label
    assert "12" in by_text(claims_of("The Harbour Committee put forward 12 core recommendations.\n"))


def test_since_and_from_start_a_period_that_runs_to_the_document_date():
    """'Since 2023' and a sentence opening 'From September 2024' give an open
    period (the engine closes it at the document's date); 'from 138 in 2016 to
    468' is a change, not such a period."""
    c = by_text(claims_of(
        "Since 2023, the Harbour Office has met over 130 shipping firms.\n\n"
        "From September 2024, firms may hire an additional 36 harbour pilots.\n\n"
        "The Harbour Office grew from 138 staff in 2016 to 468 staff in 2020.\n"))
    since = c["over 130"].as_of
    assert since.granularity == "onwards" and since.start.isoformat() == "2023-01-01"
    assert c["36"].as_of.granularity == "onwards"
    assert c["138"].as_of.label() == "2016" and c["468"].as_of.label() == "2020"


def test_the_engine_closes_an_onwards_period_at_the_document_date(tmp_path):
    from hklint.engine import Options, lint
    (tmp_path / "a.md").write_text("Revision date: 25 February 2025\n\n"
                                   "Since 2023, the Harbour Office has met over 130 shipping firms.\n",
                                   encoding="utf-8")
    report = lint([str(tmp_path)], Options(cache=False))
    (claim,) = [c for c in report.claims if c.text == "over 130"]
    assert (claim.as_of.start.isoformat(), claim.as_of.end.isoformat()) == ("2023-01-01", "2025-02-25")


def test_a_lower_case_definition_does_not_take_the_preposition_before_it():
    ex = claims_of("The city raised its investment in research and development (R&D) and in "
                   "virtual reality and augmented reality (AR) in 2024.\n")
    assert ex.aliases["r and d"] == "research and development"
    assert ex.aliases.get("ar") in (None, "augmented reality")


def test_as_of_from_academic_years_changes_and_dated_surveys():
    c = by_text(claims_of(
        "The Harbour College will increase the number of college places from the existing "
        "some 5 595 to 7 200 in the 2024/25 academic year.\n\n"
        "According to the 2020 start-up survey by the Harbour Office, around 26% of start-ups "
        "were founded by newcomers.\n\n"
        "The Harbour Office released Harbour Plan 2.0 in December 2020, setting out more than "
        "130 harbour initiatives.\n\n"
        "The first batch of about 20 harbour laboratories will commence operation in the first "
        "quarter of 2021.\n"))
    assert c["some 5 595"].as_of is None  # the old figure of a change, not of 2024/25
    academic = c["7 200"].as_of
    assert (academic.start.isoformat(), academic.end.isoformat()) == ("2024-09-01", "2025-08-31")
    assert c["around 26%"].as_of.label() == "2020"
    assert c["more than 130"].as_of is None  # the release date dates the release
    assert c["about 20"].as_of is None  # the opening date dates the opening


def test_what_a_page_is_names_no_owner():
    """'Quick Facts', 'FOR IMMEDIATE RELEASE', 'Company Fact Sheet' say what the page
    is, not what its figures are about."""
    from hklint.claims import _acceptable
    for kind in ("Quick Facts", "FOR IMMEDIATE RELEASE", "NEWS RELEASE", "Company Fact Sheet",
                 "Annual Review", "Who We Are"):
        assert not _acceptable(kind), kind
    for name in ("Lakeshore Power", "Fact Sheet on Smart City", "Northfield Annual Review Panel"):
        assert _acceptable(name), name
    c = by_text(claims_of("Quick Facts\n\n* some 84 million acres of land\n"))
    assert c["some 84 million acres"].subject.key == "land" and c["some 84 million acres"].confidence < 0.6


def test_a_blank_line_before_a_figure_starts_a_paragraph():
    """'Key figures' then a blank line then '2024 was ...' is a heading and a
    paragraph; a line broken mid-sentence before a figure still joins."""
    from hklint.extract.structure import blocks
    view = "Key figures\n\n2024 was a good year for the port.\n\nThe port handled a total of\n3,000 ships.\n"
    texts = [view[b.start:b.end] for b in blocks(view)]
    assert texts == ["Key figures", "2024 was a good year for the port.",
                     "The port handled a total of\n3,000 ships."]


def test_since_after_a_superlative_is_a_comparison():
    c = by_text(claims_of("The Harbour Authority handled 14,200 ship calls, the most since 2019.\n\n"
                          "Since 2019, the Harbour Authority has added 12 berths.\n"))
    assert c["14,200"].as_of is None
    assert c["12"].as_of.granularity == "onwards"


def test_the_base_of_a_comparison_is_not_the_figures_period():
    # the year after "than (in)", "from the figure in", "compared with" is what
    # the figure is compared with; the figure holds for the document's date
    c = by_text(claims_of(
        "The Harbour Authority counted 4,694 ship calls this year, 40% more than in 2020.\n\n"
        "The Harbour Authority logged 3 755 container calls, up 12 per cent from the figure in 2021.\n\n"
        "The Harbour Authority employed 2,100 pilots, compared with 2019.\n\n"
        "The Harbour Authority handled 812 cruise calls in 2023, up from 640 in 2022.\n"))
    # "this year" is the document's year (resolved by the engine), never 2020
    assert c["4,694"].as_of.text == "this year" and c["40%"].as_of.text == "this year"
    assert c["3 755"].as_of is None
    assert c["2,100"].as_of is None
    # a figure's own year still dates it
    assert c["812"].as_of.label() == "2023"


def test_the_counted_phrase_keeps_its_modifiers_and_stops_at_a_verb():
    c = by_text(claims_of(
        "In the Harbour District, the number of local start-ups rose 28% to 3,360.\n\n"
        "In the Harbour District, the number of Fintech start-ups grew from 138 in 2016 to 468 in 2020.\n\n"
        "The Harbour Authority had engaged 13 804 staff and spanned different business sectors.\n"))
    # "the number of <modifiers> <plural>": the modifiers say which start-ups
    assert c["3,360"].attribute == "count of local start up"
    assert c["468"].attribute == "count of fintech start up"
    # "staff and spanned ...": a verb after "and" ends what is counted
    assert c["13 804"].attribute == "count of staff"


def test_a_byline_or_a_currency_owns_nothing():
    text = ("Harbour grants to rise\n\nBy Mary Lee in Harbour City\n\n"
            "The authority handled about 300 ship calls last month.\n\n"
            "Tenants won more than 410 awards and raised approximately HKD 153 billion in funding.\n")
    c = by_text(claims_of(text))
    assert c["about 300"].subject.text != "Mary Lee in Harbour City"
    assert c["more than 410"].subject.text != "HKD"
    assert all(claim.subject.text not in ("HKD", "Mary Lee in Harbour City") for claim in c.values())


def test_the_level_a_change_ends_at_is_of_the_clause_subject_and_the_spans_end():
    c = by_text(claims_of(
        "Passenger trips on the network rose to 1.9 billion in 2024.\n\n"
        "Ferry crossings fell by 4% in 2025, to 3,815,290, from a record 3,963,358 in 2024.\n\n"
        "From 2016 to 2020 the Harbour Authority fleet grew to 48 tugs.\n"))
    assert (c["1.9 billion"].subject.text, c["1.9 billion"].as_of.label()) == ("passenger trips", "2024")
    assert (c["3,815,290"].subject.text, c["3,815,290"].as_of.label()) == ("ferry crossings", "2025")
    # the level reached over a span holds at the span's end
    assert c["48"].as_of.label() == "2020"


def test_a_citation_mark_ends_a_sentence_that_runs_into_the_next():
    # "... advancement.[1]HKSTP supports": the next sentence's date is not this one's
    c = by_text(claims_of("The Harbour Authority runs three ports.[1]The Harbour Authority has raised "
                          "HK$15 billion since fiscal year 2018.[2]\n"))
    assert c["three"].as_of is None
    assert c["HK$15 billion"].as_of.granularity == "onwards"


def test_a_since_after_the_figure_in_another_clause_does_not_date_it():
    c = by_text(claims_of("The Harbour Authority runs 1,200 berths, and it has raised HK$15 billion since 2018.\n\n"
                          "Since 2023, the Harbour Authority has added 130 berths.\n"))
    assert c["1,200"].as_of is None
    assert c["HK$15 billion"].as_of.granularity == "onwards"
    assert c["130"].as_of.granularity == "onwards"  # a fronted "since" covers what follows


def test_changes_keep_their_direction_and_base():
    c = by_text(claims_of(
        "The Harbour Authority's passenger traffic in 2010 increased by 12.9% over 2009.\n\n"
        "Harbour Authority traffic was down nearly 90 per cent.\n\n"
        "The Harbour Authority population reached 7,524,100, up 1% from mid-2018.\n"))
    assert c["12.9%"].attribute == "growth [over 2009]"
    assert c["nearly 90 per cent"].attribute == "decline"  # a fall, not a rise of 90%
    assert c["1%"].attribute.startswith("growth of population [over 2018")  # what rose: the level before it


def test_a_share_of_those_who_are_something_says_which_share():
    c = by_text(claims_of("In the Harbour District, 59% of the ferry captains were locals, and 34% of the "
                          "ferry captains were non-locals.\n"))
    assert c["59%"].attribute == "share of ferry captain [local]"
    assert c["34%"].attribute == "share of ferry captain [non local]"


def test_a_span_of_time_is_not_counted():
    c = by_text(claims_of("The Harbour Authority reported 30 min delays on 12 routes.\n"))
    assert "30" not in c and c["12"].attribute == "count of route"


def test_a_fact_list_line_is_no_heading_over_the_next_lines():
    text = ("Harbour facts\n\nLongest ferry route: North Pier to South Bay - 27.8km\n\n"
            "Total number of escalators: 426\n\nTotal number of staff: 19,000 approx\n")
    claims = claims_of(text).claims
    assert all(c.subject.text != "North Pier to South Bay" for c in claims if c.text != "27.8km")
    assert all(c.subject.text != "approx" for c in claims)


def test_a_plans_date_after_another_figure_does_not_date_a_figure_before_it():
    c = by_text(claims_of("The Harbour Authority, which counts more than 10 ferry routes, has said that it "
                          "wants to raise the number of ferry routes to 30 in 2032.\n"))
    assert c["more than 10"].as_of is None


def test_a_base_figures_date_is_not_the_figures_before_it():
    c = by_text(claims_of("The Harbour Authority posted a profit of HK$2.43 billion, rebounding from a "
                          "HK$678 million loss in the same period in 2022.\n\n"
                          "The Harbour Authority had 3,360 berths and 10,688 staff in 2020.\n"))
    assert c["HK$2.43 billion"].as_of is None
    assert c["HK$678 million"].as_of.label() == "2022"
    assert c["3,360"].as_of.label() == "2020"  # a list of figures shares its date


def test_a_sentence_end_year_dates_each_figure_of_a_coordinated_list():
    # "more than 900" carries its own bound: its "than" is no base of a comparison,
    # and "from the public" past the next figure is a source, not a base
    c = by_text(claims_of("The Harbour Archive added 2.1 million maps to its stores, catalogued more than "
                          "900 charts and answered more than 40,000 queries from the public in fiscal year 2019.\n\n"
                          "The Harbour Fund holds $30 billion, the Port Fund $5 billion, and the berths "
                          "let to operators starting from 2024 are new.\n"))
    assert c["2.1 million"].as_of.label() == c["more than 900"].as_of.label() == c["more than 40,000"].as_of.label()
    assert "2019" in c["2.1 million"].as_of.label()
    assert c["$30 billion"].as_of is None  # an onset after another figure is not this one's


def test_a_named_owners_measure_before_the_figure():
    c = by_text(claims_of("Harbour City's population stood at 7,184,000 in mid-2013.\n\n"
                          "The Harbour Authority's workforce was 4,000 in 2020.\n"))
    assert (c["7,184,000"].subject.text, c["7,184,000"].attribute) == ("Harbour City", "count of population")
    assert (c["4,000"].subject.text, c["4,000"].attribute) == ("Harbour Authority", "count of workforce")


def test_a_unit_is_never_the_owner():
    claims = claims_of("The Northland Grid installed 1.9 GW of solar capacity last year.\n\n"
                       "Installations eclipse 7.4 GigaWatts.\n\n11 GW\n").claims
    assert all(c.subject.text not in ("GW", "GigaWatts") for c in claims)
    assert {c.text: c.attribute for c in claims}["1.9 GW"] == "power of solar capacity"


def test_one_word_names_the_document_keeps_capitalising():
    text = ("Northmart is a retailer. Today, Northmart operates more than 10,800 stores, and Northmart "
            "employs 2.1 million associates.\n\nThe Fund gave $3 billion. Sales at the Fund rose.\n")
    c = by_text(claims_of(text))
    assert c["more than 10,800"].subject.text == "Northmart"
    # "the Fund" is short for a full name, never a one-word name of its own
    assert all(claim.subject.text != "Fund" for claim in c.values())


def test_fiscal_year_phrase_dates_its_own_clause_and_verbs_split_counts():
    c = by_text(claims_of(
        "The Harbour Authority had fiscal year 2022 revenue of $3.2 billion.\n\n"
        "With fiscal year 2015 revenue of $485.7 billion, the Harbour Authority employs 2.2 million people.\n\n"
        "The Harbour Authority promoted about 170,000 people last year.\n"))
    assert c["$3.2 billion"].as_of.granularity == "fiscal-year"
    assert c["2.2 million"].as_of is None  # the fiscal year is the revenue's
    assert c["2.2 million"].attribute == "count of people; by employed"
    assert c["about 170,000"].attribute == "count of people; by promoted"


def test_parts_injections_and_grants_are_measures_of_their_own():
    c = by_text(claims_of(
        "The Harbour Technopole has a total development area of over 600 ha, half (300 ha) of it will be "
        "I&T land.\n\n"
        "Members approved a further injection of $5 billion into the Harbour Innovation Fund.\n\n"
        "The projects were supported by the Harbour Innovation Fund, involving a funding amount of around "
        "$1.12 billion.\n"))
    assert c["over 600 ha"].attribute == "area" and c["300 ha"].attribute == "area; part"
    assert c["$5 billion"].attribute.startswith("injection")
    assert c["around $1.12 billion"].attribute.startswith("granted")


def test_a_quoted_short_name_defined_as_the_end_of_the_full_one():
    ex = claims_of('The Harbour Board manages the North Harbour Science Park ("Science Park") and the '
                   'Harbour Technology Corporation ("HTC").\n')
    assert ex.aliases == {"science park": "north harbour science park", "htc": "harbour technology corporation"}


def test_an_initial_figure_and_adjectives_before_a_noun():
    c = by_text(claims_of('"Harbour Pass" will offer over 20 frequently used public services initially.\n\n'
                          "The Harbour Club serves 300 elderly residents.\n"))
    assert c["over 20"].attribute == "count of service; initial"
    assert c["300"].attribute.startswith("count of resident")


def test_what_a_figure_is_compared_with_does_not_own_it():
    c = by_text(claims_of("Some 300 hectares will be used for innovation, providing about 7 million square metres "
                          "of gross floor area - equivalent to the size of 17 Harbour Science Parks.\n\n"
                          "- Provide subsidies of no more than $16 million to the Technology Transfer Office of "
                          "each university.\n"))
    assert c["about 7 million square metres"].subject.text != "Harbour Science Parks"
    assert c["no more than $16 million"].subject.text == "Technology Transfer Office"


def test_a_sentence_may_start_with_a_currency_sign():
    c = by_text(claims_of("- Set aside $10 billion for the **Harbour Health Institutes**. $2 billion will be "
                          "allocated to support the HarbourLab clusters.\n"))
    assert c["$2 billion"].subject.text == "HarbourLab"


def test_two_values_under_one_key_in_one_sentence_are_not_linked():
    c = by_text(claims_of("The Harbour Clusters involve seven local universities and research institutions as "
                          "well as over 30 institutions from 12 economies.\n\n"
                          "The Harbour Voucher Scheme is raising the ceiling for each applicant from HK$400,000 "
                          "to HK$600,000.\n"))
    assert c["seven"].confidence <= 0.5 and c["over 30"].confidence <= 0.5
    assert c["HK$600,000"].confidence > 0.5  # a change is one measure at two times


def test_levels_after_changes_and_former_values():
    c = by_text(claims_of(
        "Harbour arrivals grew by 7.7 percent to 16.4 million.\n\n"
        "The Harbour Authority's customer base grew 12.2 percent to 35.6 million.\n\n"
        "The number of Harbour District beds has more than halved, from around 299,000 to 142,000.\n\n"
        "The arrivals met the Harbour Tourism Board's (HTB) forecast.\n"))
    assert c["16.4 million"].subject.text == "harbour arrivals"
    assert (c["35.6 million"].subject.text, c["35.6 million"].attribute) == (
        "Harbour Authority", "count of customer base")
    # the value a change started from is a former value
    assert c["around 299,000"].tense is Tense.PAST and c["142,000"].tense is Tense.CURRENT
    assert claims_of("The arrivals met the Harbour Tourism Board's (HTB) forecast.\n").aliases == {
        "htb": "harbour tourism board"}


def test_shares_of_a_base_and_what_money_is():
    c = by_text(claims_of(
        "The Harbour Board expects a basic deficit of S$5.1 billion, or 1 per cent of GDP.\n\n"
        "The Harbour Board's fiscal impulse is projected at 0.1% of GDP.\n\n"
        "The Harbour Board expects a surplus of S$1.9 billion.\n\n"
        "The Harbour Board's deficit of S$74.2 billion is the biggest since independence in 1965.\n"))
    # GDP is the base of the share, never an owner; the share says what it restates
    assert all(claim.subject.text != "GDP" for claim in c.values())
    assert c["1 per cent"].attribute == "share of gdp [basic deficit]"
    assert c["0.1%"].attribute == "share of gdp [fiscal impulse]"
    assert c["S$5.1 billion"].attribute == "deficit" and c["S$1.9 billion"].attribute == "surplus"
    assert c["S$74.2 billion"].as_of is None  # "since independence in 1965" is no as-of


def test_exchange_rates_currency_countries_and_a_rankings_field():
    assert claims_of("$1 = 1.3586 Harbour dollars\n").claims == []
    c = by_text(claims_of("The Harbour Bank's pool amounted to 4.14 million Singapore dollars, the Harbour Bank "
                          "said.\n\nThe Harbour Report 2017 ranks Harbour City 13th out of 136 countries overall.\n"))
    assert c["4.14 million Singapore dollars"].subject.text != "Singapore"
    assert "136" not in c  # the field of a ranking, not a count of Harbour City's


def test_a_year_in_brackets_after_a_figure_is_its_own():
    c = by_text(claims_of("Number of employees at the Harbour Authority: 6,616+ (2023)\n\n"
                          "The Harbour Authority has 6,500 staff (2021) and 40 piers.\n\n"
                          "The Harbour Board (founded 1990) has 300 staff.\n"))
    assert c["6,616+"].as_of.label() == "2023" and c["6,500"].as_of.label() == "2021"
    assert c["40"].as_of is None and c["300"].as_of is None


def test_respectively_pairs_figures_with_periods_in_order():
    c = by_text(claims_of("At the Harbour School, seven and 11 students got perfect scores in 2021 and 2022, "
                          "respectively.\n\nThe Harbour Authority had 300 staff and 40 piers in 2023 and 2024 "
                          "respectively.\n"))
    assert c["11"].as_of.label() == "2022"
    assert (c["300"].as_of.label(), c["40"].as_of.label()) == ("2023", "2024")


def test_respectively_pairs_figures_with_the_names_before_them():
    c = by_text(claims_of(
        "Harbour Line and Valley Line carried 120,000 and 45,000 passengers a day respectively.\n\n"
        "The Riverton Museum and the Hill Gallery received 2.1 million and 800,000 visitors respectively "
        "in 2023.\n\n"
        "The Board funds the Phase 2 of the Riverton Science Campus and the Delta Harbour Hub, providing "
        "about 28,000 and 63,000 square metres of floor area respectively.\n"))
    assert (c["120,000"].subject.text, c["45,000"].subject.text) == ("Harbour Line", "Valley Line")
    assert c["120,000"].attribute == c["45,000"].attribute == "count of passenger; daily; by carried"
    assert (c["2.1 million"].subject.text, c["800,000"].subject.text) == ("Riverton Museum", "Hill Gallery")
    assert c["800,000"].as_of.label() == "2023"
    # the phase is the first name's, not the second's
    assert (c["about 28,000"].subject.text, c["about 28,000"].attribute) == (
        "Riverton Science Campus", "floor area [phase 2]")
    assert (c["63,000 square metres"].subject.text, c["63,000 square metres"].attribute) == (
        "Delta Harbour Hub", "floor area")


def test_respectively_with_a_longer_list_than_figures_pairs_nothing():
    # three names, two figures: which is which is unclear, so both keep one
    # owner and, being two values under one key, are not linked
    c = by_text(claims_of("Harbour Line, Valley Line and Ridge Line carried 120,000 and 45,000 passengers "
                          "a day respectively.\n"))
    assert c["120,000"].subject.key == c["45,000"].subject.key
    assert c["120,000"].confidence < 0.6


def test_a_relative_clause_says_which_are_counted():
    c = by_text(claims_of("The Harbour Service also includes the 21,000 staff that work as local planners and "
                          "commissioners.\n"))
    assert c["21,000"].attribute == "count of staff [work as local planner]"


def test_budget_stages_alternatives_and_fiscal_year_labels():
    c = by_text(claims_of(
        "For FY2007, the Harbour Administration requested $16.792 billion, a 1% increase (or a 3.2% increase if "
        "one-time FY2006 funding for repairs is excluded).\n\n"
        "The Harbour Authorization Act authorized FY2007 funding of $17.932 billion for the Harbour Agency.\n\n"
        "The final appropriation for the Harbour Agency was $17.309 billion.\n"))
    assert c["$16.792 billion"].attribute == "requested"
    assert c["$17.932 billion"].attribute == "authorized" and c["$17.309 billion"].attribute == "appropriated"
    # figures of a definition the sentence leaves open are shown, not linked
    assert c["1%"].confidence <= 0.5 and c["3.2%"].confidence <= 0.5
    assert all(claim.subject.text != "FY2006" for claim in c.values())


def test_a_hard_wrapped_sentence_is_one_sentence():
    text = ("The Harbour Agency conducts the port's civilian survey activities. For FY2008, the Administration requested\n"
            "$17.309 billion for the Harbour Agency, an increase of 6.4% from the FY2007 regular appropriation\n"
            "of $16.264 billion.\n")
    c = by_text(claims_of(text))
    assert c["$17.309 billion"].attribute == "requested"
    assert c["$17.309 billion"].as_of is not None and c["$17.309 billion"].as_of.text.endswith("FY2008")


def test_a_ratio_in_a_table_cell_is_one_figure():
    text = ("| Indicator | 2016 | 2022 |\n|---|---|---|\n"
            "| Public to private spending ratio | 56:44 | 58:42 |\n")
    claims = claims_of(text).claims
    assert [(c.text, c.unit, round(c.value, 3), c.as_of.label()) for c in claims] == [
        ("56:44", "ratio", 1.273, "2016"), ("58:42", "ratio", 1.381, "2022")]


def test_what_money_is_said_after_it_or_for_its_first_figure():
    c = by_text(claims_of(
        "Last year, Harbourify generated 3.7 billion euros (approximately $4 billion) in revenue. "
        "Excluding one-time charges, Harbourify generated 68 million euros in adjusted operating profit.\n\n"
        "Harbourify's fourth-quarter losses escalated from €39 million in 2021 to €270 million in 2022.\n\n"
        "Harbourify shares are far from their all-time high of nearly $365 per share.\n"))
    assert c["3.7 billion euros"].attribute == c["approximately $4 billion"].attribute == "revenue"
    assert c["68 million euros"].attribute == "profit"
    assert c["€39 million"].attribute == c["€270 million"].attribute == "loss"
    assert c["nearly $365"].attribute == "price per share"


def test_money_nothing_says_the_kind_of_is_shown_not_linked():
    # a company's amount with no word for what it is (revenue? a loss?) ...
    c = by_text(claims_of("In the quarter, Harbourify Holdings took €1.86 billion.\n"))
    assert c["€1.86 billion"].confidence < 0.6
    # ... but a fund's or a scheme's amount is its size
    c = by_text(claims_of("The Harbour Venture Fund has \\$2 billion.\n\n"
                          "Riverton Labs is a \\$10 billion major initiative of the Board.\n"))
    assert c["$2 billion"].confidence >= 0.6 and c["$2 billion"].attribute == "funding"
    assert c["$10 billion"].confidence >= 0.6


def test_a_dateline_owns_nothing_and_ends_the_headline_before_it():
    c = claims_of("date 2020-12-04\n"
                  "Harbour organizers say the regatta delay will cost them $2.8 bln\n"
                  "RIVERTON — The postponement of the Harbour Regatta will cost the Harbour Board "
                  "an additional $2.8 billion, the organizing committee said on Friday.\n\n"
                  "RIVERTON: The Harbour Regatta is expected to cost the Harbour Board some $12.6 billion, "
                  "organisers said Friday.\n").claims
    assert c and all(x.subject.text != "RIVERTON" for x in c)
    assert all(x.span.line != 2 or x.subject.text != "Harbour Regatta" for x in c)


def test_a_sentence_that_refers_back_keeps_the_time_of_the_one_before():
    c = by_text(claims_of(
        "Published 3 March 2024.\n\n"
        "As at end-September 2023, the Harbour Board had 5,600 applicants on its list. "
        "Among them, 3,900 were elderly applicants. "
        "About 150 applicants under the Points Scheme were housed in the same quarter.\n\n"
        "In 2022, the Harbour Board had 5,100 applicants. The Board employs 800 staff.\n"))
    assert c["3,900"].as_of.label() == "2023-09" and c["3,900"].as_of.source == "text"
    assert c["About 150"].as_of.label() == "2023-09"
    # nothing refers back: the present is the document's time
    assert c["800"].as_of is None  # dated by the document when linked


def test_seats_lost_gained_or_won_by_are_not_seats_held():
    c = by_text(claims_of(
        "The Harbour Party picked up 36 seats in the north, while the Valley Party lost 38 seats. "
        "Its leader lost her own seat by 149 votes.\n"))
    assert c["36"].attribute.endswith("by gain") and c["38"].attribute.endswith("by loss")
    assert "margin" in c["149"].attribute.split("; ")
    from hklint.link import comparable
    held = by_text(claims_of("The Valley Party has 56 seats.\n"))["56"]
    assert not comparable(c["38"], held) and not comparable(c["149"], held)


def test_a_number_after_a_possessive_name_is_a_count():
    c = by_text(claims_of("The Harbour Metro's 11 lines carry 5 million people a day.\n\n"
                          "Visitors flocked to Expo's 192 country pavilions.\n"))
    assert "11" in c and "192" in c


def test_a_plural_of_initials_is_a_kind_not_a_name():
    c = by_text(claims_of("The vote left 364 MPs on the benches. The region has 16 State Key Laboratories.\n"))
    assert c["364"].confidence < 0.6          # "MPs" in general: what is counted, owned by nothing
    assert c["16"].subject.key == "state key laboratory" and c["16"].confidence >= 0.85


def test_a_parent_company_or_a_place_a_name_is_in_does_not_own_the_figure():
    c = by_text(claims_of(
        "Harbour Air is an international airline registered and based in Riverton, offering services to "
        "162 destinations in 42 countries.\n\n"
        "Valley Air is a regional airline. As a wholly owned subsidiary of Harbour Air, it operates 32 aircraft.\n"))
    assert c["162"].subject.text == "Harbour Air"
    assert "32" not in c or c["32"].subject.text != "Harbour Air"


def test_a_source_tells_a_figure_and_a_named_edition_dates_it():
    c = by_text(claims_of(
        "Published 3 March 2024.\n\n"
        "Advertising revenue surged to 501 million euros in the quarter, as highlighted by the Harbour Street "
        "Journal.\n\n"
        "The minister, while introducing the Harbour Tiger Estimation Report 2018, said the Harbour Republic "
        "has a population of around 3,000 tigers.\n"))
    assert "501 million euros" not in c or c["501 million euros"].subject.text != "Harbour Street Journal"
    assert c["around 3,000"].subject.text == "Harbour Republic"
    assert c["around 3,000"].as_of.label() == "2018"


def test_the_name_a_figure_is_given_with_owns_it():
    c = by_text(claims_of(
        "The North Province saw the highest number of tigers at 526, followed by Eastmark with 524 tigers "
        "and then the state of Westmark with 442 tigers.\n\n"
        "The South Province had 785 tigers, followed by Ridgeland (563 tigers) and Lakeland (560 tigers).\n"))
    assert (c["524"].subject.text, c["442"].subject.text) == ("Eastmark", "Westmark")
    assert c["526"].subject.text == "North Province"
    assert (c["563"].subject.text, c["560"].subject.text) == ("Ridgeland", "Lakeland")


def test_counts_of_what_was_shipped_sold_or_hired_are_flows_not_stocks():
    from hklint.link import _a_change
    c = by_text(claims_of("Harbour Computers shipped 17.3 million units. Harbour Computers hired 145 engineers. "
                          "Harbour Computers has over 87,000 employees.\n"))
    assert c["17.3 million"].attribute.endswith("by shipped") and _a_change(c["17.3 million"])
    assert _a_change(c["145"]) and not _a_change(c["over 87,000"])


def test_a_fronted_place_scopes_and_a_substance_measured_owns_nothing():
    c = by_text(claims_of(
        "In the Harbour Republic, Delta Computers shipped 17.2 million units. Delta Computers shipped "
        "67.2 million units worldwide.\n\n"
        "The Valley Republic emitted a total of 809.8 million tonnes of CO2 equivalents in 2019.\n"))
    assert c["17.2 million"].subject.text == "Delta Computers"
    assert "[in harbour republic]" in c["17.2 million"].attribute
    assert "[" not in c["67.2 million"].attribute and c["67.2 million"].attribute.endswith("by shipped")
    assert c["809.8 million"].subject.text != "CO2"


def test_a_multiple_and_a_name_particle_are_not_counts():
    c = by_text(claims_of("The Harbour Authority toll is nearly 50 times higher than the 64 deaths first reported. "
                          "Coach Erik ten Hag said the Harbour United team won 12 games.\n"))
    assert "nearly 50" not in c and "50" not in c and "ten" not in c
    assert "12" in c


def test_changes_casualties_and_milestones_are_not_levels():
    from hklint.link import _a_change
    c = by_text(claims_of(
        "The number of employed people fell by 54 000 to 14.9 million, following a decrease of 28 000. "
        "The quake left 217 people dead, with 1090 people injured. "
        "The Harbour Republic took 85 days to touch the 10-million vaccination mark. "
        "The Valley tigers in the age group of 1.5 years and more number 524.\n"))
    assert "change" in c["54 000"].attribute.split("; ") and "change" in c["28 000"].attribute.split("; ")
    assert "change" not in c["14.9 million"].attribute
    assert _a_change(c["1090"]) and c["1090"].attribute.endswith("by injured")
    assert "10-million" not in c and "1.5" not in c


def test_the_dead_told_by_a_relative_clause_are_not_a_population():
    # a town's people and the people a fire killed are two measures; a passive
    # "were killed on the road" says what befell them, it is not what they are
    c = by_text(claims_of(
        "The fire reached the valley town, a community of nearly 27,000 people.\n\n"
        "The 85 people who lost their lives were remembered, and 12 residents were killed on the road.\n\n"
        "Over 3.5 million people are registered users of the portal.\n"))
    assert c["85"].attribute.endswith("by killed")
    assert "killed" not in c["nearly 27,000"].attribute
    assert c["12"].subject.text == "residents" and c["12"].attribute.endswith("by killed")
    assert c["Over 3.5 million"].subject.text == "registered users"


def test_a_part_of_the_same_kind_and_openings():
    c = by_text(claims_of("Harbour Coffee added 590 net new stores globally, including 337 Teavana stores. "
                          "The Harbour Authority employs more than 21,000 staff, including 3,100 doctors. "
                          "Harbour Coffee opened 120 stores in the north.\n"))
    assert c["337"].attribute.endswith("part")
    assert c["3,100"].attribute == "count of doctor"     # another noun: a measure of its own
    assert c["120"].attribute.endswith("by opened")


def test_money_a_margin_or_a_change_is_not_a_level():
    c = by_text(claims_of("Harbour Go players spent $1.3 billion in 2020, besting its 2019 revenue by around "
                          "$400 million. Harbour Go revenue rose by $2 billion.\n"))
    assert c["around $400 million"].attribute.endswith("margin")
    assert c["$2 billion"].attribute.endswith("change")


def test_a_measures_initials_own_nothing():
    from hklint.claims import _acceptable
    assert not _acceptable("YoY") and not _acceptable("GAAP EPS") and not _acceptable("CAGR")
    assert _acceptable("Harbour Coffee")


def test_weekends_averages_and_list_items_in_brackets():
    c = by_text(claims_of(
        "Valley Film saw a per-theater average of $558. Harbour Film made a $93 million second weekend.\n\n"
        "The reserves of the Harbour Bank reached US$3.11 trillion, up 0.3% or US$10.6 billion from a month "
        "earlier.\n\n"
        "The most generous region was the North West (£1,482,663), followed by London (£1,139,167), "
        "Scotland (£942,079) and eastern England (£847,129).\n"))
    assert c["$558"].attribute.endswith("average") and c["$93 million"].attribute.endswith("weekly")
    assert c["US$3.11 trillion"].attribute == "funding" and c["US$10.6 billion"].attribute.endswith("change")
    assert [c[t].subject.text for t in ("£1,139,167", "£942,079", "£847,129")] == ["London", "Scotland", "England"]


def test_words_of_are_the_words_written_on_their_own():
    from hklint.claims import _words_of

    def written(view: str, word: str) -> bool:  # the definition: no letter or digit on either side
        return any((at == 0 or not view[at - 1].isalnum())
                   and (at + len(word) == len(view) or not view[at + len(word)].isalnum())
                   for at in range(len(view)) if view.startswith(word, at))

    view = ("The fund's 3rd round (fund) funds-fund, «fund» fundé fund’s über\u00a0fund\n"
            "x2fund fund2 fund_ Fund ﬁnd café—fund ⅷfund")
    words = _words_of(view)
    for word in ("fund", "funds", "round", "rd", "s", "fundé", "über", "café", "find", "x2fund", "fund2", "nd"):
        assert (word in words) == written(view, word), word


def test_a_name_in_an_appositive_describes_the_name_before_it():
    # the owner is the sentence's subject, not the place inside ", a ... facility,"
    text = ("We visited Riverbank in May, and wrote to Riverbank in June. Riverbank, a wholly-owned "
            "Lowland Works facility, is a creative workspace with more than 1,500 start-ups.\n")
    claim = by_text(claims_of(text))["more than 1,500"]
    assert claim.subject.key == "riverbank"
    # without the appositive's commas, the nearer name still owns it
    claim = by_text(claims_of("Riverbank said Lowland Works now hosts more than 1,500 start-ups.\n"))[
        "more than 1,500"]
    assert claim.subject.key == "lowland work"


def test_counted_noun_reads_through_initials_and_field_names():
    # "communications" modifies "technology"; "(ICT)" sits inside the phrase
    c = by_text(claims_of("Harbour Quay is home to over 2 200 information and communications technology "
                          "(ICT) enterprises and talents.\n"))
    assert c["over 2 200"].attribute == "count of enterprise"
    # a hyphenated participle after "and" is an adjective of the noun, not a verb
    c = by_text(claims_of("The Harbour Council has liaised with over 130 representative and well-funded "
                          "biotech enterprises to set up here.\n"))
    assert c["over 130"].attribute == "count of enterprise"
    # a verb after "and" still ends the phrase
    c = by_text(claims_of("The Harbour Council hosts 41 start-ups and attracted new investors.\n"))
    assert c["41"].attribute == "count of start up"


def test_a_one_word_short_name_from_inside_the_full_name_is_an_alias():
    text = ("Harbourside Quayport Management Company Limited (Quayport): Quayport is home to 900 firms. "
            "Visitors to Quayport rose. Traders like Quayport.\n")
    assert claims_of(text).aliases.get("quayport") == "harbourside quayport management company limited"
    # a common word in brackets is not a name, even when the full name holds it
    text = "The Innovation Commission (Commission) met twice. The commission agreed.\n"
    assert "commission" not in claims_of(text).aliases


def test_links_and_tag_lines_do_not_unmake_a_one_word_name():
    # "walmart" in a web address and "• quayport," in a tag list are not prose
    from hklint.claims import proper_words
    from hklint.passages import analyse
    text = ("Source: https://corporate.quayport.com/news\n\nWe met Quayport staff. "
            "Then Quayport said it had 40 halls.\n\nTopics:\n  • quayport,\n  • halls\n")
    doc = Document(path="doc.md", text=text, line_starts=line_starts(text))
    assert "Quayport" in proper_words(analyse(doc))
    text = "We met Quayport staff. Then Quayport said the quayport was full.\n"
    doc = Document(path="doc.md", text=text, line_starts=line_starts(text))
    assert "Quayport" not in proper_words(analyse(doc))


def test_a_target_is_a_plan_however_the_clause_is_told():
    text = ("These launches marked the 98th flight of the year for Harbour Rockets, just shy of their goal "
            "of 100 launches. Harbour Rockets had its sights set on achieving 120 launches by December 31. "
            "Harbour Rockets spoke of the 150 launch target it hopes to achieve. "
            "Harbour Rockets made 61 launches. The Harbour Fund backed 90 projects targeted at small firms.\n")
    c = by_text(claims_of(text))
    assert [c[t].tense for t in ("100", "120", "150")] == [Tense.FUTURE] * 3
    assert c["61"].tense is not Tense.FUTURE
    # "targeted at" names whom a figure is for, not a target
    assert c["90"].tense is not Tense.FUTURE


def test_a_counted_noun_that_looks_like_a_verb_does_not_make_the_date_an_event():
    # "launches" counted is not "launches" done: the year is the count's
    c = by_text(claims_of("Harbour Rockets made 61 orbital launches in 2022.\n"))
    assert c["61"].as_of.label() == "2022"
    c = by_text(claims_of("Harbour Rockets flew 96 missions, up from the 61 orbital launches in 2022.\n"))
    assert c["61"].as_of.label() == "2022"


def test_event_dates_do_not_date_a_page_alone():
    # a start, an entry into orbit, a caption's launch, a fronted date of a launch
    for sentence in ("The Harbour Tour, which began in Glendale on March 17, 2023, grossed $2 billion.",
                     "Its first test satellites, Tin A and Tin B, entered orbit in February 2018.",
                     "A Harbour Heavy rocket launches with the Psyche spacecraft from the Kennedy Space "
                     "Center in Cape Canaveral, Florida, on October 13, 2023.",
                     "In January 2023, the Port of Harbourton launched a digitised solution."):
        periods = claims_of(sentence + "\n").periods
        assert periods and all(event for _p, _t, event in periods), sentence
    # a state as of a date still dates it
    (period, _tense, event), = claims_of("As of January 2023, the Port of Harbourton handled 14 million boxes.\n").periods
    assert not event


@pytest.mark.parametrize("text, figure, other, said", [
    # money in a kind of sales is sales
    ("Pollstar found that Taylor Swift brought in approximately $200 million in merch sales. Taylor Swift "
     "generated more than $300 million from the tour.", "approximately $200 million", "more than $300 million",
     lambda a: a.startswith("sales")),
    # an amount more than another is a change
    ("The Harbour Telescope will cost $1.5 billion more than current estimates. The Harbour Telescope will cost "
     "$9.6 billion.", "$1.5 billion", "$9.6 billion", lambda a: a.endswith("change")),
])
def test_what_an_amount_is_said_to_be(text, figure, other, said):
    c = by_text(claims_of(text + "\n"))
    assert said(c[figure].attribute) and not said(c[other].attribute)


def test_a_heading_in_capitals_starts_a_section_with_its_name():
    # one-word and two-word headings in capitals, even after a long bullet that
    # would otherwise read as wrapped onto the next line
    text = ("Date: 2020-01-04\n\nThe fire season so far:\nNORTHLAND\n* 17 people dead\n"
            "* 68 structures confirmed destroyed but number expected to rise significantly\n"
            "SOUTH COAST\n* 88 homes confirmed destroyed\nISLANDS\n* 30,000 hectares burned\n")
    from hklint.extract.structure import blocks
    assert "SOUTH COAST" in [text[b.start:b.end] for b in blocks(text)]
    c = by_text(claims_of(text))
    assert c["17"].subject.text == "NORTHLAND"
    assert c["88"].subject.text == "SOUTH COAST"
    assert c["30,000 hectares"].subject.text == "ISLANDS"


def test_a_place_in_another_clause_does_not_own_a_figure():
    text = ("Not only was the Harbour Tour the No. 1 tour both worldwide and in North America, but she "
            "also brought in a whopping $1.04 billion with 4.35 million tickets sold.\n")
    c = by_text(claims_of(text))
    assert c["$1.04 billion"].subject.text == "Harbour Tour"   # not "North America", not "Harbour Tour the No"


def test_the_period_compared_with_is_not_the_figures():
    text = ("Harbour Port throughput rose by 4.8 per cent by comparison with the first six months of 2018. "
            "Harbour Port handled 240.7 million tonnes in the first six months of 2019.\n")
    c = by_text(claims_of(text))
    assert c["4.8 per cent"].as_of is None
    assert c["240.7 million"].as_of.label() == "2019-01-01/2019-06-30"


def test_a_speaker_does_not_own_what_they_tell_of_another_name():
    # a fund's name would otherwise win over a nearer name
    c = by_text(claims_of("The Harbour Venture Fund said Block World made 61 launches. "
                          "The Harbour Board said it runs 12 ferries.\n"))
    assert c["61"].subject.text == "Block World"
    assert c["12"].subject.text == "Harbour Board"   # no other name: the speaker tells of itself


def test_outage_counts_say_what_befell_those_counted():
    text = ("Harbour Power has restored power to 1.2 million customers. Harbour Power is focused on "
            "restoring the approximately 850,000 customers currently without power. Harbour Power is "
            "trying to restore power to 1.1 million customers impacted by the storm. About 2.1 million "
            "Harbour Power customers were affected by the storm.\n")
    c = by_text(claims_of(text))
    assert c["1.2 million"].attribute.endswith("by restored")
    assert c["approximately 850,000"].attribute.endswith("by without power")
    assert c["1.1 million"].attribute.endswith("by without power")   # still waiting: not yet restored


def test_a_name_between_another_figure_and_its_noun_owns_only_that_figure():
    text = ("Lee County was in the worst shape, with 79% of its 288,630 FPL customers and 95% of its "
            "173,605 cooperative customers without electricity.\n")
    c = by_text(claims_of(text))
    assert "fpl" not in c["173,605"].subject.key
    # in a run of names and figures ("SPD 206 FDP 92") a name is the next figure's
    from hklint.claims import _counted_by_another, _Name
    from hklint.extract.numbers import find_numbers
    view = "SPD 206 FDP 92 seats"
    second = find_numbers(view)[1]
    assert not _counted_by_another(view, _Name(8, 11, "FDP", "title-case"), second)
    view = "its 288,630 FPL customers and its 173,605 cooperative customers"
    assert _counted_by_another(view, _Name(12, 15, "FPL", "title-case"), find_numbers(view)[1])


def test_fiscal_years_written_before_fiscal_year_and_the_year_wording():
    text = ("The Harbour Canal closed its 2018 fiscal year with 442.1 million tons. The Harbour Canal "
            "closed the 2019 fiscal year (FY19) with 469 million tons. The Harbour Citadel received "
            "447,800 visitors during the year 2021.\n")
    c = by_text(claims_of(text))
    assert c["442.1 million"].as_of.text == "2018 fiscal year"
    assert (c["469 million"].as_of.start.year, c["469 million"].as_of.granularity) == (2019, "fiscal-year")
    assert c["447,800"].as_of.label() == "2021"


def test_savings_and_prices_are_their_own_measures():
    text = ("The Harbour Crossing is set to save £145 million. The new £1.35 billion Harbour Crossing "
            "opened. The ticket to enter the Harbour Citadel costs USD 40 for foreigners.\n")
    c = by_text(claims_of(text))
    assert c["£145 million"].attribute.startswith("saving")
    assert not c["£1.35 billion"].attribute.startswith("saving")
    assert c["USD 40"].attribute.startswith("price")


@pytest.mark.parametrize("sentence", [
    "The Harbour County homeless count declined by 0.27% this year.",
    "Harbour County numbers were decreasing by about 0.3%.",
    "Harbour Phones shipments shrank by 1%.",
])
def test_a_fall_told_with_any_verb_is_a_decline(sentence):
    (claim,) = claims_of(sentence + "\n").claims
    assert claim.attribute.startswith("decline")


def test_bylines_and_datelines_own_nothing():
    text = ("Homeless numbers show slight drop\n\nWave Wire Services\n\n"
            "The total number of people experiencing homelessness fell to 75,312 people.\n")
    assert all("wave" not in c.subject.key for c in claims_of(text).claims)
    text = "Canal results\n\nPublished Dec 19, 2023 04:40 am\n\nThe Harbour Canal handled 510 million tons.\n"
    assert all("published" not in c.subject.key for c in claims_of(text).claims)
    from hklint.claims import _acceptable
    assert not _acceptable("USD2.5")


def test_an_uptick_of_an_amount_is_a_change():
    (claim,) = [c for c in claims_of("Harbour Canal revenue reached USD3.3 billion, a notable uptick of USD319 "
                                     "million on the year before.\n").claims if c.text == "USD319 million"]
    assert claim.attribute.endswith("change")


def test_a_name_set_aside_owns_nothing():
    c = by_text(claims_of("# Harbour Lotto\n\nHarbour Lotto aside, the Coast drawing is Wednesday, and the jackpot "
                          "for that is an estimated $620 million.\n"))
    assert "an estimated $620 million" not in c or "harbour lotto" not in c["an estimated $620 million"].subject.key


def test_what_an_amount_is_named_by_its_noun():
    c = by_text(claims_of("Harbour Lotto players must buy a $2 ticket. The Harbour Lotto jackpot is an estimated "
                          "$1.6 billion with a one-time cash option of $913 million.\n"))
    assert c["$2"].attribute.startswith("price")
    assert c["an estimated $1.6 billion"].attribute.startswith("prize")
    assert c["$913 million"].attribute.startswith("cash option")


def test_a_previous_record_is_its_own_measure():
    c = by_text(claims_of("The previous record Harbour Lotto jackpot was $656 million, shared by three winners.\n"))
    assert "former" in c["$656 million"].attribute


def test_the_year_a_subject_is_named_by_dates_its_figures():
    c = by_text(claims_of("A 2013 data breach at Harbour Mail actually impacted all of Harbour Mail's "
                          "3 billion user accounts.\n"))
    assert c["3 billion"].as_of.label() == "2013"


def test_energy_says_what_it_is_of():
    text = ("The Harbour Republic's total electricity consumption in 2023 was 50.7 TWh. In the Harbour Republic, "
            "renewable production supplied 61%, totaling 31.2 TWh. The Harbour Republic imported 9 TWh of electricity.\n")
    attrs = {c.text: c.attribute for c in claims_of(text).claims if c.unit.endswith("Wh")}
    assert len(set(attrs.values())) == len(attrs) == 3, attrs


def test_an_average_area_is_its_own_measure():
    c = by_text(claims_of("Harbour Market warehouses average around 146,000 square feet. Harbour Market has "
                          "110.7 million square feet of floor space.\n"))
    assert c["around 146,000 square feet"].attribute.endswith("average")
    assert not c["110.7 million square feet"].attribute.endswith("average")


def test_a_claimed_or_rumoured_figure_is_weak_evidence():
    c = by_text(claims_of("In the report, CNBC also claimed that around 75 of Harbour Social's 1,300 employees are "
                          "on leave. Harbour Social has 2,300 employees.\n"))
    assert c["1,300"].confidence <= 0.5 < c["2,300"].confidence


def test_claims_as_a_noun_are_not_a_hedge():
    c = by_text(claims_of("Harbour State jobless claims rose to 230,000 last week.\n"))
    assert c["230,000"].confidence > 0.5


def test_a_list_takes_the_one_period_its_lead_in_line_names():
    text = ("The Harbour Railroad provided the following preliminary results for FY23:\n\n"
            "  • Ridership: With 28.6 million customer trips, ridership rose.\n"
            "  • Revenue: The Harbour Railroad earned $3.4 billion.\n\n"
            "The Harbour Railroad gave these results:\n\n  • The Harbour Railroad carried 12 million riders.\n")
    c = by_text(claims_of(text))
    assert c["28.6 million"].as_of.text == "FY23" and c["$3.4 billion"].as_of.text == "FY23"
    assert c["12 million"].as_of is None   # a lead-in naming no period dates nothing


def test_a_fact_sheet_title_dates_the_figures_it_leaves_undated():
    # the title names the one period the sheet reports on; a figure the text dates keeps its own date
    text = ("Harbour Archive At-A-Glance In fiscal year 2019, the Harbour Archive...\n\n"
            "Answered more than 40,000 queries from the public\n\n"
            "Held 2.1 million maps\n\nLent 1,900 maps to schools in 2015\n")
    c = by_text(claims_of(text))
    assert "2019" in c["more than 40,000"].as_of.label()
    assert "2019" in c["2.1 million"].as_of.label()
    assert c["1,900"].as_of.label() == "2015"
    plain = by_text(claims_of("Harbour Archive news\n\nThe archive answered more than 40,000 queries.\n"))
    assert plain["more than 40,000"].as_of is None


def test_a_list_label_owns_its_figure_whole_not_the_name_it_starts_with():
    text = ("Campuses\n\n"
            "  • Harbour University at Northbank: 9,600 students\n"
            "  • Harbour University at Southbank: 9,700 students\n"
            "  • **Harbour Teaching Hospital (HTH)** has 1,200 beds\n")
    c = by_text(claims_of(text))
    assert c["9,600"].subject.text == "Harbour University at Northbank"
    assert c["9,700"].subject.text == "Harbour University at Southbank"
    assert "hth" not in c["1,200"].subject.key


def test_sorts_of_one_noun_counted_in_a_sentence_keep_their_modifiers():
    text = ("The Harbour University comprises three federated schools, four constituent colleges, "
            "an affiliated college and four theological colleges.\n\n"
            "The Harbour Library added 40,000 volumes, bringing its collection to 2.1 million printed volumes.\n")
    c = by_text(claims_of(text))
    fours = [cl for cl in claims_of(text).claims if cl.text == "four"]
    assert sorted(cl.attribute for cl in fours) == ["count of constituent college", "count of theological college"]
    assert c["2.1 million"].attribute == "count of volume"  # the bare noun is no other sort


def test_a_fronted_addition_keeps_its_date_and_names_to_itself():
    # the 2016 and the Northbank belong to what is added in, not to the total after the comma
    c = by_text(claims_of("Along with the 120 herons counted at Northbank in 2016 and four herons in a "
                          "sanctuary, this brings the total heron population to 910 birds.\n\n"
                          "The reserve counted 300 herons in 2019.\n"))
    assert c["120"].as_of.label() == "2016"
    assert c["910"].as_of is None
    assert "Northbank" not in c["910"].subject.text
    assert c["300"].as_of.label() == "2019"


def test_money_nouns_fold_to_their_singular():
    # "bonus" once crashed the extractor (looked up as "bonu"); "prizes" must fold to "prize"
    claims = claims_of("The Harbour Marathon said a $50,000 bonus will be awarded to the winner.\n\n"
                       "The Harbour Marathon paid prizes of $120,000 and breakup fees of $2 million.\n").claims
    roles = {c.text: c.attribute for c in claims}
    assert "bonus" in roles["$50,000"]
    assert "prize" in roles["$120,000"]
    from hklint.canon import canonical
    assert canonical("prizes") == "prize" and canonical("sizes") == "size" and canonical("boxes") == "box"


def test_a_subgroup_count_keeps_its_modifier():
    # "intersex", "part-time": a part of a population, not all of it; "local" is no such word
    claims = claims_of("The Harbour Republic census counted 2,310 intersex people in Harbour Republic.\n\n"
                       "Harbour Republic had 38.6 million people in 2009.\n\n"
                       "The Harbour Authority employs 2,000 part-time staff and 400 experienced engineers.\n").claims
    attrs = {c.text: c.attribute for c in claims}
    assert "intersex" in attrs["2,310"] and "intersex" not in attrs["38.6 million"]
    assert "part time" in attrs["2,000"]
    assert attrs["400"] == "count of engineer"
    members = {c.text: c.attribute for c in claims_of("The 23 member countries of the Harbour Lab fund it.\n").claims}
    assert "member" in members["23"]  # members are a part of all the countries


def test_a_fronted_since_clause_makes_its_year_a_start():
    c = by_text(claims_of("Date: 2019-11-15\n\nSince the Harbour Appeal began in 1984, £310 million has come in.\n\n"
                          "The Harbour Appeal raised £2 million in 1999.\n"))
    assert c["£310 million"].as_of.granularity == "onwards" and c["£310 million"].as_of.text == "since 1984"
    assert c["£2 million"].as_of.label() == "1999"


def test_the_previous_year_is_the_year_before_the_one_the_sentence_names():
    c = by_text(claims_of("The Harbour Authority had 300 staff in 2020, up from 250 staff a year earlier.\n\n"
                          "In 2021, the Harbour Authority saw berths rise to 900 (+6% from the previous year).\n"))
    assert c["300"].as_of.label() == "2020"
    assert c["250"].as_of.label() == "2019"
    assert c["6%"].as_of.label() == "2021"  # a change over the year before, not of it


def test_one_in_five_is_a_rate_not_a_count():
    texts = [c.text for c in claims_of(
        "One in five new cars sold in the Harbour Republic in 2021 could be plugged in.\n\n"
        "Three in 10 adults in the Harbour Republic own a bike.\n\n"
        "The Harbour Republic ranked first in seven out of 11 research areas.\n\n"
        "Harbour Line start-ups rose from 138 in 2016 to 468 in 2020.\n").claims]
    assert "five" not in texts and "Three" not in texts and "10" not in texts
    assert "seven" in texts and "468" in texts


def test_a_citation_naming_a_fact_sheet_is_no_title():
    text = ("Solar power in the Harbour Republic\n\n"
            "Harbour solar 2016 fact sheet: electricity generation, development, investments and the public opinion.[1]\n\n"
            "The Harbour Republic generated 50.7 TWh of solar power.\n")
    c = by_text(claims_of(text))
    assert c["50.7 TWh"].as_of is None


def test_a_caption_over_or_under_a_list_dates_its_bullets():
    above = ("Harbour power\n\nHarbour electricity by source in 2014\n"
             "  •   Wind: 51.4 TWh (9.7%)\n  •   Solar: 32.8 TWh (6.2%)\n\nThe grid grew.\n")
    below = ("Harbour power\n\nSource chart\n"
             "  •   Wind: 131.7 TWh (27.2%)\n  •   Solar: 50.7 TWh (10.5%)\nNet generated electricity in 2020[2]\n")
    sentence = ("Harbour power\n\nThe grid has grown a great deal since the old plant closed in 2011 and more.\n"
                "  •   Wind: 60 TWh\n")
    assert by_text(claims_of(above))["51.4 TWh"].as_of.label() == "2014"
    assert by_text(claims_of(below))["50.7 TWh"].as_of.label() == "2020"
    assert by_text(claims_of(sentence))["60 TWh"].as_of is None  # a sentence over a list is no caption


def test_a_year_naming_what_the_figure_is_of_dates_it():
    c = by_text(claims_of("The Harbour Board's estimate far passes 2021's receipts of S$2.3 billion.\n\n"
                          "The Harbour Board's 2019 revenue was $5 billion.\n\n"
                          "The Harbour Board opened a 2018 office with 40 staff.\n"))
    assert c["S$2.3 billion"].as_of.label() == "2021"
    assert c["$5 billion"].as_of.label() == "2019"


def test_a_base_or_a_beaten_records_year_is_not_the_figures():
    c = by_text(claims_of(
        "Last year, the Harbour Museum welcomed 6.4 million visitors, down 12 percent from its peak of 7.3 million in 2019.\n\n"
        "The 9.1 million visitors to the Harbour Gallery - a rise of 20% in one year - beat the record set in 2011.\n"))
    assert c["6.4 million"].as_of is None or "2019" not in c["6.4 million"].as_of.label()
    assert c["9.1 million"].as_of is None


def test_in_the_financial_or_academic_year_dates_the_figure():
    c = by_text(claims_of("In the financial year 2021-22 there were 38,900 harbour berth bookings.\n\n"
                          "During the academic year 2023/24 the Harbour University had 9,000 students.\n"))
    assert c["38,900"].as_of.start.isoformat() == "2021-04-01"
    assert c["9,000"].as_of.start.isoformat() == "2023-09-01"


def test_a_rise_says_what_rose():
    claims = claims_of("He says 21,400 ships used the Harbour Canal last year, an increase of 9% on 2020.\n\n"
                       "The Harbour Canal earned revenue of $5.1 billion in 2021, up 11.5 percent from the year before.\n\n"
                       "Harbour Canal traffic rose 3% in 2019.\n").claims
    attrs = {c.text: c.attribute for c in claims}
    assert attrs["9%"].startswith("growth of ship")
    assert attrs["11.5 percent"].startswith("growth of revenue")
    assert attrs["3%"].startswith("growth") and " of " not in attrs["3%"]  # nothing before it: what rose is unsaid


def test_so_many_years_ago_is_a_year_before_the_page():
    claims = linted_claims("Date: 2022-08-12\n\nTen years ago, the Harbour District enrolled 378,000 "
                           "students.\n\nA decade ago the Harbour Zoo had 40 lions.\n")
    assert claims["378,000"].as_of.label() == "2012"
    assert claims["40"].as_of.label() == "2012"


def test_forecasts_increments_milestones_and_daily_counts():
    c = by_text(claims_of(
        "Enrolment in the Harbour District could drop by as much as 12,000 students this autumn.\n\n"
        "Harbour Air announces 31 new flights from March.\n\n"
        "Harbour Air is operating 1,400 flights every day.\n\n"
        "The Harbour Air team is keen to reach the 2,000 flights milestone.\n\n"
        "The Harbour District roll could fall below 280,000 students.\n"))
    assert "change" in c["12,000"].attribute
    assert "additional" in c["31"].attribute
    assert "daily" in c["1,400"].attribute
    assert "2,000" not in c
    assert c["below 280,000"].tense.value == "future"


def test_figures_said_now_or_in_a_signed_post():
    claims = linted_claims(
            "Date: 2016-10-21\n\nHarbour Coffee grew from 1,300 stores in 2011 to 3,900 stores currently.\n\n"
            "Harbour: the city now has over 1,800 Harbour Coffee stores in 90 towns.\n"
            "— Harbour Coffee News (@harbourcoffee) April 21, 2016\n")
    assert claims["1,300"].as_of.label() == "2011"
    assert claims["3,900"].as_of.source == "document" and claims["3,900"].as_of.label() == "2016-10-21"
    assert claims["over 1,800"].as_of.label() == "2016-04-21"


def test_digit_groups_typed_with_spaces_are_no_figures():
    texts = [c.text for c in claims_of("The Harbour Commission certified 19, 611, 423 voters.\n\n"
                                       "The three Harbour parks had 120, 340 and 560 visitors.\n").claims]
    assert "423" not in texts and "611" not in texts
    assert "340" in texts


def test_a_count_plus_another_is_a_part():
    c = by_text(claims_of("Last year the Harbour District enrolled 301,200 students plus 14,000 preschoolers.\n\n"
                          "The Harbour District enrolled 320,000 students in 2024.\n"))
    assert c["301,200"].attribute.endswith("part")
    assert not c["320,000"].attribute.endswith("part")


def test_on_a_day_and_during_the_month_of_date_the_figure():
    claims = linted_claims(
            "Date: 2021-12-28\n\nAcross the Harbour Republic, 6,210 patients were in hospital on December 22.\n\n"
            "The Harbour Bridge had 231,000 crossings during the month of March.\n\n"
            "The Harbour Republic had 5,800 patients in hospital on 19 December 2021.\n")
    assert claims["6,210"].as_of.label() == "2021-12-22"
    assert claims["231,000"].as_of.label() == "2021-03"
    assert claims["5,800"].as_of.label() == "2021-12-19"


def test_a_digit_inside_a_name_does_not_stand_between_a_figure_and_its_day():
    claims = linted_claims(
            "Date: 2021-12-28\n\nAcross the Harbour Republic, 6,480 patients were in hospital with Covid-19 on "
            "December 21, the most since November 3.\n")
    assert claims["6,480"].as_of.label() == "2021-12-21"


def test_a_budget_edition_after_the_figure_dates_it():
    c = by_text(claims_of("For the Harbour Pension, an amount of Rs 2,04,118.20 crore has been provided in "
                          "Budget Estimate 2019-20.\n"))
    assert c["Rs 2,04,118.20 crore"].as_of.start.isoformat() == "2019-04-01"


def linted_claims(text: str) -> dict:
    """The claims of one document linted whole, by text: the engine resolves what the
    extractor leaves relative to the document's date ("last year", "on December 23")."""
    from hklint.engine import Options, lint
    import pathlib
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        pathlib.Path(d, "a.md").write_text(text)
        return {c.text: c for c in lint([d], Options()).claims}


def test_a_match_line_is_no_heading_over_the_lines_after_it():
    claims = claims_of("Harbour Stadium\n\nRecord attendance\n\nFootball: 105,121\nHarbour Rovers vs. Valley United\n\n"
                       "Basketball: 108,713\n\nThe stadium cost $1.3 billion.\n").claims
    assert all(c.subject.text != "Harbour Rovers" for c in claims)


def test_a_fronted_day_of_something_done_is_an_event():
    result = claims_of("On 25 April 2011, the Harbour Bank decided to close its branches in the north.\n\n"
                       "On 3 May 2012, the Harbour Bank had 4,000 staff.\n")
    events = {p.text: event for p, _tense, event in result.periods}
    assert events["25 April 2011"] is True
    assert events["3 May 2012"] is False


def test_an_amount_sizing_the_sentences_own_noun_is_weak_for_a_later_name():
    c = by_text(claims_of("HARBOURTON — A $2.4 trillion spending bill that would keep the government open fully "
                          "funds the programme that has cleaned the Harbour Bay for decades.\n\n"
                          "The Harbour Bay Programme has $81 million for 2024.\n"))
    assert c["$2.4 trillion"].confidence <= 0.5
    assert c["$81 million"].confidence > 0.5


def test_cents_a_since_when_year_and_a_bracketed_conversion():
    claims = claims_of(
        "It is the largest area of the Harbour Forest lost since 2007, when a total area of 12,940 square "
        "kilometers was cleared.\n\n"
        "Harbour Soft reported adjusted earnings per share of 12 cents.\n\n"
        "The court upheld a €3.1 billion (£2.6 billion) fine against Harbour Soft.\n").claims
    c = {x.text: x for x in claims}
    assert c["12,940 square kilometers"].as_of.label() == "2007"
    assert "12" not in c
    assert c["£2.6 billion"].confidence <= 0.5


def test_a_body_that_registered_the_figure_is_its_source_not_its_owner():
    c = by_text(claims_of("The Harbour Forest lost 7,100 square kilometres, an increase of 40% compared to the "
                          "5,100 square kilometres registered by Harbour Survey in 2022.\n\n"
                          "Jon Smyth, Director of the Harbour Bridge Authority, reported today that the Harbour "
                          "Bridge had 640,000 crossings in July.\n"))
    assert c["5,100 square kilometres"].subject.text != "Harbour Survey"
    assert c["640,000"].subject.text == "Harbour Bridge"  # the speaker tells of it, the bridge has them


def test_a_bare_move_is_a_change_not_a_level():
    c = by_text(claims_of("Lake Harbour's level jumps 3 feet after the storms.\n\n"
                          "Lake Harbour's level rose to 1,040 feet in May.\n"))
    assert "change" in c["3"].attribute
    assert "change" not in c["1,040"].attribute  # "rose to": the level it reached


def test_a_worst_case_figure_is_its_own_measure():
    c = by_text(claims_of("In its permit, Harbour Oil estimated the worst-case flow at 162,000 barrels per day.\n\n"
                          "Harbour Oil later put the flow at 62,000 barrels per day.\n"))
    assert "initial" in c["162,000"].attribute and "initial" not in c["62,000"].attribute
