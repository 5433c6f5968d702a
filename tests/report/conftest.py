"""A small run output directory built by hand (the shape of issue 4's contract), with a hostile document."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

HOSTILE = ('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> </textarea> '
           "<iframe src=\"https://example.com/\"></iframe> <link rel=stylesheet href=\"https://example.com/x.css\">")


def _edit(kind: str, text: str, before: str, after: str, confidence: float = 0.9, start: int | None = None) -> dict:
    at = text.index(before) if start is None else start
    return {"kind": kind, "start": at, "end": at + len(before), "before": before, "after": after,
            "confidence": confidence, "detail": ""}


def run_rows() -> list[dict]:
    """Rows as a run writes them; some carry their input (``original``), some do not."""
    mojibake_in = "Ferry news\n\nThe cityâ€™s ferry sails again.\n\nShare on Facebook\n"
    hostile_in = f"Menu | Home\n\n{HOSTILE}\n\nThe caf\u00c3\u00a9 opens at nine. BUY CHEAP PILLS now.\n"
    rows = [
        {"id": "mojibake-1", "text": "The city’s ferry sails again.", "title": "Ferry news", "dateline": None,
         "byline": None, "captions": [], "gaps": [], "changed": True, "lang": "en", "original": mojibake_in,
         "edits": [_edit("mojibake", mojibake_in, "â€™", "’", 0.95)],
         "removed": [{"kind": "share", "text": "Share on Facebook", "start": -1, "end": -1}]},
        {"id": HOSTILE, "text": f"{HOSTILE}\n\nThe café opens at nine.", "title": HOSTILE, "dateline": HOSTILE,
         "byline": HOSTILE, "captions": [HOSTILE], "changed": True, "lang": "en", "original": hostile_in,
         "gaps": [{"offset": len(HOSTILE) + 10, "confidence": 0.6, "hint": HOSTILE}],
         "edits": [_edit("mojibake", hostile_in, "\u00c3\u00a9", "é", 0.8),
                   _edit("spam", hostile_in, "BUY CHEAP PILLS now.", "", 0.7),
                   {"kind": "note", "start": 0, "end": 0, "before": "", "after": "", "confidence": 1.0,
                    "detail": HOSTILE}],
         "removed": [{"kind": HOSTILE, "text": "Menu | Home", "start": 0, "end": 11}]},
        {"id": "no-input", "text": "It’s a long way – 12 km.", "title": None, "captions": [], "changed": True,
         "lang": "de", "gaps": [],
         "edits": [{"kind": "mojibake", "start": 2, "end": 5, "before": "â€™", "after": "’", "confidence": 0.9},
                   {"kind": "dash", "start": 18, "end": 21, "before": "â€“", "after": "–", "confidence": 0.4}],
         "removed": []},
    ]
    rows += [{"id": f"plain-{n}", "text": f"Nothing to change in document {n}.", "title": None, "captions": [],
              "gaps": [], "edits": [], "removed": [], "changed": False, "lang": "en"} for n in range(5)]
    return rows


def write_run(outdir: Path, rows: list[dict]) -> Path:
    """Parquet shard (edits etc. as JSON strings in half the rows, as lists in the other) plus stats and rejections."""
    outdir.mkdir(parents=True, exist_ok=True)
    half = len(rows) // 2
    as_json = [{**r, **{k: json.dumps(r.get(k, [])) for k in ("edits", "gaps", "removed", "captions")}}
               for r in rows[:half]]
    pq.write_table(pa.Table.from_pylist(as_json), outdir / "part-00000.parquet")
    with (outdir / "part-00001.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows[half:]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (outdir / "rejected.jsonl").write_text(
        json.dumps({"source": "in.jsonl", "position": 7, "reason": f"malformed JSON {HOSTILE}"}) + "\n"
        + json.dumps({"source": "in.jsonl", "position": 9, "reason": "no text field"}) + "\n", encoding="utf-8")
    stats = {"read": len(rows) + 2, "written": len(rows), "rejected": 2, "changed": 3, "bytes_in": 4096,
             "bytes_out": 2048, "seconds": 0.5, "edits_by_kind": {"mojibake": 3, "spam": 1, "dash": 1, "note": 1},
             HOSTILE: HOSTILE}
    (outdir / "stats.json").write_text(json.dumps(stats), encoding="utf-8")
    return outdir


@pytest.fixture
def small_run(tmp_path: Path) -> Path:
    return write_run(tmp_path / "run", run_rows())


REPO = Path(__file__).resolve().parents[2]


def write_corpus(path: Path) -> Path:
    """A tiny JSONL corpus: the bundled broken page, hostile pages, a clean line, and one malformed line."""
    page = (REPO / "samples" / "broken-page.txt").read_text(encoding="utf-8")
    hostile = (f"Home | News | Sport\n\nSign up for our newsletter\n\n{HOSTILE}\n\n"
               "The cafÃ© on the pier opens at nine, the owner said on Tuesday after a long winter.\n\n"
               "Share on Facebook\n")
    docs = [{"id": "broken-page", "text": page, "lang": "en"},
            {"id": "hostile", "text": hostile, "lang": "en"},
            {"id": HOSTILE, "text": HOSTILE, "lang": HOSTILE},
            {"id": "plain", "text": "Nothing here needs repair.", "lang": "en"}]
    with path.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
    return path


@pytest.fixture(scope="session")
def real_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output of a real ``unmangle run`` over the tiny corpus."""
    import subprocess
    import sys

    base = tmp_path_factory.mktemp("real-run")
    corpus = write_corpus(base / "in.jsonl")
    outdir = base / "out"
    proc = subprocess.run([sys.executable, "-m", "unmangle.cli", "run", str(corpus), "-o", str(outdir), "--quiet",
                           "--workers", "1"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return outdir
