"""The run report: the run at a glance from stats.json and the rows, rejections, and a bounded sample."""

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from unmangle.report import write_run_report
from unmangle.report.run_report import render_run_report
from unmangle.report.sample import Sampler
from unmangle.report.shards import shard_files

from .conftest import HOSTILE
from .dom import parse, select


def test_glance_shows_the_run_numbers_and_rejections(small_run: Path, tmp_path: Path):
    out = tmp_path / "report.html"
    write_run_report(small_run, out)
    markup = out.read_text(encoding="utf-8")
    cards = {"".join(c.text).strip() for c in select(markup, "card")}
    assert {"10documents read", "3 (37.5%)changed", "2rejected", "4.1 KBin", "20 docs/sin 0.5 s"} <= cards
    assert "no text field" in markup and "malformed JSON &lt;script&gt;" in markup
    assert "Documents changed per language" in markup
    assert len(select(markup, "doc", tag="section")) == 8  # every row fits: all shown, changed first
    assert not {el.tag for el in parse(markup.split("<main>")[1].split("</main>")[0])} & {"script", "img", "iframe"}
    assert HOSTILE not in markup


def test_shards_are_found_generically_and_state_files_are_skipped(small_run: Path):
    (small_run / ".state").mkdir()
    (small_run / ".state" / "done.jsonl").write_text("{}\n")
    (small_run / "part-00002.parquet.tmp").write_text("half written")
    assert [p.name for p in shard_files(small_run)] == ["part-00000.parquet", "part-00001.jsonl"]


def test_a_missing_stats_file_is_said_and_counts_come_from_rows(small_run: Path):
    (small_run / "stats.json").unlink()
    markup = render_run_report(small_run)
    assert "no readable stats.json" in markup
    cards = {"".join(c.text).strip() for c in select(markup, "card")}
    assert "10documents read" in cards  # 8 rows + 2 rejected


def test_a_corrupt_shard_is_reported_not_fatal(small_run: Path):
    (small_run / "part-00009.parquet").write_bytes(b"PAR1 not really")
    markup = render_run_report(small_run)
    assert "could not be read completely" in markup and "part-00009.parquet" in markup


def test_a_large_run_stays_under_the_size_bound(tmp_path: Path):
    outdir = tmp_path / "big"
    outdir.mkdir()
    body = ("Le café ouvre à neuf heures. " * 2500)[:40_000]
    rows = [{"id": f"d{n}", "text": body, "original": body.replace("é", "Ã©"), "changed": True,
             "edits": json.dumps([{"kind": "mojibake", "start": m, "end": m + 2, "before": "Ã©", "after": "é",
                                   "confidence": 0.9} for m in range(6, 3000, 30)])} for n in range(300)]
    pq.write_table(pa.Table.from_pylist(rows), outdir / "part-0.parquet")
    markup = render_run_report(outdir, Sampler(max_docs=300), max_bytes=3_000_000)
    assert len(markup.encode()) < 3_000_000
    assert "Sampling stopped early to keep this file small" in markup
    assert 5 <= len(select(markup, "doc", tag="section")) < 300


def test_a_hundred_thousand_documents_are_read_in_one_pass(tmp_path: Path):
    outdir = tmp_path / "many"
    outdir.mkdir()
    n = 100_000
    edits = json.dumps([{"kind": "mojibake", "start": 0, "end": 2, "before": "Ã©", "after": "é", "confidence": 0.8}])
    rare = json.dumps([{"kind": "rare-late", "start": 0, "end": 0, "before": "", "after": "", "confidence": 0.2}])
    table = pa.table({"id": [str(i) for i in range(n)], "text": ["é, and the rest"] * n,
                      "changed": [i % 4 == 0 for i in range(n)],
                      "edits": [edits if i % 4 == 0 else "[]" for i in range(n - 1)] + [rare]})
    for k in range(4):
        pq.write_table(table.slice(k * n // 4, n // 4), outdir / f"part-{k}.parquet")
    markup = render_run_report(outdir)
    assert len(markup.encode()) < 20_000_000
    assert "Showing 120 of 100,000 documents" in markup
    assert "25,000" in markup  # edits counted over every row
    assert select(markup, "m", data_kind="rare-late")  # the one document of a kind, and the last, is in the sample


def test_a_real_run_gets_its_inputs_back_for_the_before_view(real_run: Path):
    markup = render_run_report(real_run)
    assert "documents were re-read from the run&#x27;s input files" in markup
    assert len(select(markup, "input")) == 4  # every written document shows its input
    assert "malformed" in markup  # the bad line is among the rejections
    cards = {"".join(c.text).strip() for c in select(markup, "card")}
    assert {"5documents read", "4written", "1rejected"} <= cards


def test_inputs_changed_since_the_run_are_not_shown(real_run: Path, tmp_path: Path):
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(real_run, copy)
    plan = json.loads((copy / "_unmangle" / "run.json").read_text())
    moved = tmp_path / "in.jsonl"
    moved.write_text("{}\n")
    plan["fingerprint"]["inputs"] = [[str(moved), 3, 0]]
    plan["units"] = [{**u, "paths": [str(moved)]} for u in plan["units"]]
    (copy / "_unmangle" / "run.json").write_text(json.dumps(plan))
    markup = render_run_report(copy)
    assert not select(markup, "input")
    assert "1 input files changed or went away since the run" in markup


def test_re_reading_inputs_stops_at_its_deadline_and_says_so(real_run: Path, monkeypatch):
    from unmangle.report import inputs

    monkeypatch.setattr(inputs, "MAX_SECONDS", -1.0)
    markup = render_run_report(real_run)
    assert not select(markup, "input")
    assert "before re-reading stopped after -1 s" in markup
