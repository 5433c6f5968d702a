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
from pathlib import Path

import numpy as np

from unmangle.data import held_out
from unmangle.encoding.charclass import CLASS_OF, N_CLASSES
from unmangle.encoding.model import BOS, codepoints, hash2, hash3, quantise, unigram_index

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts(pattern: str, holdout: int = 0) -> list[str]:
    """Every document, but with ``holdout`` K every K-th of each file (as scripts/build_cjk_model.py)."""
    texts = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if held_out(i, holdout):
                    continue
                texts.append(json.loads(line)["text"])
    return texts


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
