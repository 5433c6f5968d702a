"""Whether a text shows damage worth the full repair: the clean path.

:func:`readings.find_suspect` flags any place some wrong decoder could have written, and real text is full of
them: Thai and Ukrainian words hold lead-and-continuation shapes (`ไปท`, `ці`), Korean short words hold rare
syllables, Czech has `šší`. The full repair then spends a millisecond per paragraph to change nothing. This
gate asks for evidence that the damage is real before the repair runs: one regex scan finds the few places
worth a look, and each is judged with codec round trips (C calls); the character model is asked only about
odd letters no codec settles.

Evidence is what a decoder leaves across a word, not one chance shape:

- UTF-8 read with a single-byte decoder: a shape that decoder reads as a common character, in a word whose
  high bytes under it are mostly whole UTF-8 characters (all of them whole or cut short, for a decoder that
  drops bytes);
- UTF-8 (or a legacy CJK text) read with a CJK decoder: a rare CJK character in find_suspect's context, with
  rare ones packed three in four where the model finds them improbable, or a stretch around it that a CJK
  codec reads back as UTF-8, or hardly any other CJK around it, or a line full of the decoder's ``?``; failing
  those, the model finding the characters around it improbable;
- a legacy text read as Latin-1: a run of four of its high letters, two rare Latin-1 letters in two words, or a
  lone odd letter (a run of three, a case-swapped or all-capital Cyrillic word) the model finds improbable;
- replacement characters, C1 controls, and a quotation mark's UTF-8 with its last byte lost, always; a Latin-1
  lead byte before a space (a lost no-break space) where ftfy's badness heuristic flags it.

A text of a word or two outside CJK holds little evidence: it goes to the repair if find_suspect or ftfy's
badness heuristic finds anything odd, and is judged like a paragraph otherwise (a title with `ß` or `»`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ftfy.badness import is_bad

from unmangle.encoding.ascii_marks import has_marks
from unmangle.encoding.codecs import (
    FIRST_LEVELS,
    MULTI_BYTE,
    PUNCTUATION_LEADS,
    SCANNED,
    SINGLE_BYTE,
    WrongDecoder,
    utf8_readings,
)
from unmangle.encoding.lexicon import reads_into_a_word
from unmangle.encoding.lost_bytes import lost_alone_bytes, strict_codec
from unmangle.encoding.model import default_model
from unmangle.encoding.readings import (
    _ANY_CJK,
    _LATIN_LETTER,
    _RARE,
    COMMON,
    CYRILLIC_SIGNS,
    EMOJI,
    EMOJI_LEAD,
    EMOJI_LEAD_CODECS,
    EMOJI_LEADS,
    GREEK_AS_CYRILLIC,
    GREEK_VOWELS_AS_CP1251,
    RARE_LATIN,
    SIGN_GLUE,
    THREE_BYTE_SIGN,
    _common_decoders,
    find_suspect,
    looks_mangled,
    reads_as_common,
    script_of,
    token_around,
)
from unmangle.encoding.utf8 import VALID_MULTIBYTE, WELL_FORMED_OR_ONE_SHORT, count_high, valid_high_bytes

# More than this share of a word's high bytes in whole UTF-8 characters: a word of mojibake is one throughout.
MOSTLY_UTF8 = 0.8
# The same through a CJK decoder, which takes two bytes a character: a short word of real text comes out five
# bytes in six UTF-8 by chance.
MOSTLY_UTF8_CJK = 0.9
IMPROBABLE = -6.0  # mean log-probability a character of an odd place, where real text stays above
IMPROBABLE_CJK = -7.0  # the same around a rare CJK character: characters of a large script say more each
_CJK_HEARD = 4  # characters either side of a rare CJK character that the model hears
_CJK_WINDOW = 8  # characters either side of a rare CJK character that are read back, or counted
# The CJK decoders' supersets: they write the same bytes for the characters they share with the others.
_CJK_CODECS = ("gb18030", "big5hkscs", "cp950", "cp932", "euc_jp", "cp949")
_MAX_WEAK = 8  # weak places the model is asked about, per text
SHORT = 20  # characters: a shorter text goes to the repair on find_suspect's or ftfy's word alone


def _class(chars: Iterable[str]) -> str:
    """A regex character class, written as ranges (the pattern repeats large classes: it compiles faster)."""
    cps = sorted({ord(c) for c in chars})
    parts = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(a if i == j else f"{a}{b}" if j == i + 1 else f"{a}-{b}")
        i = j + 1
    return "[" + "".join(parts) + "]"


def _chars(decoders: Iterable[WrongDecoder], first: int, last: int) -> set[str]:
    return {c for wd in decoders for c in wd.chars_for(range(first, last + 1))}


# --- the scan --------------------------------------------------------------------------------------------------

_CONT = _chars(SCANNED, 0x80, 0xBF)
_E2, _X80 = _chars(SCANNED, 0xE2, 0xE2), _chars(SCANNED, 0x80, 0x80)
_LATIN1_HIGH = set(SINGLE_BYTE[0].high_chars)
_MARKS = set(map(chr, range(0x80, 0xA0))) | {"\ufffd"}
_CAPS = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_CYRILLIC = "\u0400-\u04ff"  # (as a range inside a class)
_BOX = "\u2500-\u257f"
_BOX_SIGNS = {chr(c) for c in range(0x2500, 0x2580)}
_RARE_CJK = re.compile(_RARE)
_CJK = re.compile(_ANY_CJK)
_CJK_RUN = re.compile(_ANY_CJK + "*")
_CJK_RUNS = re.compile(_ANY_CJK + "+")


def _count_cjk(text: str, start: int = 0, end: int = 1 << 62) -> int:
    """The CJK characters in ``text[start:end]``, counted by the run (a list of every character of a page
    of Chinese cost most of the gate's time on it)."""
    return sum(map(len, _CJK_RUNS.findall(text, start, end)))


def _is_cjk(ch: str) -> bool:
    """``_ANY_CJK`` as comparisons: the scan's rare characters are looked at one by one, in Python."""
    return ("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\ue000" <= ch <= "\ufaff"
            or "\uff00" <= ch <= "\uffef")


def is_rare_cjk(ch: str) -> bool:
    """A CJK character our corpora rarely show and no national standard counts among its commonest."""
    return _is_cjk(ch) and ch not in COMMON and ch not in FIRST_LEVELS


def _utf8_latin_in_cjk() -> set[str]:
    """CJK letters that a CJK decoder makes of one common two-byte UTF-8 character (EUC-KR `체` is `ü`): the
    only CJK letters that say anything when glued to a Latin word."""
    out = set()
    for b1 in range(0xC2, 0xE0):
        for b2 in range(0x80, 0xC0):
            if bytes([b1, b2]).decode("utf-8") not in COMMON:
                continue
            for wd in MULTI_BYTE:
                try:
                    ch = bytes([b1, b2]).decode(wd.codec)
                except UnicodeDecodeError:
                    continue
                if len(ch) == 1 and ("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff"
                                     or "\uac00" <= ch <= "\ud7af"):
                    out.add(ch)
    return out


_LATIN_CJK = _utf8_latin_in_cjk()


def _utf8_window(decoders: Iterable[WrongDecoder]) -> str:
    """A lead and its continuations under the single-byte ``decoders`` (the anchor is the last one), between
    neighbours that are not stray high bytes: the edge of the word, or whole sequences; lead and continuations
    under one decoder, and, for two bytes, the UTF-8 of a character real text commonly uses (the classes below
    are every decoder's: `«` is a lead in MacRoman, a no-break space a continuation in Latin-1, and French writes
    `«\u00a0` in every quotation)."""
    decoders = tuple(decoders)
    high, cont = _class(_chars(decoders, 0x80, 0xFF)), _class(_chars(decoders, 0x80, 0xBF))
    lead2, lead3 = _class(_chars(decoders, 0xC2, 0xDF)), _class(_chars(decoders, 0xE0, 0xEF))
    ends = (f"{lead2}{cont}", f"{lead3}{cont}{cont}")

    def before(width: str) -> str:
        return "(?:" + "|".join([f"(?<!{high}{width})", *(f"(?<={e}{width})" for e in ends)]) + ")"

    after = f"(?:(?!{high})|(?={lead2}{cont}|{lead3}{cont}{cont}))"
    # (The exact shapes last, where the classes above have turned most anchors away (`і` after a Ukrainian
    # letter: asked first, they cost Ukrainian 1.5x); each kind one look-behind, whose alternatives start with a
    # character the engine compares before it enters them, not an alternation of look-behinds it enters each.)
    triples = "|".join(dict.fromkeys(_one_decoders_triple(wd) for wd in decoders))
    return (f"(?:(?<={lead2}{cont}){before('..')}|(?<={lead3}{cont}{cont}){before('...')}){after}"
            f"(?:(?<={_common_pairs(decoders)})|(?<={triples}))")


def _emoji_window() -> str:
    """An emoji's four bytes under a single-byte decoder ending here (`đź‘Ť` is cp1250's `👍`): the scan's
    windows are two and three bytes wide, and a Central European or Turkish code page writes F0 9F as two
    letters of its own (`đź`, `ğŸ`), where no other sign shows. Three, where the decoder drops a byte an emoji
    may hold (cp1250 drops the 0x98 of every smiley, `😍` is `đź` and `Ť`). One look-behind of two classes
    finds the place; :func:`_emoji_at` asks the decoders whose pair it is."""
    leads = _class(lead[0] for lead in EMOJI_LEADS) + _class(lead[1] for lead in EMOJI_LEADS)
    return f"(?<={leads}..)|(?<={leads}.)"


def _emoji_at(text: str, pos: int) -> bool:
    """Whether the characters ending at ``pos`` are an emoji's UTF-8 read with a single-byte decoder: four from
    F0 9F (`đź‘Ť`), or three with a byte the decoder drops put back; or three from E2, a dingbat's or a symbol's
    (`âś…` is cp1250's `✅`), which ``_single_byte_evidence`` takes for no common character."""
    for width in (4, 3):
        codecs = EMOJI_LEADS.get(text[pos - width + 1:pos - width + 3]) if pos >= width - 1 else None
        if codecs and reads_as_emoji(text[pos - width + 1:pos + 1], codecs):
            return True
    return pos >= 2 and reads_as_emoji(text[pos - 2:pos + 1], _E2_CODECS.get(text[pos - 2], ()))


def reads_as_emoji(shape: str, codecs: Iterable[str]) -> bool:
    """Whether ``shape`` is an emoji's UTF-8 read with one of ``codecs``, whole or but for one byte the codec drops
    (cp1251 drops 0x98: `рџЌ` is `😍`, F0 9F [98] 8D)."""
    for codec in codecs:
        try:
            data = shape.encode(codec)
        except UnicodeError:
            continue
        tries = [data]
        if len(data) == 3 and data.startswith(b"\xf0\x9f"):
            tries += [data[:k] + bytes([b]) + data[k:] for b in lost_alone_bytes(codec) if b < 0xC0 for k in (2, 3)]
        for one in tries:
            try:
                if one.decode("utf-8") in EMOJI:
                    return True
            except UnicodeDecodeError:
                continue
    return False


def _lead_codecs(byte: int) -> dict[str, tuple[str, ...]]:
    """What each scanned decoder writes for ``byte``, with the codecs that write it."""
    out: dict[str, list[str]] = {}
    for wd in SCANNED:
        if ch := wd.char_for(byte):
            out.setdefault(ch, []).append(wd.codec)
    return {ch: tuple(codecs) for ch, codecs in out.items()}


_E2_CODECS = _lead_codecs(0xE2)


def _common_pairs(decoders: tuple[WrongDecoder, ...]) -> str:
    """A lead and a continuation ending here that one of ``decoders`` wrote for the UTF-8 of a character real
    text commonly uses (the evidence :func:`_single_byte_evidence` asks for; `’é` is MacRoman's Armenian `Վ`,
    and French writes it in every `l’État`)."""
    common = [[reads_as_common(bytes([b1, b2]).decode("utf-8")) for b2 in range(0x80, 0xC0)]
              for b1 in range(0xC2, 0xE0)]
    by_lead: dict[str, set[str]] = {}
    for wd in decoders:
        conts = [wd.char_for(b2) for b2 in range(0x80, 0xC0)]
        for b1, row in zip(range(0xC2, 0xE0), common, strict=True):
            if lead := wd.char_for(b1):
                by_lead.setdefault(lead, set()).update(c for c, ok in zip(conts, row, strict=True) if c and ok)
    return "|".join(f"{re.escape(lead)}{_class(conts)}" for lead, conts in sorted(by_lead.items()) if conts)


def _one_decoders_triple(wd: WrongDecoder) -> str:
    """A lead and two continuations ending here, all three under ``wd``."""
    cont = _class(_chars((wd,), 0x80, 0xBF))
    return f"{_class(_chars((wd,), 0xE0, 0xEF))}{cont}{cont}"


def _latin_cjk_glued() -> str:
    """A CJK letter that is a Latin letter's UTF-8 glued to a Latin word (find_suspect's mixed rule)."""
    glued = _class(_LATIN_CJK)
    return (f"(?<={glued})(?:(?<={_LATIN_LETTER}.)(?=[A-Za-z\u00c0-\u024f\\s.,;:!?)'\"]|$)"
            f"|(?<![\u3040-\u9fff\uac00-\ud7af].)(?={_LATIN_LETTER}[a-z\u00c0-\u024f]))")


def _not_settled_cjk() -> str:
    """Not a CJK character outside our corpora's common ones that :func:`_strong` settles as clean from its
    neighbours alone: between common CJK characters, in a run of five or more (a name or a word of running
    Chinese, `札木合`, `被水淹没`), or a first-level letter beside another CJK character. Most stops in CJK
    text were such; the scan now passes them in C. (A hanzi of a national standard's first level was also
    where Korean read as a Chinese codec showed, which :func:`_korean_read_as_cjk` asks of the whole text;
    that text has short runs, Korean's words, where the scan still stops.)"""
    common = _class(c for c in COMMON | FIRST_LEVELS if _is_cjk(c))
    cjk = _ANY_CJK
    run = f"(?={cjk}{cjk}{cjk})|(?<={cjk}..)(?={cjk}{cjk})|(?<={cjk}{cjk}..)"
    # A first-level letter that is no hanzi (a Korean syllable, a kana) says something only alone among other
    # text: beside another CJK character it is a word's (`숟갈도`), whatever the run.
    first_other = _class(c for c in FIRST_LEVELS - COMMON - PUNCTUATION_LEADS - _LATIN_CJK
                         if _is_cjk(c) and not "\u4e00" <= c <= "\u9fff" and not "\ue000" <= c <= "\uf8ff")
    return f"(?!(?<={common}.)(?={common})(?:{run})|(?<={first_other})(?:(?<={cjk}.)|(?={cjk})))"


def _no_break_leads() -> frozenset[str]:
    """What Latin-1 makes of a UTF-8 lead byte whose letter ends in 0xA0 (`Ã` of `à`): the decoder made that
    byte a no-break space, a scraper a plain one, and `voilÃ  le` is all that is left of `voilà le`. Only letters
    real text commonly uses (`ß` is the lead of NKo `ߠ`, and German writes `daß ` in every other paragraph)."""
    return frozenset(bytes([b]).decode("latin-1") for b in range(0xC2, 0xE0)
                     if (letter := bytes([b, 0xA0]).decode()).isalpha() and reads_as_common(letter))


_NBSP_LEADS = _no_break_leads()


def _evidence_pattern(decoders: tuple[WrongDecoder, ...] = SCANNED, thai: bool = False,
                      ascii_thai: bool = False, cyrillic: bool = False, box_glue: bool = False) -> re.Pattern[str]:
    """One scan for every place that may hold evidence, anchored on one character class so that the engine
    skips the rest in its C loop. It only has to find the places: each is then judged in full. With ``thai``,
    it also stops at the first Thai letter, where the text is asked how to go on (see ``SCAN``); with
    ``ascii_thai``, at an ASCII letter next to a Thai one (the rare ASCII is the anchor); with ``cyrillic``, at
    the first Cyrillic letter (see :func:`cyrillic_glued`); with ``box_glue``, at a box-drawing sign touching a
    Cyrillic letter (see ``_AFTER_CYRILLIC``)."""
    latin1_high = _class(_LATIN1_HIGH)
    legacy = (f"(?<={_class(_E2 | _LATIN1_HIGH | _CAPS)}.)"
              f"(?:(?<={_class(_E2)}{_class(_X80)})|(?<={latin1_high}{latin1_high}.)|(?<=[а-яёА-ЯЁ][А-ЯЁ].))")
    paired = rf"(?<=[^\x00-\x7f].)(?:{_utf8_window(decoders)}|{legacy}|{_emoji_window()})"
    lone_chars = set(_MARKS) | RARE_LATIN
    paired_anchors = _chars(decoders, 0x80, 0xBF) | _X80 | _LATIN1_HIGH | _CAPS
    others = _class(paired_anchors | lone_chars | {c for c in _LATIN_CJK if not _RARE_CJK.match(c)})
    # (An anchor that is none of the others is a rare CJK character: the huge class is written once.)
    not_rare = others[:-1] + ("A-Za-z]" if ascii_thai else "]")
    glued = _class(_LATIN_CJK)
    lone = (f"(?<!{_class(paired_anchors - lone_chars - _LATIN_CJK)})"
            f"(?:(?<={_class(lone_chars)})|(?<!{not_rare}){_not_settled_cjk()}|{_latin_cjk_glued()}"
            f"|(?<={glued}{glued}{glued}))")
    lost_nbsp = f"(?<={_class(_NBSP_LEADS)})(?= )"
    anchors = (others[:-1] + _RARE[1:-1] + ("\u0e01-\u0e5b" if thai else "") + (_CYRILLIC if cyrillic else "")
               + (_BOX if box_glue else "") + ("A-Za-z]" if ascii_thai else "]"))
    first = ("(?<=[\u0e01-\u0e5b])|" if thai else "") + (f"(?<=[{_CYRILLIC}])|" if cyrillic else "")
    if box_glue:
        first = (f"(?<=[{_BOX}])(?:(?<=[{_CYRILLIC}].)|(?=[{_CYRILLIC}]))|(?<={GREEK_AS_CYRILLIC.pattern})|"
                 f"(?<=[{_CYRILLIC}]{_class(CYRILLIC_SIGNS)})(?=[{_CYRILLIC}])|" + first)
    if ascii_thai:
        first += "(?<=[A-Za-z])(?:(?<=[\u0e01-\u0e5b].)|(?=[\u0e01-\u0e5b]))|"
    # Most stops are a letter like `é` after one that no paired place can follow (ASCII, or `α` before `π`):
    # there only the lone and no-break-space places could match, and one look-behind settles that before the
    # alternatives are tried.
    can_precede = (_chars(decoders, 0xC2, 0xDF) | _chars(decoders, 0x80, 0xBF) | _E2 | _LATIN1_HIGH | _CAPS)
    # (With ``cyrillic``, a Cyrillic letter always stops, and with ``box_glue`` a box-drawing sign may: neither is
    # one of the paired anchors here.)
    always = (({chr(c) for c in range(0x400, 0x500)} if cyrillic else set())
              | (_BOX_SIGNS | set(GREEK_VOWELS_AS_CP1251) | set(CYRILLIC_SIGNS) if box_glue else set()))
    only_paired = paired_anchors - lone_chars - _LATIN_CJK - _NBSP_LEADS - always
    plain = f"(?<![^{_class(can_precede)[1:]}{_class(only_paired)})"
    return re.compile(f"(?s){anchors}{plain}(?:{first}{paired}|{lone}|{lost_nbsp})")


# Real Thai is full of shapes that cp874 reads as UTF-8 (its letters are the code page's continuation bytes): a
# scan with cp874's shapes would stop at most of its letters. The first scan leaves cp874 out and stops at the
# first Thai letter instead (UTF-8 read with cp874 is Thai letters throughout); there the text is asked whether it
# is UTF-8 read with cp874 (real Thai is at most 71% whole UTF-8 under cp874, mojibake all of it): if so, the rest
# is scanned with cp874's shapes, else without them.
_NOT_CP874 = tuple(wd for wd in SCANNED if wd.label != "cp874")
_FIRST_SCAN = _evidence_pattern(_NOT_CP874, thai=True, cyrillic=True)
# The first scan once the text's first Cyrillic letters were asked and write Cyrillic (they are not glued to
# ASCII letters): every Russian paragraph stops the first scan once, at its first letter, and goes on in this one.
# It also stops at a box-drawing sign touching a Cyrillic letter: KOI8-U read as KOI8-R (`Укра╖ни`, `Ки╖в`) turns
# Ukrainian's own letters into such signs, and the sign is rare enough in any text to be an anchor for free; and
# at Greek's accented vowels read with cp1251, capitals the scan visits anyway.
_AFTER_CYRILLIC = _evidence_pattern(_NOT_CP874, thai=True, box_glue=True)
# The scan as a bound method (no Python frame of ours between the caller and the regex engine).
SCAN = _FIRST_SCAN.search
CP874_SHARE = 0.6
# Characters from the first Thai letter that are asked: the share over 64 peaks where the whole paragraph's does
# (71%, a short paragraph of Thai and English) on all 1,687 Thai paragraphs of the corpora.
_CP874_WINDOW = 64
# A Thai vowel or tone mark followed by a letter of the upper half of cp874: in UTF-8 read with cp874 the mark is a
# lead byte and what follows it a continuation byte (ก-ฟ or punctuation), never such a letter; real Thai writes
# the pair in nearly every word (`แล้ว`). Seen, the text is real Thai without counting bytes.
_REAL_THAI = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e][\u0e20-\u0e5b]")
# Real Thai, scanned without cp874's shapes but stopping where an ASCII letter touches a Thai one: Latin text read
# with cp874 inside real Thai keeps its ASCII letters next to the Thai ones (`He said cafรฉ`).


@lru_cache(maxsize=1)
def _thai_scans() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The scans with cp874's shapes, and for real Thai (see above): compiled when a text first holds Thai,
    not at import (each is a large pattern, and most processes never see Thai)."""
    return _evidence_pattern(), _evidence_pattern(_NOT_CP874, ascii_thai=True)


def clean_thai(text: str, at: int) -> bool:
    """Whether ``text``, whose first place the scan stops at is the Thai letter at ``at``, is real Thai with no
    place further on: what :func:`_evidence` concludes there, asked in two scans without its loop (every Thai
    paragraph stops the first scan, and most are clean)."""
    if _REAL_THAI.search(text, at, at + _CP874_WINDOW) is None:
        return False  # (the window may still be real Thai: _evidence counts its bytes)
    return _thai_scans()[1].search(text, max(0, at - 1)) is None


# Western or Central European text read with cp1251 or KOI8-R turns every accented letter Cyrillic inside ASCII
# words (`cafй`, `Zьrich`, `Pшнliљ`), which no scan for UTF-8's shapes sees. A Cyrillic run glued to an ASCII
# letter is such a word; a run of three not glued is a word of Cyrillic (Russian's one- and two-letter words,
# `в`, `на`, are passed over, and so is the `а` that French `à` turns into). The first few runs decide.
_CYRILLIC_RUN = re.compile(f"[{_CYRILLIC}]+")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_GLUE_RUNS = 4
_CYRILLIC_WORD = 3


def cyrillic_glued(text: str, at: int) -> bool:
    """Whether the first Cyrillic runs of ``text`` from ``at`` (its first Cyrillic letter the scan stopped at)
    are glued to ASCII letters (or lead an emoji's bytes), before a run shows that the text writes Cyrillic."""
    while at and "\u0400" <= text[at - 1] <= "\u04ff":
        at -= 1  # (the scan may stop inside a run: after a letter that is also a code page's sign)
    for n, m in enumerate(_CYRILLIC_RUN.finditer(text, at)):
        a, b = m.span()
        if text[a - 1:a] in _ASCII_LETTERS or text[b:b + 1] in _ASCII_LETTERS or _emoji_shape(text, a, b):
            return True
        if b - a >= _CYRILLIC_WORD or n + 1 == _GLUE_RUNS:
            return False
    return False


# The common case in one match: a word of Cyrillic within the first runs, and none of them glued (`В 2019 году`).
_CYRILLIC_WORD_AT = re.compile(
    f"(?<![A-Za-z])(?:[{_CYRILLIC}]{{1,{_CYRILLIC_WORD - 1}}}+(?![A-Za-z])[^{_CYRILLIC}]+(?<![A-Za-z]))"
    f"{{0,{_GLUE_RUNS - 1}}}[{_CYRILLIC}]{{{_CYRILLIC_WORD},}}+(?![A-Za-z])")


def cyrillic_evidence(text: str, at: int) -> bool:
    """Whether the text's first Cyrillic letters, at ``at``, are evidence: not a word of Cyrillic glued to nothing
    within the first runs (one match, the common case), and glued to ASCII letters or leading an emoji's bytes
    (:func:`cyrillic_glued`). The one question the clean path and the gate both ask."""
    return _CYRILLIC_WORD_AT.match(text, at) is None and cyrillic_glued(text, at)


def _emoji_shape(text: str, a: int, b: int) -> bool:
    """Whether the Cyrillic run ``text[a:b]`` holds the lead of an emoji's four bytes of UTF-8 under cp1251 or
    KOI8-R (`рџ‘Ќ` is `👍`, `П÷≤─` is `😀`; `рџЌ` is `😍` whose 0x98 cp1251 dropped): a Latin text whose only
    damage is one emoji shows no other sign."""
    lead = EMOJI_LEAD.search(text, a, b + 1)
    if lead is None:
        return False
    at = lead.start()
    return reads_as_emoji(text[at:at + 4], EMOJI_LEAD_CODECS) or reads_as_emoji(text[at:at + 3], EMOJI_LEAD_CODECS)


def _box_glued(text: str, at: int) -> bool:
    """Whether the box-drawing sign at ``at`` touches a Cyrillic letter, as KOI8-R writes Ukrainian's `і ї є ґ`
    (a table drawn around Cyrillic words, `║Имя║`, is sent to the repair too, which reads nothing into it)."""
    return "\u0400" <= text[at - 1:at] <= "\u04ff" or "\u0400" <= text[at + 1:at + 2] <= "\u04ff"


def past_cyrillic(text: str, first: re.Match[str]) -> re.Match[str] | None:
    """Where the scan goes on in ``text``, whose first place ``first`` is its first Cyrillic letter: that
    letter again if the text's first Cyrillic runs are glued to ASCII letters (evidence), else the next place
    of a scan that no longer stops at Cyrillic, or None (every Cyrillic paragraph stops the first scan, and
    most are clean). :func:`judge` given either goes on as from the start."""
    at = first.start()
    return first if cyrillic_evidence(text, at) else _AFTER_CYRILLIC.search(text, at)


# --- judging each place ----------------------------------------------------------------------------------------

_DENSE_RARE = 3  # rare CJK characters in four: what a CJK decoder makes of bytes that are not its encoding
_QUESTION_IN_WIDE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]\?"
                               r"|\?[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# Inside a Latin word, at its end or at its start; not between two words (a particle, `MengaがConnor`).
_GLUED = re.compile(f"{_LATIN_LETTER}{_class(_LATIN_CJK)}(?=[a-z\u00df-\u024f\\s.,;:!?)'\"]|$)"
                    f"|(?<![^\\W\\d_]){_class(_LATIN_CJK)}{_LATIN_LETTER}[a-z\u00c0-\u024f]")
_CYRILLIC_CASE = re.compile("[а-яё][А-ЯЁ]{2}")
_CYRILLIC_CAPS = re.compile("[А-ЯЁ]{5}")  # KOI8-R and cp1251 read as each other write lower case in capitals
_ASCII_LETTER = re.compile("[A-Za-z]")
_WORD = re.compile(r"\w*")


def _utf8_share(data: bytes, lossy: bool = False) -> float:
    """The share of the high bytes of ``data`` that form whole UTF-8 characters (0 if there are none); for a
    ``lossy`` decoder, one that drops bytes it cannot map, also those of characters short of one byte (Ukrainian
    `Вікіпедії` under cp1251, which drops 0x98, is `³` and leads cut short of one byte or two: one is a
    chance shape, two a decoder's rare whim)."""
    high = count_high(data)
    whole = WELL_FORMED_OR_ONE_SHORT if lossy else VALID_MULTIBYTE
    return 1.0 - count_high(whole.sub(b"", data)) / high if high else 0.0


def _single_byte_evidence(text: str, pos: int, places: _Places) -> bool:
    """A shape ending at ``pos`` that one decoder reads as a common character, in a word that is mostly UTF-8
    under that decoder (characters the decoder cannot have written count as ASCII); or, for a decoder that
    drops bytes, a word whose high bytes all belong to UTF-8 characters, whole or cut short.

    A word that reads back as one character, in a word ftfy's badness heuristic sees nothing wrong with
    (`unité\xa0»` is `unit頻`, `Рі` is `г`), is a weak place: the repair would want other words to agree."""
    lone = False
    start, end = token_around(text, pos)
    asked = set()  # (the Latin code pages spell most words alike: each spelling asked once)
    for width in (3, 2):
        if pos + 1 < width:
            continue
        shape = text[pos + 1 - width:pos + 1]
        for codec in _common_decoders(shape):
            data = text[start:end].encode(codec, "replace")
            if (data, codec in _LOSSY) in asked:
                continue
            asked.add((data, codec in _LOSSY))
            mostly = _utf8_share(data) > MOSTLY_UTF8 or (codec in _LOSSY and _utf8_share(data, lossy=True) == 1.0)
            if mostly and _plausible_reading(shape, codec, data):
                if _one_character(data) and not looks_mangled(text[start:end]) and not (
                        width == 3 and THREE_BYTE_SIGN.fullmatch(shape.encode(codec).decode("utf-8"))):
                    # (Not a sign's three bytes, `â„¢`: see THREE_BYTE_SIGN.)
                    lone = True
                    continue
                return True
    if lone:
        places.weak.append((pos, 2, IMPROBABLE))
        return False
    return _other_script_token(text, pos)


def _other_script_token(text: str, pos: int) -> bool:
    """A token of a non-Latin script that a single-byte decoder reads back, whole, as UTF-8 of common letters
    (Hindi read with cp1253 is Greek soup, `ΰ¤¶ΰ¤Ήΰ¤°`). Each shape alone is a chance shape of real text and is
    no evidence (a Greek shape into Devanagari); a whole word of real Greek or Cyrillic is mostly lead bytes
    under its code page, and never reads back so."""
    if pos < 1 or not (text[pos - 1] in _NON_LATIN_LEADS or (pos > 1 and text[pos - 2] in _NON_LATIN_LEADS)):
        return False  # (the usual case, Latin text's own letters: decided without a slice or a call)
    decoders = _reads_as_other_script(text[max(0, pos - 2):pos + 1]) + _reads_as_other_script(text[pos - 1:pos + 1])
    if not decoders:
        return False
    start, end = token_around(text, pos)
    for _wd, decoded in utf8_readings(text[start:end], decoders):
        letters = [ch for ch in decoded if ch >= "\x80"]
        if (len(set(letters)) >= 2 and all(ch in COMMON for ch in letters)
                and len({script_of(ch) for ch in letters}) == 1):
            return True  # (two common letters of one script: `віці` is KOI8-U for Hebrew and Latin, `צæ`)
    return False


# What single-byte decoders make of UTF-8 lead bytes, where that is a letter of a script other than Latin.
_NON_LATIN_LEADS = frozenset(c for c in _chars(SCANNED, 0xC2, 0xEF) if script_of(c) not in ("", "Latin"))


def _byte_masks(first: int, last: int) -> dict[str, int]:
    """For each character, the single-byte decoders (bits, in ``SINGLE_BYTE``'s order) that write it for a
    byte in ``first..last``."""
    masks: dict[str, int] = {}
    for bit, wd in enumerate(SINGLE_BYTE):
        for ch in wd.chars_for(range(first, last + 1)):
            masks[ch] = masks.get(ch, 0) | 1 << bit
    return masks


# (A shape is one character's UTF-8 under a decoder only if that decoder wrote its first character for a lead
# byte and the others for continuation bytes: the decoders worth a round trip, found with three lookups.)
_LEAD_MASKS = {2: _byte_masks(0xC2, 0xDF), 3: _byte_masks(0xE0, 0xEF)}
_CONT_MASK = _byte_masks(0x80, 0xBF)


@lru_cache(maxsize=4096)
def _reads_as_other_script(shape: str) -> tuple[WrongDecoder, ...]:
    """The single-byte decoders that make a non-Latin ``shape`` of one common character's UTF-8 in another
    non-Latin script (the shapes :func:`_common_decoders` leaves out)."""
    script = script_of(shape)
    if script in ("", "Latin") or len(shape) not in _LEAD_MASKS:
        return ()
    mask = _LEAD_MASKS[len(shape)].get(shape[0], 0)
    for ch in shape[1:]:
        mask &= _CONT_MASK.get(ch, 0)
    if not mask:
        return ()
    decoders = tuple(wd for bit, wd in enumerate(SINGLE_BYTE) if mask >> bit & 1)
    return tuple(wd for wd, ch in utf8_readings(shape, decoders)
                 if ch in COMMON and script_of(ch) not in ("", "Latin", script))


def _one_character(data: bytes) -> bool:
    """Whether the UTF-8 characters in ``data`` are all one character."""
    return len({ch for ch in data.decode("utf-8", "ignore") if ch >= "\x80"}) < 2


def _lossy_decoders() -> frozenset[str]:
    """Single-byte decoders whose strict form (browsers', Python's cp125x) drops continuation bytes."""
    return frozenset(wd.codec for wd in SINGLE_BYTE
                     if any(not bytes([b]).decode(strict_codec(wd.codec), "ignore") for b in range(0x80, 0xC0)))


_LOSSY = _lossy_decoders()


def _plausible_reading(shape: str, codec: str, data: bytes) -> bool:
    """A word of another script read back as Latin must say more than one letter, all of them Latin, or keep
    ASCII letters: UTF-8 Vietnamese or French read through a Cyrillic code page gives `Д‘ГЈ` (`đã`) or
    `cafГ©`, while a Ukrainian word like `ці` is KOI8-U for a lone `æ`, and `віці` for `צæ`."""
    if script_of(shape) in ("", "Latin") or script_of(shape.encode(codec).decode("utf-8")) != "Latin":
        return True
    if _ASCII_LETTER.search(data.decode("ascii", "ignore")):
        return True
    letters = [ch for ch in data.decode("utf-8", "ignore") if ch >= "\x80" and ch.isalpha()]
    return len(letters) >= 2 and all(script_of(ch) == "Latin" for ch in letters)


def _rare_in_context(text: str, pos: int) -> bool:
    """find_suspect's context for a rare CJK character: another rare one, or something that is neither CJK
    nor a space, next to it; or a run of CJK of at most four around it."""
    for near in text[max(0, pos - 1):pos] + text[pos + 1:pos + 2]:
        if is_rare_cjk(near) or not (_is_cjk(near) or near.isspace()):
            return True
    before = 0
    while before < 4 and pos - before > 0 and _is_cjk(text[pos - before - 1]):
        before += 1
    return before + _CJK_RUN.match(text, pos, pos + 5 - before).end() - pos <= 4


def _cjk_evidence(text: str, pos: int) -> bool:
    """Rare CJK characters packed together, a stretch around ``pos`` that some CJK codec reads back as mostly
    UTF-8, a line that is hardly CJK otherwise, or a line whose wide characters are studded with a decoder's
    ``?``."""
    first = max(0, pos - 3)
    rare = [is_rare_cjk(ch) for ch in text[first:pos + 4]]
    for start in range(max(1, len(rare) - 3)):
        if sum(rare[start:start + 4]) >= _DENSE_RARE and _improbable(text, first + start, 4):
            return True  # (a word of rare characters, `霹雳`, is probable where it stands)
    start, end = token_around(text, pos)
    piece = text[max(start, pos - _CJK_WINDOW):min(end, pos + _CJK_WINDOW + 1)]
    # (A character alone between spaces is two bytes, which form a UTF-8 character by chance.)
    if len(piece) > 1 and _cjk_utf8_share(piece) > MOSTLY_UTF8_CJK:
        return True
    if _hardly_cjk_around(text, pos):  # a decoder's trace among other text (`鈥`)
        return True
    if "?" not in text:
        return False
    line_start, line_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    line = text[line_start:] if line_end < 0 else text[line_start:line_end]
    asked = len(_QUESTION_IN_WIDE.findall(line))
    return asked >= 2 and 12 * asked >= len(line)


# A run of full-width Latin letters, digits and signs: Japanese and Chinese write names and acronyms so
# (`＠ＤＩＭＥ`, a magazine); a CJK decoder makes one here and there, never a word of them.
_FULL_WIDTH_RUN = re.compile("[\uff01-\uff5e]{3,}")


_SPACED_HAN = re.compile("[\u4e00-\u9fff] (?=[\u4e00-\u9fff])")
_HANGUL = re.compile("[\uac00-\ud7af]+")
KOREAN_SPACING = 8  # Han characters per space between two of them, at most: Korean words are two to five syllables
KOREAN_SHARE = 0.8  # of the characters outside ASCII that must read back as hangul


def _korean_read_as_cjk(text: str) -> bool:
    """Korean in EUC-KR read with a Chinese or Japanese codec is first-level hanzi throughout, common characters
    in an order no language has; but it keeps Korean's spaces between words, which Chinese and Japanese do not
    write, and its bytes read back as hangul. (Both are asked in C: a regex count, then one round trip.)"""
    spaces = len(_SPACED_HAN.findall(text))
    if spaces < 3 or KOREAN_SPACING * spaces < _count_cjk(text):
        return False
    high = len(text) - len(text.encode("ascii", "ignore"))  # (the characters outside ASCII, counted in C)
    for codec in ("gbk", "big5", "shift_jis", "euc_jp"):
        try:
            korean = text.encode(codec).decode("euc_kr", "replace")
        except UnicodeEncodeError:
            continue
        if sum(map(len, _HANGUL.findall(korean))) >= KOREAN_SHARE * high:
            return True
    return False


def _hardly_cjk_around(text: str, pos: int) -> bool:
    """Whether the CJK character at ``pos`` has hardly any other CJK around it."""
    around = text[max(0, pos - _CJK_WINDOW):pos + _CJK_WINDOW + 1]
    return 5 * (_count_cjk(around) - 1) <= len(around) - 1


def _cjk_text(text: str) -> bool:
    """Whether ``text`` is written in CJK: its CJK characters are a third of it or more."""
    return 3 * _count_cjk(text) >= len(text)


def _alone_cjk(text: str, pos: int) -> bool:
    """Whether the CJK character at ``pos`` is the only one around it."""
    return _count_cjk(text, max(0, pos - _CJK_WINDOW), pos + _CJK_WINDOW + 1) == 1


def _letters_under_cjk(text: str, one_script: bool = False) -> bool:
    """Whether GBK wrote ``text`` for the UTF-8 of a word of another script's common letters (a word alone,
    `Москва` read as GBK is `袦芯褋泻胁邪`: the scan passes such a run, common characters around rare ones, and a
    longer text shows the decoder elsewhere). (GBK alone: the other CJK codecs cannot map a Cyrillic or Greek
    letter's second byte, and every short CJK title pays for this question.)"""
    try:
        decoded = text.encode("gb18030").decode("utf-8")
    except UnicodeError:
        return False
    letters = [c for c in decoded if c >= "\x80" and c.isalpha()]
    return (len(letters) >= 3 and not any(map(_is_cjk, letters)) and all(map(reads_as_common, letters))
            and (not one_script or len(set(map(script_of, letters))) == 1))


_LETTERS_RUN = re.compile(_class(_LATIN_CJK) + "+")
_LETTERS_RUN_BACK = re.compile(_class(_LATIN_CJK) + "+$")


def _letters_run_under_cjk(text: str, pos: int) -> bool:
    """Whether the run of such CJK letters through ``pos`` (three or more, where the scan stops) is GBK's reading
    of the UTF-8 of common letters of one other script (:func:`_letters_under_cjk`, asked of the run): a word of
    Greek or Bulgarian through GBK (`袟邪锌邪写薪邪` is `Западна`) is common characters throughout, which the scan
    passes, and a sentence of it is too long for the short text's own question. Real Chinese writes three such
    characters together in one paragraph in a hundred, and they read back as no word."""
    start = _LETTERS_RUN_BACK.search(text, max(0, pos - 64), pos + 1)
    run = text[start.start() if start else pos:_LETTERS_RUN.match(text, pos).end()]
    return _letters_under_cjk(run, one_script=True)


def _cjk_utf8_share(piece: str) -> float:
    """The best :func:`_utf8_share` of ``piece`` under a CJK codec that can have written all of it."""
    best, marks = 0.0, piece.count("?")
    for codec in _CJK_CODECS:
        data = piece.encode(codec, "replace")  # (cheaper than catching the error)
        if data.count(b"?") == marks:
            best = max(best, _utf8_share(data))
    return best


def _improbable(text: str, pos: int, width: int = 2, odd: float = IMPROBABLE) -> bool:
    """Whether the character model finds ``text[pos:pos + width]`` improbable: below ``odd`` a character, on
    average."""
    model = default_model()
    positions = range(pos, min(pos + width, len(text)))
    return sum(model.logprob_at(text, i) for i in positions) / len(positions) < odd


class _Places:
    """What a text shows, gathered place by place: strong signs decide at once; weak ones (an odd letter, a
    rare CJK character that no codec settles) are kept, each with the stretch the model is asked about."""

    __slots__ = ("defer_rare", "korean", "rare_at", "rare_letters", "rare_words", "weak")

    def __init__(self, defer_rare: bool = False) -> None:
        self.rare_words: set[str] = set()
        self.rare_letters: set[str] = set()
        # Whether two rare letters in two words are left to the second look (the entry points' gate) rather
        # than taken for evidence; and where the rare letters stand, for it.
        self.defer_rare = defer_rare
        self.rare_at: list[int] = []
        self.weak: list[tuple[int, int, float]] = []  # (start, width, the mean log-probability that is odd)
        self.korean: bool | None = None  # (asked once a text)

    def korean_read_as_cjk(self, text: str) -> bool:
        """Whether ``text`` is Korean read with a Chinese or Japanese codec, asked once a text."""
        if self.korean is None:
            self.korean = _korean_read_as_cjk(text)
        return self.korean

    def legacy(self, text: str, pos: int) -> bool:
        """Signs of a legacy text read as Latin-1, or of KOI8-R and cp1251 read as each other."""
        ch = text[pos]
        if ch in RARE_LATIN:
            start = pos
            while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                start -= 1
            self.rare_words.add(_WORD.match(text, start).group())  # a word said twice is one piece of evidence
            self.rare_letters.add(ch)
            # (Two rare letters in two words: one alone is a language's own letter, `Thaïlande` and `Andreïeva`,
            # or a unit's, `m³` and `Hm³`; the damage of a code page spreads over its letters.)
            if self.two_rare_words() and not self.defer_rare:
                return True
            if len(self.rare_at) < _MAX_WEAK:
                self.rare_at.append(pos)
            self.weak.append((pos, 2, IMPROBABLE))
        if ch in _LATIN1_HIGH and pos >= 2 and text[pos - 1] in _LATIN1_HIGH and text[pos - 2] in _LATIN1_HIGH:
            # (Letters: a legacy text read as Latin-1 is words of them; a rule drawn with dashes, `—————`, is not.)
            if not (ch.isalpha() or text[pos - 1].isalpha() or text[pos - 2].isalpha()):
                return False
            if (pos >= 3 and text[pos - 3] in _LATIN1_HIGH) or text[pos + 1:pos + 2] in _LATIN1_HIGH:
                return True
            self.weak.append((pos, 2, IMPROBABLE))
        if (pos >= 2 and _CYRILLIC_CASE.match(text, pos - 2)) or (pos >= 4 and _CYRILLIC_CAPS.match(text, pos - 4)):
            self.weak.append((pos, 2, IMPROBABLE))
        return False

    def cjk(self, text: str, pos: int) -> bool:
        """A rare CJK character in context is evidence, or a weak place: the model hears it with four
        characters either side (a legacy CJK text read with another CJK codec is common characters in an
        order no language has)."""
        if _cjk_evidence(text, pos):
            return True
        self.weak.append((max(0, pos - _CJK_HEARD), 2 * _CJK_HEARD + 1, IMPROBABLE_CJK))
        return False

    def two_rare_words(self) -> bool:
        """Rare letters in two words, two of them: the count that is evidence alone inside the repair."""
        return len(self.rare_words) >= 2 and len(self.rare_letters) >= 2

    def improbable(self, text: str) -> bool:
        return any(_improbable(text, start, width, odd) for start, width, odd in self.weak[:_MAX_WEAK])

    def odd_letters(self, text: str) -> tuple[int, ...] | None:
        """The places the model finds improbable, when all of them are odd letters outside CJK (the weak
        places of :meth:`legacy`); None when one is a rare CJK character's stretch."""
        odd = [(start, bar) for start, width, bar in self.weak[:_MAX_WEAK] if _improbable(text, start, width, bar)]
        return None if any(bar != IMPROBABLE for _, bar in odd) else tuple(start for start, _ in odd)


def _strong(text: str, pos: int, places: _Places) -> bool:
    """Whether the place the scan found at ``pos`` is evidence on its own (see the module's docstring)."""
    ch = text[pos]
    if ch in _MARKS or (ch in _X80 and pos and text[pos - 1] in _E2):
        return True
    if ch in _NBSP_LEADS and text[pos + 1:pos + 2] == " " and is_bad(text[token_around(text, pos)[0]:pos + 2]):
        return True  # a lost no-break space, where ftfy's badness heuristic sees the lead byte alone
    if ch in PUNCTUATION_LEADS and any(not _is_cjk(n) for n in text[max(0, pos - 1):pos] + text[pos + 1:pos + 2]):
        return True  # a lost quote's lead among Latin text (`鈥 he said`), which no real CJK text writes
    if "\ue000" <= ch <= "\uf8ff" and not _glued(text, pos):
        return False  # a private-use character alone is an icon font's glyph (`\ue095 Pin`), no decoder's trace
    if is_rare_cjk(ch):
        if "\uff01" <= ch <= "\uff5e" and _FULL_WIDTH_RUN.search(text, max(0, pos - 2), pos + 3):
            return False
        return _rare_in_context(text, pos) and places.cjk(text, pos)
    if ch in _LATIN_CJK and pos >= 2 and text[pos - 1] in _LATIN_CJK and text[pos - 2] in _LATIN_CJK and (
            _letters_run_under_cjk(text, pos)):
        return True
    if ch in _LATIN_CJK and (_GLUED.match(text, max(0, pos - 1)) or _GLUED.match(text, pos)):
        # (Not a common CJK character in a CJK text: Chinese writes its commonest right after Latin names,
        # `ARPANET和SITA HLN于 1969年`, and the character is a Latin letter's UTF-8 under some CJK decoder by
        # definition.)
        return (ch not in COMMON or not _cjk_text(text)) and _cjk_evidence(text, pos)
    if _is_cjk(ch) and ch not in COMMON:  # (first-level in a national standard, seldom in our corpora)
        if ch.isalpha() and _rare_in_context(text, pos) and _alone_cjk(text, pos):
            return True  # (a decoder's trace among other text: `£` read as EUC-KR `짙`; not `京｜ICP`, nor a name)
        if "\u4e00" <= ch <= "\u9fff" and places.korean_read_as_cjk(text):
            return True
    if ch in _CONT and (_single_byte_evidence(text, pos, places) or _emoji_at(text, pos)):
        return True
    return places.legacy(text, pos)


def _glued(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` touches another character outside ASCII that is not a space."""
    return any(c >= "\x80" and not c.isspace() for c in text[max(0, pos - 1):pos] + text[pos + 1:pos + 2])


def worth_repairing(text: str) -> bool:
    """Whether ``text`` shows evidence of mojibake strong enough to run the full repair for.

    A text of a word or two outside CJK is worth the repair if find_suspect or ftfy's badness heuristic finds
    anything odd in it, and judged like a paragraph otherwise. (CJK text is judged by the model where it is
    odd.)"""
    return worth_repairing_from(text, SCAN(text))  # (most texts stop at the scan: it costs less than a finditer)


def reaches_repair(text: str) -> bool:
    """Whether ``text`` gets past the gate: it holds a character outside ASCII, and the scan finds evidence
    worth the repair."""
    return bool(judge(text))


UNSCANNED: Any = object()  # (judge scans the text itself)


def judge(text: str, first: re.Match[str] | None = UNSCANNED) -> bool | tuple[int, ...]:
    """The gate's verdict on ``text``: False for the clean path, True on evidence; where the only evidence
    is odd letters outside CJK (that the model finds improbable, or rare Latin-1 letters in two words), their
    positions (a second look, :mod:`second_look`, asks whether any decoder reads them better before the full
    repair runs). ``first``: where ``SCAN`` first stopped in ``text``, if the caller scanned it already."""
    if text.isascii():
        return "?" in text and has_marks(text)  # (`we???ve`: a character a decoder could not map, one `?` a byte)
    if first is UNSCANNED:
        first = SCAN(text)
    if first is None and len(text) >= SHORT:
        return False
    found = _evidence(text, first, defer_rare=True)
    if not isinstance(found, _Places):
        return found
    odd = found.odd_letters(text)
    if odd is None:
        return True
    if found.two_rare_words():
        # (Rare letters in two words were evidence by their count alone, which a page of names and language
        # lists meets: `Encyclopædia`, `Norsk bokmål`. The second look asks about them all.)
        odd = tuple(sorted({*odd, *found.rare_at}))
    elif not odd and found.rare_at:
        # A rare letter the model lets pass, in a text too short to say more: its word may be a word of
        # another code page (`yaþamaya` is Turkish through cp1254); the lexicon asks, cheaply.
        return any(reads_into_a_word(text[slice(*token_around(text, pos))]) for pos in found.rare_at)
    return odd or False


def worth_repairing_from(text: str, first: re.Match[str] | None) -> bool:
    """:func:`worth_repairing`, given where ``SCAN`` first stopped in ``text`` (the caller scanned already)."""
    found = _evidence(text, first)
    return found.improbable(text) if isinstance(found, _Places) else found


def _evidence(text: str, first: re.Match[str] | None, defer_rare: bool = False) -> bool | _Places:
    """True on evidence, False on none; else the weak places the scan gathered, for the model to judge
    (``defer_rare``: see :class:`_Places`)."""
    if len(text) < SHORT:
        if _CJK.search(text) is None:
            if find_suspect(text) is not None or is_bad(text):
                return True
        elif _letters_under_cjk(text):
            return True
    if first is None:
        return False
    places = _Places(defer_rare)
    # (A place past the text's first Cyrillic letters, found by the scan that no longer stops at them.)
    scan, start, judged = _AFTER_CYRILLIC if first.re is _AFTER_CYRILLIC else _FIRST_SCAN, first.start(), -1
    evidence = evidence_thai = _FIRST_SCAN  # (the scans with cp874's shapes, once the text shows Thai)
    while True:
        for m in scan.finditer(text, start):
            at = m.start()
            ch = text[at]
            if scan is _FIRST_SCAN and "\u0400" <= ch <= "\u04ff":  # (asked once a text)
                if cyrillic_evidence(text, at):
                    return True
                scan, start = _AFTER_CYRILLIC, at
                break
            if scan is _AFTER_CYRILLIC and (("\u2500" <= ch <= "\u257f" and _box_glued(text, at))
                                            or (at and GREEK_AS_CYRILLIC.match(text, at - 1) is not None)
                                            or (at and SIGN_GLUE.match(text, at - 1) is not None)):
                return True
            if (scan is _FIRST_SCAN or scan is _AFTER_CYRILLIC) and "\u0e01" <= ch <= "\u0e5b":  # (asked once)
                window = text[at:at + _CP874_WINDOW]
                real = _REAL_THAI.search(window) is not None or not _cp874_mojibake(window)
                evidence, evidence_thai = _thai_scans()
                scan = evidence_thai if real else evidence
                start = max(0, at - 1)  # (an ASCII letter right before it touches it)
                break
            if scan is evidence_thai is not _FIRST_SCAN and ch < "\x80":
                a, b = token_around(text, at)  # (the token is judged with cp874's shapes, once)
                if a > judged and any(_strong(text, p.start(), places) for p in evidence.finditer(text, a, b)):
                    return True
                judged = a
                continue
            if _strong(text, at, places):
                return True
        else:
            return places if places.weak else False


def _cp874_mojibake(text: str) -> bool:
    """Whether ``text`` as a whole is UTF-8 read with cp874 (as a share of whole UTF-8 under cp874)."""
    data = text.encode("sloppy-cp874", "replace")
    return valid_high_bytes(data) > CP874_SHARE * count_high(data)
