"""HK301 product-total-mismatch: per-item amount x count != the stated total.

What it does:
    Within one paragraph or bullet, finds three figures that the text ties
    together: an amount *per item* ("each ...", "per ...", "for a ...
    project"), a *count* of those items ("three projects", "a total of six
    universities"; the counted noun must be the per-item noun), and a *total*
    in the same unit ("... in total", "a total of ...", "total funding of
    ..."). It reports the total when it cannot be the product, allowing for
    the rounding of figures stated with decimals and for "about" (a whole
    amount such as "$15 million" is a programme's figure, taken as stated).
    A cap stays a cap:
    a per-item "maximum"/"up to" bounds a plain total from above, and a total
    that is itself a cap must equal the product of the caps.

    Only one per-item amount, one matching count and one total of one unit
    in the paragraph are read; anything more is ambiguous and skipped, as is
    a pair whose time roles differ (an annual amount against a total).

Why it matters:
    When the parts of a stated multiplication disagree, at least one of the
    three figures is wrong, and a reader who checks the sum stops trusting the
    rest.

Example:
    "each eligible enterprise may receive a maximum funding of $15 million
    ... for a smart production line project ... A total of three projects
    ... i.e. an enterprise can receive a maximum funding of $45 million in
    total" agrees (3 x $15 million); with "$40 million in total" it is
    reported.
"""
from __future__ import annotations

from typing import Iterator

import regex

from hklint.canon import singular
from hklint.claims import NP_STOP
from hklint.model import CheckContext, Finding, Severity
from hklint.passages import Figure, Passage, bounds, claim_for, claims_by_span, decimals, fmt, passages

CODE = "HK301"
NAME = "product-total-mismatch"
CATEGORY = "arithmetic"
SEVERITY = Severity.WARNING
SCOPE = "document"  # reads one document at a time: runs where it is extracted

# Cue right after a total: "$45 million in total", "... altogether".
TOTAL_AFTER = regex.compile(r"\s*(?:in\s+total|altogether|in\s+aggregate)\b", regex.I)
# Cue right before a total: "a total of", "totalling", "total funding of".
TOTAL_BEFORE = regex.compile(
    r"\b(?:(?:a\s+)?total\s+of|total(?:l?ing|s)|total\s+(?:[\w-]+\s+){1,2}of)\s+$", regex.I)
# Per-item cues: "each eligible enterprise", "per project", "for a ... project".
PER = regex.compile(r"\b(?:each|every|per|for\s+(?:a|an|one|each|every))\s+(?:of\s+)?(?:the\s+)?", regex.I)
# How far from the amount a per-item cue may stand (characters, same sentence).
PER_BEFORE, PER_AFTER = 80, 100
# Time roles: an annual amount is not a part of a one-off total.
ANNUAL = regex.compile(r"\b(?:annual(?:ly)?|per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year|yearly)\b", regex.I)
_WORD = regex.compile(r"[A-Za-z][\w-]*")
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
CAP = ("up to", "no more than", "not more than", "a maximum of", "maximum of", "at most",
       "capped at", "maximum")
# "a maximum funding of $15 million": a cap said before the amount's noun.
CAP_BEFORE = regex.compile(r"\b(?:maximum|up\s+to|no\s+more\s+than|at\s+most)\b(?:\s+[\w-]+){0,3}\s+(?:of\s+)?$", regex.I)


def _phrase(view: str, pos: int, end: int) -> list[str]:
    """Up to five words of the phrase at ``pos``, stopped by punctuation or a function word."""
    words: list[str] = []
    for m in _WORD.finditer(view, pos, min(end, pos + 80)):
        if view[pos:m.start()].strip(" ") or len(words) >= 5:  # punctuation ends the phrase
            break
        word = m.group(0).lower()
        if word in NP_STOP:
            break
        if word not in NUMBER_WORDS:
            words.append(word)
        pos = m.end()
    return words


def _counted(view: str, pos: int, end: int, surface: bool = False) -> str:
    """What a count counts, singular: its first plural word ("three smart production line projects")."""
    for word in _phrase(view, pos, end)[:4]:
        if word.endswith("s") and singular(word) != word:
            return word if surface else singular(word)
    return ""


def _per_nouns(passage: Passage, f: Figure) -> set[str]:
    s_start, s_end = passage.sentence_of(f.mention.start)
    lo = max(s_start, f.mention.start - PER_BEFORE)
    hi = min(s_end, f.mention.end + PER_AFTER)
    nouns = set()
    for m in PER.finditer(passage.view, lo, hi):
        nouns.update(singular(w) for w in _phrase(passage.view, m.end(), s_end))
    return nouns


def _is_total(passage: Passage, f: Figure) -> bool:
    view = passage.view
    return bool(TOTAL_AFTER.match(view, f.mention.end)
                or TOTAL_BEFORE.search(view, max(passage.start, f.mention.start - 40), f.mention.start))


def _is_cap(passage: Passage, f: Figure) -> bool:
    if f.mention.qualifier in CAP:
        return True
    s_start, _ = passage.sentence_of(f.mention.start)
    return bool(CAP_BEFORE.search(passage.view, max(s_start, f.mention.start - 40), f.mention.start))


def _annual(passage: Passage, f: Figure) -> bool:
    s_start, s_end = passage.sentence_of(f.mention.start)
    return bool(ANNUAL.search(passage.view, s_start, s_end))


def _counts(passage: Passage, nouns: set[str]) -> list[Figure] | None:
    """The plain counts of the per-item noun; None when a count of it carries a
    word ("a total of 60 million euros over ten years"): which count multiplies
    the item is then unsure, and another sentence's count must not stand in."""
    out = []
    for f in passage.figures:
        if f.kind != "count":
            continue
        _, s_end = passage.sentence_of(f.mention.start)
        if _counted(passage.view, f.mention.end, s_end) not in nouns:
            continue
        if f.mention.qualifier:
            return None
        if f.value >= 2:
            out.append(f)
    return out


def _check(passage: Passage, index) -> Finding | None:
    money = [f for f in passage.figures if f.kind in ("money", "area") and f.mention.qualifier != "range"]
    totals = [f for f in money if _is_total(passage, f)]
    units = {t.unit for t in totals}
    if len(totals) != 1 or len(units) != 1:
        return None
    total = totals[0]
    items = [(f, nouns) for f in money if f is not total and f.unit == total.unit
             and f.value < total.value and (nouns := _per_nouns(passage, f))]
    if len(items) != 1:
        return None
    item, nouns = items[0]
    if _annual(passage, item) != _annual(passage, total):
        return None
    counts = _counts(passage, nouns)
    if counts is None or len({c.value for c in counts}) != 1:
        return None
    count = counts[0]
    item_cap, total_cap = _is_cap(passage, item), _is_cap(passage, total)
    # whole amounts and caps are taken as stated; decimals may be rounded
    i_lo, i_hi = bounds(item, rounded=decimals(item) > 0 and not item_cap)
    t_lo, t_hi = bounds(total, rounded=decimals(total) > 0 and not total_cap)
    p_lo, p_hi = i_lo * count.value, i_hi * count.value
    if item_cap and not total_cap:
        p_lo = 0.0  # a cap per item bounds a plain total only from above
    if t_hi >= p_lo and t_lo <= p_hi:
        return None
    product = item.value * count.value
    subject = "total"
    claims = (claim_for(passage, total, index, subject, "total"),
              claim_for(passage, item, index, subject, "per item"),
              claim_for(passage, count, index, subject, "count"))
    _, s_end = passage.sentence_of(count.mention.start)
    noun = _counted(passage.view, count.mention.end, s_end, surface=True)
    unit = {"HKD": "", "percent": "%", "m**2": " m2", "m": " m"}.get(total.unit, " " + total.unit)
    return Finding(
        code=CODE, check=NAME, category=CATEGORY, severity=SEVERITY,
        message=(f'total "{total.text}" but {count.text} {noun} x "{item.text}" '
                 f"= {fmt(product)}{unit}" + (" at most" if item_cap and not total_cap else "")),
        subject=claims[0].subject.text if claims[0].subject.source != "passage" else subject,
        attribute="total",
        claims=claims,
        reason=f"{count.text} x {item.text} = {fmt(product)}{unit}; the stated total is {total.text}",
    )


def run(ctx: CheckContext) -> Iterator[Finding]:
    index = claims_by_span(ctx.claims)
    for path in sorted(ctx.documents):
        for passage in passages(ctx.documents[path], ctx.analysis(path)):
            finding = _check(passage, index)
            if finding is not None:
                yield finding
