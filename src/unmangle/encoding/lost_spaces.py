"""Spaces that were a UTF-8 character's byte 0xA0: a single-byte decoder made the byte a no-break space, and a
scraper made that a plain one. Where they stand is a shape of the text; whether the space is the byte is the
repair's question (:func:`unmangle.encoding.repair.fix_and_explain` reads both ways and asks the model)."""

from __future__ import annotations

import itertools
import re

from unmangle.encoding.codecs import SINGLE_BYTE, WrongDecoder


def lost_no_break_spaces() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Spaces where a UTF-8 character had its byte 0xA0, which a single-byte decoder made a no-break space and a
    scraper a plain one: after the bytes before it (`Ð ÑƒÑ` for `Ру`, `voilÃ le`, `10Â €`; and three bytes,
    `ä½ å¥½` for `你好`: one Chinese, Japanese or Korean character in 64 ends so), and inside one, between its
    lead and its last byte (`ì „` for `전`: a Korean syllable in 16 from 저 to 젿 and from 러 to 렿)."""
    leads, ends, inner = set(), set(), set()
    for wd in SINGLE_BYTE:
        if bytes([0xA0]).decode(wd.codec) != "\xa0":
            continue  # (MacRoman, cp437 and KOI8-R write 0xA0 as a sign)
        for b in range(0xC2, 0xE0):
            ch = bytes([b]).decode(wd.codec, "ignore")
            # (And `Â`, whose 0xA0 is the no-break space itself: `10Â €` for `10\u00a0€`, as ftfy reads it.)
            if ch and (bytes([b, 0xA0]).decode("utf-8").isalpha() or b == 0xC2):
                leads.add(ch)
        for b1, b2 in itertools.product(range(0xE0, 0xF0), range(0x80, 0xC0)):
            for shape, data in (((b1, b2), (b1, b2, 0xA0)), ((b1, b2), (b1, 0xA0, b2))):
                chars = bytes(shape).decode(wd.codec, "ignore")
                character = bytes(data).decode("utf-8", "ignore")
                if len(chars) == 2 and len(character) == 1 and character.isalpha():
                    (ends if data[2] == 0xA0 else inner).add(chars)

    def grouped(shapes: set[str], where: str) -> str:
        by_first: dict[str, set[str]] = {}
        for shape in shapes:
            by_first.setdefault(shape[0], set()).add(shape[1])
        parts = [(re.escape(a), "[" + "".join(sorted(map(re.escape, b))) + "]") for a, b in sorted(by_first.items())]
        if where == "before":
            return "(?<=" + "|".join(a + b for a, b in parts) + ")"
        return "|".join(f"(?<={a}) (?={b})" for a, b in parts)

    lead_class = "[" + "".join(sorted(map(re.escape, leads))) + "]"
    return (re.compile(f"(?:(?<={lead_class})|{grouped(ends, 'before')}) "),
            re.compile(f"(?:{grouped(inner, 'around')})"))


# (A space of the first kind may also have been a space of the text's own, which a scraper's collapsing of
# runs of spaces joined with it: `voilÃ le`. One of the second kind stands inside a character: it was the byte.)
LEAD_SPACE, INNER_SPACE = lost_no_break_spaces()


def byte_spaces(text: str, wrong: WrongDecoder) -> list[tuple[int, bool]]:
    """The spaces of ``text`` (with whether each stands inside a character) that were a byte 0xA0 if ``wrong``
    is the decoder: the shapes above are every decoder's, and a real space after `ÑŽ` (`ю` read with cp1252)
    is ISO-8859-13's lead `Ž` before one."""
    out = []
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        last = _bytes(text[at - 1:at], wrong)
        if not last:
            continue
        if _completes(last + b"\xa0") or (at >= 2 and _completes(_bytes(text[at - 2], wrong) + last + b"\xa0")):
            out.append((at, False))
        elif (after := _bytes(text[at + 1:at + 2], wrong)) and _completes(last + b"\xa0" + after):
            out.append((at, True))
    return out

_CANDIDATE = re.compile(f"{LEAD_SPACE.pattern}|{INNER_SPACE.pattern}")


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
