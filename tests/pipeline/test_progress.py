"""The progress bar: shown on a terminal with documents, MB, rate and ETA; absent with --quiet or off a terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from tests.pipeline.conftest import write_jsonl
from unmangle.pipeline.progress import Progress
from unmangle.pipeline.stats import Stats

DOCS = [{"id": f"d{i}", "text": f"Caf\u00c3\u00a9 number {i}"} for i in range(30)]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def stderr_on_a_terminal(args: list[str]) -> str:
    """Run ``unmangle run`` with stderr on a pseudo-terminal and return what it showed there."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "unmangle.cli", "run", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not data:
                break
            out += data
        elif proc.poll() is not None:
            break
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    return ANSI.sub("", out.decode("utf-8", "replace")).replace("\r", "\n")


def test_bar_on_a_terminal_and_silence_with_quiet(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    shown = stderr_on_a_terminal([str(path), "-o", str(tmp_path / "out"), "--mode", "fix", "--workers", "2",
                                  "--unit-mb", "0.0002"])
    assert re.search(r"unmangle run .*/0\.0 MB 30 docs \d+ docs/s [\d.]+ MB/s", shown), shown
    quiet = stderr_on_a_terminal([str(path), "-o", str(tmp_path / "out2"), "--mode", "fix", "--quiet"])
    assert "unmangle run" not in quiet and quiet.strip().startswith('{"read": 30')


def test_late_partial_reports_do_not_count_a_unit_twice():
    buffer = io.StringIO()
    progress = Progress({0: 1000, 1: 3000}, enabled=True,
                        console=Console(file=buffer, force_terminal=True, width=120))
    progress.update(0, 5, 400)
    progress.update(0, 5, 5000)  # estimates never exceed the unit's size
    assert (progress._docs, progress._bytes) == (10, 1000)
    progress.finish(0, Stats(read=12))
    progress.update(0, 3, 300)  # arrived after the unit's result
    progress.update(1, 2, 100)
    assert (progress._docs, progress._bytes) == (14, 1100)
    progress.finish(1, Stats(read=2))
    progress.close()
    assert (progress._docs, progress._bytes) == (14, 4000)
    assert "14 docs" in buffer.getvalue()
