"""A text that went whole through one wrong decoder, read back with one encode and one decode.

Most damaged pages went through one wrong decoder from end to end and lost nothing. For UTF-8, encoded back
with that decoder the whole text is UTF-8 again: ftfy finds this for the decoders it knows
(:func:`ftfy_steps.ftfy_first`); :func:`whole_text_first` finds it for the rest (GBK, Big5, Shift-JIS,
EUC-KR, ISO-8859-x, KOI8...) with a round trip in C per decoder, so the token search never runs. A legacy
text (GBK, EUC-KR, cp1251...) read as Latin-1 or as another legacy codec decodes whole in its true encoding
too, but so do other codecs' bytes, into noise: :func:`whole_legacy_first` lets the model rank the readings.

The checks are those of the search, for the text as a whole: no rival reading (for UTF-8, none into other
common text; for a legacy text, none the model finds nearly as probable), two words or two characters come
back (one character read back in one word is real text as often as damage: `Рі` is cp1251 for `г`), what
comes back looks clean to our scan, and the model finds no changed word much worse.
"""

from __future__ import annotations

import unicodedata

from unmangle.document import Edit
from unmangle.encoding.codecs import LEGACY_TRUE, LEGACY_WRONG, MULTIBYTE_TRUE, WRONG_DECODERS, legacy_pair
from unmangle.encoding.ftfy_steps import token_edits
from unmangle.encoding.gate import worth_repairing
from unmangle.encoding.lexicon import best_by_words
from unmangle.encoding.lexicon import token_edits as lexicon_edits
from unmangle.encoding.model import default_model, fold_capitals, score_each
from unmangle.encoding.readings import _common, case_breaks, find_suspect, mixes_scripts, seen
from unmangle.encoding.utf8 import count_high, plausible_high_bytes, valid_high_bytes

MIN_EVIDENCE = 2  # distinct words read back, or distinct characters brought back
LEGACY_GAIN = 1.0  # nats per character outside ASCII a legacy reading must gain over the text as it stands
LEGACY_RIVAL = 10.0  # nats it must beat any other legacy reading by
# Nats a changed word must gain on average, as a legacy reading of one word must (Portuguese `não` is
# Romanian `năo` through cp1250 at 3 nats; `Ôîññèÿ` is `Россия` at 39)
LEGACY_WORD_GAIN = 6.0
LEGACY_WORDS = 3  # distinct words read back: a legacy code page garbles every word of a text (`lá´´` is Thai `lแดด`)
LOST_BYTES_SHARE = 2  # a text's bytes read as UTF-8 with some lost: at least 1 in this many in whole characters
JUDGED = 2000  # characters the model reads to rank legacy readings


def whole_text_first(text: str) -> list[Edit] | None:
    """Edits reading ``text`` back when one wrong decoder's bytes of all of it are UTF-8 and the result passes
    the checks above; else None (the full repair decides)."""
    if "\ufffd" in text:
        return None  # bytes were lost: nothing reads the text back whole
    readings: dict[str, tuple[str, str, str]] = {}
    known = set(text)
    for wd in WRONG_DECODERS:  # (most common first: it names the reading that several decoders give alike)
        _read(text, known, wd.codec, "utf-8", wd.label, readings)
    if len(readings) > 1:
        # (Nor one that puts more capitals inside words than another: cp1250 reads ISO-8859-2's `smĂśrgĂĽsbord` as
        # `smÜrgüsbord`, with the commoner letters.)
        fewest = min(map(case_breaks, readings))
        readings = {fixed: how for fixed, how in readings.items() if _common(fixed) and case_breaks(fixed) == fewest}
    if len(readings) != 1:
        return None  # nothing, or rival readings: the model weighs them token by token
    ((fixed, how),) = readings.items()
    return _edits(text, fixed, *how)


def whole_legacy_first(text: str) -> list[Edit] | None:
    """Edits reading ``text`` back as a legacy text read with a wrong codec, when one reading of all of it is
    far more probable than the text and than every other reading, and passes the checks above; else None."""
    if "\ufffd" in text or _utf8_through_any(text):
        return None
    readings: dict[str, tuple[str, str, str]] = {}
    known = set(text)
    for wd in LEGACY_WRONG:
        try:
            data = text.encode(wd.codec)  # (once a decoder: most texts stop here, at their first odd character)
        except UnicodeError:
            continue
        if _is_utf8(data) or _utf8_lost_bytes(data):
            # UTF-8 read with this decoder (once or twice: `çª¶ï½¦` is `…` through Shift-JIS, then cp1252) is the
            # web's commoner story, and the token search weighs it: a legacy text's bytes are hardly ever UTF-8.
            # So with bytes the decoder dropped (`Ð² ÑÐ¾Ð²Ñ€ÐµÐ¼ÐµÐ½Ð½Ð¾Ð¹`, Russian whose 0x81 cp1252 lost, is
            # Thai through cp874, where every byte decodes: the readings here would rank only noise).
            continue
        for true in LEGACY_TRUE:
            if legacy_pair(wd, true):
                _decode(text, known, data, wd.codec, true, wd.label, readings)
    if not readings:
        return None
    model = default_model()
    # (The text and its readings scored in one gather: a paragraph has dozens of readings.)
    judged = [fold_capitals(t[:JUDGED]) for t in (text, *readings)]
    own, *scores = score_each(model, "", judged, [""] * len(judged))
    ranked = sorted(zip(scores, readings, strict=True), reverse=True)
    best, fixed = ranked[0]
    high = sum(1 for c in text[:JUDGED] if c >= "\x80")
    if best - own >= LEGACY_GAIN * high and (len(ranked) == 1 or best - ranked[1][0] >= LEGACY_RIVAL):
        edits = _edits(text, fixed, *readings[fixed], mean_gain=LEGACY_WORD_GAIN, words=LEGACY_WORDS)
        if edits:
            return edits
    # Too little text for the model to rank the readings (a sentence, a title): its words may, if written as words
    # are (`ÆØÅ`, a Danish keyboard's letters, is ISO-8859-5's Ukrainian `цих` only as `ЦиХ`).
    breaks = case_breaks(text)
    by_words = best_by_words(text, [r for r in readings if case_breaks(r) <= breaks], {r: s - own for s, r in ranked})
    if by_words is None:
        return None
    fixed, sure = by_words
    if worth_repairing(fixed) and find_suspect(fixed) is not None:
        return None  # something is still odd: another layer, or lost bytes
    wrong, true, label = readings[fixed]
    return lexicon_edits(text, fixed, f"{true} read as {label}", sure) or None


def _utf8_through_any(text: str) -> bool:
    """Whether some wrong decoder's bytes of all of ``text`` are UTF-8: :func:`whole_text_first` found rival
    readings there (KOI8-R and KOI8-U part on a box-drawing sign), which the token search weighs; a legacy
    reading would only rank noise against them (Persian through KOI8-R is Big5 read as GBK, `扮肚戒沔`)."""
    for wd in WRONG_DECODERS:
        try:
            data = text.encode(wd.codec)
        except UnicodeError:
            continue
        if not data.isascii() and _is_utf8(data):
            return True
    return False


def _utf8_lost_bytes(data: bytes) -> bool:
    """Whether ``data`` reads as UTF-8 that lost some continuation bytes: every byte outside ASCII in a whole
    or cut-short sequence, most in whole ones (a legacy code page's letters rarely follow a lead byte with a
    continuation byte, and its lower case, from 0xE0 up, would be leads with none)."""
    high = count_high(data)
    return plausible_high_bytes(data) == high and valid_high_bytes(data) * LOST_BYTES_SHARE >= high


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read(text: str, known: set[str], wrong: str, true: str, label: str,
          readings: dict[str, tuple[str, str, str]]) -> None:
    """Adds the reading of ``text`` (whose characters are ``known``) as ``true`` bytes read by ``wrong``, if
    there is one."""
    try:
        data = text.encode(wrong)
    except UnicodeError:
        return
    _decode(text, known, data, wrong, true, label, readings)


def _decode(text: str, known: set[str], data: bytes, wrong: str, true: str, label: str,
            readings: dict[str, tuple[str, str, str]]) -> None:
    """:func:`_read`, given the text's bytes under ``wrong``."""
    try:
        fixed = data.decode(true)
    except UnicodeError:
        return
    if fixed != text and _real(set(fixed) - known):
        readings.setdefault(fixed, (wrong, true, label))


def _edits(text: str, fixed: str, wrong: str, true: str, label: str, mean_gain: float = 0.0,
           words: int | None = None) -> list[Edit] | None:
    """Token edits for a whole-text reading, given enough evidence: ``words`` distinct words read back, or
    else two words or two characters brought back."""
    if worth_repairing(fixed) and find_suspect(fixed) is not None:
        return None  # something is still odd: another layer, or lost bytes
    edits = token_edits(text, fixed, lambda token: token.encode(wrong).decode(true), f"{true} read as {label}",
                        mean_gain)
    if edits is None:
        return None
    if true not in MULTIBYTE_TRUE and true != "utf-8" and any(mixes_scripts(e.after) for e in edits):
        return None  # a single-byte script glued to ASCII letters (`canзЄ¶е†І`) is no legacy text
    changed = len({e.before for e in edits})
    if words is not None:
        return edits if changed >= words else None
    if changed < MIN_EVIDENCE and len({c for c in fixed if c >= "\x80"} - set(text)) < MIN_EVIDENCE:
        return None
    return edits


def _real(new: set[str]) -> bool:
    """Whether real text writes these characters: not controls (a codec may write U+FFFD as the byte 0x1A),
    not characters the corpora never showed. Spaces are text (Python calls a no-break space unprintable: KOI8-U
    writes one as 0x9A, which cp1251 shows as `љ`)."""
    return all(c.isprintable() or c in "\t\n\r" or unicodedata.category(c) == "Zs" for c in new) and seen(
        "".join(new))
