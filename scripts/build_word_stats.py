"""Build the word statistics that page cleanup ships (``src/unmangle/data/wordstats.json.gz``).

From the clean dev corpora (``../shared/corpora/*.dev.jsonl``) we learn, per language:

* ``vocab``: the most frequent words (spaced scripts only), to tell a real word from the stump an injection left;
* ``func``: for the most frequent words, what follows them (a word, a capitalised word, a number, a stop, a comma,
  a closing bracket, the end of the paragraph) and how often they open a sentence, so a preposition followed by a
  full stop or ending a paragraph stands out as a hole left by a stripped link;
* ``pairs``: how often the frequent words follow each other, so "won at with" (never seen, though both are common)
  stands out too;
* ``em_dash``: the share of em dashes among its dashes between words, for a lost dash whose byte fits both;
* ``tied``: the share of one-letter words followed by a no-break space (Czech and Polish typography), so a word
  a decoder glued to it by dropping that space (`ktomu`) is split only in a language that writes so.

The corpora are CC BY-SA / public domain (see corpora/SOURCES.md); the attribution travels with the data.

Usage: python scripts/build_word_stats.py [CORPORA_DIR] [OUT] [--holdout K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import regex

from unmangle.data import held_out

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_OUT = ROOT / "src" / "unmangle" / "data" / "wordstats.json.gz"

# Languages written without spaces between words: word statistics would be runs of whole clauses.
UNSPACED = {"zh-Hans", "zh-Hant", "ja", "th"}
TOP_FUNC = 250
VOCAB_MAX = 40000
TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")
SENT_END = regex.compile(r"[.!?…。！？]")
# Class of what follows a word; index into the ``func`` rows.
CLASSES = ("word", "cap", "num", "stop", "comma", "close", "open", "end", "other")
ATTRIBUTION = ("Derived from the unmangle dev corpora (UD treebanks, NTREX-128, XQuAD: CC BY-SA; "
               "US State of the Union addresses: public domain). See corpora/SOURCES.md for authors.")


def token_class(tok: str | None) -> str:
    """The coarse class of a token, as the hole finder sees what follows a word."""
    if tok is None:
        return "end"
    if tok[0].isalpha():
        return "cap" if tok[0].isupper() else "word"
    if tok[0].isdigit():
        return "num"
    if SENT_END.match(tok):
        return "stop"
    if tok in ",;:、，；：":
        return "comma"
    if tok in ")]}”»）】》」』":  # straight quotes and ’ open, close and elide: "other"
        return "close"
    if tok in "([{“«（【《「『":
        return "open"
    return "other"


def paragraphs(path: Path, holdout: int = 0):
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if held_out(i, holdout):
                continue  # (a document the held-out benchmark measures on)
            for para in json.loads(line)["text"].split("\n\n"):
                if para.strip():
                    yield para


def build_language(path: Path, lang: str, holdout: int = 0) -> dict:
    words: Counter[str] = Counter()
    follow: dict[str, Counter[str]] = {}
    starts: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    paras = list(paragraphs(path, holdout))
    for para in paras:
        toks = TOKEN.findall(para)
        for tok in toks:
            if tok[0].isalpha():
                words[tok.lower()] += 1
    if lang in UNSPACED:
        return {"vocab": [], "func": {}, "pairs": {}, "n_words": sum(words.values()), "tied": 0.0,
                "em_dash": em_share(paras)}
    top = {w for w, _ in words.most_common(TOP_FUNC)}
    for para in paras:
        toks = TOKEN.findall(para)
        prev: str | None = None
        for i, tok in enumerate(toks):
            low = tok.lower()
            if low in top:
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                follow.setdefault(low, Counter())[token_class(nxt)] += 1
                if prev is None or SENT_END.match(prev):
                    starts[low] += 1
                if nxt is not None and nxt.lower() in top:
                    bigrams[(low, nxt.lower())] += 1
            prev = tok
    func = {w: [follow[w][c] for c in CLASSES] + [starts[w], words[w]] for w in sorted(follow)}
    pairs = {f"{a} {b}": c for (a, b), c in bigrams.items()}
    return {
        "vocab": [w for w, _ in words.most_common(VOCAB_MAX)],
        "func": func,
        "pairs": pairs,
        "n_words": sum(words.values()),
        "tied": tied_share(paras),
        "em_dash": em_share(paras),
    }


def em_share(paras: list[str]) -> float:
    """The share of em dashes among the dashes a language's text writes between words (English and Russian
    write `—`, German, Czech and Hungarian a spaced `–`): which of the two a lost byte was, where both fit."""
    em = sum(p.count("\u2014") for p in paras)
    en = sum(p.count(" \u2013 ") for p in paras)
    return round((em + 1) / (em + en + 2), 4)  # (a language with a dash or two says little: French writes one)


ONE_LETTER = regex.compile(r"(?<!\p{L})\p{L}([ \u00a0])(?=\p{L})")


def tied_share(paras: list[str]) -> float:
    """The share of one-letter words followed by a no-break space rather than a space (Czech and Polish
    typography ties `k`, `v`, `a`, `w` to the next word: a quarter of them; most languages never)."""
    tied = total = 0
    for para in paras:
        for m in ONE_LETTER.finditer(para):
            total += 1
            tied += m.group(1) == "\u00a0"
    return round(tied / total, 4) if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="?", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--holdout", type=int, default=0, help="leave out every K-th document of each language")
    args = ap.parse_args(argv)
    corpora, out = args.corpora, args.out
    langs = {}
    for path in sorted(corpora.glob("*.dev.jsonl")):
        lang = path.name.split(".")[0]
        langs[lang] = build_language(path, lang, args.holdout)
        print(f"{lang}: {len(langs[lang]['vocab'])} words, {len(langs[lang]['pairs'])} pairs", file=sys.stderr)
    data = {"attribution": ATTRIBUTION, "classes": list(CLASSES) + ["start", "count"], "langs": langs}
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
