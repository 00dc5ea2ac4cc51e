"""A cheap test that rules text out before a slow case-insensitive pattern runs.

A pattern compiled with IGNORECASE whose every match holds one of a few
literal words cannot match text that holds none of them. In ASCII text
"holds, in any case" is a substring test on the lower-cased text, which
costs a small part of the pattern's scan. Other text is never ruled out:
Unicode case folding matches more than lower-casing ("K", the Kelvin sign,
matches "k"), so there the pattern decides.
"""
from __future__ import annotations

from typing import Iterable

import regex


def lacks_all(text: str, words: Iterable[str]) -> bool:
    """True when ``text`` is ASCII and holds none of the lower-case ``words`` in any case."""
    if not text.isascii():
        return False
    return not any(map(text.lower().__contains__, words))


def folded(text: str) -> str | None:
    """``text`` lower-cased for :func:`may_hold`, or None when it is not ASCII
    (then nothing is ruled out): lower-case a text once to test many word lists."""
    return text.lower() if text.isascii() else None


def may_hold(folded_text: str | None, words: Iterable[str]) -> bool:
    """False when ``folded_text`` (from :func:`folded`) holds none of the lower-case ``words``:
    ``not lacks_all(text, words)``."""
    return folded_text is None or any(map(folded_text.__contains__, words))


def may_end_with(text: str, words: tuple[str, ...], dot: bool = False) -> bool:
    """False when ``text`` is ASCII and, white space (and with ``dot`` one
    period) taken off its end, does not end with one of the lower-case
    ``words`` in any case: then a pattern whose every match is one of them
    before trailing white space (``(?:...)\\.?\\s*$``) cannot match it. For
    such patterns searched in a short window before each figure: the search
    tries every alternative at every position of the window."""
    if not text.isascii():
        return True
    text = text.rstrip(" \t\n\r\f\v")  # \s in ASCII text (not \x1c-\x1f, which str.strip() takes)
    if dot and text.endswith("."):
        text = text[:-1]
    return text.lower().endswith(words)


def lower_case_twin(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern`` without IGNORECASE, for :func:`search_any_case`. Every letter
    of ``pattern`` (but escapes such as ``\\s``) must be lower-case: then, in
    ASCII text, where case folding is lower-casing, the twin finds in the
    lower-cased text what ``pattern`` finds in the text."""
    letters = regex.sub(r"\\.", "", pattern.pattern)
    if not pattern.flags & regex.IGNORECASE or regex.search("[A-Z]", letters):
        raise ValueError(f"no lower-case twin for {pattern.pattern[:40]!r}")
    return regex.compile(pattern.pattern, pattern.flags & ~regex.IGNORECASE)


def search_any_case(pattern: regex.Pattern, twin: regex.Pattern, text: str, folded_text: str | None) -> bool:
    """Whether the IGNORECASE ``pattern`` matches ``text``; ``folded_text`` is
    ``folded(text)``. In ASCII text the case-sensitive ``twin``
    (:func:`lower_case_twin`) searches the lower-cased text instead: the
    regex module's case-insensitive matching costs about half as much again."""
    if folded_text is None:
        return pattern.search(text) is not None
    return twin.search(folded_text) is not None
