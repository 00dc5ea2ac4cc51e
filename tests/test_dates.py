"""Tests for hklint.dates: phrases, periods, tense and document dates."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hklint.dates import (
    DATE_PHRASE,
    explicit_document_date,
    find_periods,
    infer_document_date,
    parse_period,
    sentence_tense,
)
from hklint.load import normalise, read_document
from hklint.model import Period, Tense

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D = dt.date


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(str(path)).text


# --------------------------------------------------------------------------- parse_period

PHRASES = [
    ("February 25, 2025", D(2025, 2, 25), D(2025, 2, 25), "day"),
    ("25 February 2025", D(2025, 2, 25), D(2025, 2, 25), "day"),
    ("12 March 2021", D(2021, 3, 12), D(2021, 3, 12), "day"),
    ("April 1, 2018", D(2018, 4, 1), D(2018, 4, 1), "day"),
    ("2025-02-25", D(2025, 2, 25), D(2025, 2, 25), "day"),
    ("June 2025", D(2025, 6, 1), D(2025, 6, 30), "month"),
    ("FEBRUARY 2025", D(2025, 2, 1), D(2025, 2, 28), "month"),
    ("end-May 2025", D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("end-December 2024", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("the end of April 2025", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("end-2024", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("end of 2024", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("the end of 2020", D(2020, 12, 1), D(2020, 12, 31), "month"),
    ("mid-2024", D(2024, 6, 1), D(2024, 7, 31), "span"),
    ("early 2024", D(2024, 1, 1), D(2024, 4, 30), "span"),
    ("late 2023", D(2023, 9, 1), D(2023, 12, 31), "span"),
    ("first half of 2021", D(2021, 1, 1), D(2021, 6, 30), "half"),
    ("the first half of 2021", D(2021, 1, 1), D(2021, 6, 30), "half"),
    ("second half of 2024", D(2024, 7, 1), D(2024, 12, 31), "half"),
    ("Q3 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("third quarter of 2024", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
    ("the fourth quarter of 2020", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("2024-25", D(2024, 4, 1), D(2025, 3, 31), "fiscal-year"),
    ("2024/25", D(2024, 4, 1), D(2025, 3, 31), "fiscal-year"),
    ("2099-00", D(2099, 4, 1), D(2100, 3, 31), "fiscal-year"),
    ("2016 to 2020", D(2016, 1, 1), D(2020, 12, 31), "span"),
    ("from 2022 to 2026", D(2022, 1, 1), D(2026, 12, 31), "span"),
    ("between 2020 and 2021", D(2020, 1, 1), D(2021, 12, 31), "span"),
    # dates in figures (statistics tables: "as at 30/11/2016")
    ("30/11/2016", D(2016, 11, 30), D(2016, 11, 30), "day"),
    ("30-11-2016", D(2016, 11, 30), D(2016, 11, 30), "day"),
    ("30.11.2016", D(2016, 11, 30), D(2016, 11, 30), "day"),
    ("11/30/2016", D(2016, 11, 30), D(2016, 11, 30), "day"),   # only month first can be right
    ("2016/11/30", D(2016, 11, 30), D(2016, 11, 30), "day"),
    ("7/7/2020", D(2020, 7, 7), D(2020, 7, 7), "day"),         # both readings agree
    ("4/5/2017", D(2017, 4, 5), D(2017, 5, 4), "span"),       # 4 May or 5 April: both, not a guess
    ("2017/12/05", D(2017, 12, 5), D(2017, 12, 5), "day"),    # year first is year/month/day
    ("2018/9", D(2018, 4, 1), D(2019, 3, 31), "fiscal-year"),
    ("between January to September 2022", D(2022, 1, 1), D(2022, 9, 30), "span"),
    ("January-March 2023", D(2023, 1, 1), D(2023, 3, 31), "span"),
]


@pytest.mark.parametrize("phrase,start,end,granularity", PHRASES)
def test_parse_period(phrase, start, end, granularity):
    assert parse_period(phrase) == Period(start, end, granularity, phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "12025",              # a bigger number, not a year
        "1899",               # outside 1900-2100: page numbers, amounts
        "2101",
        "2021-03",            # a year-month fragment of a URL path, not a financial year
        "2024-26",            # the second year must follow the first to be a financial year
        "February 30, 2025",  # no such day
        "May",                # a month without a year (and the modal verb)
        "2020 to 2016",       # a span must run forwards
        "13/13/2016",         # neither reading is a day
        "31/2/2016",          # no 31 February (and no 2nd of a 31st month)
    ],
)
def test_parse_period_rejects(phrase):
    assert parse_period(phrase) is None


# --------------------------------------------------------------------------- find_periods


def _found(text: str) -> list[str]:
    view, _ = normalise(text)
    return [view[s:e] for s, e, _ in find_periods(view)]


def test_find_periods_in_seed_sentences():
    assert _found("The light weight workshops ... were completed in end-2024 for gradual move-in") == ["end-2024"]
    assert _found("As of June 2025, over 3.5 million people are registered users") == ["June 2025"]
    assert _found("the Blueprint) in December 2022 to establish") == ["December 2022"]
    assert _found("**Close to 4,700 start-ups** in 2024 from 2024-25 onwards") == ["2024", "2024-25"]
    assert _found("Global Innovation Index 2022¹⁷ published") == ["2022"]  # footnote mark stripped
    assert _found("as at the end of May 2025, and in Q3 2024") == ["the end of May 2025", "Q3 2024"]


def test_find_periods_offsets_are_view_offsets():
    view, _ = normalise("In **December 2022** it was 16.")
    ((start, end, period),) = find_periods(view)
    assert view[start:end] == "December 2022" and period.granularity == "month"


def test_find_periods_old_years_after_a_time_word():
    assert _found("In 1890 it became the first deep-level line; by 1880 it had grown.") == ["1890", "1880"]
    assert _found("Founded in 1753, it now comprises over 8 million objects.") == ["1753"]


@pytest.mark.parametrize(
    "text",
    [
        "a total of 12025 visitors",      # 2025 is the tail of a bigger number
        "HK$2024 per head",                # an amount, not a year
        "HK$1,2024",                       # a digit group after a thousands comma
        "reference ID-2024A",              # part of an identifier
        "about 2025 million units",        # a quantity with a scale word
        "a share of 2024%",                # a percentage
        "see https://example.org/2019-02/18/2021/report.htm",  # inside a web address
        "version 3.2021.1",                # part of a dotted version number
        "rule 1/2/3/2016",                 # a longer run of numbers, not a date
        "a fleet of 1863 buses",           # before 1900, a year only after "in", "since", "by" ...
    ],
)
def test_find_periods_rejects(text):
    assert _found(text) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_find_periods_windowed_scan_equals_full_scan(prefix):
    """find_periods only runs DATE_PHRASE near years; it must find what a full scan finds."""
    view, _ = normalise(_seed(prefix))

    def in_url(start: int) -> bool:
        token = view[max(view.rfind(c, 0, start) for c in " \t\r\n") + 1:start]
        return "://" in token or token.startswith("www.")

    full = [(m.start(), m.end()) for m in DATE_PHRASE.finditer(view)
            if parse_period(m.group()) is not None and not in_url(m.start())]
    assert [(s, e) for s, e, _ in find_periods(view)] == full


def test_find_periods_seed_004_bylines():
    dates = _found(_seed("004"))
    assert dates[0] == "12 March 2021"
    assert "19 May 2022" in dates and "the first half of 2021" in dates


def test_find_periods_seed_000_revision_line():
    found = _found(_seed("000"))
    assert "February 25, 2025" in found and "end-December 2024" in found and "2024-25" in found


# --------------------------------------------------------------------------- tense


@pytest.mark.parametrize(
    "sentence,tense",
    [
        ("The first three buildings will be completed in phases starting from end-2024.", Tense.FUTURE),
        ("In the short run, the Cyberport 5 project has commenced and is expected to be completed in 2025.",
         Tense.FUTURE),
        ("The government set an ambitious target to double Hong Kong's R&D expenditure from 0.73% of GDP "
         "to 1.5% in five years.", Tense.FUTURE),
        ("It also aims to encourage local start-ups to collaborate with Mainland enterprises.", Tense.FUTURE),
        ("In November 2015, the Innovation and Technology Bureau was established to formulate holistic "
         "I&T policies.", Tense.PAST),
        ("The ITIB promulgated the Hong Kong Innovation and Technology Development Blueprint "
         "(I&T Blueprint) in December 2022.", Tense.PAST),
        ("In 2020, the number of start-ups in Hong Kong grew by 6% to 3,360, employing over 10,000 people.",
         Tense.PAST),
        ("The one-stop personalised digital services platform \"iAM Smart\" was launched in December 2020.",
         Tense.PAST),
        # "has launched" is a present perfect: the campaign exists now
        ("The DPO has also launched the Digital Accessibility Campaign for promoting the adoption of "
         "accessibility design.", Tense.CURRENT),
        # an as-of statement is a state, even with a past-tense verb
        ("As of June 2025, over 20 types of government licences and certificates were launched.",
         Tense.CURRENT),
        ("There are around 42 000 \"Wi-Fi.HK\" hotspots in town as of June 2025.", Tense.CURRENT),
        ("InnoHK is a platform that brings together leading researchers from around the world.", Tense.CURRENT),
        # a participle with its agent is no past event; "grew by 6%" is one
        ("Funding of up to $8 million is provided to support start-ups founded by students.", Tense.CURRENT),
        ("Traffic increased by 12.9% over 2009.", Tense.PAST),
    ],
)
def test_sentence_tense(sentence, tense):
    assert sentence_tense(sentence) is tense


# --------------------------------------------------------------------------- document dates


def test_revision_line_seed_000():
    assert explicit_document_date(_seed("000")) == (
        D(2025, 2, 25), "revision-line", "(Revision date: February 25, 2025)")


def test_byline_seed_004_takes_the_first():
    # later "19 May 2022" lines are a related-articles list, not the article's date
    assert explicit_document_date(_seed("004")) == (D(2021, 3, 12), "byline", "12 March 2021")


def test_no_date_seed_003():
    assert explicit_document_date(_seed("003")) is None


def test_front_matter_wins():
    text = "---\ntitle: x\ndate: 2024-01-02\nupdated: '2025-03-04'\n---\n\n(Revision date: May 1, 2025)\n"
    assert explicit_document_date(text) == (D(2025, 3, 4), "front-matter", "updated: '2025-03-04'")


def test_latest_revision_line_and_variants():
    text = "Last updated: 3 March 2024\nbody\nUpdated on 1 June 2025\nRevision date: May 2025\r\n"
    assert explicit_document_date(text) == (D(2025, 6, 1), "revision-line", "Updated on 1 June 2025")
    assert explicit_document_date("Last revised 12 March 2021.\n")[0] == D(2021, 3, 12)


def test_revision_words_inside_a_sentence_do_not_count():
    # the keyword must start the line; this is prose about another document
    text = "The scheme was updated on 1 June 2025 to add funding.\n"
    assert explicit_document_date(text) is None


def test_month_only_line_is_no_byline():
    # seeds/000 ends with "FEBRUARY 2025": not a full date, so not a byline
    assert explicit_document_date("Title\n\nFEBRUARY 2025\n") is None


def test_a_dateline_near_the_top_dates_the_document():
    assert explicit_document_date("Harbour park thrives\n\nHarbour Daily) 09:13, June 25, 2024\n\n"
                                  "The park houses 1,700 companies.\n")[:2] == (D(2024, 6, 25), "byline")
    # a sentence, or the date of something else, is no dateline
    assert explicit_document_date("The scheme was updated on 1 June 2025 to add funding.\n") is None
    assert explicit_document_date("Founded: 30 March 1911\n") is None


def test_a_date_line_before_a_title_and_targets_no_earlier_than():
    assert explicit_document_date(" date 2023-03-13 Harbour Agency's survey ship leaves its dock at the North "
                                  "Pier after two years of repairs\n\nText.\n")[0] == D(2023, 3, 13)
    assert sentence_tense("The launch slipped to no earlier than November 2024.") is Tense.FUTURE


def test_a_date_line_dates_the_document():
    assert explicit_document_date("Date: 2019-01-29\n\nText about 2018.\n")[0] == D(2019, 1, 29)
    assert explicit_document_date("date 2019-01-29\nText.\n")[0] == D(2019, 1, 29)
    assert explicit_document_date("Date of birth: 3 May 1970\n") is None


def test_infer_document_date():
    periods = [
        (parse_period("June 2025"), Tense.CURRENT, False),
        (parse_period("end-2026"), Tense.FUTURE, False),       # a target, not an as-of date
        (parse_period("2027"), Tense.CURRENT, False),          # a bare year is too vague
        (parse_period("12 March 2021"), Tense.PAST, False),
        (parse_period("mid-2025"), Tense.PAST, False),         # a vague span
    ]
    assert infer_document_date(periods) == (
        D(2025, 6, 30), "inferred", "latest as-of date in the text: June 2025")
    assert infer_document_date([(parse_period("2024"), Tense.CURRENT, False)]) is None
    assert infer_document_date([]) is None


def test_an_event_date_moves_an_inferred_date_later_but_never_dates_alone():
    founded = (parse_period("May 7, 2001"), Tense.PAST, True)
    # a page that only says when the body was founded is not of 2001
    assert infer_document_date([founded]) is None
    assert infer_document_date([founded, (parse_period("2024"), Tense.CURRENT, False)]) is None
    # "as of June 2025 ..." and "the exercise was completed in July 2025": July
    as_of = (parse_period("June 2025"), Tense.CURRENT, False)
    completed = (parse_period("July 2025"), Tense.PAST, True)
    assert infer_document_date([as_of, completed])[0] == D(2025, 7, 31)
    assert infer_document_date([as_of, founded])[0] == D(2025, 6, 30)


def test_a_founding_date_does_not_date_the_page(tmp_path):
    from hklint.engine import Options, load_corpus

    (tmp_path / "about.md").write_text(
        "# The Parks Corporation\n\nThe corporation was established on May 7, 2001. It now "
        "supports over 2,500 companies.\n", encoding="utf-8")
    (tmp_path / "update.md").write_text(
        "# Update\n\nAs of June 2025, the corporation supports 2,600 companies. Its new "
        "tower was completed in July 2025.\n", encoding="utf-8")
    corpus = load_corpus([str(tmp_path)], Options(cache=False, jobs=1))
    dates = {doc.path.rsplit("/", 1)[-1]: doc.revision_date for doc in corpus.documents}
    assert dates == {"about.md": None, "update.md": D(2025, 7, 31)}


def test_date_phrase_is_case_insensitive_and_verbose():
    assert DATE_PHRASE.search("as at END-MAY 2025").group() == "END-MAY 2025"


def test_a_publication_line_dates_the_document():
    from hklint.dates import explicit_document_date

    assert explicit_document_date("Annual report\n\nPublished 15 May 2025\n\nText.")[:2] == (
        dt.date(2025, 5, 15), "revision-line")
    # prose that mentions publishing is not a dateline
    assert explicit_document_date("The report was published on 3 May 2024 by the Bureau.\n") is None


def test_windows_line_ends_keep_the_revision_line_and_byline():
    from hklint.dates import explicit_document_date
    crlf = "Revision date: 25 February 2025\r\n\r\nThere are 16 laboratories.\r\n"
    assert explicit_document_date(crlf)[:2] == (dt.date(2025, 2, 25), "revision-line")
    byline = "# News\r\n\r\n12 March 2021\r\n\r\nThe port handled 3 million boxes.\r\n"
    assert explicit_document_date(byline)[:2] == (dt.date(2021, 3, 12), "byline")


def test_access_dates_starts_of_stretches_and_transfers_do_not_date_a_page(tmp_path):
    from hklint.engine import Options, load_corpus

    pages = {
        "cited.md": "Harbour calls by origin in 2023 [Graph]. Retrieved November 22, 2024, from a statistics site.\n",
        "rules.md": "Applicants must be registered as of the cut-off date: 1 February 2023. Application "
                    "deadline 26 October 2022.\n",
        "lowest.md": "Harbour calls fell to their lowest since April 2007.\n",
        "infobox.md": "Established 30 March 1911 (1911-03-30)\n\nThe Harbour Authority runs 12 piers.\n",
        "moved.md": "The ferry line transferred from the control of the city to the Harbour Authority on 15 July, "
                    "2003.\n",
        # an as-of date dates a page; an event after it moves the date later
        "dated.md": "As at end-May 2025, the Harbour Authority ran 12 piers. Pier 13 was opened in June 2025.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = load_corpus([str(tmp_path)], Options(cache=False, jobs=1))
    dates = {doc.path.rsplit("/", 1)[-1]: doc.revision_date for doc in corpus.documents}
    assert dates == {"cited.md": None, "rules.md": None, "lowest.md": None, "infobox.md": None, "moved.md": None,
                     "dated.md": D(2025, 6, 30)}


def test_times_named_without_their_year_are_of_the_documents_date(tmp_path):
    from hklint.engine import Options, load_corpus

    (tmp_path / "news.md").write_text(
        "# Harbour news\n\nLast updated: 29 May 2017\n\n"
        "The Harbour Authority handled 5.17 million passengers in April.\n\n"
        "Last year, the Harbour Authority promoted about 1,700 pilots.\n\n"
        "The Harbour Authority ran 362 ferries as of June 30.\n\n"
        "The Harbour Authority's traffic rose 5% on last year to 3 million passengers.\n", encoding="utf-8")
    (tmp_path / "undated.md").write_text("The Harbour Authority handled 4.1 million passengers in March.\n",
                                         encoding="utf-8")
    corpus = load_corpus([str(tmp_path)], Options(cache=False, jobs=1))
    got = {c.text: (c.as_of.label() if c.as_of else None) for c in corpus.claims}
    assert got["5.17 million"] == "2017-04"
    assert got["about 1,700"] == "2016"
    assert got["362"] == "2016-06-30"  # the latest June 30 not after the document's date
    assert got["3 million"] == "2017-05-29"  # "on last year" is the base of the change: the document's date
    assert got["4.1 million"] is None  # no document date, no year
    assert all(c.as_of is None or c.as_of.source != "relative" for c in corpus.claims)


def test_a_quarter_without_its_year_is_the_latest_ended_one(tmp_path):
    from hklint.engine import Options, load_corpus

    (tmp_path / "q.md").write_text("# Harbour Bank results\n\nLast updated: 6 November 2023\n\n"
                                   "The Harbour Bank's allowances were at 10 basis points of loans for the second "
                                   "quarter.\n", encoding="utf-8")
    corpus = load_corpus([str(tmp_path)], Options(cache=False, jobs=1))
    assert corpus.claims[0].as_of.label() == "2023-04-01/2023-06-30"


def test_a_story_that_opens_with_its_date_and_a_dash_is_dated_by_it():
    text = ("Harbour housing target raised\n\n22 December 2014 - The Board announced last week its intention "
            "to raise the 10-year housing supply target to 480,000 units.\n")
    assert explicit_document_date(text)[:2] == (D(2014, 12, 22), "byline")
    # a date inside a sentence is no dateline
    assert explicit_document_date("The Board said on 22 December 2014 - a Monday - that it would act.\n") is None


def test_a_peak_or_a_plan_told_in_the_past_does_not_date_a_page():
    from hklint.claims import extract
    from hklint.load import line_starts
    from hklint.model import Document
    text = ("Harbourify shares trade at $110 as of this writing, far from their all-time high of "
            "nearly $365 per share in February 2021.\n\n"
            "The line would commence service on January 7, 2020, the operator said.\n")
    periods = extract(Document(path="d.md", text=text, line_starts=line_starts(text))).periods
    assert periods and all(event for _p, _tense, event in periods)
    assert infer_document_date(periods) is None


def test_a_dateline_with_its_place_first():
    text = ("Marathon news\n\nNew York, November 5, 2019—The Harbour City Marathon had 53,627 finishers "
            "and many more things happened on the day.\n")
    assert explicit_document_date(text)[:2] == (D(2019, 11, 5), "byline")


def test_urls_found_from_their_places_are_the_patterns_matches():
    from hklint import dates

    text = "See https://x.org/2021-03/a and www.y.hk/2022/10/ (http://z) or hhttp://w, www.www.q\thttp"
    assert dates._urls(text) == [m.span() for m in dates._URL.finditer(text)]


@pytest.mark.parametrize("phrase, start, end, granularity", [
    ("the first six months of 2019", (2019, 1, 1), (2019, 6, 30), "span"),
    ("the first 9 months of 2023", (2023, 1, 1), (2023, 9, 30), "span"),
    ("the last three months of 2022", (2022, 10, 1), (2022, 12, 31), "span"),
    ("November of 2019", (2019, 11, 1), (2019, 11, 30), "month"),
])
def test_months_of_a_year(phrase, start, end, granularity):
    (s, e, period), = find_periods(f"sold in {phrase}.")
    assert (period.start, period.end, period.granularity) == (dt.date(*start), dt.date(*end), granularity)


@pytest.mark.parametrize("phrase, start, end, granularity", [
    ("its 2018 fiscal year", (2018, 1, 1), (2018, 12, 31), "fiscal-year"),
    ("the first half of the year 2020", (2020, 1, 1), (2020, 6, 30), "half"),
])
def test_more_ways_to_name_a_year_part(phrase, start, end, granularity):
    (s, e, period), = find_periods(f"sold in {phrase}.")
    assert (period.start, period.end, period.granularity) == (dt.date(*start), dt.date(*end), granularity)


@pytest.mark.parametrize("text, year", [("up 24.6% from FY22.", 2022), ("over FY 23 results", 2023), ("FY'21 results", 2021)])
def test_a_fiscal_year_named_by_two_digits(text, year):
    (s, e, period), = find_periods(text)
    assert (period.start.year, period.granularity) == (year, "fiscal-year")


def test_a_period_that_ended_is_not_a_dateline():
    assert explicit_document_date("ANNUAL REPORT\nYEAR ENDED AUGUST 29, 1999\n\nThe Company operates 302 "
                                  "warehouses.\n") is None


def test_a_date_glued_to_a_section_name_by_a_slash_is_read():
    from hklint.dates import find_periods
    assert [p.text for _s, _e, p in find_periods("March 3, 2021/Press Room")] == ["March 3, 2021"]
    assert explicit_document_date("Harbour Clinic results\n\nMarch 3, 2021/Press Room\n\nThe clinic had 6,000 beds.\n")[0] \
        == dt.date(2021, 3, 3)
    assert [p.text for _s, _e, p in find_periods("in 2020/21 the")] == ["2020/21"]  # a fiscal year still


def test_a_date_line_under_a_record_row_is_the_records_date_not_the_pages():
    infobox = ("Harbour Stadium\n\nOwner City of Harbour\n\nRecord attendance\n\nFootball: 105,121\n"
               "September 21, 2009\nHarbour Rovers vs. Valley United\n\nThe stadium opened in 2009.\n")
    assert explicit_document_date(infobox) is None
    trial = "Harbour trial\n\nA\n\nB\n\nC\n\nD\n\nActual Study Start Date :\nFeb 24, 2015\n"
    assert explicit_document_date(trial) is None
    page = "Harbour news\n\nA\n\nB\n\nC\n\nD\n\nLast updated:\nMarch 3, 2021\n\nThe stadium opened in 2009.\n"
    assert explicit_document_date(page)[0] == dt.date(2021, 3, 3)
    titled = "Harbour Industry in Review\n\n12 March 2021\n\nThe stadium opened in 2009.\n"
    assert explicit_document_date(titled)[0] == dt.date(2021, 3, 12)


def test_a_table_row_or_an_open_range_is_no_byline():
    assert explicit_document_date("Harbour vaccination\nDate | 8 December 2020 | – present\n\nText.\n") is None
    assert explicit_document_date("Harbour vaccination\n8 December 2020 – present\n\nText.\n") is None
    assert explicit_document_date("Harbour vaccination\n8 December 2020\n\nText.\n")[0] == dt.date(2020, 12, 8)
