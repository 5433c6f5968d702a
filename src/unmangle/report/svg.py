"""Small charts as inline SVG strings, drawn in Python so the report needs no library and no network.

Labels come from data (edit kinds, shard names), so every label is escaped like document text.
"""

from __future__ import annotations

from unmangle.report.html import esc

_NS = 'xmlns="http://www.w3.org/2000/svg"'
_BAR = "#3a78b5"
_ACCENT = "#d9a400"
_FONT = 'font-family="system-ui,sans-serif" font-size="11"'


def _fmt(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _empty(title: str, width: int) -> str:
    return (f'<svg {_NS} width="{width}" height="50" role="img" aria-label="{esc(title)}"><text x="8" y="18" '
            f'{_FONT} font-weight="bold">{esc(title)}</text><text x="8" y="38" {_FONT} fill="#68717d">'
            "nothing to plot</text></svg>")


def bar_chart(items: list[tuple[str, float]], title: str, width: int = 460, unit: str = "") -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return _empty(title, width)
    label_w, row_h, top = 170, 20, 28
    plot_w = width - label_w - 70
    peak = max(v for _, v in items) or 1
    height = top + row_h * len(items) + 8
    rows = []
    for n, (label, value) in enumerate(items):
        y = top + n * row_h
        w = max(1.0, plot_w * value / peak) if value else 0
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" {_FONT}>{esc(_short(label))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{_BAR}">'
            f"<title>{esc(label)}: {esc(_fmt(value))}{esc(unit)}</title></rect>"
            f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" {_FONT}>{esc(_fmt(value))}{esc(unit)}</text>'
        )
    return (f'<svg {_NS} width="{width}" height="{height}" role="img" aria-label="{esc(title)}">'
            f'<text x="8" y="16" {_FONT} font-weight="bold">{esc(title)}</text>{"".join(rows)}</svg>')


def share_chart(items: list[tuple[str, int, int]], title: str, width: int = 460) -> str:
    """For each (label, part, total): a full-width track with the part's share filled (e.g. documents changed)."""
    if not items:
        return _empty(title, width)
    label_w, row_h, top = 170, 20, 28
    plot_w = width - label_w - 110
    height = top + row_h * len(items) + 8
    rows = []
    for n, (label, part, total) in enumerate(items):
        y = top + n * row_h
        share = part / total if total else 0.0
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" {_FONT}>{esc(_short(label))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{plot_w}" height="{row_h - 6}" fill="#e6ebf0"/>'
            f'<rect x="{label_w}" y="{y + 3}" width="{plot_w * share:.1f}" height="{row_h - 6}" fill="{_ACCENT}">'
            f"<title>{esc(label)}: {part} of {total}</title></rect>"
            f'<text x="{label_w + plot_w + 4}" y="{y + 13}" {_FONT}>{share:.0%} of {_fmt(total)}</text>'
        )
    return (f'<svg {_NS} width="{width}" height="{height}" role="img" aria-label="{esc(title)}">'
            f'<text x="8" y="16" {_FONT} font-weight="bold">{esc(title)}</text>{"".join(rows)}</svg>')


def histogram(counts: list[int], low: float, high: float, title: str, width: int = 460) -> str:
    """Vertical bars for pre-binned counts over [low, high] (bins of equal width)."""
    if not counts or not any(counts):
        return _empty(title, width)
    left, top, bottom = 44, 28, 26
    height = 190
    plot_w = width - left - 10
    plot_h = height - top - bottom
    peak = max(counts)
    bin_w = plot_w / len(counts)
    step = (high - low) / len(counts)
    bars = []
    for n, c in enumerate(counts):
        h = plot_h * c / peak
        x = left + n * bin_w
        lo = low + n * step
        bars.append(f'<rect x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(bin_w - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="{_BAR}"><title>{lo:.2f}–{lo + step:.2f}: {c}</title></rect>')
    axis = (f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#999"/>'
            f'<text x="{left}" y="{height - 8}" {_FONT}>{low:g}</text>'
            f'<text x="{left + plot_w}" y="{height - 8}" text-anchor="end" {_FONT}>{high:g}</text>'
            f'<text x="{left + plot_w / 2:.0f}" y="{height - 8}" text-anchor="middle" {_FONT}>confidence</text>'
            f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" {_FONT}>{esc(_fmt(peak))}</text>'
            f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" {_FONT}>0</text>')
    return (f'<svg {_NS} width="{width}" height="{height}" role="img" aria-label="{esc(title)}">'
            f'<text x="8" y="16" {_FONT} font-weight="bold">{esc(title)}</text>{axis}{"".join(bars)}</svg>')


def bin_confidences(values: list[float], bins: int = 20) -> list[int]:
    """Counts of values in ``bins`` equal bins over [0, 1] (values outside are clamped)."""
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v * bins)))] += 1
    return counts
