"""HK303 parts-exceed-whole: shares that add up to more than 100%, parts larger than their total.

What it does:
    Two patterns, each inside one sentence:

    * a list of shares of one total written "label (N%)" — "IT (31%);
      electrical and electronics (18%); manufacturing technology (17%)" —
      whose percentages, each taken at the low end of its rounding, add up to
      more than 100%;
    * a total tied to its parts by "comprising", "consisting of", "made up
      of", "namely", "of which", "broken down into" or "split into", whose
      parts (figures of the total's unit after that word) add up to more than
      the total, or — for the words that promise a full decomposition
      (comprising, consisting of, made up of, namely, broken down into, split
      into) — to less than it.

    Percentages and decimals are allowed half a unit of their last digit,
    whole numbers of three digits or more half a unit of their last non-zero
    digit ("a total of 2 200" may be rounded to the hundred); "over"/"up to"
    bound a total on one side only. "including", "such as" and lists without a tying word
    are never read as complete, and a passage that says its categories
    overlap ("more than one", "multiple") is skipped, and so is a net figure
    or parts that flow in and out ("a net movement of 38 600, of which 55 700
    were inflow and 17 100 were outflow": a difference), as is a list the
    sentence presents as answers that each stand alone (the factors, reasons
    or priorities respondents cited: "key factors were access to markets (73
    per cent), the tax system (67 per cent) ...") or whose shares add up to
    more than 150%, which no single slip makes: such shares are not of one
    total.

Why it matters:
    Parts that exceed their whole cannot all be right: a share was mistyped
    or a part was counted twice.

Example:
    "IT (31%); electrical and electronics (18%); manufacturing technology
    (17%); and biotechnology (12%)" adds up to 78% and is not reported; "a
    fund of $10 billion, comprising $6 billion for start-ups and $5 billion
    for scale-ups" is ($11 billion of parts).
"""
from __future__ import annotations

from typing import Iterator

import regex

from hklint.extract.prefilter import lacks_all
from hklint.model import CheckContext, Finding, Severity
from hklint.passages import Figure, Passage, claim_for, claims_by_span, fmt, loose_rounding, passages

CODE = "HK303"
NAME = "parts-exceed-whole"
CATEGORY = "arithmetic"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

# A share in brackets after its label: "(31%)", "(17% of the total approved projects)".
SHARE_OPEN = regex.compile(r"\(\s*$")
SHARE_CLOSE = regex.compile(r"\s*(?:of\s+[^()\d]{1,60})?\)")
# Between two bracketed shares: a label and a list separator, no figure, no sentence break.
SHARE_GAP = regex.compile(r"\)[^()\d.]{1,80}\(\s*$")
# Between two shares, words that set the second against the first: the same share
# at another time or place ("75 percent ..., up from two-thirds (67 per cent)"), not a sibling
THEN_GAP = regex.compile(r"\b(?:from|than|compared|versus|vs|against|previous|earlier|before|rose|fell|increased"
                         r"|decreased|grew|dropped|declined|while|whereas)\b", regex.IGNORECASE)
# The passage warns that the categories overlap: shares may add up to more than 100%.
OVERLAP = regex.compile(r"\b(?:more\s+than\s+one|multiple|overlap\w*|not\s+mutually\s+exclusive)\b", regex.I)
# The sentence lists answers that each stand alone, as a survey reports them:
# every share is of all respondents, so together they may pass 100%.
STANDALONE = regex.compile(
    r"\b(?:factors?|reasons?|motivations?|drivers?|concerns?|challenges?|barriers?|priorities|benefits"
    r"|advantages|respondents?|surveyed|cited|citing|mentioned|selected|ranked|rated|agreed|chose)\b",
    regex.I)
# A mistyped share or a part counted twice pushes a list a little past 100%;
# far past it, the shares are not of one total.
SHARES_MAX = 150.0
# Words that tie parts to the total before them.
TIE = regex.compile(
    r"""\b(?:(?P<full>comprising(?:\s+of)?|comprises|comprised\s+of|consisting\s+of|consists\s+of
          |made\s+up\s+of|namely|broken\s+down\s+into|split\s+into)
        |(?P<subset>of\s+which|of\s+whom))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Every TIE match holds one of these: a passage without any is skipped
# unscanned (hklint.extract.prefilter).
_TIE_WORDS = ("compris", "consist", "made", "namely", "broken", "split", "which", "whom")
# Words after which a figure is no longer a part of the same decomposition.
BREAK = regex.compile(
    r"""\b(?:with|while|whereas|besides|plus|in\s+addition|another|additional|further|excluding
        |apart\s+from|but|which|each|per|compared|against|from|to|than)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)
GAP_MAX = 100  # characters between the whole and its tie word, and between parts
# "each" between a figure and the tie word makes the figure a per-item count,
# not the total ("three periods each, and the fourth quarter consists of four").
EACH = regex.compile(r"\beach\b", regex.IGNORECASE)
# A net figure, or parts that flow in and out, is a difference of its parts, not their sum.
NET = regex.compile(r"\b(?:net|inflows?|outflows?|less|minus|offset|deducted|deduction)\b", regex.IGNORECASE)


def _low(f: Figure) -> float:
    iv = f.mention.interval
    base = iv.low if iv.low is not None else f.value
    if f.mention.qualifier in ("up to", "no more than", "not more than", "a maximum of",
                               "maximum of", "at most", "capped at", "maximum"):
        base = f.value  # a cap as part: take the stated figure
    return base - loose_rounding(f)


def _high(f: Figure) -> float:
    iv = f.mention.interval
    if iv.high is None:
        return float("inf")
    return iv.high + loose_rounding(f)


def _share_lists(passage: Passage) -> list[list[Figure]]:
    view = passage.view
    lists: list[list[Figure]] = []
    current: list[Figure] = []
    for f in passage.figures:
        bracketed = (f.kind == "percent" and not f.mention.qualifier
                     and SHARE_OPEN.search(view, max(passage.start, f.mention.start - 3), f.mention.start)
                     and SHARE_CLOSE.match(view, f.mention.end))
        if not bracketed:
            if current:
                lists.append(current)
                current = []
            continue
        if current and not (passage.sentence_of(current[-1].mention.start) == passage.sentence_of(f.mention.start)
                            and SHARE_GAP.search(view, current[-1].mention.end, f.mention.start)
                            and not THEN_GAP.search(view, current[-1].mention.end, f.mention.start)):
            lists.append(current)
            current = []
        current.append(f)
    if current:
        lists.append(current)
    return [items for items in lists if len(items) >= 2]


def _shares(passage: Passage, index) -> Iterator[Finding]:
    lists = _share_lists(passage)
    if not lists or OVERLAP.search(passage.text):  # the lists first: most passages have none
        return
    for items in lists:
        low = sum(f.value - loose_rounding(f) for f in items)
        if not 100.0 < low <= SHARES_MAX:
            continue
        s_start, _ = passage.sentence_of(items[0].mention.start)
        if STANDALONE.search(passage.view, s_start, items[-1].mention.end):
            continue
        total = sum(f.value for f in items)
        claims = tuple(claim_for(passage, f, index, "shares", "share") for f in items)
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f"{len(items)} shares listed together add up to {fmt(total)}% "
                     f"({' + '.join(f.text for f in items)}), more than 100%"),
            subject="shares", attribute="share", claims=claims,
            reason=f"shares of one total cannot exceed 100% (at least {fmt(low)}% after rounding)",
        )


def _counted(passage: Passage, f: Figure, index) -> str | None:
    """The noun a count counts, as its claim says ("count of case", or the
    counted phrase "suspected case" when nothing owns it): "case"."""
    claim = index.get((passage.doc.path, f.start))
    if claim is None:
        return None
    measure = claim.attribute.split(";")[0].split(" [")[0]
    if measure.startswith("count of "):
        return measure[len("count of "):].split()[-1]
    if measure == "count" and claim.subject.source == "counted-noun":
        return claim.subject.key.split()[-1]  # "suspected cases" counted with no owner
    return None


def _whole(passage: Passage, before: list[Figure], parts: list[Figure], index) -> Figure:
    """The total the parts are of: the nearest figure before the tie word,
    unless it counts something none of the parts count and an earlier figure
    of the sentence counts what a part counts ("1536 suspected cases reported
    from eight countries ..., of which 59 cases ..." : the cases, not the
    countries). Parts of other nouns than their total ("500 people, of which
    300 men and 200 women") keep the nearest."""
    nearest = before[-1]
    if nearest.kind != "count":
        return nearest
    nouns = {_counted(passage, f, index) for f in parts} - {None}
    noun = _counted(passage, nearest, index)
    if not nouns or noun is None or noun in nouns:
        return nearest
    same = [f for f in before[:-1] if _counted(passage, f, index) in nouns]
    return same[-1] if same else nearest


class _Depth:
    """How many brackets opened since ``start`` are still open at a position;
    asked at positions that only move forward, it reads each character once."""

    def __init__(self, view: str, start: int) -> None:
        self.view, self.pos, self.depth = view, start, 0

    def at(self, pos: int) -> int:
        for ch in self.view[self.pos:pos]:
            if ch in "([":
                self.depth += 1
            elif ch in ")]" and self.depth:
                self.depth -= 1
        self.pos = max(self.pos, pos)
        return self.depth


def _decompositions(passage: Passage, index) -> Iterator[Finding]:
    view = passage.view
    if lacks_all(view[passage.start:passage.end], _TIE_WORDS):
        return
    for tie in TIE.finditer(view, passage.start, passage.end):
        s_start, s_end = passage.sentence_of(tie.start())
        after = [f for f in passage.figures_between(tie.end(), s_end)]
        if not after or after[0].kind in ("percent", "rank"):
            continue
        first = after[0]
        if BREAK.search(view, tie.end(), first.mention.start) or first.mention.start - tie.end() > GAP_MAX:
            continue
        parts = [first]
        inside = _Depth(view, first.mention.start)
        for f in after[1:]:
            gap_start = parts[-1].mention.end
            if (f.kind, f.unit) != (first.kind, first.unit):
                continue
            if inside.at(f.mention.start) > 0:
                continue  # an aside on a part ("four periods (five weeks in ...)"), not a part
            if BREAK.search(view, gap_start, f.mention.start) or f.mention.start - gap_start > GAP_MAX:
                break
            parts.append(f)
        candidates = list(passage.figures_between(s_start, tie.start()))
        opened = _Depth(view, s_start)
        depths = [opened.at(f.mention.start) for f in candidates]
        depth = opened.at(tie.start())
        before = [f for f, d in zip(candidates, depths)
                  if (f.kind, f.unit) == (first.kind, first.unit)
                  # not a figure in a bracketed aside the tie word is outside of:
                  # "142 stations (with 6 more ... stations), of which 38 ..."
                  and d <= depth]
        if not before or tie.start() - before[-1].mention.end > GAP_MAX:
            continue
        whole = _whole(passage, before, parts, index)
        if whole.mention.qualifier == "range" or EACH.search(view, whole.mention.end, tie.start()):
            continue
        if NET.search(view, max(s_start, whole.mention.start - 40), parts[-1].mention.end):
            continue  # "a net movement of 38 600, of which 55 700 inflow and 17 100 outflow": a difference
        complete = bool(tie.group("full"))
        low = sum(_low(f) for f in parts)
        high = sum(_high(f) for f in parts)
        exceed = low > _high(whole)
        short = complete and len(parts) >= 2 and high < _low(whole)
        if not (exceed or short):
            continue
        word = " ".join(tie.group(0).split())
        total = sum(f.value for f in parts)
        claims = (claim_for(passage, whole, index, "total", "total"),
                  *(claim_for(passage, f, index, "total", "part") for f in parts))
        relation = "more" if exceed else "less"
        yield Finding(
            code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
            message=(f'"{whole.text}" {word} {" + ".join(f.text for f in parts)}: the parts add up to '
                     f"{fmt(total)}, {relation} than the total"),
            subject=claims[0].subject.text if claims[0].subject.source != "passage" else "total",
            attribute="total", claims=claims,
            reason=(f'"{word}" ties the parts to the total; ' +
                    ("parts cannot exceed their total" if exceed else "it promises the parts make up the whole")),
        )


def run(ctx: CheckContext) -> Iterator[Finding]:
    index = claims_by_span(ctx.claims)
    for path in sorted(ctx.documents):
        for passage in passages(ctx.documents[path], ctx.analysis(path)):
            yield from _shares(passage, index)
            yield from _decompositions(passage, index)
