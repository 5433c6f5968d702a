"""Build the character trigram model shipped in src/unmangle/data/charmodel.npz.

Reproducible: reads every ../shared/corpora/*.dev.jsonl (clean text in 23 languages, CC BY-SA / public domain;
see the corpora's SOURCES.md for attribution), counts characters, bigrams and trigrams into hashed tables and
stores their log-quantised counts. Run with `make model`; ``--holdout K`` leaves out every K-th document of
each language, to measure the repair on text the model never saw (``bench/bench_encoding.py --holdout K``).
"""

from __future__ import annotations

import argparse
import glob
import json
import re
from pathlib import Path

import numpy as np

from unmangle.data import held_out
from unmangle.encoding.charclass import CLASS_OF, N_CLASSES
from unmangle.encoding.model import BOS, codepoints, hash2, hash3, quantise, unigram_index

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(pattern: str, holdout: int = 0) -> list[str]:
    """Every document, but with ``holdout`` K every K-th of each file (as scripts/build_cjk_model.py); every
    second one that types its quotes in ASCII set in its language's own curly typography (see
    :func:`news_typography`)."""
    texts = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            docs = [json.loads(line)["text"] for i, line in enumerate(fh) if not held_out(i, holdout)]
        quotes = house_quotes(docs)
        typed = 0
        for doc in docs:
            if quotes and _ASCII_TYPED.search(doc):
                typed += 1
                if typed % 2 == 0:
                    doc = news_typography(doc, quotes)
            texts.append(doc)
    return texts


# The double quotes a language's typography pairs (CLDR's quotation marks for the corpora's languages):
# English “…”, German and Czech „…“, Polish, Hungarian and Romanian „…”, French and Russian «…».
_QUOTE_STYLES = (("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u201e", "\u201d"), ("\u00ab", "\u00bb"))
_ASCII_TYPED = re.compile(r'"[^"\n]{1,300}"|\w\'\w|\.\.\.')
_DQUOTED = re.compile(r'"([^"\n]{1,300}?)"')
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_DOTS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_PLURAL_APOSTROPHE = re.compile(r"(?<=\ws)'(?=\s)")
_SQUOTED = re.compile(r"(?<![\w'])'([^'\n]{1,80}?)'(?!\w)")


def house_quotes(docs: list[str]) -> tuple[str, str] | None:
    """The pair of double quotes a corpus prints most, when it prints curly ones at all (dozens at least)."""
    counts = {style: sum(doc.count(style[0]) + doc.count(style[1]) for doc in docs) for style in _QUOTE_STYLES}
    # (A pair sharing a mark with another counts that mark for both: German „…“ and Polish „…” split by the
    # closer, which each corpus prints one way.)
    closers = {style: sum(doc.count(style[1]) for doc in docs) for style in _QUOTE_STYLES}
    best = max(_QUOTE_STYLES, key=lambda style: (counts[style], closers[style]))
    return best if counts[best] >= 40 else None


def news_typography(text: str, quotes: tuple[str, str]) -> str:
    """``text`` as a news site sets it: ASCII double quotes as its language's curly pair, an apostrophe inside
    a word as ’, three dots as …, and where double quotes are “…” single ones as ‘…’ and a plural's
    apostrophe as ’. Corpora type most of their quotes in ASCII, while the pages whose lost bytes the model
    must choose between print curly ones: without this the model knows `„` before a Latin word far better
    than English's `“` or `‘`, and `...` but hardly `…`."""
    text = _DQUOTED.sub(lambda m: quotes[0] + m.group(1) + quotes[1], text)
    text = _APOSTROPHE.sub("\u2019", text)
    if quotes[0] == "\u201c":
        text = _PLURAL_APOSTROPHE.sub("\u2019", text)
        text = _SQUOTED.sub("\u2018\\1\u2019", text)
    return _DOTS.sub("\u2026", text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora" / "*.dev.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "src" / "unmangle" / "data" / "charmodel.npz"))
    ap.add_argument("--bi-bits", type=int, default=20)
    ap.add_argument("--tri-bits", type=int, default=23)
    ap.add_argument("--holdout", type=int, default=0, help="leave out every K-th document of each language")
    args = ap.parse_args()

    texts = corpus_texts(args.corpora, args.holdout)
    if not texts:
        raise SystemExit(f"no corpus documents in {args.corpora}")
    sep = chr(BOS) * 2
    cps = codepoints(sep + sep.join(texts))
    print(f"{len(texts)} documents, {len(cps):,} characters")

    uni = np.bincount(unigram_index(cps), minlength=0x20000)
    bi = np.bincount(hash2(cps[:-1], cps[1:], args.bi_bits), minlength=1 << args.bi_bits)
    tri = np.bincount(hash3(cps[:-2], cps[1:-1], cps[2:], args.tri_bits), minlength=1 << args.tri_bits)

    cls = CLASS_OF[cps].astype(np.int64)
    pairs = np.bincount(cls[:-1] * N_CLASSES + cls[1:], minlength=N_CLASSES * N_CLASSES)
    pairs = pairs.reshape(N_CLASSES, N_CLASSES).astype(np.float64) + 0.5
    class_logp = np.log(pairs / pairs.sum(axis=1, keepdims=True)).astype(np.float32)
    # Effective class size: distinct characters seen in the class, with a floor, so that an unseen member of a
    # large class (Han) is less probable than an unseen member of a small one (ASCII punctuation).
    seen = np.unique(cps)
    class_size = np.bincount(CLASS_OF[seen].astype(np.int64), minlength=N_CLASSES).astype(np.float32) * 2 + 20

    class_count = np.bincount(cls, minlength=N_CLASSES).astype(np.float64)
    np.savez_compressed(args.out, uni=quantise(uni), bi=quantise(bi), tri=quantise(tri),
                        class_logp=class_logp, class_size=class_size, class_count=class_count)
    print(f"wrote {args.out}: {Path(args.out).stat().st_size / 1e6:.1f} MB;"
          f" trigram buckets used {np.count_nonzero(tri) / len(tri):.0%}")


if __name__ == "__main__":
    main()
