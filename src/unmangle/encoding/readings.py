"""Candidate readings of a token: what it would say had its bytes been decoded with the right codec.

A token is a whitespace-delimited run: no codec here ever merges a byte across whitespace, so tokens can be
repaired independently (and their decisions cached). Every candidate comes from C-level codec calls
(``str.encode``/``bytes.decode``); the model is consulted only for the few candidates that survive.
"""

from __future__ import annotations

import codecs
import math
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

import regex
from ftfy.badness import is_bad

from unmangle.encoding.codecs import (
    FIRST_LEVELS,
    LEGACY_TRUE,
    LEGACY_WRONG,
    MULTI_BYTE,
    MULTIBYTE_TRUE,
    SCANNED,
    SINGLE_BYTE,
    WrongDecoder,
    legacy_pair,
)
from unmangle.encoding.emoji_prior import EMOJI_CHARS, EMOJI_JOINERS
from unmangle.encoding.lost_bytes import HOLE, drops_continuations, lost_alone_bytes, recover
from unmangle.encoding.model import CharModel
from unmangle.encoding.utf8 import VALID_MULTIBYTE, VALID_RUN, count_high, plausible_high_bytes, valid_high_bytes


@dataclass(frozen=True, slots=True)
class Reading:
    """``token[start:end]`` should read ``text``."""

    start: int
    end: int
    text: str
    kind: str  # "mojibake" or "lost-byte"
    detail: str
    lost: int = 0
    min_gain: float = 2.0  # nats by which the reading must beat the token as it is
    cost: float = 0.0  # uncertainty of recovered bytes
    # A same-script reading (cp1250 text read as cp1252, cp1251 as KOI8-R) looks like a spelling variant of a
    # language the model may not know: it stands only when other tokens of the text agree (see repair).
    corroborate: bool = False
    # Nats of the pairing rules' evidence beyond what lowered ``min_gain`` to zero (`‘imaginary’`, opened and
    # closed in the token, against `‚imaginary’`, which pairs too but opens with a low quote the text never
    # wrote): it ranks readings that both stand, and never makes one stand.
    paired: float = 0.0


def _class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _common_chars(min_count: float = 4.0) -> set[str]:
    """Characters real text uses often enough (from the model's unigram table)."""
    from unmangle.encoding.model import default_model

    uni = default_model().uni[:0x10000]
    return {chr(cp) for cp in (uni >= min_count).nonzero()[0] if not 0xD800 <= cp <= 0xDFFF}


def _ranges_class(chars: list[int]) -> str:
    """A regex character class for the given code points, written as ranges."""
    parts: list[str] = []
    chars = sorted(chars)
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and chars[j + 1] == chars[j] + 1:
            j += 1
        a, b = re.escape(chr(chars[i])), re.escape(chr(chars[j]))
        parts.append(a if i == j else f"{a}-{b}")  # (characters, not escapes: the pattern parses 2.5x faster)
        i = j + 1
    return "[" + "".join(parts) + "]"


_CJK_RANGES = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xE000, 0xFAFF), (0xFF00, 0xFFEF))
# The signs of Latin-1 that pages write and prose seldom does (`©` in every footer, `®` after names, `±`, `¼`,
# `µ`): currency, symbols, math signs and fractions, with `§` and `¶`. The corpora's prose shows them too rarely
# for their UTF-8 read as cp1252 (`Â©`) to count as a character real text writes, where a Latin code page spelled
# it: not where a Cyrillic one did (ISO-8859-5 spells `±` with `ТБ`, Ukrainian for TV). (Not `™`: counted so, it
# let ftfy's "hopeless garble" read into `㢀™`.)
WEB_SIGNS = frozenset(c for c in map(chr, range(0xA2, 0xBF))
                      if unicodedata.category(c) in ("Sc", "So", "Sm", "No")) | frozenset("§¶µ")
COMMON = _common_chars()
def _letters_in(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(cp) for a, b in ranges for cp in range(a, b + 1)
                     if unicodedata.category(chr(cp)) in ("Lu", "Ll", "Mn", "Me")) - {"\u0149"}


# Letters of the Latin alphabets of Europe, combining marks and ligatures, whether or not the corpora happen to
# use them: Danish `å`, Latvian `ē`, Lithuanian `į`, the ligature `ﬁ` or a combining stroke are real text the
# model backs off on. (Not the rest of Latin Extended-A: Maltese `Ġ` is also `Ä` and a no-break space.)
_LATIN_ALPHABETS = _letters_in((0xC0, 0xFF)) | frozenset("ĀāĄąČčĒēĖėĘęĢģĪīĮįĶķĻļŅņŖŗŠšŪūŲųŽž")
_MARKS, _LIGATURES = _letters_in((0x300, 0x36F)), _letters_in((0xFB00, 0xFB06))
_LATIN_SHAPED = _LATIN_ALPHABETS | _MARKS  # (what counts as real only where a Latin shape spelled it)
# (What real text writes: what the corpora showed, and the hanzi and kana the national CJK standards list as their
# commonest, which a text in Big5 or EUC-JP holds that our small corpora never showed: `孚`, `顫`, `飢`. Not
# KS X 1001's 2,350 hangul: Chinese text read as EUC-KR is hangul syllables (`痞客邦` is `튐와곡`) that our
# Korean corpus never showed, and keeping them out is what tells it from Korean.)
# Emoji too: the corpora are prose without them, but every social page writes them, and UTF-8's four bytes of
# `😀` read as GBK (`馃榾`) are as much mojibake as a quote's three (and its joiners and skin tones with it).
EMOJI = EMOJI_CHARS | set(EMOJI_JOINERS)
SEEN = (_common_chars(min_count=1e-9) | _LATIN_ALPHABETS | _MARKS | _LIGATURES | EMOJI | {"\ufffd"}
        | {c for c in FIRST_LEVELS if not "\uac00" <= c <= "\ud7af"})
_RARE = _ranges_class([cp for a, b in _CJK_RANGES for cp in range(a, b + 1) if chr(cp) not in COMMON])
_ANY_CJK = r"[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\uff00-\uffef]"
_LATIN_LETTER = r"[A-Za-z\u00c0-\u024f]"
# What CJK decoders produce: a rare CJK character, or any CJK character glued inside a Latin word (UTF-8 `ü`
# read as EUC-KR is the common Hangul `체`, but `W체rttemberg` is no Korean word).
_CJK_LETTER = r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
# A CJK letter inside a Latin word (`W체rttemberg`) or ending one (`caf챕 `); not a Latin initial before CJK
# text (`A股`), which Chinese and Japanese write all the time.
MIXED_CJK_CLASS = (f"{_LATIN_LETTER}{_CJK_LETTER}(?=[A-Za-z\u00c0-\u024f\\s.,;:!?)'\"]|$)"
                   f"|(?<![\u3040-\u9fff\uac00-\ud7af]){_CJK_LETTER}{_LATIN_LETTER}[a-z\u00c0-\u024f]")
RARE_CJK_CLASS = f"(?:{_RARE}|{MIXED_CJK_CLASS})"


# cp1251 and KOI8-R put the two cases of the Cyrillic alphabet in each other's place: read with the other,
# words start in lower case and go on in capitals, or run in capitals.
_CYRILLIC_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# (Not a word in capitals: read with the other codec it becomes a plausible word in lower case.)
_CYRILLIC_CASE = "[а-яё][А-ЯЁ]{2,}"
CYRILLIC_CASE = re.compile(_CYRILLIC_CASE)
# Words in capitals are suspect only in a text that shows the signature above elsewhere (lower case words of
# cp1251 read as KOI8-R come out in capitals, but so do the headlines of real Russian news).
CYRILLIC_CAPS = re.compile("[А-ЯЁ]{3,}")
# A Cyrillic letter glued to an ASCII one: a Latin code page's accented letter read with a Cyrillic one (`cafй`);
# a box-drawing sign inside a Cyrillic word: Ukrainian's `і ї є ґ` in KOI8-U read as KOI8-R (`Укра╖ни`); or
# another sign inside one (SIGN_GLUE, below).
_ASCII_GLUE = "[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]"


def _cyrillic_signs() -> str:
    """Signs the Cyrillic code pages write for high bytes, but box drawing (see CYRILLIC_GLUE) and what real text
    writes between two letters: Ukrainian's apostrophe, quotes, dashes, a no-break or soft hyphen."""
    out = set()
    for codec in ("cp1251", "koi8-r", "cp866"):
        for b in range(0x80, 0x100):
            ch = bytes([b]).decode(codec, "ignore")
            if ch and not ch.isalpha() and not ch.isspace() and not "\u2500" <= ch <= "\u257f" \
                    and ch not in "\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2013\u2014\u2022\xad":
                out.add(ch)
    return "".join(sorted(out))


# A sign inside a Cyrillic word: DOS cp866 read as cp1251 writes `о л д` as `® « ¤` (`ЏаЁўҐв` for `Привет`), and
# cp1251 read as cp866 writes `ь ш ю` as `№ ° ■` (`фхыр`, `їюЁю°ю`). Of the 5,768 Russian, Ukrainian and Bulgarian
# paragraphs of the corpora none writes one of these signs between two Cyrillic letters (they write `’` and a
# no-break space there, which are left out).
CYRILLIC_SIGNS = _cyrillic_signs()
_SIGN_GLUE = f"[\u0400-\u04ff][{re.escape(CYRILLIC_SIGNS)}](?=[\u0400-\u04ff])"
SIGN_GLUE = re.compile(_SIGN_GLUE)
CYRILLIC_GLUE = re.compile(_ASCII_GLUE + "|[\u0400-\u04ff][\u2500-\u257f]|[\u2500-\u257f][\u0400-\u04ff]|"
                           + _SIGN_GLUE)
ASCII_GLUE = re.compile(_ASCII_GLUE)
# Greek's accented vowels `ά έ ή ί` under cp1251: capitals inside lowercase words (`ЕллЬдб` for `Ελλάδα`), which no
# Cyrillic word writes.
GREEK_VOWELS_AS_CP1251 = "ЬЭЮЯ"
GREEK_AS_CYRILLIC = re.compile(f"[а-яё][{GREEK_VOWELS_AS_CP1251}]")
# The first two bytes of an emoji's UTF-8 (F0 9F) under the Cyrillic code pages (`рџ`, `П÷`).
EMOJI_LEAD_CODECS = ("cp1251", "koi8-r")
EMOJI_LEAD = re.compile("|".join(b"\xf0\x9f".decode(codec) for codec in EMOJI_LEAD_CODECS))


def _emoji_leads() -> dict[str, tuple[str, ...]]:
    """What each scanned single-byte decoder writes for F0 9F (`ðŸ`, `đź`, `ğŸ`, `рџ`, `≡ƒ`), with the codecs
    that write it; not where 9F is a C1 control, which is evidence on its own."""
    out: dict[str, list[str]] = {}
    for wd in SCANNED:
        f0, x9f = wd.char_for(0xF0), wd.char_for(0x9F)
        if f0 and x9f and not "\x80" <= x9f <= "\x9f":
            out.setdefault(f0 + x9f, []).append(wd.codec)
    return {lead: tuple(codecs) for lead, codecs in out.items()}


# The same under every scanned code page: no real word writes these pairs, and a Latin text whose only damage is
# one emoji shows no other shape of UTF-8 (`đź‘Ť` is cp1250's `👍`).
EMOJI_LEADS = _emoji_leads()
ANY_EMOJI_LEAD = re.compile("|".join(map(re.escape, EMOJI_LEADS)))


def _rare_latin(max_count: float = 64.0) -> set[str]:
    """Characters of cp1252 and latin-1 that real text in the corpus languages hardly uses (ø, ð, þ, ¹, ³, ¾, ¶):
    Central European, Baltic and Turkish text read as cp1252 is full of them, while each word of it may look
    like a word with an accent."""
    from unmangle.encoding.model import default_model

    uni = default_model().uni
    chars = set(SINGLE_BYTE[0].high_chars) | set(SINGLE_BYTE[1].high_chars)
    return {c for c in chars if uni[ord(c)] < max_count and (c.islower() or c in "¹³¼¾±¶")}


RARE_LATIN = _rare_latin()
RARE_LATIN_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(RARE_LATIN)) + "]")


def _build_tables() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str], list[re.Pattern[str]],
                             re.Pattern[str]]:
    enc_mask: dict[str, int] = {}
    lead2: set[str] = set()
    lead3: set[str] = set()
    lead4: set[str] = set()
    conts: set[str] = set()
    e2: set[str] = set()
    x80: set[str] = set()
    for bit, wd in enumerate(SINGLE_BYTE):
        for ch in wd.high_chars:
            enc_mask[ch] = enc_mask.get(ch, 0) | (1 << bit)
    for wd in SCANNED:  # (the shapes: see SCANNED)
        lead2 |= set(wd.chars_for(range(0xC2, 0xE0)))
        lead3 |= set(wd.chars_for(range(0xE0, 0xF0)))
        lead4 |= set(wd.chars_for(range(0xF0, 0xF5)))
        conts |= set(wd.chars_for(range(0x80, 0xC0)))
        e2 |= set(wd.chars_for(range(0xE2, 0xE3)))
        x80 |= set(wd.chars_for(range(0x80, 0x81)))
    c = _class(conts)
    cp1252_high = set(SINGLE_BYTE[0].high_chars)
    # The standard library's engine: it compiles these large classes to bitmaps and scans several times
    # faster than `regex`, and this scan is all that clean text costs.
    alternatives = (
        # UTF-8 read with a single-byte codec: a whole character's worth of lead and continuation bytes (real
        # Cyrillic or Thai often has a lead-like letter before a continuation-like one, rarely the full
        # shape), or U+2000-U+206F (quotes, dashes) with its last byte lost.
        "(?P<sb>" + _class(lead4) + c + c + c + "|" + _class(lead3) + c + c + "|" + _class(lead2) + c + ")",
        _class(e2) + _class(x80),
        r"[\x80-\x9f\ufffd]",                             # C1 controls, replacement characters
        "(?P<rare>" + _RARE + ")",                        # what CJK decoders produce
        _class(cp1252_high) + "{3,}",                     # a legacy encoding read as latin-1/cp1252
        _CYRILLIC_CASE,                                   # cp1251 and KOI8-R read as each other
        _class(RARE_LATIN),                               # Latin-1 signs real text hardly uses (Czech ř as ø)
    )
    first = lead2 | lead3 | lead4 | e2 | cp1252_high | set(_CYRILLIC_LETTERS) | RARE_LATIN
    # The standard library's engine compiles these large classes to bitmaps; the lookahead on the first
    # characters lets it skip most positions before trying the alternatives. This scan is all that clean
    # text costs.
    suspect = re.compile(
        "(?=[" + "".join(re.escape(ch) for ch in sorted(first)) + r"\x80-\x9f\ufffd" + _RARE[1:] + ")"
        + "(?:" + "|".join(alternatives) + ")"
    )
    shapes = [re.compile(_class(lead) + c * n) for lead, n in ((lead4, 3), (lead3, 2), (lead2, 1))]
    return enc_mask, suspect, re.compile("|".join(alternatives[1:])), shapes, _prefilter(
        lead2 | lead3 | lead4, conts, cp1252_high, alternatives[1])


def _one_decoder_shapes() -> str:
    """Lookbehinds for the start of a lead-and-continuation shape that one decoder could have made, anchored
    on the first continuation: a shape counts only when a single decoder reads all of it (see
    :func:`_common_decoders`), and a four-byte one never does (its character is outside the BMP, where no
    character is common). Mixing decoders' letters (Greek `απ` as cp437 `α` and mac-roman `π`) is no shape."""
    out: dict[str, None] = {}
    for wd in SCANNED:
        c = _class(set(wd.chars_for(range(0x80, 0xC0))))
        out[f"(?<={_class(set(wd.chars_for(range(0xC2, 0xE0))))}{c})"] = None
        out[f"(?<={_class(set(wd.chars_for(range(0xE0, 0xF0))))}{c})(?={c})"] = None
    return "|".join(out)


def _prefilter(leads: set[str], conts: set[str], cp1252_high: set[str], e2_x80: str) -> re.Pattern[str]:
    """A necessary condition for :func:`find_suspect`: every alternative of SUSPECT and of the mixed-CJK
    pattern, anchored on a character clean text rarely has (a continuation-like sign rather than the letter
    before it, the third of three Latin-1 letters, the CJK letter of a mixed pair), and the rest checked by
    lookbehind. Starting with one character class lets the engine skip every other character in its C loop,
    where SUSPECT has to try its alternatives at every letter of Cyrillic, Greek or Hebrew text."""
    singles = r"\x80-\x9f\ufffd" + _RARE[1:-1] + "".join(re.escape(c) for c in sorted(RARE_LATIN))
    cont, high = _class(conts), _class(cp1252_high)
    anchors = "".join(re.escape(c) for c in sorted(conts | cp1252_high)) + singles + "А-ЯЁ" + _CJK_LETTER[1:-1]
    return re.compile(
        f"[{anchors}]"
        f"(?:(?<=[{singles}])"                              # C1 controls, U+FFFD, rare CJK, rare Latin-1
        f"|(?<={_class(leads)}{cont})(?:{_one_decoder_shapes()}|(?<={e2_x80}))"  # lead and continuation
        f"|(?<={high}{high}{high})"                         # a legacy encoding read as cp1252
        f"|(?<=[а-яё][А-ЯЁ][А-ЯЁ])"                         # cp1251 and KOI8-R read as each other
        f"|(?<={_LATIN_LETTER}{_CJK_LETTER})|(?<={_CJK_LETTER})(?={_LATIN_LETTER}))"  # mixed CJK and Latin
    )


ENC_MASK, SUSPECT, _SUSPECT_OTHER, _SHAPES, _MAYBE_SUSPECT = _build_tables()


# A capital outside ASCII right after a small letter (`NeÄŤistoty`): words do not change case inside.
_CASE_BREAK = regex.compile(r"\p{Ll}(?=[^\x00-\x7f])\p{Lu}")


def looks_mangled(token: str) -> bool:
    """Whether a token looks like mojibake on its own: to ftfy's badness heuristic (which knows the decoders
    ftfy undoes), or by changing case inside a word. Asked where one character read back is all the evidence a
    token gives (`√π`, `unité\xa0»`): real text has such pairs."""
    return is_bad(token) or breaks_case(token)


def breaks_case(text: str) -> bool:
    """Whether a capital outside ASCII follows a small letter in ``text`` (`NeÄŤistoty`, `smÜrgüsbord`)."""
    return _CASE_BREAK.search(text) is not None


def case_breaks(text: str) -> int:
    """How many times a capital outside ASCII follows a small letter in ``text``."""
    return len(_CASE_BREAK.findall(text))


def reads_as_common(decoded: str, latin_shape: bool = True) -> bool:
    """Whether a decoder's reading is a character real text commonly uses: a capital counts as its lower case
    (`AÑOS` in a headline); a letter of a Latin alphabet the corpora do not write, or a combining mark, where a
    Latin shape spelled it (``latin_shape``), and so a sign of Latin-1 (`Â©`); a ligature or an emoji anywhere (`п¬Ѓ`
    is `ﬁ`, `вќ¤` is `❤`)."""
    return (decoded in COMMON or decoded.lower() in COMMON or decoded in _LIGATURES or decoded in EMOJI
            or (latin_shape and (decoded in _LATIN_SHAPED or decoded in WEB_SIGNS)))


@lru_cache(maxsize=65536)
def _common_decoders(chars: str) -> tuple[str, ...]:
    """The single-byte decoders that turn ``chars`` back into one character real text commonly uses."""
    mask = -1
    for ch in chars:
        mask &= ENC_MASK.get(ch, 0)
    shape_script = script_of(chars)
    out = []
    for bit, wd in enumerate(SINGLE_BYTE):
        if mask & (1 << bit):
            try:
                decoded = chars.encode(wd.codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            # UTF-8 of a script read with that script's code page looks like that script (Cyrillic `Рё` is
            # ё), or like Latin-1 soup; Thai letters that spell a Cyrillic С or Ukrainian ones that spell a
            # Greek Φ are a chance shape inside real words.
            to = script_of(decoded)
            common = reads_as_common(decoded, latin_shape=shape_script in ("", "Latin"))
            if common and not (shape_script not in ("", "Latin") and to not in ("", "Latin", shape_script)):
                out.append(wd.codec)
    return tuple(out)


# Only ASCII whitespace separates tokens: a byte such as 0xA0 or 0x85 inside mojibake decodes to NBSP or NEL.
_WS = " \t\n\r\f\v"
_TOKEN_END = re.compile(r"[^ \t\n\r\f\v]*")


_OTHER_WS = re.compile("[\t\n\r\f\v]")


def token_around(text: str, pos: int) -> tuple[int, int]:
    """The whitespace-delimited token of ``text`` that holds position ``pos`` (its start found from the last
    space back, a search in C: a walk back in Python, or a search for each kind of space, cost the gate more
    than its scan on a long paragraph)."""
    start = text.rfind(" ", 0, pos) + 1
    if _OTHER_WS.search(text, start, pos) is not None:
        start = max(text.rfind(c, start, pos) for c in _WS) + 1
    return start, _TOKEN_END.match(text, pos).end()


def _real_shape(word: str, chars: str) -> bool:
    """Whether the lead-and-continuation shape ``chars`` inside ``word`` is mojibake rather than a chance
    pair inside a real word: under one of the decoders that read it as a common character, at least half of
    the word's high bytes must form whole UTF-8 characters (a word of mojibake is mojibake throughout;
    Ukrainian `ні` inside `України` is not)."""
    return any(_mostly_utf8(word, codec) for codec in _common_decoders(chars))


def _mostly_utf8(word: str, codec: str) -> bool:
    """Whether at least half of the high bytes of ``word`` under ``codec`` form whole UTF-8 characters."""
    data = word.encode(codec, "replace")
    return 2 * valid_high_bytes(data) >= count_high(data)


_HAS_CJK = re.compile(_ANY_CJK)
_RARE_ONE = re.compile(_RARE)


def _rare_in_context(text: str, i: int) -> bool:
    """A rare CJK character is mojibake when another one sits next to it, when it stands among non-CJK text
    (`It鈥檚`, a lone `鈥`), or in a short run of CJK between spaces; one rare character among common ones in
    running CJK text is a name or a word (婷, 穏)."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(text):
            c = text[j]
            if _RARE_ONE.match(c) or not _HAS_CJK.match(c) and not c.isspace() and c not in _CJK_PUNCT_AROUND:
                return True
    # A short run of CJK between spaces is a word of a spaced script gone through a CJK decoder (Russian `на`
    # as `薪邪`); Chinese and Japanese run on for longer.
    a, b = i, i + 1
    while a > 0 and _HAS_CJK.match(text[a - 1]):
        a -= 1
    while b < len(text) and _HAS_CJK.match(text[b]):
        b += 1
    return b - a <= 4


_CJK_PUNCT_AROUND = "。、，．・「」『』（）《》〈〉【】！？：；"
_MIXED = re.compile(MIXED_CJK_CLASS)


def find_suspect(text: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of the next place in ``text`` that looks like mojibake.

    A lead-and-continuation shape counts only when it decodes to a common character: Thai read as cp874 or
    Ukrainian as KOI8-U often has the shape, but not the content. A CJK character glued to a Latin word is
    looked for only in text that has CJK at all (one more fast scan).
    """
    if _MAYBE_SUSPECT.search(text, pos) is None:
        return None
    hit = SUSPECT.search(text, pos)
    span = None
    word_at = (0, 0)  # the token of the last shape: the next shapes are often in it
    while hit is not None:
        if hit.lastgroup == "rare" and not _rare_in_context(text, hit.start()):
            hit = SUSPECT.search(text, hit.start() + 1)
            continue
        if hit.lastgroup != "sb":
            span = hit.span()
            break
        # The longest shape found first; a shorter one may be the character (mac-roman `Ê≠≥` is 歳, its
        # `Ê≠` nothing), and if none is, another kind of damage may still start here.
        at = hit.start()
        if not word_at[0] <= at < word_at[1]:
            word_at = token_around(text, at)
        word = text[word_at[0]:word_at[1]]
        shape = next((m for rx in _SHAPES if (m := rx.match(text, at)) and _real_shape(word, m.group())), None)
        if shape is not None:
            span = shape.span()
            break
        hit = _SUSPECT_OTHER.match(text, at) or SUSPECT.search(text, at + 1)
    if _HAS_CJK.search(text, pos):
        mixed = _MIXED.search(text, pos, span[0] if span else len(text))
        if mixed:
            return mixed.span()
    return span
RARE_CJK = re.compile(RARE_CJK_CLASS)
LEGACY_RUN = regex.compile(_class(set(SINGLE_BYTE[0].high_chars) | set(SINGLE_BYTE[1].high_chars)) + "{2,}")
COMBINING = regex.compile(r"\p{M}")


def _label(wd: WrongDecoder, true: str = "utf-8") -> str:
    return f"{true} read as {wd.label}"


def _encode_with_holes(token: str, codec: str) -> list[int] | None:
    """The token's bytes under ``codec``, with HOLE where the decoder had put U+FFFD."""
    seq: list[int] = []
    for k, piece in enumerate(token.split("\ufffd")):
        if k:
            seq.append(HOLE)
        try:
            seq.extend(piece.encode(codec))
        except UnicodeEncodeError:
            return None
    return seq


def _pieces_between_holes(token: str, codec: str) -> tuple[bytes, ...] | None:
    """The bytes under ``codec`` of each piece of the token between U+FFFD: what :func:`_encode_with_holes`
    says, as a key (a list of ints for a sentence of CJK without spaces cost more to build and hash than the
    reading it names)."""
    try:
        return tuple(piece.encode(codec) for piece in token.split("\ufffd"))
    except UnicodeEncodeError:
        return None


def _char_offsets(token: str, codec: str) -> list[int]:
    return [0, *accumulate(len(c.encode(codec)) for c in token)]


def _partial_readings(token: str, data: bytes, wd: WrongDecoder, min_bytes: int) -> list[Reading]:
    """Mangled stretches inside a token that is otherwise not mojibake (a partially damaged sentence)."""
    out: list[Reading] = []
    offsets: list[int] | None = None
    for m in VALID_RUN.finditer(data):
        if m.end() - m.start() < min_bytes:
            continue
        if offsets is None:
            offsets = _char_offsets(token, wd.codec) if wd.multibyte else list(range(len(token) + 1))
        starts = {o: i for i, o in enumerate(offsets)}
        bs, be = m.start(), m.end()
        # Shrink to character boundaries on both sides.
        while bs < be and bs not in starts:
            bs += 1
        while be > bs and be not in starts:
            be -= 1
        if be - bs < min_bytes:
            continue
        try:
            text = data[bs:be].decode("utf-8")
        except UnicodeDecodeError:
            continue
        cs, ce = starts[bs], starts[be]
        if text != token[cs:ce]:
            out.append(Reading(cs, ce, text, "mojibake", _label(wd), min_gain=4.0))
    return out


def all_emoji(text: str) -> bool:
    """Whether every character of ``text`` is an emoji or an emoji sequence's joiner."""
    return all(ch in EMOJI for ch in text)


def _common_utf8_bytes(data: bytes) -> int:
    """High bytes in whole UTF-8 characters that real text commonly uses."""
    return sum(len(m) for m in VALID_MULTIBYTE.findall(data)
               if (ch := m.decode("utf-8")) in COMMON or ch in EMOJI or ch in _MARKS)


def _utf8_readings(token: str, wd: WrongDecoder, model: CharModel, before: str,
                   lossy: bool = False, lossless_only: bool = False) -> list[Reading]:
    """UTF-8 read with ``wd``: lossless, lossy (bytes dropped or replaced) and partial readings.

    A single-byte lossy reading is searched only when most of the token's high bytes still form whole UTF-8
    characters, or when ``lossy`` says the rest of the text already showed this decoder at work: otherwise
    any Cyrillic or Thai word could pass for UTF-8 with bytes missing."""
    if "\ufffd" in token:
        # A single-byte decoder that maps every byte (latin-1, KOI8-R) never wrote U+FFFD.
        if lossless_only or (not wd.multibyte and not lost_alone_bytes(wd.codec)):
            return []
        seq = _encode_with_holes(token, wd.codec)
        if seq is None or all(0 <= b < 0x80 for b in seq):
            return []
        rec = recover(seq, wd.codec, model, ignore_mode=False, before=before)
        if rec is None:
            return []
        return [Reading(0, len(token), text, "lost-byte", _label(wd) + ", lost bytes replaced by U+FFFD",
                        lost=lost, cost=rec.cost, **_paired_threshold(2.0, bonus))
                for text, lost, bonus in rec.readings()]
    try:
        data = token.encode(wd.codec)
    except UnicodeEncodeError:
        return []
    if data.isascii():
        return []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return [Reading(0, len(token), text, "mojibake", _label(wd), min_gain=1.0)] if text != token else []
    high = count_high(data)
    # A lossy reading needs a decoder that loses bytes at all (latin-1 and KOI8-R map every byte).
    evidence = not lossless_only and (lossy or 2 * _common_utf8_bytes(data) >= high or (wd.multibyte and high <= 4)
                                      or _cut_punctuation(data, high) or _cut_throughout(data, high))
    if evidence and (wd.multibyte or drops_continuations(wd.codec)) and plausible_high_bytes(data) >= 0.85 * high:
        rec = recover(list(data), wd.codec, model, ignore_mode=True, before=before)
        if rec is not None and rec.text != token:
            # (A token read back as emoji alone needs less: no real word reads so, and emoji are the web's
            # commonest four-byte characters, which a byte dropped from leaves few to choose from.)
            return [Reading(0, len(token), text, "lost-byte", _label(wd) + ", lost bytes put back",
                            lost=lost, cost=rec.cost, **_paired_threshold(0.0 if all_emoji(text) else 3.0, bonus))
                    for text, lost, bonus in rec.readings() if text != token]
    return _partial_readings(token, data, wd, min_bytes=6 if wd.multibyte else 4)


# A three-byte UTF-8 character of the General Punctuation block (quotes, dashes) cut after its second byte: the
# most common lossy mojibake of all (`â€` where `”` lost its 0x9D to cp1252), and a shape no legacy text makes
# with its only high bytes; nor a symbol or a dingbat cut so (`â­` is `⭐` without its 0x90: five of them read
# as EUC-KR were `狩狩狩狩狩`); nor a combining mark's lead after a Latin letter (`CafeÌ`: macOS writes `é` as `e` and
# U+0301, whose 0x81 cp1252 drops). So is an emoji missing one byte, of its four (`ðŸ‘` where `👍` lost 0x8D) or of
# the three of a dingbat and its variation selector (`â¤ï¸`, `❤️` without its 0x9D and 0x8F): cut after any
# second byte, for the byte lost may be the second (E2 [9D] A4).
# Signs whose UTF-8 is three bytes from E2, as punctuation's is: General Punctuation, super- and subscripts, the
# currency signs (`€`), the letterlike symbols (`™`, `№`). Three characters of a code page that spell one by chance
# are far rarer than two (`Ã©` may be a name): such a shape is its own evidence, even alone in its word.
THREE_BYTE_SIGN = re.compile("[\u2010-\u214f]")
_CUT_SHORT = re.compile(
    rb"(?:\xe2[\x80\x81\x98-\x9e\xac-\xaf]|\xf0\x9f[\x80-\xbf]|(?<=[A-Za-z])[\xcc\xcd])(?![\x80-\xbf])")
_CUT_EMOJI = re.compile(rb"(?:\xe2[\x80-\xbf](?:\xef\xb8)?|\xef\xb8)(?![\x80-\xbf])")


def _cut_throughout(data: bytes, high: int) -> bool:
    """A word of kana, hanzi or hangul that lost a byte in two characters or more, its high bytes all in such
    characters, whole or cut short (`ã“ã‚“ã«ã¡ã¯`, `こんにちは` whose four 0x81 cp1252 dropped: one whole
    character of five is too few to say so): no legacy text spells that by chance. (Not signs cut short: a
    layer of mojibake over mojibake, ftfy's "hopeless garble", is full of `â€`.)"""
    if high < _CUT_THROUGHOUT:
        return False
    characters = _CJK_BYTES.findall(data)
    return sum(map(len, characters)) == high and sum(len(c) < 3 for c in characters) >= 2


_CUT_THROUGHOUT = 6  # high bytes at least
_CJK_BYTES = re.compile(rb"[\xe3-\xed][\x80-\xbf]{0,2}")  # (the leads of kana, CJK ideographs and hangul)


def _cut_punctuation(data: bytes, high: int) -> bool:
    """Whether the token's only high bytes are punctuation characters or emoji cut short (see _CUT_SHORT); or
    the cut dingbats of an emoji and its variation selector, all its high bytes."""
    cut = sum(map(len, _CUT_SHORT.findall(data)))
    if b"\xef\xb8" in data:  # (a variation selector cut short: the dingbat before it may be too)
        cut = max(cut, sum(map(len, _CUT_EMOJI.findall(data))))
    return cut > 0 and cut + _common_utf8_bytes(data) >= high


def _paired_threshold(min_gain: float, bonus: float) -> dict[str, float]:
    """A lost-byte reading's ``min_gain`` lowered by the pairing rules' ``bonus`` (see :func:`_less`), and what
    of the bonus is left over (``paired``: it ranks readings that stand, never makes one stand)."""
    return {"min_gain": _less(min_gain, bonus), "paired": max(0.0, bonus - min_gain)}


def _less(min_gain: float, bonus: float) -> float:
    """The margin a lost-byte reading needs, lowered (never below zero) by what the pairing rules saw for it, and
    raised by what they saw against it (another decoder's reading of the token may pair where it does not)."""
    return max(0.0, min_gain - bonus)




def _legacy_readings(token: str, below_gain: float = math.inf, single_byte: bool = False,
                     other_script: bool = False) -> list[Reading]:
    """A legacy encoding read with another codec: single-byte readings of any legacy text, and CJK codecs
    confused with each other (GBK read as Big5); a CJK reading never turns into a single-byte script. (Only
    those needing a margin below ``below_gain``; with ``single_byte``, only single-byte wrong decoders'; with
    ``other_script``, readings into another script than the token's too.)"""
    out: list[Reading] = []
    from_script = script_of(token)
    lone_enough: bool | None = None  # (whether one odd letter is evidence enough: asked once, if at all)
    for wd, trues in _LEGACY_PAIRS:
        if single_byte and wd.multibyte:
            continue
        try:
            data = token.encode(wd.codec)
        except UnicodeEncodeError:
            continue
        if count_high(data) < 2:
            # (One odd letter is a reading's whole evidence only if rare, or Cyrillic glued to ASCII ones.)
            if lone_enough is None:
                lone_enough = RARE_LATIN_RE.search(token) is not None or CYRILLIC_GLUE.search(token) is not None
            if not lone_enough:
                continue
        for true, label, cjk in trues:
            # (Bytes a codec cannot read come back as U+FFFD, which no code page here writes for bytes it
            # reads, and the token's own U+FFFD has no bytes under these codecs: an error raised and caught
            # for each of the dozens of pairs that cannot read a word cost more than the readings.)
            text = _READ_BACK[true](data)
            if text == token or "\ufffd" in text:
                continue
            to_script = script_of(text)
            if not to_script:
                continue  # signs read as other signs (√2 as –2) say nothing: text is letters
            # Cyrillic never came from Greek or Thai read as KOI8-R: one non-Latin script does not turn
            # into another, unless into CJK from a multi-byte codec.
            if from_script not in ("", "Latin") and to_script not in (from_script, "Latin") and not cjk and not (
                    other_script and wd.codec == "cp1251"):
                continue
            # Every codec that reads it so gets its own copy (KOI8-R and KOI8-U agree on most words): the
            # document's pair is decided by the words only one of them can read. A single-byte legacy text
            # read with another single-byte codec garbles every word of it: a lone token whose letters read
            # as other letters (`Ôôô` as Cyrillic, `aí´´`) is text with odd signs, unless other words agree;
            # signs that read as letters (`gra³` as Polish `grał`) say enough alone.
            single = not wd.multibyte and not cjk
            mixed = mixes_scripts(text)
            gain = 6.0 + (MIXED_SCRIPT if single and mixed else 0.0)
            if gain >= below_gain:
                continue
            alone = from_script == "" and to_script == "Latin"
            # (A CJK reading glued to ASCII letters, `W婆hrend` for `Wдhrend`, speaks only with the text's other
            # words: alone it is a Latin word's accented letter read as one CJK character.)
            out.append(Reading(0, len(token), text, "mojibake", label, min_gain=gain,
                               corroborate=(single and not alone) or (cjk and mixed)))
    return out


def _read_back(codec: str) -> Callable[[bytes], str]:
    """``bytes.decode(codec, "replace")`` without the codec registry in between: a code page's table read in
    C, or the CJK codec's own decoder (a third of the cost, where dozens of codecs read each odd word)."""
    info = codecs.lookup(codec)
    owner = getattr(info.decode, "__self__", None)  # (a code page's Codec instance; a CJK codec's is a builtin)
    table = getattr(sys.modules.get(type(owner).__module__), "decoding_table", None) if owner is not None else None
    if isinstance(table, str) and len(table) == 256:
        return lambda data: codecs.charmap_decode(data, "replace", table)[0]
    decode = info.decode
    return lambda data: decode(data, "replace")[0]


_READ_BACK = {true: _read_back(true) for true in LEGACY_TRUE}


# Each wrong decoder a legacy text is read with, and the true codecs it is read back with: their labels, and
# whether the true codec is a CJK one (a CJK decoder's bytes are read back as CJK only).
_LEGACY_PAIRS = tuple((wd, tuple((true, _label(wd, true), true in MULTIBYTE_TRUE) for true in LEGACY_TRUE
                                 if legacy_pair(wd, true)))
                      for wd in LEGACY_WRONG)


MIXED_SCRIPT = 12.0  # nats against a legacy reading that glues ASCII letters to another script's (`иядK`)
_ASCII_THEN_OTHER = regex.compile(r"[A-Za-z][^\s\p{Latin}\P{L}]|[^\s\p{Latin}\P{L}][A-Za-z]")


def mixes_scripts(text: str) -> bool:
    """Whether a word of ``text`` has an ASCII letter next to a letter of a script other than Latin: no
    legacy text of another script writes so, while Latin text with odd signs read as one does (`MдёдM`)."""
    return _ASCII_THEN_OTHER.search(text) is not None


_ADJACENT_HIGH = re.compile(r"[^\x00-\x7f]{2}")
MONOTONE = 3  # a token of one character outside ASCII this many times, and nothing else
_QUESTION_HOLE = re.compile(r"(?<=[^\x00-\x7f])\?+|\?+(?=[^\x00-\x7f])")


def candidate_readings(token: str, model: CharModel, before: str = "",
                       lossy_codecs: frozenset[str] = frozenset(), keep_unseen: bool = False,
                       lossless_only: bool = False, below_gain: float = math.inf) -> list[Reading]:
    """Readings of ``token`` (see :func:`_readings`); a ``?`` next to mojibake may be where a decoder put
    its replacement for bytes it could not map, so it is also read as a hole."""
    out = _readings(token, model, before, lossy_codecs, keep_unseen, lossless_only, below_gain)
    if not lossless_only and "?" in token and not token.isascii():
        holed = _QUESTION_HOLE.sub(lambda m: "\ufffd" * len(m.group()), token)
        if holed != token:
            out.extend(replace(r, detail=r.detail.replace("U+FFFD", "'?'"), cost=r.cost + 1.0)
                       for r in _readings(holed, model, before, lossy_codecs, keep_unseen, lossless_only, below_gain)
                       if r.kind == "lost-byte")
    return out


def _readings(token: str, model: CharModel, before: str = "",
              lossy_codecs: frozenset[str] = frozenset(), keep_unseen: bool = False,
              lossless_only: bool = False, below_gain: float = math.inf) -> list[Reading]:
    """Every reading of ``token`` that some (true encoding, wrong decoder) pair allows (needing a margin below
    ``below_gain``: a caller that would drop the others has them not built).

    ``before`` is the last quotation mark before the token, if any: it tells a lost closing quote from an
    opening one. ``lossy_codecs``: single-byte decoders the text is known to have gone through, whose lossy
    readings are searched even on thin evidence. ``keep_unseen`` keeps readings with characters real text
    never uses (the middle of a double layer may look like that). ``lossless_only`` skips the search for
    lost bytes (the costly part), for the second layer of a double.
    """
    out: list[Reading] = []
    mask = -1
    for ch in token:
        if ord(ch) >= 0x80 and ch != "\ufffd":
            mask &= ENC_MASK.get(ch, 0)
            if not mask:
                break
    # One character over and over and nothing else (`ææææ`) is no decoder's writing: every reading of it is the
    # model's whim. (Not with ASCII between: Shift-JIS `ーーー` read as cp1252 is `\x81[\x81[\x81[`.)
    if len(token) >= MONOTONE and "\x80" <= token[0] != "\ufffd" and token.count(token[0]) == len(token):
        return out
    holes = "\ufffd" in token
    tried: dict[tuple[object, ...], tuple[str, list[Reading]]] = {}

    def utf8_readings(wd: WrongDecoder, lossy: bool) -> list[Reading]:
        """Decoders that give the same bytes (and lose the same bytes) give the same readings: search once,
        and name each decoder on its copy, so that the document's pair can claim the readings it shares."""
        pieces = _pieces_between_holes(token, wd.codec)
        if pieces is None:
            return []
        # (Not across decoders that lose different bytes, nor from a search made without the text's evidence.)
        key = (wd.multibyte, lost_alone_bytes(wd.codec), lossy, *pieces)
        if key in tried:
            label, rs = tried[key]
            return [replace(r, detail=r.detail.replace(f"read as {label}", f"read as {wd.label}", 1)) for r in rs]
        rs = _utf8_readings(token, wd, model, before, lossy, lossless_only)
        tried[key] = (wd.label, rs)
        return rs

    # (Without lost bytes, a single-byte decoder's UTF-8 needs two high characters side by side: a lone one is
    # one byte, which is no UTF-8 alone. Most odd words, `naïve` and `Brøderbund`, hold only lone ones.)
    if mask and not (lossless_only and _ADJACENT_HIGH.search(token) is None):
        for bit, wd in enumerate(SINGLE_BYTE):
            if mask & (1 << bit):
                out.extend(utf8_readings(wd, wd.codec in lossy_codecs))
    rare_cjk = RARE_CJK.search(token) is not None
    if rare_cjk or holes:
        for wd in MULTI_BYTE:
            out.extend(utf8_readings(wd, False))
    # Valid UTF-8 from several high bytes is strong evidence on its own: random legacy bytes rarely form it,
    # so a token with a whole lossless UTF-8 reading needs no legacy alternatives.
    lossless = any(r.kind == "mojibake" and r.start == 0 and r.end == len(token) and r.min_gain <= 1.0
                   and _common(r.text) for r in out)
    if not lossless:
        # (Greek read with cp1251 is Cyrillic with capitals inside words, `ЕллЬдб`: its readings may change the
        # script, which a Cyrillic word's otherwise never do.)
        greek = GREEK_AS_CYRILLIC.search(token) is not None
        if (rare_cjk or LEGACY_RUN.search(token) or CYRILLIC_CASE.search(token) or CYRILLIC_CAPS.search(token)
                or RARE_LATIN_RE.search(token) or greek):
            out.extend(_legacy_readings(token, below_gain, other_script=greek))
        elif CYRILLIC_GLUE.search(token):
            # (A Cyrillic letter glued to an ASCII one is a Latin text's accented letter read with a Cyrillic
            # code page, `Zaїуіж`, `cafй`: only such a code page's readings. The same letters read as CJK, `邢w`
            # for `поw`, are a CJK text's only where other shapes of it show. Where only box-drawing signs touch
            # the letters, only the signs are read anew: KOI8-U and KOI8-R differ in nothing else, and a table
            # drawn around Cyrillic words, `║Имя║`, is no other code page's letters.)
            legacy = _legacy_readings(token, below_gain, single_byte=True)
            if ASCII_GLUE.search(token) is None and SIGN_GLUE.search(token) is None:
                legacy = [r for r in legacy if _signs_only(token, r.text)]
            out.extend(legacy)
    # A reading with a character real text never uses is not worth the model's time.
    return [r for r in _dedupe(_compose_marks(token, out))
            if (keep_unseen or seen(r.text)) and r.min_gain < below_gain]


def _signs_only(token: str, reading: str) -> bool:
    """Whether ``reading`` changes only the box-drawing signs of ``token``."""
    return len(reading) == len(token) and all(
        a == b or "\u2500" <= a <= "\u257f" for a, b in zip(token, reading, strict=True))


def _common(text: str) -> bool:
    """Whether real text commonly uses every character of ``text`` (a capital as its lower case; emoji, which
    the corpora's prose never shows)."""
    return all(c < "\x80" or c in COMMON or c.lower() in COMMON or c in EMOJI for c in text)


def seen(text: str) -> bool:
    """Whether real text uses every character of ``text``, but for a few ideographs in a long run of them (see
    :func:`_seen_but_rare_hanzi`)."""
    return all(c in SEEN or c < "\x80" for c in text) or _seen_but_rare_hanzi(text)


_HANZI = regex.compile(r"[\u4e00-\u9fff]")
RARE_HANZI_RUN, RARE_HANZI_SHARE = 8, 1 / 8


def _seen_but_rare_hanzi(text: str) -> bool:
    """Whether every character of ``text`` is one real text uses but for a few ideographs among many: a line of
    Chinese read back whole may hold a character neither our corpora nor the standards' first levels list
    (`诏`, GB 2312's second level), and dropping the reading for it left only another code page's noise (Greek
    `1945Δκ8ΤΒ14ΘΥ` for `1945年8月14日`). The model weighs such a reading; a word's one or two ideographs say too
    little to be let through so."""
    if len(text) < RARE_HANZI_RUN:
        return False
    unseen = [c for c in text if c >= "\x80" and c not in SEEN]
    hanzi = len(_HANZI.findall(text))
    return (hanzi >= RARE_HANZI_RUN and len(unseen) <= RARE_HANZI_SHARE * hanzi
            and all(_HANZI.match(c) for c in unseen))


@lru_cache(maxsize=65536)
def script_of(text: str) -> str:
    """The script of the first letter outside ASCII ('' if none)."""
    for ch in text:
        if ord(ch) >= 0x80 and ch.isalpha():
            for name, pattern in _SCRIPTS:
                if pattern.match(ch):
                    return name
            return "other"
    return ""


_SCRIPTS = [(name, regex.compile(rf"\p{{{name}}}")) for name in ("Latin", "Cyrillic", "Greek", "Arabic", "Hebrew")]


def _compose_marks(token: str, readings: list[Reading]) -> list[Reading]:
    """A recovered combining mark joins the letter before it, composed (NFC) like the rest of the text."""
    out = []
    for r in readings:
        if COMBINING.match(r.text) and r.start > 0:
            text = unicodedata.normalize("NFC", token[r.start - 1] + r.text)
            r = replace(r, start=r.start - 1, text=text)
        out.append(r)
    return out


def _dedupe(readings: list[Reading]) -> list[Reading]:
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for r in readings:
        key = (r.start, r.end, r.text, r.detail)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
