"""Known words as evidence for reading a legacy text back: a short text read with a neighbouring code page.

A Czech, Polish, Hungarian or Turkish text in its own code page read as cp1252 keeps most of its letters:
`Aldrin byl tøikrát ženatý.` (cp1250) differs from the truth in one letter of one word, and
`Ev ilaçlarýnda çiçekleri kullanýlýr.` (cp1254) in letters the character model finds plausible (`ý` is Czech).
A paragraph of such damage gives the model enough to rank the readings (:func:`whole_text.whole_legacy_first`);
a sentence does not. Words do: `tøikrát` and `kullanýlýr` are words of no language, `třikrát` and `kullanılır`
are words of the corpora, and a clean text's words do not turn into other words of its language under a
wrong code page. A reading is taken when it turns words no language knows into words of the text's language,
turns none of its known words into unknown ones, and no other reading does as well.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from unmangle.document import Edit
from unmangle.encoding.codecs import LEGACY_TRUE, LEGACY_WRONG, MULTIBYTE_TRUE, legacy_pair
from unmangle.encoding.readings import mixes_scripts, script_of

_WORD = regex.compile(r"\p{L}+")
_TOKEN = regex.compile(r"[^ \t\n\r\f\v]+")
_LETTERS = regex.compile(r"\p{L}{2,}")
_SIGN_IN_WORD = regex.compile(r"\p{L}[\p{S}\p{No}\u00a7\u00b6]\p{L}")  # (`³`, `¹`, `±`, `¶` between letters)
MIN_WORDS = 2  # words read into known ones, for a reading to stand on words alone
SHARE = 1 / 3  # of the words a reading changes, at least this share must become known ones
# Words read into known ones for each known word a reading loses: a word of mojibake is now and then a word of
# another language (KOI8-R `ОБ` is Russian `об`), while a wrong reading of clean text loses most of its words.
LOST = 4
SURE = 0.9  # confidence of a reading that brings back MIN_WORDS + 1 words or more
_SCRIPT_SAMPLE = 200  # commonest words of a language whose script names its script
ONE_WORD = 0.6  # confidence of one word read back, where the model agrees and no other word changes


@dataclass(frozen=True, slots=True)
class WordCount:
    """What a reading does to a text's words: those it turns from unknown into known, from known into unknown,
    and all it changes (distinct words each)."""

    gained: int
    lost: int
    changed: int

    @property
    def net(self) -> int:
        return self.gained - self.lost


def count_words(text: str, fixed: str, before: str | None = None) -> WordCount:
    """How reading ``text`` as ``fixed`` (the same length: a single-byte code page read as another) changes
    its words, each judged in the language its text reads as (any language of the corpora, if it is too short
    to tell; ``before``, the language of ``text``, is guessed when not given)."""
    from unmangle.page.wordstats import guess_language  # (the page package imports this one)

    lang = guess_language(fixed)
    if before is None:
        before = guess_language(text)
    gained = lost = 0
    seen: set[str] = set()
    for m in _WORD.finditer(fixed):
        a, b = m.span()
        old, new = text[a:b], m.group()
        if old == new or new in seen:
            continue
        seen.add(new)
        if mixes_scripts(new):
            lost += 1  # (`são` is `sγo` through cp1253: a word of two scripts is a reading's failure)
            continue
        was = old.isalpha() and _whole_word(text, a, b) and fits_language(old, before)
        # (A word of one letter, or one the text wrote in signs, `±¾`, is no word read back: `Γ`, `БО`.)
        now = len(new) >= 2 and any(c.isalpha() for c in old) and fits_language(new, lang)
        gained += now and not was
        lost += was and not now
    # (A letter of the text that the reading turns into a mark splits or ends a word: `Ѓ` is not a letter in
    # cp1252's eyes. Words of the text that stop being letters are lost words when they were known.)
    for m in _WORD.finditer(text):
        a, b = m.span()
        if not fixed[a:b].isalpha() and m.group() not in seen:
            seen.add(m.group())
            lost += fits_language(m.group(), before)
    return WordCount(gained, lost, len(seen))


def fits_language(word: str, lang: str | None) -> bool:
    """Whether ``word`` is a word of ``lang`` or spelled like one (of any language we have words of, known
    words only, when the text is too short to name its language)."""
    from unmangle.page.wordstats import is_known_word

    return is_known_word(word, lang) or (lang is not None and spelled_in(word, lang))


def _whole_word(text: str, a: int, b: int) -> bool:
    return (a == 0 or not text[a - 1].isalpha()) and (b == len(text) or not text[b].isalpha())


def best_by_words(text: str, readings: list[str], model_gain: dict[str, float]) -> tuple[str, float] | None:
    """The reading of ``text`` among ``readings`` (each the same length as ``text``) that its words speak for,
    with a confidence, or None: it must bring back MIN_WORDS known words (or its only changed word, where the
    model finds the reading better, by ``model_gain``), lose at most one for every ``LOST`` it brings back,
    and do better than every other reading."""
    from unmangle.page.wordstats import guess_language

    before = guess_language(text)  # (once: every reading's words are weighed against the same text)
    counts = {fixed: count_words(text, fixed, before) for fixed in readings if len(fixed) == len(text)}
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: kv[1].net, reverse=True)
    fixed, best = ranked[0]
    if best.lost * LOST > best.gained or (len(ranked) > 1 and ranked[1][1].net >= best.net):
        return None
    if best.gained >= MIN_WORDS and best.gained >= SHARE * best.changed:
        return fixed, SURE if best.gained > MIN_WORDS else (SURE + ONE_WORD) / 2
    if best.gained == best.changed == 1 and model_gain.get(fixed, 0.0) > 0.0:
        return fixed, ONE_WORD
    return None


def token_edits(text: str, fixed: str, detail: str, confidence: float) -> list[Edit]:
    """One edit per whitespace-delimited token that differs between ``text`` and ``fixed`` (the same length)."""
    return [Edit("mojibake", m.start(), m.end(), m.group(), fixed[m.start():m.end()], confidence, detail)
            for m in _TOKEN.finditer(text) if fixed[m.start():m.end()] != m.group()]


@lru_cache(maxsize=4096)
def reads_into_a_word(token: str) -> bool:
    """Whether a single-byte code page read as another turns the letters of ``token``, a word no language of
    its script spells so, into one such a language knows or spells so (`yaþamaya` is Turkish `yaşamaya`
    through cp1254): the question the gate asks of an odd letter the model lets pass, in a text too short for
    it to judge. Only readings in the token's own script are asked: another script's story (`Ñúåøü`, Russian
    read as cp1252) leaves other evidence. Remembered: odd words recur across a corpus."""
    word = _LETTERS.search(token)
    if word is None:
        return False
    script = script_of(word.group()) or "Latin"
    spelling = _spelling(script)
    if not spelling.langs or spelling.spells(word.group()):
        return False  # (a script no language of the corpora writes, `ºC`, has no words to read into)
    masks, tables = _pair_tables()
    readable = -1  # (the pairs whose wrong decoder can have written every character of the token)
    for ch in set(token):
        readable &= masks.get(ch, 0)
    asked = {word.group()}
    for bit, table in enumerate(tables):
        if readable >> bit & 1:
            reading = word.group().translate(table)
            if reading not in asked:  # (most pairs read a word alike)
                asked.add(reading)
                if reading.isalpha() and (script_of(reading) or "Latin") == script and spelling.spells(reading):
                    return True
    return False


@lru_cache(maxsize=1)
def _pair_tables() -> tuple[dict[str, int], tuple[dict[int, str], ...]]:
    """For each character, the single-byte pairs (bits, in ``_SINGLE_BYTE_PAIRS``'s order) whose wrong decoder
    writes it for a byte the true code page reads; and each pair's reading as a translation table. A word is
    read back by every pair in one ``str.translate`` each, and only by the pairs that can have written it
    (a round trip through the codecs, with its exceptions, cost ten times as much: the gate asks this of each
    new odd word)."""
    masks: dict[str, int] = {}
    tables = []
    for bit, (wrong, true) in enumerate(_SINGLE_BYTE_PAIRS):
        table: dict[int, str] = {}
        for b in range(256):
            byte = bytes([b])
            try:
                shown, read = byte.decode(wrong), byte.decode(true)
            except UnicodeDecodeError:
                continue
            if len(shown) == 1 and shown.encode(wrong) == byte:
                table[ord(shown)] = read
                masks[shown] = masks.get(shown, 0) | 1 << bit
        tables.append(table)
    return masks, tuple(tables)


class _Spelling:
    """The words of the languages of one script, and the letter trigrams each spells with (a bit mask of the
    languages a trigram): whether any of them knows a word or spells it so is a few look-ups."""

    __slots__ = ("langs", "trigrams", "words")

    def __init__(self, langs: tuple[str, ...]) -> None:
        from unmangle.page.wordstats import ranked_vocabulary, spelled_keys

        self.langs = langs
        self.words = frozenset(w for lang in langs for w in ranked_vocabulary(lang))
        self.trigrams: dict[int, int] = {}
        for bit, lang in enumerate(langs):
            for key in spelled_keys(lang).tolist():
                self.trigrams[key] = self.trigrams.get(key, 0) | (1 << bit)

    def spells(self, word: str) -> bool:
        """Whether one of the languages knows ``word`` or spells it so."""
        return word.lower() in self.words or self.spelled(word)

    def spelled(self, word: str, lang: str | None = None) -> bool:
        """Whether every letter trigram of ``word`` occurs ``wordstats.SPELLED`` times or more in the vocabulary
        of ``lang`` (of one of the languages, if None): a form the corpus never showed (Czech `vysočině`) is
        still spelled as its language spells (`vysoèinì` is not)."""
        from unmangle.page.wordstats import trigram_key

        if lang is None:
            mask = (1 << len(self.langs)) - 1
        elif lang in self.langs:
            mask = 1 << self.langs.index(lang)
        else:
            return False
        padded = f"^{word.lower()}$"
        for i in range(len(padded) - 2):
            mask &= self.trigrams.get(trigram_key(padded[i:i + 3]), 0)
            if not mask:
                return False
        return True


def spelled_in(word: str, lang: str) -> bool:
    """Whether every letter trigram of ``word`` is one its language's vocabulary spells with (see _Spelling)."""
    return _spelling(script_of(word) or "Latin").spelled(word, lang)


@lru_cache(maxsize=8)
def _spelling(script: str) -> _Spelling:
    """The spelling of the languages written in ``script``."""
    return _Spelling(languages_of_script(script))


@lru_cache(maxsize=16)
def languages_of_script(script: str) -> tuple[str, ...]:
    """The languages of the corpora whose commonest words are written in ``script`` (none for ``other``, which
    is several scripts at once, Hangul and Devanagari, that no single-byte code page writes)."""
    if script == "other":
        return ()
    return tuple(lang for lang, its in _scripts().items() if its == script)


@lru_cache(maxsize=1)
def _scripts() -> dict[str, str]:
    """The script of each language of the corpora: that of most of its commonest words."""
    from unmangle.page.wordstats import languages, ranked_vocabulary

    out = {}
    for lang in languages():
        scripts = Counter(script_of(word) or "Latin" for word in ranked_vocabulary(lang)[:_SCRIPT_SAMPLE])
        if scripts:
            out[lang] = scripts.most_common(1)[0][0]
    return out


def _single_byte_pairs() -> tuple[tuple[str, str], ...]:
    """(wrong decoder, true code page) for each legacy pair of two single-byte code pages."""
    return tuple((wd.codec, true) for wd in LEGACY_WRONG if not wd.multibyte for true in LEGACY_TRUE
                 if legacy_pair(wd, true) and true not in MULTIBYTE_TRUE)


_SINGLE_BYTE_PAIRS = _single_byte_pairs()


def without_unspelled_pairs(edits: list[Edit]) -> list[Edit]:
    """``edits`` less those of a Latin code page read as another where none of that pair's words is one a
    language of the corpora knows or spells so: Icelandic `Þór og Óðinn` is no Turkish through cp1254
    (`Şór`, `Óğinn`), though the character model, knowing no Icelandic, finds it likelier; a Turkish text
    read as cp1252 brings back words Turkish spells in every line."""
    latin = {f"{true} read as " for _, true in _latin_pairs()}
    by_pair: dict[str, list[Edit]] = {}
    for e in edits:
        if e.kind == "mojibake" and any(e.detail.startswith(p) for p in latin):
            by_pair.setdefault(e.detail, []).append(e)
    dropped = set()
    for detail, group in by_pair.items():
        # (Only words a reading gives letters outside ASCII are asked: cp1252 read as Latin-1 changes signs alone,
        # C1 controls back into quotes and dashes, `It\x92s` into `It’s`, which no spelling can judge.)
        words = [w for e in group for m in _LETTERS.finditer(e.after) if not (w := m.group()).isascii()]
        # (Nor a pair that took a sign out of a word, which no writer puts between letters: Polish `Wroc³aw` is no
        # spelling either, and `Wrocław`, a name, is one the corpora may not know.)
        if words and not any(_spelling(script_of(w) or "Latin").spells(w) for w in words) and not any(
                _SIGN_IN_WORD.search(e.before) for e in group):
            dropped.add(detail)
    return [e for e in edits if e.detail not in dropped] if dropped else edits


def _latin(codec: str) -> bool:
    letters = [ch for b in range(0x80, 0x100) if (ch := bytes([b]).decode(codec, "ignore")).isalpha()]
    return sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) > len(letters) / 2


@lru_cache(maxsize=1)
def _latin_pairs() -> tuple[tuple[str, str], ...]:
    """(wrong decoder, true code page) for each legacy pair of two code pages of Latin letters."""
    return tuple((wrong, true) for wrong, true in _SINGLE_BYTE_PAIRS if _latin(wrong) and _latin(true))
