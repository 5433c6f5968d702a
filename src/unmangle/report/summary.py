"""Pieces both reports show above the documents: number cards, plot frames, kind lists."""

from __future__ import annotations

from collections import Counter

from unmangle.report.html import esc
from unmangle.report.rows import Row


def cards(items: list[tuple[str, str]]) -> str:
    """Big numbers with a caption: (value, caption) pairs, values already formatted."""
    body = "".join(f'<div class="card"><b>{esc(v)}</b><span>{esc(c)}</span></div>' for v, c in items)
    return f'<div class="cards">{body}</div>'


def plots(svgs: list[str]) -> str:
    return '<div class="plots">' + "".join(f'<div class="plot">{s}</div>' for s in svgs) + "</div>"


def kind_counts(rows: list[Row]) -> Counter[str]:
    """Every mark kind in these documents, counted (edits by kind, removals as ``removed:kind``, holes)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(e.kind for e in row.edits)
        counts.update(f"removed:{r.kind}" for r in row.removed)
        counts["gap"] += len(row.gaps)
    return +counts


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"
