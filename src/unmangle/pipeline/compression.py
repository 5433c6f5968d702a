"""Streaming decompression that keeps every byte it could decode when a file is cut short.

Python's ``gzip`` raises on a truncated file and loses the buffered tail, and ``zstandard``'s stream reader
says nothing at all. These readers return all the data before the cut and then record that the file was
truncated, so a reader can keep the documents it got and reject the rest with a clear reason.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO

import zstandard

CHUNK = 1 << 16


class TolerantDecompressor(io.RawIOBase):
    """A raw stream over a compressed file with any number of concatenated members or frames."""

    def __init__(self, raw: BinaryIO, new_decompressor: Callable[[], Any]) -> None:
        self._raw = raw
        self._new = new_decompressor
        self._obj = new_decompressor()
        self._buffer = b""
        self._started = False  # data fed to the current member
        self._position = 0
        self.truncated = False
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        """Bytes of decompressed data handed out so far (FastWARC asks once, to number record offsets)."""
        return self._position

    def readinto(self, b: Any) -> int:
        while not self._buffer:
            if not self._fill():
                return 0
        n = min(len(b), len(self._buffer))
        b[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._position += n
        return n

    def _fill(self) -> bool:
        """Decompress one more chunk; False at the end of the data."""
        if self.error is not None:
            return False
        if self._obj.eof:
            rest = self._obj.unused_data
            self._obj = self._new()
            self._started = False
            if rest:
                return self._feed(rest)
        chunk = self._raw.read(CHUNK)
        if not chunk:
            if self._started and not self._obj.eof:
                self.truncated = True
            return False
        return self._feed(chunk)

    def _feed(self, data: bytes) -> bool:
        self._started = True
        try:
            self._buffer = self._obj.decompress(data)
        except (zlib.error, zstandard.ZstdError) as exc:
            self.error = str(exc)
            return False
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_decompressed(raw: BinaryIO, path: str) -> tuple[BinaryIO, TolerantDecompressor | None]:
    """A buffered binary stream of the decompressed content of ``path`` (by extension)."""
    if path.endswith(".gz"):
        inner = TolerantDecompressor(raw, lambda: zlib.decompressobj(wbits=31))
    elif path.endswith(".zst"):
        inner = TolerantDecompressor(raw, lambda: zstandard.ZstdDecompressor().decompressobj())
    else:
        return raw, None
    return io.BufferedReader(inner, buffer_size=1 << 20), inner  # type: ignore[return-value]


def damage_reason(stream: TolerantDecompressor | None, path: str) -> str | None:
    """Why the decompressed stream ended early, or None when it ended cleanly."""
    if stream is None:
        return None
    kind = "gzip" if path.endswith(".gz") else "zstd"
    if stream.error is not None:
        return f"corrupt {kind} data ({stream.error}); the documents after this point are lost"
    if stream.truncated:
        return f"truncated {kind} file: it ends in the middle of compressed data; the rest is lost"
    return None
