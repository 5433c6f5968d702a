"""Remove injected spam: a run of another script, or a promoted brand, that does not belong to the paragraph.

The strong signal is structural: a run of script X glued inside a word of script Y, where Y is written with
spaces (``the gov澳门威尼斯人ment said``). Genuine mixed text keeps its foreign words apart (a Chinese name between
spaces or brackets in an English article) or mixes scripts that glue naturally (Japanese with Latin acronyms), so
neither is touched. A foreign run that stands apart is removed only when it promotes something (a small promo
vocabulary per script) or when the page repeats it (:func:`find_injected_paragraphs`).

Where the injection replaced letters (the word left around it is not a word of the paragraph's language) we flag a
gap; the letters are never guessed.

>>> remove_injections("the gov澳门威尼斯人ment said")[0]
'the govment said'
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from unmangle.document import Edit, Gap
from unmangle.page.script_families import SPACED, family, family_counts, glues_naturally, majority_family
from unmangle.page.wordstats import guess_language, joins_smoothly

HINT_REPLACED = "letters replaced by injected text"
# Words that promote gambling, pills, loans or adult sites, in the scripts spam is injected in. A foreign run that
# stands apart is only taken for spam when it carries one of these (or repeats across the page).
PROMO = regex.compile(
    r"娱乐|娛樂|赌场|賭場|博彩|彩票|官网|官網|开户|開戶|注册|註冊|网投|網投|真人|棋牌|百家乐|百家樂|威尼斯人|葡京|太阳城|"
    r"太陽城|老虎机|老虎機|体育|體育|下注|赌博|賭博|代孕|发票|發票|贷款|貸款|色情|成人|澳门|澳門|金沙|bet365|"
    r"カジノ|オンラインカジノ|出会い|카지노|토토|바카라|"
    r"казино|ставк|букмекер|займ|кредит онлайн|"
    r"casino|poker|slots?\b|betting|viagra|cialis|escort|porn|loans?\b|payday",
    regex.IGNORECASE,
)
_MIN_GLUED = 2  # letters in a glued foreign run
_MINORITY = 4  # a run glued on one side only must be of a script this many times rarer than the paragraph's
_MIN_GLUED_LATIN = 3  # Latin glued into a non-Latin word: a little longer, acronyms and units are short


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    family: str


def _letter_runs(text: str) -> list[_Run]:
    """Maximal runs of letters of one script family (combining marks stay with the letter before them)."""
    runs: list[_Run] = []
    for i, ch in enumerate(text):
        fam = family(ch)
        if fam is None and unicodedata.category(ch).startswith("M") and runs and runs[-1].end == i:
            fam = runs[-1].family
        if fam is None:
            continue
        if runs and runs[-1].end == i and runs[-1].family == fam:
            runs[-1] = _Run(runs[-1].start, i + 1, fam)
        else:
            runs.append(_Run(i, i + 1, fam))
    return runs


def _extend_over_brand_marks(text: str, run: _Run) -> _Run:
    """A CJK brand often carries its own full-width punctuation and digits (``澳门（官网）888``)."""
    end = run.end
    while end < len(text) and (unicodedata.east_asian_width(text[end]) in ("F", "W") and family(text[end]) is None):
        end += 1
    return _Run(run.start, end, run.family) if end > run.end else run


def remove_injections(paragraph: str) -> tuple[str, list[Edit], list[Gap]]:
    """The paragraph without injected runs; edits (kind ``spam``) with spans local to ``paragraph``; gaps with
    offsets local to the returned text where an injection replaced letters."""
    counts = family_counts(paragraph)
    if not counts:
        return paragraph, [], []
    host = counts.most_common(1)[0][0]
    runs = _letter_runs(paragraph)
    lang: str | None = None
    cuts: list[tuple[int, int, float, str, bool]] = []  # start, end, confidence, detail, gap
    for k, run in enumerate(runs):
        if glues_naturally(host, run.family) or host not in SPACED:
            continue
        prev = runs[k - 1] if k and runs[k - 1].end == run.start else None
        nxt = runs[k + 1] if k + 1 < len(runs) and runs[k + 1].start == run.end else None
        glued_prev = prev is not None and _foreign_to(prev.family, run.family)
        glued_next = nxt is not None and _foreign_to(nxt.family, run.family)
        length = run.end - run.start
        # Latin glued on one side only is common in right-to-left and Cyrillic text (a missing space, a suffix);
        # so is Han next to a Latin word in a Chinese sentence, unless Chinese is a small minority of the paragraph.
        if run.family == "Latin":  # both sides, and not after a one-letter prefix (Arabic و, Hebrew ה)
            glued = glued_prev and glued_next and prev.end - prev.start >= 2 and nxt.end - nxt.start >= 2
        else:
            glued = (glued_prev and glued_next) or (
                (glued_prev or glued_next) and counts[host] >= _MINORITY * counts[run.family])
        if glued and length >= (_MIN_GLUED_LATIN if run.family == "Latin" else _MIN_GLUED):
            if lang is None:
                lang = guess_language(paragraph) or ""
            run = _extend_over_brand_marks(paragraph, run)
            left = paragraph[prev.start:prev.end] if glued_prev else ""
            right = paragraph[nxt.start:nxt.end] if glued_next else ""
            replaced = not joins_smoothly(left, right, lang or None)
            word_family = prev.family if glued_prev else nxt.family
            detail = f"{run.family} run inside a {word_family} word"
            cuts.append((run.start, run.end, 0.9, detail, replaced))
        elif prev is None and nxt is None:
            start, end = _spaced_span(paragraph, run)
            if PROMO.search(paragraph, run.start, end):
                cuts.append((start, end, 0.8, f"{run.family} promo run in {host} text", False))
    return _apply_cuts(paragraph, cuts)


def _foreign_to(word_family: str, run_family: str) -> bool:
    """Whether a run glued to a word of ``word_family`` cannot belong to it (a spaced script, another family)."""
    return word_family in SPACED and not glues_naturally(word_family, run_family)


def _spaced_span(paragraph: str, run: _Run) -> tuple[int, int]:
    """The standalone run with its trailing domain/digits and one space, so no double space is left behind."""
    end = run.end
    tail = regex.match(r"[\p{N}\p{P}\p{S}]*(?:\.(?:com|net|cc|vip|top)\b)?", paragraph[end:])
    if tail and tail.group():
        end += len(tail.group())
    start = run.start
    if end < len(paragraph) and paragraph[end] == " ":
        end += 1
    elif start > 0 and paragraph[start - 1] == " ":
        start -= 1
    return start, end


def _apply_cuts(paragraph: str, cuts: list[tuple[int, int, float, str, bool]]) -> tuple[str, list[Edit], list[Gap]]:
    out: list[str] = []
    edits: list[Edit] = []
    gaps: list[Gap] = []
    pos = 0
    length = 0
    for start, end, confidence, detail, replaced in sorted(cuts):
        if start < pos:
            continue
        out.append(paragraph[pos:start])
        length += start - pos
        edits.append(Edit("spam", start, end, paragraph[start:end], "", confidence, detail))
        if replaced:
            gaps.append(Gap(length, 0.7, HINT_REPLACED))
        pos = end
    out.append(paragraph[pos:])
    return "".join(out), edits, gaps


def find_injected_paragraphs(paragraphs: list[str]) -> list[tuple[int, str]]:
    """Whole paragraphs that are injected spam: short, in a script other than the page's, and either promoting
    something, repeated on the page, or the same run that is injected inside words elsewhere on the page.

    Returns (index, detail) pairs. A long quotation in another language is left alone.
    """
    page_host = majority_family("".join(paragraphs))
    if page_host is None:
        return []
    counts = Counter(p.strip() for p in paragraphs)
    glued: set[str] = set()
    for p in paragraphs:
        _, edits, _ = remove_injections(p)
        glued.update(regex.sub(r"\W+", "", e.before) for e in edits)
    out = []
    for i, p in enumerate(paragraphs):
        text = p.strip()
        fam = majority_family(text)
        if fam is None or glues_naturally(page_host, fam) or len(text) > 80:
            continue
        core = regex.sub(r"\W+", "", text)
        if PROMO.search(text):
            out.append((i, f"{fam} promo line in {page_host} page"))
        elif counts[text] > 1 and fam != "Latin":  # Latin interface words repeat on any page
            out.append((i, f"{fam} line repeated in {page_host} page"))
        elif any(g and g in core for g in glued):
            out.append((i, f"{fam} line also injected inside words"))
    return out
