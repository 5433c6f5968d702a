"""Lost bytes read back into a word no language knows, where a word it knows shows the same.

The repair guesses what a decoder lost from the character model, which knows no language: UTF-8 `Straße` read
as EUC-KR with replacements is `Stra��e`, and `à` (C3 A0) gives the same two marks as `ß` (C3 9F), which the
model finds a shade more probable after `ra` (French writes `à` everywhere); Greek `Όταν` read as cp1253, which
drops the byte 0x8C, is `Ξ` and `ταν`, and the model puts back `Μ` (CE 9C, dropped alike). Each word of the
repair is only evidence through what it *shows* through the decoder; a word of the text's language (or, in a text
too short to tell, of any language of the word's script) that shows exactly the same is the better guess, the
commonest first. Known words are indexed by what they show through each lossy decoder, once a process.

A right guess may be a word the vocabulary lacks, and a known word may show the same by chance: the risk is
the share of the text's words its language's vocabulary does not know, times the share of that language's
words that show alike through the decoder. Korean through GBK risks much (half its words are forms the
vocabulary lacks, one in eight shows as another: `진출한` and `진출할` are both forms of one verb); Greek through
cp1253 little (one in five, one in a hundred); Vietnamese through EUC-JP too (its syllables show alike, `Họ`
and `Hộ`, but the vocabulary knows nearly all of them). A language is asked only where the risk is small.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

import regex

from unmangle.document import Edit, apply_edits
from unmangle.encoding.codecs import SINGLE_BYTE
from unmangle.encoding.lost_bytes import strict_codec
from unmangle.encoding.readings import _common, script_of
from unmangle.encoding.token_scores import PAIR_CODECS, SINGLE_BYTE_UTF8, pair_of_detail

_WORD = regex.compile(r"\p{L}+")
MIN_LETTERS = 2  # a word must keep this many letters to be looked up (one letter says nothing)
MAX_TRIED = 20  # known words showing the same that are tried, commonest first
MAX_RISK = 0.02  # unknown share of the text's words times the share of words that show alike (see above)
MIN_COUNTED = 4  # words the text must have for the share it knows to be counted (else it counts as half)
# How a decoder treats a byte it cannot map, as the damage shows it (see bench/corrupt_encoding.py).
MODES = ("ignore", "replace", "question")


def with_known_words(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, with lost bytes read back into a known word where the one guessed is no word (edits index
    ``text``; see the module's docstring)."""
    if not any(e.kind == "lost-byte" for e in edits):
        return edits
    from unmangle.page.wordstats import guess_language  # (the page package imports this one)

    fixed = apply_edits(text, edits)
    lang = guess_language(fixed)
    guessed = {w for e in edits if e.kind == "lost-byte" for w in _WORD.findall(e.after)}
    unknown = _unknown_share(fixed, lang, guessed)
    dash = _dash_of(lang)
    out = []
    for e in edits:
        if e.kind == "lost-byte":
            e = _known(e, lang, unknown) or e
            e = _with_dash(e, dash) if dash else e
        out.append(e)
    return out


EM_DASH, EN_DASH = "\u2014", "\u2013"
DASH_SHARE = 0.7  # share of one dash among a language's dashes, for a lost one that shows alike to be it


def _dash_of(lang: str | None) -> str | None:
    """The dash ``lang`` writes between words far more often than the other (English and Russian `—`, German
    and Czech `–`), if one."""
    from unmangle.page.wordstats import language_stats

    stats = language_stats(lang) if lang else None
    if stats is None:
        return None
    return EM_DASH if stats.em_dash >= DASH_SHARE else EN_DASH if stats.em_dash <= 1 - DASH_SHARE else None


def _with_dash(edit: Edit, dash: str) -> Edit:
    """The edit with a guessed dash between words turned into the text's language's dash, where it shows exactly
    the same through the decoder (the byte that tells them apart was lost: the multilingual model likes `–`)."""
    other = EN_DASH if dash == EM_DASH else EM_DASH
    if edit.after != other:
        return edit  # (a dash alone between spaces: `1990–2000` is a range, whatever the language's dash)
    codecs = PAIR_CODECS.get(pair_of_detail(edit.detail))
    if codecs is None:
        return edit
    wrong, true = strict_codec(codecs[0]), codecs[1]
    shown = any(shows(other, true, wrong, m) == edit.before == shows(dash, true, wrong, m) for m in MODES)
    return replace(edit, after=dash) if shown else edit


def _unknown_share(text: str, lang: str | None, guessed: set[str]) -> float:
    """The share of the words of ``text`` (of two letters or more, less the ``guessed`` ones, which are in
    question) that ``lang`` does not know."""
    from unmangle.page.wordstats import is_known_word

    words = [w for w in _WORD.findall(text) if len(w) >= MIN_LETTERS and w not in guessed]
    if len(words) < MIN_COUNTED:
        return 0.5
    return sum(1 for w in words if not is_known_word(w, lang)) / len(words)


def channel_of(edit: Edit) -> tuple[str, str, str] | None:
    """(true encoding, wrong decoder, mode) of a lost-byte edit: the decoder's way with what it cannot map is
    the one under which the guess shows as the input. None if no mode gives it."""
    codecs = PAIR_CODECS.get(pair_of_detail(edit.detail))
    if codecs is None:
        return None
    wrong, true = strict_codec(codecs[0]), codecs[1]
    mode = next((m for m in MODES if shows(edit.after, true, wrong, m) == edit.before), None)
    return (true, wrong, mode) if mode is not None else None


def _known(edit: Edit, lang: str | None, unknown: float) -> Edit | None:
    """The edit with a guessed word replaced by a known one that shows the same, or None."""
    from unmangle.page.wordstats import is_known_word

    channel = channel_of(edit)
    if channel is None:
        return None
    true, wrong, mode = channel

    def known_showing_alike(word: str) -> tuple[str, ...]:
        if is_known_word(word, lang) or (seen := shows(word, true, wrong, mode)) is None:
            return ()
        return _showing(seen, word, lang, true, wrong, mode, unknown)

    after = rewrite_words(edit.after, MIN_LETTERS, known_showing_alike,
                          lambda candidate: shows(candidate, true, wrong, mode) == edit.before)
    return replace(edit, after=after) if after != edit.after else None


def rewrite_words(text: str, min_letters: int, options: Callable[[str], Iterable[str]],
                  keep: Callable[[str], bool] = lambda _: True) -> str:
    """``text`` with each word of ``min_letters`` or more, with a letter outside ASCII, replaced by the first of
    its ``options`` that gives a text ``keep`` accepts (a guess's words, each asked alone)."""
    for m in reversed(list(_WORD.finditer(text))):  # (from the end: a substitution keeps earlier offsets)
        word = m.group()
        if len(word) < min_letters or word.isascii():
            continue
        for option in options(word):
            candidate = text[:m.start()] + option + text[m.end():]
            if keep(candidate):
                text = candidate
                break
    return text


def shows(text: str, true: str, wrong: str, mode: str) -> str | None:
    """What ``text`` written in ``true`` shows through ``wrong`` losing what it cannot map by ``mode``."""
    try:
        shown = text.encode(true).decode(wrong, "ignore" if mode == "ignore" else "replace")
    except UnicodeError:
        return None
    return shown.replace("\ufffd", "?") if mode == "question" else shown


def _showing(seen: str, word: str, lang: str | None, true: str, wrong: str, mode: str,
             unknown: float) -> tuple[str, ...]:
    """Known words (cased as ``word`` begins) that show ``seen``: of ``lang``, else of every language written
    in ``word``'s script, each where the risk is small (``unknown``: the share of the text's words not
    known); commonest first."""
    if lang is not None:
        langs: tuple[str, ...] = (lang,)
    else:
        from unmangle.encoding.lexicon import languages_of_script

        langs = languages_of_script(script_of(word) or "Latin")
    found = []
    for code in langs:
        words, alike = _index(code, true, wrong, mode)
        if unknown * alike <= MAX_RISK:
            found.extend(words.get(seen, ()))
    return tuple(found[:MAX_TRIED])


@lru_cache(maxsize=64)
def _index(lang: str, true: str, wrong: str, mode: str) -> tuple[dict[str, tuple[str, ...]], float]:
    """The known words of ``lang`` that lose bytes through the decoder, in lower case and capitalised, by what
    they show through it (commonest first); and the share of them that show alike."""
    words = _showing_words(lang, true, wrong, mode)
    indexed = sum(map(len, words.values()))
    alike = sum(len(v) for v in words.values() if len(v) > 1)
    return words, alike / max(indexed, 1)


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


def with_known_readings(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, with a single-byte decoder's reading that makes no word replaced by another decoder's reading
    of the same characters that makes known words: `ÅŸehir` is `şehir` through cp1252 and `žehir` through
    ISO-8859-15, `cafĆ©` is `café` through cp1257 and `cafƩ` through cp1250, and the character model, which
    gives a letter it never saw not much less than one it saw rarely there, cannot always tell. Only where the
    text's own evidence for the decoder is thin (a word or two read with it), as in a title or a name."""
    counts: dict[str, int] = {}
    for e in edits:
        counts[e.detail] = counts.get(e.detail, 0) + 1
    thin = [i for i, e in enumerate(edits) if e.kind == "mojibake" and e.detail in SINGLE_BYTE_UTF8
            and counts[e.detail] <= THIN]
    if not thin:
        return edits
    from unmangle.page.wordstats import guess_language

    lang = guess_language(apply_edits(text, edits))
    out = list(edits)
    for i in thin:
        e = edits[i]
        better = known_reading(e.before, e.after, lang)
        if better is not None:
            out[i] = replace(e, after=better[0], detail=better[1])
    return out


THIN = 2  # edits naming a decoder, at most, for another decoder's reading of one of them to be weighed


def known_reading(before: str, after: str, lang: str | None) -> tuple[str, str] | None:
    """(reading, detail) of another single-byte decoder that reads ``before`` into known words where ``after``,
    its reading by one decoder, has a word no language knows."""
    if not unknown_words(after, lang):
        return None
    for wd in SINGLE_BYTE:  # (commonest first)
        try:
            reading = before.encode(wd.codec).decode("utf-8")
        except UnicodeError:
            continue
        if reading != after and _common(reading) and not unknown_words(reading, lang):
            return reading, f"utf-8 read as {wd.label}"
    return None


def unknown_words(text: str, lang: str | None = None) -> int:
    """The words of ``text`` with a letter outside ASCII that ``lang`` (any language, if None) does not know."""
    from unmangle.page.wordstats import is_known_word

    return sum(1 for w in _WORD.findall(text) if not w.isascii() and not is_known_word(w, lang))
