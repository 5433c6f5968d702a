"""An exact character trigram model of Chinese, Japanese and Korean, for searches that rank thousands of
candidates.

The main model (:mod:`model`) hashes its n-grams to stay small across 23 languages; a search over every
character of a vocabulary finds the few whose n-grams collide with a frequent one. Here the n-grams are kept
exactly (sorted packed keys, looked up with ``searchsorted``) and smoothed by interpolated Kneser-Ney.
Built by ``scripts/build_cjk_model.py``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from unmangle.data import open_data

BITS = np.uint64(21)
DISCOUNT = 0.75
_MASK = np.uint64((1 << 21) - 1)
UNSEEN_CHARS = 30_000.0  # the characters a CJK text may hold that the corpora never showed


def _get(keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return np.where(keys[at] == query, values[at], 0).astype(np.float64)


def _with_prefixes(keys: np.ndarray, values: np.ndarray, prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The packed keys (and their values) whose context is one of ``prefixes`` (sorted), in order."""
    lo = np.searchsorted(keys, prefixes << BITS)
    hi = np.searchsorted(keys, (prefixes + np.uint64(1)) << BITS)
    sizes = hi - lo
    at = np.repeat(lo - np.concatenate(([0], np.cumsum(sizes)[:-1])), sizes) + np.arange(sizes.sum())
    return keys[at], values[at]


class NgramModel:
    """log P(c | a b), interpolated Kneser-Ney down to a smoothed unigram of continuation counts."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.t = {k: arrays[k] for k in arrays}
        self.cont_total = float(self.t["uni_cont"].sum())
        self._followers: dict[int, np.ndarray] = {}
        self._ends: dict[tuple[int, int], float] = {}

    @classmethod
    def load(cls, path: str | None = None) -> NgramModel:
        if path is None:
            with open_data("cjk_ngrams.npz") as fh:
                data = np.load(fh)
                return cls({k: data[k] for k in data.files})
        data = np.load(path)
        return cls({k: data[k] for k in data.files})

    def unigram(self, c: np.ndarray) -> np.ndarray:
        return _get(self.t["uni_k"], self.t["uni_n"], c.astype(np.uint64))

    def followers(self, b: int) -> np.ndarray:
        """The characters seen after ``b``, sorted."""
        got = self._followers.get(b)
        if got is None:
            keys = self.t["bi_k"]
            lo, hi = np.searchsorted(keys, [np.uint64(b) << BITS, np.uint64(b + 1) << BITS])
            got = self._followers[b] = keys[lo:hi] & _MASK
        return got

    def logprobs(self, a: np.ndarray, b: np.ndarray, c: np.ndarray, own: np.ndarray | None = None) -> np.ndarray:
        """log P(c | a b). With ``own``, ``a`` and ``b`` are the contexts of a few hypotheses and ``c[i]`` follows
        context ``own[i]``: what depends on the context alone is looked up once per hypothesis, not per
        candidate (a search scores thousands of candidates after a few dozen contexts).

        Interpolated Kneser-Ney: the trigram counts back off to how many distinct characters precede ``b c``,
        then to how many precede ``c``: a character frequent in one fixed phrase is no good guess elsewhere
        (held-out paragraphs: 1-5% fewer nats a character than backing off to raw counts)."""
        a, b, c = (x.astype(np.uint64, copy=False) for x in (a, b, c))
        return self._given_bigram(a, b, self._bigram(b if own is None else b[own], c), c, own)

    def bigram(self, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        """P(c | b), backed off to the unigram: the part of P(c | a b) that does not depend on ``a``, which a
        search keeps for the characters it proposes after ``b`` (``b`` may be one context for all)."""
        return self._bigram(b.astype(np.uint64, copy=False), c.astype(np.uint64, copy=False))

    def given_bigram(self, a: np.ndarray, b: np.ndarray, p_bc: np.ndarray, c: np.ndarray,
                     own: np.ndarray | None = None) -> np.ndarray:
        """log P(c | a b) from ``p_bc`` = P(c | b) (see :meth:`logprobs` for ``own``). The trigram counts are
        looked up among those of the contexts at hand only: a few thousand keys, not all of them."""
        a, b, c = (x.astype(np.uint64, copy=False) for x in (a, b, c))
        return self._given_bigram(a, b, p_bc, c, own)

    def _bigram(self, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        t = self.t
        n_b, types_b = _get(t["ctx1_k"], t["ctx1_cont"], b), _get(t["ctx1_k"], t["ctx1_types"], b)
        p = (_get(t["uni_k"], t["uni_cont"], c) + 0.5) / (self.cont_total + 0.5 * UNSEEN_CHARS)
        n_bc = _get(t["bi_k"], t["bi_cont"], (b << BITS) | c)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(n_b > 0, (np.maximum(n_bc - DISCOUNT, 0.0) + DISCOUNT * types_b * p) / n_b, p)

    def _given_bigram(self, a: np.ndarray, b: np.ndarray, p_bc: np.ndarray, c: np.ndarray,
                      own: np.ndarray | None) -> np.ndarray:
        t = self.t
        ab = (a << BITS) | b
        n_ab, types_ab = _get(t["ctx2_k"], t["ctx2_total"], ab), _get(t["ctx2_k"], t["ctx2_types"], ab)
        keys, values = t["tri_k"], t["tri_n"]
        if own is not None:
            keys, values = _with_prefixes(keys, values, np.unique(ab[n_ab > 0]))
            ab, n_ab, types_ab = ab[own], n_ab[own], types_ab[own]
        n_abc = _get(keys, values, (ab << BITS) | c) if len(keys) else np.zeros(len(c))
        with np.errstate(divide="ignore", invalid="ignore"):
            p = np.where(n_ab > 0, (np.maximum(n_abc - DISCOUNT, 0.0) + DISCOUNT * types_ab * p_bc) / n_ab, p_bc)
        return np.log(p)

    def end(self, a: int, b: int, bos: int = 0x02) -> float:
        """log P(end of line | a b), kept: a search asks it of every hypothesis that explains the whole line
        (the corpora's lines end on a full stop far more often than on a kana)."""
        got = self._ends.get((a, b))
        if got is None:
            if len(self._ends) > 1 << 16:
                self._ends.clear()
            one = np.ones(1, dtype=np.uint64)
            got = self._ends[a, b] = float(self.logprobs(one * a, one * b, one * bos)[0])
        return got

    def each(self, text: str, bos: int = 0x02) -> np.ndarray:
        """log P of each character of ``text`` given the two before it (the text starts after two ``bos``)."""
        cps = np.frombuffer((chr(bos) * 2 + text).encode("utf-32-le", "surrogatepass"), dtype="<u4")
        return self.logprobs(cps[:-2], cps[1:-1], cps[2:])

    def score(self, text: str, bos: int = 0x02) -> float:
        return float(self.each(text, bos).sum())


@lru_cache(maxsize=1)
def cjk_model() -> NgramModel:
    """The shipped model, loaded once per process."""
    return NgramModel.load()
