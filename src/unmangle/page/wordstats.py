"""Word statistics of real text (built by ``scripts/build_word_stats.py``), loaded once, and the small questions
the page steps ask of them: which language is this paragraph in, is this a word, what usually follows this word.

Derived from CC BY-SA / public-domain corpora; the attribution is kept inside the data file.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache

import numpy as np
import regex

from unmangle.data import open_data

TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’\-]*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")
_COMMON_TRIGRAM = 0.004
SPELLED = 2  # times a letter trigram must occur in a vocabulary, for a word to be spelled like its words


@dataclass(frozen=True, slots=True)
class FollowStats:
    """What follows one frequent word in the corpus of its language (counts per class)."""

    word: int
    cap: int
    num: int
    stop: int
    comma: int
    close: int
    open: int
    end: int
    other: int
    start: int
    count: int

    def share(self, *classes: str) -> float:
        """Share of occurrences followed by any of ``classes`` (add-one smoothed, never zero)."""
        n = sum(getattr(self, c) for c in classes)
        return (n + 1) / (self.count + 2)


@dataclass(frozen=True, slots=True)
class LanguageStats:
    lang: str
    vocab: frozenset[str]
    func: dict[str, FollowStats]
    pairs: dict[str, int]
    n_words: int
    tied: float = 0.0  # share of one-letter words followed by a no-break space (build_word_stats.tied_share)
    em_dash: float = 0.5  # share of em dashes among its dashes between words (build_word_stats.em_share)

    def pair_surprise(self, a: str, b: str) -> float:
        """How many times ``a b`` would be expected among the corpus words if it were ordinary, when it was never
        seen (0.0 if it was seen or either word is rare)."""
        fa, fb = self.func.get(a), self.func.get(b)
        if fa is None or fb is None or self.pairs.get(f"{a} {b}", 0) > 0:
            return 0.0
        return (fa.word + fa.cap) * fb.count / max(1, self.n_words)


@cache
def _raw() -> dict:
    with open_data("wordstats.json.gz") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return json.load(f)


@cache
def language_stats(lang: str) -> LanguageStats | None:
    """The statistics of ``lang`` (a corpus code such as ``en`` or ``zh-Hans``), or None if we have none."""
    raw = _raw()["langs"].get(lang)
    if raw is None:
        return None
    func = {w: FollowStats(*row) for w, row in raw["func"].items()}
    return LanguageStats(lang, frozenset(raw["vocab"]), func, raw["pairs"], raw["n_words"], raw.get("tied", 0.0),
                         raw.get("em_dash", 0.5))


@cache
def ranked_vocabulary(lang: str) -> tuple[str, ...]:
    """The vocabulary of ``lang``, most frequent word first (empty if we have none)."""
    raw = _raw()["langs"].get(lang)
    return tuple(raw["vocab"]) if raw else ()


@cache
def languages() -> tuple[str, ...]:
    """The corpus languages we have word statistics for."""
    return tuple(_raw()["langs"])


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(raw["func"]) for lang, raw in _raw()["langs"].items()}


def guess_language(text: str) -> str | None:
    """The corpus language whose frequent words cover most of ``text`` (None if no spaced language fits)."""
    words = [t.lower() for t in TOKEN.findall(text) if t[0].isalpha()]
    if len(words) < 3:
        return None
    best, best_hits = None, 0
    for lang, func in _function_words().items():
        hits = sum(1 for w in words if w in func)
        if hits > best_hits:
            best, best_hits = lang, hits
    # A paragraph in a language we have no statistics for still shares a few words with some corpus.
    return best if best_hits >= max(2, len(words) // 5) else None


@cache
def _trigrams(lang: str) -> frozenset[str]:
    """Letter trigrams common in the vocabulary of ``lang`` (in at least 0.4% of its words)."""
    stats = language_stats(lang)
    if stats is None:
        return frozenset()
    counts: dict[str, int] = {}
    for word in stats.vocab:
        for g in {f"^{word}$"[i:i + 3] for i in range(len(word))}:
            counts[g] = counts.get(g, 0) + 1
    floor = max(3, int(_COMMON_TRIGRAM * len(stats.vocab)))
    return frozenset(g for g, n in counts.items() if n >= floor)


def _trigram_keys(padded: str) -> np.ndarray:
    """One integer for each letter trigram of ``padded`` (21 bits a character: :func:`trigram_key`)."""
    cps = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return (cps[:-2] << 42) | (cps[1:-1] << 21) | cps[2:]


def trigram_key(gram: str) -> int:
    """The integer of a letter trigram, as :func:`spelled_keys` holds them."""
    return (ord(gram[0]) << 42) | (ord(gram[1]) << 21) | ord(gram[2])


@cache
def spelled_keys(lang: str) -> np.ndarray:
    """The sorted keys of the letter trigrams (``^`` and ``$`` mark a word's ends) that occur ``SPELLED`` times
    or more in the vocabulary of ``lang``; counted in numpy, as every language is asked at once."""
    stats = language_stats(lang)
    if stats is None:
        return np.zeros(0, dtype=np.int64)
    keys = _trigram_keys("".join(f"^{word}$" for word in stats.vocab))
    seam = (ord("$") << 21) | ord("^")  # (a trigram across two words holds `$^`)
    keys = keys[((keys >> 21) != seam) & ((keys & ((1 << 42) - 1)) != seam)]
    uniq, counts = np.unique(keys, return_counts=True)
    return uniq[counts >= SPELLED]


def joins_smoothly(left: str, right: str, lang: str | None) -> bool:
    """Whether ``left + right`` reads as one word of ``lang``: a known word, or letter trigrams across the seam that
    the language uses (``Bundesregie|rung``), unlike the seam left where letters are missing (``gov|ment``)."""
    word = left + right
    if is_known_word(word, lang):
        return True
    if lang is None or not left or not right:
        return False
    grams = _trigrams(lang)
    seam = f"^{word.lower()}$"
    cut = len(left) + 1
    return all(seam[i:i + 3] in grams for i in range(max(0, cut - 2), min(cut, len(seam) - 2)))


def is_known_word(word: str, lang: str | None) -> bool:
    """Whether ``word`` occurs in the corpus of ``lang`` (or of any language when ``lang`` is None)."""
    low = word.lower()
    if lang is not None:
        stats = language_stats(lang)
        return stats is not None and low in stats.vocab
    return any(low in s.vocab for s in (language_stats(code) for code in _raw()["langs"]) if s is not None)
