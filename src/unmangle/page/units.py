"""A block on its way through the page steps: its current text, and the way back to the input.

Each step rewrites a block's text with local edits; the unit chains those edits so that every edit it reports is in
input coordinates and every gap offset stays in the coordinates of the current text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unmangle.document import Edit, Gap, OffsetMap
from unmangle.page.blocks import Block, Page


def _forward(pos: int, edits: list[Edit]) -> int:
    """Where a position of the old text lands in the text the (local, sorted) edits produced."""
    shift = 0
    for e in edits:
        if e.end <= pos:
            shift += len(e.after) - (e.end - e.start)
    return pos + shift


@dataclass(slots=True)
class Unit:
    block: Block
    text: str
    edits: list[Edit] = field(default_factory=list)  # input coordinates
    gaps: list[Gap] = field(default_factory=list)  # offsets into ``text``
    _maps: list[OffsetMap] = field(default_factory=list)

    @classmethod
    def of(cls, block: Block) -> Unit:
        return cls(block, block.text)

    def to_block(self, pos: int) -> int:
        """Offset in the block's repaired text of a position in the current text."""
        for m in reversed(self._maps):
            pos = m.to_input(pos)
        return pos

    def rewrite(self, page: Page, new_text: str, local: list[Edit], gaps: list[Gap] | None = None) -> None:
        """Replace the text with ``new_text``, which ``local`` edits (spans in the current text) produced."""
        local = sorted(local, key=lambda e: (e.start, e.end))
        for e in local:
            start = page.to_input(self.block.start + self.to_block(e.start))
            end = page.to_input(self.block.start + self.to_block(e.end))
            self.edits.append(Edit(e.kind, start, end, page.source[start:end], e.after, e.confidence, e.detail))
        self.gaps = [Gap(_forward(g.offset, local), g.confidence, g.hint) for g in self.gaps]
        self.gaps.extend(gaps or [])
        self._maps.append(OffsetMap(local))
        self.text = new_text

    def input_span(self, page: Page) -> tuple[int, int]:
        return page.input_span(self.block)
