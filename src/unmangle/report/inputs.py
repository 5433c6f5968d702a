"""The input of sampled documents, re-read from the run's own input files, to show the page as it came in.

Output rows do not carry their input (that would double a corpus), but ``unmangle run`` records its inputs and work
units in ``OUTDIR/_unmangle/run.json``. We read those inputs again with the pipeline's own readers and decoding,
keep only the sampled ids, and accept a text only if every edit's ``before`` is found at its span in it: an input
that changed since the run, or an ambiguous id, is then simply not shown rather than shown wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from unmangle.document import Edit
from unmangle.report.rows import Row

MAX_SECONDS = 90.0  # re-reading a big corpus (WARC pages go through trafilatura again) stops after this


class _OutOfTime(Exception):
    pass


def spans_agree(text: str, edits: list[Edit]) -> bool:
    """True when every edit's ``before`` is what ``text`` holds at the edit's span."""
    return all(0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.before for e in edits)


def _run_plan(outdir: Path) -> dict[str, Any] | None:
    try:
        plan = json.loads((outdir / "_unmangle" / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return plan if isinstance(plan, dict) else None


def changed_inputs(plan: dict[str, Any]) -> set[str]:
    """Input files whose size or modification time differ from what the run recorded (or that are gone)."""
    from unmangle.pipeline.storage import size_and_mtime

    changed = set()
    for entry in plan.get("fingerprint", {}).get("inputs", []):
        path, *recorded = entry
        try:
            if list(size_and_mtime(path)) != recorded:
                changed.add(path)
        except Exception:  # noqa: BLE001 - gone, unreachable or unreadable: treat as changed
            changed.add(path)
    return changed


def _input_texts(plan: dict[str, Any], wanted: set[str], skip: set[str]) -> Iterator[tuple[str, str, str]]:
    """(id, input text, source) for records whose id is wanted, as the run's document step saw the text."""
    import time

    from unmangle.pipeline.config import RunConfig
    from unmangle.pipeline.process import replace_lone_surrogates
    from unmangle.pipeline.readers import read_unit
    from unmangle.pipeline.readers.common import decode_text
    from unmangle.pipeline.records import Record, WorkUnit

    fp = plan.get("fingerprint", {})
    config = RunConfig(inputs=[], outdir="", text_field=fp.get("text_field", "text"), id_field=fp.get("id_field", "id"),
                       mode=fp.get("mode", "clean"), max_record_bytes=fp.get("max_record_bytes", 32 * 1024 * 1024))
    deadline = time.monotonic() + MAX_SECONDS
    for unit_data in plan.get("units", []):
        unit = WorkUnit.from_dict(unit_data)
        if skip.intersection(unit.paths):
            continue
        for item in read_unit(unit, config):
            if time.monotonic() > deadline:
                raise _OutOfTime
            if not isinstance(item, Record):
                continue
            raw_id = item.fields.get(config.id_field)
            doc_id = str(raw_id) if raw_id is not None else f"{item.source}#{item.position}"
            if doc_id not in wanted:
                continue
            value = item.fields.get(config.text_field)
            if isinstance(value, bytes):
                decoded = decode_text(value, item.source, item.position)
                if not isinstance(decoded, tuple):
                    continue
                value = decoded[0]
            if isinstance(value, str):
                yield doc_id, replace_lone_surrogates(value)[0], item.source


def recover_inputs(outdir: Path, rows: list[Row]) -> str:
    """Fill ``original`` of the rows that lack it from the run's inputs; return a sentence saying what was done."""
    missing = {r.id: r for r in rows if r.original is None}
    if not missing:
        return ""
    plan = _run_plan(outdir)
    if plan is None:
        return "The run left no record of its inputs, so documents are shown as they came out."
    found = 0
    try:
        changed = changed_inputs(plan)
        for doc_id, text, source in _input_texts(plan, set(missing), changed):
            row = missing.get(doc_id)
            if row is None or row.original is not None or not spans_agree(text, row.edits):
                continue
            row.original = text
            row.original_note = f"re-read from {Path(source).name}"
            found += 1
            if found == len(missing):
                break
    except _OutOfTime:
        return (f"The inputs of {found} of {len(missing)} sampled documents were re-read from the run's input files "
                f"before re-reading stopped after {MAX_SECONDS:.0f} s; the others are shown as they came out.")
    except Exception as exc:  # noqa: BLE001 - a missing or moved input must not cost the whole report
        return (f"The inputs of {found} of {len(missing)} sampled documents were re-read from the run's input files; "
                f"reading the rest failed ({type(exc).__name__}: {exc}).")
    gone = f" {len(changed)} input files changed or went away since the run and were not read." if changed else ""
    return (f"The inputs of {found} of {len(missing)} sampled documents were re-read from the run's input files "
            f"(kept only where every edit's original text sits at its recorded place).{gone}")
