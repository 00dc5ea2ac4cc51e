"""The records every stage passes to the next: small, frozen, typed.

Offsets are character offsets into ``Document.text`` (the decoded original),
never into a normalised view; line and column are 1-based.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``--fail-on`` is a comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            choices = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {name!r} (choose from {choices})") from None


class Tense(str, enum.Enum):
    """What a sentence says about its figure: a state now, a past event, a plan."""

    CURRENT = "current"
    PAST = "past"
    FUTURE = "future"



def fast_init(cls):
    """Give a frozen dataclass an ``__init__`` that fills the new instance's dict
    directly, with the same parameters and defaults as the generated one.

    The generated ``__init__`` of a frozen dataclass goes through
    ``object.__setattr__`` once per field (to get past the frozen guard), which
    makes it about twice as slow; the sentences, mentions, names and claims of
    a corpus are hundreds of thousands of such records. Like :func:`evolve`,
    only for classes whose fields are all plain ``__init__`` parameters: no
    ``__post_init__``, default factories, ``init=False`` or keyword-only
    fields, no ``__slots__``.
    """
    fields = dataclasses.fields(cls)
    if not cls.__dataclass_params__.frozen or hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__ \
            or any(not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError(f"fast_init does not apply to {cls.__name__}")
    params, lines, defaults = [], [], {}
    for f in fields:
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    state[{f.name!r}] = {f.name}\n")
    made: dict = {}
    exec(f"def __init__(self, {', '.join(params)}):\n    state = self.__dict__\n" + "".join(lines), defaults, made)
    init = made["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls

CATEGORIES = ("conflict", "supersession", "arithmetic", "name", "date", "document")


@fast_init
@dataclass(frozen=True)
class Span:
    start: int
    end: int
    line: int
    column: int


@fast_init
@dataclass(frozen=True)
class Interval:
    """A value as a set of reals: ``[low, high]`` with open or closed ends.

    ``None`` for an end means unbounded ("more than 30" has ``high=None``).
    """

    low: float | None
    high: float | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def point(cls, value: float) -> "Interval":
        return cls(value, value, True, True)

    def overlaps(self, other: "Interval") -> bool:
        """True when some real number lies in both intervals."""
        return _below(self, other) and _below(other, self)

    def scaled(self, factor: float) -> "Interval":
        def mul(x: float | None) -> float | None:
            return None if x is None else x * factor
        return Interval(mul(self.low), mul(self.high), self.low_closed, self.high_closed)

    def describe(self) -> str:
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "+inf" if self.high is None else _fmt(self.high)
        left = "[" if self.low_closed and self.low is not None else "("
        right = "]" if self.high_closed and self.high is not None else ")"
        return f"{left}{lo}, {hi}{right}"


def _below(a: Interval, b: Interval) -> bool:
    """a's low end does not lie above b's high end."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_closed and b.high_closed


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.6g}"


GRANULARITIES = ("day", "month", "quarter", "half", "year", "fiscal-year", "span", "onwards")


@fast_init
@dataclass(frozen=True)
class Period:
    """A stretch of time with the precision it was stated at.

    ``source`` says where it came from: ``text`` (the sentence said it),
    ``heading`` (a table column or heading), ``document`` (the document's own
    date, because the sentence said nothing).
    """

    start: dt.date
    end: dt.date
    granularity: str
    text: str = ""
    source: str = "text"

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "Period") -> bool:
        return self.start <= other.start and other.end <= self.end

    def label(self) -> str:
        if self.granularity == "day":
            return self.start.isoformat()
        if self.granularity == "month":
            return self.start.strftime("%Y-%m")
        if self.granularity == "year":
            return str(self.start.year)
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True)
class Document:
    """One decoded input file. ``path`` is as the user named it (POSIX form)."""

    path: str
    text: str
    encoding: str = "utf-8"
    sha256: str = ""
    line_starts: tuple[int, ...] = field(default=(0,), repr=False)
    revision_date: dt.date | None = None
    date_source: str = "unknown"
    date_evidence: str = ""

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        return Span(start, end, line, column)

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@fast_init
@dataclass(frozen=True)
class Mention:
    """A number, amount, quantity or date found in text, before it has a subject."""

    kind: str  # count, money, percent, area, length, ratio, rank, year
    start: int
    end: int
    text: str
    value: float
    interval: Interval
    unit: str  # "" for plain counts, "HKD", "USD", "percent", "m**2", ...
    qualifier: str = ""  # the word that made the interval: about, over, up to ...
    scale_word: str = ""
    # where the words that say what the figure is begin, when not right after
    # it: "28,000 and 63,000 square metres of floor area" -- 28,000 reads on
    # after 63,000's unit (0: right after the figure)
    tail: int = 0

    @property
    def reads_from(self) -> int:
        return self.tail or self.end


@fast_init
@dataclass(frozen=True)
class Subject:
    key: str  # canonical, folded form used for grouping
    text: str  # as written
    source: str  # bold, defined, title-case, counted-noun, heading, lead-in


@fast_init
@dataclass(frozen=True)
class Claim:
    path: str
    span: Span
    text: str  # the figure exactly as written
    sentence: str  # the sentence it stands in, as written (whitespace folded)
    subject: Subject
    attribute: str
    value: float
    interval: Interval
    unit: str
    as_of: Period | None
    tense: Tense
    extractor: str
    confidence: float
    qualifier: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What links claims: subject, attribute and unit dimension."""
        return (self.subject.key, self.attribute, self.unit)


@dataclass(frozen=True)
class Finding:
    code: str
    check: str
    category: str
    severity: Severity
    message: str
    subject: str
    claims: tuple[Claim, ...]
    attribute: str = ""
    reason: str = ""  # why one claim wins, or why they cannot both hold
    confidence: float = 1.0
    fingerprint: str = ""

    @property
    def primary(self) -> Claim:
        """The claim an annotation points at: the stale or disputed one."""
        return self.claims[0]


@dataclass(frozen=True)
class Problem:
    """Input that could not be read or understood; reported, never raised."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class CheckInfo:
    """What the registry knows of a check, declared once on its module."""

    code: str
    name: str  # slug, e.g. "superseded-figure"
    category: str
    severity: Severity
    doc: str
    origin: str  # "builtin", an entry point name, or a path
    # "document": the check reads one document at a time (its text, claims,
    # events), so the engine may run it where the document is extracted
    # (worker processes, the claims cache); "corpus": it compares documents
    scope: str = "corpus"


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs; renderers never compute findings."""

    documents: tuple[Document, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
    skipped: tuple[Problem, ...] = ()
    checks: tuple[CheckInfo, ...] = ()
    claim_count: int = 0
    claims: tuple[Claim, ...] = ()  # every claim of the corpus: the HTML report's timelines


DATE_SOURCES = ("front-matter", "revision-line", "byline", "config", "inferred", "unknown")


@dataclass(frozen=True)
class ClaimIndex:
    """Claims grouped by link key (subject, measure, unit); built by hash, never all-pairs."""

    groups: dict[tuple[str, str, str], tuple[Claim, ...]]

    def __iter__(self):
        return iter(sorted(self.groups.items()))


@dataclass(frozen=True)
class CheckContext:
    """What a check may read. Checks never open files."""

    documents: dict[str, Document]
    claims: tuple[Claim, ...]
    index: ClaimIndex
    min_confidence: float = 0.6
    events: tuple = ()  # hklint.events.Event: every dated statement, for the HK5xx checks
    # relative numeric tolerance when comparing values (configuration key "tolerance")
    tolerance: float = 0.0
    # hklint.suppress.Judged: the inline suppressions after the other checks ran (HK901)
    suppressions: tuple = ()
    # hklint.analysis.Analysis per path, shared by every check that reads text
    analyses: dict = field(default_factory=dict, compare=False, repr=False)
    # code -> path -> what the check's collect() found in that document, where
    # it was extracted (a worker, the cache); see gathered()
    collected: dict = field(default_factory=dict, compare=False, repr=False)
    # results several checks share within one run (e.g. hklint.link.context_relations)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def gathered(self, code: str, path: str, collect):
        """What ``collect(self_for_one_document)`` found in ``path``: from the
        extraction phase when it ran there, else computed here."""
        found = self.collected.get(code, {})
        if path in found:
            return found[path]
        return collect(self.one_document(path))

    def one_document(self, path: str) -> "CheckContext":
        """This context narrowed to one document (what a per-document phase sees)."""
        return CheckContext({path: self.documents[path]},
                            tuple(c for c in self.claims if c.path == path), self.index,
                            min_confidence=self.min_confidence,
                            events=tuple(e for e in self.events if e.path == path),
                            tolerance=self.tolerance, analyses=self.analyses)

    def analysis(self, path: str):
        """The document's view, sentences, dates and numbers: computed once per run."""
        found = self.analyses.get(path)
        if found is None:
            from hklint.analysis import analyse

            found = self.analyses[path] = analyse(self.documents[path])
        return found


def evolve(obj, **changes):
    """``dataclasses.replace(obj, **changes)`` for the frozen dataclasses of this
    module, about five times faster: none has ``__post_init__`` or fields
    outside ``__init__``, so a copy of the instance's dict with ``changes`` is
    the object replace() would build field by field. For the per-claim loops
    of a large corpus (aliases, currencies, fingerprints)."""
    fields = type(obj).__dataclass_fields__
    unknown = [name for name in changes if name not in fields]
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {unknown[0]!r}")
    new = object.__new__(type(obj))
    state = new.__dict__
    state.update(obj.__dict__)
    state.update(changes)
    return new


def as_of_source(period: Period, doc: Document | None) -> str:
    """Where an as-of came from: "text", "heading", "document", or "post" for the
    day of a quoted post its signature gives ("— Harbour News (@harbournews) April
    21, 2016"), which dates it as a page's date does, but is not the page's."""
    if period.source == "document" and period.granularity == "day" and doc is not None \
            and doc.revision_date is not None and period.start != doc.revision_date \
            and period.text and period.text not in doc.date_evidence:
        return "post"
    return period.source
