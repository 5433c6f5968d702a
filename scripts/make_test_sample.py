"""Write tests/data/clean_paragraphs.jsonl: a few clean paragraphs per language of the dev corpora, for the tests.

The tests must run without ../shared, so a tiny, fixed sample is committed; this script says how it was made.
Paragraphs are picked deterministically among those of moderate length, so each carries enough of its script.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpora"
OUT = REPO / "tests" / "data" / "clean_paragraphs.jsonl"


def pick(path: Path, per_lang: int, rng: random.Random) -> list[dict[str, str]]:
    """``per_lang`` paragraphs of 80-400 characters from one corpus file, from different documents."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    rng.shuffle(docs)
    out: list[dict[str, str]] = []
    for d in docs:
        paras = [p for p in d["text"].split("\n\n") if 80 <= len(p) <= 400 and not p.isascii()]
        if paras:
            out.append({"lang": d["lang"], "id": d.get("id", ""), "text": rng.choice(paras)})
        if len(out) == per_lang:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-lang", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = [row for path in sorted(CORPORA.glob("*.dev.jsonl")) for row in pick(path, args.per_lang, rng)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} paragraphs -> {OUT}")


if __name__ == "__main__":
    main()
