"""Small corpora written on the fly, and a helper that runs the pipeline in-process and reads everything back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from unmangle.pipeline import RunConfig, read_rows, run_corpus

# Twenty documents (first 2,000 characters) in each of six languages of the shared corpora, with their source and
# licence, kept in the repository so that the tests need nothing outside it.
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "pipeline_docs.jsonl"


def sample_docs(n: int = 60) -> list[dict[str, Any]]:
    """Real documents from a few languages of the shared corpora, plus some mojibake."""
    per_lang: dict[str, int] = {}
    docs: list[dict[str, Any]] = []
    with open(SAMPLE, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if per_lang.get(obj["lang"], 0) >= n // 6:
                continue
            per_lang[obj["lang"]] = per_lang.get(obj["lang"], 0) + 1
            docs.append({"id": obj["id"], "lang": obj["lang"], "text": obj["text"]})
    for d in docs[::5]:
        if d["lang"] in ("de", "el", "ru"):
            d["text"] = d["text"].encode("utf-8").decode("cp1252", errors="replace")
    return docs


def write_jsonl(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture
def docs() -> list[dict[str, Any]]:
    return sample_docs()


class Run:
    """The result of a run: statistics, rows, rejected entries."""

    def __init__(self, outdir: Path, stats: dict[str, Any]) -> None:
        self.outdir = outdir
        self.stats = stats
        self.rows = list(read_rows(str(outdir)))
        text = (outdir / "rejected.jsonl").read_text(encoding="utf-8")
        self.rejected = [json.loads(line) for line in text.splitlines()]

    @property
    def ids(self) -> list[str]:
        return [r["id"] for r in self.rows]

    def check_invariant(self) -> None:
        assert self.stats["read"] == self.stats["written"] + self.stats["rejected"]
        assert self.stats["written"] == len(self.rows)
        assert self.stats["rejected"] == len(self.rejected)
        assert len(set(self.ids)) == len(self.ids)


@pytest.fixture
def run(tmp_path: Path):
    counter = iter(range(1000))

    def _run(*inputs: Path | str, **options: Any) -> Run:
        outdir = options.pop("outdir", None) or tmp_path / f"out{next(counter)}"
        options.setdefault("mode", "fix")
        options.setdefault("quiet", True)
        options.setdefault("workers", 1)
        config = RunConfig(inputs=[str(i) for i in inputs], outdir=outdir, **options)
        result = Run(Path(outdir), run_corpus(config))
        result.check_invariant()
        return result

    return _run


def warc_record(record_type: str, block: bytes, record_id: str, uri: str = "http://example.com/",
                content_type: str = "text/plain") -> bytes:
    """One WARC/1.0 record, written by hand so the tests need no WARC writer."""
    head = (f"WARC/1.0\r\nWARC-Type: {record_type}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def html_response(body: str, charset: str = "utf-8") -> bytes:
    html = (f"<html><head><title>A page</title></head><body><nav>Home | News | Sport</nav><article>"
            f"<h1>Headline</h1>{body}</article><footer>Copyright</footer></body></html>")
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode("ascii")
            + html.encode(charset))
