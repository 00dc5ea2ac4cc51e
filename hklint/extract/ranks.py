"""Ranks, ratios and fractions: places in a ranking ("World No.7", "ranks
second globally", "Top 20"), ratios ("1 (Government): 2 (enterprise)",
"56:44", "on a one-to-one matching basis") and fractions said in words
("half of all visits", "two-thirds", percentages of 50 and 66.67).

Both are kept apart from counts: a rank's unit is "rank" (its value the place),
a ratio's unit is "ratio" (its value left over right). An ordinal is a rank
only with a ranking cue next to it, so "the 14th Five-Year Plan" and "the
third cluster" stay out; a number before a colon is a ratio only with labels
in brackets, a ratio cue, or two shares that add up to 100.
"""
from __future__ import annotations

import datetime as dt

import regex

from hklint.extract.numbers import QUALIFIERS, _qualifier, lowered, ordinal_ends, qualified_interval
from hklint.model import Interval, Mention, Period

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10}

_ORD = "|".join(ORDINALS)
_SMALL = "|".join(SMALL)

# "Asia-Pacific No.3", "World No.7", "No. 1": the capitalised words before it are its scope.
NUMBERED = regex.compile(
    r"(?P<scope>(?:[A-Z][\w'’-]*(?:\s+(?:&|and)\s+|\s+)){0,4}?)No\.\s?(?P<num>\d{1,3})\b")
# "34th place", "ranks sixth globally", "ranked eleventh in infrastructure"
ORDINAL = regex.compile(rf"\b(?:(?P<num>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{_ORD}))\b",
                        regex.IGNORECASE)
CUE_BEFORE = regex.compile(r"\b(?:rank(?:s|ed|ing)?|placed?|came|finished)\s+(?:(?:at|in|as)\s+)?(?:the\s+)?$",
                           regex.IGNORECASE)
CUE_AFTER = regex.compile(
    r"\s*(?:place\b|position\b|globally\b|worldwide\b|in\s+the\s+world\b|in\s+the\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+region\b"
    r"|(?:largest|biggest|busiest|highest|lowest|best|most|strongest|leading)\b)")
# "Top 20" is a place; "the top 100 universities" is a group, not a rank
TOP = regex.compile(r"\b[Tt]op\s+(?P<num>\d{1,3})\b(?!\s*(?:%|per\s?cent)|\s+[a-z]+s\b)")
SCOPE_AFTER = regex.compile(
    r"\s*(?:place\s+)?(?:(?P<world>globally|worldwide|in\s+the\s+world)"
    r"|in\s+(?:the\s+)?(?P<region>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))")

# "1 (Government): 2 (enterprise)", "2:1", "one (Government): two (enterprise)"
_LABEL = r"(?:\s*\([^()\n]{1,30}\))?"
RATIO = regex.compile(
    rf"(?<![\w.:/])(?P<a>\d{{1,3}}|{_SMALL})(?P<la>{_LABEL})\s?:\s?(?P<b>\d{{1,3}}|{_SMALL})(?P<lb>{_LABEL})(?![\w:/]|\.\d)",
    regex.IGNORECASE)
# "on a one to one matching basis", "one-to-one"
RATIO_WORDS = regex.compile(rf"\b(?P<a>{_SMALL})[\s-]+to[\s-]+(?P<b>{_SMALL})\b(?=[\s-]+(?:matching|basis|ratio))",
                            regex.IGNORECASE)
RATIO_CUE = regex.compile(r"\b(?:ratio|matching|basis|split|proportion)\b", regex.IGNORECASE)


# "half of all visits", "up to half", "two-thirds of applications"; not "the
# second half of 2024", "half-day", "half a million", "one and a half"
FRACTIONS = {"half": 50.0, "one-half": 50.0, "one half": 50.0, "a third": 100 / 3,
             "one-third": 100 / 3, "one third": 100 / 3, "two-thirds": 200 / 3,
             "two thirds": 200 / 3, "a quarter": 25.0, "one-quarter": 25.0,
             "one quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0}
FRACTION = regex.compile(
    r"(?<!\b(?:first|second|third|fourth|latter|former|and|a)\s)(?<![\w-])"
    r"(?P<f>one[-\s]half|half|one[-\s]third|a\s+third|two[-\s]thirds|a\s+quarter|one[-\s]quarter"
    r"|three[-\s]quarters)(?![\w-])(?!\s+(?:a|an)\s)(?=\s+(?:of|the|its|their|all|what)\b|[,.;)])",
    regex.IGNORECASE)


def _value(token: str) -> float:
    token = token.lower()
    return float(SMALL[token]) if token in SMALL else float(token)


def rank_scope(view: str, mention: Mention) -> str:
    """Where a rank holds: "asia-pacific" for "Asia-Pacific No.3", "world" for
    "sixth globally"; "" when the text does not say."""
    m = NUMBERED.fullmatch(mention.text)
    if m and m.group("scope").strip():
        scope = m.group("scope").strip()
    else:
        after = SCOPE_AFTER.match(view, mention.end)
        if after is None:
            return ""
        scope = "world" if after.group("world") else after.group("region")
    scope = regex.sub(r"[\s&]+", " ", scope.lower()).replace(" and ", " ").strip()
    return "world" if scope in ("world", "global", "the world", "world's") else scope


# "Global Innovation Index 2020", "the 2022 Global Data Centre Market Comparison":
# the edition year of a named ranking or report
EDITION = regex.compile(
    r"(?:(?:[A-Z][\w&’'-]*\s+){1,6}(?P<y1>(?:19|20)\d\d)\b(?!\s*[-/–]\d)"
    r"|\b(?P<y2>(?:19|20)\d\d)(?:\s+[A-Z][\w&’'-]*){2,6})")


def edition_period(view: str, start: int, end: int, at: int) -> Period | None:
    """The edition year of the ranking a rank comes from, when the sentence
    (``view[start:end]``) names one with its year; the nearest to ``at``."""
    best = None
    for m in EDITION.finditer(view, start, end):
        group = "y1" if m.group("y1") else "y2"
        year = int(m.group(group))
        distance = abs(m.start(group) - at)
        if best is None or distance < best[0]:
            best = (distance, year, m.group(0).strip())
    if best is None:
        return None
    _d, year, text = best
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)


# The ranking a place is in: "QS World University Rankings", "Global Innovation
# Index", "Times Higher Education Asia University Rankings" (a Title Case name
# ending in a word for a ranking).
RANKING_NAME = regex.compile(
    r"(?:[A-Z][\w&’'-]*\s+){1,6}(?:Rankings?|Index|League\s+Table|Scoreboard|Report|Survey|Comparison)\b")


def ranking_name(view: str, start: int, end: int, at: int) -> str:
    """The name of the ranking nearest to ``at`` in ``view[start:end]``, without
    its year, lower-cased; "" when the sentence names none."""
    best = None
    for m in RANKING_NAME.finditer(view, start, end):
        distance = abs(m.start() - at)
        if best is None or distance < best[0]:
            best = (distance, m.group(0))
    if best is None:
        return ""
    words = [w for w in best[1].split() if not regex.fullmatch(r"(?:19|20)\d\d", w)
             and w.lower() not in ("the", "in", "of")]
    return " ".join(words).lower()


# Each full pattern runs only in a window around a cheap anchor: a word found
# with str.find on the lower-cased text (regex alternations of words scan at
# about 17 MB/s; str.find at several hundred).
ANCHOR_WORDS = {
    "numbered": ("no.",),
    "ordinal": tuple(ORDINALS),
    "ratio_words": ("matching", "basis", "ratio"),
    "fraction": ("half", "third", "quarter"),
}
RATIO_ANCHOR = regex.compile(r"[\d)]\s?:\s?\w")
WINDOW = 120  # characters before an anchor a match may start; after it, a match may end

# The lower-cased view, made once per document (numbers.lowered, shared with
# find_numbers): claims calls the finder again for every table cell, and
# lowering the whole text each time cost a sixth of extraction on tables.
_lowered = lowered


def _word_anchors(lower: str, words, start: int, end: int) -> list[tuple[int, int]]:
    found = []
    for w in words:
        at = lower.find(w, start, end)
        while at >= 0:
            found.append((at, at + len(w)))
            at = lower.find(w, at + 1, end)
    found.sort()
    return found


def _near(pattern, anchors, view: str, start: int, end: int, after: int = 0):
    """``pattern``'s matches in ``view[start:end]`` that overlap a window around
    an anchor (start, end), each once, in text order: the matches a scan of the
    whole text finds, for patterns whose every match contains an anchor (or,
    with ``after``, is followed by one that many characters on)."""
    seen: set[tuple[int, int]] = set()
    last = start
    for a_start, a_end in anchors:
        if a_end <= last:
            continue
        lo = max(last, a_start - WINDOW)
        hi = min(end, a_end + WINDOW)
        for m in pattern.finditer(view, lo, hi):
            if m.start() > a_end:
                break
            if m.end() + after < a_start or m.span() in seen:
                continue
            seen.add(m.span())
            last = max(last, m.end())
            yield m


def find_ranks_and_ratios(view: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every rank and ratio in ``view[start:end]``, sorted by offset."""
    end = len(view) if end is None else end
    out: list[Mention] = []
    lower = _lowered(view)

    def words(kind: str) -> list[tuple[int, int]]:
        return _word_anchors(lower, ANCHOR_WORDS[kind], start, end)

    for m in _near(NUMBERED, words("numbered"), view, start, end):
        value = float(m.group("num"))
        scope = m.group("scope").strip()
        s = m.start("scope") if scope else m.start()
        out.append(Mention("rank", s, m.end(), view[s:m.end()], value, Interval.point(value),
                           "rank"))
    # a digit and its ordinal suffix ("11th"): numbers.ordinal_ends, found by find_numbers too
    ordinal = sorted(words("ordinal") + [(at, at + 3) for at in ordinal_ends(view, start, end)])
    for m in _near(ORDINAL, ordinal, view, start, end):
        cued = CUE_BEFORE.search(view, max(0, m.start() - 30), m.start()) \
            or CUE_AFTER.match(view, m.end())
        if not cued:
            continue
        value = float(m.group("num") or ORDINALS[m.group("word").lower()])
        out.append(Mention("rank", m.start(), m.end(), m.group(0), value, Interval.point(value),
                           "rank"))
    for m in TOP.finditer(view, start, end):
        value = float(m.group("num"))
        out.append(Mention("rank", m.start(), m.end(), m.group(0), value,
                           Interval(1.0, value, True, True), "rank", qualifier="top"))
    for m in _near(RATIO, [m.span() for m in RATIO_ANCHOR.finditer(view, start, end)], view, start, end):
        a, b = _value(m.group("a")), _value(m.group("b"))
        labelled = bool(m.group("la").strip() and m.group("lb").strip())
        clause = view[max(0, m.start() - 80):min(len(view), m.end() + 40)]
        if not b or not (labelled or RATIO_CUE.search(clause) or a + b == 100):
            continue
        if not labelled and (m.group("a").isalpha() or m.group("b").isalpha()):
            continue
        out.append(Mention("ratio", m.start(), m.end(), m.group(0), a / b, Interval.point(a / b),
                           "ratio"))
    for m in _near(RATIO_WORDS, words("ratio_words"), view, start, end, after=12):
        a, b = _value(m.group("a")), _value(m.group("b"))
        out.append(Mention("ratio", m.start(), m.end(), m.group(0), a / b, Interval.point(a / b),
                           "ratio"))
    for m in _near(FRACTION, words("fraction"), view, start, end):
        value = FRACTIONS[regex.sub(r"\s+", " ", m.group("f").lower())]
        qual, at = _qualifier(view, m.start())
        out.append(Mention("percent", at, m.end(), view[at:m.end()], value,
                           qualified_interval(value, QUALIFIERS.get(qual, ""), 0.0), "percent",
                           qualifier=qual))
    out.sort(key=lambda x: (x.start, x.end))
    kept: list[Mention] = []
    for mention in out:  # overlapping finds: the first, longest one wins
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
