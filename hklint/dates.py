"""Dates in text: as-of periods, sentence tense, and each document's own date.

Date phrases are found with one compiled pattern and parsed by a small month
table; dateparser is only asked about full day-month-year phrases, once each
(cached). What the vague phrases mean, chosen so that comparisons stay honest:

* ``end-2024`` / ``end of 2024``   -> December 2024, granularity ``month`` (it
  then agrees with a "December 2024" statement elsewhere);
* ``beginning of 2024``            -> January 2024, ``month`` (the mirror image);
* ``end-May 2025``, ``mid-June 2025``, ``early May 2025`` -> that month, ``month``
  (the modifier is finer than the month, so the month is the honest precision);
* ``mid-2024``                     -> 1 June - 31 July 2024, ``span``;
* ``early 2024``                   -> 1 January - 30 April 2024, ``span``;
* ``late 2023``                    -> 1 September - 31 December 2023, ``span``;
* ``2024-25`` / ``2024/25``        -> Hong Kong financial year, 1 April 2024 -
  31 March 2025, ``fiscal-year`` (only when the second year follows the first);
* ``2016 to 2020``, ``2016-2020``, ``between 2016 and 2020`` -> ``span`` of whole years.

The vague ``span`` readings never count as a document's inferred date
(:func:`infer_document_date` uses day and month precision only).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from typing import Iterable, Iterator

import regex

from hklint.extract.prefilter import folded, lacks_all, lower_case_twin, search_any_case
from hklint.model import Period, Tense

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_COUNT_WORDS = {w: k for k, w in enumerate("two three four five six seven eight nine ten eleven".split(), 2)}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# Pieces shared by the patterns below. A year is 1900-2100 and never a piece
# of a bigger number, an amount or an identifier (12025, HK$2024, ID-2024x).
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october"
          r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_BEFORE = r"(?<![\w$€£¥#@/\\.,:+-])"  # not glued to what precedes
# (a slash before a word is no fraction: "January 26, 2022/News Releases")
_AFTER = r"(?![\w@%]|/(?![A-Za-z])|[.,:-]\d|\s?(?:%|per\s?cent\b|million\b|billion\b|thousand\b))"

# Every branch starts with a letter or a digit, so the leading \b is implied
# by _BEFORE; tested first, it spares the look-behind inside words.
DATE_PHRASE = regex.compile(
    rf"""
    \b{_BEFORE}
    (?:
        # 2025-02-25 (ISO day)
        (?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))
      # February 25, 2025 / 25 February 2025 / 25th of Feb. 2025
      | (?P<day>{_MONTH}\s+{_DAY},?\s+{_YEAR}
               | {_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})
      # 30/11/2016, 30-11-2016, 30.11.2016 (day first, or month first when
      # the first number cannot be a month) and 2016/11/30
      | (?P<num_a>\d{{1,2}})(?P<num_sep>[/.-])(?P<num_b>\d{{1,2}})(?P=num_sep)(?P<num_year>{_YEAR})
      | (?P<ymd_year>{_YEAR})/(?P<ymd_m>\d{{1,2}})/(?P<ymd_d>\d{{1,2}})
      # Q3 2024 / 3Q 2024 / H1 2024
      | (?P<q_short>Q[1-4]|[1-4]Q)\s*(?P<q_short_year>{_YEAR})
      | (?P<h_short>H[12])\s*(?P<h_short_year>{_YEAR})
      # (the) third quarter of 2024 / (the) first half of 2021
      | (?:the\s+)?(?P<q_ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?:the\s+year\s+)?(?P<q_year>{_YEAR})
      | (?:the\s+)?(?P<h_ord>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:the\s+year\s+)?(?P<h_year>{_YEAR})
      # the first six months of 2019 / the last three months of 2022
      | (?:the\s+)?(?P<nm_side>first|last)\s+(?P<nm_n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])
        \s+months\s+of\s+(?:the\s+year\s+)?(?P<nm_year>{_YEAR})
      # January to September 2022 / between January and June 2024 / Jan-Mar 2023
      | (?:(?:between|from)\s+)?(?P<mr_a>{_MONTH})\s*(?:-|–|to|and|through|until)\s*(?P<mr_b>{_MONTH}),?\s+(?P<mr_year>{_YEAR})
      # end-May 2025 / the end of April 2025 / mid-June 2025 / June 2025
      | (?:(?P<m_mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of|end|mid|early|late)[\s-]+)?
        (?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<m_year>{_YEAR})
      # from 2016 to 2020 / between 2016 and 2020 / 2016-2020
      | (?:from\s+)?(?P<span_a>{_YEAR})\s*(?:-|to|until|through)\s*(?P<span_b>{_YEAR})
      | between\s+(?P<btw_a>{_YEAR})\s+and\s+(?P<btw_b>{_YEAR})
      # 2024-25 / 2024/25 (financial year, checked in parse_period)
      | (?P<fy_a>{_YEAR})[-/](?P<fy_b>\d\d?)
      # end-2024 / end of 2024 / mid-2024 / early 2024 / late 2023
      | (?P<y_mod>(?:the\s+)?(?:end|beginning|start|middle)\s+of|end|mid|early|late)[\s-]+(?P<y_year>{_YEAR})
      # fiscal year 2023 / financial year 2023 / FY2023: the year it ends in
      # (calendars differ: April-March in Hong Kong, October-September for the
      # US federal government), so it is kept as a fiscal year named by that year
      | (?:(?:fiscal|financial)\s+year\s+|FY\s?)(?P<fyl_year>{_YEAR})
      # its 2018 fiscal year
      | (?P<fyr_year>{_YEAR})\s+(?:fiscal|financial)\s+year\b
      # 2024; 1500-1899 only after a word that makes it a time ("opened in 1863")
      | (?P<year>{_YEAR})
      | (?<=\b(?:in|since|from|until|till|before|after|by|circa)\s)(?P<old_year>1[5-8]\d\d)
    )
    {_AFTER}
    """,
    regex.IGNORECASE | regex.VERBOSE,
)

# Web addresses carry date-like paths (/2021-03/, /2022/10/) that are no dates.
# Case-sensitive on purpose: with a literal prefix the scan runs ten times faster.
_URL = regex.compile(r"(?:https?://|www\.)\S+")

# Settings for the day-month-year phrases handed to dateparser.
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
}


def parse_period(phrase: str) -> Period | None:
    """The Period a date phrase stands for, or None if it is not a real date."""
    match = DATE_PHRASE.fullmatch(phrase.strip())
    return _period_from_match(match, phrase) if match else None


def find_periods(view: str) -> list[tuple[int, int, Period]]:
    """Every date phrase in a (normalised) text with its view offsets.

    Every phrase contains a year, so years are found first with a plain
    pattern (fast), and the full pattern only runs in a small window around
    each: ten times faster than scanning the whole text with it.
    """
    urls = _urls(view) if "://" in view or "www." in view else []
    url_starts = [start for start, _ in urls]
    found = []
    pos = 0
    for hit in _YEAR_HIT.finditer(view):
        year_at = hit.start()
        if year_at < pos:
            continue  # already inside the last phrase ("2016 to 2020")
        lo = max(pos, year_at - _LOOK_BEHIND)
        if lacks_all(view[lo:year_at], _PHRASE_BEFORE_YEAR):
            # nothing before the year can start a phrase: only one at the year itself
            match = DATE_PHRASE.match(view, year_at, hit.end() + _LOOK_AHEAD)
            if match is None:
                continue
        else:
            match = DATE_PHRASE.search(view, lo, hit.end() + _LOOK_AHEAD)
            while match is not None and match.end() <= year_at:  # a phrase without this year
                match = DATE_PHRASE.search(view, match.end(), hit.end() + _LOOK_AHEAD)
            if match is None or match.start() > year_at:
                continue
        start, end = match.span()
        pos = end
        index = bisect.bisect_right(url_starts, start) - 1
        if index >= 0 and start < urls[index][1]:
            continue  # inside a web address
        period = _period_from_match(match, match.group())
        if period is not None:
            found.append((start, end, period))
    if "FY" in view:
        _short_fiscal_years(view, found, url_starts, urls)
    return found


# "FY23", "FY 24", "FY'22": a fiscal year named by two digits (no four-digit
# year for the scan above to find)
_SHORT_FY = regex.compile(r"\bFY\s?'?(?P<yy>\d\d)\b(?![-/]\d)")


def _short_fiscal_years(view: str, found: list, url_starts: list, urls: list) -> None:
    taken = [(s, e) for s, e, _p in found]
    added = False
    for m in _SHORT_FY.finditer(view):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        index = bisect.bisect_right(url_starts, start) - 1
        if index >= 0 and start < urls[index][1]:
            continue
        year = 2000 + int(m.group("yy"))
        found.append((start, end, Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "fiscal-year",
                                         " ".join(m.group().split()))))
        added = True
    if added:
        found.sort(key=lambda x: (x[0], x[1]))


def _urls(view: str) -> list[tuple[int, int]]:
    """The spans of ``_URL.finditer(view)``, the pattern tried only where
    "http" or "www." stands (str.find): every match starts there."""
    places = []
    for literal in ("http", "www."):
        at = view.find(literal)
        while at >= 0:
            places.append(at)
            at = view.find(literal, at + 1)
    spans, pos = [], 0
    for at in sorted(places):
        if at >= pos:
            m = _URL.match(view, at)
            if m is not None:
                spans.append(m.span())
                pos = m.end()
    return spans


# Candidate years for find_periods; DATE_PHRASE decides around each.
_YEAR_HIT = regex.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d|2100)(?!\d)")
# What a DATE_PHRASE match starting before a year holds before it: a digit (a
# day, an earlier year, "Q3", "H1") or one of these words (a month, "quarter",
# "end", "fiscal", "from" ...). Where the text before a year holds none, the
# pattern is tried at the year alone instead of scanning from up to
# _LOOK_BEHIND characters back (a quarter of find_periods' time; a prefilter
# of hklint.extract.prefilter, so ASCII text only).
_PHRASE_BEFORE_YEAR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                       "quarter", "half", "end", "beginning", "start", "middle", "mid", "early", "late",
                       "fiscal", "financial", "fy", "from", "between", "months", *"0123456789")
# How far a phrase reaches before its year ("the fourth quarter of 2020") and
# after it ("2016 to 2020" plus what DATE_PHRASE's look-ahead inspects).
_LOOK_BEHIND = 32
_LOOK_AHEAD = 40


def _period_from_match(match: regex.Match, phrase: str) -> Period | None:
    groups = _Groups(match)
    text = " ".join(phrase.split())
    if groups["iso"]:
        return _day_period(groups["iso"], text)
    if groups["day"]:
        return _day_period(groups["day"], text)
    if groups["num_year"]:
        return _numeric_day(int(groups["num_a"]), int(groups["num_b"]), int(groups["num_year"]), text)
    if groups["ymd_year"]:
        # year first: always year/month/day ("2017/12/05" is 5 December)
        try:
            day = dt.date(int(groups["ymd_year"]), int(groups["ymd_m"]), int(groups["ymd_d"]))
        except ValueError:
            return None
        return Period(day, day, "day", text)
    if groups["fyl_year"] or groups["fyr_year"]:
        year = int(groups["fyl_year"] or groups["fyr_year"])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "fiscal-year", text)
    if groups["year"] or groups["old_year"]:
        year = int(groups["year"] or groups["old_year"])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)
    if groups["mr_year"]:
        first = MONTHS[groups["mr_a"].lower().rstrip(".")]
        last = MONTHS[groups["mr_b"].lower().rstrip(".")]
        if first >= last:
            return None
        return _months(int(groups["mr_year"]), first, last, "span", text)
    if groups["month"]:
        return _month(int(groups["m_year"]), MONTHS[groups["month"].lower().rstrip(".")], text)
    if groups["y_mod"]:
        return _year_part(int(groups["y_year"]), groups["y_mod"], text)
    quarter = groups["q_short"] or groups["q_ord"]
    if quarter:
        digit = quarter.strip("qQ") if groups["q_short"] else None
        number = int(digit) if digit else _ORDINALS[quarter.lower()]
        year = int(groups["q_short_year"] or groups["q_year"])
        return _months(year, 3 * number - 2, 3 * number, "quarter", text)
    if groups["nm_year"]:
        n = groups["nm_n"].lower()
        n = int(n) if n.isdigit() else _COUNT_WORDS[n]
        first, last = (1, n) if groups["nm_side"].lower() == "first" else (13 - n, 12)
        return _months(int(groups["nm_year"]), first, last, "span", text)
    half = groups["h_short"] or groups["h_ord"]
    if half:
        number = int(half[1]) if groups["h_short"] else _ORDINALS[half.lower()]
        year = int(groups["h_short_year"] or groups["h_year"])
        return _months(year, 6 * number - 5, 6 * number, "half", text)
    if groups["fy_a"]:
        first = int(groups["fy_a"])
        b = groups["fy_b"]
        if int(b) != (first + 1) % (100 if len(b) == 2 else 10):
            return None  # 2021-03, 2022/10: not a financial year ("2018/9" is one)
        return Period(dt.date(first, 4, 1), dt.date(first + 1, 3, 31), "fiscal-year", text)
    first, last = groups["span_a"] or groups["btw_a"], groups["span_b"] or groups["btw_b"]
    if first and last and int(first) < int(last):
        return Period(dt.date(int(first), 1, 1), dt.date(int(last), 12, 31), "span", text)
    return None


class _Groups:
    """``match.group`` by subscript: cheaper than building a groupdict per match."""

    __slots__ = ("group",)

    def __init__(self, match: regex.Match) -> None:
        self.group = match.group

    def __getitem__(self, name: str) -> str | None:
        return self.group(name)


def _numeric_day(first: int, second: int, year: int, text: str) -> Period | None:
    """A date in figures: "30/11/2016" is day first; "11/30/2016" can only be
    month first; "4/5/2017" can be either, so it stands for the span between
    its two readings (no precision is claimed that the text does not give)."""
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            pass
    if not readings:
        return None
    if len(readings) == 1 or readings[0] == readings[1]:
        return Period(readings[0], readings[0], "day", text)
    return Period(min(readings), max(readings), "span", text)


def _month(year: int, month: int, text: str) -> Period:
    return _months(year, month, month, "month", text)


def _months(year: int, first: int, last: int, granularity: str, text: str) -> Period:
    end_day = calendar.monthrange(year, last)[1]
    return Period(dt.date(year, first, 1), dt.date(year, last, end_day), granularity, text)


def _year_part(year: int, modifier: str, text: str) -> Period:
    """end-2024, mid-2024, early 2024 ...: see the module docstring for why."""
    word = modifier.lower().split()[-2] if " of" in modifier.lower() else modifier.lower()
    if word in ("end",):
        return _month(year, 12, text)
    if word in ("beginning", "start"):
        return _month(year, 1, text)
    if word in ("mid", "middle"):
        return _months(year, 6, 7, "span", text)
    if word == "early":
        return _months(year, 1, 4, "span", text)
    return _months(year, 9, 12, "span", text)  # late


def _day_period(phrase: str, text: str) -> Period | None:
    day = _parse_day(" ".join(phrase.split()))
    return Period(day, day, "day", text) if day else None


# Day-month-year and month-day-year with an English month name.
_PLAIN_DAY = regex.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]+\.?),?"
    r"|(?P<m2>[A-Za-z]+\.?)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{4})"
)


@functools.lru_cache(maxsize=4096)
def _parse_day(phrase: str) -> dt.date | None:
    """One full date; ISO by the standard library, the rest by dateparser."""
    if phrase[:1].isdigit() and phrase[4:5] == "-":
        try:
            return dt.date.fromisoformat(phrase)
        except ValueError:
            return None
    plain = _PLAIN_DAY.fullmatch(phrase)
    if plain:
        # "12 March 2021", "February 25, 2025": the common forms need no
        # dateparser (importing it and loading its locale costs ~0.6 s)
        month = MONTHS.get((plain.group("m1") or plain.group("m2")).lower().rstrip("."))
        day = int(plain.group("d1") or plain.group("d2"))
        try:
            return dt.date(int(plain.group("y")), month, day) if month else None
        except ValueError:
            return None
    import dateparser  # lazy: slow to import, and most phrases never need it

    parsed = dateparser.parse(phrase, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


# --------------------------------------------------------------------------- tense

# A plan or target: modal future, intentions, "to be completed", "by 2030".
_FUTURE = regex.compile(
    r"""\b(?:
          will | shall | going\s+to | would\s+be
        | (?:is|are)\s+(?:expected|scheduled|planned|set|slated|due)\s+to
        | expects?\s+to | plans?\s+to | aims?\s+to | intends?\s+to | seeks?\s+to
        | to\s+be\s+(?:completed|launched|ready|delivered|built|commissioned|implemented|established|set\s+up)
        | targets? | targeting
        | by\s+(?:(?:the\s+)?(?:end|mid(?:dle)?)(?:\s+of|-)\s*)?(?:19|20)\d\d
        | can\s+expect | forecasts? | forecasted | projected | predicted | as\s+soon\s+as
        | no\s+earlier\s+than | not\s+before
        | upcoming | in\s+the\s+(?:coming|next)\s+\w+
        # "could drop below 300,000", "may reach 1 million": a forecast, not a level held
        | (?:could|may|might)\s+(?:\w+\s+){0,2}?(?:drop|fall|rise|reach|hit|exceed|climb|decline|grow|increase
          |decrease|top|surpass|continue|double|triple|soar|plunge|jump)
    )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)

# A state stated as of a moment: wins over past-tense verbs ("As of June
# 2025, there were more than 1 100 services" is the state in June 2025).
_STATE = regex.compile(
    r"\b(?:as\s+(?:of|at)|currently|at\s+present|to\s+date|so\s+far|(?:has|have|is|are)\s+now)\b", regex.IGNORECASE)

# Simple-past event verbs: a dated event unless part of a present perfect or
# passive ("has launched" is a state).
_EVENT_VERBS = r"""launched established set\s+up completed published promulgated announced
    introduced commenced signed opened released allocated implemented re-titled renamed founded
    created approved adopted unveiled began started grew rose fell increased decreased doubled
    tripled reached recorded totalled totaled amounted attracted achieved raised invested set
    built held""".split()

# A past event: "was/were/had + participle", or an event verb not after an
# auxiliary. The verb is tested first (a look-ahead), the look-behind only
# where a verb stands: the look-behind at every position cost twice the scan.
_PAST = regex.compile(
    r"""
      \b(?:was|were|had)\s+(?:\w+ly\s+|also\s+|not\s+)?(?:\w+ed|set\s+up|built|begun|undertaken|made|held|given|won|taken|granted|sold|spent|paid)\b
    | \b(?=(?:VERBS)\b)
      (?<!\b(?:has|have|had|is|are|be|been|being|will|to|would|shall|may|can)\s+(?:\w+ly\s+|also\s+|not\s+)?)
      (?:VERBS)\b
      # "start-ups founded by students": a participle, not a past event ("grew by 6%" is one)
      (?!\s+by\s+(?![\d$€£¥]|(?:about|around|some|over|nearly|almost|more|less|up|hk|us|rmb)\b|an?\s))
    """.replace("VERBS", "|".join(_EVENT_VERBS)),
    regex.IGNORECASE | regex.VERBOSE,
)

# Every _PAST match holds one of these words: a sentence without any cannot
# match (hklint.extract.prefilter), and that rules out four sentences in five.
_PAST_WORDS = ("was", "were", "had", *sorted({v.split("\\")[0] for v in _EVENT_VERBS}))


# The tense patterns without IGNORECASE, for lower-cased ASCII sentences
# (their letters are written in lower case for this: "hk", "us", "rmb").
_FUTURE_LOWER, _STATE_LOWER, _PAST_LOWER = map(lower_case_twin, (_FUTURE, _STATE, _PAST))


def _past(sentence: str, folded_text: str | None = None) -> bool:
    if folded_text is None and sentence.isascii():
        folded_text = sentence.lower()
    if folded_text is not None and not any(map(folded_text.__contains__, _PAST_WORDS)):
        return False
    return search_any_case(_PAST, _PAST_LOWER, sentence, folded_text)


def sentence_tense(sentence: str) -> Tense:
    """FUTURE for plans and targets, PAST for dated events, CURRENT otherwise."""
    folded_text = folded(sentence)  # lower-cased once for the three patterns
    if search_any_case(_FUTURE, _FUTURE_LOWER, sentence, folded_text):
        return Tense.FUTURE
    if search_any_case(_STATE, _STATE_LOWER, sentence, folded_text):
        return Tense.CURRENT
    if _past(sentence, folded_text):
        return Tense.PAST
    return Tense.CURRENT


# --------------------------------------------------------------------------- document dates

# YAML front matter at the very top of a file.
_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                              regex.DOTALL)
_FRONT_MATTER_KEY = regex.compile(
    r"^(?P<key>date|revised|updated|last[_-]?(?:updated|modified|revised)|lastmod|modified)[ \t]*:[ \t]*"
    r"[\"']?(?P<value>[^\"'\r\n]+?)[\"']?[ \t]*$",
    regex.IGNORECASE | regex.MULTILINE,
)

# "(Revision date: February 25, 2025)", "Last updated: 3 March 2024",
# "Updated on 1 June 2025": the keyword starts the line, the date ends it.
_REVISION_LINE = regex.compile(
    r"""^[ \t>*_#(\[]*
        (?:revision\s+date|date\s+of\s+revision|last\s+(?:updated|revised|modified|reviewed)(?:\s+on)?
          |(?:updated|revised|modified)\s+on|updated|revised
          |(?:first\s+)?(?:published|posted|issued|released)(?:\s+on)?|date\s+of\s+(?:publication|issue)|date)
        [ \t]*[:\-]?[ \t]*
        (?P<date>[^\r\n]*?)
        [ \t*_)\].]*$""",
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
)

# Where a revision line's keyword may start: after these characters.
_REVISION_PREFIX = " \t>*_#(["
# The first words of _REVISION_LINE's keywords.
_REVISION_FIRST_WORDS = ("revision", "date", "last", "updated", "revised", "modified", "first",
                         "published", "posted", "issued", "released")

# A line that is nothing but a date: a dated byline under an article title.
_DATE_LINE = regex.compile(r"^[ \t]*(?P<date>[^\r\n]{6,40}?)[ \t]*$", regex.MULTILINE)
_DATE_LINE_MAX = 40  # the longest date _DATE_LINE reads


def _line_matches(pattern: regex.Pattern, text: str, may_match) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern that starts with ``^`` (MULTILINE),
    tried only at the lines for which ``may_match(line)`` holds: ``may_match``
    must be true of every line a match starts on. Skipping the other lines
    unscanned makes a whole-text scan a few Python steps per line."""
    start = end = 0
    for line in text.split("\n"):  # ^ matches after "\n" only (regex without WORD)
        if start >= end and may_match(line):
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()  # a match may run on (\s+ between keywords): finditer goes on from here
        start += len(line) + 1


def _may_be_revision_line(line: str) -> bool:
    """Whether _REVISION_LINE may match at the start of ``line``: not ruled out
    when the line is not ASCII (IGNORECASE folds more than lower-casing)."""
    return not line.isascii() or line.lstrip(_REVISION_PREFIX).lower().startswith(_REVISION_FIRST_WORDS)


def _may_be_date_line(line: str) -> bool:
    """Whether _DATE_LINE may match ``line``: a match is the whole line, and its
    text but the spaces and tabs around it is part of the date."""
    return len(line.strip(" \t")) <= _DATE_LINE_MAX


def explicit_document_date(text: str) -> tuple[dt.date, str, str] | None:
    """The date a document states about itself: (date, source, evidence) or None.

    Front matter wins over a revision line, which wins over a byline. Several
    revision lines: the latest. Several bylines: the first (later ones are
    usually lists of related articles). Windows and old Mac line ends count
    as line ends.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = _FRONT_MATTER.match(text)
    if front:
        dated = [(_whole_date(m["value"]), m.group().strip()) for m in _FRONT_MATTER_KEY.finditer(front["body"])]
        dated = [(day, line) for day, line in dated if day]
        if dated:
            day, line = max(dated, key=lambda item: item[0])
            return day, "front-matter", line
    revisions = [(_whole_date(m["date"]), m.group().strip())
                 for m in _line_matches(_REVISION_LINE, text, _may_be_revision_line)]
    revisions = [(day, line) for day, line in revisions if day]
    if revisions:
        day, line = max(revisions, key=lambda item: item[0])
        return day, "revision-line", line
    for m in _line_matches(_DATE_LINE, text, _may_be_date_line):
        period = parse_period(m["date"])
        if period and period.granularity == "day" and not _field_value(text, m.start(), m.end()):
            return period.start, "byline", m.group().strip()
    return _dateline(text)


# "Football: 105,121", "Actual Study Start Date :": a row of an infobox or a record
FIELD_LOOK_BACK = 4
PAGE_DATE_LABEL = regex.compile(r"(?:last\s+)?(?:date|dated|published|posted|updated|modified|released)(?:\s+on)?\s*:",
                                regex.IGNORECASE)
FIELD_ROW = regex.compile(r"[^:\n]{1,60}:[ \t]*(?:\S[^\n]{0,60})?")


def _field_value(text: str, start: int, end: int) -> bool:
    """Whether the date line at ``start``..``end`` is a field's value in a list of
    records ("Record attendance / Football: 105,121 / September 21, 2009"): the
    line before it is a label or a "label: value" row, not a title or a byline."""
    stop = start
    for _ in range(FIELD_LOOK_BACK):  # blank lines between do not count
        line_start = text.rfind("\n", 0, max(stop - 1, 0)) + 1
        line = text[line_start:stop].strip()
        if line:
            # "Published:" over the date is the page's own date line
            return FIELD_ROW.fullmatch(line) is not None and not PAGE_DATE_LABEL.fullmatch(line)
        if line_start == 0:
            return False
        stop = line_start
    return False


# How far a dateline may stand from the top, and how long its line may be.
DATELINE_LINES = 4
DATELINE_MAX = 80


def _dateline(text: str) -> tuple[dt.date, str, str] | None:
    """A full date on a short line among the first lines, beside other words:
    "People's Daily Online) 09:13, June 25, 2024", "Updated: 2014-12-10 07:14"."""
    seen = 0
    for line in text.split("\n", 40)[:40]:
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            break
        lead = DATE_LEAD.match(line)
        if lead:  # "date 2023-03-13 NASA's Artemis 1 lifts off ...": dated, then titled
            first = [p for s, _e, p in find_periods(line[lead.end():lead.end() + 40]) if s == 0]
            if first and first[0].granularity == "day":
                return first[0].start, "byline", line[:DATELINE_MAX]
        # "22 December 2014 - The Government announced last week ...", "New York,
        # November 5, 2019—": a story that opens with its date (after its place) and a dash
        place = PLACE_BEFORE_DATE.match(line)
        at = place.end() if place else 0
        first = [(e, p) for s, e, p in find_periods(line[at:at + 40]) if s == 0 and p.granularity == "day"]
        if first and DASH_AFTER_DATE.match(line, at + first[0][0]):
            return first[0][1].start, "byline", line[:DATELINE_MAX]
        if len(line) > DATELINE_MAX or line.endswith((".", "!", "?")) or NOT_A_DATELINE.search(line):
            continue  # a sentence, or a date of something else ("Date of birth: ...")
        days = [(s, e, p) for s, e, p in find_periods(line) if p.granularity == "day"]
        if len(days) == 1 and len((line[:days[0][0]] + line[days[0][1]:]).split()) <= DATELINE_WORDS:
            return days[0][2].start, "byline", line
    return None


DATELINE_WORDS = 10  # words beside the date on a dateline
PLACE_BEFORE_DATE = regex.compile(r"[A-Z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3},\s+(?=[A-Z0-9])")
DASH_AFTER_DATE = regex.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:-\s+|[–—]\s*)(?!(?:present|now|today|date)\b)\S",
                                regex.IGNORECASE)
DATE_LEAD = regex.compile(r"(?:date|dated|published|posted|updated)\s*:?\s+", regex.IGNORECASE)
NOT_A_DATELINE = regex.compile(r"\b(?:birth|born|died|death|founded|established|since|until|deadline|closing"
                               r"|ended|ending"  # "YEAR ENDED AUGUST 29, 1999": a period's end, not the page's date
                               r"|present)\b"  # "8 December 2020 – present": a start, not the page's date
                               r"|\|",  # "Date | 8 December 2020": a table row, not a byline
                               regex.IGNORECASE)


def _whole_date(value: str) -> dt.date | None:
    """A value that is entirely one day or month date; a month counts as its last day."""
    period = parse_period(value.strip().rstrip("."))
    if period is None or period.granularity not in ("day", "month"):
        return None
    return period.end


def infer_document_date(periods: Iterable[tuple[Period, Tense, bool]]) -> tuple[dt.date, str, str] | None:
    """The latest end of the day- or month-precise periods not said of the future.

    Each period comes with its clause's tense and whether it dates an event
    ("completed in July 2025", "established on May 7, 2001"). Bare years and
    vague spans are left out: "in 2025" is too often a target. An event is
    history: a text is at least as late as what it reports done, so an event
    moves the date later once the text has said when it speaks from (an
    as-of date such as "as of June 2025"); alone, a founding date would date a
    page that still describes the body today.
    """
    best: Period | None = None
    latest_event: Period | None = None
    for period, tense, event in periods:
        if tense is Tense.FUTURE or period.granularity not in ("day", "month"):
            continue
        if event:
            if latest_event is None or period.end > latest_event.end:
                latest_event = period
        elif best is None or period.end > best.end:
            best = period
    if best is None:
        return None
    if latest_event is not None and latest_event.end > best.end:
        best = latest_event
    return best.end, "inferred", f"latest as-of date in the text: {best.text or best.label()}"
