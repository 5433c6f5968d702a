"""Bad input becomes a rejected entry with a clear reason, and the run goes on: read == written + rejected."""

from __future__ import annotations

import gzip
import os
import resource
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from tests.pipeline.conftest import warc_record, write_jsonl

GOOD = [{"id": f"g{i}", "text": f"good document number {i}"} for i in range(5)]


def reasons(result) -> dict[str, str]:
    return {r["code"]: r["reason"] for r in result.rejected}


def test_malformed_lines_and_missing_text_are_rejected_one_by_one(run, tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    write_jsonl(path, GOOD[:2])
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": "no closing brace"\n')
        f.write('["a", "list"]\n')
        f.write('{"id": "notext", "body": "the text is elsewhere"}\n')
        f.write('{"id": "nulltext", "text": null}\n')
        f.write("\n")  # a blank line is not a document
        f.write('{"id": "g9", "text": "still read after the bad lines"}\n')
    result = run(path)
    assert sorted(result.ids) == ["g0", "g1", "g9"]
    assert result.stats["rejected"] == 4
    assert result.stats["rejected_by_reason"] == {"malformed_json": 2, "missing_text": 2}
    assert "malformed JSON line" in reasons(result)["malformed_json"] or "not an object" in reasons(result)[
        "malformed_json"]
    assert {r["position"] for r in result.rejected} < set(range(path.stat().st_size))
    assert all(r["source"] == str(path) for r in result.rejected)


def test_a_different_text_field_is_honoured(run, tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"doc": "a", "content": "some text"}])
    result = run(path, text_field="content", id_field="doc")
    assert result.rows[0]["id"] == "a" and result.rows[0]["text"] == "some text"


def test_non_utf8_lines_are_decoded_by_the_detector_with_an_edit(run, tmp_path: Path):
    text = "Ces élèves préfèrent étudier à la bibliothèque municipale après les cours du matin."
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "ok", "text": "fine"}\n' + f'{{"id": "l1", "text": "{text}"}}\n'.encode("cp1252"))
    result = run(path)
    row = {r["id"]: r for r in result.rows}["l1"]
    assert row["text"] == text
    assert row["edits"][0]["kind"] == "decode" and "not UTF-8" in row["edits"][0]["detail"]
    assert row["changed"]


def test_binary_files_are_rejected_once_not_line_by_line(run, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "image.jsonl").write_bytes(os.urandom(200_000).replace(b"\n", b"\x00"))
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    write_jsonl(tmp_path / "in" / "good.jsonl", GOOD)
    result = run(tmp_path / "in")
    assert len(result.rows) == 5
    assert [r["code"] for r in result.rejected] == ["binary", "binary"]
    assert all("binary" in r["reason"] or "not text" in r["reason"] for r in result.rejected)


def test_empty_files_are_each_one_rejected_entry(run, tmp_path: Path):
    (tmp_path / "in").mkdir()
    for name in ("e.jsonl", "e.txt", "e.warc"):
        (tmp_path / "in" / name).write_bytes(b"")
    (tmp_path / "in" / "e.jsonl.gz").write_bytes(gzip.compress(b""))
    pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}),
                   tmp_path / "in" / "e.parquet")
    write_jsonl(tmp_path / "in" / "good.jsonl", GOOD)
    result = run(tmp_path / "in")
    assert len(result.rows) == 5
    assert [r["code"] for r in result.rejected] == ["empty_file"] * 5


def test_truncated_gzip_keeps_the_documents_before_the_cut(run, tmp_path: Path):
    docs = [{"id": f"d{i}", "text": f"document {i} " + "x" * 200} for i in range(2000)]
    data = gzip.compress("".join(f'{{"id": "{d["id"]}", "text": "{d["text"]}"}}\n' for d in docs).encode())
    (tmp_path / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    result = run(tmp_path / "t.jsonl.gz")
    assert 500 < len(result.rows) < 2000
    assert result.ids == [f"d{i}" for i in range(len(result.rows))]
    codes = [r["code"] for r in result.rejected]
    assert codes[-1] == "truncated" and "truncated gzip" in result.rejected[-1]["reason"]
    assert set(codes) <= {"truncated", "malformed_json"}  # the line cut in half, if any


def test_truncated_zstd_is_reported(run, tmp_path: Path):
    body = "".join(f'{{"id": "d{i}", "text": "document {i} {"y" * 300}"}}\n' for i in range(3000)).encode()
    data = zstandard.ZstdCompressor().compress(body)
    (tmp_path / "t.jsonl.zst").write_bytes(data[: len(data) * 2 // 3])
    result = run(tmp_path / "t.jsonl.zst")
    assert 0 < len(result.rows) < 3000
    assert result.rejected[-1]["code"] == "truncated" and "zstd" in result.rejected[-1]["reason"]


def test_corrupt_parquet_is_one_rejected_entry(run, tmp_path: Path):
    (tmp_path / "in").mkdir()
    pq.write_table(pa.table({"id": ["a", "b"], "text": ["one", "two"]}), tmp_path / "in" / "good.parquet")
    good = (tmp_path / "in" / "good.parquet").read_bytes()
    (tmp_path / "in" / "bad.parquet").write_bytes(good[:40] + b"garbage" * 10 + good[-30:])
    (tmp_path / "in" / "notparquet.parquet").write_bytes(b"this is not parquet at all")
    result = run(tmp_path / "in")
    assert sorted(result.ids) == ["a", "b"]
    assert [r["code"] for r in result.rejected] == ["corrupt", "corrupt"]
    assert all("Parquet" in r["reason"] for r in result.rejected)


def test_truncated_warc_keeps_whole_records_and_rejects_the_cut_one(run, tmp_path: Path):
    data = b"".join(warc_record("conversion", f"Text of page {i}. ".encode() * 20, str(i)) for i in range(10))
    (tmp_path / "t.warc").write_bytes(data[:-150])
    (tmp_path / "gz").mkdir()
    (tmp_path / "gz" / "t.warc.gz").write_bytes(gzip.compress(data)[:-20])
    result = run(tmp_path / "t.warc")
    assert len(result.rows) == 9
    assert result.rejected[0]["code"] == "truncated" and "truncated WARC record" in result.rejected[0]["reason"]
    result = run(tmp_path / "gz")
    assert len(result.rows) >= 8 and result.rejected and result.rejected[-1]["code"] == "truncated"


def test_a_200_mb_record_is_skipped_without_loading_it(run, tmp_path: Path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"id": "before", "text": "small"}\n{"id": "huge", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(200):
            f.write(block)
        f.write(b'"}\n{"id": "after", "text": "small too"}\n')
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run(path)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert sorted(result.ids) == ["after", "before"]
    assert result.rejected[0]["code"] == "too_large" and "200.0 MB" in result.rejected[0]["reason"]
    assert result.rejected[0]["position"] == len(b'{"id": "before", "text": "small"}\n')
    assert (rss_after - rss_before) < 100 * 1024  # kilobytes: far less than the record


def test_the_record_size_limit_is_configurable(run, tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "s", "text": "short"}, {"id": "l", "text": "long " * 400}])
    result = run(path, max_record_bytes=1000)
    assert result.ids == ["s"] and result.rejected[0]["code"] == "too_large"


def test_an_unknown_file_named_explicitly_is_rejected(run, tmp_path: Path):
    (tmp_path / "data.csv").write_text("a,b\n")
    write_jsonl(tmp_path / "c.jsonl", GOOD)
    result = run(tmp_path / "data.csv", tmp_path / "c.jsonl")
    assert result.rejected == [{"source": str(tmp_path / "data.csv"), "position": 0, "code": "unsupported_format",
                                "reason": result.rejected[0]["reason"]}]


def test_a_failing_document_step_rejects_only_that_document(run, tmp_path: Path, monkeypatch):
    import unmangle.pipeline.process as process

    real = process.transform

    def flaky(text: str, mode: str):
        if "boom" in text:
            raise RuntimeError("boom")
        return real(text, mode)

    monkeypatch.setattr(process, "transform", flaky)
    path = write_jsonl(tmp_path / "c.jsonl", [*GOOD, {"id": "x", "text": "boom"}])
    result = run(path)
    assert len(result.rows) == 5
    assert result.rejected[0]["code"] == "processing_error" and "RuntimeError: boom" in result.rejected[0]["reason"]
