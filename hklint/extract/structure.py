"""Text structure on the normalised view: blocks, sentences, clauses, names.

A *block* is a paragraph or a bullet: consecutive lines, joined when a line
breaks mid-sentence (PDF exports break lines inside sentences). A block may
open with a *lead-in* ("**Wi-Fi Connected City:** ...", "Talent: ...") that
names what the whole block is about.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from hklint.model import fast_init

# A bullet marker at the start of a line.
BULLET = regex.compile(r"[ \t]*(?:[-*•●▪◦·]|\d{1,2}[.)]|[ivx]{1,4}\.)[ \t]+")

# Where one sentence ends and the next begins: terminal punctuation, optional
# closing quote or bracket, white space, then something that can start one.
# A sentence ends at . ! or ? before white space, or before a citation mark
# that may run into the next sentence ("... advancement.[1]HKSTP supports"),
# when the next one starts with a capital, a digit or a currency sign ("$2 billion will ...").
# The mark is matched and then dropped from the match (\K) rather than looked
# behind for: the scan then only stops at the marks (three times faster). The
# match starts after the mark all the same; unlike a look-behind, \K cannot
# see a mark before where the scan starts, and sentences() never starts a scan
# right after one (a line start, or the white space after a bullet).
SENTENCE_END = regex.compile(r"""[.!?]\K(?:["'”’)]?\s+|(?:\[\d{1,3}\])+\s*)(?=["“'‘(]?[A-Z0-9$€£¥])""")

# Words whose final period is not a sentence end.
ABBREVIATIONS = frozenset(
    "no nos dr mr mrs ms prof st co ltd inc corp vs e.g i.e etc approx fig figs"
    " sec art para p pp vol ch jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Clause boundaries inside a sentence: a semicolon, or ", and"/", while"/", with"
# before a new figure's context.
CLAUSE_END = regex.compile(r";\s+|,\s+(?=(?:and|while|whereas|with|but|of\s+which)\s)")

# A run of capitalised words, allowing short connectors and "&" inside, e.g.
# "Technology Start-up Support Scheme for Universities", "Hong Kong
# Science and Technology Parks Corporation", "RAISE+ Scheme", "InnoHK".
# The leading \b is implied by the look-behind and the first letter; tested
# first, it spares the look-behind inside words (25% faster). "[a-z]++" is
# possessive: giving back lower-case letters can never let "[A-Z]" match, and
# not trying it makes the scan a third faster (every lower-case word is tried).
NAME = regex.compile(
    r"""
    \b(?<![\w@.])
    (?:[A-Z][\w'’&@+.-]*[\w+]|[A-Z]|[a-z]++[A-Z][\w@+.-]*)             # first word
    (?:
        (?:\s+(?:of|and|for|the|on|in|&|de|du|to)){0,2}
        \s+(?!No\.\s?\d)(?:[A-Z][\w'’&@+.-]*[\w+]|[A-Z]|[a-z]++[A-Z][\w@+.-]*|\d+\.\d+)  # not "No. 1"
    )*
    (?![\w$])                                                       # not a currency: HK$
    """,
    regex.VERBOSE,
)

# NAME for the stdlib engine, which scans it three times faster than ``regex``.
# The engines agree on ASCII text once \s is spelled out (``re`` also counts
# \x1c-\x1f as space); elsewhere their \w and \s differ on rare characters.
_NAME_ASCII = re.compile(NAME.pattern.replace(r"\s", r"[ \t\n\r\f\v]"), re.VERBOSE)


def name_runs(view: str, start: int = 0, end: int | None = None) -> Iterator:
    """NAME matches in ``view[start:end]``: ``NAME.finditer(view, start, end)``, faster."""
    end = len(view) if end is None else end
    # the look-behind reads one character before ``start``
    if view[max(0, start - 1):end].isascii():
        return _NAME_ASCII.finditer(view, start, end)
    return NAME.finditer(view, start, end)


# A defined abbreviation: "State Key Laboratories (SKLs)", "(the Blueprint)".
DEFINITION = regex.compile(
    r"""(?P<name>(?:[A-Z][\w'’&@+-]*(?:\.\w+)*(?:[ \t]+(?:of|and|for|the|on|in|&|to))*[ \t]+)*
                 [A-Z][\w'’&@+-]*(?:\.\w+)*)
        ["”]?[ \t]+\((?:the[ \t]+)?(?:["“](?P<abbr>[A-Z][\w&@+.-]*(?:[ \t]+[A-Z][\w&@+.-]*){0,3})["”]
                                     |(?P<abbr>[A-Z][\w&@+.-]{1,14}))\)""",
    regex.VERBOSE,
)

def without_possessive(name: str) -> str:
    """"Singapore Tourism Board's (STB) forecast": the name is the Board's own;
    "Gross Payments Volume3 ("GPV")": a note mark is not part of it."""
    name = NOTE_MARK_END.sub("", name)
    return name[:-2] if name.endswith(("'s", "’s")) else name


NOTE_MARK_END = regex.compile(r"(?<=[a-z])\d{1,2}$")


# Where an abbreviation is defined: "(SKLs)", "(the Blueprint)".
PAREN_ABBR = regex.compile(r"\((?:the[ \t]+)?(?:[\"“][A-Z][\w&@+.-]*(?:[ \t]+[A-Z][\w&@+.-]*){0,3}[\"”]"
                           r"|[A-Z][\w&@+.-]{1,14})\)")
# How far before "(ABBR)" its name may start.
DEFINITION_REACH = 200

# A character no DEFINITION match holds (brackets only as its "(ABBR)"), and
# one no LOWER_DEFINITION match holds; searched from the right (REVERSE).
_NOT_IN_DEFINITION = regex.compile(r"[^\w'’&@+.\- \t\"”“]", regex.REVERSE)
_NOT_IN_LOWER_DEFINITION = regex.compile(r"[^\w \t-]", regex.REVERSE)


def scan_start(outside, view: str, start: int, paren_start: int) -> int:
    """Where a scan for the definition ending with the bracket at ``paren_start``
    may start instead of ``start``: just after the last character before the
    bracket that no match holds (``outside``). No match reaches across such a
    character, and the only ")" after it is the bracket's own, so a scan from
    there finds just the matches a scan from ``start`` finds after it: the
    ones that can end with the bracket. Scanning the rest of a long window is
    what made these patterns dear (the name part tries every position)."""
    m = outside.search(view, start, paren_start)
    return m.end() if m is not None else start


def definitions_in(view: str, start: int = 0, end: int | None = None):
    """DEFINITION matches in ``view[start:end]``, each found by looking back from
    its "(ABBR)": scanning a whole text with DEFINITION backtracks on long runs of
    capitalised words."""
    end = len(view) if end is None else end
    if view.find("(", start, end) < 0:
        return  # every match ends with a bracketed "(ABBR)"
    for paren in PAREN_ABBR.finditer(view, start, end):
        window = max(start, view.rfind("\n", 0, paren.start()) + 1, paren.start() - DEFINITION_REACH)
        found = None
        for m in DEFINITION.finditer(view, scan_start(_NOT_IN_DEFINITION, view, window, paren.start()),
                                     paren.end()):
            if m.end() == paren.end():
                found = m
        if found is not None:
            yield found


# A lower-case phrase defined by an acronym: "innovation and technology (I&T)".
LOWER_DEFINITION = regex.compile(
    r"""(?P<name>(?:[a-z][\w-]*[ \t]+){1,6}[a-z][\w-]*)[ \t]+\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)"""
)

# LOWER_DEFINITION's bracket, and the last word of its phrase.
_LOWER_ABBR = regex.compile(r"\([A-Z][A-Za-z&]{1,7}\)")
_LOWER_WORD = regex.compile(r"[a-z][\w-]*")


def lower_definition_ending(view: str, start: int, paren) -> regex.Match | None:
    """The match of ``LOWER_DEFINITION.finditer(view, start, paren.end())`` that
    ends where ``paren`` (a PAREN_ABBR match) ends, if any.

    Such a match ends with this very bracket, a lower-case word right after a
    space or tab, and spaces or tabs between them; most brackets follow a
    capitalised name, and those are ruled out without a scan.
    """
    end = paren.end()
    if not _LOWER_ABBR.fullmatch(view, paren.start(), end):
        return None
    name_end = len(view[start:paren.start()].rstrip(" \t")) + start
    word_start = max(view.rfind(" ", start, name_end), view.rfind("\t", start, name_end)) + 1
    if name_end == paren.start() or word_start == 0:
        return None  # no space before the bracket, or no word after a space
    if not _LOWER_WORD.fullmatch(view, word_start, name_end):
        return None
    found = None
    for m in LOWER_DEFINITION.finditer(view, scan_start(_NOT_IN_LOWER_DEFINITION, view, start, paren.start()),
                                       end):
        if m.end() == end:
            found = m
    return found


QUOTED = regex.compile(r"[\"“]([^\"“”\n]{2,80})[\"”]")


def quoted_in(view: str, start: int, end: int):
    """``QUOTED.finditer(view, start, end)``; most sentences hold no opening quote
    mark, and two plain searches rule them out for a third of the scan's cost."""
    if view.find('"', start, end) < 0 and view.find("\u201c", start, end) < 0:
        return ()
    return QUOTED.finditer(view, start, end)

# Lead-in of a block: bold text or a short Title Case phrase ending in ":".
LEAD_IN = regex.compile(r"(?P<lead>[A-Z\"“][^:.\n]{2,120}?)\s*:\s+(?=\S)")


_LAST_WORD = regex.compile(r"(\S+)\.$")


@fast_init
@dataclass(frozen=True)
class Block:
    start: int
    end: int
    lead: tuple[int, int] | None  # view span of the lead-in text


@fast_init
@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into the blocks list


def blocks(view: str) -> list[Block]:
    """Paragraphs and bullets, with lines broken mid-sentence joined back."""
    out: list[Block] = []
    lines: list[tuple[int, int]] = []  # (start, end without trailing space) of each line; (-1, -1) blank
    s = 0
    while s < len(view):  # each line with its "\n" (str.find: half the time of a regex per line)
        e = view.find("\n", s) + 1 or len(view)
        line = view[s:e]
        if line.strip():
            lines.append((s, s + len(line.rstrip())))
        else:
            lines.append((-1, -1))
        s = e
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if current:
            start, end = current[0][0], current[-1][1]
            out.append(Block(start, end, _lead(view, start, end)))
            current.clear()

    blank = False
    for s, e in lines:
        if s < 0:
            blank = True
            continue
        text = view[s:e]
        if current:
            prev = view[current[-1][0]:current[-1][1]].rstrip()
            first = text.lstrip()[:1]
            # a line broken mid-sentence goes on in lower case, or with a figure
            # on the next line; after a blank line only in lower case ("Key
            # figures" / "2024 was a good year" are a heading and a paragraph)
            continues = (prev and prev[-1] not in ".!?:;\"”)" and not BULLET.match(text)
                         and (first.islower() or (first.isdigit() and not blank)
                              or (not blank and _hard_wrapped(prev, text))))
            if not continues:
                flush()
        current.append((s, e))
        blank = False
    flush()
    return out


# A long line cut mid-sentence by a fixed width ("... the Administration requested"
# / "$17.309 billion for NASA, ..."): the next line goes on whatever it starts with.
HARD_WRAP_MIN = 60
HARD_WRAP_END = regex.compile(r"(?:\b[a-z][\w'’-]*|,|\b(?:the|a|an|of|and|for|to|in|on|by|with|from|U\.S\.))$")


def _hard_wrapped(prev: str, text: str) -> bool:
    return (len(prev) >= HARD_WRAP_MIN and HARD_WRAP_END.search(prev) is not None
            and ":" not in prev[-40:] and "|" not in text and "\t" not in text and not text.lstrip().startswith("#")
            and not DATELINE.match(text) and not CAPS_LINE.fullmatch(text.strip()))


# A short line all in capitals ("SOUTH AUSTRALIA", "NSW/ACT"): a heading, not the
# rest of a wrapped sentence
CAPS_LINE = regex.compile(r"[A-Z][A-Z&'’./-]*(?:\s[A-Z][A-Z&'’./-]*){0,3}:?")


# "TOKYO — The postponement ...", "LONDON, May 3 (Reuters) - ...": a story's
# dateline opens a paragraph; the line before it (a headline) has ended
DATELINE = regex.compile(r"\s*[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*\s*(?:\([^)\n]{1,30}\)\s*)?(?:[—–:]|-\s)")


def _lead(view: str, start: int, end: int) -> tuple[int, int] | None:
    bullet = BULLET.match(view, start, end)
    s = bullet.end() if bullet else start
    m = LEAD_IN.match(view, s, end)
    if not m:
        return None
    lead = m.group("lead")
    words = lead.split()
    if len(words) > 14:
        return None
    return m.start("lead"), m.end("lead")


def sentences(view: str, block_list: list[Block]) -> list[Sentence]:
    out: list[Sentence] = []
    for index, block in enumerate(block_list):
        start = block.start
        bullet = BULLET.match(view, block.start, block.end)
        if bullet:
            start = bullet.end()
        for m in SENTENCE_END.finditer(view, start, block.end):
            word = _LAST_WORD.search(view[max(start, m.start() - 12):m.start()])
            if word and word.group(1).lower().strip("(\"'“") in ABBREVIATIONS:
                continue
            out.append(Sentence(start, m.start(), index))
            start = m.end()
        if start < block.end:
            out.append(Sentence(start, block.end, index))
    return out


def clause_bounds(view: str, sentence: Sentence, offset: int,
                  memo: dict | None = None) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``offset``.

    With a ``memo`` dict the sentence's clause boundaries are found once and
    looked up by bisection: a sentence with thousands of figures stays linear.
    """
    if memo is None:
        cuts = _clause_cuts(view, sentence)
    else:
        key = ("clauses", sentence.start, sentence.end)
        cuts = memo.get(key)
        if cuts is None:
            cuts = memo[key] = _clause_cuts(view, sentence)
    k = max(0, bisect.bisect_right(cuts, (offset, len(view) + 1)) - 1)
    return cuts[k]


def _clause_cuts(view: str, sentence: Sentence) -> list[tuple[int, int]]:
    """(start, end) of each clause; a boundary's separator belongs to neither."""
    cuts = []
    start = sentence.start
    for m in CLAUSE_END.finditer(view, sentence.start, sentence.end):
        cuts.append((start, m.start()))
        start = m.end()
    cuts.append((start, sentence.end))
    return cuts
