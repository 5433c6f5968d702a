"""Lost bytes read back into a word spelled as no language spells, where another reading that shows the same is
spelled as the text's language spells.

A single-byte decoder that drops the bytes it cannot map (cp1257, cp1253 with ``errors='ignore'``) keeps the lead
byte of a letter whose continuation it dropped: Russian `с`, `у`, `ш`, `ъ` and `ь` (D1 81, 83, 88, 8A, 8C) all
show as cp1257's `Ń` alone, and the character model, which sees two letters either side, picks among them
(`рисуют` comes back `рисьют`, `ухудшается` as `схудуается`). The vocabulary of the word statistics holds a
language's commonest words, not every form (:mod:`known_words` asks it first); but a form it lacks is still spelled
as its language spells: every letter trigram of it occurs in the vocabulary (:func:`lexicon.spelled_in`). Where the
model's guess is neither a known word nor spelled so, and other readings that show exactly the same are one or the
other, the one the model likes best of those is taken.

Only single-byte decoders: each byte is read alone, so each letter shows alone and the letters that show alike
can be swapped one by one (a CJK decoder pairs bytes across letters).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from unmangle.document import Edit, apply_edits
from unmangle.encoding.known_words import channel_of, rewrite_words, shows
from unmangle.encoding.lexicon import fits_language, languages_of_script
from unmangle.encoding.model import default_model, score_many
from unmangle.encoding.readings import script_of
from unmangle.encoding.token_scores import SINGLE_BYTE_UTF8, pair_of_detail

MIN_LETTERS = 4  # a shorter word's trigrams say too little
MAX_READINGS = 1024  # readings of one word that are spelled out, at most (four letters of five ways, `ухудшается`)
MAX_LOSS = 4.0  # nats the spelled reading may lose to the model's guess (the guess is the model's best)


def with_spelled_guesses(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits`` (indexing ``text``), with each lost-byte guess of a single-byte decoder that spells a word as the
    text's language (any language of the word's script, in a text too short to tell) never spells replaced by
    the best reading showing the same that does."""
    if not any(e.kind == "lost-byte" and _single_byte_utf8(e) for e in edits):
        return edits
    from unmangle.page.wordstats import guess_language  # (the page package imports this one)

    lang = guess_language(apply_edits(text, edits))
    out = []
    for e in edits:
        if e.kind == "lost-byte":
            e = _spelled(e, lang) or e
        out.append(e)
    return out


def _single_byte_utf8(edit: Edit) -> bool:
    return pair_of_detail(edit.detail) in SINGLE_BYTE_UTF8


def _spelled(edit: Edit, lang: str | None) -> Edit | None:
    channel = channel_of(edit) if _single_byte_utf8(edit) else None
    if channel is None:
        return None
    _, wrong, mode = channel

    def spelled_showing_alike(word: str) -> tuple[str, ...]:
        langs = (lang,) if lang is not None else languages_of_script(script_of(word) or "Latin")
        if not langs or any(fits_language(word, code) for code in langs):
            return ()
        better = _best_spelled(word, langs, wrong, mode)
        return (better,) if better is not None else ()

    after = rewrite_words(edit.after, MIN_LETTERS, spelled_showing_alike)
    return replace(edit, after=after) if after != edit.after else None


def _best_spelled(word: str, langs: tuple[str, ...], wrong: str, mode: str) -> str | None:
    """The reading of ``word`` the model likes best among those that show the same through ``wrong`` and are
    spelled as one of ``langs`` spells, if one is within ``MAX_LOSS`` of the word."""
    options = [_alike(ch, wrong, mode, langs) for ch in word]
    count = 1
    for opts in options:
        count *= len(opts)
    if count == 1 or count > MAX_READINGS:
        return None
    spelled = [w for w in map("".join, itertools.product(*options))
               if w != word and any(fits_language(w, code) for code in langs)]
    if not spelled:
        return None
    scores = score_many(default_model(), [word, *spelled]).tolist()
    best = max(range(len(spelled)), key=lambda k: scores[k + 1])
    return spelled[best] if scores[0] - scores[best + 1] <= MAX_LOSS else None


def _alike(ch: str, wrong: str, mode: str, langs: tuple[str, ...]) -> tuple[str, ...]:
    """``ch`` and the letters of ``langs`` that show as it does through ``wrong`` (itself alone if it shows
    whole: only a letter that lost a byte has others like it)."""
    if not ch.isalpha() or (seen := shows(ch, "utf-8", wrong, mode)) is None:
        return (ch,)
    group = _groups(wrong, mode, langs).get(seen, ())
    return (ch, *(c for c in group if c != ch)) if ch.lower() in _letters(langs) or ch in group else (ch,)


@lru_cache(maxsize=64)
def _groups(wrong: str, mode: str, langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The letters of ``langs`` (either case) by what they show through ``wrong``, where several show alike."""
    out: dict[str, list[str]] = {}
    for low in sorted(_letters(langs)):
        for c in dict.fromkeys((low, low.upper())):
            if len(c) == 1 and (seen := shows(c, "utf-8", wrong, mode)) is not None:
                out.setdefault(seen, []).append(c)
    return {k: tuple(v) for k, v in out.items() if len(v) > 1}


@lru_cache(maxsize=64)
def _letters(langs: tuple[str, ...]) -> frozenset[str]:
    """The lower-case letters outside ASCII that the vocabularies of ``langs`` write in ``MIN_WORDS`` words or
    more (Russian's holds a Serbian `ј` or two, which would make every guess six ways instead of five)."""
    from unmangle.page.wordstats import ranked_vocabulary

    counts = Counter(c for code in langs for word in ranked_vocabulary(code) for c in set(word)
                     if c.isalpha() and not c.isascii())
    return frozenset(c for c, n in counts.items() if n >= MIN_WORDS)


MIN_WORDS = 10
