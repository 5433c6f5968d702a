"""A text that went whole through one wrong decoder, read back with one encode and one decode.

Most damaged pages went through one wrong decoder from end to end and lost nothing: encoded back with that
decoder, the whole text is UTF-8. ftfy finds this for the decoders it knows (:func:`ftfy_steps.ftfy_first`);
this finds it for the rest (GBK, Big5, Shift-JIS, EUC-KR, ISO-8859-x, KOI8...) with a round trip in C per
decoder, so the token search never runs. The checks are those of the search, for the text as a whole: no
other decoder reads the text into other common text, two words or two characters come back (one character
read back in one word is real text as often as damage: `Рі` is cp1251 for `г`), what comes back looks clean
to our scan, and the model finds no changed word much worse.
"""

from __future__ import annotations

from unmangle.document import Edit
from unmangle.encoding.codecs import WRONG_DECODERS, WrongDecoder
from unmangle.encoding.ftfy_steps import token_edits
from unmangle.encoding.gate import worth_repairing
from unmangle.encoding.readings import _common, find_suspect, seen

MIN_EVIDENCE = 2  # distinct words read back, or distinct characters brought back


def whole_text_first(text: str) -> list[Edit] | None:
    """Edits reading ``text`` back when one wrong decoder's bytes of all of it are UTF-8 and the result passes
    the checks above; else None (the full repair decides)."""
    if "\ufffd" in text:
        return None  # bytes were lost: nothing reads the text back whole
    readings: dict[str, WrongDecoder] = {}
    for wd in WRONG_DECODERS:  # (most common first: it names the reading that several decoders give alike)
        try:
            fixed = text.encode(wd.codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != text and _real(set(fixed) - set(text)):
            readings.setdefault(fixed, wd)
    if len(readings) > 1:
        readings = {fixed: wd for fixed, wd in readings.items() if _common(fixed)}
    if len(readings) != 1:
        return None  # nothing, or rival readings: the model weighs them token by token
    ((fixed, wd),) = readings.items()
    if worth_repairing(fixed) and find_suspect(fixed) is not None:
        return None  # something is still odd: another layer, or lost bytes
    edits = token_edits(text, fixed, lambda token: token.encode(wd.codec).decode("utf-8"), f"utf-8 read as {wd.label}")
    if edits is None or (len({e.before for e in edits}) < MIN_EVIDENCE
                         and len({c for c in fixed if c >= "\x80"} - set(text)) < MIN_EVIDENCE):
        return None
    return edits


def _real(new: set[str]) -> bool:
    """Whether real text writes these characters: not controls (a codec may write U+FFFD as the byte 0x1A),
    not characters the corpora never showed."""
    return all(c.isprintable() or c in "\t\n\r" for c in new) and seen("".join(new))
