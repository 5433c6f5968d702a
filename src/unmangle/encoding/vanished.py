"""Characters a CJK decoder dropped whole from the Latin text of a document (Big5, EUC-KR, EUC-JP with
``errors='ignore'``).

These decoders drop bytes 0x80-0xA0 as lead and as trail, so the UTF-8 of a curly quote, a dash, `à` or `ß`
leaves nothing at all: `café’s` comes out `caf矇s`, read back `cafés`; `deal — signed` comes out `deal  signed`;
`Größe` comes out `Gröe`. Nothing marks the place, so only a document whose other words show that decoder is
searched, and only when none of the characters that decoder drops is left anywhere in the repaired text (a
decoder that dropped one drops them all). Two places are asked about:

- a word the document's language does not know that is a word it knows less its dropped characters (`Gröe` ->
  `Größe`, `companys` -> `company’s`, `Wrocaw` -> `Wrocław`), from the word statistics of the corpora;
- two spaces between words, where a dash stood (`deal  signed`), when the character model finds a dash there
  far more probable than nothing, or a language's frequent one-letter word (French `à`) before a word.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import regex

from unmangle.document import Edit, apply_edits, compose
from unmangle.encoding.codecs import MULTI_BYTE
from unmangle.encoding.model import codepoints, default_model, score_many

if TYPE_CHECKING:
    from unmangle.page.wordstats import LanguageStats

_CANDIDATES = "‘’“”„–—…•€\u00a0" + "".join(chr(c) for c in [*range(0xC0, 0x250), *range(0x370, 0x530),
                                                         *range(0x1E00, 0x1F00)] if chr(c).isalpha())
_CONTEXTS = ((b"a", b"b"), (b" ", b" "), (b"a", b" "), (b".", b"A"), (b"1", b"2"))
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*")
_DOUBLE_SPACE = regex.compile(r"(?<=\S) (?= \S)")
GAP_GAIN = 2.0  # nats a dropped character must gain between two spaces (the model, over nothing there)


def _dropped_whole(codec: str) -> frozenset[str]:
    """The characters whose UTF-8 ``codec`` drops whole with errors='ignore', whatever ASCII is around them."""
    out = set()
    for ch in _CANDIDATES:
        data = ch.encode("utf-8")
        if all((x + data + y).decode(codec, "ignore") == (x + y).decode(codec, "ignore") for x, y in _CONTEXTS):
            out.add(ch)
    return frozenset(out)


@lru_cache(maxsize=1)
def _dropping_decoders() -> dict[str, frozenset[str]]:
    """``utf-8 read as <label>`` -> the characters that decoder drops whole (only decoders that drop some)."""
    out = {}
    for wd in MULTI_BYTE:
        dropped = _dropped_whole(wd.codec)
        if dropped:
            out[f"utf-8 read as {wd.label}"] = dropped
    return out


def with_vanished(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, and the characters a dropping decoder left no trace of, put back where the document's words or
    the character model call for them (see the module's docstring); edits index ``text``."""
    decoders = _dropping_decoders()
    pairs = {e.detail.split(",")[0] for e in edits if e.kind in ("mojibake", "lost-byte")}
    dropped = frozenset().union(*(decoders[p] for p in pairs if p in decoders))
    if not dropped or "\ufffd" in text:
        return edits  # (a replacing decoder leaves marks, which the repair reads)
    fixed = apply_edits(text, edits)
    if any(ch in dropped for ch in fixed):
        return edits  # (a decoder that dropped these characters dropped them all: this one did not drop them)
    label = next(p for p in sorted(pairs) if p in decoders)
    detail = f"{label}, a character dropped whole put back"
    from unmangle.page.wordstats import guess_language, language_stats  # (the page package imports this one)

    lang = guess_language(fixed)
    stats = language_stats(lang) if lang else None
    later = _between_spaces(fixed, dropped, detail, frozenset(stats.func) if stats else frozenset())
    if stats is not None:
        later += _in_words(fixed, dropped, detail, stats)
    return compose(text, edits, fixed, sorted(later, key=lambda e: e.start)) if later else edits


def _in_words(fixed: str, dropped: frozenset[str], detail: str, stats: LanguageStats) -> list[Edit]:
    """Words the document's language does not know that are a word it knows less the dropped characters (one or
    several: Polish loses ą, ć, ę, ł, ń and ś to Big5, `Wrocaw` is `Wrocław`); the commonest such word."""
    lower, capital = _skeletons(stats.lang, dropped)
    out = []
    for m in _WORD.finditer(fixed):
        word = m.group()
        if word.lower() in stats.vocab:
            found = _far_commoner(word, lower, stats.lang)
            if found is not None:
                out.append(Edit("lost-byte", m.start(), m.end(), word, found, 0.6, detail))
            continue
        found = lower.get(word) or capital.get(word)  # (a word that lost its capital is the rarer case)
        if found is None:
            found = _spelled_back(word, dropped, stats.lang)
        if found is None:
            found = _elided(word, dropped, stats)
        if found is None and NO_BREAK in dropped and stats.tied >= TIED:
            found = _unglued(word, stats)
        if found is not None:
            out.append(Edit("lost-byte", m.start(), m.end(), word, found, 0.7, detail))
    return out


def _elided(word: str, dropped: frozenset[str], stats: LanguageStats) -> str | None:
    """A word the language knows, glued to an elided word or a clitic whose apostrophe the decoder dropped: French
    `lappareillage` and `quenviron` are `l’appareillage` and `qu’environ`, English `Edgars` is `Edgar’s`, Turkish
    `Nielsenin` is `Nielsen’in`. The elided words and clitics are those the vocabulary writes with an apostrophe
    in front of many words (`l’`, `qu’`) or after them (`’s`, `’t`, `’in`); the word after or before must be one
    it knows, and only one way of putting the apostrophe back may make one."""
    if "’" not in dropped:
        return None
    heads, tails = _clitics(stats.lang)
    low, found = word.lower(), set()
    for head in heads:
        if low.startswith(head) and len(low) - len(head) >= MIN_ELIDED and low[len(head):] in stats.vocab:
            found.add(word[:len(head)] + "’" + word[len(head):])
    for tail in tails:
        if low.endswith(tail) and len(low) - len(tail) >= MIN_ELIDED and low[:-len(tail)] in stats.vocab:
            found.add(word[:-len(tail)] + "’" + word[-len(tail):])
    return found.pop() if len(found) == 1 else None


MIN_ELIDED = 3  # letters of the known word an elided word or a clitic is glued to
CLITIC_WORDS = 5  # vocabulary words an elided word or a clitic must be seen with, to be one
MAX_CLITIC = 4  # letters of an elided word or a clitic


@lru_cache(maxsize=64)
def _clitics(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The elided words (`l`, `qu`) and clitics (`s`, `t`, `in`) that ``lang``'s vocabulary writes with an
    apostrophe (curly or straight) in front of, or after, ``CLITIC_WORDS`` words at least, without it."""
    from unmangle.page.wordstats import ranked_vocabulary

    vocab = ranked_vocabulary(lang)
    known = frozenset(vocab)
    heads: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    for w in vocab:
        parts = w.replace("'", "’").split("’")
        if len(parts) != 2 or not all(p.isalpha() for p in parts):
            continue
        head, tail = parts
        if len(head) <= MAX_CLITIC and len(tail) >= MIN_ELIDED:
            heads[head] += 1
        if len(tail) <= MAX_CLITIC and len(head) >= MIN_ELIDED:
            tails[tail] += 1
    # (Not one the language also glues on without an apostrophe as often: English writes plurals in `s` far more
    # than possessives, Turkish its case endings after common nouns; a French word in `d` + a word, `dont`, is rare.)
    plain_heads = Counter(w[:k] for w in vocab for k in range(1, MAX_CLITIC + 1)
                          if len(w) - k >= MIN_ELIDED and w[k:] in known and w[:k] in heads)
    plain_tails = Counter(w[-k:] for w in vocab for k in range(1, MAX_CLITIC + 1)
                          if len(w) - k >= MIN_ELIDED and w[:-k] in known and w[-k:] in tails)
    return (tuple(h for h, n in heads.items() if n >= CLITIC_WORDS and n > plain_heads[h]),
            tuple(t for t, n in tails.items() if n >= CLITIC_WORDS and n > plain_tails[t]))


def _far_commoner(word: str, lower: dict[str, str], lang: str) -> str | None:
    """The word ``word`` is left of, if it is among its language's commonest and ``word`` itself far rarer: a
    decoder that drops `à` and `ă` leaves Vietnamese `và` as `v` and Romanian `că` as `c`, which the vocabulary
    knows too (an initial, an abbreviation), a few hundred times rarer."""
    found = lower.get(word)
    if found is None:
        return None
    rank = _ranks(lang)
    common, rare = rank.get(found), rank.get(word.lower())
    if common is None or rare is None or common >= COMMONEST or rare < RARER * (common + 1):
        return None
    return found


@lru_cache(maxsize=64)
def _ranks(lang: str) -> dict[str, int]:
    from unmangle.page.wordstats import ranked_vocabulary

    return {w: k for k, w in enumerate(ranked_vocabulary(lang))}


COMMONEST = 100  # ranks of a language's words that a far rarer word may be what a decoder left of
RARER = 30  # times the rank (counted from one) of the common word, at least, for the rarer one


def _spelled_back(word: str, dropped: frozenset[str], lang: str) -> str | None:
    """The one way of putting a dropped letter back into ``word`` (a form the vocabulary lacks, spelled as its
    language never spells) that makes a word spelled as its language spells (every letter trigram seen in its
    vocabulary): Czech `vzni` is `vězni`, a form of a word the held-out vocabulary may not hold."""
    from unmangle.encoding.lexicon import spelled_in

    if len(word) < MIN_SPELLED or spelled_in(word, lang):
        return None
    letters = _letters_of(lang, dropped)
    found = {w for k in range(1, len(word) + 1) for ch in letters
             if spelled_in(w := word[:k] + ch + word[k:], lang)}
    if len(found) != 1:
        return None
    back = found.pop()
    # (And the model must find it likelier: `pravdivé`, a form the vocabulary lacks, is no `pravědivé`.)
    old, new = score_many(default_model(), [word, back]).tolist()
    return back if new - old >= SPELLED_GAIN else None


@lru_cache(maxsize=64)
def _letters_of(lang: str, dropped: frozenset[str]) -> tuple[str, ...]:
    """The dropped lower-case letters that ``lang``'s vocabulary writes (a dozen of the hundreds Big5 drops)."""
    from unmangle.page.wordstats import ranked_vocabulary

    used = set("".join(ranked_vocabulary(lang)))
    return tuple(sorted(ch for ch in dropped if ch.isalpha() and ch.islower() and ch in used))


def _unglued(word: str, stats: LanguageStats) -> str | None:
    """A one-letter word glued to a word the language knows, where a dropped no-break space stood: Czech and
    Polish typography ties `k`, `v`, `a`, `w` to the next word (`k\u00a0tomu`), and a decoder that drops the
    space glues them (`ktomu`). Only in a language whose corpus ties a good share of them (``stats.tied``):
    Romanian `arestul` is no `a restul`."""
    head, rest = word[:1], word[1:]
    if len(rest) < 2 or head.lower() not in stats.func or rest.lower() not in stats.vocab:
        return None
    return head + NO_BREAK + rest


NO_BREAK = "\u00a0"
TIED = 0.05  # share of one-letter words a language's corpus ties with a no-break space (Czech, Polish: a quarter)
MIN_SPELLED = 4  # letters a word keeps, for a letter put back into it to be spelled out
SPELLED_GAIN = 0.5  # nats the word spelled out must gain


@lru_cache(maxsize=64)
def _skeletons(lang: str, dropped: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The words of ``lang`` that hold a dropped character, by what is left of them without it (the most
    frequent word for each): in lower case, and capitalized (a decoder may drop `Ü` and keep `ü`: `Übergang`
    comes out `bergang`)."""
    from unmangle.page.wordstats import ranked_vocabulary

    gone = {ord(ch): None for ch in dropped}
    lower: dict[str, str] = {}
    capital: dict[str, str] = {}
    for word in ranked_vocabulary(lang):
        for form, index in ((word, lower), (word[:1].upper() + word[1:], capital)):
            left = form.translate(gone)
            if left != form and left and left not in index:
                index[left] = form
    return lower, capital


def _between_spaces(fixed: str, dropped: frozenset[str], detail: str, frequent: frozenset[str]) -> list[Edit]:
    """Two spaces between words where the model finds a dropped dash far more probable than nothing; or, in a
    language with a frequent one-letter word the decoder drops too (French `à`), that word before a word. (The
    model likes `à` in every such place and cannot tell it from a dash; but `à` is among the commonest French
    words, a dash between spaces is rare, and neither is ever the last word before a sign.)"""
    words = [ch for ch in dropped if ch.isalpha() and ch in frequent]
    slots = [m.start() + 1 for m in _DOUBLE_SPACE.finditer(fixed)]
    out = []
    if len(words) == 1:
        out = [Edit("lost-byte", s, s, "", words[0], 0.5, detail) for s in slots if fixed[s + 1].isalpha()]
        slots = [s for s in slots if not fixed[s + 1].isalpha()]
    return out + _dashes(fixed, slots, sorted(ch for ch in dropped if ch in "–—"), detail)


def _dashes(fixed: str, slots: list[int], fills: list[str], detail: str) -> list[Edit]:
    """Dashes where the model finds them far more probable than nothing between two spaces."""
    if not slots or not fills:
        return []
    model = default_model()
    cps = codepoints("\x02\x02" + fixed + " ")
    at = np.array(slots)
    a, b, c, d = cps[at], cps[at + 1], cps[at + 2], cps[at + 3]  # (the two characters before the slot, two after)
    old = _trigram(model, a, b, c) + _trigram(model, b, c, d)
    best = np.full(len(slots), -np.inf)
    choice = np.zeros(len(slots), dtype=np.int64)
    for k, ch in enumerate(fills):
        v = np.full(len(slots), ord(ch), dtype=cps.dtype)  # (between the two spaces: `deal — signed`)
        gain = _trigram(model, a, b, v) + _trigram(model, b, v, c) + _trigram(model, v, c, d) - old
        better = gain > best
        best[better], choice[better] = gain[better], k
    return [Edit("lost-byte", s, s, "", fills[k], 0.6, detail)
            for s, g, k in zip(slots, best.tolist(), choice.tolist(), strict=True) if g >= GAP_GAIN]


def _trigram(model, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:  # noqa: ANN001 - CharModel
    """log P(c | a b), elementwise."""
    return model.logprobs(np.stack([a, b, c], axis=1).reshape(-1))[::3]
