"""A progress bar on a terminal (documents, MB, rate, ETA); nothing at all otherwise or with ``--quiet``.

Workers report as they go (a unit of a big corpus can take minutes), not only when a unit ends. Input bytes
are the only total known up front, so the bar and the ETA count them: a unit in flight is credited with the
text it has read (never more than its size), and with exactly its size once it is done.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from unmangle.pipeline.config import MB
from unmangle.pipeline.stats import Stats


class Progress:
    """Thread-safe: the local engine reports partial progress from a thread while units finish in the main one."""

    def __init__(self, unit_sizes: dict[int, int], enabled: bool, console: Any = None) -> None:
        self.enabled = enabled and (console is not None or sys.stderr.isatty())
        self._sizes = unit_sizes
        self._credited: dict[int, int] = {}  # bytes credited so far to units in flight
        self._partial_docs: dict[int, int] = {}
        self._finished: set[int] = set()  # a late partial report must not count a finished unit twice
        self._docs = 0
        self._bytes = 0
        self._lock = threading.Lock()
        self._started = time.perf_counter()
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            TextColumn("[bold]unmangle run"), BarColumn(),
            TextColumn("{task.completed:,.1f}/{task.total:,.1f} MB"),
            TextColumn("{task.fields[docs]:,} docs"), TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(), console=console or Console(stderr=True), transient=False,
        )
        self._task = self._bar.add_task("run", total=max(sum(unit_sizes.values()), 1) / MB, docs=0, rate="")
        self._bar.start()

    def update(self, index: int, docs: int, nbytes: int) -> None:
        """Partial progress of unit ``index``: ``docs`` more documents read, about ``nbytes`` more input."""
        if not self.enabled:
            return
        with self._lock:
            if index in self._finished:
                return
            credited = self._credited.get(index, 0)
            step = max(0, min(nbytes, self._sizes.get(index, 0) - credited))
            self._credited[index] = credited + step
            self._partial_docs[index] = self._partial_docs.get(index, 0) + docs
            self._docs += docs
            self._bytes += step
            self._refresh()

    def finish(self, index: int, stats: Stats) -> None:
        """Unit ``index`` is done: replace its estimates by its exact counts."""
        if not self.enabled:
            return
        with self._lock:
            self._finished.add(index)
            self._docs += stats.read - self._partial_docs.pop(index, 0)
            self._bytes += self._sizes.get(index, 0) - self._credited.pop(index, 0)
            self._refresh()

    def _refresh(self) -> None:
        elapsed = max(time.perf_counter() - self._started, 1e-6)
        rate = f"{self._docs / elapsed:,.0f} docs/s {self._bytes / MB / elapsed:,.2f} MB/s"
        self._bar.update(self._task, completed=self._bytes / MB, docs=self._docs, rate=rate)

    def close(self) -> None:
        if self.enabled:
            self._bar.stop()
