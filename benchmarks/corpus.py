"""Deterministic benchmark corpora: copies of seeds/ that still group and conflict.

Copy 0 is the seed documents unchanged, so the 1x corpus is seeds/ itself.
Copy k >= 1 is the seeds with three seeded changes:

- every year (1900-2099, and the tail of a span such as 2024-25) shifted by
  -1, +1 or +2 in every third copy, so that copies supersede each other;
- about one figure in seven (not years, not the day of a date) multiplied by
  1.1 and written back in the same format (same thousands separator, same
  decimal places), so that claims of one subject disagree across copies;
- in three copies of four, half of the names that the seeds print in bold
  (Title Case, 1-8 words, no digits) get a suffix " Phase II/III/IV" in every
  place they occur, so that subjects group within a copy and across the
  copies of the same variant, but not with the seeds' own names.

Nothing here names a phrase of seeds/: the names to rename are found in
whatever documents are given.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import regex

# Bold markup, as hklint reads it ("**Cyberport**").
BOLD = regex.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")

# Lower-case words a Title Case name may contain.
CONNECTORS = frozenset({"of", "and", "for", "the", "in", "on", "&"})

# A figure: digits with "," or " " thousands separators, or plain digits, and
# an optional decimal part; not inside a word, a decimal or a path.
FIGURE = regex.compile(
    r"""(?<![\w.,/])
        (?P<int>\d{1,3}(?:(?P<sep>[, ])\d{3})+|\d+)
        (?P<frac>\.\d+)?
        (?![\w]|[.,]\d)""",
    regex.VERBOSE,
)

# A year as a plain four-digit number.
YEAR = regex.compile(r"(?:19|20)\d\d")

# The text just before the two-digit tail of a year span ("2024-" of "2024-25").
SPAN_HEAD = regex.compile(r"(?:19|20)\d\d[-\u2013/]$")

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
# A month name right before or right after a figure makes it the day of a date.
MONTH_BEFORE = regex.compile(_MONTH + r"\s+$")
MONTH_AFTER = regex.compile(r"\s+" + _MONTH + r"\b")

SUFFIXES = ("", " Phase II", " Phase III", " Phase IV")  # by variant k % 4
YEAR_SHIFTS = (-1, 1, 2)
PERTURB_SHARE = 1 / 7
FACTOR = 1.1


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: the copy folders to pass to hklint, below ``root``."""

    root: Path
    copies: tuple[str, ...]
    files: tuple[Path, ...]
    size: int  # bytes

    @property
    def mb(self) -> float:
        return self.size / 1e6


def bold_names(texts: Sequence[str]) -> list[str]:
    """Title Case names printed in bold, sorted: the subjects a copy renames."""
    found: set[str] = set()
    for text in texts:
        for m in BOLD.finditer(text):
            name = m.group(1).strip()
            words = name.split()
            if words and words[0] == "The":
                words = words[1:]
            if not 1 <= len(words) <= 8 or any(ch.isdigit() for ch in name):
                continue
            if regex.search(r"[:,;()\"\u201c\u201d]", name):
                continue
            if not all(w[0].isupper() or w in CONNECTORS for w in words):
                continue
            if len(words) == 1 and (len(name) < 5 or words[0].isupper()):
                continue  # abbreviations and short words stay as they are
            found.add(" ".join(words))
    return sorted(found)


def renamer(names: Sequence[str], variant: int, seed: int):
    """A function renaming half of ``names`` (chosen by seed and variant) everywhere."""
    if variant == 0 or not names:
        return lambda text: text
    rng = random.Random(f"{seed}:rename:{variant}")
    chosen = sorted(rng.sample(list(names), len(names) // 2), key=len, reverse=True)
    pattern = regex.compile(r"(?<![\w])(?:%s)(?![\w])" % "|".join(map(regex.escape, chosen)))
    suffix = SUFFIXES[variant]
    return lambda text: pattern.sub(lambda m: m.group(0) + suffix, text)


def _perturbed(m: regex.Match) -> str:
    digits, sep, frac = m.group("int"), m.group("sep") or "", m.group("frac") or ""
    whole = int(digits.replace(sep, "")) if sep else int(digits)
    if frac:
        places = len(frac) - 1
        old = float(f"{whole}{frac}")
        new = round(old * FACTOR, places)
        if new == old:
            new = round(old + 10 ** -places, places)
        text = f"{new:,.{places}f}"
    else:
        new_int = round(whole * FACTOR)
        text = f"{new_int if new_int != whole else whole + 1:,}"
    if sep == ",":
        return text
    if sep == " ":
        return text.replace(",", " ")
    return text.replace(",", "")


def mutate(text: str, k: int, names: Sequence[str], seed: int) -> str:
    """Copy ``k`` of one document (copy 0 is the document itself)."""
    if k == 0:
        return text
    rng = random.Random(f"{seed}:copy:{k}")
    shift = rng.choice(YEAR_SHIFTS) if k % 3 == 1 else 0

    def figure(m: regex.Match) -> str:
        digits = m.group("int")
        plain = m.group("sep") is None and m.group("frac") is None
        if plain and YEAR.fullmatch(digits):
            return str(int(digits) + shift)
        before = text[max(0, m.start() - 12):m.start()]
        if plain and len(digits) == 2 and SPAN_HEAD.search(before):
            return f"{(int(digits) + shift) % 100:02d}"
        if MONTH_BEFORE.search(before) or MONTH_AFTER.match(text, m.end()):
            return digits  # the day of a date
        return _perturbed(m) if rng.random() < PERTURB_SHARE else m.group(0)

    return renamer(names, k % len(SUFFIXES), seed)(FIGURE.sub(figure, text))


def generate(seeds: Sequence[Path], copies: int, root: Path, seed: int = 5) -> Corpus:
    """Write copy_0 .. copy_{copies-1}, each holding NNN.txt per seed document."""
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    names = bold_names(texts)
    files: list[Path] = []
    size = 0
    for k in range(copies):
        folder = root / f"copy_{k}"
        folder.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(texts):
            path = folder / f"{i:03d}.txt"
            data = mutate(text, k, names, seed).encode("utf-8")
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
            files.append(path)
            size += len(data)
    return Corpus(root, tuple(f"copy_{k}" for k in range(copies)), tuple(files), size)
