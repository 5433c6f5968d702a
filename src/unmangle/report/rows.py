"""One document as the report sees it, read liberally from a run's row or from a cleaned page.

Run output is written by another part of the program (and maybe by an older version of it): fields may be missing,
stored as JSON strings, or carry extra keys. Reading them here, once, keeps the views simple.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from unmangle.document import Document, Edit, Gap, Removed

# Fields a run row may use to carry the text as it came in; edit spans index this text.
ORIGINAL_FIELDS = ("original", "input", "original_text", "input_text", "raw_text", "source_text")
GROUP_FIELDS = ("lang", "language", "detected_language")


@dataclass(slots=True)
class Row:
    """A document and its audit: the output text, its parts, and (when known) the input it came from."""

    id: str
    text: str
    original: str | None = None
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    changed: bool = False
    shard: str = ""
    lang: str | None = None
    original_note: str = ""  # where ``original`` came from, when not from the row itself

    @property
    def kinds(self) -> set[str]:
        """Every kind of change this document shows (edits, removals, holes)."""
        found = {e.kind for e in self.edits}
        found.update(f"removed:{r.kind}" for r in self.removed)
        if self.gaps:
            found.add("gap")
        return found

    @property
    def size(self) -> int:
        return len(self.text) + len(self.original or "")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | bytes):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return list(value) if isinstance(value, list | tuple) else []


def _num(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def edit_from(d: Mapping[str, Any]) -> Edit:
    return Edit(kind=str(d.get("kind") or "edit"), start=int(_num(d.get("start"), -1)), end=int(_num(d.get("end"), -1)),
                before=str(d.get("before") or ""), after=str(d.get("after") or ""),
                confidence=_num(d.get("confidence"), 1.0), detail=str(d.get("detail") or ""))


def gap_from(d: Mapping[str, Any]) -> Gap:
    return Gap(offset=int(_num(d.get("offset"), 0)), confidence=_num(d.get("confidence"), 1.0),
               hint=str(d.get("hint") or ""))


def removed_from(d: Mapping[str, Any]) -> Removed:
    return Removed(kind=str(d.get("kind") or "removed"), text=str(d.get("text") or ""),
                   start=int(_num(d.get("start"), -1)), end=int(_num(d.get("end"), -1)))


def _records(value: Any, make: Any) -> list[Any]:
    return [make(d) for d in _as_list(value) if isinstance(d, Mapping)]


def row_from_mapping(raw: Mapping[str, Any], shard: str = "", position: int = 0) -> Row | None:
    """A run row as a :class:`Row`, or None when it has no text (not a document row)."""
    text = raw.get("text")
    if not isinstance(text, str):
        return None
    original = next((raw[f] for f in ORIGINAL_FIELDS if isinstance(raw.get(f), str)), None)
    edits = _records(raw.get("edits"), edit_from)
    gaps = _records(raw.get("gaps"), gap_from)
    removed = _records(raw.get("removed"), removed_from)
    changed = raw.get("changed")
    if not isinstance(changed, bool):
        changed = bool(edits or gaps or removed) or (original is not None and original != text)
    lang = next((str(raw[f]) for f in GROUP_FIELDS if raw.get(f)), None)
    doc_id = raw.get("id")
    return Row(id=str(doc_id) if doc_id is not None else f"{shard}#{position}", text=text, original=original,
               title=_text(raw.get("title")), dateline=_text(raw.get("dateline")), byline=_text(raw.get("byline")),
               captions=[str(c) for c in _as_list(raw.get("captions"))], edits=edits, gaps=gaps, removed=removed,
               changed=changed, shard=shard, lang=lang)


def row_from_document(original: str, doc: Document, doc_id: str = "page") -> Row:
    """The row for one cleaned page, whose input we hold."""
    changed = bool(doc.edits or doc.gaps or doc.removed) or original != doc.text
    return Row(id=doc_id, text=doc.text, original=original, title=doc.title, dateline=doc.dateline,
               byline=doc.byline, captions=list(doc.captions), edits=list(doc.edits), gaps=list(doc.gaps),
               removed=list(doc.removed), changed=changed)
