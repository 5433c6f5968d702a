"""Pieces of a very long text, each repaired alone: memory stays bounded whatever the input.

Mojibake is local (a decoder's damage never crosses an ASCII byte), and a piece of a megabyte holds all the
context the repair's document-level judgement needs; cutting at line ends, else at spaces, keeps every token
whole.
"""

from __future__ import annotations

from collections.abc import Iterator

PIECE = 1 << 20  # characters a piece holds at most (about 1 MB of Latin text)
_WS = " \t\r\f\v"


def pieces(text: str, limit: int = PIECE) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` for consecutive pieces of ``text`` of at most ``limit`` characters, cut after a
    line end where there is one in the second half of the piece, else after a space, else anywhere (a run of
    a megabyte without a space is not text a decoder left)."""
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            half = start + limit // 2
            cut = text.rfind("\n", half, end)
            if cut < 0:
                cut = max(text.rfind(c, half, end) for c in _WS)
            if cut >= 0:
                end = cut + 1
        yield start, text[start:end]
        start = end
