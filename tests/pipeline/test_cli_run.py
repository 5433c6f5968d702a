"""``unmangle run`` on the command line: stats on stderr, files in OUTDIR, one-line errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.pipeline.conftest import write_jsonl
from unmangle.cli import main

DOCS = [{"id": f"d{i}", "text": f"Caf\u00c3\u00a9 number {i}"} for i in range(30)]


def test_run_writes_shards_rejections_and_stats(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    result = CliRunner().invoke(main, ["run", str(path), str(tmp_path / "bad.jsonl"), "-o", str(tmp_path / "out"),
                                       "--mode", "fix", "--workers", "1"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    assert stats == json.loads((tmp_path / "out" / "stats.json").read_text())
    assert (stats["read"], stats["written"], stats["rejected"], stats["changed"]) == (31, 30, 1, 30)
    assert stats["edits_by_kind"]
    rejected = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert rejected[0]["source"] == str(tmp_path / "bad.jsonl") and rejected[0]["position"] == 0
    assert list((tmp_path / "out").glob("part-*.parquet"))


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    result = CliRunner().invoke(main, ["run", str(path), "-o", str(tmp_path / "out"), "--mode", "fix"])
    assert result.exit_code == 0
    assert result.stderr.count("\n") == 1  # only the statistics line


def test_refusals_are_one_line_with_exit_code_2(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    runner = CliRunner()
    runner.invoke(main, ["run", str(path), "-o", str(tmp_path / "out"), "--mode", "fix", "--quiet"])
    result = runner.invoke(main, ["run", str(path), "-o", str(tmp_path / "out"), "--mode", "clean", "--quiet"])
    assert result.exit_code == 2
    assert "holds a different run" in result.stderr and "Traceback" not in result.stderr
    result = runner.invoke(main, ["run", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o2")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_max_record_mb_option_rejects_big_records(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "big", "text": "x" * 20_000}, {"id": "small", "text": "y"}])
    result = CliRunner().invoke(main, ["run", str(path), "-o", str(tmp_path / "out"), "--mode", "fix",
                                       "--max-record-mb", "0.01", "--output-format", "jsonl"])
    assert result.exit_code == 0
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    assert stats["rejected_by_reason"] == {"too_large": 1} and stats["written"] == 1
