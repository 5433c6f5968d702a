"""Find the holes a scraper leaves where it dropped the text of a link (a name, a film title).

The sentence around a stripped link is left broken in a few typical ways: two punctuation marks with nothing
between them (``her new film, , opened``), a double space between words that never follow each other
(``he won at  with three others``), a preposition directly before a full stop or at the end of the paragraph
(``she stayed with .``, ``... such as``), a sentence that opens on a bare ``(2019)``. Which words need a complement
is learned from the corpora (:mod:`unmangle.page.wordstats`), not listed. We only flag; we never invent words.

>>> [g.offset for g in find_holes("Her new film, , opened in May.")]
[14]
"""

from __future__ import annotations

import regex

from unmangle.document import Gap
from unmangle.page.wordstats import TOKEN, LanguageStats, guess_language, language_stats

HINT_LINK = "words missing here (stripped link text?)"
HINT_EMPTY = "nothing between punctuation (stripped link text?)"

# Two marks with only spaces between them: the words that stood between were dropped.
_EMPTY_BETWEEN = regex.compile(
    r"(?<=[,;，、])[ \t]*(?=[,;:，、。]|\.(?!\.))|(?<=(?:^|\s)[(（《「『“])[ \t]*(?=[)）》」』”])")
# A sentence (or the paragraph) that opens on a bare parenthesised year or on a comma: its subject is gone.
_BARE_OPENING = regex.compile(r"(?:^|(?<=\p{L}{3}[.!?]\s))[ \t]*(?=\(\d{4}\)\s+\p{Ll}|, )")
# Quotes with nothing inside: a quoted title that was a link. Straight quotes and ‘’ close as often as they open,
# so only two straight quotes side by side after a space count.
_EMPTY_QUOTES = regex.compile(r"(?<=(?:^|[\s(\[:—–-])[“„«‹「『])[ \t]*(?=[”“»›」』])|(?<=(?:^|[\s(\[:])\")(?=\")")
# A word, a space, then a comma or a stop: the words that stood before the mark were a link. Tokenised text puts a
# space before every mark, so the paragraph must have few of them.
_SPACE_BEFORE_MARK = regex.compile(r"(?<=[\p{L}\p{N}]\s)\s*(?=[,.](?!\.)(?:[\s\"”’»)]|$))")
_MAX_SPACED_MARKS = 2
_DOUBLE_SPACE = regex.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_CODE_LIKE = regex.compile(r"[{}<>=;_/\\|#@$]|https?:|www\.")
# A word needs a complement when it is almost never followed by a stop or the end of its paragraph.
_MAX_STOP_SHARE = 0.012
_MAX_END_SHARE = 0.0015
_MIN_COUNT = 60


def find_holes(paragraph: str) -> list[Gap]:
    """Offsets in ``paragraph`` where words are missing, with a confidence each (sorted, one per offset)."""
    if not paragraph.strip() or len(_CODE_LIKE.findall(paragraph)) > max(2, len(paragraph) // 80):
        return []
    found: dict[int, Gap] = {}

    def add(offset: int, confidence: float, hint: str) -> None:
        if offset not in found or found[offset].confidence < confidence:
            found[offset] = Gap(offset, round(confidence, 2), hint)

    for m in _EMPTY_BETWEEN.finditer(paragraph):
        add(m.end(), 0.9, HINT_EMPTY)
    for m in _EMPTY_QUOTES.finditer(paragraph):
        add(m.end(), 0.85, HINT_EMPTY)
    spaced_marks = list(_SPACE_BEFORE_MARK.finditer(paragraph))
    if len(spaced_marks) <= _MAX_SPACED_MARKS:
        for m in spaced_marks:
            add(m.end(), 0.6, HINT_LINK)
    for m in _BARE_OPENING.finditer(paragraph):
        add(m.end(), 0.8, HINT_LINK)
    lang = guess_language(paragraph)
    stats = language_stats(lang) if lang else None
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(paragraph)]
    for offset, confidence in _double_spaces(paragraph, tokens, stats):
        add(offset, confidence, HINT_LINK)
    if stats is not None:
        for offset, confidence in _words_without_complement(paragraph, tokens, stats):
            add(offset, confidence, HINT_LINK)
    return [found[k] for k in sorted(found)]


def _complement_need(word: str, stats: LanguageStats, *classes: str) -> float:
    """How rarely a frequent ``word`` is followed by ``classes`` (share of occurrences; 1.0 when the word is short,
    rare or unknown, so it never looks like it needs a complement)."""
    f = stats.func.get(word.lower())
    if f is None or f.count < _MIN_COUNT or len(word) < 2:
        return 1.0
    return f.share(*classes or ("stop", "end", "close", "comma"))


def _double_spaces(paragraph: str, tokens: list[tuple[int, int, str]],
                   stats: LanguageStats | None) -> list[tuple[int, float]]:
    """Double spaces between words: a hole if the words around it do not follow each other in real text."""
    spaces = list(_DOUBLE_SPACE.finditer(paragraph))
    # Text laid out with double spaces everywhere (after every stop, say) tells us nothing.
    if not spaces or len(spaces) > 3:
        return []
    by_end = {end: tok for _, end, tok in tokens}
    by_start = {start: tok for start, _, tok in tokens}
    out = []
    for m in spaces:
        left, right = by_end.get(m.start()), by_start.get(m.end())
        if left is None or right is None:
            continue
        if not left[0].isalnum() and left not in ",;:":
            continue  # after a sentence end, two spaces are typography
        offset = m.start() + 1
        confidence = 0.6
        if stats is not None and left[0].isalpha():
            needs_stop = _complement_need(left, stats) < _MAX_STOP_SHARE
            surprise = stats.pair_surprise(left.lower(), right.lower())
            if surprise >= 1.0 or (needs_stop and not right[0].isalpha()):
                confidence = 0.9
            elif needs_stop:
                confidence = 0.75
        elif left in ",;:":
            confidence = 0.75
        out.append((offset, confidence))
    return out


def _words_without_complement(paragraph: str, tokens: list[tuple[int, int, str]],
                              stats: LanguageStats) -> list[tuple[int, float]]:
    """A frequent word that needs a complement, followed by a spaced-off stop or comma (``stayed with .``), or
    ending the paragraph (``such as``)."""
    out = []
    words = sum(1 for _, _, t in tokens if t[0].isalpha())
    for i, (_, end, tok) in enumerate(tokens):
        if not tok[0].isalpha():
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        need = _complement_need(tok, stats)
        if nxt is None:
            # Only running prose: a headline may end on a preposition ("When in Doubt, Leave it Out").
            prose = words >= 8 and tok[0].islower() and regex.search(r"\p{L}[.!?,;]\s", paragraph)
            if prose and _complement_need(tok, stats, "end") < _MAX_END_SHARE and need < _MAX_STOP_SHARE:
                out.append((len(paragraph.rstrip()), 0.7))
        elif (nxt[2] in ".,;:!?)" and nxt[0] > end and need < _MAX_STOP_SHARE
              and not (nxt[2] == "." and _abbreviation_dot(paragraph, nxt[0]))):
            out.append((end + 1, 0.85))
    return out


def _abbreviation_dot(paragraph: str, dot: int) -> bool:
    """A dot followed by a lower-case word or a digit ends an abbreviation, not a sentence."""
    rest = paragraph[dot + 1:dot + 3].lstrip()
    return bool(rest) and (rest[0].islower() or rest[0].isdigit())
