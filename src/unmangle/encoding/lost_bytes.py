"""Put back the bytes a wrong decoder lost, choosing each missing character by its context.

The bytes we can still see are the damaged text re-encoded with the wrong decoder. Where the decoder dropped
bytes (``errors='ignore'``) a UTF-8 sequence is left short, or continuation bytes are left without their lead;
where it replaced them (``errors='replace'``) we know the position of each lost byte (a U+FFFD). We enumerate
only the byte values the wrong decoder would really have lost at that place, decode each completion, and let
the character model pick the most probable character between its neighbours.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np

from unmangle.encoding.codecs import MULTI_BYTE
from unmangle.encoding.emoji_prior import VS16, emoji_prior, is_emoji, text_prior, used_emoji
from unmangle.encoding.model import CharModel, score_each, score_fillers_many, unspaced_run
from unmangle.encoding.utf8 import needed_continuations

HOLE = -1  # a byte known to be lost at this position (from U+FFFD); its value is unknown
MAX_COMBINATIONS = 20000


@dataclass(frozen=True, slots=True)
class Recovery:
    text: str
    lost: int  # bytes put back
    cost: float  # sum of the negative log-probability margins of the choices (uncertainty)
    # Runners-up within a few nats (text, bytes put back, bonus): the document may know better than the model.
    alternatives: tuple[tuple[str, int, float], ...] = ()
    # Nats the typographic pairing rules gave the reading (a closing quote answering an open one): evidence
    # the trigram model cannot weigh, which the reading's margin over the token as it stands keeps.
    bonus: float = 0.0

    def readings(self) -> tuple[tuple[str, int, float], ...]:
        """(text, bytes put back, bonus) of the reading and its runners-up."""
        return ((self.text, self.lost, self.bonus), *self.alternatives)


def strict_codec(codec: str) -> str:
    """The codec that really did the damage: ftfy's sloppy codecs map every byte, but the browsers' and
    Python's cp125x (which drop or replace the bytes they cannot map) are what made lossy mojibake."""
    return codec.removeprefix("sloppy-").replace("windows-", "cp")


def _dropped_before(codec: str, x: int, y: int) -> bool:
    """Would ``codec`` lose byte ``x`` when the next byte is ``y`` (-1: end of text)? (Asked a few times per
    codec, before any search: the whole table is built only when a search needs it.)"""
    strict = strict_codec(codec)
    if bytes([x]).decode(strict, "ignore"):
        return False
    if y < 0:
        return True
    return bytes([x, y]).decode(strict, "ignore") == bytes([y]).decode(strict, "ignore")


@lru_cache(maxsize=256)
def drops_continuations(codec: str) -> bool:
    """Whether ``codec`` loses any byte that can continue a UTF-8 sequence (latin-1 and KOI8-R never do: their
    lossy readings need not be searched)."""
    return any(_dropped_before(codec, x, y) for x in range(0x80, 0xC0) for y in (0x20, 0x41, 0x80, 0xC3, 0xE2))


@lru_cache(maxsize=256)
def lost_alone_bytes(codec: str) -> frozenset[int]:
    return frozenset(x for x in range(0x80, 0x100) if _lost_alone(codec, x))


@lru_cache(maxsize=4096)
def _lost_alone(codec: str, x: int) -> bool:
    """A byte the decoder cannot read on its own, whatever follows (Big5 and EUC lose 0x80-0xA0 this way)."""
    return all(_dropped_before(codec, x, y) for y in (0x20, 0x41, 0x80, 0xA1, 0xE4))


def _droppable(codec: str, nxt: int) -> list[int]:
    column = _drop_table(codec)[:, 256 if nxt < 0 else nxt]
    return [x for x in range(0x80, 0x100) if column[x]]


def _cont_ok(lead: int, pos: int, b: int) -> bool:
    """UTF-8's extra limits on the first continuation byte after E0, ED, F0 and F4."""
    if not 0x80 <= b <= 0xBF:
        return False
    if pos == 0:
        if lead == 0xE0:
            return b >= 0xA0
        if lead == 0xED:
            return b <= 0x9F
        if lead == 0xF0:
            return b >= 0x90
        if lead == 0xF4:
            return b <= 0x8F
    return True


def recover(seq: list[int], codec: str, model: CharModel, left: str = " ", right: str = " ",
            ignore_mode: bool = True, next_byte: int = 0x20, before: str = "") -> Recovery | None:
    """Decode ``seq`` (bytes, with HOLE markers) as UTF-8, filling lost bytes; None if it is not UTF-8 at all.

    ``ignore_mode``: the wrong decoder dropped bytes silently, so sequences may be short anywhere; otherwise
    only the HOLE positions are lost. ``next_byte`` is the byte that followed ``seq`` (a space, for a token).
    A beam search over the uncertain characters lets neighbouring losses inform each other ("中文", not the
    most frequent character twice).
    """
    units = _units(seq, codec, ignore_mode, next_byte)
    if units is None or sum(1 for u in units if not isinstance(u, str)) > (MAX_UNCERTAIN if ignore_mode else
                                                                          MAX_HOLES):
        return None
    beams: list[tuple[str, float, int, float]] = [("", 0.0, 0, 0.0)]  # text, score, lost, bonus
    for k, unit in enumerate(units):
        if isinstance(unit, str):
            beams = [(t + unit, sc, lost, bon) for t, sc, lost, bon in beams]
            continue
        prev = units[k - 1] if k else left
        nxt_unit = units[k + 1] if k + 1 < len(units) else right
        chars = _choices(unit, model, prev[-1] if isinstance(prev, str) and prev else None,
                         nxt_unit[0] if isinstance(nxt_unit, str) and nxt_unit else None)
        lost_of = dict(unit)
        right_ctx = next((u for u in units[k + 1:] if isinstance(u, str)), right)[:2]
        expanded: list[tuple[str, float, int, float]] = []
        all_scores = score_fillers_many(model, [(left + t)[-2:] for t, *_ in beams], chars, right_ctx)
        prior = _emoji_priors(chars)
        for (t, sc, lost, bon), base in zip(beams, all_scores, strict=True):
            bonus = _pairing_bonus(before + left + t, chars, right_ctx)
            scores = base + bonus + prior
            for idx in np.argsort(-scores)[:BEAM]:
                expanded.append((t + chars[idx], sc + float(scores[idx]), lost + lost_of[chars[idx]],
                                 bon + float(bonus[idx])))
        expanded.sort(key=lambda b: -b[1])
        beams = expanded[:BEAM]
    scores = score_each(model, left, [t for t, *_ in beams], ["" if unspaced_run(t) else right for t, *_ in beams])
    # (A quote opened in the token and closed later in it pairs: `‘fall.’`, not `„fall.’`.)
    paired = [2 * PAIRING_BONUS * _pairs(t) for t, *_ in beams]
    # (And how often each emoji is written, which the model cannot say: `👍`, not `👝`, lost 0x8D to cp1252.)
    finals = sorted(((sc + bon + p + text_prior(t), t, lost, bon + p)
                     for sc, p, (t, _, lost, bon) in zip(scores, paired, beams, strict=True)), reverse=True)
    best_score, text, lost, best_bonus = finals[0]
    margin = best_score - finals[1][0] if len(finals) > 1 and finals[1][1] != text else 6.0
    # Runners-up go to the document's judgement, which knows nothing of how quotes pair: not one the pairing
    # rules argued against (`’n“` for rock ’n’ roll).
    alternatives = tuple(dict.fromkeys((t, n, bon) for sc, t, n, bon in finals[1:3]
                                       if t != text and best_score - sc < 3.0 and bon >= best_bonus))
    return Recovery(text, lost, max(0.0, 3.0 - margin) * sum(1 for u in units if not isinstance(u, str)),
                    alternatives, best_bonus)


BEAM = 6
# A token with more characters to guess than this is shredded beyond what one token's search can restore
# (a CJK sentence through a lossy Big5 or EUC decoder); the search would cost much and win little.
MAX_UNCERTAIN = 96
MAX_HOLES = 160  # where the holes are marked (U+FFFD, `?`), each is one byte: the search stays narrow
# (opener, closer) of the quotation styles of the languages we read: English “…” ‘…’, French «…», German
# „…“ ‚…‘ and »…«, Polish and Czech „…”, CJK 「…」 『…』. One mark may open in one style and close in another.
_QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"),
                ("\u201e", "\u201d"), ("\u201a", "\u2018"), ("\u201a", "\u2019"), ("\u00bb", "\u00ab"),
                ("\u300c", "\u300d"), ("\u300e", "\u300f"))


def _quote_maps() -> tuple[dict[str, str], dict[str, str]]:
    """Each opening mark's closers, and each closing mark's openers."""
    closers: dict[str, str] = {}
    openers: dict[str, str] = {}
    for opener, closer in _QUOTE_PAIRS:
        closers[opener] = closers.get(opener, "") + closer
        openers[closer] = openers.get(closer, "") + opener
    return closers, openers


_CLOSERS_OF, _OPENERS_OF = _quote_maps()
_LOW_OPENERS = "\u201e\u201a"
QUOTE_MARKS = "".join(sorted(set(_CLOSERS_OF) | set(_OPENERS_OF)))
PAIRING_BONUS = 4.0
ELLIPSIS = "\u2026"
_DASHES = frozenset("\u2014\u2013\u2015")
_PRIMES = frozenset("\u201d\u2019")  # written for inches and feet after a number: 6’2”, a 6” screen


def _pairs(text: str) -> int:
    """How many quotes ``text`` opens and closes again (each closer answering the last one it can close)."""
    if not any(c in _CLOSERS_OF for c in text):
        return 0
    stack: list[str] = []
    pairs = 0
    for k, c in enumerate(text):
        if c == "\u2019" and text[k - 1:k].isalpha() and text[k + 1:k + 2].isalpha():
            continue  # (an apostrophe: `Don’t` closes no quote)
        if c in _OPENERS_OF and stack and stack[-1] in _OPENERS_OF[c]:
            stack.pop()
            pairs += not text[k + 1:k + 2].isalnum()  # (a closer ends a word: `5„9“5` is no quotation)
        elif c in _CLOSERS_OF and not text[k - 1:k].isalnum():  # (an opener starts one)
            stack.append(c)
    return pairs


def is_apostrophe(text: str, k: int, open_quote: str) -> bool:
    """Whether the mark at ``text[k]`` is an apostrophe, which says nothing about quotes: a ’ after a letter
    (she’d, players’), unless it ends a word while a ‘ is open (``open_quote``, the last quote still open),
    which it closes (‘bullying’)."""
    return text[k] == "\u2019" and text[k - 1:k].isalpha() and (
        text[k + 1:k + 2].isalpha() or open_quote != "\u2018")


def closes(mark: str, open_quote: str) -> bool:
    """Whether ``mark`` answers ``open_quote`` (German `“` answers `„`, where in English it would open)."""
    return bool(open_quote) and open_quote in _OPENERS_OF.get(mark, "")


def _open_quote(before: str) -> str:
    """The quote still open at the end of ``before`` ("" if none), each closer answering the one open before it
    (German `„Südsee“` leaves none open: its `“` closes, where in English it would open)."""
    stack: list[str] = []
    for k, c in enumerate(before):
        if c not in QUOTE_MARKS or is_apostrophe(before, k, stack[-1] if stack else ""):
            continue
        if stack and closes(c, stack[-1]):
            stack.pop()
        elif c in _CLOSERS_OF:
            stack.append(c)
    return stack[-1] if stack else ""


def _pairing_bonus(before: str, chars: list[str], after: str = " ") -> np.ndarray:
    """Typographic pairing the trigram model cannot see: a closing quote answers an opening one earlier on,
    an opening quote sticks to the start of a word and not to the end of one, ’ after a letter is an
    apostrophe, ” and ’ after a number are inches and feet, and a dash is spaced on both sides or on neither."""
    bonus = np.zeros(len(chars))
    if not any(c in _CLOSERS_OF or c in _OPENERS_OF or c in _DASHES for c in chars):
        return bonus
    open_quote = _open_quote(before)  # (a quote a closer among ``chars`` would answer)
    after_word = bool(before) and before[-1].isalnum()
    spaced_before = not before or before[-1].isspace()
    spaced_after = not after or after[0].isspace()
    for idx, c in enumerate(chars):
        if c in _DASHES:
            if spaced_before != spaced_after and (after_word or (after and after[0].isalnum())):
                bonus[idx] = -PAIRING_BONUS
            continue
        is_open = closes(c, open_quote)
        if is_open and not spaced_before:
            bonus[idx] = 2 * PAIRING_BONUS  # a quote is open and a word or sign ends here: it closes
        elif is_open:
            bonus[idx] = PAIRING_BONUS
        elif c in _CLOSERS_OF:  # (it may open: “ in English, » in German)
            already = before.rfind(c) > max(before.rfind(closer) for closer in _CLOSERS_OF[c])
            # An opening quote sticks to the word it opens, never stands alone nor before a space (French
            # guillemets take one); a low one („ ‚) is a guess the multilingual model favours everywhere, believed
            # where the text has written one.
            loose = spaced_after and c not in "\u00ab\u00bb"
            unseen = c in _LOW_OPENERS and not any(q in before for q in _LOW_OPENERS)
            bonus[idx] = -PAIRING_BONUS if already or after_word or loose or unseen else 0.0
        elif c == "\u2019" and spaced_before and after[:1].isdigit():
            bonus[idx] = 2 * PAIRING_BONUS  # an elided century (the ’90s): digits after a spaced ’
        elif c in _PRIMES and before[-1:].isdigit() and not after[:1].isdigit():
            bonus[idx] = PAIRING_BONUS  # a unit after a number (the model hears `6”` as rare as `6―`)
        elif c == ELLIPSIS and (after_word or spaced_after):
            continue  # (it trails a word or a sentence, as an apostrophe does: no pairing rule is against it)
        elif not (c == "\u2019" and after_word):
            bonus[idx] = -PAIRING_BONUS
    return bonus


MAX_CHOICES = 48
_CHOICES: dict[tuple[int, str | None, str | None], tuple[list[tuple[str, int]], list[str]]] = {}


def _choices(unit: list[tuple[str, int]], model: CharModel, before: str | None, after: str | None) -> list[str]:
    """The characters worth scoring for one uncertain unit: seen in real text, fitting their neighbours, and
    of those the most frequent few (a lost byte rarely hides a rare character; scoring thousands of
    three-byte candidates is where the time went). Units come from cached completions, so the choice is
    cached on the unit's identity (the unit is kept alive with it)."""
    key = (id(unit), before, after)
    hit = _CHOICES.get(key)
    if hit is not None and hit[0] is unit:
        return hit[1]
    chars = _plausible([c for c, _ in unit], model)
    if len(chars) > 4 * MAX_CHOICES:  # the frequent ones first: fitting is checked character by character
        chars = _most_frequent_of_each(chars, model, 4 * MAX_CHOICES)
    chars = _fit_context(chars, before, after)
    if len(chars) > MAX_CHOICES:
        chars = _most_frequent_of_each(chars, model, MAX_CHOICES)
    if len(_CHOICES) > 20_000:
        _CHOICES.clear()
    _CHOICES[key] = (unit, chars)
    return chars


_CJK_START = "\u2e80"


def _emoji_priors(chars: list[str]) -> np.ndarray | float:
    """The emoji priors of ``chars`` (a scalar 0 when none is an emoji, the usual case)."""
    if max(chars) < "\u2300":
        return 0.0
    return np.array([emoji_prior(c) for c in chars])


def _most_frequent_of_each(chars: list[str], model: CharModel, k: int) -> list[str]:
    """The ``k`` most frequent of ``chars``, a few places kept for the most frequent signs among them: three
    bytes a Big5 or EUC decoder lost whole between two spaces are a dash as often as a syllable, and Korean's
    syllables, frequent in its corpus, would fill every place (`stop ��� it` read back as `stop 수 it`)."""
    signs = [c for c in chars if unicodedata.category(c)[0] in "PS"]
    if not signs or len(signs) == len(chars):
        return _most_frequent(chars, model, k)
    kept = _most_frequent(signs, model, min(len(signs), SIGN_PLACES))
    return kept + _most_frequent([c for c in chars if c not in kept], model, k - len(kept))


SIGN_PLACES = 8  # places among a lost character's choices kept for punctuation and symbols


def _most_frequent(chars: list[str], model: CharModel, k: int) -> list[str]:
    from unmangle.encoding.model import codepoints, unigram_index

    freq = model.uni[unigram_index(codepoints("".join(chars)))]
    return [chars[i] for i in np.argsort(-freq, kind="stable")[:k]]


def _fit_context(chars: list[str], before: str | None, after: str | None) -> list[str]:
    """Characters that can stand between ``before`` and ``after`` (None: unknown). Scripts do not change
    inside a word, a combining mark needs a base, and CJK text between ASCII words and digits is rare; the
    trigram model, which backs off to character classes, cannot see these on its own (it takes U+3000 for
    a space between two Latin letters)."""
    def fits(c: str) -> bool:
        cat = unicodedata.category(c)
        if cat in ("Co", "Cn"):
            return False  # (a private-use character is an icon font's, an unassigned one nobody's: neither is hid)
        if c == VS16:
            return before is None or is_emoji(before)  # (the emoji presentation selector follows an emoji only)
        if cat[0] == "M" and (before is None or not before.isalpha()):
            return before is None
        if cat == "Cf":  # an invisible joiner or mark joins letters of a script that needs it, not Latin words
            return any(x is not None and x.isalpha() and _script_of(x) != "LATIN" for x in (before, after))
        if c >= _CJK_START:
            ascii_sides = [x for x in (before, after) if x is not None]
            if ascii_sides and all(x.isascii() for x in ascii_sides) and any(x.isalnum() for x in ascii_sides):
                return False
            if cat == "Zs":
                return False
        if cat[0] == "L":
            letters = [x for x in (before, after) if x is not None and x.isalpha()]
            if letters and all(_script_of(x) != _script_of(c) for x in letters):
                return False
        return True

    kept = [c for c in chars if fits(c)]
    return kept or chars


def _script_of(c: str) -> str:
    """A coarse script: the first word of the character's Unicode name (LATIN, CYRILLIC, CJK, HANGUL...)."""
    name = unicodedata.name(c, "")
    return name.split(" ", 1)[0]


def _plausible(chars: list[str], model: CharModel) -> list[str]:
    """Characters the model has seen, when there are any: a lost byte rarely hides a character never written."""
    from unmangle.encoding.model import codepoints, unigram_index

    seen = model.uni[unigram_index(codepoints("".join(chars)))] > 0
    # (Emoji too, which the corpora's prose never shows and the web writes everywhere.)
    kept = [c for c, ok in zip(chars, seen, strict=True) if ok or (c >= "\u200d" and used_emoji(c))]
    return kept or chars


def _units(seq: list[int], codec: str, ignore_mode: bool, next_byte: int) -> list[str | list[tuple[str, int]]] | None:
    """Split ``seq`` into decoded text and uncertain characters (lists of (character, bytes lost))."""
    units: list[str | list[tuple[str, int]]] = []
    buf: list[str] = []
    i, n = 0, len(seq)
    while i < n:
        b = seq[i]
        if 0 <= b < 0x80:
            buf.append(chr(b))
            i += 1
            continue
        need = needed_continuations(b) if b >= 0 else -2
        if b >= 0 and need < 0 and not 0x80 <= b <= 0xBF:
            return None  # C0, C1, F5-FF: never in UTF-8
        if b >= 0 and need > 0:
            slots: list[int] = []
            j = i + 1
            while len(slots) < need and j < n and (seq[j] == HOLE or 0x80 <= seq[j] <= 0xBF):
                slots.append(seq[j])
                j += 1
            missing = need - len(slots)
            if missing == 0 and HOLE not in slots:
                buf.append(bytes([b, *slots]).decode("utf-8", "replace"))
                i = j
                continue
            if missing and not ignore_mode:
                return None
            nxt = seq[j] if j < n else next_byte
            options = _completions(b, tuple(slots), missing, codec, nxt)
        else:
            if b >= 0 and not ignore_mode:
                return None
            slots = [b]
            j = i + 1
            while j < n and len(slots) < 4 and (0x80 <= seq[j] <= 0xBF or (b == HOLE and seq[j] == HOLE)):
                slots.append(seq[j])
                j += 1
            nxt = seq[j] if j < n else next_byte
            options = _orphan_completions(tuple(slots), codec, nxt, ignore_mode)
        if not options:
            return None
        if buf:
            units.append("".join(buf))
            buf = []
        units.append(options)
        i = j
    if buf:
        units.append("".join(buf))
    return units


@lru_cache(maxsize=8192)
def _completions(lead: int, slots: tuple[int, ...], missing: int, codec: str, nxt: int) -> list[tuple[str, int]]:
    """Characters that ``lead + slots`` (holes filled) can be with ``missing`` continuation bytes dropped
    anywhere after the lead (a multi-byte decoder may swallow the middle byte of a character, not only its
    last). Computed over the table of every character with this lead, as array masks."""
    conts, cps = _lead_table(lead)
    need = conts.shape[1]
    if len(slots) + missing != need or not len(cps):
        return []
    drop = _drop_table(codec)
    after = np.full(len(cps), 256 if nxt < 0 else nxt, dtype=np.int64)
    keep = np.zeros(len(cps), dtype=bool)
    for gaps in combinations(range(need), missing):
        mask = np.ones(len(cps), dtype=bool)
        it = iter(slots)
        for p in range(need):
            if p in gaps:
                # A dropped byte must be one the decoder loses before the byte that followed it.
                mask &= drop[conts[:, p], conts[:, p + 1] if p + 1 < need else after]
            else:
                s = next(it)
                if s == HOLE:  # replaced: a byte the decoder could not read before the next one
                    mask &= drop[conts[:, p], conts[:, p + 1] if p + 1 < need else after]
                else:
                    mask &= conts[:, p] == s
        keep |= mask
    lost = sum(1 for s in slots if s == HOLE) + missing
    if keep.sum() > MAX_COMBINATIONS:
        return []
    return [(chr(c), lost) for c in cps[keep].tolist()]


@lru_cache(maxsize=64)
def _lead_table(lead: int) -> tuple[np.ndarray, np.ndarray]:
    """Every valid UTF-8 character with this lead byte: its continuation bytes (one row each, in byte order)
    and its code point."""
    need = needed_continuations(lead)
    if need <= 0:
        return np.zeros((0, 0), dtype=np.int64), np.zeros(0, dtype=np.int64)
    grid = np.stack(np.meshgrid(*[np.arange(0x80, 0xC0)] * need, indexing="ij"), -1).reshape(-1, need)
    first = grid[:, 0]
    ok = np.ones(len(grid), dtype=bool)
    if lead == 0xE0:
        ok &= first >= 0xA0
    elif lead == 0xED:
        ok &= first <= 0x9F
    elif lead == 0xF0:
        ok &= first >= 0x90
    elif lead == 0xF4:
        ok &= first <= 0x8F
    grid = grid[ok]
    payload = grid & 0x3F
    cp = lead & (0x1F if need == 1 else 0x0F if need == 2 else 0x07)
    for p in range(need):
        cp = (cp << 6) | payload[:, p]
    return grid.astype(np.uint8), cp.astype(np.int64)


@lru_cache(maxsize=256)
def _drop_table(codec: str) -> np.ndarray:
    """``table[x, y]``: does ``codec`` lose byte x when byte y follows (y = 256: the end of the text)?"""
    table = np.zeros((256, 257), dtype=bool)
    strict = strict_codec(codec)
    stateless = strict not in _MULTI_BYTE  # (a single-byte decoder loses a byte whatever follows it)
    for x in range(0x80, 0x100):
        alone = bytes([x]).decode(strict, "ignore") == ""
        table[x, 256] = alone
        if alone and stateless:
            table[x, :256] = True
        elif alone and strict not in _THREE_BYTES:
            table[x, :256] = _lost_before_each(x, strict)
        elif alone:  # (EUC-JP and GB18030 read three or four bytes: one pair at a time, at the end of the text)
            table[x, :256] = [bytes([x, y]).decode(strict, "ignore") == after
                              for y, after in enumerate(_each_alone(strict))]
    return table


_THREE_BYTES = frozenset({"euc_jp", "gb18030"})


@lru_cache(maxsize=64)
def _each_alone(codec: str) -> tuple[str, ...]:
    """What ``codec`` reads each byte alone as."""
    return tuple(bytes([y]).decode(codec, "ignore") for y in range(256))


def _lost_before_each(x: int, codec: str) -> list[bool]:
    """For every byte y: does ``codec`` read ``x y`` as it reads ``y`` alone (x lost)? One decoder call for all
    256 pairs, a newline apart (a newline never continues a character of a two-byte codec)."""
    pairs = b"\n".join(bytes([x, y]) for y in range(256) if y != 0x0A)
    got = pairs.decode(codec, "ignore").split("\n")
    alone = (a for y, a in enumerate(_each_alone(codec)) if y != 0x0A)
    out = [a == b for a, b in zip(got, alone, strict=True)]
    out.insert(0x0A, bytes([x, 0x0A]).decode(codec, "ignore") == "\n")
    return out


_MULTI_BYTE = frozenset(strict_codec(wd.codec) for wd in MULTI_BYTE)


@lru_cache(maxsize=8192)
def _orphan_completions(slots: tuple[int, ...], codec: str, nxt: int, ignore_mode: bool) -> list[tuple[str, int]]:
    """Characters for continuation bytes (or holes) whose lead byte was lost."""
    holes = sum(1 for s in slots if s == HOLE)
    if slots and slots[0] == HOLE:
        # The hole is the lead itself: the slots after it say how long the sequence was. Every hole is a byte
        # the decoder could not read before the byte that followed it (a lead whose trail did not fit, a byte
        # it never maps), which is what narrows the choice.
        follow = slots[1:]
        drop = _drop_table(codec)
        after = 256 if nxt < 0 else nxt
        out: list[tuple[str, int]] = []
        for lead in range(0xC2, 0xF5):
            conts, cps = _lead_table(lead)
            if conts.shape[1] != len(follow) or not len(cps):
                continue
            mask = drop[lead, conts[:, 0]] if follow else np.ones(len(cps), dtype=bool)
            for p, s in enumerate(follow):
                if s == HOLE:
                    mask &= drop[conts[:, p], conts[:, p + 1] if p + 1 < len(follow) else after]
                else:
                    mask &= conts[:, p] == s
            if mask.sum() <= MAX_COMBINATIONS:  # an unknown four-byte character behind three holes: no evidence
                out.extend((chr(c), holes) for c in cps[mask].tolist())
        return out
    if not ignore_mode:
        return []
    drop = set(_droppable(codec, slots[0])) if slots else set()
    out = []
    for total in (2, 3):
        missing_conts = total - 1 - len(slots)
        if missing_conts < 0:
            continue
        leads = [x for x in (range(0xC2, 0xE0) if total == 2 else range(0xE0, 0xF0)) if x in drop]
        for lead in leads:
            choices = [[c for c in drop if _cont_ok(lead, p, c)] for p in range(missing_conts)]
            choices += [[s] for s in slots]
            out.extend(_enumerate(lead, choices, 1 + missing_conts))
    return out


def _enumerate(lead: int, choices: list[list[int]], lost: int) -> list[tuple[str, int]]:
    """The characters with this lead whose continuation bytes are among ``choices`` (one list a position)."""
    size = 1
    for c in choices:
        size *= len(c)
    if size == 0 or size > MAX_COMBINATIONS:
        return []
    conts, cps = _lead_table(lead)
    if conts.shape[1] != len(choices):
        return []
    mask = np.ones(len(cps), dtype=bool)
    for p, allowed in enumerate(choices):
        table = np.zeros(256, dtype=bool)
        table[[b for b in allowed if 0 <= b < 256]] = True
        mask &= table[conts[:, p]]
    return [(chr(c), lost) for c in cps[mask].tolist()]
