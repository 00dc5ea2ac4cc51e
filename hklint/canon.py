"""Canonical forms of names and noun phrases, so that keys compare folded text.

Case, plural, hyphenation, "&"/"and", quotes and leading articles are folded;
aliases (abbreviations defined in the corpus, configured ones) are applied by
the linker on top of these forms.
"""
from __future__ import annotations

from functools import lru_cache

import regex

_PUNCT = regex.compile(r"[\"“”‘’'`*_()\[\]]")
_DASHES = regex.compile(r"[-‐‑‒–—/]+")
_SPACES = regex.compile(r"\s+")
_ARTICLE = regex.compile(r"^(?:the|a|an)\s+")

# Words that keep their final "s".
_KEEP_S = frozenset(
    "as is us has was this its plus bus gas lens news series species analysis basis"
    " status campus census virus bonus corpus thesis axis process access business"
    " address class glass mass express progress success always perhaps sars hkstps"
    " physics economics mathematics statistics logistics robotics electronics"
    " genomics semiconductors".split()
)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A light English singular, enough to fold "laboratories"/"laboratory"."""
    w = word
    if len(w) <= 3 or w in _KEEP_S or w.rsplit("-", 1)[-1] in _KEEP_S or not w.replace("-", "").isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("uses") and w != "uses" and w[:-2] in _KEEP_S:
        return w[:-2]  # "campuses", "buses", "viruses": the singular keeps its "s"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """Folded form of a name or noun phrase: 'The "Wi-Fi.HK" Hotspots' -> 'wi fi.hk hotspot'."""
    t = _PUNCT.sub(" ", text)
    t = t.replace("&", " and ")
    t = _SPACES.sub(" ", t).strip().lower()
    t = _ARTICLE.sub("", t)
    t = t.rstrip(".,:;")
    # plural is folded on whole words, hyphenated ones included ("start-ups")
    t = " ".join(singular(w) for w in t.split(" ") if w)
    return _SPACES.sub(" ", _DASHES.sub(" ", t)).strip()


# Markdown a reader does not need in a quote: emphasis markers and escapes.
_EMPHASIS = regex.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!$|])")


def readable(text: str) -> str:
    """A quote as a reader sees the rendered page: "**iAM Smart**" -> "iAM Smart",
    "\\$16 million" -> "$16 million"."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub("", text))
