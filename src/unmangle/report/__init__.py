"""The HTML audit report (placeholder until the report lands)."""

from __future__ import annotations

from pathlib import Path

from unmangle.document import Document


def write_page_report(original: str, doc: Document, out: Path) -> None:
    raise NotImplementedError("the HTML report is not implemented yet")


def write_run_report(outdir: Path, out: Path) -> None:
    raise NotImplementedError("the HTML report is not implemented yet")
