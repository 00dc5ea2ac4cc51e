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


def lacks_all(text: str, words: Iterable[str]) -> bool:
    """True when ``text`` is ASCII and holds none of the lower-case ``words`` in any case."""
    if not text.isascii():
        return False
    return not any(map(text.lower().__contains__, words))
