"""Where a document's changes land: edits in the output fields, removals in the input, and what was kept.

Spans of edits and removals index the input; gaps index the output body. To mark an edit in the output we follow
each output character back to the input (see :mod:`unmangle.report.align`); what no output character came from and
no record explains is what the cleanup left out silently, and the report shows that too.
"""

from __future__ import annotations

from unmangle.document import Removed
from unmangle.report.align import Applied, apply_with_owners, locate, search_owners
from unmangle.report.rows import Row

Span = tuple[int, int, int]  # start, end, index of the record it came from


def disjoint(intervals: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for s, e, i in sorted(intervals):
        if s < e and (not kept or s >= kept[-1][1]):
            kept.append((s, e, i))
    return kept


def removed_spans(original: str, removed: list[Removed]) -> tuple[list[Span], set[int]]:
    """Input spans of removed pieces (found by their text when the span is missing); and which ones were placed."""
    spans = []
    for i, r in enumerate(removed):
        if 0 <= r.start < r.end <= len(original):
            spans.append((r.start, r.end, i))
        elif r.text:
            found = original.find(r.text)
            if found >= 0:
                spans.append((found, found + len(r.text), i))
    kept = disjoint(spans)
    return kept, {i for _, _, i in kept}


def dropped_runs(original: str, covered: bytearray, busy: list[Span]) -> list[Span]:
    """Input text that is in no output field, not explained by a removal or deletion record."""
    free = bytearray(covered)
    for s, e, _ in busy:
        free[s:e] = b"\x01" * (e - s)
    runs = []
    i = 0
    n = len(original)
    while i < n:
        if free[i]:
            i += 1
            continue
        j = i
        while j < n and not free[j]:
            j += 1
        s, e = i, j
        while s < e and original[s].isspace():
            s += 1
        while e > s and original[e - 1].isspace():
            e -= 1
        if s < e:
            runs.append((s, e, len(runs)))
        i = j
    return runs


class Placement:
    """Where the edits of one document land in its output fields, and which input characters the output kept."""

    def __init__(self, row: Row) -> None:
        self.row = row
        fields = [row.title or "", row.dateline or "", row.byline or "", *row.captions]
        self.applied: Applied | None = None
        self.covered: bytearray | None = None
        if row.original is not None:
            applied = apply_with_owners(row.original, row.edits)
            self.applied = applied
            self.removed_spans, self.placed_removed = removed_spans(row.original, row.removed)
            blocked = self._blocked(applied)
            self.body_map, _ = locate(applied.text, row.text, 0, blocked)
            self.field_maps = [locate(applied.text, f, 0, blocked)[0] for f in fields]
            self.body_owner = [applied.owner[p] if p >= 0 else -1 for p in self.body_map]
            self.field_owners = [[applied.owner[p] if p >= 0 else -1 for p in m] for m in self.field_maps]
            self.covered = self._coverage(applied, [self.body_map, *self.field_maps])
            marked = {*applied.placed, *applied.around}  # the input view marks all of these
        else:
            marked = set()
            self.field_owners = [search_owners(f, row.edits, marked) for f in fields[:3]]
            self.body_owner = search_owners(row.text, row.edits, marked)
            self.field_owners += [search_owners(f, row.edits, marked) for f in fields[3:]]
        # Edits no view can mark in place: a span outside the input or overlapping another edit, or (without the
        # input) an edit whose after-text is empty or not found in the output.
        self.unplaced = [i for i in range(len(row.edits)) if i not in marked]

    def _blocked(self, applied: Applied) -> bytearray:
        """Characters of the edited text that lie in a piece recorded as removed."""
        in_removed = bytearray(len(self.row.original or ""))
        for s, e, _ in self.removed_spans:
            in_removed[s:e] = b"\x01" * (e - s)
        return bytearray(in_removed[p] if p < len(in_removed) else 0 for p in applied.to_input)

    def _coverage(self, applied: Applied, maps: list[list[int]]) -> bytearray:
        """Input characters that reached some output field."""
        covered = bytearray(len(self.row.original or ""))
        kept_edits: set[int] = set()
        for m in maps:
            for p in m:
                if p < 0:
                    continue
                owner = applied.owner[p]
                if owner < 0:
                    covered[applied.to_input[p]] = 1
                elif owner not in kept_edits:  # an edit whose after-text was kept accounts for its whole span
                    kept_edits.add(owner)
                    s, e = self.row.edits[owner].start, self.row.edits[owner].end
                    covered[s:e] = b"\x01" * (e - s)
        return covered

    def deletion_points(self) -> list[tuple[int, int]]:
        """(body offset, edit index) of deletions (edits with no after-text) that fall between kept characters."""
        points: list[tuple[int, int]] = []
        applied = self.applied
        if applied is None:
            return points
        where = {p: k for k, p in enumerate(self.body_map) if p >= 0}
        for i in sorted({*applied.placed, *applied.around}):
            e = self.row.edits[i]
            if e.after or e.start == e.end:
                continue
            before, after = applied.at_input(e.start) - 1, applied.at_input(e.end)
            if after in where and where.get(before, -2) == where[after] - 1:
                points.append((where[after], i))
        return points
