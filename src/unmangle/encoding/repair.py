"""The encoding repair: find suspicious tokens, read them with every plausible codec pair, keep the reading
the character model finds far more probable than the text as it stands, and repeat for layered damage.

Clean text costs one regex scan: only tokens that contain a character some wrong decoder would produce are
looked at, and their decisions are cached (real text repeats its words).
"""

from __future__ import annotations

import math
from functools import lru_cache

import ftfy
import regex
from ftfy.badness import is_bad

from unmangle.document import Edit, apply_edits, compose
from unmangle.encoding.model import default_model
from unmangle.encoding.readings import SUSPECT, Reading, candidate_readings

MAX_LAYERS = 4
LOST_BYTE_PENALTY = 1.5
_TOKEN_END = regex.compile(r"\S*")
_WS = " \t\n\r\f\v\u00a0\u2028\u2029\u3000"
_LINE = regex.compile(r"[^\n]+")


def _confidence(gain: float, cost: float) -> float:
    """Map the model's margin (nats) to 0..1; recovered bytes we were unsure of lower it."""
    return round(max(0.05, min(0.999, (1.0 - math.exp(-max(gain, 0.0) / 6.0)) * math.exp(-cost / 12.0))), 3)


@lru_cache(maxsize=200_000)
def decide(token: str, before: str = "") -> tuple[tuple[Reading, float], ...]:
    """The readings accepted for ``token`` (positions inside it), each with its confidence."""
    model = default_model()
    candidates = candidate_readings(token, model, before)
    if not candidates:
        return ()
    base = model.score(" ", token, " ")
    scored: list[tuple[float, Reading]] = []
    for r in candidates:
        text = token[:r.start] + r.text + token[r.end:]
        # Every byte put back is an assumption: a reading that needs fewer is more likely.
        gain = model.score(" ", text, " ") - base - LOST_BYTE_PENALTY * r.lost
        if gain >= r.min_gain + r.cost:
            scored.append((gain, r))
    if not scored:
        return ()
    scored.sort(key=lambda s: -s[0])
    chosen: list[tuple[Reading, float]] = []
    for gain, r in scored:
        if all(r.end <= c.start or r.start >= c.end for c, _ in chosen):
            chosen.append((r, _confidence(gain, r.cost)))
    return tuple(sorted(chosen, key=lambda c: c[0].start))


_QUOTES = "\u201c\u201d\u2018\u2019\u00ab\u00bb\u300c\u300d\u300e\u300f"


def _last_quote(text: str, pos: int) -> str:
    """The last quotation mark in the 500 characters before ``pos`` ('' if none)."""
    lo = max(0, pos - 500)
    best, mark = -1, ""
    for q in _QUOTES:
        i = text.rfind(q, lo, pos)
        if i > best:
            best, mark = i, q
    return mark


def _token_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] not in _WS:
        pos -= 1
    return pos


def repair_pass(text: str) -> list[Edit]:
    """One layer of repair over ``text``; edits index ``text``."""
    edits: list[Edit] = []
    pos = 0
    while True:
        hit = SUSPECT.search(text, pos)
        if hit is None:
            break
        start = _token_start(text, hit.start())
        end = _TOKEN_END.match(text, hit.start()).end()
        end = max(end, hit.end())
        token = text[start:end]
        for r, conf in decide(token, _last_quote(text, start)):
            edits.append(Edit(r.kind, start + r.start, start + r.end, token[r.start:r.end], r.text, conf,
                              r.detail))
        pos = max(end, hit.end(), pos + 1)
    return edits


def _ftfy_pass(text: str) -> list[Edit]:
    """Lines that still look like single-byte mojibake go to ftfy, kept only if the model agrees."""
    model = default_model()
    edits: list[Edit] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if line.isascii() or not is_bad(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed == line:
            continue
        gain = model.score("\n", fixed, "\n") - model.score("\n", line, "\n")
        if gain < 2.0:
            continue
        edits.extend(_diff_edits(line, fixed, m.start(), _confidence(gain, 0.0)))
    return edits


def _diff_edits(before: str, after: str, offset: int, confidence: float) -> list[Edit]:
    import difflib

    out = []
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            out.append(Edit("mojibake", offset + i1, offset + i2, before[i1:i2], after[j1:j2], confidence,
                            "single-byte mojibake (ftfy)"))
    return out


def fix_and_explain(text: str) -> tuple[str, list[Edit]]:
    """Repair mojibake in ``text``; return the repaired text and one edit per changed span of the input.

    >>> fix_and_explain("It鈥檚 here")[0]
    'It’s here'
    """
    if text.isascii():
        return text, []
    current = text
    edits: list[Edit] = []
    for _layer in range(MAX_LAYERS):
        layer = repair_pass(current)
        if not layer:
            break
        new = apply_edits(current, layer)
        edits = compose(text, edits, current, layer)
        current = new
    layer = _ftfy_pass(current)
    if layer:
        new = apply_edits(current, layer)
        edits = compose(text, edits, current, layer)
        current = new
    return current, edits


def fix_text(text: str) -> str:
    """The repaired text (see :func:`fix_and_explain`).

    >>> fix_text("caf茅 au lait")
    'café au lait'
    """
    return fix_and_explain(text)[0]
