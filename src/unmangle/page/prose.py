"""How much a block reads like prose: function-word density, learnt per language from the corpora.

The table (``data/page_stats.json``) is built by ``scripts/build_page_stats.py``; this module only reads it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import regex

# Languages written without spaces between words: their function "words" are characters.
UNSPACED = frozenset({"zh-Hans", "zh-Hant", "ja", "th"})
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’]*")
UNSPACED_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")  # scripts written without spaces


def prose_tokens(text: str, lang: str) -> list[str]:
    """Lowercased words, or the Han, kana and Thai characters for languages written without spaces."""
    if lang in UNSPACED:
        return UNSPACED_CHAR.findall(text)
    return [w.lower() for w in _WORD.findall(text)]


@cache
def _stats() -> dict[str, tuple[frozenset[str], float]]:
    raw = json.loads(resources.files("unmangle.data").joinpath("page_stats.json").read_text(encoding="utf-8"))
    return {lang: (frozenset(v["func"]), float(v["density"]) or 0.3) for lang, v in raw["languages"].items()}


def languages() -> list[str]:
    return sorted(_stats())


def function_density(text: str, lang: str) -> float:
    """Share of tokens that are frequent function words, as a ratio to a typical paragraph (1.0 = like prose)."""
    stats = _stats().get(lang)
    if stats is None:
        return 0.0
    func, norm = stats
    toks = prose_tokens(text, lang)
    if not toks:
        return 0.0
    return sum(t in func for t in toks) / len(toks) / norm


def guess_language(text: str) -> str:
    """The corpus language whose function words cover the text best (a page-level guess, cheap and rough)."""
    sample = text[:20000]
    best, best_score = "en", 0.0
    for lang in _stats():
        toks = prose_tokens(sample, lang)
        if not toks:
            continue
        func, norm = _stats()[lang]
        hits = sum(t in func for t in toks)
        # Weight by how much of the text the language's tokens cover: Thai characters in an English page do not count.
        coverage = len("".join(toks)) / max(1, len(regex.sub(r"\s+", "", sample)))
        score = hits / len(toks) / norm * min(1.0, coverage * 1.5)
        if score > best_score:
            best, best_score = lang, score
    return best
