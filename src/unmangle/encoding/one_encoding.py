"""A legacy CJK document is written in one encoding: its few words read as another are read as the rest.

Each token is read on its own, and a rival CJK codec may read one better: Korean `세이셸과` (EUC-KR) read as
cp1252 is `¼¼ÀÌ¼Ð°ú`, which EUC-JP reads as `室戚斜引`, four common characters that the model prefers to a rare
Hangul syllable. But a page is saved in one encoding: where most of a text's CJK readings name one codec under a
wrong decoder, a reading under another CJK codec behind the same decoder is the model's whim, and the
document's codec reads that token again (when it can).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from unmangle.document import Edit
from unmangle.encoding.readings import MULTIBYTE_TRUE
from unmangle.encoding.token_scores import PAIR_CODECS, pair_of_detail

MIN_WORDS = 3  # edits that must name the document's codec
DOMINANCE = 3  # times as many as every rival codec's


def with_one_legacy_encoding(edits: list[Edit]) -> list[Edit]:
    """``edits``, with each legacy CJK reading whose true codec is not the document's read with the
    document's, behind the same wrong decoder (see the module's docstring)."""
    pairs = [_cjk_pair(e) for e in edits]
    counts = Counter(p for p in pairs if p is not None)
    if len(counts) < 2:
        return edits
    (first, n), *rivals = counts.most_common()
    if n < MIN_WORDS or any(DOMINANCE * m > n for _, m in rivals):
        return edits
    wrong, true = PAIR_CODECS[first]
    label = first.split(" read as ", 1)[1]
    out = []
    for e, pair in zip(edits, pairs, strict=True):
        if pair is not None and pair != first and pair.endswith(f" read as {label}"):
            try:
                text = e.before.encode(wrong).decode(true)
            except UnicodeError:
                text = None
            if text is not None and text != e.before:
                e = replace(e, after=text, detail=first)
        out.append(e)
    return out


def _cjk_pair(edit: Edit) -> str | None:
    """The edit's pair, when it reads a legacy CJK codec back whole."""
    if edit.kind != "mojibake":
        return None
    pair = pair_of_detail(edit.detail)
    codecs = PAIR_CODECS.get(pair)
    return pair if codecs is not None and codecs[1] in MULTIBYTE_TRUE else None
