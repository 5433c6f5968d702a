"""Compose the page steps: encoding repair, blocks, identifiers, spam, debris, parts, repeats, holes.

Each step is a small function over :class:`Unit` objects (a block and its current text); the steps only agree on
that record, so each can be run and tested alone. The result accounts for every input character: what is not in the
body, the title, the dateline, the byline or the captions is in an edit or a ``removed`` entry.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from unmangle.document import Document, Edit, Gap, Removed
from unmangle.page.blocks import Page, read_page
from unmangle.page.debris import DebrisResult, classify_blocks
from unmangle.page.identifiers import identifier_line, strip_identifiers
from unmangle.page.parts import Parts, dateline_end, find_parts
from unmangle.page.prose import guess_language
from unmangle.page.units import Unit


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A step written in another module, if that module is there (the page steps land one by one)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _removed(page: Page, unit: Unit, kind: str) -> Removed:
    start, end = unit.input_span(page)
    return Removed(kind, unit.text, start, end)


def strip_identifier_step(page: Page, units: list[Unit], removed: list[Removed]) -> list[Unit]:
    """Drop lines that are only identifiers; remove identifiers glued to text (in-text edits, kind ``identifier``)."""
    kept: list[Unit] = []
    for u in units:
        if identifier_line(u.text):
            removed.append(_removed(page, u, "identifier"))
            continue
        new, edits = strip_identifiers(u.text)
        if edits:
            u.rewrite(page, new, edits)
        kept.append(u)
    return kept


def remove_spam_step(page: Page, units: list[Unit], removed: list[Removed]) -> list[Unit]:
    """Remove injected runs of another script or a brand (part B's :mod:`unmangle.page.spam`): whole injected
    lines into ``removed``, runs inside a line as edits."""
    whole = _optional("unmangle.page.spam", "find_injected_paragraphs")
    if whole is not None:
        spam = {i for i, _ in whole([u.text for u in units])}
        removed.extend(_removed(page, units[i], "spam") for i in sorted(spam))
        units = [u for i, u in enumerate(units) if i not in spam]
    remove = _optional("unmangle.page.spam", "remove_injections")
    if remove is None:
        return units
    for u in units:
        new, edits, gaps = remove(u.text)
        if edits:
            u.rewrite(page, new, edits, gaps)
    return units


def drop_emptied(units: list[Unit]) -> list[Unit]:
    """Blocks that nothing is left of after in-text removals: their edits already account for them."""
    return [u for u in units if u.text.strip()]


def split_parts(page: Page, units: list[Unit], result: DebrisResult,
                removed: list[Removed]) -> tuple[list[Unit], Parts]:
    """Title, dateline, byline and captions out of the blocks; debris into ``removed``; the body units remain."""
    parts = find_parts([u.text for u in units], result)
    body: list[Unit] = []
    for i, u in enumerate(units):
        if i in parts.claimed:
            continue
        if parts.byline is not None and u.text == parts.byline:  # the byline again (top and bottom of the page)
            removed.append(_removed(page, u, "byline"))
            continue
        verdict = result.verdicts[i]
        if verdict.keep:
            body.append(u)
        else:
            removed.append(_removed(page, u, verdict.kind))
    return body, parts


DATELINE_WINDOW = 3  # body paragraphs that may open with the dateline (a caption or a stray line may come first)


def cut_dateline(page: Page, body: list[Unit], parts: Parts) -> None:
    """Move the dateline that opens the article (``CAIRO —``) to ``parts.dateline``: the first of the first few
    paragraphs that starts with one."""
    found = next(((u, c) for u in body[:DATELINE_WINDOW] if (c := dateline_end(u.text)) is not None), None)
    if found is None:
        return
    unit, cut = found
    rest = unit.text[cut:]
    parts.dateline = unit.text[:cut].strip()
    # The dateline's characters are accounted for by the ``dateline`` part; the edit records the move.
    unit.rewrite(page, rest.lstrip(), [Edit("dateline", 0, len(unit.text) - len(rest.lstrip()),
                                            unit.text[:len(unit.text) - len(rest.lstrip())], "", 0.9,
                                            "moved to dateline")])


def merge_repeats_step(page: Page, units: list[Unit], removed: list[Removed]) -> list[Unit]:
    """Keep one copy of repeated paragraphs, filled from the other (part B's :mod:`unmangle.page.repeats`)."""
    merge = _optional("unmangle.page.repeats", "merge_repeated_paragraphs")
    if merge is None or len(units) < 2:
        return units
    result = merge([u.text for u in units])
    for i, detail in result.removed:
        removed.append(Removed("repeat", units[i].text, *units[i].input_span(page)))
        del detail
    for i, new in result.texts.items():
        units[i].rewrite(page, new, result.edits.get(i, []))
    return [units[i] for i in result.keep]


def flag_holes_step(units: list[Unit]) -> None:
    """Flag where stripped link text left a sentence broken (part B's :mod:`unmangle.page.holes`)."""
    find = _optional("unmangle.page.holes", "find_holes")
    if find is None:
        return
    for u in units:
        seen = {g.offset for g in u.gaps}
        u.gaps.extend(g for g in find(u.text) if g.offset not in seen)


def assemble(page: Page, body: list[Unit], parts: Parts, removed: list[Removed], units: list[Unit]) -> Document:
    """Join the body (lines of one input paragraph with a newline, paragraphs with a blank line) and the record."""
    pieces: list[str] = []
    gaps: list[Gap] = []
    pos = 0
    previous: Unit | None = None
    for u in body:
        text = u.text.strip()
        lead = len(u.text) - len(u.text.lstrip())
        if previous is not None:
            same = previous.block.para == u.block.para and previous.block.index + 1 == u.block.index
            sep = "\n" if same else "\n\n"
            pieces.append(sep)
            pos += len(sep)
        gaps.extend(Gap(pos + min(max(0, g.offset - lead), len(text)), g.confidence, g.hint) for g in u.gaps)
        pieces.append(text)
        pos += len(text)
        previous = u
    edits = list(page.edits)
    for u in units:
        edits.extend(u.edits)
    edits.sort(key=lambda e: (e.start, e.end))
    removed.sort(key=lambda r: (r.start, r.end))
    return Document(text="".join(pieces), title=parts.title, dateline=parts.dateline, byline=parts.byline,
                    captions=list(parts.captions), removed=removed, gaps=sorted(gaps, key=lambda g: g.offset),
                    edits=edits)


def clean_page(text: str) -> Document:
    page = read_page(text)
    units = [Unit.of(b) for b in page.blocks]
    removed: list[Removed] = []
    live = strip_identifier_step(page, units, removed)
    live = drop_emptied(remove_spam_step(page, live, removed))
    result = classify_blocks([u.text for u in live], guess_language(page.fixed))
    if result.whole:
        # No furniture: an article as it stands (or our own output), whose text comes out as it went in. Its
        # parts are not taken out of it either, so that cleaning the output again changes nothing.
        body, parts = live, Parts()
    else:
        body, parts = split_parts(page, live, result, removed)
        # The dateline first: a lead that opens with one and its teaser copy without it are the same paragraph,
        # and whichever copy the merge keeps, the dateline is not lost with the other.
        cut_dateline(page, body, parts)
    body = merge_repeats_step(page, body, removed)
    flag_holes_step(body)
    return assemble(page, body, parts, removed, units)


def clean(text: str) -> Document:
    """Return the article found in the plain text of a scraped page, with its parts and the record of changes.

    Never raises: if a step fails on some odd input, the page comes back repaired but otherwise as given.
    """
    try:
        return clean_page(text)
    except Exception:  # noqa: BLE001 - a pipeline over millions of pages must not stop on one
        try:
            page = read_page(text)
            return Document(text=page.fixed.strip(), edits=list(page.edits))
        except Exception:  # noqa: BLE001
            return Document(text=text.strip())
