"""Proper names in documents, and when two spellings name the same thing.

:func:`collect` finds the names a document uses: Title Case runs (and their
pieces between connectors), bold and quoted names, and abbreviations defined
in brackets. It reads the normalised view (``hklint.load.normalise``) and
reports original offsets. :func:`fold` is the comparison form of a name, with
the ordinary variants of :data:`EQUIVALENCES` folded away; :func:`variant_score`
says how likely two differently spelled names are one entity.
"""
from __future__ import annotations

import bisect
import functools
import operator
from dataclasses import dataclass
import os
from functools import lru_cache
from typing import Iterator

import regex
from rapidfuzz.distance import Indel

from hklint.canon import singular
from hklint.extract import structure
from hklint.analysis import Analysis, analyse
from hklint.load import to_original
from hklint.model import Claim, Document, Interval, Period, Subject, Tense, evolve, fast_init

# Ordinary spelling variants that do not make two names different, and are
# therefore not reported: British/American spelling, hyphenation, "&"/"and".
# Each entry is (what it folds, pattern on a lower-case word, replacement).
EQUIVALENCES: tuple[tuple[str, str, str], ...] = (
    ("hyphen or no hyphen: co-operation / cooperation, start-up / startup", r"-", ""),
    ("-programme / -program", r"programme$", "program"),
    ("-isation / -ization", r"isation$", "ization"),
    ("-ise / -ize (organise, organised, organises)", r"is(e|ed|es|ing)$", r"iz\1"),
    ("-yse / -yze (analyse)", r"ys(e|ed|es|ing)$", r"yz\1"),
    ("-tre / -ter (centre, metre, theatre)", r"tre$", "ter"),
    ("-our / -or (labour, colour, harbour)", r"our$", "or"),
    ("-ogue / -og (catalogue, dialogue)", r"ogue$", "og"),
    ("-ence / -ense (licence, defence)", r"ence$", "ense"),
    ("doubled l: modelling / modeling, travelled / traveled", r"ll(ing|ed|er)$", r"l\1"),
)
_EQUIVALENCES = tuple((regex.compile(p), r) for _, p, r in EQUIVALENCES)

# Words joining the parts of a name ("Innovation and Technology Fund").
CONNECTORS = frozenset("of and for the on in & de du to".split())

# Capitalised words that open a sentence or a clause rather than a name:
# articles, pronouns, prepositions, conjunctions and sentence adverbs.
OPENERS = frozenset(
    """the a an this that these those its their our his her it we they he she
    in on at by for from of to with under over since until after before during
    through via among between within without about as and or but so yet also
    if when while where whereas although though because besides moreover
    furthermore however meanwhile currently recently presently today now then
    thus hence therefore still yet again firstly secondly lastly finally
    additionally further according upon each every all some many most both
    other another such meanwhile overall separately likewise similarly indeed
    note see please""".split()
)

# A one-word name that is clearly a name: an acronym (ITC, RAISE+), inner
# capitals (InnoHK, iAM, RAISe+), or joined parts (Health@InnoHK, Wi-Fi.HK).
DISTINCTIVE = regex.compile(r"[A-Z]{2,}[\w+&@.-]*|[a-z]+[A-Z][\w+&@.-]*|[A-Z]\w*[A-Z@+][\w+&@.-]*")


# A word of a name, for splitting: letters and what joins them inside a word.
_WORD = regex.compile(r"[\w'’&@+.-]+")
# Separators inside a word that split it into comparable parts: "Health@InnoHK".
_JOINERS = regex.compile(r"[@/]")
# Punctuation a collected name should not start or end with.
_EDGE = " \t,.;:'\"()[]*"
POSSESSIVE = ("'s", "’s")

# Number words, ordinals and Roman numerals: two names that differ in one of
# these ("Phase One" / "Phase Two", "Tower I" / "Tower II") are two things.
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve
    thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty
    forty fifty hundred thousand first second third fourth fifth sixth seventh
    eighth ninth tenth eleventh twelfth i ii iii iv v vi vii viii ix x xi xii""".split()
)


@fast_init
@dataclass(frozen=True)
class NameMention:
    """A name as written, with original offsets and the sentence around it."""

    path: str
    start: int
    end: int
    text: str  # as in the normalised view: markup dropped, quotes straightened
    source: str  # title-case, piece, bold, quoted, defined, abbreviation
    sentence: str  # whitespace folded
    count: int = 1  # mentions this one stands for (tally(): the first of a spelling in a document)


@dataclass(frozen=True)
class Definition:
    """An abbreviation defined in brackets: "State Key Laboratories (SKLs)"."""

    path: str
    start: int  # original offsets of "Expansion (ABBR)"
    end: int
    text: str  # "State Key Laboratories (SKLs)" as in the normalised view
    abbr: str
    expansion: str
    sentence: str


# --------------------------------------------------------------------------- collecting


def collect(doc: Document, analysis: Analysis | None = None) -> list[NameMention]:
    """Every name mention of ``doc``, in text order, one per (span, text)."""
    a = analysis or analyse(doc)
    said = _SentenceText(a)
    return [NameMention(doc.path, start, end, text, source, said[k])
            for (start, end), (text, source, k) in sorted(_name_spans(a).items())]


def collect_tallied(doc: Document, analysis: Analysis | None = None) -> list[NameMention]:
    """``tally(collect(doc, analysis))``, without making a mention of every use
    first: only the first of each spelling is made, with its count."""
    a = analysis or analyse(doc)
    said = _SentenceText(a)
    seen: set[tuple[str, int]] = set()
    first: dict[str, tuple[int, int, str, int]] = {}
    counts: dict[str, int] = {}
    found = _name_spans(a)
    for start, end in sorted(found):  # the spans alone: sorting (span, value) pairs cost twice as much
        text, source, k = found[start, end]
        key = fold(text)
        if not key or (key, end) in seen:  # as tally(): one document, so (fold, end) is its place
            continue
        seen.add((key, end))
        if text in first:
            counts[text] += 1
        else:
            first[text], counts[text] = (start, end, source, k), 1
    return [NameMention(doc.path, start, end, text, source, said[k], counts[text])
            for text, (start, end, source, k) in first.items()]


def _name_spans(a: Analysis) -> dict[tuple[int, int], tuple[str, str, int]]:
    """(start, end) original offsets -> (text, source, sentence index) of every
    name candidate; the first candidate of a span wins."""
    view, offsets = a.view, a.offsets
    found: dict[tuple[int, int], tuple[str, str, int]] = {}
    bold = list(a.bold)
    for k, sentence in enumerate(a.sentences):
        defined = _definitions_in(a, k)
        for x, y, source in _candidates(view, sentence.start, sentence.end, bold, defined,
                                        a.name_runs(k)):
            span = to_original(offsets, x, y)
            if span not in found:
                found[span] = (view[x:y], source, k)
    return found


class _SentenceText(dict):
    """Sentence index -> the sentence with white space folded, made once."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis

    def __missing__(self, k: int) -> str:
        sentence = self.analysis.sentences[k]
        said = self[k] = " ".join(self.analysis.view[sentence.start:sentence.end].split())
        return said


def definitions(doc: Document, analysis: Analysis | None = None) -> list[Definition]:
    """Abbreviations defined in ``doc`` with the expansion their letters spell."""
    a = analysis or analyse(doc)
    view, offsets = a.view, a.offsets
    out: list[Definition] = []
    for k, sentence in enumerate(a.sentences):
        for m in _definitions_in(a, k):
            abbr = m.group("abbr")
            expansion = trim_to_initials(structure.without_possessive(m.group("name")), abbr)
            if not expansion:
                continue
            x, y = m.end("name") - len(expansion), m.end("abbr") + 1
            start, end = to_original(offsets, x, y)
            said = " ".join(view[sentence.start:sentence.end].split())
            out.append(Definition(doc.path, start, end, view[x:y], abbr, expansion, said))
    return out


def _definitions_in(analysis: Analysis, k: int) -> list:
    """``structure.definitions_in`` the ``k``-th sentence, found once per document
    (HK401 and HK402 both read them)."""
    found = analysis.shared.setdefault("definitions by sentence", {})
    if k not in found:
        sentence = analysis.sentences[k]
        found[k] = list(structure.definitions_in(analysis.view, sentence.start, sentence.end))
    return found[k]


def _candidates(view: str, start: int, end: int, bold, defined: list,
                title_runs: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Name spans in ``view[start:end]``, whose abbreviation definitions are
    ``defined`` and Title Case runs ``title_runs`` (``Analysis.name_runs``).
    The names of a run depend on its text alone and are memoised by it
    (``_run_names``): most runs recur ("Hong Kong")."""
    for at, _end, run in title_runs:
        for a, b, source in _run_names(run):
            yield at + a, at + b, source
    for m in defined:
        yield m.start("abbr"), m.end("abbr"), "abbreviation"
    for m in structure.quoted_in(view, start, end):
        a, b = _trimmed(view, m.start(1), m.end(1))
        if b > a and _is_name(view[a:b]) and len(view[a:b].split()) <= 8:
            yield a, b, "quoted"
    i = bisect.bisect_left(bold, (start, start))
    for a, b in bold[i:]:
        if a >= end:
            break
        a, b = _trimmed(view, a, min(b, end))
        if b > a and _is_name(view[a:b]) and len(view[a:b].split()) <= 10:
            yield a, b, "bold"


@lru_cache(maxsize=65536)
def _run_names(run: str) -> tuple[tuple[int, int, str], ...]:
    """A Title Case run without its opening words, and its parts between
    connectors, as (start, end, source) in the run.

    "The Advanced Manufacturing Centre in TKOIE and the Microeletronics Centre"
    is one run; its pieces "Advanced Manufacturing Centre", "TKOIE" and
    "Microeletronics Centre" are the names. A function of the run's text alone
    (no pattern here looks outside it), and a document names the same things
    many times: worked out once per text.
    """
    return tuple(_names_in_run(run, 0, len(run)))


def _names_in_run(view: str, a: int, b: int) -> Iterator[tuple[int, int, str]]:
    words = [(m.start(), m.end()) for m in _WORD.finditer(view, a, b)]
    while words and view[words[0][0]:words[0][1]].lower() in OPENERS:
        words = words[1:]
    while words and view[words[-1][0]:words[-1][1]].lower() in CONNECTORS:
        words = words[:-1]
    if not words:
        return
    whole = _trimmed(view, words[0][0], words[-1][1])
    # "Niantic's Pokemon GO": an owner's possessive joins two names, not one
    inner_possessive = any(view[w[0]:w[1]].endswith(POSSESSIVE) for w in words[:-1])
    if _is_name(view[whole[0]:whole[1]]) and not inner_possessive:
        yield whole[0], whole[1], "title-case"
    piece: list[tuple[int, int]] = []
    for w in [*words, None]:
        if w is not None and view[w[0]:w[1]].endswith(POSSESSIVE) and w is not words[-1]:
            piece.append(w)
            w = None  # the possessive word ends its piece
        if w is None or view[w[0]:w[1]].lower() in CONNECTORS:
            while piece and view[piece[0][0]:piece[0][1]].lower() in OPENERS:
                piece = piece[1:]
            if piece and (piece[0][0], piece[-1][1]) != whole:
                p = _trimmed(view, piece[0][0], piece[-1][1])
                if p != whole and _is_name(view[p[0]:p[1]]):
                    yield p[0], p[1], "piece"
            piece = []
        else:
            piece.append(w)


def _trimmed(view: str, a: int, b: int) -> tuple[int, int]:
    """The span without edge punctuation, a closing possessive ("Pokemon Go's")
    and opening words ("The", "Under")."""
    while True:
        while a < b and view[a] in _EDGE:
            a += 1
        while b > a and view[b - 1] in _EDGE:
            b -= 1
        if view.endswith(POSSESSIVE, a, b) and b - a > 2:
            b -= 2
            continue
        first = _WORD.match(view, a, b)
        if not first or first.end() >= b or view[a:first.end()].lower() not in OPENERS:
            return a, b
        a = first.end()


def _is_name(text: str) -> bool:
    """Two or more capitalised words, or one distinctive word."""
    words = text.split()
    if not words or len(text) < 2:
        return False
    capitals = 0
    for w in words:
        if w[:1].isupper() and w.lower() not in OPENERS:
            capitals += 1
            if capitals == 2:
                return True
    return len(words) == 1 and bool(DISTINCTIVE.fullmatch(text))


def trim_to_initials(name: str, abbr: str) -> str:
    """The tail of ``name`` whose capitals can spell ``abbr``; "" when none can.

    "Currently the Innovation and Technology Commission" with "ITC" gives
    "Innovation and Technology Commission".
    """
    letters = [c.lower() for c in abbr if c.isupper()]
    if len(letters) < 2:
        return ""
    words = name.split()
    first = ""
    for k in range(len(words)):
        tail = words[k:]
        if not tail[0][:1].isupper() or tail[0].lower() in OPENERS or tail[0].endswith(("'s", "’s")):
            continue  # not "Coast's Coffee and Cocoa Council": a possessive names the owner
        capitals = [c.lower() for w in tail for c in w if c.isupper()]
        initials = [w[0].lower() for w in tail if w[:1].isupper()]
        if initials == letters:
            return " ".join(tail)  # the words that spell it exactly
        if not first and initials[0] == letters[0] and _subsequence(letters, capitals):
            first = " ".join(tail)
    return first


def _subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


# --------------------------------------------------------------------------- comparing

# Typo threshold: two words of one name that differ are one word mistyped
# when their Indel similarity reaches this (measured on tests/data/name_pairs.tsv,
# see tests/test_names.py). At 0.85 one substituted letter is a typo in words of
# seven letters or more, not in "Micro" / "Macro" or "Marine" / "Marina".
TYPO_SIMILARITY = 0.85

# Suffixes of English derivation and inflection, longest first: words that
# share a stem once these are cut ("Professional" / "Professorship",
# "Innovation" / "Innovative") are one word in two forms.
SUFFIXES = tuple(sorted(
    """ational ization isation ation ative ition ional ship ment ness ical
    ial ity ive ing ion ic al or er ed es e y""".split(), key=len, reverse=True))
MIN_STEM = 4
# Endings that turn a person's title into the office or body ("Minister" /
# "Ministry", "Director" / "Directory", "President" / "Presidency",
# "Secretary" / "Secretariat"): two words of one stem, not a misspelling.
ROLE_AND_OFFICE = frozenset(frozenset(pair) for pair in (("er", "ry"), ("or", "ry"), ("t", "cy"), ("y", "iat")))

# Last words that make a phrase the name of a programme, body or place: a
# modifier of such a name in another derived form is the same name misspelled.
HEAD_NOUNS = frozenset(
    """scheme fund program initiative project platform park center institute
    institution hub lab laboratory cluster office corporation council committee
    bureau commission authority academy university college school museum
    association federation foundation bank society network alliance agency
    department board company estate zone district city port garden tower
    building campus facility award prize competition exhibition expo forum
    summit conference week festival plan strategy blueprint policy framework
    index ordinance regulation service system""".split()
)


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """Lower-case comparison words of a name: "&" is "and", plurals singular,
    ordinary variants (:data:`EQUIVALENCES`) folded, "@" and "/" split words,
    a leading article dropped."""
    out: list[str] = []
    for word in _JOINERS.sub(" ", name.replace("&", " and ")).split():
        word = word.strip(_EDGE + "’").lower()
        if word and not (not out and word in ("the", "a", "an")):
            out.append(fold_word(word))
    return tuple(out)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    word = singular(word)
    for pattern, replacement in _EQUIVALENCES:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The comparison form of a name: names with one fold are one spelling,
    up to capitals (see :func:`case_variant`)."""
    return " ".join(tokens(name))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """``word`` with derivational suffixes cut while a stem of MIN_STEM letters remains."""
    cut = True
    while cut:
        cut = False
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                cut = True
                break
    return word


def _surface_words(name: str) -> list[str]:
    return [w.strip(_EDGE + "’") for w in _JOINERS.sub(" ", name.replace("&", " and ")).split()
            if w.strip(_EDGE + "’")]


def _coined(word: str) -> bool:
    """An acronym or a coined word with inner capitals: ITC, HKSTPC, InnoHK."""
    letters = [c for c in word if c.isalpha()]
    return any(c.isupper() for c in letters[1:]) or not word.isalpha()


def word_similarity(x: str, y: str) -> tuple[float, str]:
    """How alike two folded words are as spellings of one word, and how.

    Returns (score, kind): kind "derived" when they share a stem
    ("professional" / "professorship") or one begins the other ("asia" /
    "asian"); "typo" with the Indel similarity otherwise; score 0 when they
    cannot be one word: a number, ordinal or Roman numeral, a word of fewer
    than four letters, or a different first letter ("northern" / "southern",
    "eastern" / "western").
    """
    if x == y:
        return 1.0, "same"
    if min(len(x), len(y)) < 4 or x[0] != y[0]:
        return 0.0, "different"
    if not (x.isalpha() and y.isalpha()) or x in NUMBER_WORDS or y in NUMBER_WORDS:
        return 0.0, "different"
    if stem(x) == stem(y) or x.startswith(y) or y.startswith(x):
        return 1.0, "derived"
    common = len(os.path.commonprefix((x, y)))
    if common >= MIN_STEM and frozenset((x[common:], y[common:])) in ROLE_AND_OFFICE:
        return 1.0, "derived"  # one stem, two endings: "minister" / "ministry"
    return Indel.normalized_similarity(x, y), "typo"


def variant_score(a: str, b: str) -> float:
    """How likely two names with different folds are one name spelled two ways, 0..1.

    Names are compared word by word and must have the same words but one
    ("Hong Kong Science Park" / "Hong Kong Science Parks Corporation" differ
    in length; "Phase 1" / "Phase 2" in a number). The word that differs must
    be an ordinary word in both names (not an acronym or coined word: "HKIC" /
    "HKIRC", "Health@InnoHK" / "AIR@InnoHK"). A typo scores its Indel
    similarity. A derived form ("Professional" / "Professorship") scores 1
    when the name ends in a head noun (:data:`HEAD_NOUNS`) and the derived
    word is a modifier, not that head: "Promote R&D" / "Promoting R&D" is two
    headings, "Privacy Commission" / "Privacy Commissioner" two things.
    """
    return compare(a, b)[0]


def compare(a: str, b: str) -> tuple[float, str]:
    """(:func:`variant_score`, kind): kind is "typo", "derived" or "different"."""
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb) or len(ta) < 2:
        return 0.0, "different"
    diff = [i for i, (x, y) in enumerate(zip(ta, tb)) if x != y]
    if len(diff) != 1:
        return 0.0, "different"
    i = diff[0]
    wa, wb = _surface_words(a), _surface_words(b)
    if len(wa) == len(ta) and len(wb) == len(tb) and (_coined(wa[i]) or _coined(wb[i])):
        return 0.0, "different"
    score, kind = word_similarity(ta[i], tb[i])
    # the head of "Secretariat of the Board" is its first word, of "Privacy Commission" its last
    head = ta.index("of") - 1 if "of" in ta[1:] else len(ta) - 1
    if kind == "derived" and not (ta[-1] in HEAD_NOUNS and i != head):
        return 0.0, "different"
    return score, kind


def is_variant(a: str, b: str, threshold: float = TYPO_SIMILARITY) -> bool:
    """True when ``a`` and ``b`` are one name spelled two ways worth reporting."""
    if fold(a) == fold(b):
        return case_variant(a, b)
    return variant_score(a, b) >= threshold


def case_variant(a: str, b: str) -> bool:
    """Same words, but capitals differ inside a word ("RAISe+" / "RAISE+").

    Not a variant: a different first letter (how sentences and headings
    capitalise), or a plain word set in capitals ("LAB" / "Lab": typography).
    """
    wa, wb = _surface_words(a), _surface_words(b)
    if fold(a) != fold(b) or len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb):
        x, y = _unplural(x, y)
        if x == y or x.lower() != y.lower() or x[1:] == y[1:]:
            continue
        px, py = x.split("-"), y.split("-")
        if len(px) > 1 and len(px) == len(py) and all(u[1:] == v[1:] for u, v in zip(px, py)):
            continue  # "Co-educational" / "Co-Educational": how a compound is capitalised
        if (x.isupper() and _plain(y)) or (y.isupper() and _plain(x)):
            continue
        return True
    return False


def _unplural(x: str, y: str) -> tuple[str, str]:
    """Drop a plural "s" that only one of the two words has ("InnoParks" / "InnoPARK")."""
    if len(x) == len(y) + 1 and x[-1] in "sS":
        x = x[:-1]
    elif len(y) == len(x) + 1 and y[-1] in "sS":
        y = y[:-1]
    return x, y


def _plain(word: str) -> bool:
    """No capitals after the first letter: "Lab", "and"."""
    return not any(c.isupper() for c in word[1:])


# --------------------------------------------------------------------------- findings


def name_claim(doc: Document, start: int, end: int, text: str, sentence: str,
               subject: str, confidence: float = 1.0) -> Claim:
    """A name finding's evidence as a Claim: the spelling, where, and the document's date.

    Claims were made for figures; a name has no value, so value 0 with no
    unit stands in until the model has a kind of evidence for names.
    """
    as_of = None
    if doc.revision_date is not None:
        as_of = Period(doc.revision_date, doc.revision_date, "day", doc.date_evidence, "document")
    return Claim(
        path=doc.path, span=doc.span(start, end), text=text, sentence=sentence,
        subject=Subject(fold(subject), subject, "name"), attribute="name", value=0.0,
        interval=Interval.point(0.0), unit="", as_of=as_of, tense=Tense.CURRENT,
        extractor="names", confidence=confidence,
    )


_SMALL_WORDS = frozenset("of for the in on and to at by a an".split())


def same_expansion(a: str, b: str) -> bool:
    """Two expansions of one abbreviation that name one thing.

    Equal folds (case, "&"/"and", plural, ordinary variants), one inside the
    other as whole words ("Greater Bay Area" in "Guangdong-Hong Kong-Macao
    Greater Bay Area"), or one name spelled two ways (HK401's business).
    """
    if fold(a) == fold(b):
        return True
    ta, tb = tokens(a.replace("-", " ")), tokens(b.replace("-", " "))
    short, long_ = sorted((ta, tb), key=len)
    if any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return True
    # "Diploma for Secondary Education" / "Diploma of Secondary Education Examination":
    # the same words but the small ones, one inside the other
    ca, cb = (tuple(w for w in t if w not in _SMALL_WORDS) for t in (ta, tb))
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 3 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
        return True
    if len(ca) >= 2 and sorted(ca) == sorted(cb):
        return True  # "Cocoa-Coffee Council" / "Coffee and Cocoa Council": the same words in another order
    return _initials_align(ta, tb) or is_variant(a, b)


def _initials_align(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One word list is the other with a run of words written as its initials:
    "... in the HKSAR" / "... in the Hong Kong SAR" (HK + SAR)."""
    @lru_cache(maxsize=None)
    def match(i: int, j: int, flipped: bool) -> bool:
        x, y = (b, a) if flipped else (a, b)
        if i == len(x) or j == len(y):
            return i == len(x) and j == len(y)
        if x[i] == y[j] and match(i + 1, j + 1, flipped):
            return True
        word = x[i]
        for k in range(j + 2, min(len(y), j + len(word)) + 1):  # two words or more as initials
            initials = "".join(w[0] for w in y[j:k])
            if not word.startswith(initials):
                break
            rest = word[len(initials):]
            if (not rest and match(i + 1, k, flipped)) or (
                    rest and k < len(y) and y[k] == rest and match(i + 1, k + 1, flipped)):
                return True
        return False

    return match(0, 0, False) or match(0, 0, True)


def shown_paths(paths) -> str:
    """"seeds/a.txt, seeds/b.txt" for a set of paths, sorted."""
    return ", ".join(sorted(set(paths)))


@dataclass(frozen=True)
class Spelling:
    """One way a name is written, with every mention of it."""

    text: str
    mentions: tuple[NameMention, ...]

    @property
    def paths(self) -> list[str]:
        return sorted({m.path for m in self.mentions})

    @functools.cached_property
    def uses(self) -> int:
        """How many times the spelling is written (a tallied mention counts for its count)."""
        return sum(m.count for m in self.mentions)


def tally(mentions: list[NameMention]) -> list[NameMention]:
    """A document's mentions as HK401 compares them: one a spelling, the first,
    counting the others; mentions that end where one of the same fold ends are
    one (as variant_groups counts them). What a worker caches and sends back
    shrinks to the names a document uses, not every time it uses them."""
    seen: set[tuple[str, str, int]] = set()
    first: dict[str, NameMention] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        key = fold(m.text)
        place = (m.path, key, m.end)
        if not key or place in seen:
            continue
        seen.add(place)
        if m.text in first:
            counts[m.text] += 1
        else:
            first[m.text], counts[m.text] = m, 1
    return [m if counts[t] == 1 else evolve(m, count=counts[t]) for t, m in first.items()]


# Names longer than this are not compared (masking each word of an n-word name
# makes n keys of n words each: memory grows with n squared).
MAX_NAME_WORDS = 12


def _by_path(mentions: list[NameMention]) -> list[list[NameMention]]:
    """Mentions split by document, each document's in their order, documents in first-seen order."""
    out: dict[str, list[NameMention]] = {}
    for m in mentions:
        out.setdefault(m.path, []).append(m)
    return list(out.values())


def variant_groups(mentions: list[NameMention], threshold: float = TYPO_SIMILARITY,
                   tallied: bool = False) -> list[tuple[Spelling, ...]]:
    """Names written two or more ways, most frequent spelling first.

    Spellings with one fold are told apart only by a case variant; folds are
    joined when they differ in one word (:func:`variant_score`), and, for a
    derived form, when the rarer form is used at most half as often as the
    other (the spelling alone cannot tell a misnaming from a second name). Candidate
    pairs come from hashing each fold with one word masked, so only names
    that share all words but one are ever compared.
    """
    if not tallied:
        # "The X" in bold and "X" as Title Case end together: one mention (tally()
        # has done this for each document already)
        mentions = [m for path_mentions in _by_path(mentions) for m in tally(path_mentions)]
    by_text: dict[str, list[NameMention]] = {}
    for m in mentions:
        found = by_text.get(m.text)
        if found is None:
            by_text[m.text] = [m]
        else:
            found.append(m)
    by_fold: dict[str, dict[str, list[NameMention]]] = {}
    for text, found in by_text.items():
        key = fold(text)
        if key:
            by_fold.setdefault(key, {})[text] = found
    # Spellings and uses of a fold are worked out when asked for: most folds
    # have one surface and no variant, and sorting every one's mentions cost
    # most of the grouping on a large corpus.
    spellings: dict[str, list[Spelling]] = {}
    uses: dict[str, int] = {}

    def spellings_of(key: str) -> list[Spelling]:
        found = spellings.get(key)
        if found is None:
            found = spellings[key] = _spellings(by_fold[key])
        return found

    def usual_text(key: str) -> str:
        """The text of the fold's most used spelling."""
        surfaces = by_fold[key]
        return next(iter(surfaces)) if len(surfaces) == 1 else spellings_of(key)[0].text

    def uses_of(key: str) -> int:
        """Uses of every spelling of the fold (each mention counts for its count)."""
        n = uses.get(key)
        if n is None:
            n = uses[key] = sum(m.count for found in by_fold[key].values() for m in found)
        return n

    parent = {key: key for key in by_fold}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    blocks: dict[tuple, list[str]] = {}
    for key in sorted(by_fold):
        words = key.split()
        if len(words) > MAX_NAME_WORDS:
            continue  # a run of capitalised words this long is a title or a table, not a name
        for i in range(len(words) if len(words) >= 2 else 0):
            blocks.setdefault((len(words), i, *words[:i], "", *words[i + 1:]), []).append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if root(a) == root(b):
                    continue
                score, kind = compare(usual_text(a), usual_text(b))
                if score < threshold:
                    continue
                if kind == "derived" and 2 * min(uses_of(a), uses_of(b)) > max(uses_of(a), uses_of(b)):
                    # Two real words in common use ("International Finance Centre" the
                    # building, "International Financial Centre" the status) are two
                    # names; a misnaming is the rarer form, used at most half as often.
                    continue
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for key in sorted(by_fold):
        groups.setdefault(root(key), []).append(key)
    out = []
    for keys in groups.values():
        if len(keys) == 1 and len(by_fold[keys[0]]) == 1:
            continue  # one fold written one way
        found = [s for key in keys for s in spellings_of(key)]
        if len(found) >= 2:
            found.sort(key=lambda s: (-s.uses, s.mentions[0].path, s.mentions[0].start))
            out.append(tuple(found))
    out.sort(key=lambda g: (g[0].mentions[0].path, g[0].mentions[0].start))
    return out


def _spellings(surfaces: dict[str, list[NameMention]]) -> list[Spelling]:
    """Surfaces of one fold joined unless they are case variants of each other."""
    ordered = sorted(surfaces.items(),
                     key=lambda item: (-sum(m.count for m in item[1]), item[1][0].path, item[1][0].start))
    kept: list[list] = []
    for text, found in ordered:
        for entry in kept:
            if not case_variant(text, entry[0]):
                entry[1].extend(found)
                break
        else:
            kept.append([text, list(found)])
    return [Spelling(text, tuple(sorted(found, key=_PATH_START))) for text, found in kept]


_PATH_START = operator.attrgetter("path", "start")
