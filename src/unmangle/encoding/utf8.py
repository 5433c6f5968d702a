"""UTF-8 structure of a byte string, found with compiled byte regexes (C speed, no Python loop per byte)."""

from __future__ import annotations

import re

_SEQ = (rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
        rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
        rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# A lead byte followed by fewer continuation bytes than it needs: what a lost trailing byte leaves.
_TRUNCATED = (rb"[\xc2-\xdf](?![\x80-\xbf])|[\xe0-\xef][\x80-\xbf]?(?![\x80-\xbf])"
              rb"|[\xf0-\xf4][\x80-\xbf]{0,2}(?![\x80-\xbf])")

# The same, short of one byte only: what one lost continuation byte leaves (a decoder that drops a few bytes
# drops two of one character hardly ever, and a lead alone is any legacy letter from 0xE0 up).
_ONE_SHORT = (rb"[\xc2-\xdf](?![\x80-\xbf])|[\xe0-\xef][\x80-\xbf](?![\x80-\xbf])"
              rb"|[\xf0-\xf4][\x80-\xbf]{2}(?![\x80-\xbf])")
VALID_MULTIBYTE = re.compile(rb"(?:" + _SEQ + rb")")
TRUNCATED = re.compile(_TRUNCATED)
VALID_RUN = re.compile(rb"(?:" + _SEQ + rb")+")
WELL_FORMED_OR_TRUNCATED = re.compile(rb"(?:" + _SEQ + rb"|" + _TRUNCATED + rb")+")
WELL_FORMED_OR_ONE_SHORT = re.compile(rb"(?:" + _SEQ + rb"|" + _ONE_SHORT + rb")+")
HIGH_BYTES = bytes(range(0x80, 0x100))


def count_high(data: bytes) -> int:
    return len(data) - len(data.translate(None, HIGH_BYTES))


def valid_high_bytes(data: bytes) -> int:
    """Bytes >= 0x80 that belong to complete, valid UTF-8 sequences: what Python's own decoder keeps (faster
    than a byte regex over text that is mostly not UTF-8, such as Thai under cp874)."""
    kept = data.decode("utf-8", "replace").replace("\ufffd", "").encode("utf-8")
    return len(kept) - (len(data) - count_high(data))


def plausible_high_bytes(data: bytes) -> int:
    """Bytes >= 0x80 in valid or merely truncated UTF-8 sequences (truncated = a byte was lost)."""
    return sum(len(m) for m in WELL_FORMED_OR_TRUNCATED.findall(data))


def needed_continuations(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 1
    if 0xE0 <= lead <= 0xEF:
        return 2
    if 0xF0 <= lead <= 0xF4:
        return 3
    return -1
