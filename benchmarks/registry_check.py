"""Over-splits and over-merges of the school registry against hand-checked institution lists.

tests/data/expected/institutions-*.json lists the institutions of a corpus document, each with the
surface forms that name it. Every SCHOOL mention of that report (in any of its formats) is mapped to
the institution whose forms contain its text and whose number (or name) it has; then
- an over-split is one institution whose mentions got several school_ids,
- an over-merge is one school_id given to mentions of several institutions.

    python benchmarks/registry_check.py [OUT]      (OUT defaults to a fresh run of corpus/)
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def check(out: Path) -> dict[str, dict[str, list]]:
    docs = {r["doc_id"]: r["path"] for r in _rows(out / "documents.csv")}
    mentions = [m for m in _rows(out / "mentions.csv") if m["type"] == "SCHOOL"]
    result = {}
    for gold_file in sorted((ROOT / "tests/data/expected").glob("institutions-*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        stem = gold["doc"]
        by_text: dict[str, list[dict]] = defaultdict(list)
        for inst in gold["institutions"]:
            for text in inst["texts"]:
                by_text[text].append(inst)
        ids_of: dict[str, set[str]] = defaultdict(set)
        insts_of: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if Path(docs.get(m["doc_id"], "")).stem != stem or not m["entity_id"]:
                continue
            number = (re.search(r"№\s*(\d+)", m["normal"]) or [None, ""])[1]
            fits = [i for i in by_text.get(m["text"], []) if i["key"] == number or not number]
            if len(fits) > 1 and number:
                fits = [i for i in fits if any(n.endswith(f"№ {number}") for n in i["names"])]
            if len(fits) != 1:
                continue
            label = f"{fits[0]['city']}|{fits[0]['numbering']}|{fits[0]['key']}|{fits[0]['names'][0]}"
            ids_of[label].add(m["entity_id"])
            insts_of[m["entity_id"]].add(label)
        result[stem] = {
            "institutions": len(gold["institutions"]),
            "over_splits": sorted((k, sorted(v)) for k, v in ids_of.items() if len(v) > 1),
            "over_merges": sorted((k, sorted(v)) for k, v in insts_of.items() if len(v) > 1),
        }
    return result


def main() -> int:
    if len(sys.argv) > 1:
        out = Path(sys.argv[1])
    else:
        from reports.batch import run

        out = Path(tempfile.mkdtemp()) / "out"
        run([ROOT / "corpus"], out, progress=False)
    for stem, r in check(out).items():
        print(f"{stem}: {r['institutions']} hand-checked institutions, "
              f"{len(r['over_splits'])} over-splits, {len(r['over_merges'])} over-merges")
        for label, ids in r["over_splits"]:
            print(f"  over-split  {label}: {', '.join(ids)}")
        for sid, labels in r["over_merges"]:
            print(f"  over-merge  {sid}: {', '.join(labels)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
