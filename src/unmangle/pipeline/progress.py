"""A progress bar on a terminal (documents, MB, rate, ETA); nothing at all otherwise or with ``--quiet``."""

from __future__ import annotations

import sys
import time

from unmangle.pipeline.config import MB
from unmangle.pipeline.stats import Stats


class Progress:
    """Advanced once per finished work unit; the ETA comes from input bytes, the only total known up front."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._docs = 0
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
            TimeRemainingColumn(), console=Console(stderr=True), transient=False,
        )
        self._task = self._bar.add_task("run", total=max(total_bytes, 1) / MB, docs=0, rate="")
        self._bar.start()

    def advance(self, stats: Stats) -> None:
        if not self.enabled:
            return
        self._docs += stats.read
        elapsed = max(time.perf_counter() - self._started, 1e-6)
        self._bar.update(self._task, advance=stats.input_bytes / MB, docs=self._docs,
                         rate=f"{self._docs / elapsed:,.0f} docs/s")

    def close(self) -> None:
        if self.enabled:
            self._bar.stop()
