"""Small helpers the readers share: size limits and bytes-to-text with an edit saying what was done."""

from __future__ import annotations

from unmangle.decoding import UnreadableInput, decode_bytes
from unmangle.document import Edit
from unmangle.pipeline.config import MB
from unmangle.pipeline.records import Rejected


def too_large(source: str, position: int, size: int, limit: int) -> Rejected:
    return Rejected(source, position, "too_large",
                    f"record is {size / MB:.1f} MB, above the {limit / MB:.1f} MB limit (--max-record-mb); "
                    "skipped without loading it")


def decode_text(data: bytes, source: str, position: int) -> tuple[str, list[Edit]] | Rejected:
    """Text from bytes: UTF-8, or the detector's choice with a ``decode`` edit; binary data is rejected."""
    try:
        return decode_bytes(data)
    except UnreadableInput as exc:
        return Rejected(source, position, "binary", f"not text: {exc}")
