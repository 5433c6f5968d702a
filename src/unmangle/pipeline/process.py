"""The document step: one input record in, one output row (or a rejection) out.

``fix`` runs only the encoding repair; ``clean`` runs the page cleanup. The row has the fields of
``unmangle clean --json`` plus ``id`` and ``changed``, and carries the input's other fields through (renamed
``input_<name>`` when the name is one of ours). Rows are plain Python values that Arrow and JSON both take.
"""

from __future__ import annotations

from typing import Any

import regex

from unmangle.document import Document, Edit
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.common import decode_text
from unmangle.pipeline.records import Record, Rejected

OUTPUT_FIELDS = ("id", "text", "title", "dateline", "byline", "captions", "removed", "gaps", "edits", "changed")
LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def process_record(record: Record, config: RunConfig) -> dict[str, Any] | Rejected:
    fields = dict(record.fields)
    if config.text_field not in fields:
        return Rejected(record.source, record.position, "missing_text",
                        f"record has no {config.text_field!r} field (--text-field)")
    value = fields.pop(config.text_field)
    edits = list(record.edits)
    if isinstance(value, bytes):
        decoded = decode_text(value, record.source, record.position)
        if isinstance(decoded, Rejected):
            return decoded
        value, decode_edits = decoded
        edits.extend(decode_edits)
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        return Rejected(record.source, record.position, "missing_text",
                        f"field {config.text_field!r} is {kind}, not text")
    text, surrogate_edits = replace_lone_surrogates(value)
    edits.extend(surrogate_edits)
    try:
        doc = transform(text, config.mode)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
        return Rejected(record.source, record.position, "processing_error",
                        f"{config.mode} failed: {type(exc).__name__}: {exc}")
    doc.edits[:0] = edits
    raw_id = fields.pop(config.id_field, None)
    row: dict[str, Any] = {
        "id": str(raw_id) if raw_id is not None else f"{record.source}#{record.position}",
        "text": doc.text,
        "title": doc.title,
        "dateline": doc.dateline,
        "byline": doc.byline,
        "captions": list(doc.captions),
        "removed": [r.to_dict() for r in doc.removed],
        "gaps": [g.to_dict() for g in doc.gaps],
        "edits": [e.to_dict() for e in doc.edits],
        "changed": doc.text != value or bool(doc.edits) or bool(doc.removed),
    }
    for name, v in fields.items():
        key = f"input_{name}" if name in row else name
        row[key] = clean_value(v)
    return row


def transform(text: str, mode: str) -> Document:
    """The document step of ``mode``. ``none`` (not on the command line) leaves the text as it is: the
    benchmark uses it to measure what the pipeline itself costs in time and memory."""
    if mode == "none":
        return Document(text=text)
    if mode == "fix":
        from unmangle.encoding import fix_and_explain

        fixed, edits = fix_and_explain(text)
        return Document(text=fixed, edits=list(edits))
    from unmangle.page import clean

    return clean(text)


def replace_lone_surrogates(text: str) -> tuple[str, list[Edit]]:
    """JSON can carry half a surrogate pair (``"\\ud83d"``), which no UTF-8 writer accepts: make it U+FFFD."""
    if not LONE_SURROGATE.search(text):
        return text, []
    # ``before`` stays empty: a lone surrogate cannot be written as UTF-8 even inside the audit.
    edits = [Edit("decode", m.start(), m.end(), "", "\ufffd", 1.0,
                  f"lone surrogate U+{ord(m.group()):04X} (half a UTF-16 pair), not a character")
             for m in LONE_SURROGATE.finditer(text)]
    return LONE_SURROGATE.sub("\ufffd", text), edits


def clean_value(value: Any) -> Any:
    """A carried-through value that UTF-8 writers accept (lone surrogates replaced, recursively)."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value) if LONE_SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    return value
