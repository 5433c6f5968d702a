"""Spaces that were a UTF-8 character's byte 0xA0: a single-byte decoder made the byte a no-break space, and a
scraper made that a plain one. Where they stand is a shape of the text; whether the space is the byte is the
repair's question (:func:`unmangle.encoding.repair.fix_and_explain` reads both ways and asks the model).

The byte may end a character after its lead (`Ð ÑƒÑ` for `Ру`, `voilÃ le`, `10Â €`), end one after its first two
bytes (`ä½ å¥½` for `你好`: one Chinese, Japanese or Korean character in 64 ends so), or stand inside one, between
its lead and its last byte (`ì „` for `전`: a Korean syllable in 16, from 저 to 젿 and from 러 to 렿). A space of the
first two kinds may also have been a space of the text's own, which a scraper's collapsing of runs of spaces
joined with it (`voilÃ le`); one of the third kind stands inside a character: it was the byte.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unmangle.encoding.codecs import SINGLE_BYTE, WrongDecoder


def may_be_byte(text: str) -> bool:
    """Whether some space of ``text`` stands where some single-byte decoder's UTF-8 had its byte 0xA0."""
    return _shapes().search(text) is not None


def byte_spaces(text: str, wrong: WrongDecoder) -> list[tuple[int, bool]]:
    """The spaces of ``text`` (with whether each stands inside a character) that were a byte 0xA0 if ``wrong``
    is the decoder: the shapes are every decoder's, and a real space after `ÑŽ` (`ю` read with cp1252) is
    ISO-8859-13's lead `Ž` before one."""
    out = []
    for m in _shapes().finditer(text):
        at = m.start()
        last = _bytes(text[at - 1:at], wrong)
        if not last:
            continue
        if _completes(last + b"\xa0") or (at >= 2 and _completes(_bytes(text[at - 2], wrong) + last + b"\xa0")):
            out.append((at, False))
        elif (after := _bytes(text[at + 1:at + 2], wrong)) and _completes(last + b"\xa0" + after):
            out.append((at, True))
    return out


@lru_cache(maxsize=1)
def _shapes() -> re.Pattern[str]:
    """Every decoder's shapes in one scan (built when a repair first asks, not at import: most texts are clean).
    Which byte strings the byte completes is asked of UTF-8 once; each decoder only spells them."""
    leads = [b for b in range(0xC2, 0xE0) if _completes(bytes([b, 0xA0]))]
    firsts = [(b1, b2) for b1 in range(0xE0, 0xF0) for b2 in range(0x80, 0xC0)]
    ends = [pair for pair in firsts if _completes(bytes([*pair, 0xA0]))]
    inner = [(b1, b3) for b1, b3 in firsts if _completes(bytes([b1, 0xA0, b3]))]
    lead_chars: set[str] = set()
    end_shapes: dict[str, set[str]] = {}
    inner_shapes: dict[str, set[str]] = {}
    for wd in SINGLE_BYTE:
        if wd.char_for(0xA0) != "\xa0":
            continue  # (MacRoman, cp437 and KOI8-R write 0xA0 as a sign)
        lead_chars.update(filter(None, map(wd.char_for, leads)))
        for pairs, shapes in ((ends, end_shapes), (inner, inner_shapes)):
            for b1, b2 in pairs:
                if (a := wd.char_for(b1)) and (b := wd.char_for(b2)):
                    shapes.setdefault(a, set()).add(b)

    def cls(chars: set[str]) -> str:
        return "[" + "".join(sorted(map(re.escape, chars))) + "]"

    after_two = "|".join(re.escape(a) + cls(b) for a, b in sorted(end_shapes.items()))
    inside = "|".join(f"(?<={re.escape(a)}) (?={cls(b)})" for a, b in sorted(inner_shapes.items()))
    return re.compile(f"(?:(?<={cls(lead_chars)})|(?<={after_two})) |{inside}")


def _bytes(chars: str, wrong: WrongDecoder) -> bytes:
    try:
        return chars.encode(wrong.codec)
    except UnicodeEncodeError:
        return b""


def _completes(data: bytes) -> bool:
    """Whether ``data`` is one whole UTF-8 character, a letter (or the no-break space itself, `Â`)."""
    try:
        character = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(character) == 1 and (character.isalpha() or character == "\xa0")
