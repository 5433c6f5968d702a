"""The plain records that flow between the planner, readers, the document step and writers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from unmangle.document import Edit


@dataclass(slots=True)
class Record:
    """One input document as read: its fields, where it came from, and the edits reading it required."""

    source: str
    position: int
    fields: dict[str, Any]
    edits: list[Edit] = field(default_factory=list)


@dataclass(slots=True)
class Rejected:
    """An input document (or an unreadable stretch of input) that produced no row, and why.

    ``code`` is a stable short name for statistics; ``reason`` is the sentence a person reads.
    """

    source: str
    position: int
    code: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "position": self.position, "reason": self.reason, "code": self.code}


class Skipped:
    """An input record that is not a document (a WARC request, an image); counted, never written."""

    __slots__ = ()


SKIPPED = Skipped()


@dataclass(frozen=True, slots=True)
class WorkUnit:
    """A piece of work one worker does alone: a byte range of a JSONL file, row groups of a Parquet file,
    a whole compressed file or WARC, or a batch of TXT files.

    ``start``/``end`` are byte offsets (plain JSONL) or row-group indices (Parquet); ``end == -1`` means
    "to the end". ``size`` is the input bytes covered, for progress and scheduling.
    """

    index: int
    fmt: str
    paths: tuple[str, ...]
    start: int = 0
    end: int = -1
    size: int = 0

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["paths"] = list(self.paths)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WorkUnit:
        return cls(data["index"], data["fmt"], tuple(data["paths"]), data["start"], data["end"], data["size"])
