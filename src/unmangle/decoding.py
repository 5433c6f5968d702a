"""Bytes to text: UTF-8 when the bytes are UTF-8, otherwise a real detector (charset-normalizer)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from unmangle.document import Edit


class UnreadableInput(ValueError):
    """The bytes are not text in any encoding we can detect (binary data, for example)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes and C0 control bytes other than whitespace mean a binary file, not a text in a rare codec."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes) -> tuple[str, list[Edit]]:
    """Decode ``data``; the returned edit (if any) records which encoding the detector chose."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if looks_binary(data):
        raise UnreadableInput("input looks binary (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("input is not valid UTF-8 and no text encoding fits it")
    text = str(best)
    edit = Edit("decode", 0, 0, "", "", round(1.0 - float(best.chaos), 3),
                f"bytes are not UTF-8; decoded as {best.encoding} (charset-normalizer)")
    return text, [edit]
