"""Candidate readings of a token: what it would say had its bytes been decoded with the right codec.

A token is a whitespace-delimited run: no codec here ever merges a byte across whitespace, so tokens can be
repaired independently (and their decisions cached). Every candidate comes from C-level codec calls
(``str.encode``/``bytes.decode``); the model is consulted only for the few candidates that survive.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import accumulate

import regex

from unmangle.encoding.codecs import LEGACY_TRUE, LEGACY_WRONG, MULTI_BYTE, SINGLE_BYTE, WrongDecoder
from unmangle.encoding.lost_bytes import HOLE, recover
from unmangle.encoding.model import CharModel
from unmangle.encoding.utf8 import VALID_RUN, count_high, plausible_high_bytes


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


def _class(chars: set[str]) -> str:
    return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"


def _build_tables() -> tuple[dict[str, int], regex.Pattern[str]]:
    enc_mask: dict[str, int] = {}
    leads: set[str] = set()
    conts: set[str] = set()
    for bit, wd in enumerate(SINGLE_BYTE):
        for ch in wd.high_chars:
            enc_mask[ch] = enc_mask.get(ch, 0) | (1 << bit)
        leads |= set(wd.chars_for(range(0xC2, 0xF5)))
        conts |= set(wd.chars_for(range(0x80, 0xC0)))
    cp1252_high = set(SINGLE_BYTE[0].high_chars)
    suspect = regex.compile(
        _class(leads) + _class(conts)                     # UTF-8 read with a single-byte codec
        + r"|[\x80-\x9f\ufffd]"                           # C1 controls, replacement characters
        + r"|[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\uff00-\uffef]"  # what CJK decoders produce
        + "|" + _class(cp1252_high) + "{3,}"              # a legacy encoding read as latin-1/cp1252
    )
    return enc_mask, suspect


ENC_MASK, SUSPECT = _build_tables()
CJK = regex.compile(r"[\u2e80-\u9fff\uac00-\ud7af\ue000-\ufaff\uff00-\uffef]")
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


def _utf8_readings(token: str, wd: WrongDecoder, model: CharModel, before: str) -> list[Reading]:
    if "\ufffd" in token:
        seq = _encode_with_holes(token, wd.codec)
        if seq is None or all(0 <= b < 0x80 for b in seq):
            return []
        rec = recover(seq, wd.codec, model, ignore_mode=False, before=before)
        if rec is None:
            return []
        return [Reading(0, len(token), rec.text, "lost-byte", _label(wd) + ", lost bytes replaced by U+FFFD",
                        lost=rec.lost, min_gain=2.0, cost=rec.cost)]
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
    if plausible_high_bytes(data) >= 0.85 * high:
        rec = recover(list(data), wd.codec, model, ignore_mode=True, before=before)
        if rec is not None and rec.text != token:
            return [Reading(0, len(token), rec.text, "lost-byte", _label(wd) + ", lost bytes put back",
                            lost=rec.lost, min_gain=3.0, cost=rec.cost)]
    return _partial_readings(token, data, wd, min_bytes=6 if wd.multibyte else 4)


MULTIBYTE_TRUE = frozenset({"gbk", "big5", "shift_jis", "euc_jp", "euc_kr"})


def _legacy_readings(token: str) -> list[Reading]:
    """A legacy encoding read with another codec: single-byte readings of any legacy text, and CJK codecs
    confused with each other (GBK read as Big5); a CJK reading never turns into a single-byte script."""
    out: list[Reading] = []
    seen: set[str] = set()
    for wd in LEGACY_WRONG:
        try:
            data = token.encode(wd.codec)
        except UnicodeEncodeError:
            continue
        if count_high(data) < 2:
            continue
        for true in LEGACY_TRUE:
            if true == wd.codec or (wd.multibyte and true not in MULTIBYTE_TRUE):
                continue
            try:
                text = data.decode(true)
            except UnicodeDecodeError:
                continue
            if text != token and text not in seen:
                seen.add(text)
                out.append(Reading(0, len(token), text, "mojibake", _label(wd, true), min_gain=6.0))
    return out


def candidate_readings(token: str, model: CharModel, before: str = "") -> list[Reading]:
    """Every reading of ``token`` that some (true encoding, wrong decoder) pair allows.

    ``before`` is the last quotation mark before the token, if any: it tells a lost closing quote from an
    opening one.
    """
    out: list[Reading] = []
    mask = -1
    for ch in token:
        if ord(ch) >= 0x80 and ch != "\ufffd":
            mask &= ENC_MASK.get(ch, 0)
            if not mask:
                break
    if mask:
        for bit, wd in enumerate(SINGLE_BYTE):
            if mask & (1 << bit):
                out.extend(_utf8_readings(token, wd, model, before))
    if CJK.search(token) or "\ufffd" in token:
        for wd in MULTI_BYTE:
            out.extend(_utf8_readings(token, wd, model, before))
    if LEGACY_RUN.search(token) or CJK.search(token):
        out.extend(_legacy_readings(token))
    return _dedupe(_compose_marks(token, out))


def _compose_marks(token: str, readings: list[Reading]) -> list[Reading]:
    """A recovered combining mark joins the letter before it, composed (NFC) like the rest of the text."""
    out = []
    for r in readings:
        if COMBINING.match(r.text) and r.start > 0:
            text = unicodedata.normalize("NFC", token[r.start - 1] + r.text)
            r = Reading(r.start - 1, r.end, text, r.kind, r.detail, r.lost, r.min_gain, r.cost)
        out.append(r)
    return out


def _dedupe(readings: list[Reading]) -> list[Reading]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for r in readings:
        key = (r.start, r.end, r.text)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
