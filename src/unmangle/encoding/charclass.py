"""Coarse character classes (scripts and kinds of symbol), the back-off of the character model.

A character the model never saw still gets a sensible probability from its class: a rare Han character after
other Han characters is plausible, a Han character glued to Latin letters is not. That is exactly the contrast
between genuine CJK text and CJK-codec mojibake.
"""

from __future__ import annotations

import numpy as np

# (first, last, class name). Later ranges override earlier ones.
_RANGES: list[tuple[int, int, str]] = [
    (0x0000, 0x10FFFF, "other"),
    (0x0000, 0x001F, "control"),
    (0x007F, 0x009F, "control"),
    (0x0009, 0x000D, "space"),
    (0x0020, 0x0020, "space"),
    (0x0021, 0x002F, "ascii-punct"),
    (0x003A, 0x0040, "ascii-punct"),
    (0x005B, 0x0060, "ascii-punct"),
    (0x007B, 0x007E, "ascii-punct"),
    (0x0030, 0x0039, "digit"),
    (0x0041, 0x005A, "ascii-upper"),
    (0x0061, 0x007A, "ascii-lower"),
    (0x00A0, 0x00BF, "latin1-symbol"),
    (0x00A0, 0x00A0, "space"),
    (0x00C0, 0x00FF, "latin1-letter"),
    (0x00D7, 0x00D7, "latin1-symbol"),
    (0x00F7, 0x00F7, "latin1-symbol"),
    (0x0100, 0x024F, "latin-ext"),
    (0x0250, 0x02FF, "ipa-modifier"),
    (0x0300, 0x036F, "combining"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x0DFF, "indic"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul-jamo"),
    (0x3130, 0x318F, "hangul-jamo"),
    (0x1E00, 0x1EFF, "latin-ext"),
    (0x2000, 0x206F, "general-punct"),
    (0x2000, 0x200B, "space"),
    (0x2070, 0x209F, "super-sub"),
    (0x20A0, 0x20CF, "currency"),
    (0x20D0, 0x20FF, "combining"),
    (0x2100, 0x214F, "letterlike"),
    (0x2150, 0x218F, "number-forms"),
    (0x2190, 0x21FF, "arrows"),
    (0x2200, 0x22FF, "math"),
    (0x2300, 0x23FF, "technical"),
    (0x2460, 0x24FF, "enclosed"),
    (0x2500, 0x259F, "box-drawing"),
    (0x25A0, 0x25FF, "geometric"),
    (0x2600, 0x27BF, "symbols"),
    (0x2E80, 0x2FDF, "cjk-radical"),
    (0x3000, 0x303F, "cjk-punct"),
    (0x3000, 0x3000, "space"),
    (0x3040, 0x309F, "hiragana"),
    (0x30A0, 0x30FF, "katakana"),
    (0x31F0, 0x31FF, "katakana"),
    (0x3100, 0x312F, "bopomofo"),
    (0x3200, 0x33FF, "cjk-enclosed"),
    (0x3400, 0x4DBF, "cjk-ext-a"),
    (0x4E00, 0x9FFF, "han"),
    (0xA000, 0xA4CF, "yi"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xD800, 0xDFFF, "surrogate"),
    (0xE000, 0xF8FF, "private-use"),
    (0xF900, 0xFAFF, "cjk-compat"),
    (0xFB00, 0xFB06, "ligature"),
    (0xFE30, 0xFE4F, "cjk-compat-forms"),
    (0xFF01, 0xFF60, "fullwidth"),
    (0xFFE0, 0xFFEF, "fullwidth"),
    (0xFF61, 0xFF9F, "halfwidth-kana"),
    (0xFFA0, 0xFFDC, "halfwidth-hangul"),
    (0xFFF0, 0xFFFF, "specials"),
    (0x10000, 0x1FFFF, "astral-other"),
    (0x1F000, 0x1FAFF, "emoji"),
    (0x20000, 0x3FFFF, "cjk-astral"),
    (0xF0000, 0x10FFFF, "private-use"),
]

CLASS_NAMES: list[str] = []
for _first, _last, _name in _RANGES:
    if _name not in CLASS_NAMES:
        CLASS_NAMES.append(_name)
N_CLASSES = len(CLASS_NAMES)


def _build_table() -> np.ndarray:
    table = np.zeros(0x110000, dtype=np.uint8)
    for first, last, name in _RANGES:
        table[first:last + 1] = CLASS_NAMES.index(name)
    return table


CLASS_OF: np.ndarray = _build_table()
"""CLASS_OF[code point] -> class id."""


def class_name(ch: str) -> str:
    return CLASS_NAMES[CLASS_OF[ord(ch)]]
