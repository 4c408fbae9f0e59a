"""Precision, recall and F1 of the entity stage against hand-checked gold lists, beside raw natasha.

Gold: tests/data/expected/entities-*.json (every school, person, date, organisation and place of a
document, with its surface text and how often it occurs). A found mention is right when its type and
surface text equal a gold entry's (counted with multiplicity). For the right ones the normal form is
compared too: the nominative name for people, the ISO date for dates, the canonical name for schools.
Raw natasha is its NER (PER/ORG/LOC, ORG standing in for schools) and its DatesExtractor.

    python benchmarks/entity_quality.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.entities import tag_entities  # noqa: E402
from extract.read import read_file  # noqa: E402

GOLD_KEYS = {"SCHOOL": "schools", "PERSON": "persons", "DATE": "dates", "ORG": "organisations", "LOC": "places"}


def gold_entities(name: str) -> dict[str, Counter]:
    """Gold counts per type; a type the gold file does not list is left out (not scored)."""
    data = json.loads((ROOT / "tests/data/expected" / f"entities-{name}.json").read_text(encoding="utf-8"))
    out: dict[str, Counter] = {}
    for etype, key in GOLD_KEYS.items():
        if key not in data:
            continue
        counter: Counter = Counter()
        for entry in data[key]:  # an enumeration repeats its text once per institution
            counter[entry["text"]] += entry.get("count", 1)
        out[etype] = counter
    return out


def gold_normals(name: str) -> dict[str, dict[str, set[str]]]:
    data = json.loads((ROOT / "tests/data/expected" / f"entities-{name}.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, set[str]]] = {"SCHOOL": {}, "PERSON": {}, "DATE": {}}
    for etype, key, field in (("SCHOOL", "schools", "name"), ("PERSON", "persons", "normal"), ("DATE", "dates", "normal")):
        for entry in data.get(key, []):
            out[etype].setdefault(entry["text"], set()).add(entry.get(field) or "")
    return out


def ours(name: str) -> tuple[dict[str, Counter], dict[str, list[tuple[str, str]]]]:
    doc = read_file(ROOT / "corpus" / f"{name}.txt", name)
    tag_entities(doc)
    found: dict[str, Counter] = {t: Counter() for t in GOLD_KEYS}
    normals: dict[str, list[tuple[str, str]]] = {t: [] for t in GOLD_KEYS}
    for m in doc.mentions:
        found[m.type][m.text] += 1
        normals[m.type].append((m.text, m.normal))
    return found, normals


def raw_natasha(name: str) -> dict[str, Counter]:
    from natasha import DatesExtractor, Doc

    from extract.morph import morph_vocab
    from extract.ner import models

    text = (ROOT / "corpus" / f"{name}.txt").read_text(encoding="utf-8").replace("**", "")
    m = models()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_ner(m.ner)
    found: dict[str, Counter] = {t: Counter() for t in GOLD_KEYS}
    for span in doc.spans:
        etype = {"PER": "PERSON", "ORG": "SCHOOL", "LOC": "LOC"}[span.type]
        found[etype][span.text] += 1
        if span.type == "ORG":
            found["ORG"][span.text] += 1
    for match in DatesExtractor(morph_vocab())(text):
        found["DATE"][text[match.start : match.stop]] += 1
    return found


def prf(found: Counter, gold: Counter) -> tuple[float, float, float, int, int, int]:
    tp = sum(min(found[k], gold[k]) for k in found)
    p = tp / sum(found.values()) if found else (1.0 if not gold else 0.0)
    r = tp / sum(gold.values()) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, sum(found.values()), sum(gold.values())


DOCS = ["spb-resursy-plus-2023", "chelyabinsk-letter-2022-13170", "ust-ilimsk-forum-2022", "nk-dni-nauki-2023"]


def evaluate() -> dict[str, dict[str, tuple]]:
    """Micro-averaged figures over the gold documents: {system: {type: (p, r, f, tp, found, gold)}}."""
    totals = {sys_: {t: [Counter(), Counter()] for t in GOLD_KEYS} for sys_ in ("edu-reports", "natasha")}
    normal_hits: Counter = Counter()
    normal_total: Counter = Counter()
    for name in DOCS:
        gold = gold_entities(name)
        gnorm = gold_normals(name)
        found, normals = ours(name)
        raw = raw_natasha(name)
        for t in gold:
            # prefix keys by document so texts of different documents are not matched to each other
            totals["edu-reports"][t][0].update({(name, k): v for k, v in found[t].items()})
            totals["edu-reports"][t][1].update({(name, k): v for k, v in gold[t].items()})
            totals["natasha"][t][0].update({(name, k): v for k, v in raw[t].items()})
            totals["natasha"][t][1].update({(name, k): v for k, v in gold[t].items()})
        for t in ("SCHOOL", "PERSON", "DATE"):
            for text, normal in normals[t]:
                if text in gnorm[t]:
                    normal_total[t] += 1
                    normal_hits[t] += normal in gnorm[t][text]
    result = {s: {t: prf(*totals[s][t]) for t in GOLD_KEYS} for s in totals}
    result["normal"] = {t: (normal_hits[t] / normal_total[t] if normal_total[t] else 0.0, normal_total[t]) for t in normal_total}
    return result


def main() -> int:
    result = evaluate()
    print(f"gold: {', '.join(DOCS)}")
    print(f"{'type':8} {'system':12} {'precision':>9} {'recall':>7} {'F1':>6} {'right/found/gold':>18}")
    for t in GOLD_KEYS:
        for s in ("edu-reports", "natasha"):
            p, r, f, tp, nf, ng = result[s][t]
            print(f"{t:8} {s:12} {p:>9.3f} {r:>7.3f} {f:>6.3f} {f'{tp}/{nf}/{ng}':>18}")
    for t, (acc, n) in result["normal"].items():
        print(f"normal form right for {t}: {acc:.3f} of {n} found mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
