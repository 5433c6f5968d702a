"""Choosing which documents a run report shows, in one pass and bounded memory.

A person auditing a run wants to see every kind of change at least once, then a fair picture of the changed
documents, then a few unchanged ones for contrast. Reservoir sampling (seeded, so a report is reproducible) keeps a
handful of candidates per kind and a uniform sample of changed documents however many rows stream by.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from unmangle.report.rows import Row


@dataclass(slots=True)
class _Reservoir:
    size: int
    rows: list[Row] = field(default_factory=list)
    seen: int = 0

    def offer(self, row: Row, rng: random.Random) -> None:
        self.seen += 1
        if len(self.rows) < self.size:
            self.rows.append(row)
            return
        slot = rng.randrange(self.seen)
        if slot < self.size:
            self.rows[slot] = row


@dataclass(frozen=True, slots=True)
class Pick:
    row: Row
    reason: str  # "kind", "changed" or "unchanged"
    kind: str = ""

    @property
    def why(self) -> str:
        """Why this document is in the sample, for its header."""
        if self.reason == "kind":
            return f"sampled to show {self.kind}"
        return "sampled at random among changed documents" if self.reason == "changed" else "unchanged, for contrast"


class Sampler:
    """Offer every row once; then ask for the picks, best first."""

    def __init__(self, max_docs: int = 120, per_kind: int = 3, max_doc_chars: int = 100_000,
                 unchanged: int = 5, seed: int = 0) -> None:
        self.max_docs = max_docs
        self.max_doc_chars = max_doc_chars
        self.seed = seed
        self._rng = random.Random(seed)
        self._per_kind = per_kind
        self._kinds: dict[str, _Reservoir] = {}
        self._changed = _Reservoir(max_docs)
        self._unchanged = _Reservoir(min(unchanged, max_docs))
        self.docs_with_kind: Counter[str] = Counter()
        self.too_large = 0
        self.kinds_only_in_large: set[str] = set()

    def offer(self, row: Row) -> None:
        kinds = row.kinds
        self.docs_with_kind.update(kinds)
        if row.size > self.max_doc_chars:
            self.too_large += 1
            self.kinds_only_in_large.update(k for k in kinds if k not in self._kinds)
            return
        for kind in kinds:
            self._kinds.setdefault(kind, _Reservoir(self._per_kind)).offer(row, self._rng)
        (self._changed if row.changed else self._unchanged).offer(row, self._rng)

    def picks(self) -> list[Pick]:
        """Kinds first (rarest first, one document each), then changed documents, then unchanged ones."""
        chosen: list[Pick] = []
        taken: set[int] = set()

        def take(row: Row, reason: str, kind: str = "") -> None:
            if id(row) not in taken and len(chosen) < self.max_docs:
                taken.add(id(row))
                chosen.append(Pick(row, reason, kind))

        for kind in sorted(self._kinds, key=lambda k: (self.docs_with_kind[k], k)):
            rows = self._kinds[kind].rows
            if not any(id(r) in taken for r in rows) and rows:
                take(rows[0], "kind", kind)
        for row in self._changed.rows:
            take(row, "changed")
        for row in self._unchanged.rows:
            take(row, "unchanged")
        return chosen

    def describe(self, shown: list[Pick], read: int, stopped_for_size: bool) -> str:
        """How the documents below were chosen, in one paragraph (plain text)."""
        by_reason = Counter(p.reason for p in shown)
        changed_seen = self._changed.seen
        parts = [f"Showing {len(shown)} of {read:,} documents."]
        if by_reason["kind"]:
            parts.append(f"{by_reason['kind']} were chosen so that every kind of change appears at least once "
                         "(rarest kinds first).")
        if by_reason["changed"]:
            parts.append(f"{by_reason['changed']} are a uniform random sample of the {changed_seen:,} changed "
                         f"documents that fit (reservoir sampling, seed {self.seed}).")
        if by_reason["unchanged"]:
            parts.append(f"{by_reason['unchanged']} unchanged documents are shown for contrast.")
        if self.too_large:
            parts.append(f"{self.too_large:,} documents over {self.max_doc_chars:,} characters (input plus output) "
                         "were not sampled.")
        missing = sorted(self.kinds_only_in_large - {k for p in shown for k in p.row.kinds})
        if missing:
            parts.append("Kinds seen only in those large documents: " + ", ".join(missing) + ".")
        if stopped_for_size:
            parts.append("Sampling stopped early to keep this file small.")
        return " ".join(parts)
