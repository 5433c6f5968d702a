"""One document, before and after, with every change marked where it happened.

Everything a document contains is escaped here and nowhere else is document text written; marks carry their
explanation in a ``title`` attribute (shown on hover) and their kind in ``data-kind`` (for the filter and tests).
"""

from __future__ import annotations

from collections.abc import Iterator

from unmangle.document import Edit
from unmangle.report.html import esc, token
from unmangle.report.placement import Placement, disjoint, dropped_runs
from unmangle.report.rows import Row

_HOVER_CHARS = 300  # longest text quoted in a hover title
_TABLE_ROWS = 300  # edits listed per document; the rest are counted
_UNPLACED_PER_KIND = 5  # edits marked per kind in the list of those that could not be placed
PARTS = ("title", "dateline", "byline")


def _quote(text: str) -> str:
    short = text if len(text) <= _HOVER_CHARS else text[:_HOVER_CHARS] + "…"
    return "“" + short.replace("\n", "⏎") + "”"


def _attrs(kind: str, title: str, label: str | None = None) -> str:
    extra = f' data-label="{esc(label)}"' if label is not None else ""
    return f'data-kind="{esc(kind)}" data-k="{esc(token(kind))}" title="{esc(title)}"{extra}'


def _edit_title_out(e: Edit) -> str:
    return f"{e.kind}: was {_quote(e.before)}; confidence {e.confidence:.2f}" + (f"; {e.detail}" if e.detail else "")


def _edit_title_in(e: Edit) -> str:
    became = f"became {_quote(e.after)}" if e.after else "deleted"
    return f"{e.kind}: {became}; confidence {e.confidence:.2f}" + (f"; {e.detail}" if e.detail else "")


def _point(e: Edit, title: str, cls: str = "ins") -> str:
    """A change with no extent on this side (an insertion in the input, a deletion in the output)."""
    return f'<span class="m {cls}" {_attrs(e.kind, title)}></span>'


def _gap_mark(hint: str, confidence: float) -> str:
    return f'<span class="m gap" {_attrs("gap", f"words missing here: {hint} (confidence {confidence:.2f})")}></span>'


def marked_text(text: str, owner: list[int], edits: list[Edit], points: dict[int, list[str]]) -> str:
    """``text`` escaped, with runs owned by an edit marked and ``points`` (ready markup) inserted before offsets."""
    out: list[str] = []
    i = 0
    while i <= len(text):
        out.extend(points.get(i, ()))
        if i == len(text):
            break
        j = i + 1
        while j < len(text) and owner[j] == owner[i] and j not in points:
            j += 1
        piece = esc(text[i:j])
        if owner[i] >= 0:
            e = edits[owner[i]]
            out.append(f'<mark class="m edit" {_attrs(e.kind, _edit_title_out(e))}>{piece}</mark>')
        else:
            out.append(piece)
        i = j
    return "".join(out)


def _layers(length: int, layers: list[list[tuple[int, int, int]]]) -> Iterator[tuple[int, int, list[int]]]:
    """Split [0, length) at every interval end; for each piece, the interval (index) active in each layer or -1.

    Intervals inside one layer do not overlap.
    """
    cuts = sorted({0, length, *(p for layer in layers for s, e, _ in layer for p in (s, e))})
    ptrs = [0] * len(layers)
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        active = []
        for n, layer in enumerate(layers):
            while ptrs[n] < len(layer) and layer[ptrs[n]][1] <= a:
                ptrs[n] += 1
            hit = ptrs[n] < len(layer) and layer[ptrs[n]][0] <= a
            active.append(layer[ptrs[n]][2] if hit else -1)
        yield a, b, active


def _input_edit(e: Edit, piece: str, at: int) -> str:
    """``piece`` (escaped input from offset ``at``) marked as part of edit ``e``: repaired, or struck through."""
    if e.after:
        return f'<mark class="m edit" {_attrs(e.kind, _edit_title_in(e))}>{piece}</mark>'
    label = e.kind if at == e.start else None
    return f'<span class="m mark-del" {_attrs(e.kind, _edit_title_in(e), label)}>{piece}</span>'


def _input_view(row: Row, place: Placement) -> tuple[str, set[int]]:
    """The input with edits, removals and unrecorded omissions marked; and the removals it could place."""
    original = row.original or ""
    applied = place.applied
    assert applied is not None and place.covered is not None
    edit_spans = [(row.edits[i].start, row.edits[i].end, i) for i in applied.placed]
    removed, placed_removed = place.removed_spans, place.placed_removed
    removed_start = {i: s for s, _, i in removed}
    around = disjoint([(row.edits[i].start, row.edits[i].end, i) for i in applied.around])
    deletions = [(s, e, i) for s, e, i in edit_spans if not row.edits[i].after]
    dropped = dropped_runs(original, place.covered, removed + deletions + around)
    inserts: dict[int, list[int]] = {}
    for s, e, i in edit_spans:
        if s == e:
            inserts.setdefault(s, []).append(i)
    out: list[str] = []
    for a, b, (r, d, c, ed) in _layers(len(original), [removed, dropped, around, disjoint(edit_spans)]):
        for i in inserts.pop(a, []):
            out.append(_point(row.edits[i], _edit_title_in(row.edits[i])))
        piece = esc(original[a:b])
        if ed >= 0:
            piece = _input_edit(row.edits[ed], piece, a)
        if c >= 0:
            piece = _input_edit(row.edits[c], piece, a)
        if d >= 0:
            piece = f'<span class="dropped" title="left out of the article with no record of why">{piece}</span>'
        if r >= 0:
            rm = row.removed[r]
            first = a == removed_start[r]
            title = f"removed as {rm.kind}"
            piece = (f'<del class="m removed" {_attrs("removed:" + rm.kind, title, rm.kind if first else None)}>'
                     f"{piece}</del>")
        out.append(piece)
    for rest in inserts.values():
        out.extend(_point(row.edits[i], _edit_title_in(row.edits[i])) for i in rest)
    return "".join(out), placed_removed


def _output_view(row: Row, place: Placement) -> str:
    parts = []
    for name, value, owner in zip(PARTS, (row.title, row.dateline, row.byline), place.field_owners, strict=False):
        if value:
            parts.append(f'<div class="part" data-part="{name}">{marked_text(value, owner, row.edits, {})}</div>')
    points: dict[int, list[str]] = {}
    for at, i in place.deletion_points():
        e = row.edits[i]
        points.setdefault(at, []).append(_point(e, f"{e.kind}: removed {_quote(e.before)} here", "cut"))
    for g in row.gaps:
        points.setdefault(max(0, min(g.offset, len(row.text))), []).append(_gap_mark(g.hint, g.confidence))
    body = marked_text(row.text, place.body_owner, row.edits, points)
    captions = [
        f'<div class="part" data-part="caption">{marked_text(c, owner, row.edits, {})}</div>'
        for c, owner in zip(row.captions, place.field_owners[3:], strict=False)
    ]
    return "".join(parts) + f'<div class="text body">{body}</div>' + "".join(captions)


def _unplaced_list(row: Row, unplaced: list[int]) -> str:
    """Edits that could not be marked in the text, each still marked here (a few per kind, the rest counted)."""
    if not unplaced:
        return ""
    by_kind: dict[str, list[int]] = {}
    for i in unplaced:
        by_kind.setdefault(row.edits[i].kind, []).append(i)
    items = []
    for kind, found in by_kind.items():
        shown = [row.edits[i] for i in found[:_UNPLACED_PER_KIND]]
        marks = "".join(f'<mark class="m edit" {_attrs(kind, _edit_title_in(e))}>'
                        f'{esc(_quote(e.before) if e.before else "∅")}</mark> ' for e in shown)
        more = f'<span class="note">and {len(found) - _UNPLACED_PER_KIND} more</span>' \
            if len(found) > _UNPLACED_PER_KIND else ""
        items.append(f"<li>{esc(kind)}: {marks}{more}</li>")
    return (f'<details open><summary>Edits that could not be placed in the text ({len(unplaced)}): hover one for '
            f'what it became</summary><ul class="unplaced">{"".join(items)}</ul></details>')


def _left_out_list(row: Row, skip: set[int]) -> str:
    items = [f'<li><del class="m removed" {_attrs("removed:" + r.kind, f"removed as {r.kind}", r.kind)}>'
             f"{esc(r.text)}</del></li>" for i, r in enumerate(row.removed) if i not in skip]
    if not items:
        return ""
    return f'<details open><summary>Left out of the article ({len(items)})</summary><ul>{"".join(items)}</ul></details>'


def _edit_table(row: Row) -> str:
    if not row.edits:
        return ""
    lines = [
        f'<tr data-k="{esc(token(e.kind))}"><td>{esc(e.kind)}</td><td class="num">{e.start}–{e.end}</td>'
        f'<td class="t">{esc(e.before)}</td><td class="t">{esc(e.after)}</td>'
        f'<td class="num">{e.confidence:.2f}</td><td>{esc(e.detail)}</td></tr>'
        for e in row.edits[:_TABLE_ROWS]
    ]
    more = len(row.edits) - _TABLE_ROWS
    tail = f'<p class="note">and {more} more edits not listed.</p>' if more > 0 else ""
    return (f'<details><summary>All {len(row.edits)} edits</summary><table class="edits"><tr><th>kind</th>'
            '<th>input span</th><th>before</th><th>after</th><th>confidence</th><th>detail</th></tr>'
            f'{"".join(lines)}</table>{tail}</details>')


def render_document(row: Row, number: int, why: str = "") -> str:
    """The section for one document: header, input and output views side by side, removals and the edit list.

    ``why`` says why a sample holds this document (plain text, escaped here).
    """
    place = Placement(row)
    kinds = sorted(row.kinds)
    chips = "".join(f'<span class="chip" data-k="{esc(token(k))}">{esc(k)}</span>' for k in kinds)
    where = f" · {esc(row.shard)}" if row.shard else ""
    lang = f" · {esc(row.lang)}" if row.lang else ""
    head = (f'<h3>#{number} {esc(row.id)}{where}{lang} · {"changed" if row.changed else "unchanged"} · '
            f"{len(row.edits)} edits, {len(row.removed)} removed, {len(row.gaps)} holes</h3>"
            f'<div>{chips} <span class="note">{esc(why)}</span></div>')
    output = _output_view(row, place)
    if row.original is not None:
        before, placed_removed = _input_view(row, place)
        note = f" ({esc(row.original_note)})" if row.original_note else ""
        views = (
            f'<div class="views"><div class="view"><h4>As it came in{note}</h4>'
            f'<div class="text input">{before}</div></div>'
            f'<div class="view"><h4>As it came out</h4>{output}</div></div>'
        )
    else:
        placed_removed = set()
        views = (
            '<p class="note">The input of this document was not stored with the run, so only the output is shown. '
            "Marked repairs were placed by finding their repaired text in the output (a best guess); hover one to "
            "see the original characters. Every edit is listed below.</p>"
            f'<div class="views single"><div class="view"><h4>As it came out</h4>{output}</div></div>'
        )
    return (f'<section class="doc" id="doc-{number}" data-k="{esc(" ".join(token(k) for k in kinds))}">'
            f"{head}{views}{_unplaced_list(row, place.unplaced)}{_left_out_list(row, placed_removed)}"
            f"{_edit_table(row)}</section>")
