"""The audit of one cleaned page (``unmangle clean FILE --html``)."""

from __future__ import annotations

from pathlib import Path

from unmangle.document import Document
from unmangle.report import svg
from unmangle.report.document_view import render_document
from unmangle.report.html import page, toolbar
from unmangle.report.rows import row_from_document
from unmangle.report.summary import cards, kind_counts, plots


def render_page_report(original: str, doc: Document, name: str = "page") -> str:
    """The HTML of the page report: what changed, in numbers, then the page before and after."""
    row = row_from_document(original, doc, name)
    kinds = kind_counts([row])
    numbers = cards([
        (str(len(doc.edits)), "edits"),
        (str(len(doc.removed)), "pieces removed"),
        (str(len(doc.gaps)), "holes (words missing)"),
        (f"{len(original):,} → {len(doc.text):,}", "characters in → body out"),
    ])
    charts = plots([
        svg.bar_chart(kinds.most_common(), "Changes by kind"),
        svg.histogram(svg.bin_confidences([e.confidence for e in doc.edits]), 0.0, 1.0, "Edit confidence"),
    ])
    how = ('<p class="note">Left: the page as it came in, with every edit marked on the characters it replaced '
           "(hover for what they became), removed pieces struck through with their kind, and text the article "
           "left out without a record dotted. Right: the article as it came out, its title, dateline, byline and "
           "captions labelled, repaired characters highlighted (hover for the original) and holes marked where "
           "words are missing.</p>")
    body = numbers + charts + "<h2>The page</h2>" + how + toolbar(sorted(kinds)) + render_document(row, 1)
    return page(f"unmangle audit: {name}", "One page, as it came in and as it came out", body)


def write_page_report(original: str, doc: Document, out: Path) -> None:
    """Write the page report to ``out`` (UTF-8, one self-contained file)."""
    out = Path(out)
    out.write_text(render_page_report(original, doc, out.stem), encoding="utf-8", errors="replace")
