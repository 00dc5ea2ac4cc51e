"""HK401 name-variant: one programme, body or place spelled more than one way.

What it does:
    Collects the names each document uses (Title Case runs, bold, quoted
    and defined names), and reports a name written two or more ways, within
    a document or across documents: one word mistyped ("Microeletronics
    Centre"), a modifier in another derived form ("Global STEM Professional
    Scheme"), or capitals inside a word ("RAISe+" / "RAISE+"). Names that
    differ in a number, an initial letter of a word, an acronym, the head
    noun or their length are different names and are not reported; neither
    are ordinary variants such as "centre" / "center" or "co-operation" /
    "cooperation" (``hklint.names.EQUIVALENCES``). A name written with and
    without its accents ("Erdoğan" / "Erdogan", "Adıyaman" / "Adiyaman") is
    the usual English rendering, not a misspelling: reported as info only.

Why it matters:
    A misspelled programme name reads as a different programme; searches,
    cross-references and readers miss it.

Example:
    "The Government will also launch a Global STEM Professional Scheme"
    (2021) beside "the Global STEM Professorship Scheme" in three other
    documents: the first is a variant of the second.
"""
from __future__ import annotations

from typing import Iterator
import unicodedata

from hklint import names
from hklint.extract.numbers import is_unit_word
from hklint.model import CheckContext, Finding, Severity

CODE = "HK401"
NAME = "name-variant"
CATEGORY = "name"
SEVERITY = Severity.WARNING


def collect(ctx: CheckContext) -> list[names.NameMention]:
    """Per document (run where it is extracted, cached with it): its name mentions."""
    (path,) = ctx.documents
    return names.collect_tallied(ctx.documents[path], ctx.analysis(path))


def run(ctx: CheckContext) -> Iterator[Finding]:
    mentions = [m for path in sorted(ctx.documents) for m in ctx.gathered(CODE, path, collect)]
    pairs = [(usual, other) for usual, *others in names.variant_groups(mentions, tallied=True) for other in others
             # "TWH" / "TWh": a unit's symbol in capitals, not a name
             if not is_unit_word(usual.text)]
    for usual, other in pairs:
        if not any(_inside(other, o2) and _inside(usual, u2) for u2, o2 in pairs if (u2, o2) != (usual, other)):
            yield _finding(ctx, usual, other)


def _inside(a: names.Spelling, b: names.Spelling) -> bool:
    """Whether every mention of ``a`` lies in a mention of ``b``, a longer name: "Guiness
    Book" in "Guiness Book of World Records" is one misspelling, reported once, in full."""
    if len(a.text) >= len(b.text):
        return False
    return all(any(m.path == n.path and n.start <= m.start and m.end <= n.end for n in b.mentions)
               for m in a.mentions)


# Letters NFKD does not take apart into a base letter and a mark.
_PLAIN = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th"})


def unaccented(text: str) -> str:
    """``text`` without diacritics: "Adıyaman" -> "Adiyaman", "Baumgärtner" -> "Baumgartner"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _accents_only(a: str, b: str) -> bool:
    return a != b and unaccented(a) == unaccented(b)


def _finding(ctx: CheckContext, usual: names.Spelling, other: names.Spelling) -> Finding:
    confidence = 1.0 if names.fold(usual.text) == names.fold(other.text) else \
        names.variant_score(usual.text, other.text)
    claims = tuple(
        names.name_claim(ctx.documents[m.path], m.start, m.end, m.text, m.sentence, usual.text, confidence)
        for s in (other, usual) for m in s.mentions[:1]
    )
    return Finding(
        code=CODE, check=NAME, category=CATEGORY,
        severity=Severity.INFO if _accents_only(usual.text, other.text) else SEVERITY,
        message=(f'"{other.text}" ({_count(other)}, in {names.shown_paths(other.paths)}) is elsewhere '
                 f'spelled "{usual.text}" ({_count(usual)}, in {names.shown_paths(usual.paths)})'),
        subject=usual.text,
        attribute=f'spelled "{other.text}"',
        claims=claims,
        reason=_reason(usual.text, other.text),
        confidence=confidence,
    )


def _count(spelling: names.Spelling) -> str:
    n = spelling.uses
    return "once" if n == 1 else f"{n} times"


def _reason(a: str, b: str) -> str:
    if _accents_only(a, b):
        return "the same name with and without accents, as English text often renders it"
    if names.fold(a) == names.fold(b):
        return "the same words with different capitals inside a word"
    score, kind = names.compare(a, b)
    wa, wb = a.split(), b.split()
    pair = next(((x, y) for x, y in zip(wa, wb) if x != y), None) if len(wa) == len(wb) else None
    words = f' ("{pair[0]}" / "{pair[1]}")' if pair else ""
    if kind == "derived":
        return f"the same name but one word in another form{words}"
    return f"the same name but one word misspelt{words}, similarity {score:.2f}"
