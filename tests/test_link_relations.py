"""link.relations() finds, for each claim, the same reference claim as testing
it against every claim of its group in recency order (the definition)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from hklint.engine import load_corpus
from hklint.link import _recency, build_index, comparable, in_context, relate, relations, restated
from hklint.model import Tense

ROOT = Path(__file__).resolve().parent.parent


def _by_definition(index, documents, min_confidence=0.0, tolerance=0.0):
    out = []
    for _key, group in index:
        claims = [c for c in group if c.confidence >= min_confidence]
        if len({c.path for c in claims}) < 2:
            continue
        claims = restated(claims)
        ranked = sorted(claims, key=lambda c: _recency(c, documents), reverse=True)
        for claim in claims:
            ref = next((r for r in ranked if r.path != claim.path and comparable(claim, r)), None)
            if ref is None or _recency(ref, documents) < _recency(claim, documents):
                continue
            rel = relate(claim, ref, documents, tolerance)
            if rel.kind in ("supersedes", "conflict") and rel.older is ref and rel.newer is claim:
                continue
            out.append(in_context(rel, claims, tolerance))
    return out


def test_relations_match_the_definition_on_mixed_groups():
    corpus = load_corpus([str(ROOT / "seeds")])
    documents = {d.path: d for d in corpus.documents}
    claims = list(corpus.claims)
    # copies in other documents, some turned into plans or given other role
    # tags, so that groups mix comparable and incomparable claims of many paths
    for k, extra in enumerate(("", "; annual", "; total", "; per university", "; monthly")):
        for i, c in enumerate(corpus.claims):
            path = f"copy{k}/{c.path}"
            documents[path] = dataclasses.replace(documents[c.path], path=path)
            tense = Tense.FUTURE if (i + k) % 4 == 0 else c.tense
            claims.append(dataclasses.replace(c, path=path, attribute=c.attribute + extra, tense=tense,
                                              value=c.value + k if i % 3 == 0 else c.value))
    index = build_index(claims)
    for min_confidence in (0.0, 0.6):
        assert relations(index, documents, min_confidence) == \
            _by_definition(index, documents, min_confidence)


def test_history_a_page_dates_is_no_rival_of_an_undated_figure(tmp_path):
    from hklint.engine import Options, lint
    (tmp_path / "a.md").write_text("# Harbour Soft\n\nHarbour Soft employs 31,500 staff.\n")
    (tmp_path / "b.md").write_text("Date: 2024-04-24\n\n# Harbour Soft\n\nHarbour Soft employs 31,500 staff, a 27% "
                                   "increase from the 24,800 staff it had in 2019.\n")
    codes = [(f.code, f.primary.text) for f in lint([str(tmp_path)], Options()).findings if f.code.startswith("HK1")]
    assert ("HK101", "24,800") not in codes and ("HK101", "31,500") not in codes, codes


def test_a_later_round_figure_does_not_revise_the_mark_it_passed(tmp_path):
    from hklint.engine import Options, lint
    (tmp_path / "a.md").write_text("Date: 2017-11-06\n\n# Harbour Air\n\nHarbour Air operates over 700 daily flights.\n")
    (tmp_path / "b.md").write_text("Date: 2017-11-07\n\n# Harbour Air\n\nHarbour Air operates 700 daily flights.\n")
    assert not [f for f in lint([str(tmp_path)], Options()).findings if f.code == "HK201"]
    (tmp_path / "b.md").write_text("Date: 2019-12-18\n\n# Harbour Air\n\nHarbour Air operates over 1,300 daily flights.\n")
    found = [(f.claims[0].text, f.claims[1].text) for f in lint([str(tmp_path)], Options()).findings if f.code == "HK201"]
    assert found == [("over 700", "over 1,300")]  # a later, higher mark has grown past it
