"""Lost bytes read back into a word no language knows, where a word it knows shows the same.

The repair guesses what a decoder lost from the character model, which knows no language: UTF-8 `Straße` read
as EUC-KR with replacements is `Stra��e`, and `à` (C3 A0) gives the same two marks as `ß` (C3 9F), which the
model finds a shade more probable after `ra` (French writes `à` everywhere); Greek `Όταν` read as cp1253, which
drops the byte 0x8C, is `Ξ` and `ταν`, and the model puts back `Μ` (CE 9C, dropped alike). Each word of the
repair is only evidence through what it *shows* through the decoder; a word of the text's language (or, in a text
too short to tell, of any language of the word's script) that shows exactly the same is the better guess, the
commonest first. Known words are indexed by what they show through each lossy decoder, once a process.

Where a language's known words often show alike through a decoder (Korean through GBK: one in eight shares what
it shows with another, against one in a hundred for Greek through cp1253), that a guess is no word and another
is says little (`진출한` and `진출할` are both forms of one verb, and the vocabulary holds one): such a language's
words are not asked.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from unmangle.document import Edit, apply_edits
from unmangle.encoding.lost_bytes import strict_codec
from unmangle.encoding.readings import script_of
from unmangle.encoding.token_scores import PAIR_CODECS, pair_of_detail

_WORD = regex.compile(r"\p{L}+")
MIN_LETTERS = 2  # a word must keep this many letters to be looked up (one letter says nothing)
MAX_TRIED = 20  # known words showing the same that are tried, commonest first
MAX_AMBIGUITY = 0.05  # share of a language's words that show alike through a decoder, above which none is asked
# How a decoder treats a byte it cannot map, as the damage shows it (see bench/corrupt_encoding.py).
MODES = ("ignore", "replace", "question")


def with_known_words(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, with lost bytes read back into a known word where the one guessed is no word (edits index
    ``text``; see the module's docstring)."""
    if not any(e.kind == "lost-byte" for e in edits):
        return edits
    from unmangle.page.wordstats import guess_language  # (the page package imports this one)

    lang = guess_language(apply_edits(text, edits))
    return [_known(e, lang) or e if e.kind == "lost-byte" else e for e in edits]


def _known(edit: Edit, lang: str | None) -> Edit | None:
    """The edit with a guessed word replaced by a known one that shows the same, or None."""
    from unmangle.page.wordstats import is_known_word

    codecs = PAIR_CODECS.get(pair_of_detail(edit.detail))
    if codecs is None:
        return None
    wrong, true = strict_codec(codecs[0]), codecs[1]
    # (The decoder's way with what it cannot map is the one under which the guess shows as the input.)
    mode = next((m for m in MODES if shows(edit.after, true, wrong, m) == edit.before), None)
    if mode is None:
        return None
    after = edit.after
    for m in reversed(list(_WORD.finditer(after))):  # (from the end: a substitution keeps earlier offsets)
        word = m.group()
        if len(word) < MIN_LETTERS or word.isascii() or is_known_word(word, lang):
            continue
        seen = shows(word, true, wrong, mode)
        if seen is None:
            continue
        for known in _showing(seen, word, lang, true, wrong, mode):
            candidate = after[:m.start()] + known + after[m.end():]
            if shows(candidate, true, wrong, mode) == edit.before:
                after = candidate
                break
    return replace(edit, after=after) if after != edit.after else None


def shows(text: str, true: str, wrong: str, mode: str) -> str | None:
    """What ``text`` written in ``true`` shows through ``wrong`` losing what it cannot map by ``mode``."""
    try:
        shown = text.encode(true).decode(wrong, "ignore" if mode == "ignore" else "replace")
    except UnicodeError:
        return None
    return shown.replace("\ufffd", "?") if mode == "question" else shown


def _showing(seen: str, word: str, lang: str | None, true: str, wrong: str, mode: str) -> tuple[str, ...]:
    """Known words (cased as ``word`` begins) that show ``seen``: of ``lang``, else of every language written
    in ``word``'s script; commonest first."""
    if lang is not None:
        langs: tuple[str, ...] = (lang,)
    else:
        from unmangle.encoding.lexicon import languages_of_script

        langs = languages_of_script(script_of(word) or "Latin")
    found = [w for code in langs for w in _index(code, true, wrong, mode).get(seen, ())]
    return tuple(found[:MAX_TRIED])


@lru_cache(maxsize=64)
def _index(lang: str, true: str, wrong: str, mode: str) -> dict[str, tuple[str, ...]]:
    """The known words of ``lang`` that lose bytes through the decoder, in lower case and capitalised, by what
    they show through it (commonest first); empty where too many show alike (see ``MAX_AMBIGUITY``)."""
    words = _showing_words(lang, true, wrong, mode)
    indexed = sum(map(len, words.values()))
    alike = sum(len(v) for v in words.values() if len(v) > 1)
    return words if alike <= MAX_AMBIGUITY * indexed else {}


def _showing_words(lang: str, true: str, wrong: str, mode: str) -> dict[str, tuple[str, ...]]:
    from unmangle.page.wordstats import ranked_vocabulary

    out: dict[str, list[str]] = {}
    for word in ranked_vocabulary(lang):
        if word.isascii():
            continue
        for form in dict.fromkeys((word, word[:1].upper() + word[1:])):
            try:
                data = form.encode(true)
                data.decode(wrong)
                continue  # (shown whole: no lost byte to guess)
            except UnicodeEncodeError:
                break
            except UnicodeDecodeError:
                pass
            seen = shows(form, true, wrong, mode)
            if seen is not None:
                out.setdefault(seen, []).append(form)
    return {k: tuple(v) for k, v in out.items()}
