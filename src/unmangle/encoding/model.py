"""A character trigram model of real text in 23 languages, used to choose between readings of a span.

Counts are stored hashed and log-quantised (one byte a bucket), so the shipped table is small and a lookup is
a numpy gather: scoring a span costs a few vectorised operations, not a Python loop per character. Unseen
characters back off to their class (see :mod:`charclass`), so rare genuine characters are not punished like
mojibake. Built by ``scripts/build_charmodel.py`` from ``../shared/corpora``.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy as np

from unmangle.data import open_data
from unmangle.encoding.charclass import CLASS_OF

_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x165667B19E3779F9)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
BOS = 0x02  # start-of-text marker code point used as context at the start of a text


def hash2(a: np.ndarray, b: np.ndarray, bits: int) -> np.ndarray:
    h = a.astype(np.uint64) * _K1 + b.astype(np.uint64) * _K2
    h ^= h >> np.uint64(29)
    h *= _MIX
    return (h >> np.uint64(64 - bits)).astype(np.int64)


def hash3(a: np.ndarray, b: np.ndarray, c: np.ndarray, bits: int) -> np.ndarray:
    h = a.astype(np.uint64) * _K1 + b.astype(np.uint64) * _K2 + c.astype(np.uint64) * _K3
    h ^= h >> np.uint64(29)
    h *= _MIX
    return (h >> np.uint64(64 - bits)).astype(np.int64)


_K1_INT, _K2_INT, _K3_INT, _MIX_INT = (int(k) for k in (_K1, _K2, _K3, _MIX))
_MASK64 = (1 << 64) - 1
_CLASS_OF_BYTES = CLASS_OF.astype(np.uint8).tobytes()  # (fewer than 256 classes)


def _hash_int(h: int, bits: int) -> int:
    """:func:`hash2` / :func:`hash3` of one n-gram, on Python integers (``h`` is the weighted sum of its code
    points)."""
    h &= _MASK64
    h ^= h >> 29
    return ((h * _MIX_INT) & _MASK64) >> (64 - bits)


def _unigram_index_int(cp: int) -> int:
    return cp if cp < 0x10000 else 0x10000 + (cp & 0xFFFF)


def unigram_index(cps: np.ndarray) -> np.ndarray:
    """BMP code points index directly; astral ones share the upper half of the table."""
    cps = cps.astype(np.int64)
    return np.where(cps < 0x10000, cps, 0x10000 + (cps & 0xFFFF))


def quantise(counts: np.ndarray) -> np.ndarray:
    return np.minimum(255, np.round(np.log2(counts.astype(np.float64) + 1.0) * 8.0)).astype(np.uint8)


_AT_CACHE = 1 << 18  # trigrams whose log-probability logprob_at keeps (about 25 MB at most)
_SLACK = 1.1  # one quantisation step (2 ** (1/8)) and a little
_DEQUANT = (np.exp2(np.arange(256, dtype=np.float64) / 8.0) - 1.0)


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


class CharModel:
    """Interpolated character trigram model with class back-off."""

    def __init__(self, uni: np.ndarray, bi: np.ndarray, tri: np.ndarray, class_logp: np.ndarray,
                 class_size: np.ndarray, class_count: np.ndarray) -> None:
        self.uni = _DEQUANT[uni]
        self.bi = _DEQUANT[bi]
        self.tri = _DEQUANT[tri]
        self.bi_bits = int(np.log2(len(bi)))
        self.tri_bits = int(np.log2(len(tri)))
        self.class_p = np.exp(class_logp.astype(np.float64))
        self.class_size = class_size.astype(np.float64)
        self.class_count = np.maximum(class_count.astype(np.float64), 1.0)
        # The same tables as Python objects for logprob_at: indexing them costs half of numpy's .item().
        self._uni_py, self._bi_py, self._tri_py = memoryview(self.uni), memoryview(self.bi), memoryview(self.tri)
        self._class_p_py: list[list[float]] = self.class_p.tolist()
        self._class_size_py: list[float] = self.class_size.tolist()
        self._class_count_py: list[float] = self.class_count.tolist()
        self._at: dict[tuple[int, int, int], float] = {}  # logprob_at's answers, by trigram

    @classmethod
    def load(cls, path: str | None = None) -> CharModel:
        if path is None:
            with open_data("charmodel.npz") as fh:
                data = np.load(fh)
                return cls._from_arrays(data)
        return cls._from_arrays(np.load(path))

    @classmethod
    def _from_arrays(cls, data: np.lib.npyio.NpzFile) -> CharModel:
        return cls(data["uni"], data["bi"], data["tri"], data["class_logp"], data["class_size"],
                   data["class_count"])

    def logprobs(self, cps: np.ndarray) -> np.ndarray:
        """log P(c_i | c_{i-2} c_{i-1}) for i >= 2 of the code point array ``cps``."""
        a, b, c = cps[:-2], cps[1:-1], cps[2:]
        n3 = self.tri[hash3(a, b, c, self.tri_bits)]
        n_ab = self.bi[hash2(a, b, self.bi_bits)]
        n2 = self.bi[hash2(b, c, self.bi_bits)]
        n_b = self.uni[unigram_index(b)]
        n1 = self.uni[unigram_index(c)]
        # A hashed bucket may hold another n-gram's count. A true count never exceeds the counts of its parts
        # (up to the quantisation step), so a larger one is a collision: treat it as unseen. Without this,
        # whatever follows a rare character looks likely (`isn插t`).
        n2 = np.where(n2 <= _SLACK * np.minimum(n_b, n1), n2, 0.0)
        n3 = np.where(n3 <= _SLACK * np.minimum(n_ab, n2), n3, 0.0)
        cls_b = CLASS_OF[b]
        cls_c = CLASS_OF[c]
        # Back-off: P(class of c | class of b) * P(c | its class); unseen members share a class floor.
        lam1 = n1 / (n1 + 2.0)
        p_in_class = lam1 * n1 / self.class_count[cls_c] + (1.0 - lam1) / self.class_size[cls_c]
        p = self.class_p[cls_b, cls_c] * p_in_class
        with np.errstate(divide="ignore", invalid="ignore"):
            p2 = np.where(n_b > 0, np.minimum(n2, n_b) / np.maximum(n_b, 1e-9), 0.0)
            lam2 = n_b / (n_b + 4.0) * (n2 > 0)
            p = lam2 * p2 + (1.0 - lam2) * p
            p3 = np.where(n_ab > 0, np.minimum(n3, n_ab) / np.maximum(n_ab, 1e-9), 0.0)
            lam3 = n_ab / (n_ab + 4.0) * (n3 > 0)
            p = lam3 * p3 + (1.0 - lam3) * p
        return np.log(np.maximum(p, 1e-12))

    def logprob_at(self, text: str, i: int) -> float:
        """log P(text[i] | the two characters before it), as :meth:`logprobs` computes it.

        For a handful of positions (the clean-text gate asks about one odd letter): numpy's cost per call is
        twenty times the arithmetic, so this one is done on Python numbers, and kept by trigram (the gate asks
        about the same few letters in the same few contexts again and again, on every new paragraph).
        """
        c = ord(text[i])
        b = ord(text[i - 1]) if i >= 1 else BOS
        a = ord(text[i - 2]) if i >= 2 else BOS
        key = (a, b, c)
        got = self._at.get(key)
        if got is None:
            if len(self._at) >= _AT_CACHE:
                self._at.clear()
            got = self._at[key] = self._logprob_of(a, b, c)
        return got

    def _logprob_of(self, a: int, b: int, c: int) -> float:
        n3 = self._tri_py[_hash_int(_K1_INT * a + _K2_INT * b + _K3_INT * c, self.tri_bits)]
        n_ab = self._bi_py[_hash_int(_K1_INT * a + _K2_INT * b, self.bi_bits)]
        n2 = self._bi_py[_hash_int(_K1_INT * b + _K2_INT * c, self.bi_bits)]
        n_b = self._uni_py[_unigram_index_int(b)]
        n1 = self._uni_py[_unigram_index_int(c)]
        if n2 > _SLACK * min(n_b, n1):
            n2 = 0.0
        if n3 > _SLACK * min(n_ab, n2):
            n3 = 0.0
        cls_b, cls_c = _CLASS_OF_BYTES[b], _CLASS_OF_BYTES[c]
        lam1 = n1 / (n1 + 2.0)
        p_in_class = lam1 * n1 / self._class_count_py[cls_c] + (1.0 - lam1) / self._class_size_py[cls_c]
        p = self._class_p_py[cls_b][cls_c] * p_in_class
        if n_b > 0 and n2 > 0:
            lam2 = n_b / (n_b + 4.0)
            p = lam2 * min(n2, n_b) / n_b + (1.0 - lam2) * p
        if n_ab > 0 and n3 > 0:
            lam3 = n_ab / (n_ab + 4.0)
            p = lam3 * min(n3, n_ab) / n_ab + (1.0 - lam3) * p
        return math.log(max(p, 1e-12))

    def score(self, left: str, middle: str, right: str = "") -> float:
        """Log-probability of ``middle + right`` after ``left`` (only the last two chars of left matter)."""
        ctx = left[-2:]
        if len(ctx) < 2:
            ctx = chr(BOS) * (2 - len(ctx)) + ctx
        cps = codepoints(ctx + middle + right[:2])
        return float(self.logprobs(cps).sum())

    def text_logprob(self, text: str) -> float:
        return self.score("", text)


@lru_cache(maxsize=1)
def default_model() -> CharModel:
    """The model shipped with the package, loaded once per process."""
    return CharModel.load()


def score_fillers_many(model: CharModel, lefts: list[str], fillers: list[str], right: str) -> np.ndarray:
    """Log-probability of ``left[-2:] + f + right[:2]`` for each left context (the beams of a search) and
    each one-character filler ``f``, shape ``(len(lefts), len(fillers))``.

    Recovering a lost byte means choosing among many characters for several beams at once; scoring them in
    one gather keeps the choice a handful of numpy operations.
    """
    r = right[:2]
    k = len(fillers)
    rows = np.stack([codepoints((chr(BOS) * 2 + left)[-2:] + "\x00" + r) for left in lefts])
    grid = np.repeat(rows, k, axis=0)
    grid[:, 2] = np.tile(codepoints("".join(fillers)), len(lefts))
    width = grid.shape[1]
    triples = np.concatenate([grid[:, i - 2:i + 1] for i in range(2, width)], axis=0)
    lp = model.logprobs(triples.reshape(-1))[::3]
    return lp.reshape(width - 2, len(lefts) * k).sum(axis=0).reshape(len(lefts), k)


def score_each(model: CharModel, left: str, middles: list[str], rights: list[str]) -> list[float]:
    """:meth:`CharModel.score` of each ``middles[i] + rights[i]`` after ``left``, in one gather (a search's
    final beams are scored together: numpy's cost per call is many times the arithmetic of a short text)."""
    ctx = (chr(BOS) * 2 + left)[-2:]
    texts = [ctx + m + r[:2] for m, r in zip(middles, rights, strict=True)]
    lp = model.logprobs(codepoints("".join(texts)))
    out, start = [], 0
    for t in texts:
        # (Each text's first two characters are its context: their own scores, across texts, are not taken.)
        out.append(float(lp[start:start + len(t) - 2].sum()))
        start += len(t)
    return out


def unspaced_run(text: str) -> bool:
    return len(text) >= 4 and text[-1] >= "\u3000" and text[-2] >= "\u3000"


def score_many(model: CharModel, texts: list[str]) -> np.ndarray:
    """Log-probability of each text between spaces (`` text ``), all scored in one vectorised pass.

    Deciding a document means comparing many short candidates; one batch keeps the cost per character, not
    per call.
    """
    if not texts:
        return np.zeros(0)
    texts = [fold_capitals(composed(t)) for t in texts]
    joined = "".join("  " + t + " " for t in texts)
    lp = model.logprobs(codepoints(joined))
    lengths = np.fromiter((len(t) + 3 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    # Segment k scores its text and the space after it: lp indices starts .. starts + len(text); a text that
    # ends a run of a script written without spaces is scored without it (CJK text runs on to a line end;
    # a lone CJK character between spaces is another matter).
    unspaced = np.fromiter((unspaced_run(t) for t in texts), dtype=bool, count=len(texts))
    # Each segment summed on its own (reduceat), not as a difference of running sums: a text's score must not
    # depend on the texts batched before it, or a repair would depend on what the process repaired before.
    bounds = np.empty(2 * len(texts), dtype=np.int64)
    bounds[0::2], bounds[1::2] = starts, starts + lengths - 2 - unspaced
    return np.add.reduceat(np.append(lp, 0.0), bounds)[0::2]  # (a last segment may end where lp does)


def score_few(model: CharModel, texts: list[str]) -> list[float]:
    """:func:`score_many` for a handful of short texts, on Python numbers: numpy's cost per call is most of
    the cost of a small batch, and :meth:`CharModel.logprob_at` keeps the trigrams it has seen (the same few
    odd words come back on every page). Equal to :func:`score_many` up to rounding."""
    out = []
    kept = model._at
    for text in texts:
        padded = "  " + fold_capitals(composed(text)) + " "
        end = len(padded) - unspaced_run(text)
        cps = list(map(ord, padded[:end]))
        # (The trigrams looked up in one pass, in C, the model asked only for those it has not kept; summed in
        # the same order as one by one, so to the same bit.)
        logps = list(map(kept.get, zip(cps, cps[1:], cps[2:], strict=False)))
        if None in logps:
            logps = [model.logprob_at(padded, i + 2) if lp is None else lp for i, lp in enumerate(logps)]
        out.append(sum(logps))
    return out


def composed(text: str) -> str:
    """``text`` in NFC, for scoring: the corpora are composed, and macOS writes `é` as `e` and U+0301, which the
    model, having hardly seen a combining mark, would find far less probable than the mojibake it came from."""
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def fold_capitals(text: str) -> str:
    """``text`` with its words in capitals in lower case, for scoring: headlines and acronyms are written so,
    while the corpora are mostly lower case (`AÑOS` and `ZURÜCK` are as probable as `años` and `zurück`, and
    more than the mojibake `AÃ‘OS`). Cyrillic words only where the text under repair says so (:func:`capitals_of`)."""
    if text.lower() == text:
        return text  # (the usual case, decided in C)
    return _WORD.sub(_fold_word if _FOLD_CYRILLIC.get() else _fold_latin, text)


def _fold_word(m: re.Match[str]) -> str:
    word = m.group()
    if word.isupper() and sum(c.isupper() for c in word) >= 2:
        return word.lower()
    return word


def _fold_latin(m: re.Match[str]) -> str:
    return m.group() if _CYRILLIC.search(m.group()) else _fold_word(m)


_WORD = re.compile(r"\S+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")

# Cyrillic words in capitals are evidence where cp1251 and KOI8-R were read as each other: the cases swap, a word's
# lower case shows in capitals after its capital in lower case (`оПХБЕФ`), and `ПО` is `он`. Scored in capitals,
# though, the headlines and menus of real Russian pages (`ГЛАВНАЯ СТРАНИЦА`) lost to any reading (Greek read as
# KOI8-R writes Cyrillic capitals). So the text under repair decides: one that writes a word in Cyrillic capitals
# and shows fewer than two words of the swap has its capitals folded wherever its words are scored, alone or not;
# one without such words has not (a reading that makes Cyrillic capitals of Latin-1 signs, `БОЮФ` for `±¾ÎÄ`, is
# not helped). Outside a repair (None) they are not folded.
_FOLD_CYRILLIC: ContextVar[bool | None] = ContextVar("unmangle_fold_cyrillic", default=None)
# A word of the swap: its capital in lower case, the rest in capitals, `оПХБЕФ`; two of them (an acronym is
# written so now and then, `мРНК`, and every mojibake sentence starts with one, most texts have more).
_CASE_SWAP = re.compile(r"(?<![^\W\d_])[а-яё][А-ЯЁ]{2,}(?![^\W\d_])")
_SWAPPED_WORDS = 2
_CYRILLIC_CAPITALS = re.compile("[А-ЯЁІЇЄҐЎ]{2}")


@contextmanager
def capitals_of(text: str) -> Iterator[None]:
    """Score every text inside the block with Cyrillic capitals folded as ``text`` decides (see above)."""
    swapped = itertools.islice(_CASE_SWAP.finditer(text), _SWAPPED_WORDS)
    token = _FOLD_CYRILLIC.set(_CYRILLIC_CAPITALS.search(text) is not None
                               and sum(1 for _ in swapped) < _SWAPPED_WORDS)
    try:
        yield
    finally:
        _FOLD_CYRILLIC.reset(token)


def folding_cyrillic() -> bool | None:
    """The decision :func:`capitals_of` set, if any (a cache of scores keys on it)."""
    return _FOLD_CYRILLIC.get()


def confidence(gain: float, cost: float = 0.0) -> float:
    """Map the model's margin (nats) to 0..1; recovered bytes we were unsure of lower it."""
    return round(max(0.05, min(0.999, (1.0 - math.exp(-max(gain, 0.0) / 6.0)) * math.exp(-cost / 12.0))), 3)
