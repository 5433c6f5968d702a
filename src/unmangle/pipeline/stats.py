"""Run statistics: counted per work unit by the worker, summed by the engine, written to ``stats.json``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Stats:
    """``read == written + rejected`` always holds; ``skipped`` counts records that are not documents."""

    read: int = 0
    written: int = 0
    rejected: int = 0
    skipped: int = 0
    changed: int = 0
    edits: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    input_bytes: int = 0
    seconds: float = 0.0
    edits_by_kind: Counter[str] = field(default_factory=Counter)
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    def add(self, other: Stats) -> None:
        for name in ("read", "written", "rejected", "skipped", "changed", "edits", "bytes_in", "bytes_out",
                     "input_bytes", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.edits_by_kind.update(other.edits_by_kind)
        self.rejected_by_reason.update(other.rejected_by_reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "written": self.written, "rejected": self.rejected, "skipped": self.skipped,
            "changed": self.changed, "edits": self.edits,
            "edits_by_kind": dict(sorted(self.edits_by_kind.items())),
            "rejected_by_reason": dict(sorted(self.rejected_by_reason.items())),
            "bytes_in": self.bytes_in, "bytes_out": self.bytes_out, "input_bytes": self.input_bytes,
            "seconds": round(self.seconds, 3),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        plain = {k: v for k, v in data.items() if k not in ("edits_by_kind", "rejected_by_reason")}
        return cls(**plain, edits_by_kind=Counter(data.get("edits_by_kind", {})),
                   rejected_by_reason=Counter(data.get("rejected_by_reason", {})))
