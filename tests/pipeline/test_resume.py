"""SIGKILL in the middle of a run, then --resume: every document is written exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.pipeline.conftest import sample_docs, write_jsonl
from unmangle.pipeline import read_rows


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "unmangle.cli", "run", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def done_units(outdir: Path) -> int:
    done = outdir / "_unmangle" / "done.jsonl"
    return len(done.read_text().splitlines()) if done.exists() else 0


def test_a_killed_run_resumes_and_writes_every_document_exactly_once(tmp_path: Path):
    base = sample_docs(120)
    docs = [dict(d, id=f"{d['id']}#{k}") for k in range(20) for d in base]
    path = write_jsonl(tmp_path / "corpus.jsonl", docs)
    outdir = tmp_path / "out"
    args = [str(path), "-o", str(outdir), "--mode", "fix", "--workers", "2", "--unit-mb", "0.05", "--quiet"]
    proc = start(args)
    deadline = time.monotonic() + 60
    while done_units(outdir) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    units = len(json.loads((outdir / "_unmangle" / "run.json").read_text())["units"])
    finished_before_kill = done_units(outdir)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < finished_before_kill < units, "the kill should land in the middle of the run"
    assert not (outdir / "stats.json").exists()

    again = subprocess.run([sys.executable, "-m", "unmangle.cli", "run", *args], capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr

    resumed = subprocess.run([sys.executable, "-m", "unmangle.cli", "run", *args, "--resume"],
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    stats = json.loads(resumed.stderr.strip().splitlines()[-1])
    ids = [r["id"] for r in read_rows(str(outdir))]
    assert sorted(ids) == sorted(d["id"] for d in docs)
    assert stats["read"] == stats["written"] == len(docs) and stats["rejected"] == 0
    assert stats["resumed_units"] >= finished_before_kill
    assert not list(outdir.glob(".*.tmp"))
