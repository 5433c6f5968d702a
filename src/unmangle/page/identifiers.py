"""Stray identifiers: image and tracking IDs, hex hashes, UUIDs, base64-like tokens, on their own line or glued to text.

A token is an identifier by its shape, not by a list: long hex runs with digits and letters mixed, the UUID layout,
or a long token whose characters switch between upper case, lower case and digits far more often than words do.
"""

from __future__ import annotations

import re

from unmangle.document import Edit

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX_RUN = re.compile(r"[0-9a-f]{16,}|[0-9A-F]{16,}")
_B64_RUN = re.compile(r"[A-Za-z0-9+/_-]{20,}={0,2}")
_IMAGE_FILE = re.compile(r"[\w.%+-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)(?:\?\S*)?", re.I)
_LONG_NUMBER = re.compile(r"#?\d{8,}")
_HASH_LENGTHS = (128, 64, 40, 32, 24, 16)


def _mixed_hex(s: str) -> bool:
    digits = sum(c.isdigit() for c in s)
    return digits >= 3 and len(s) - digits >= 3


def _switch_rate(s: str) -> float:
    """How often consecutive characters change class (upper, lower, digit): ~0.6 for random tokens, low for words."""
    def cls(c: str) -> int:
        return 0 if c.isupper() else 1 if c.islower() else 2 if c.isdigit() else 3

    return sum(cls(a) != cls(b) for a, b in zip(s, s[1:], strict=False)) / max(1, len(s) - 1)


def _base64ish(s: str) -> bool:
    core = s.rstrip("=")
    return (len(core) >= 20 and sum(c.isupper() for c in core) >= 2 and sum(c.islower() for c in core) >= 2
            and sum(c.isdigit() for c in core) >= 2 and _switch_rate(core) >= 0.5)


def identifier_kind(token: str) -> str | None:
    """What sort of identifier a whole token is, or None.

    >>> identifier_kind("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    'uuid'
    >>> identifier_kind("Constitution") is None
    True
    """
    token = token.strip("()[]<>{},;:\"'")
    if _UUID.fullmatch(token):
        return "uuid"
    if _HEX_RUN.fullmatch(token) and _mixed_hex(token):
        return "hex hash"
    if _B64_RUN.fullmatch(token) and _base64ish(token):
        return "base64-like token"
    if _IMAGE_FILE.fullmatch(token) and not token.lower().startswith("http"):
        return "image file name"
    if _LONG_NUMBER.fullmatch(token):
        return "long number"
    return None


def identifier_line(text: str) -> str | None:
    """The kind of identifier a whole line is made of (every token an identifier), or None."""
    tokens = text.split()
    if not tokens or len(tokens) > 4:
        return None
    kinds = [identifier_kind(t) for t in tokens]
    if all(kinds) and any(k != "long number" for k in kinds):
        return kinds[0]
    if len(tokens) == 1 and kinds[0] == "long number" and len(tokens[0].lstrip("#")) >= 10:
        return "long number"
    return None


def _glued_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The identifier inside a hex run that may have swallowed letters a-f of the word it is glued to."""
    run = text[start:end]
    if not _mixed_hex(run):
        return None
    before_word = start > 0 and text[start - 1].isalnum()
    after_word = end < len(text) and text[end].isalnum()
    for length in _HASH_LENGTHS:
        extra = len(run) - length
        if extra < 0 or extra > 12:
            continue
        # A word ending or starting in a-f letters glued to a hash of a standard length: give the letters back.
        if extra and run[:extra].isalpha() and _mixed_hex(run[extra:]) and not after_word:
            return start + extra, end
        if extra and run[length:].isalpha() and _mixed_hex(run[:length]) and not before_word:
            return start, start + length
        if not extra:
            break
    # Glued to the end of a word ("Keller" + a 64-digit hash): a run of exactly a hash's length is the hash.
    if after_word or (before_word and len(run) not in _HASH_LENGTHS):
        return None
    return start, end


def find_identifiers(text: str) -> list[tuple[int, int, str]]:
    """Spans of identifiers inside running text (glued to a word or standing between words)."""
    spans: list[tuple[int, int, str]] = []
    for m in _UUID.finditer(text):
        spans.append((m.start(), m.end(), "uuid"))
    for m in _HEX_RUN.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        span = _glued_span(text, m.start(), m.end())
        if span:
            spans.append((*span, "hex hash"))
    for m in _B64_RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e, _ in spans) or not _base64ish(m.group()):
            continue
        token_start = text.rfind(" ", 0, m.start()) + 1
        token = text[token_start:m.end()]
        if "://" in token or "www." in token or "/" in m.group().strip("/"):
            continue
        spans.append((m.start(), m.end(), "base64-like token"))
    return sorted(spans)


def strip_identifiers(text: str) -> tuple[str, list[Edit]]:
    """Remove identifiers from running text; edits are local to ``text``.

    >>> strip_identifiers("It opened in 1990.9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b8 Crowds came.")[0]
    'It opened in 1990. Crowds came.'
    """
    edits: list[Edit] = []
    for start, end, kind in find_identifiers(text):
        # Take one neighbouring space along so that "a ID b" becomes "a b", not "a  b".
        if start > 0 and text[start - 1] == " " and (end == len(text) or text[end] in " .,;:!?"):
            start -= 1
        elif end < len(text) and text[end] == " " and start == 0:
            end += 1
        edits.append(Edit("identifier", start, end, text[start:end], "", 0.9, kind))
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        pos = e.end
    out.append(text[pos:])
    return "".join(out), edits
