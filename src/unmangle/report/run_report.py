"""The audit of a corpus run (``unmangle report OUTDIR -o report.html``): the run at a glance, then sampled documents.

Numbers come from two places and the page says which: ``stats.json`` as the run wrote it, and a count over the
output rows made while reading them (the plots), so a report still works when ``stats.json`` is missing or older.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unmangle.report import svg
from unmangle.report.document_view import render_document
from unmangle.report.html import esc, page, toolbar
from unmangle.report.inputs import recover_inputs
from unmangle.report.rows import Row
from unmangle.report.sample import Pick, Sampler
from unmangle.report.shards import ReadProblems, Rejections, iter_rows, read_rejections, read_stats
from unmangle.report.summary import cards, human_bytes, plots

MAX_FILE_BYTES = 19_000_000  # the bound is 20 MB; keep a margin for the closing markup
_MAX_GROUPS = 10_000
_GROUPS_PLOTTED = 25
_MAX_MISSES = 10  # documents rendered in vain before sampling stops


@dataclass(slots=True)
class Tally:
    """Counts over every output row, gathered while streaming."""

    rows: int = 0
    changed: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    gaps: int = 0
    confidence: list[int] = field(default_factory=lambda: [0] * 20)
    groups: dict[str, list[int]] = field(default_factory=dict)  # label -> [changed, total]
    group_by: str = "shard"
    bytes_out: int = 0

    def add(self, row: Row) -> None:
        self.rows += 1
        self.changed += row.changed
        self.edits.update(e.kind for e in row.edits)
        self.removed.update(r.kind for r in row.removed)
        self.gaps += len(row.gaps)
        for e in row.edits:
            self.confidence[min(19, max(0, int(e.confidence * 20)))] += 1
        if row.lang and self.group_by == "shard" and not self.groups:
            self.group_by = "language"
        label = (row.lang or "unknown") if self.group_by == "language" else row.shard
        counts = self.groups.get(label)
        if counts is None and len(self.groups) < _MAX_GROUPS:
            counts = self.groups[label] = [0, 0]
        if counts is not None:
            counts[0] += row.changed
            counts[1] += 1
        self.bytes_out += len(row.text.encode("utf-8", "surrogatepass"))


def _stat(stats: dict[str, Any], *names: str) -> Any:
    """The first of ``names`` present in stats.json (run writers name things differently)."""
    for name in names:
        if stats.get(name) is not None:
            return stats[name]
    return None


def _edits_by_kind(stats: dict[str, Any]) -> dict[str, Any] | None:
    for key, value in stats.items():
        if isinstance(value, dict) and "edit" in key.lower():
            return value
    return None


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _glance(stats: dict[str, Any], tally: Tally, rejections: Rejections) -> str:
    read = _num(_stat(stats, "read", "documents_read", "docs_read"))
    written = _num(_stat(stats, "written", "documents_written"))
    rejected = _num(_stat(stats, "rejected"))
    changed = _num(_stat(stats, "changed"))
    bytes_in = _num(_stat(stats, "bytes_in", "input_bytes", "in_bytes"))
    bytes_out = _num(_stat(stats, "bytes_out", "output_bytes", "out_bytes"))
    seconds = _num(_stat(stats, "seconds", "elapsed_seconds", "elapsed", "duration"))
    read = read if read is not None else float(tally.rows + rejections.total)
    written = written if written is not None else float(tally.rows)
    changed = changed if changed is not None else float(tally.changed)
    rejected = rejected if rejected is not None else float(rejections.total)
    items = [(f"{read:,.0f}", "documents read"),
             (f"{written:,.0f}", "written"),
             (f"{changed:,.0f} ({changed / written:.1%})" if written else f"{changed:,.0f}", "changed"),
             (f"{rejected:,.0f}", "rejected"),
             (f"{sum(tally.edits.values()):,}", "edits"),
             (f"{sum(tally.removed.values()):,}", "pieces removed"),
             (f"{tally.gaps:,}", "holes marked")]
    if bytes_in is not None:
        items.append((human_bytes(bytes_in), "in"))
    items.append((human_bytes(bytes_out if bytes_out is not None else tally.bytes_out), "out"))
    if seconds:
        items.append((f"{read / seconds:,.0f} docs/s", f"in {seconds:,.1f} s"))
        if bytes_in is not None:
            items.append((f"{bytes_in / seconds / 1e6:,.2f} MB/s", "input rate"))
    return cards(items)


def _plots(tally: Tally) -> str:
    groups = sorted(tally.groups.items(), key=lambda kv: (-kv[1][1], kv[0]))
    shown = [(label, c, t) for label, (c, t) in groups[:_GROUPS_PLOTTED]]
    more = f" (largest {_GROUPS_PLOTTED} of {len(groups)})" if len(groups) > _GROUPS_PLOTTED else ""
    kinds = list(tally.edits.most_common())
    if tally.gaps:
        kinds.append(("gap (hole marked)", tally.gaps))
    return plots([
        svg.bar_chart(kinds, "Edits by kind"),
        svg.bar_chart(tally.removed.most_common(), "Pieces removed by kind"),
        svg.share_chart(shown, f"Documents changed per {tally.group_by}{more}"),
        svg.histogram(tally.confidence, 0.0, 1.0, "Edit confidence"),
    ])


def _rejections(rej: Rejections) -> str:
    if not rej.total:
        return '<p class="note">No document was rejected.</p>'
    reasons = "".join(f'<tr><td class="num">{n:,}</td><td>{esc(r)}</td><td>{esc(rej.example_reason.get(r, ""))}</td>'
                      "</tr>" for r, n in rej.reasons.most_common(15))
    examples = "".join(f'<tr><td>{esc(e["source"])}</td><td class="num">{esc(e["position"])}</td>'
                       f'<td>{esc(e["reason"])}</td></tr>' for e in rej.examples)
    return (f'<table><tr><th>documents</th><th>reason</th><th>for example</th></tr>{reasons}</table>'
            f'<details><summary>First {len(rej.examples)} rejected entries</summary><table><tr><th>source</th>'
            f'<th>position</th><th>reason</th></tr>{examples}</table></details>')


def _stats_table(stats: dict[str, Any]) -> str:
    if not stats:
        return '<p class="note">This run has no readable stats.json; the numbers above are counted from its rows.</p>'
    rows = "".join(
        f'<tr><td>{esc(k)}</td><td class="t">{esc(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))}'
        "</td></tr>" for k, v in stats.items())
    return f'<details><summary>stats.json as the run wrote it</summary><table>{rows}</table></details>'


def _index(shown: list[Pick]) -> str:
    """Links to the sampled documents (fragment links: moving within the page fetches nothing)."""
    items = "".join(
        f'<div><a href="#doc-{n}">#{n} {esc(p.row.id[:60])}</a> <span class="note">'
        f'{esc(", ".join(sorted(p.row.kinds)[:6]) or "no changes")}</span></div>'
        for n, p in enumerate(shown, 1))
    return f'<details><summary>Index of the sampled documents</summary><nav class="index">{items}</nav></details>'


def render_run_report(outdir: Path, sampler: Sampler | None = None, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The HTML of the run report; reads the run once, streaming."""
    sampler = sampler or Sampler()
    tally = Tally()
    problems = ReadProblems()
    for row in iter_rows(outdir, problems):
        tally.add(row)
        sampler.offer(row)
    stats = read_stats(outdir)
    rejections = read_rejections(outdir)
    head = [_glance(stats, tally, rejections)]
    if problems.files:
        head.append('<p class="note">Some shards could not be read completely, so the counts are incomplete: '
                    + esc("; ".join(problems.files[:10])) + "</p>")
    head += [_plots(tally), "<h2>Rejected</h2>", _rejections(rejections), _stats_table(stats)]
    by_kind = _edits_by_kind(stats)
    if by_kind is not None and dict(by_kind) != dict(tally.edits):
        head.append('<p class="note">stats.json counts edits by kind differently from the rows read here: '
                    + esc(json.dumps(by_kind, ensure_ascii=False)) + "</p>")
    budget = max_bytes - sum(len(h.encode()) for h in head) - 60_000
    shown: list[Pick] = []
    sections: list[str] = []
    stopped = False
    picks = sampler.picks()
    recovered = recover_inputs(outdir, [p.row for p in picks])
    misses = 0
    for pick in picks:
        if pick.row.size > budget:  # its texts alone (at least a byte a character) would not fit
            stopped = True
            continue
        html_doc = render_document(pick.row, len(sections) + 1, pick.why)
        cost = len(html_doc.encode("utf-8", "surrogatepass"))
        if cost > budget:
            stopped = True
            misses += 1
            if misses >= _MAX_MISSES:
                break
            continue
        budget -= cost
        sections.append(html_doc)
        shown.append(pick)
    kinds = sorted({k for p in shown for k in p.row.kinds})
    read = tally.rows + rejections.total
    body = ("".join(head) + "<h2>Sampled documents</h2>"
            f'<p class="note">{esc(sampler.describe(shown, read, stopped))} {esc(recovered)} A document whose input '
            "could not be had is shown as it came out, with every edit listed.</p>"
            + _index(shown) + toolbar(kinds) + "".join(sections))
    return page(f"unmangle run audit: {outdir.name}", f"Output of unmangle run in {outdir}", body)


def write_run_report(outdir: Path, out: Path) -> None:
    """Write the run report for ``outdir`` to ``out`` (UTF-8, one self-contained file under 20 MB)."""
    text = render_run_report(Path(outdir))
    Path(out).write_text(text, encoding="utf-8", errors="replace")
