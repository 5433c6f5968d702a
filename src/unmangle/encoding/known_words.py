"""Lost bytes read back into a word no language knows, where a word it knows gives the same marks.

The repair guesses what a decoder's marks (U+FFFD, or ``?``) stood for from the character model, which knows
no language: UTF-8 `Straße` read as EUC-KR with replacements is `Stra��e`, and `à` (C3 A0) gives the same two
marks as `ß` (C3 9F), which the model finds a shade more probable after `ra` (French writes `à` everywhere).
A word of the text's language (or, in a text too short to tell, of any language of the corpora) with the same
letters around the marks, that the decoder turns into exactly the same marks, is the better guess.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from unmangle.document import Edit, apply_edits
from unmangle.encoding.token_scores import PAIR_CODECS, pair_of_detail

_WORD = regex.compile(r"\p{L}+")
MIN_ASCII = 2  # ASCII letters a word keeps around its lost ones, to be looked up
MAX_TRIED = 20  # known words with the same ASCII letters that are tried, commonest first
_NOT_ASCII = regex.compile(r"[^\x00-\x7f]")


def with_known_words(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, with lost bytes read back into a known word where the one guessed is no word (edits index
    ``text``; see the module's docstring)."""
    if not any(_guessed(e) for e in edits):
        return edits
    from unmangle.page.wordstats import guess_language  # (the page package imports this one)

    lang = guess_language(apply_edits(text, edits))
    return [_known(e, lang) or e if _guessed(e) else e for e in edits]


def _guessed(edit: Edit) -> bool:
    return edit.kind == "lost-byte" and ("\ufffd" in edit.before or "?" in edit.before)


def _known(edit: Edit, lang: str | None) -> Edit | None:
    """The edit with its guessed word replaced by a known one that gives the same marks, or None."""
    from unmangle.page.wordstats import is_known_word

    codecs = PAIR_CODECS.get(pair_of_detail(edit.detail))
    if codecs is None:
        return None
    wrong, true = codecs
    question = "'?'" in edit.detail
    for m in _WORD.finditer(edit.after):
        word = m.group()
        skeleton = _skeleton(word)
        # (A word of a Latin alphabet, with letters outside ASCII: Chinese text has no words to look up.)
        if len(skeleton) < MIN_ASCII or not _NOT_ASCII.search(word) or is_known_word(word, lang):
            continue
        for known in _with_skeleton(skeleton, lang)[:MAX_TRIED]:
            if word[:1].isupper():
                known = known[:1].upper() + known[1:]
            after = edit.after[:m.start()] + known + edit.after[m.end():]
            if _shows(after, true, wrong, question) == edit.before:
                return replace(edit, after=after)
    return None


def _shows(text: str, true: str, wrong: str, question: bool) -> str | None:
    """What ``text`` written in ``true`` shows through ``wrong`` with replacement marks."""
    try:
        shown = text.encode(true).decode(wrong, "replace")
    except UnicodeError:
        return None
    return shown.replace("\ufffd", "?") if question else shown


def _skeleton(word: str) -> str:
    return _NOT_ASCII.sub("", word.lower())


def _with_skeleton(skeleton: str, lang: str | None) -> tuple[str, ...]:
    """Known words whose letters in ASCII are ``skeleton`` (and that have others), commonest first."""
    if lang is not None:
        return _index(lang).get(skeleton, ())
    from unmangle.page.wordstats import languages

    return tuple(w for code in languages() for w in _index(code).get(skeleton, ()))


@lru_cache(maxsize=32)
def _index(lang: str) -> dict[str, tuple[str, ...]]:
    from unmangle.page.wordstats import ranked_vocabulary

    out: dict[str, list[str]] = {}
    for word in ranked_vocabulary(lang):
        if _NOT_ASCII.search(word):
            out.setdefault(_skeleton(word), []).append(word)
    return {k: tuple(v) for k, v in out.items()}
