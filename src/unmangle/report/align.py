"""Where each character of the output came from, so edits (whose spans index the input) can be marked in the output.

The cleaned text is the input with its edits applied and then pieces left out (debris, repeats, the title moved to
its own field, whitespace tidied). So we apply the edits ourselves, then find the output's lines in that text, in
order; a line that was changed inside (a spam injection cut out) is matched piece by piece.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from unmangle.document import Edit

_WINDOW = 4000  # how far past the last match a changed line's pieces are looked for
_PIECE = 24  # characters a piece must share with the edited text to count as the same text


@dataclass(frozen=True, slots=True)
class Applied:
    """The input with the placeable edits applied, and which edit produced each character of it."""

    text: str
    owner: list[int]  # per character of ``text``: index of the edit whose after-text it is, or -1
    to_input: list[int]  # per character of ``text``: its input offset (the edit's start inside an after-text)
    placed: list[int]  # edits whose span fits the input, in input order
    edited_at: dict[int, int]  # edit index -> offset in ``text`` where its after-text starts
    around: list[int] = field(default_factory=list)  # deletions holding other edits: marked around them, not applied

    def at_input(self, offset: int) -> int:
        """Offset in ``text`` of the first character that comes from input ``offset`` or later."""
        return bisect_left(self.to_input, offset)


def _deletions_around_edits(edits: list[Edit], length: int) -> list[int]:
    """Deletions whose span holds other edits, e.g. a dateline moved out of the body with a repair inside it.

    Applying such a deletion would hide the repairs (and the moved text, which the output still shows elsewhere), so
    the repairs are applied and the deletion is only marked around them.
    """
    spans = sorted((e.start, -e.end, i) for i, e in enumerate(edits) if 0 <= e.start <= e.end <= length)
    around: list[int] = []
    reach = 0  # end of the last one taken: only the outermost of nested ones is taken
    for n, (s, neg_end, i) in enumerate(spans):
        end = -neg_end
        if edits[i].after or s == end or (around and s < reach):
            continue
        following = spans[n + 1] if n + 1 < len(spans) else None
        if following is not None and following[0] < end and -following[1] <= end:
            around.append(i)
            reach = end
    return around


def apply_with_owners(original: str, edits: list[Edit]) -> Applied:
    """Apply every edit whose span lies in the input and does not overlap an earlier one; remember provenance.

    A deletion that holds other edits is not applied but listed in ``around`` (see :func:`_deletions_around_edits`).
    """
    out: list[str] = []
    owner: list[int] = []
    to_input: list[int] = []
    placed: list[int] = []
    edited_at: dict[int, int] = {}
    pos = 0
    size = 0
    around = _deletions_around_edits(edits, len(original))
    skip = set(around)
    order = sorted((i for i in range(len(edits)) if i not in skip), key=lambda i: (edits[i].start, edits[i].end))
    for i in order:
        e = edits[i]
        if not 0 <= e.start <= e.end <= len(original) or e.start < pos:
            continue
        plain = original[pos:e.start]
        out.append(plain)
        owner.extend([-1] * len(plain))
        to_input.extend(range(pos, e.start))
        size += len(plain)
        edited_at[i] = size
        out.append(e.after)
        owner.extend([i] * len(e.after))
        to_input.extend([e.start] * len(e.after))
        size += len(e.after)
        placed.append(i)
        pos = e.end
    out.append(original[pos:])
    owner.extend([-1] * (len(original) - pos))
    to_input.extend(range(pos, len(original)))
    return Applied("".join(out), owner, to_input, placed, edited_at, around)


def _find(source: str, text: str, start: int, end: int | None, blocked: bytearray | None) -> int:
    """``source.find`` that skips occurrences touching a blocked character (text recorded as removed)."""
    found = source.find(text, start) if end is None else source.find(text, start, end)
    while found >= 0 and blocked is not None and blocked.find(1, found, found + len(text)) >= 0:
        found = source.find(text, found + 1) if end is None else source.find(text, found + 1, end)
    return found


def _match_pieces(source: str, line: str, cursor: int, mapping: list[int], base: int,
                  blocked: bytearray | None) -> int:
    """Greedy piecewise match of a line that is not found whole; returns the new cursor."""
    i = 0
    while i < len(line):
        if line[i].isspace():
            i += 1
            continue
        found = -1
        for width in (_PIECE, 8):
            piece = line[i:i + width]
            if len(piece) < min(width, 4):
                break
            found = _find(source, piece, cursor, cursor + _WINDOW + len(piece), blocked)
            if found >= 0:
                break
        if found < 0:
            i += 1
            continue
        j = found
        while i < len(line) and j < len(source) and line[i] == source[j] and not (blocked and blocked[j]):
            mapping[base + i] = j
            i += 1
            j += 1
        cursor = j
    return cursor


def locate(source: str, target: str, cursor: int = 0, blocked: bytearray | None = None) -> tuple[list[int], int]:
    """For each character of ``target`` its offset in ``source`` (-1 when it is not from there), and the cursor.

    Characters of ``source`` flagged in ``blocked`` (recorded as removed) are never matched: when a repeated
    paragraph is kept once, the output maps to the copy that was kept.

    >>> locate("ab\\nNAV\\ncd", "ab\\ncd")[0]
    [0, 1, -1, 7, 8]
    """
    mapping = [-1] * len(target)
    start = 0
    for line in target.split("\n"):
        body = line.strip()
        if body:
            lead = len(line) - len(line.lstrip())
            found = _find(source, body, cursor, None, blocked)
            if found >= 0:
                for k in range(len(body)):
                    mapping[start + lead + k] = found + k
                cursor = found + len(body)
            else:
                cursor = _match_pieces(source, line, cursor, mapping, start, blocked)
        start += len(line) + 1
    return mapping, cursor


def search_owners(text: str, edits: list[Edit], skip: set[int]) -> list[int]:
    """Without the input: mark each edit's after-text where it is next found in ``text`` (a best guess).

    Returns per-character owners; edits placed are added to ``skip`` so another part does not claim them.
    """
    owner = [-1] * len(text)
    cursor = 0
    for i in sorted(range(len(edits)), key=lambda i: (edits[i].start, edits[i].end)):
        after = edits[i].after
        if i in skip or not after.strip():
            continue
        found = text.find(after, cursor)
        if found < 0 or any(o >= 0 for o in owner[found:found + len(after)]):
            continue
        owner[found:found + len(after)] = [i] * len(after)
        skip.add(i)
        cursor = found + len(after)
    return owner
