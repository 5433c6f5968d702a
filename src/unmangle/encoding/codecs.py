"""Codec tables: which wrong decoders and true encodings we consider, and what each wrong decoder drops.

Data, not logic (like ftfy's chardata): built once at import from Python's own codecs, so the tables always
agree with the decoders that made the damage.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-125x codecs)
from ftfy.chardata import CHARMAP_ENCODINGS


@dataclass(frozen=True)
class WrongDecoder:
    """A codec that text was wrongly decoded with; ``codec`` re-encodes the damaged text to its bytes."""

    codec: str
    label: str
    multibyte: bool
    # Nats against a reading by this decoder, for how rarely the web uses it: between two readings of the
    # same bytes that the model rates alike, cp1252 (`ZURÜCK`) beats ISO-8859-15 (`ZURýCK`). A document's
    # own pair, once its words agree on it, outweighs this.
    rarity: float = 0.0

    @cached_property
    def high_chars(self) -> str:
        """Characters this decoder produces from bytes 0x80-0xFF (alone, for single-byte decoders)."""
        if self.multibyte:
            return ""
        return "".join(ch for b in range(0x80, 0x100) if (ch := _decode1(b, self.codec)) and ord(ch) >= 0x80)

    @cached_property
    def ftfy_knows(self) -> bool:
        """Whether ftfy undoes this decoder (its own list), so that its badness heuristic knows the mojibake."""
        return codecs.lookup(self.codec).name in _FTFY_CODECS

    def char_for(self, byte: int) -> str:
        """What this decoder makes of ``byte`` alone, if it is a character outside ASCII ('' otherwise)."""
        ch = self._singles[byte]
        return ch if ch and ord(ch) >= 0x80 else ""

    def chars_for(self, byte_range: range) -> str:
        """What this decoder makes, outside ASCII, of each byte of ``byte_range`` alone."""
        return "".join(map(self.char_for, byte_range))

    @cached_property
    def _singles(self) -> tuple[str | None, ...]:
        """Each byte alone, decoded (once: the scan's tables ask about the same bytes hundreds of times)."""
        return tuple(_decode1(b, self.codec) for b in range(0x100))

    @cached_property
    def dropped_alone(self) -> frozenset[int]:
        """Bytes the decoder cannot map at all (dropped or replaced whatever follows them)."""
        return frozenset(b for b in range(0x80, 0x100) if _decode1(b, self.codec) is None
                         and all(_decode_pair(b, t, self.codec) is None for t in range(0x40, 0x100)))

    @cached_property
    def lead_bytes(self) -> frozenset[int]:
        """Bytes that start a two-byte character (multi-byte decoders)."""
        if not self.multibyte:
            return frozenset()
        return frozenset(b for b in range(0x80, 0x100)
                         if any(_decode_pair(b, t, self.codec) is not None for t in range(0x40, 0x100)))


_FTFY_CODECS = frozenset(codecs.lookup(name).name for name in CHARMAP_ENCODINGS)


def _decode1(b: int, codec: str) -> str | None:
    try:
        ch = bytes([b]).decode(codec)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 and ch != "\ufffd" else None


def _decode_pair(b: int, t: int, codec: str) -> str | None:
    try:
        ch = bytes([b, t]).decode(codec)
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


def _wd(codec: str, label: str | None = None, multibyte: bool = False, rarity: float = 0.0) -> WrongDecoder:
    codecs.lookup(codec)
    return WrongDecoder(codec, label or codec, multibyte, rarity)


_REGIONAL, _RARE = 0.5, 1.0  # the rarity of the Windows code pages of other regions, and of the rest


# Single-byte decoders that UTF-8 is commonly read with, most common first: when two give the same bytes,
# the first one's name goes into the explanation.
SINGLE_BYTE: tuple[WrongDecoder, ...] = (
    _wd("sloppy-windows-1252", "cp1252"),
    _wd("latin-1"),
    _wd("sloppy-windows-1250", "cp1250", rarity=_REGIONAL),
    _wd("sloppy-windows-1251", "cp1251", rarity=_REGIONAL),
    _wd("sloppy-windows-1253", "cp1253", rarity=_REGIONAL),
    _wd("sloppy-windows-1254", "cp1254", rarity=_REGIONAL),
    _wd("sloppy-windows-1255", "cp1255", rarity=_REGIONAL),
    _wd("sloppy-windows-1256", "cp1256", rarity=_REGIONAL),
    _wd("sloppy-windows-1257", "cp1257", rarity=_REGIONAL),
    _wd("sloppy-windows-1258", "cp1258", rarity=_REGIONAL),
    _wd("sloppy-cp874", "cp874", rarity=_REGIONAL),
    _wd("iso-8859-2", rarity=_RARE),
    _wd("iso-8859-3", rarity=_RARE),
    _wd("iso-8859-4", rarity=_RARE),
    _wd("iso-8859-5", rarity=_RARE),
    _wd("iso-8859-6", rarity=_RARE),
    _wd("iso-8859-7", rarity=_RARE),
    _wd("iso-8859-8", rarity=_RARE),
    _wd("iso-8859-9", rarity=_RARE),
    _wd("iso-8859-10", rarity=_RARE),
    _wd("iso-8859-13", rarity=_RARE),
    _wd("iso-8859-14", rarity=_RARE),
    _wd("iso-8859-15", rarity=_RARE),
    _wd("iso-8859-16", rarity=_RARE),
    _wd("koi8-r", rarity=_RARE),
    _wd("koi8-u", rarity=_RARE),
    _wd("mac-roman", rarity=_RARE),
    _wd("cp437", rarity=_RARE),
    _wd("cp850", rarity=_RARE),
    _wd("cp866", rarity=_RARE),
)

# The decoders whose shapes the clean path's scans look for. Not cp866 (DOS and the Windows console in Russia): it
# writes Cyrillic letters for UTF-8's continuation bytes, as cp874 writes Thai ones, so a scan for its shapes
# would stop in every Russian word. Its mojibake shows otherwise: its box-drawing signs for UTF-8's lead bytes
# glued to those letters (`╨Я╤А╨╕╨▓╨╡╤В`, `caf├й`), its Cyrillic glued to ASCII letters (`ItтАЩs`).
SCANNED: tuple[WrongDecoder, ...] = tuple(wd for wd in SINGLE_BYTE if wd.label != "cp866")

# Multi-byte (CJK) decoders: ftfy does not undo these.
MULTI_BYTE: tuple[WrongDecoder, ...] = (
    _wd("gbk", multibyte=True),
    _wd("gb18030", multibyte=True),
    _wd("big5", multibyte=True),
    _wd("cp950", multibyte=True),
    _wd("big5hkscs", multibyte=True),
    _wd("shift_jis", multibyte=True),
    _wd("cp932", multibyte=True),
    _wd("euc_jp", multibyte=True),
    _wd("euc_kr", multibyte=True),
    _wd("cp949", multibyte=True),
)

WRONG_DECODERS: tuple[WrongDecoder, ...] = SINGLE_BYTE + MULTI_BYTE


def utf8_readings(text: str, decoders: tuple[WrongDecoder, ...] = SINGLE_BYTE) -> Iterator[tuple[WrongDecoder, str]]:
    """``(decoder, reading)`` for each decoder that could have written ``text`` from UTF-8: the text encoded
    back with it decodes as UTF-8 (one round trip in C each)."""
    for wd in decoders:
        try:
            yield wd, text.encode(wd.codec).decode("utf-8")
        except UnicodeError:
            continue

# Legacy encodings a text may really be in, tried when its bytes are not UTF-8. (Where two read a text alike, the
# first names the reading: Western European text is commoner than Central European.)
LEGACY_TRUE: tuple[str, ...] = (
    "gbk", "big5", "shift_jis", "euc_jp", "euc_kr",
    "cp1252", "cp1251", "koi8-r", "koi8-u", "cp1253", "cp1250", "cp1256", "cp1255", "cp1254", "cp1257", "cp874",
    "iso-8859-5", "iso-8859-7", "iso-8859-2", "cp866",
)

# Wrong decoders a legacy text is commonly read with (the browser default, or another legacy codec: a Russian or
# Central European system's own code page, a Russian console's cp866). Not MacRoman: it writes every character
# of cp1252's mojibake, whose bytes it would read back into other mojibake (`éˆ¥` as `Žö´`).
LEGACY_WRONG: tuple[WrongDecoder, ...] = (
    SINGLE_BYTE[0], SINGLE_BYTE[1],
    _wd("cp1251"), _wd("koi8-r"), _wd("cp1250"), _wd("cp866"),
    _wd("gbk", multibyte=True), _wd("big5", multibyte=True), _wd("shift_jis", multibyte=True),
    _wd("euc_kr", multibyte=True),
)


# The legacy CJK encodings among LEGACY_TRUE: a CJK decoder's bytes are read back as one of these only.
MULTIBYTE_TRUE = frozenset({"gbk", "big5", "shift_jis", "euc_jp", "euc_kr"})
# Code pages met on some systems only: DOS's cp866 is read there with the system's own code page (cp1251 on
# Windows, KOI8-R on Unix) and, in a console, reads only those. Another pair with it (cp866 read as cp1252) would
# read any Latin-1 soup, ftfy's hopeless garbles among it, into Cyrillic soup.
_ONLY_WITH: dict[str, frozenset[str]] = {"cp866": frozenset({"cp1251", "koi8-r"})}


def legacy_pair(wd: WrongDecoder, true: str) -> bool:
    """Whether text in the legacy code page ``true`` meets the wrong decoder ``wd`` anywhere: a CJK decoder reads
    CJK text only, and a code page met on some systems only meets theirs (see _ONLY_WITH)."""
    wrong = wd.codec
    return (true != wrong and (not wd.multibyte or true in MULTIBYTE_TRUE)
            and all(other in _ONLY_WITH.get(one, (other,)) for one, other in ((wrong, true), (true, wrong))))


def _punctuation_leads() -> frozenset[str]:
    """What the CJK decoders make of the first two bytes of UTF-8 punctuation (E2 80-83: quotes, dashes, €),
    `鈥` in GBK: with its last byte lost, nothing else is left of a quote."""
    out = set()
    for codec in ("gbk", "gb18030", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949"):
        for b2 in range(0x80, 0x84):
            ch = bytes((0xE2, b2)).decode(codec, "replace")
            if len(ch) == 1 and ch >= "\u2e80" and ch != "\ufffd":
                out.add(ch)
    return frozenset(out)


PUNCTUATION_LEADS = _punctuation_leads()


def _first_levels() -> frozenset[str]:
    """The characters the national standards list as their most frequent: GB 2312 level 1 (3,755 hanzi), Big5's
    frequently used hanzi (5,401), JIS X 0208 level 1 (2,965 kanji), KS X 1001's 2,350 hangul syllables; and the
    symbol rows each puts first (punctuation, full-width forms, kana: `．`, `＠`, `｜`, `【`).

    Statistics of real text, kept by the standards themselves rather than by our small corpora: clean text of
    names and terms our corpora never showed writes them, while UTF-8 read with a CJK decoder lands mostly
    past them (its lead bytes E4-E9 fall in the second levels and in KS X 1001's hanja)."""
    out = set()
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for codec, leads, trails, punctuation in (
            ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF), False),
            ("gb2312", range(0xA1, 0xAA), range(0xA1, 0xFF), True),
            ("big5", range(0xA4, 0xC7), big5_trails, False),
            ("big5", range(0xA1, 0xA4), big5_trails, True),
            ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF), False),
            ("euc_jp", range(0xA1, 0xA9), range(0xA1, 0xFF), True),
            ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF), False),
            ("euc_kr", range(0xA1, 0xAD), range(0xA1, 0xFF), True)):
        for lead in leads:
            for trail in trails:
                ch = bytes((lead, trail)).decode(codec, "ignore")
                # (Of the symbol rows, punctuation and signs only: UTF-8 Japanese read as EUC-KR writes full-width
                # letters and circled ones, `ｃ` for the bytes A3 E3 across two characters, far more than signs.)
                if len(ch) == 1 and (not punctuation or unicodedata.category(ch) in _SIGNS):
                    out.add(ch)
    return frozenset(out)


_SIGNS = frozenset(("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk"))


FIRST_LEVELS = _first_levels()
