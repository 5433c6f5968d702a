"""Build the prose statistics that debris detection ships (``src/unmangle/data/page_stats.json``).

Real prose is full of function words ("the", "of", "und", "的", "の"); navigation, buttons and footers are not. Per
language we keep the most frequent tokens of the clean dev corpora (``../shared/corpora/*.dev.jsonl``): words for
languages written with spaces, characters for Chinese, Japanese and Thai. With them we store how densely they cover a
typical paragraph, so a block's density can be compared across languages as a ratio to that norm (jusText's
stop-word density, learnt instead of listed).

The corpora are CC BY-SA / public domain (see corpora/SOURCES.md); the attribution travels with the data.

Usage: python scripts/build_page_stats.py [CORPORA_DIR] [OUT]
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unmangle.page.prose import UNSPACED, prose_tokens  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_OUT = ROOT / "src" / "unmangle" / "data" / "page_stats.json"
TOP_WORDS = 120
TOP_CHARS = 60
ATTRIBUTION = ("Derived from the unmangle dev corpora (UD treebanks, NTREX-128, XQuAD: CC BY-SA; "
               "US State of the Union addresses: public domain). See corpora/SOURCES.md for authors.")


def paragraphs(path: Path) -> list[str]:
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            out.extend(p.strip() for p in doc["text"].split("\n\n") if p.strip())
    return out


def language_stats(lang: str, paras: list[str]) -> dict:
    counts: Counter[str] = Counter()
    for p in paras:
        counts.update(prose_tokens(p, lang))
    top = TOP_CHARS if lang in UNSPACED else TOP_WORDS
    func = [w for w, _ in counts.most_common(top)]
    fset = set(func)
    densities = []
    for p in paras:
        toks = prose_tokens(p, lang)
        if len(toks) >= 8:
            densities.append(sum(t in fset for t in toks) / len(toks))
    return {"func": func, "density": round(statistics.median(densities), 4) if densities else 0.3}


def main(argv: list[str]) -> int:
    corpora = Path(argv[0]) if argv else DEFAULT_CORPORA
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    langs = {}
    for path in sorted(corpora.glob("*.dev.jsonl")):
        lang = path.name.split(".")[0]
        langs[lang] = language_stats(lang, paragraphs(path))
        print(f"{lang}: density {langs[lang]['density']}", file=sys.stderr)
    out.write_text(json.dumps({"attribution": ATTRIBUTION, "languages": langs}, ensure_ascii=False, indent=0),
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
