"""Entry point of the encoding repair (placeholder until the engine lands: ftfy only)."""

from __future__ import annotations

import difflib

import ftfy

from unmangle.document import Edit


def fix_and_explain(text: str) -> tuple[str, list[Edit]]:
    """Repair mojibake in ``text``; return the repaired text and one edit per changed span of the input."""
    if text.isascii():
        return text, []
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, []
    edits = []
    sm = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            edits.append(Edit("mojibake", i1, i2, text[i1:i2], fixed[j1:j2], 0.9, "ftfy"))
    return fixed, edits


def fix_text(text: str) -> str:
    """The repaired text (see :func:`fix_and_explain`)."""
    return fix_and_explain(text)[0]
