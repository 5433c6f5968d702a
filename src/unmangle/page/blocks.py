"""A scraped page as blocks (its non-blank lines), after the encoding repair, with spans back into the input.

Every later step works on repaired text; the :class:`Page` keeps the map so that what they report (edits,
removed blocks) points at the characters the user gave us.
"""

from __future__ import annotations

from dataclasses import dataclass

from unmangle.document import Edit, OffsetMap
from unmangle.encoding import fix_and_explain


@dataclass(slots=True)
class Block:
    """One non-blank line of the repaired page: ``text`` is ``fixed[start:end]`` (outer whitespace trimmed)."""

    index: int
    text: str
    start: int
    end: int
    para: int  # blocks with the same ``para`` were on consecutive lines (no blank line between them)


@dataclass(slots=True)
class Page:
    """The input, its repaired text and the encoding edits between them."""

    source: str
    fixed: str
    edits: list[Edit]
    blocks: list[Block]
    _map: OffsetMap

    def to_input(self, pos: int) -> int:
        """Input offset of a position in the repaired text."""
        return self._map.to_input(pos)

    def input_span(self, block: Block) -> tuple[int, int]:
        return self.to_input(block.start), self.to_input(block.end)

    def local_edit(self, block: Block, edit: Edit) -> Edit:
        """Move an edit made on ``block.text`` (local span) to input coordinates; ``before`` becomes the input slice."""
        start = self.to_input(block.start + edit.start)
        end = self.to_input(block.start + edit.end)
        return Edit(edit.kind, start, end, self.source[start:end], edit.after, edit.confidence, edit.detail)


def split_blocks(text: str) -> list[Block]:
    """Non-blank lines of ``text`` with their spans; a blank line starts a new paragraph."""
    blocks: list[Block] = []
    para, pos, blank_before = 0, 0, False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            if blank_before and blocks:
                para += 1
            lead = len(body) - len(body.lstrip())
            blocks.append(Block(len(blocks), stripped, pos + lead, pos + lead + len(stripped), para))
            blank_before = False
        else:
            blank_before = True
        pos += len(line)
    return blocks


def read_page(source: str) -> Page:
    """Repair the encoding of the whole page (more evidence for the codec than a line has), then split it."""
    try:
        fixed, edits = fix_and_explain(source)
    except Exception:  # noqa: BLE001 - cleanup must go on with the text as given if the repair fails
        fixed, edits = source, []
    return Page(source, fixed, list(edits), split_blocks(fixed), OffsetMap(list(edits)))
