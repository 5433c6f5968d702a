"""WARC and WET files (plain, .gz, .zst) through FastWARC.

WET ``conversion`` records are text already; HTML ``response`` records go through trafilatura first, which
finds the main text of the page. Records that are not documents (requests, metadata, images, scripts) are
skipped and counted, not rejected. ``position`` is the byte offset of the record in the decompressed stream.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from unmangle.pipeline import storage
from unmangle.pipeline.compression import damage_reason, open_decompressed
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.common import decode_text, too_large
from unmangle.pipeline.records import SKIPPED, Record, Rejected, Skipped, WorkUnit

HTML_TYPES = ("text/html", "application/xhtml+xml")
CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)


def read_warc(unit: WorkUnit, config: RunConfig) -> Iterator[Record | Rejected | Skipped]:
    path = unit.paths[0]
    records = 0
    pos = 0
    with storage.open_read(path) as raw:
        stream, decompressor = open_decompressed(raw, path)
        try:
            wanted = WarcRecordType.conversion | WarcRecordType.response | WarcRecordType.resource
            for rec in ArchiveIterator(stream, record_types=wanted, parse_http=False, fsspec_args=False,
                                       stream_detect=False):
                records += 1
                pos = rec.stream_pos
                length = rec.content_length
                if length > config.max_record_bytes:
                    rec.reader.consume()
                    yield too_large(path, pos, length, config.max_record_bytes)
                    continue
                block = rec.reader.read()
                if len(block) < length:
                    yield Rejected(path, pos, "truncated",
                                   f"truncated WARC record: {len(block)} of {length} bytes; the file ends here")
                    break
                yield _document(rec, block, path, pos, config)
        except Exception as exc:  # noqa: BLE001 - FastWARC and Python streams raise OSError, ValueError...
            yield Rejected(path, pos, "corrupt", f"unreadable WARC data: {exc}")
            return
        reason = damage_reason(decompressor, path)
        if reason:
            yield Rejected(path, pos, "truncated" if "truncated" in reason else "corrupt", reason)
        elif records == 0:
            yield Rejected(path, 0, "empty_file", "no WARC record with a document in this file")


def _document(rec, block: bytes, path: str, pos: int, config: RunConfig) -> Record | Rejected | Skipped:
    headers = rec.headers
    fields = {config.id_field: rec.record_id or f"{path}#{pos}", "url": headers.get("WARC-Target-URI"),
              "warc_date": headers.get("WARC-Date"), "warc_type": headers.get("WARC-Type")}
    if rec.record_type == WarcRecordType.conversion:
        decoded = decode_text(block, path, pos)
        if isinstance(decoded, Rejected):
            return decoded
        fields[config.text_field], edits = decoded
        return Record(path, pos, fields, edits)
    content_type = (headers.get("Content-Type") or "").lower()
    body = block
    if rec.record_type == WarcRecordType.response and "application/http" in content_type:
        head, sep, body = block.partition(b"\r\n\r\n")
        if not sep:
            return Rejected(path, pos, "corrupt", "HTTP response without a header/body separator")
        match = re.search(rb"(?im)^content-type:\s*([^\r\n]*)", head)
        content_type = match.group(1).decode("latin-1").lower() if match else ""
    if content_type.startswith("text/plain"):
        decoded = decode_text(body, path, pos)
        if isinstance(decoded, Rejected):
            return decoded
        fields[config.text_field], edits = decoded
        return Record(path, pos, fields, edits)
    if not content_type.startswith(HTML_TYPES):
        return SKIPPED
    return _from_html(body, content_type, fields, path, pos, config)


def _from_html(body: bytes, content_type: str, fields: dict, path: str, pos: int,
               config: RunConfig) -> Record | Rejected:
    import trafilatura

    match = CHARSET.search(content_type.encode()) or CHARSET.search(body[:4096])
    html = None
    if match:
        try:
            html = body.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            html = None
    edits = []
    if html is None:
        decoded = decode_text(body, path, pos)
        if isinstance(decoded, Rejected):
            return decoded
        html, edits = decoded
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        return Rejected(path, pos, "no_text", "HTML page without main text (trafilatura found none)")
    fields[config.text_field] = text
    # Offsets of a decode edit refer to the HTML, not the extracted text: keep the note, drop the span.
    return Record(path, pos, fields, [e for e in edits if e.start == e.end == 0])
