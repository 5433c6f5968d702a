"""Every input format goes in and comes out as one row per document, with the input's fields carried through."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from tests.pipeline.conftest import html_response, warc_record, write_jsonl

FRENCH = ("Le café était fermé; nous sommes allés à la crèmerie près de l'église, où la propriétaire "
          "nous a servi une crème brûlée délicieuse et un thé très chaud.")


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


def test_jsonl_round_trips_with_fields_carried_through(run, docs, tmp_path: Path):
    result = run(write_jsonl(tmp_path / "c.jsonl", docs))
    rows = by_id(result.rows)
    assert sorted(rows) == sorted(d["id"] for d in docs)
    for d in docs:
        row = rows[d["id"]]
        assert row["lang"] == d["lang"]
        assert set(row) >= {"text", "title", "dateline", "byline", "captions", "gaps", "edits", "changed"}
        assert row["changed"] == (row["text"] != d["text"] or bool(row["edits"]))
    assert result.stats["changed"] >= 1
    assert sum(result.stats["edits_by_kind"].values()) == sum(len(r["edits"]) for r in result.rows)


def test_fix_mode_rows_hold_exactly_what_the_encoding_repair_returns(run, tmp_path: Path):
    from unmangle.encoding import fix_and_explain

    broken = "Le caf\u00c3\u00a9 \u00c3\u00a9tait ferm\u00c3\u00a9, nous sommes all\u00c3\u00a9s \u00c3\u00a0 la gare."
    row = run(write_jsonl(tmp_path / "m.jsonl", [{"id": "a", "text": broken}])).rows[0]
    fixed, edits = fix_and_explain(broken)
    assert row["text"] == fixed != broken
    assert row["edits"] == [e.to_dict() for e in edits]
    assert row["changed"]


def test_compressed_jsonl_gives_the_same_rows_as_plain(run, docs, tmp_path: Path):
    plain = write_jsonl(tmp_path / "c.jsonl", docs).read_bytes()
    (tmp_path / "gz").mkdir()
    (tmp_path / "zst").mkdir()
    (tmp_path / "gz" / "c.jsonl.gz").write_bytes(gzip.compress(plain))
    (tmp_path / "zst" / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(plain))
    expected = by_id(run(tmp_path / "c.jsonl").rows)
    assert by_id(run(tmp_path / "gz").rows) == expected
    assert by_id(run(tmp_path / "zst" / "c.jsonl.zst").rows) == expected


def test_one_file_split_in_many_units_writes_every_line_exactly_once(run, docs, tmp_path: Path):
    path = write_jsonl(tmp_path / "big.jsonl", [dict(d, id=f"{d['id']}-{k}") for k in range(3) for d in docs])
    for unit_bytes in (997, 4096, 65536):
        result = run(path, unit_bytes=unit_bytes)
        assert result.stats["units"] > 1
        assert sorted(result.ids) == sorted(f"{d['id']}-{k}" for k in range(3) for d in docs)
        assert result.stats["rejected"] == 0


def test_parquet_round_trips_and_bytes_text_is_decoded_with_an_edit(run, tmp_path: Path):
    table = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "text": pa.array([b"plain text", FRENCH.encode("cp1252"), "na\u00efve".encode()], pa.binary()),
        "meta": pa.array([{"a": 1}, {"a": 2}, {"a": 3}]),
    })
    pq.write_table(table, tmp_path / "t.parquet", row_group_size=1)
    result = run(tmp_path / "t.parquet", unit_bytes=1)
    rows = by_id(result.rows)
    assert sorted(rows) == ["1", "2", "3"]
    assert rows["2"]["text"] == FRENCH
    assert any(e["kind"] == "decode" for e in rows["2"]["edits"])
    assert rows["3"]["text"] == "naïve" and rows["3"]["edits"] == []
    assert rows["1"]["meta"] == {"a": 1}
    assert result.stats["units"] == 3


def test_warc_conversion_and_html_response_records_become_documents(run, tmp_path: Path):
    body = "<p>" + "The council approved the new budget for the city library on Tuesday evening. " * 8 + "</p>"
    data = (warc_record("warcinfo", b"software: test\r\n", "0", content_type="application/warc-fields")
            + warc_record("conversion", "Plain text from a WET file: caf\u00e9.".encode(), "1")
            + warc_record("response", html_response(body), "2", content_type="application/http; msgtype=response")
            + warc_record("request", b"GET / HTTP/1.1\r\n\r\n", "3", content_type="application/http; msgtype=request")
            + warc_record("response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", "4",
                          content_type="application/http; msgtype=response"))
    (tmp_path / "a.warc").write_bytes(data)
    (tmp_path / "gz").mkdir()
    (tmp_path / "gz" / "a.warc.gz").write_bytes(gzip.compress(data))
    for path in (tmp_path / "a.warc", tmp_path / "gz" / "a.warc.gz"):
        result = run(path)
        rows = by_id(result.rows)
        assert sorted(rows) == ["<urn:uuid:1>", "<urn:uuid:2>"]
        assert rows["<urn:uuid:1>"]["text"] == "Plain text from a WET file: café."
        assert "council approved the new budget" in rows["<urn:uuid:2>"]["text"]
        assert "Home | News" not in rows["<urn:uuid:2>"]["text"]
        assert rows["<urn:uuid:2>"]["url"] == "http://example.com/"
        assert result.stats["skipped"] == 1  # the image; the request and warcinfo are not even read


def test_txt_files_are_one_document_each(run, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("First document.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes("Zweites Dokument: Gr\u00fc\u00dfe.".encode("cp1252"))
    (tmp_path / "in" / "notes.md").write_text("ignored: unknown extension inside a directory")
    result = run(tmp_path / "in")
    assert len(result.rows) == 2
    texts = {Path(r["id"]).name: r for r in result.rows}
    assert texts["a.txt"]["text"] == "First document.\n"
    assert texts["b.txt"]["text"] == "Zweites Dokument: Grüße."
    assert texts["b.txt"]["edits"][0]["kind"] == "decode"


def test_jsonl_output_format_holds_the_same_rows(run, docs, tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", docs)
    as_parquet = by_id(run(path).rows)
    result = run(path, output_format="jsonl")
    assert all(p.suffix == ".jsonl" for p in result.outdir.glob("part-*"))
    assert by_id(result.rows) == as_parquet
    first = json.loads(next(result.outdir.glob("part-*.jsonl")).read_text(encoding="utf-8").splitlines()[0])
    assert isinstance(first["edits"], list)


def test_carried_fields_with_mixed_types_and_clashing_names_are_kept(run, tmp_path: Path):
    docs = [{"id": 1, "text": "a", "title": "Input title", "n": 1}, {"id": "x", "text": "b", "n": "two"}]
    result = run(write_jsonl(tmp_path / "m.jsonl", docs))
    rows = by_id(result.rows)
    assert rows["1"]["input_title"] == "Input title" and rows["1"]["title"] is None
    assert {str(rows["1"]["n"]), str(rows["x"]["n"])} <= {"1", '"two"', "two"}


def test_lone_surrogates_become_replacement_characters(run, tmp_path: Path):
    (tmp_path / "s.jsonl").write_text('{"id": "s", "text": "half \\ud83d pair"}\n', encoding="utf-8")
    row = run(tmp_path / "s.jsonl").rows[0]
    assert row["text"] == "half \ufffd pair"
    assert row["edits"][0]["kind"] == "decode"


def test_recycled_workers_still_write_every_document_exactly_once(run, tmp_path: Path):
    # recycle_bytes below one unit: every worker process is replaced after each unit.
    docs = [{"id": f"r{i}", "text": f"Caf\u00c3\u00a9 {i} " * 40} for i in range(40)]
    path = write_jsonl(tmp_path / "r.jsonl", docs)
    result = run(path, unit_bytes=6000, workers=2, recycle_bytes=1)
    assert result.stats["units"] == 4
    assert sorted(result.ids) == sorted(d["id"] for d in docs)
    assert all(r["text"].startswith("Café") for r in result.rows)
