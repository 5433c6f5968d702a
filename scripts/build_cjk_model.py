"""Build the exact character n-gram tables of Chinese, Japanese and Korean shipped in
src/unmangle/data/cjk_ngrams.npz.

The lattice search (src/unmangle/encoding/lattice.py) ranks thousands of candidate characters per step; a hashed
table lets some of them borrow another n-gram's count, and a search finds exactly those. These tables are exact:
sorted packed keys with their counts, the number of distinct characters that follow each context, and for the
lower orders the number of distinct characters each n-gram follows (interpolated Kneser-Ney: a character's share
among unseen contexts is how many contexts it has, not how often it occurs). Reproducible: reads
../shared/corpora/{ja,ko,zh-Hans,zh-Hant}.dev.jsonl (CC BY-SA; see the corpora's SOURCES.md). ``--holdout K``
leaves out every K-th document, to measure the search on text the tables never saw. Run with `make model`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from unmangle.data import held_out

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ja", "ko", "zh-Hans", "zh-Hant")
BOS = 0x02
BITS = 21  # a code point fits in 21 bits: three pack into one uint64


def texts(corpora: Path, holdout: int) -> list[str]:
    out = []
    for lang in LANGS:
        with open(corpora / f"{lang}.dev.jsonl", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if held_out(i, holdout):
                    continue
                # Paragraphs are the unit the repair sees: each starts after the start marker.
                out.extend(p for p in json.loads(line)["text"].split("\n") if p.strip())
    return out


def table(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    uniq, counts = np.unique(keys, return_counts=True)
    return uniq, np.minimum(counts, 65535).astype(np.uint16)


def _aligned(keys: np.ndarray, occurrences: np.ndarray) -> np.ndarray:
    """How many times each of the sorted ``keys`` occurs in ``occurrences`` (all of which are keys)."""
    return np.minimum(np.bincount(np.searchsorted(keys, occurrences), minlength=len(keys)), 65535).astype(np.uint16)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "unmangle" / "data" / "cjk_ngrams.npz")
    ap.add_argument("--holdout", type=int, default=0)
    args = ap.parse_args()

    paras = texts(args.corpora, args.holdout)
    joined = "".join(chr(BOS) * 2 + p for p in paras)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    a, b, c = cps[:-2], cps[1:-1], cps[2:]
    # n-grams that start inside a paragraph's marker pair (BOS BOS) are kept: they are the paragraph starts.
    tri_k, tri_n = table((a << (2 * BITS)) | (b << BITS) | c)
    bi_k, _ = table((cps[:-1] << BITS) | cps[1:])
    uni_k, uni_n = table(cps)
    # Contexts: how often each bigram is followed by anything; by how many distinct characters each bigram and
    # each character is followed.
    ctx2 = tri_k >> BITS
    ctx2_k, ctx2_idx = np.unique(ctx2, return_inverse=True)
    ctx2_total = np.bincount(ctx2_idx, weights=tri_n).astype(np.uint32)
    ctx2_types = np.bincount(ctx2_idx).astype(np.uint32)
    ctx1 = bi_k >> BITS
    ctx1_k, ctx1_idx = np.unique(ctx1, return_inverse=True)
    ctx1_types = np.bincount(ctx1_idx).astype(np.uint32)
    # Kneser-Ney continuation counts, aligned with the tables above: how many distinct characters precede
    # each bigram and each character, and in how many distinct trigrams each character stands in the middle.
    suffixes = tri_k & np.uint64((1 << (2 * BITS)) - 1)  # (b c) of each trigram type (a b c)
    bi_cont = _aligned(bi_k, suffixes)
    uni_cont = _aligned(uni_k, bi_k & np.uint64((1 << BITS) - 1))
    ctx1_cont = np.bincount(np.searchsorted(ctx1_k, suffixes >> np.uint64(BITS)), minlength=len(ctx1_k))
    ctx1_cont = ctx1_cont.astype(np.uint32)
    np.savez_compressed(args.out, tri_k=tri_k, tri_n=tri_n, bi_k=bi_k, uni_k=uni_k, uni_n=uni_n,
                        ctx2_k=ctx2_k, ctx2_total=ctx2_total, ctx2_types=ctx2_types,
                        ctx1_k=ctx1_k, ctx1_types=ctx1_types, ctx1_cont=ctx1_cont,
                        bi_cont=bi_cont, uni_cont=uni_cont)
    print(f"{len(paras)} paragraphs, {len(cps):,} characters: {len(tri_k):,} trigrams, {len(bi_k):,} bigrams, "
          f"{len(uni_k):,} characters -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
