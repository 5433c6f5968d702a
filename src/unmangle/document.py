"""The document and its edit record: plain data classes that every step returns and every writer reads.

Spans are character offsets into the text the user gave us (the *input*), never into an intermediate
string, so a report or a re-run can always point at where a change came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: ``input[start:end]`` (which was ``before``) became ``after``."""

    kind: str
    start: int
    end: int
    before: str
    after: str
    confidence: float
    detail: str = ""

    def shifted(self, offset: int) -> Edit:
        """The same edit with its span moved by ``offset`` (for edits made on a slice of the input)."""
        return Edit(self.kind, self.start + offset, self.end + offset, self.before, self.after,
                    self.confidence, self.detail)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Gap:
    """A hole where words are missing (stripped link text, an injection that replaced letters).

    ``offset`` is a character index into the cleaned body text; the words are never invented.
    """

    offset: int
    confidence: float
    hint: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input left out of the article (debris line, identifier, repeat, spam)."""

    kind: str
    text: str
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """The clean article with its parts and the record of how it was obtained from the input."""

    text: str
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "dateline": self.dateline,
            "byline": self.byline,
            "captions": list(self.captions),
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "gaps": [g.to_dict() for g in self.gaps],
            "edits": [e.to_dict() for e in self.edits],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            text=data["text"],
            title=data.get("title"),
            dateline=data.get("dateline"),
            byline=data.get("byline"),
            captions=list(data.get("captions") or []),
            removed=[Removed(**r) for r in data.get("removed") or []],
            gaps=[Gap(**g) for g in data.get("gaps") or []],
            edits=[Edit(**e) for e in data.get("edits") or []],
        )


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Replay non-overlapping edits on ``text`` (the input they were made on)."""
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError(f"overlapping edit at {e.start}")
        out.append(text[pos:e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def output_spans(edits: list[Edit]) -> list[tuple[int, int]]:
    """Where each edit's ``after`` lands once the (non-overlapping) ``edits`` are applied, in input order."""
    out: list[tuple[int, int]] = []
    delta = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        start = e.start + delta
        out.append((start, start + len(e.after)))
        delta += len(e.after) - (e.end - e.start)
    return out


class OffsetMap:
    """Maps positions in a text produced by edits back to positions in the text the edits were made on.

    Steps after the encoding repair work on repaired text; this keeps their spans pointing at the input.
    """

    __slots__ = ("_points",)

    def __init__(self, edits: list[Edit]) -> None:
        # (output position where an edit's after-text starts, input start, output end, input end)
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        self._points = [(a, e.start, b, e.end) for e, (a, b) in zip(ordered, output_spans(ordered), strict=True)]

    def to_input(self, pos: int) -> int:
        """Input offset of output position ``pos`` (a position inside a replacement maps to its start)."""
        import bisect

        i = bisect.bisect_right(self._points, (pos, float("inf"))) - 1
        if i < 0:
            return pos
        out_start, in_start, out_end, in_end = self._points[i]
        if pos < out_end:
            return in_start if pos == out_start else min(in_end, in_start + (pos - out_start))
        return in_end + (pos - out_end)


def compose(original: str, earlier: list[Edit], current: str, later: list[Edit]) -> list[Edit]:
    """Fold ``later`` (edits on ``current`` = ``original`` after ``earlier``) into edits on ``original``.

    Overlapping or touching changes merge into one edit whose ``before`` is the original text, so a repair in
    several layers (UTF-8 read as GBK, then read as cp1252) is reported once, with both steps in its detail.
    """
    if not later:
        return earlier
    if not earlier:
        return later
    back = OffsetMap(earlier)
    # Intervals in `current` coordinates: the after-text of each earlier edit, and each later edit.
    ordered = sorted(earlier, key=lambda e: (e.start, e.end))
    spans = [(a, b, [e]) for e, (a, b) in zip(ordered, output_spans(ordered), strict=True)]
    spans += [(e.start, e.end, [e]) for e in later]
    spans.sort(key=lambda s: (s[0], s[1]))
    merged: list[tuple[int, int, list[Edit]]] = []
    for s, t, es in spans:
        if merged and s <= merged[-1][1]:
            ps, pt, pes = merged[-1]
            merged[-1] = (ps, max(pt, t), pes + es)
        else:
            merged.append((s, t, es))
    later_sorted = sorted(later, key=lambda e: e.start)
    out: list[Edit] = []
    for s, t, es in merged:
        inside = [e for e in later_sorted if s <= e.start and e.end <= t]
        after = current[s:t]
        for e in sorted(inside, key=lambda e: e.start, reverse=True):
            after = after[:e.start - s] + e.after + after[e.end - s:]
        i_s, i_t = back.to_input(s), back.to_input(t)
        if len(es) == 1 and es[0] in later and i_t - i_s == t - s and original[i_s:i_t] == current[s:t]:
            e = es[0]
            out.append(Edit(e.kind, i_s, i_t, original[i_s:i_t], after, e.confidence, e.detail))
            continue
        kinds = {e.kind for e in es}
        kind = "lost-byte" if "lost-byte" in kinds else sorted(kinds)[0]
        details: list[str] = []
        for e in es:
            if e.detail and e.detail not in details:
                details.append(e.detail)
        out.append(Edit(kind, i_s, i_t, original[i_s:i_t], after, min(e.confidence for e in es),
                        ", then ".join(details)))
    return out
