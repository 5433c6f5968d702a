"""ftfy where it does the job well: single-byte mojibake read whole, line by line.

ftfy.fix_encoding undoes UTF-8 read with a single-byte codec (cp1252, latin-1, the Windows code pages,
MacRoman, cp437), layers of it, and the tricks scrapers play on it (a byte 0xA0 turned into a space), at C
speed. Three steps use it, each checked by the character model and our own scan:

- :func:`ftfy_first`: a text ftfy reads back with whole-text encode/decode steps, into text that no longer
  looks odd to us, is done (token by token, so that each change is its own edit);
- :func:`ftfy_pass`: a line our readings cannot change goes to ftfy (it peels a layer whose middle looks odd);
- :func:`ftfy_rival`: a line ftfy reads better than we did takes ftfy's reading.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable
from functools import lru_cache

import ftfy
import regex
from ftfy.badness import is_bad

from unmangle.document import Edit, apply_edits
from unmangle.encoding.codecs import SINGLE_BYTE, utf8_readings
from unmangle.encoding.gate import worth_repairing
from unmangle.encoding.known_words import THIN, known_reading
from unmangle.encoding.model import confidence, default_model, fold_capitals, score_many
from unmangle.encoding.readings import _common, find_suspect

LINE = regex.compile(r"[^\n]+")
FTFY_DETAIL = "single-byte mojibake (ftfy)"
# What a token may lose, in nats, to a codec pair the rest of the text stands for (as DOCUMENT_PRIOR).
FIRST_TOKEN_LOSS = 2.0
FIRST_WORDS = 64  # distinct changed words the model is asked about
RIVAL_GAIN = 2.0  # nats by which another decoder's reading of the whole text must beat ftfy's to be weighed
_TOKEN = regex.compile(r"[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*")
_SPACES = re.compile(r"([ \t\n\r\f\v]+)")  # (kept by split: tokens and the spaces between them)


def ftfy_first(text: str) -> list[Edit] | None:
    """Edits for ``text`` when ftfy repairs it with encode/decode steps alone, the result looks clean to our
    scan, and the model finds no changed word much worse; else None (the full repair decides). Each changed
    token is one edit, named by the codecs of the steps."""
    reading = _ftfy_reading(text)
    if reading is None:
        return None
    fixed, pairs = reading

    def undo(token: str) -> str:
        for enc, dec in pairs:
            token = token.encode(enc).decode(dec)
        return token

    return token_edits(text, fixed, undo, _detail(text, list(pairs)))


def ftfy_first_text(text: str) -> str | None:
    """The text :func:`ftfy_first`'s edits give, found without building them (``fix_text`` keeps no
    explanation: on a long page of mojibake the edits cost twice what ftfy does); None where they would not be
    found this way (``ftfy_first`` then decides, on the same reading of ftfy's, which is kept)."""
    reading = _ftfy_reading(text)
    if reading is None:
        return None
    fixed = reading[0]
    return fixed if reads_token_by_token(text, fixed) else None


@lru_cache(maxsize=1)
def _ftfy_reading(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """ftfy's reading of ``text`` and its (encode, decode) steps, when they are encode/decode steps alone and the
    result looks clean to our scan; else None. (Kept for the last text: fix_text asks, then the full path may.)"""
    fixed, plan = ftfy.fix_encoding_and_explain(text)
    if fixed == text or not plan or len(plan) % 2:
        return None
    pairs = []
    for (enc_op, enc), (dec_op, dec) in zip(plan[::2], plan[1::2], strict=True):
        if enc_op != "encode" or dec_op != "decode" or not dec.startswith("utf-8"):
            return None
        pairs.append((enc, dec))
    if worth_repairing(fixed) and find_suspect(fixed) is not None:
        return None  # something ftfy left is still odd: lost bytes, or another kind of damage
    if len(pairs) == 1 and _another_reading(text, fixed):
        return None  # (`WÃ€hrend` is `WÀhrend` through cp1252, `Während` through ISO-8859-15: the model decides)
    return fixed, tuple(pairs)


def token_edits(text: str, fixed: str, undo: Callable[[str], str], detail: str,
                mean_gain: float = 0.0) -> list[Edit] | None:
    """One edit per token that ``undo`` changes, when together they give ``fixed`` and the model finds no
    changed word much worse and the words better on the whole (by more than ``mean_gain`` a word); else None.

    UTF-8 never puts an ASCII byte inside a character, so a decoder's damage to the whole text acts on each
    whitespace-delimited token alone."""
    found: list[tuple[int, int, str, str]] = []
    olds = list(_TOKEN.finditer(text))
    news = _TOKEN.findall(fixed)
    if len(news) == len(olds):
        # (The usual case: ``fixed`` is ``undo`` of the whole text, which keeps ASCII as it is, so its tokens
        # with a non-ASCII character are the text's, in order; the check at the end holds us to that.)
        found = [(m.start(), m.end(), m.group(), new) for m, new in zip(olds, news, strict=True)
                 if new != m.group()]
    else:
        for m in olds:
            try:
                new = undo(m.group())
            except UnicodeError:
                return None
            if new != m.group():
                found.append((m.start(), m.end(), m.group(), new))
    if not found:
        return None
    gains = _word_gains([(old, new) for *_, old, new in found], mean_gain)
    if gains is None:
        return None
    sure = {pair: confidence(gain + FIRST_TOKEN_LOSS) for pair, gain in gains.items()}
    unasked = confidence(FIRST_TOKEN_LOSS)
    edits = [Edit("mojibake", start, end, old, new, sure.get((old, new), unasked), detail)
             for start, end, old, new in found]
    return edits if apply_edits(text, edits) == fixed else None


def reads_token_by_token(text: str, fixed: str, mean_gain: float = 0.0) -> bool:
    """Whether :func:`token_edits` finds edits that give ``fixed`` by pairing the two texts' tokens (its usual
    case), asked without building them: the same number of tokens, the same text between them, and the model's
    word on the changed words."""
    olds, news = _SPACES.split(text), _SPACES.split(fixed)
    if len(olds) != len(news) or olds[1::2] != news[1::2]:
        return False  # (token_edits decides: it may read the tokens one by one)
    changed = [(old, new) for old, new in zip(olds[::2], news[::2], strict=True) if old != new]
    # (A changed token keeps a character outside ASCII, so that token_edits pairs the same tokens.)
    if not changed or any(old.isascii() or new.isascii() for old, new in changed):
        return False
    return _word_gains(changed, mean_gain) is not None


def _word_gains(changed: list[tuple[str, str]], mean_gain: float) -> dict[tuple[str, str], float] | None:
    """The model's gain on each of the first distinct changed words (a long text's first words speak for the
    rest); None when one is much worse, or they are not better on the whole by ``mean_gain`` a word."""
    asked = list(dict.fromkeys(changed))[:FIRST_WORDS]
    scores = score_many(default_model(), [t for pair in asked for t in pair]).tolist()
    gains = {pair: scores[2 * k + 1] - scores[2 * k] for k, pair in enumerate(asked)}
    if min(gains.values()) < -FIRST_TOKEN_LOSS or sum(gains.values()) <= mean_gain * len(gains):
        return None
    return gains


def _another_reading(text: str, fixed: str) -> bool:
    """Whether another single-byte decoder also reads ``text`` back as UTF-8, into something else that real
    text commonly writes (MacRoman reads most cp1252 mojibake back as combining marks: that is no rival), and
    the model finds it more probable by a margin: a rival no better than ftfy's reading (`Steiübein` for
    `Steißbein`, ISO-8859-2 for cp1250) is not worth the full repair's doubt. A rival is worth it where ftfy's
    reading writes a letter real text seldom writes, or makes a word no language knows that the rival makes a
    known word of (the model knows unseen letters too little to tell)."""
    if _known_rival(text, fixed):
        return True  # (a rival makes words a language knows where ftfy's makes none: `cafĆ©` is `café`, not `cafƩ`)
    # (Not a rival that differs from ftfy's reading in case alone: the model likes a lone letter in lower case,
    # which says nothing of the decoder; `Ðš` is cp1252's `К`, not ISO-8859-10's `к`.)
    rivals = [other for _, other in utf8_readings(text)
              if other != fixed and _common(other) and other.casefold() != fixed.casefold()]
    if not rivals:
        return False
    if not _common(fixed):
        return True  # (ftfy's reading writes a letter real text seldom does, `piƱata`; a rival's does not)
    scores = score_many(default_model(), [fixed, *rivals])
    return bool(scores[1:].max() - scores[0] >= RIVAL_GAIN)


def _known_rival(text: str, fixed: str) -> bool:
    """Whether, of the few tokens ftfy's reading changes, one makes a word no language knows and another
    decoder reads it into known words (as the full repair's ``known_words.with_known_readings`` would)."""
    olds, news = _SPACES.split(text)[::2], _SPACES.split(fixed)[::2]
    if len(olds) != len(news):
        return False
    changed = {(old, new) for old, new in zip(olds, news, strict=True) if old != new}
    if not changed or len(changed) > THIN:
        return False
    from unmangle.page.wordstats import guess_language

    lang = guess_language(fixed)
    return any(known_reading(old, new, lang) is not None for old, new in changed)


def _detail(text: str, pairs: list[tuple[str, str]]) -> str:
    """`utf-8 read as cp1252`, or a chain of them for layers (outermost first, as our own readings); each layer
    named by the most common decoder that gives its bytes (ftfy tries latin-1 first, we name cp1252 first)."""
    names = []
    for enc, dec in pairs:
        data = text.encode(enc)
        names.append(next((f"utf-8 read as {wd.label}" for wd in SINGLE_BYTE if _encodes_as(text, wd.codec, data)),
                          f"utf-8 read as {enc}"))
        text = data.decode(dec)
    return ", then ".join(names)


def _encodes_as(text: str, codec: str, data: bytes) -> bool:
    try:
        return text.encode(codec) == data
    except UnicodeEncodeError:
        return False


_UNASSIGNED = regex.compile(r"\p{Cn}")


def ftfy_pass(text: str) -> list[Edit]:
    """Lines that still look like single-byte mojibake go to ftfy, kept only if the model agrees."""
    model = default_model()
    edits: list[Edit] = []
    for m in LINE.finditer(text):
        line = m.group()
        if line.isascii() or not is_bad(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed == line or _UNASSIGNED.search(fixed):
            continue  # (ftfy's sloppy decoders may write a code point Unicode never assigned: no repair writes one)
        gain = model.score("\n", fixed, "\n") - model.score("\n", line, "\n")
        if gain < 2.0:
            continue
        edits.extend(diff_edits(line, fixed, m.start(), confidence(gain, 0.0)))
    return edits


def ftfy_rival(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits``, with ftfy's repair instead on each line that still looks bad to ftfy after ours, where ftfy
    repairs it to text the model rates higher: ftfy reads a whole line with one decoder and knows tricks we
    do not (a byte 0xA0 that a scraper turned into a space), while our own repair works token by token.
    Returns ``edits`` itself when no line changes."""
    model = default_model()
    out: list[Edit] | None = None
    starts = [e.start for e in edits]  # (edits are sorted and disjoint)
    for m in LINE.finditer(text):
        line = m.group()
        if line.isascii():
            continue
        a, b = m.span()
        i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        if (i and edits[i - 1].end > a) or (j > i and edits[j - 1].end > b):
            continue  # an edit across lines: ours stands
        ours = edits[i:j]
        mine = apply_edits(line, [e.shifted(-a) for e in ours]) if ours else line
        # Only a line that ftfy finds bad and that our repair left looking odd; and one our gate lets through
        # (ftfy reads `Ã e Õ`, the letters named, as `à e Õ`).
        if not is_bad(line) or (not is_bad(mine) and find_suspect(mine) is None) or not worth_repairing(line):
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed in (line, mine):
            continue
        gain = model.score("\n", fold_capitals(fixed), "\n") - model.score("\n", fold_capitals(mine), "\n")
        if gain < FTFY_RIVAL_GAIN:
            continue
        kept = [e for e in (out if out is not None else edits) if not a <= e.start < b]
        out = sorted(kept + diff_edits(line, fixed, a, confidence(gain, 0.0)), key=lambda e: e.start)
    return edits if out is None else out


FTFY_RIVAL_GAIN = 3.0  # nats: ftfy reads `Ã e Õ` (the letters, named) as `à e Õ`, which the model likes 1.7 better


def diff_edits(before: str, after: str, offset: int, conf: float) -> list[Edit]:
    """One edit per changed stretch of ``before`` (at ``offset`` in its text), as ftfy's repair of it."""
    out = []
    sm = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            out.append(Edit("mojibake", offset + i1, offset + i2, before[i1:i2], after[j1:j2], conf,
                            FTFY_DETAIL))
    return out
