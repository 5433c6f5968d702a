"""Which writing system a letter belongs to, grouped the way text mixes them.

Han, kana and Hangul share one family because Japanese glues kanji to kana and Korean may glue Hanja to Hangul;
Latin inside those (``iPhoneを``) is ordinary too, which :func:`glues_naturally` says.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

_FAMILY_BY_NAME = {
    "LATIN": "Latin", "CYRILLIC": "Cyrillic", "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew",
    "DEVANAGARI": "Devanagari", "BENGALI": "Bengali", "THAI": "Thai", "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian", "HANGUL": "CJK", "CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK",
    "BOPOMOFO": "CJK", "HALFWIDTH": "CJK", "TAMIL": "Tamil", "ETHIOPIC": "Ethiopic",
}
# Scripts written with spaces between words: a foreign run glued to their letters is out of place.
SPACED = frozenset({"Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Bengali", "Armenian",
                    "Georgian", "Tamil", "Ethiopic"})


@lru_cache(maxsize=4096)
def family(ch: str) -> str | None:
    """The script family of a letter (None for anything that is not a letter or a combining mark)."""
    cat = unicodedata.category(ch)
    if not (cat.startswith("L") or cat.startswith("M")):
        return None
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    if head in _FAMILY_BY_NAME:
        return _FAMILY_BY_NAME[head]
    if head in ("FULLWIDTH", "MODIFIER", "COMBINING"):
        return "Latin" if "LATIN" in name else None
    return "Other"


def family_counts(text: str) -> Counter[str]:
    """How many letters of ``text`` each script family has."""
    return Counter(f for f in map(family, text) if f is not None)


def majority_family(text: str) -> str | None:
    """The script family most of the letters of ``text`` belong to."""
    counts = family_counts(text)
    return counts.most_common(1)[0][0] if counts else None


def glues_naturally(host: str, guest: str) -> bool:
    """Whether letters of ``guest`` glued to letters of ``host`` are ordinary writing, not an injection."""
    if host == guest:
        return True
    # Unspaced scripts take Latin words, acronyms and brands without spaces; Thai and CJK mix with both.
    return host in ("CJK", "Thai") and guest in ("Latin", "CJK", "Thai")
