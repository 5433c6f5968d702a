"""Merge repeated paragraphs: the teaser lead repeated before the full lead, a lead copied twice, one copy missing a
name that a stripped link took away.

Paragraphs are compared word by word (characters for unspaced scripts): candidates share word 3-grams, then
:class:`difflib.SequenceMatcher` aligns them. The shorter copy must be almost wholly inside the longer one, so two
paragraphs that merely share a boilerplate phrase are not merged. We keep the later copy (the teaser comes before
the article; a much shorter later copy is a pull quote, though) and fill its holes with the words the other copy has
at that place.

>>> r = merge_repeated_paragraphs(["He won at  with three others on Sunday in the final.", "Intro.",
...                                "He won at Wimbledon with three others on Sunday in the final."])
>>> r.keep, r.removed
([1, 2], [(0, 'repeat of paragraph 2')])
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

from unmangle.document import Edit

_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]|[\p{L}\p{N}\p{M}]+")
_MIN_TOKENS = 6
_MIN_CHARS = 16  # tokens are characters in Chinese, Japanese and Thai
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
_HEADLINE_SHARE = 0.8
_CLOSING_STOP = regex.compile(r"[.!?。！？…][\"'”’»)）]*\s*$")
_MIN_CONTAINED = 0.85  # share of the shorter copy's words found, in order, in the longer one
_MAX_FILL = 8  # words filled into one hole
_KEEP_SHARE = 0.75  # a later copy this much of the fullest one is the article's own
_FULL_COPY = 0.9  # a copy this long may start anywhere (words missing at its head)
_LEAD_SLACK = 8  # tokens a shorter copy may skip at the head of the longer one (a dateline: "BOGOTÁ, 2 agosto (AFP) -")
_NORMAL_JOIN = regex.compile(r"\s|\s*[,;:.!?]\s")


@dataclass(slots=True)
class RepeatResult:
    """Which paragraphs stay (in order), the new text of those that were filled, and what was dropped."""

    keep: list[int]
    texts: dict[int, str] = field(default_factory=dict)
    removed: list[tuple[int, str]] = field(default_factory=list)
    edits: dict[int, list[Edit]] = field(default_factory=dict)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _contained(short: list[str], long: list[str]) -> float:
    """Share of ``short``'s tokens that align, in order, with ``long``; 0 when ``short`` is much shorter and
    matches only the tail of ``long``.

    A teaser or a copy of a lead starts where the lead starts (a name may be missing), a pull quote sits inside a
    paragraph; a shorter paragraph that matches a tail of another to its last word is the article's next
    paragraph taking up where that one ends, not a copy.
    """
    blocks = [b for b in SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return 0.0
    slack = min(_LEAD_SLACK, len(long) // 5)
    tail = blocks[0].b > slack and blocks[-1].b + blocks[-1].size >= len(long) - slack
    if len(short) < _FULL_COPY * len(long) and tail:
        return 0.0
    return sum(b.size for b in blocks) / max(1, len(short))


def _headline_of(short_text: str, n_short: int, n_long: int) -> bool:
    """A headline (no closing stop) restates the lead in fewer words: that is the title, not a repeat."""
    return n_short < _HEADLINE_SHARE * n_long and not _CLOSING_STOP.search(short_text)


def _clusters(texts: list[str], tokens: list[list[tuple[int, int, str]]]) -> list[list[int]]:
    """Groups of paragraphs that repeat one another (union of pairwise matches)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    words = [[t[2] for t in toks] for toks in tokens]
    for i, ws in enumerate(words):
        if len(ws) >= (_MIN_CHARS if _UNSPACED.search(texts[i]) else _MIN_TOKENS):
            for g in {tuple(ws[k:k + 3]) for k in range(len(ws) - 2)}:
                index[g].append(i)
    parent = list(range(len(tokens)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > 1 and len(members) <= 20:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    shared[(members[a], members[b])] += 1
    for (i, j), n in shared.items():
        (short, s), (long, _) = sorted(((words[i], i), (words[j], j)), key=lambda x: len(x[0]))
        if n < min(3, len(short) - 2) or _headline_of(texts[s], len(short), len(long)):
            continue
        if _contained(short, long) >= _MIN_CONTAINED:
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(tokens)):
        groups[root(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def _fill(kept: str, other: str, source: int) -> tuple[str, list[Edit]]:
    """Put into ``kept`` the few words ``other`` has where ``kept`` has a hole (a double space, ``, ,``, or a
    capitalised name missing); edits are local to ``kept``."""
    kt, ot = _tokens(kept), _tokens(other)
    ops = SequenceMatcher(None, [t[2] for t in kt], [t[2] for t in ot], autojunk=False).get_opcodes()
    edits: list[Edit] = []
    for tag, i1, _i2, j1, j2 in ops:
        if tag != "insert" or j2 - j1 > _MAX_FILL or i1 == 0 or j1 == 0:
            continue
        # from the end of the word before the hole to the start of the word after it (or the paragraph's end)
        k_start, k_end = kt[i1 - 1][1], kt[i1][0] if i1 < len(kt) else len(kept.rstrip())
        o_start, o_end = ot[j1 - 1][1], ot[j2][0] if j2 < len(ot) else len(other.rstrip())
        gap, filler = kept[k_start:k_end], other[o_start:o_end]
        name = any(other[s].isupper() or other[s].isdigit() for s, _, _ in ot[j1:j2])
        if _NORMAL_JOIN.fullmatch(gap) and not name:
            continue
        edits.append(Edit("repeat-fill", k_start, k_end, gap, filler, 0.85, f"filled from paragraph {source}"))
    text = kept
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.after + text[e.end:]
    return text, edits


def _position_to_keep(group: list[int], tokens: list[list[tuple[int, int, str]]]) -> int:
    """The copy whose place the article needs: the last one (a teaser comes first), unless it is much shorter than
    the fullest copy (then it is a pull quote or a teaser at the end, and the fullest stays)."""
    fullest = max(len(tokens[i]) for i in group)
    return max(i for i in group if len(tokens[i]) >= _KEEP_SHARE * fullest)


def merge_repeated_paragraphs(paragraphs: list[str]) -> RepeatResult:
    """Keep one copy of each repeated paragraph, the fuller one, filled from the others where they have more."""
    tokens = [_tokens(p) for p in paragraphs]
    dropped: dict[int, str] = {}
    texts: dict[int, str] = {}
    edits: dict[int, list[Edit]] = {}
    for group in _clusters(paragraphs, tokens):
        best = _position_to_keep(group, tokens)
        text = paragraphs[best]
        all_edits: list[Edit] = []
        for other in sorted(group):
            if other == best:
                continue
            dropped[other] = f"repeat of paragraph {best}"
            if not all_edits:  # fill once: later edits would have to be re-based on the filled text
                text, all_edits = _fill(text, paragraphs[other], other)
        if all_edits:
            texts[best] = text
            edits[best] = all_edits
    keep = [i for i in range(len(paragraphs)) if i not in dropped]
    return RepeatResult(keep, texts, sorted(dropped.items()), edits)
