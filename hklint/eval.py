"""Measure hklint against a hand-labelled corpus, stage by stage.

    python -m hklint.eval CORPUS_DIR LABELS [--json] [--min-confidence X]

LABELS is a ``labels.json`` as described in ``tests/eval/README.md``: the
numeric mentions of the corpus (file, line, column, figure text, value,
interval kind, unit, as-of, subject) and the cross-document pairs that speak
of one fact (supersession, conflict, consistent, series) or must not be
linked (distinct). The pipeline runs as ``hklint.engine.lint`` runs it
(``load_corpus``, the registry, ``run_checks``) with HK101 and HK201, and
each stage is scored:

- mentions: a labelled mention is found when an extracted claim on the same
  file and line overlaps the labelled figure text;
- as-of: of found mentions, the claim's period is the document's when the
  label says ``document``, else stated in the text and inside the labelled
  period;
- linking: a labelled pair is linked when both claims share hklint's link
  key; distinct pairs that are linked are false links; also, every linked
  cross-document pair of found mentions whose labelled subjects differ;
- findings: HK201 must match a supersession pair (older claim first), HK101
  a conflict pair; every other finding is a false alarm.

Every miss and false alarm is listed with its location.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from hklint.engine import Corpus, Options, load_corpus, run_checks
from hklint.link import comparable, link_key
from hklint.model import Claim, Finding
from hklint.registry import Registry

CHECKS = ("HK101", "HK201")
FINDING_RELATION = {"HK201": "supersession", "HK101": "conflict"}
SILENT = frozenset({"consistent", "series", "distinct"})
LINKED_RELATIONS = frozenset({"supersession", "conflict", "consistent", "series"})
AREA_TO_M2 = {"m2": 1.0, "hectare": 10_000.0, "acre": 4046.8564224, "km2": 1_000_000.0}


@dataclass(frozen=True)
class Mention:
    """One labelled figure; ``start``/``end`` are columns (0-based) on its line."""

    file: str
    line: int
    start: int
    end: int
    text: str
    record: dict = field(compare=False, hash=False)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.start + 1} {self.text!r}"


@dataclass
class Score:
    """Counts of one stage and the cases behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    # positives found, when recall counts them apart from the reported items
    # (findings: required pairs found or covered, not findings cited)
    found: int | None = None

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        hits = self.tp if self.found is None else self.found
        return _ratio(hits, hits + self.fn)

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "found": self.found,
                "precision": _round(self.precision), "recall": _round(self.recall),
                "misses": self.misses, "false_alarms": self.false_alarms}


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# ---------------------------------------------------------------- labels

class LabelError(Exception):
    """A labels file that cannot be read or is not a labelled corpus."""


def load_labels(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            labels = json.load(fh)
    except OSError as exc:
        raise LabelError(f"{path}: cannot read the labels: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LabelError(f"{path}: not a JSON labels file: {exc}") from None
    if not isinstance(labels, dict) or not isinstance(labels.get("mentions"), list):
        raise LabelError(f'{path}: not a labels file (no "mentions" list)')
    return labels


def label_mentions(labels: dict) -> list[Mention]:
    out = []
    for rec in labels["mentions"]:
        start = rec["column"] - 1
        out.append(Mention(rec["file"], rec["line"], start, start + len(rec["text"]), rec["text"], rec))
    return out


def _ref_key(ref: dict) -> tuple[str, int, str, int]:
    return (ref["file"], ref["line"], ref["text"], ref.get("occurrence", 1))


def _mention_key(m: Mention) -> tuple[str, int, str, int]:
    return (m.file, m.line, m.text, m.record.get("occurrence", 1))


# ---------------------------------------------------------------- run

def run_pipeline(corpus_dir: str, min_confidence: float) -> tuple[Corpus, tuple[Finding, ...]]:
    """What ``hklint.engine.lint`` does, keeping the corpus for scoring."""
    options = Options(min_confidence=min_confidence)
    registry = Registry.discover(extra_modules=options.plugins)
    codes = [c for c in registry.select(CHECKS, ()) if c in CHECKS]
    corpus = load_corpus([corpus_dir], options)
    return corpus, run_checks(corpus, registry, codes, min_confidence)


def _rel(path: str, corpus_dir: str) -> str:
    return os.path.relpath(path, corpus_dir).replace(os.sep, "/")


def _claim_columns(claim: Claim) -> tuple[int, int]:
    start = claim.span.column - 1
    return start, start + max(1, claim.span.end - claim.span.start)


def _claim_where(claim: Claim, corpus_dir: str) -> str:
    return f"{_rel(claim.path, corpus_dir)}:{claim.span.line}:{claim.span.column} {claim.text!r}"


# ---------------------------------------------------------------- stage 1: mentions

def match_mentions(mentions: Sequence[Mention], claims: Sequence[Claim],
                   corpus_dir: str) -> dict[int, Claim]:
    """Labelled mention index -> claim, one claim per mention, best overlap first."""
    by_line: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_line[(_rel(c.path, corpus_dir), c.span.line)].append(c)
    candidates = []
    for i, m in enumerate(mentions):
        for c in by_line.get((m.file, m.line), ()):
            cs, ce = _claim_columns(c)
            overlap = min(ce, m.end) - max(cs, m.start)
            if overlap > 0:
                candidates.append((-overlap, abs(cs - m.start), i, id(c), c))
    candidates.sort(key=lambda t: t[:4])
    matched: dict[int, Claim] = {}
    used: dict[int, int] = defaultdict(int)
    for _o, _d, i, cid, c in candidates:
        # a range ("from $10 million to $100 million") is one claim for two labelled figures
        if i in matched or used[cid] >= (2 if c.qualifier == "range" else 1):
            continue
        matched[i] = c
        used[cid] += 1
    return matched


def score_mentions(mentions: Sequence[Mention], claims: Sequence[Claim],
                   matched: dict[int, Claim], corpus_dir: str) -> dict[str, Any]:
    overall = Score()
    by_kind: dict[str, Score] = defaultdict(Score)
    for i, m in enumerate(mentions):
        kind = m.record["kind"]
        if i in matched:
            overall.tp += 1
            by_kind[kind].tp += 1
        else:
            overall.fn += 1
            by_kind[kind].fn += 1
            overall.misses.append(f"{m.where} [{kind}] {m.record['subject']}")
    used = {id(c) for c in matched.values()}
    for c in claims:
        if id(c) not in used:
            overall.fp += 1
            overall.false_alarms.append(f"{_claim_where(c, corpus_dir)} subject={c.subject.text!r}")
    values = [_value_ok(mentions[i], c) for i, c in matched.items()]
    return {"overall": overall, "by_kind": dict(sorted(by_kind.items())),
            "value_accuracy": _ratio(sum(1 for v in values if v), len(values)),
            "value_errors": [f"{mentions[i].where} labelled {mentions[i].record['value']:g}, "
                             f"extracted {c.value:g} {c.unit}".rstrip()
                             for i, c in sorted(matched.items()) if not _value_ok(mentions[i], c)]}


def _value_ok(m: Mention, c: Claim) -> bool:
    """Same number: as written, or after converting an area to m2; a change
    labelled negative ("fell by 4%") agrees with its magnitude."""
    stated = float(m.record["value"])
    wants = [stated, abs(stated)]
    if m.record["kind"] == "area":
        wants.append(stated * AREA_TO_M2.get(m.record["unit"], 1.0))
    # a range claim holds both its ends
    values = [c.value] + ([c.interval.low, c.interval.high] if c.qualifier == "range" else [])
    gots = [g * f for g in values if g is not None for f in (1.0, AREA_TO_M2.get(c.unit, 1.0))]
    # a labelled value is exact to the digits written ("66.67" for two-thirds)
    written = str(m.record["value"])
    digits = len(written.split(".")[1]) if "." in written and "e" not in written else None
    slack = 0.5 * 10.0 ** -digits if digits else 0.0
    # areas: the international and the US survey acre differ by 4 parts in a million
    rel = 1e-5 if m.record["kind"] == "area" else 1e-6
    return any(abs(g - w) <= max(slack, rel * max(1.0, abs(w))) for g in gots for w in wants)


# ---------------------------------------------------------------- stage 2: as-of

def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def as_of_ok(label: Any, claim: Claim) -> bool:
    p = claim.as_of
    if label == "document":
        return p is None or p.source == "document"
    if p is None or p.source == "document":
        return False
    start = _date(label["start"])
    if label.get("end") is None:  # an open period: "from 2024-25 onwards"
        return p.start >= start
    end = _date(label["end"])
    return start <= p.start and p.end <= end


def score_as_of(mentions: Sequence[Mention], matched: dict[int, Claim]) -> dict[str, Any]:
    ok = 0
    errors = []
    explicit = Score()  # did hklint see a stated period where the label has one?
    for i, c in sorted(matched.items()):
        label = mentions[i].record["as_of"]
        good = as_of_ok(label, c)
        ok += good
        if not good:
            errors.append(f"{mentions[i].where} labelled {_period_text(label)}, "
                          f"extracted {_claim_period_text(c)}")
        stated = c.as_of is not None and c.as_of.source != "document"
        if label != "document" and stated:
            explicit.tp += 1
        elif label != "document":
            explicit.fn += 1
        elif stated:
            explicit.fp += 1
    return {"accuracy": _ratio(ok, len(matched)), "correct": ok, "scored": len(matched),
            "stated_period": {"precision": _round(explicit.precision), "recall": _round(explicit.recall)},
            "errors": errors}


def _period_text(label: Any) -> str:
    if label == "document":
        return "document date"
    end = label.get("end") or "open"
    return f"{label['start']}..{end} ({label['granularity']})"


def _claim_period_text(c: Claim) -> str:
    p = c.as_of
    if p is None:
        return "none (undated document)"
    if p.source == "document":
        return f"document date {p.label()}"
    return f"{p.start}..{p.end} ({p.granularity}, {p.text!r})"


# ---------------------------------------------------------------- stage 3: linking

@dataclass(frozen=True)
class LabelledPair:
    a: Mention
    b: Mention
    relation: str
    also_ok: frozenset[str]
    reason: str = field(compare=False)

    @property
    def where(self) -> str:
        return f"{self.a.where} ~ {self.b.where} [{self.relation}] {self.reason}"

    @property
    def required(self) -> bool:
        """A finding is expected: the relation calls for one and no reading allows silence."""
        return self.relation in FINDING_RELATION.values() and not (self.also_ok & SILENT)

    def allows(self, relation: str) -> bool:
        return relation == self.relation or relation in self.also_ok


def label_pairs(labels: dict, mentions: Sequence[Mention]) -> list[LabelledPair]:
    index = {_mention_key(m): m for m in mentions}
    out = []
    for rec in labels["pairs"]:
        a, b = index.get(_ref_key(rec["a"])), index.get(_ref_key(rec["b"]))
        if a is None or b is None:
            raise ValueError(f"pair refers to an unlabelled mention: {rec}")
        out.append(LabelledPair(a, b, rec["relation"], frozenset(rec.get("also_ok", ())),
                                rec.get("reason", "")))
    return out


def score_linking(pairs: Sequence[LabelledPair], mentions: Sequence[Mention],
                  matched: dict[int, Claim], corpus_dir: str) -> dict[str, Any]:
    claim_of = {_mention_key(mentions[i]): c for i, c in matched.items()}
    labelled = Score()
    unextracted: list[str] = []
    for p in pairs:
        ca, cb = claim_of.get(_mention_key(p.a)), claim_of.get(_mention_key(p.b))
        positive = p.relation in LINKED_RELATIONS
        if ca is None or cb is None:
            if positive:
                labelled.fn += 1
                labelled.misses.append(f"{p.where} (not extracted)")
            unextracted.append(p.where)
            continue
        grouped = paired(ca, cb)
        if positive and grouped:
            labelled.tp += 1
        elif positive:
            labelled.fn += 1
            labelled.misses.append(f"{p.where} (keys {_key_text(ca)} vs {_key_text(cb)})")
        elif grouped:
            labelled.fp += 1
            labelled.false_alarms.append(f"{p.where} (both keyed {_key_text(ca)})")
    return {"pairs": labelled, "subjects": _subject_precision(mentions, matched, corpus_dir),
            "pairs_not_extracted": len(unextracted)}


def paired(a: Claim, b: Claim) -> bool:
    """What the checks compare: one key, comparable role tags and tense, and
    both claims above the default confidence."""
    floor = Options().min_confidence
    return (link_key(a) == link_key(b) and comparable(a, b)
            and a.confidence >= floor and b.confidence >= floor)


def _key_text(c: Claim) -> str:
    return "(" + " | ".join(link_key(c)) + ")"


def _subject_precision(mentions: Sequence[Mention], matched: dict[int, Claim],
                       corpus_dir: str) -> Score:
    """Every cross-document pair hklint linked, judged by the labelled subjects."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, c in matched.items():
        groups[link_key(c)].append(i)
    score = Score()
    for key, members in sorted(groups.items()):
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                mi, mj = mentions[members[x]], mentions[members[y]]
                if mi.file == mj.file or not paired(matched[members[x]], matched[members[y]]):
                    continue
                if mi.record["subject"] == mj.record["subject"]:
                    score.tp += 1
                else:
                    score.fp += 1
                    score.false_alarms.append(
                        f"{mi.where} ~ {mj.where}: {mi.record['subject']!r} vs "
                        f"{mj.record['subject']!r} linked as ({' | '.join(key)})")
    return score


# ---------------------------------------------------------------- stage 4: findings

def score_findings(findings: Iterable[Finding], pairs: Sequence[LabelledPair],
                   mentions: Sequence[Mention], matched: dict[int, Claim],
                   corpus_dir: str) -> dict[str, Any]:
    # by place, not identity: a finding may cite a claim re-dated by linking (restated)
    mention_of = {_place(c): mentions[i] for i, c in matched.items()}
    pair_of = {frozenset((_mention_key(p.a), _mention_key(p.b))): p for p in pairs}
    strict = Score()
    loose_tp = 0
    found: set[LabelledPair] = set()
    # a finding cites the figure, the claim it is set against, then the
    # figure's other places in the same document: one pair each
    cited = [(f, older, f.claims[1]) for f in findings if f.code in FINDING_RELATION
             for older in (f.claims[0], *f.claims[2:])]
    for f, older, newer in cited:
        ma, mb = mention_of.get(_place(older)), mention_of.get(_place(newer))
        text = (f"{f.code} {_claim_where(older, corpus_dir)} ~ {_claim_where(newer, corpus_dir)}"
                f" subject={f.subject!r}")
        if ma is None or mb is None:
            strict.fp += 1
            strict.false_alarms.append(f"{text}: a claim is not a labelled mention")
            continue
        p = pair_of.get(frozenset((_mention_key(ma), _mention_key(mb))))
        if p is None:
            strict.fp += 1
            strict.false_alarms.append(
                f"{text}: no labelled pair ({ma.record['subject']!r} vs {mb.record['subject']!r})")
            continue
        want = FINDING_RELATION[f.code]
        if p.allows("supersession") or p.allows("conflict"):
            loose_tp += 1
        if not p.allows(want):
            strict.fp += 1
            strict.false_alarms.append(f"{text}: labelled {p.relation} ({p.reason})")
            continue
        if want == "supersession" and p.relation == "supersession" and _mention_key(ma) != _mention_key(p.a):
            strict.fp += 1
            strict.false_alarms.append(f"{text}: direction reversed, the stale claim is {p.a.where}")
            continue
        strict.tp += 1
        found.add(p)
    # hklint reports a stale figure once, against the newest claim of the same
    # fact; a labelled pair whose older figure is reported against another
    # mention of the same fact (for a conflict: either side) is covered
    covered: set[LabelledPair] = set()
    for f, older, newer in cited:
        ma, mb = mention_of.get(_place(older)), mention_of.get(_place(newer))
        if ma is None or mb is None or ma.record["subject"] != mb.record["subject"]:
            continue
        want = FINDING_RELATION[f.code]
        for p in pairs:
            if p in found or not p.required or not p.allows(want):
                continue
            if p.a.record["subject"] != ma.record["subject"]:
                continue
            sides = (p.a,) if want == "supersession" else (p.a, p.b)
            if any(_mention_key(s) == _mention_key(ma) for s in sides):
                covered.add(p)
    required = [p for p in pairs if p.required]
    for p in required:
        if p not in found and p not in covered:
            strict.fn += 1
            strict.misses.append(p.where + _why_missed(p, mentions, matched))
    strict.found = sum(1 for p in required if p in found or p in covered)
    stale = {_mention_key(p.a) for p in required} | {_mention_key(p.b) for p in required
                                                      if p.relation == "conflict"}
    hit = found | covered
    stale_found = {_mention_key(p.a) for p in hit} | {_mention_key(p.b) for p in hit
                                                      if p.relation == "conflict"}
    return {"strict": strict, "loose_precision": _ratio(loose_tp, strict.tp + strict.fp),
            "required_pairs": len(required),
            "claim_recall": _ratio(len(stale & stale_found), len(stale))}


def _place(c: Claim) -> tuple[str, int, int]:
    return (c.path, c.span.start, c.span.end)


def _why_missed(p: LabelledPair, mentions: Sequence[Mention], matched: dict[int, Claim]) -> str:
    claim_of = {_mention_key(mentions[i]): c for i, c in matched.items()}
    ca, cb = claim_of.get(_mention_key(p.a)), claim_of.get(_mention_key(p.b))
    if ca is None or cb is None:
        return " (not extracted)"
    if not paired(ca, cb):
        return " (not linked)"
    return " (linked, no finding)"


# ---------------------------------------------------------------- report

def evaluate(corpus_dir: str, labels_path: str, min_confidence: float = 0.6) -> dict[str, Any]:
    labels = load_labels(labels_path)
    mentions = label_mentions(labels)
    pairs = label_pairs(labels, mentions)
    corpus, findings = run_pipeline(corpus_dir, min_confidence)
    matched = match_mentions(mentions, corpus.claims, corpus_dir)
    return {
        "corpus": labels.get("corpus", corpus_dir),
        "documents": len(corpus.documents), "claims": len(corpus.claims),
        "labelled_mentions": len(mentions), "labelled_pairs": len(pairs),
        "mentions": score_mentions(mentions, corpus.claims, matched, corpus_dir),
        "as_of": score_as_of(mentions, matched),
        "linking": score_linking(pairs, mentions, matched, corpus_dir),
        "findings": score_findings(findings, pairs, mentions, matched, corpus_dir),
        "fuzzy": fuzzy_subjects(mentions, matched),
    }


FUZZY_THRESHOLDS = tuple(range(60, 101, 5))


def fuzzy_subjects(mentions: Sequence[Mention], matched: dict[int, Claim]) -> dict[str, Any]:
    """What fuzzy subject matching would do: for every pair of different subject
    keys with one measure (claims of different documents), the similarity of
    the keys (rapidfuzz token_sort_ratio) and whether the labels say they
    state the same fact. For each threshold: the same-fact key pairs it would
    join and the different-fact key pairs it would join by mistake."""
    from rapidfuzz import fuzz

    by_measure: dict[tuple, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for i, c in matched.items():
        subject, base, unit = link_key(c)
        by_measure[(base, unit)][subject].add((mentions[i].file, mentions[i].record["subject"]))
    scored: list[tuple[float, bool, str]] = []
    for (base, unit), subjects in sorted(by_measure.items()):
        keys = sorted(subjects)
        for x, ka in enumerate(keys):
            for kb in keys[x + 1:]:
                cross = [(fa, sa == sb) for fa, sa in subjects[ka] for fb, sb in subjects[kb] if fa != fb]
                if not cross:
                    continue
                same = any(ok for _f, ok in cross)
                scored.append((fuzz.token_sort_ratio(ka, kb), same, f"{ka!r} ~ {kb!r} [{base}]"))
    table = [{"threshold": t, "same": sum(1 for s, ok, _ in scored if s >= t and ok),
              "different": sum(1 for s, ok, _ in scored if s >= t and not ok)} for t in FUZZY_THRESHOLDS]
    top_different = max((s for s, ok, _ in scored if not ok), default=None)
    safe = [row for row in table if row["different"] == 0]
    return {"table": table, "highest_different": top_different,
            "safe_threshold": safe[0]["threshold"] if safe else None,
            "safe_gain": safe[0]["same"] if safe else 0,
            "examples": [f"{s:.0f} {'same' if ok else 'different'} {what}"
                         for s, ok, what in sorted(scored, key=lambda t: (-t[0], t[2]))[:12]]}


def to_json(result: dict[str, Any]) -> dict[str, Any]:
    def conv(x: Any) -> Any:
        if isinstance(x, Score):
            return x.as_dict()
        if isinstance(x, float):
            return round(x, 4)
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        if isinstance(x, list):
            return [conv(v) for v in x]
        return x
    return conv(result)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _pr(s: Score) -> str:
    hits = s.tp if s.found is None else s.found
    return (f"precision {_pct(s.precision)} ({s.tp}/{s.tp + s.fp}), "
            f"recall {_pct(s.recall)} ({hits}/{hits + s.fn})")


def render(result: dict[str, Any]) -> str:
    m, a, link, f = result["mentions"], result["as_of"], result["linking"], result["findings"]
    lines = [f"hklint evaluation: {result['corpus']} ({result['documents']} documents, "
             f"{result['claims']} claims; {result['labelled_mentions']} labelled mentions, "
             f"{result['labelled_pairs']} labelled pairs)", ""]
    lines.append(f"1. mentions: {_pr(m['overall'])}")
    for kind, s in m["by_kind"].items():
        lines.append(f"   {kind:8s} recall {_pct(s.recall)} ({s.tp}/{s.tp + s.fn})")
    lines.append(f"   value agrees on {_pct(m['value_accuracy'])} of found mentions")
    sp = a["stated_period"]
    lines.append(f"2. as-of: accuracy {_pct(a['accuracy'])} ({a['correct']}/{a['scored']}); "
                 f"stated period detected: precision {_pct(sp['precision'])}, recall {_pct(sp['recall'])}")
    lines.append(f"3. linking (labelled pairs): {_pr(link['pairs'])}")
    lines.append(f"   linking (all linked cross-document pairs, by labelled subject): "
                 f"precision {_pct(link['subjects'].precision)} "
                 f"({link['subjects'].tp}/{link['subjects'].tp + link['subjects'].fp})")
    lines.append(f"4. findings HK101+HK201: {_pr(f['strict'])}; any-code precision "
                 f"{_pct(f['loose_precision'])}; stale-claim recall {_pct(f['claim_recall'])} "
                 f"({f['required_pairs']} required pairs)")
    fz = result["fuzzy"]
    lines.append("5. fuzzy subject matching (rapidfuzz token_sort_ratio of subject keys, one measure): "
                 + ", ".join(f">={r['threshold']}: +{r['same']} same/{r['different']} different"
                             for r in fz["table"]))
    lines.append(f"   highest different-fact score {fz['highest_different']}; "
                 f"lowest threshold with no different-fact join: {fz['safe_threshold']} "
                 f"(joins {fz['safe_gain']} same-fact key pairs)")
    sections = [
        ("mention misses", m["overall"].misses), ("mention false alarms", m["overall"].false_alarms),
        ("value errors", m["value_errors"]), ("as-of errors", a["errors"]),
        ("linking misses", link["pairs"].misses), ("linking false alarms (labelled distinct)",
                                                   link["pairs"].false_alarms),
        ("linking false alarms (different labelled subjects)", link["subjects"].false_alarms),
        ("finding misses", f["strict"].misses), ("finding false alarms", f["strict"].false_alarms),
        ("fuzzy subject pairs, highest scores", fz["examples"]),
    ]
    for title, items in sections:
        lines += ["", f"== {title} ({len(items)})"] + [f"  {x}" for x in items]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hklint.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus_dir")
    parser.add_argument("labels")
    parser.add_argument("--json", action="store_true", help="machine-readable figures and cases")
    parser.add_argument("--min-confidence", type=float, default=0.6)
    args = parser.parse_args(argv)
    if not os.path.isdir(args.corpus_dir):
        parser.exit(2, f"python -m hklint.eval: {args.corpus_dir}: not a directory\n")
    try:
        result = evaluate(args.corpus_dir, args.labels, args.min_confidence)
    except LabelError as exc:
        parser.exit(2, f"python -m hklint.eval: {exc}\n")
    if args.json:
        json.dump(to_json(result), sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
