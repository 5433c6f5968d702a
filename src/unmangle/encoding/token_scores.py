"""Candidate readings of a token, scored by the character model and remembered.

The repair's search and the entry points' second look both ask, for a token, which codec pairs read it back
and by how many nats each reading beats the token as it stands. New tokens are scored in one vectorised
batch; answers are kept, since real text repeats its words (bounded: a worker's memory must not grow with
the corpus).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from unmangle.encoding.codecs import LEGACY_TRUE, LEGACY_WRONG, MULTI_BYTE, SINGLE_BYTE, legacy_pair
from unmangle.encoding.emoji_prior import text_prior
from unmangle.encoding.model import CharModel, default_model, folding_cyrillic, score_few, score_many
from unmangle.encoding.readings import Reading, candidate_readings, find_suspect, seen

LOST_BYTE_PENALTY = 1.5  # nats per byte put back: a reading that needs fewer assumptions is more likely
LEGACY_UNDER_UTF8 = 8.0  # nats more a legacy text under a UTF-8 layer must gain: rarer than either alone

# For each candidate reading of a token: its margin over the acceptance threshold (nats, may be negative).
Scored = tuple[tuple[float, Reading], ...]
Key = tuple[str, str, frozenset[str]]  # token, last quote before it, decoders known to be at work
NO_DECODERS: frozenset[str] = frozenset()
_CACHE: dict[tuple[str, str, frozenset[str], bool | None], Scored] = {}  # (a Key, and how capitals fold)
_CACHE_LIMIT = 30_000  # about 150 MB
# How far below its threshold a reading may be kept on file: the document's own evidence can lift it.
_KEEP_BELOW = 4.0

# (codec that gives the bytes back, codec that reads them right) for every pair a document can go through,
# common decoders first (that order names the repairs when several decoders read a text alike).
PAIR_CODECS: dict[str, tuple[str, str]] = {
    f"utf-8 read as {wd.label}": (wd.codec, "utf-8") for wd in SINGLE_BYTE + MULTI_BYTE} | {
    f"{true} read as {wd.label}": (wd.codec, true) for wd in LEGACY_WRONG for true in LEGACY_TRUE
    if legacy_pair(wd, true)}
_PAIR_RANK = {pair: i for i, pair in enumerate(PAIR_CODECS)}
SINGLE_BYTE_UTF8 = frozenset(f"utf-8 read as {wd.label}" for wd in SINGLE_BYTE)  # (by one single-byte decoder)
NON_ASCII_TOKEN = regex.compile(r"[^ \t\n\r\f\v]*[^\x00-\x7f][^ \t\n\r\f\v]*")
_LOST_NOTE = regex.compile(r", lost bytes [^,]*")


def pair_of(r: Reading) -> str:
    """The codec chain of a reading (`utf-8 read as gbk`; `utf-8 read as cp1252, then utf-8 read as cp1251`),
    without what was done about lost bytes."""
    return pair_of_detail(r.detail)


def pair_rank(pair: str) -> tuple[int, str]:
    """Where ``pair`` stands among the pairs, common decoders first: it names a reading several pairs give
    alike, and breaks ties between them."""
    return _PAIR_RANK.get(pair, len(_PAIR_RANK)), pair


@lru_cache(maxsize=4096)
def pair_of_detail(detail: str) -> str:
    return _LOST_NOTE.sub("", detail)


def score_tokens(keys: list[Key]) -> list[Scored]:
    """Candidate readings of (token, last quote before it, decoders at work) keys with their margins; new
    tokens are scored together in one vectorised batch and remembered."""
    model = default_model()
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()  # (before the call looks up its keys: every one it asks for must be there at its end)
    # (Scores depend on how the text under repair folds capitals: the cache keys on it.)
    fold = folding_cyrillic()
    keys = [(*k, fold) for k in keys]
    todo = [k for k in dict.fromkeys(keys) if k not in _CACHE]
    if todo:
        cands = [_with_second_layer(tok, candidate_readings(tok, model, before, lossy, keep_unseen=True), model,
                                    before, lossy) for tok, before, lossy, _ in todo]
        texts: list[str] = []
        for (tok, *_), rs in zip(todo, cands, strict=True):
            if rs:
                texts.append(tok)
                texts.extend(tok[:r.start] + r.text + tok[r.end:] for r in rs)
        scores = iter(score_many(model, texts).tolist())
        for key, rs in zip(todo, cands, strict=True):
            if not rs:
                _CACHE[key] = ()
                continue
            base = next(scores)
            scored = []
            for r in rs:
                # Rounded: readings of the same text must tie exactly (the first, most common decoder names it).
                # (What the model cannot know of emoji, which the corpora never show: how often each is written.)
                prior = text_prior(r.text)
                margin = round(next(scores) + prior - base - LOST_BYTE_PENALTY * r.lost - r.min_gain - r.cost, 6)
                if margin >= -_KEEP_BELOW or r.corroborate:
                    scored.append((margin, r))
            _CACHE[key] = tuple(scored)
    return [_CACHE[k] for k in keys]


def _with_second_layer(token: str, readings: list[Reading], model: CharModel, before: str,
                       lossy: frozenset[str]) -> list[Reading]:
    """Add, for each reading that is itself still mojibake, the readings of its result: a double layer is
    judged by where it ends, not by the odd-looking text in between (UTF-8 read as cp1251, then as cp1252)."""
    out = [r for r in readings if seen(r.text)]
    for r in readings:
        middle = token[:r.start] + r.text + token[r.end:]
        # The outer layer of a double is UTF-8 read with the wrong codec (what browsers and scrapers do last).
        if r.kind != "mojibake" or not r.detail.startswith("utf-8") or find_suspect(middle) is None:
            continue
        wrong = r.detail.split(" read as ")[-1]
        for r2 in candidate_readings(middle, model, before, lossy, lossless_only=True):
            # Doubles on the web: UTF-8 read wrongly twice, or a legacy text read with the same wrong decoder
            # that then read its UTF-8 (GBK as cp1252, then UTF-8 as cp1252). Not chains of unrelated codecs.
            if not (r2.detail.startswith("utf-8") or r2.detail.split(" read as ")[-1] == wrong):
                continue
            final = middle[:r2.start] + r2.text + middle[r2.end:]
            if final != token and seen(final):  # (the middle may look like nothing real text writes; not the end)
                # A legacy text under a UTF-8 layer is rarer than either alone: it must win by more (`áéíóú`
                # read as UTF-8 from cp1252 is Latin, and stays Latin rather than becoming Hebrew).
                extra = 0.0 if r2.detail.startswith("utf-8") else LEGACY_UNDER_UTF8
                out.append(replace(r2, start=0, end=len(token), text=final, detail=f"{r.detail}, then {r2.detail}",
                                   min_gain=max(r.min_gain, r2.min_gain) + extra, cost=r.cost + r2.cost,
                                   corroborate=r.corroborate or r2.corroborate))
    return out


def reread_words(text: str, pair: str, most: int | None = None) -> list[tuple[str, str, float]]:
    """Every distinct word of ``text`` outside ASCII that ``pair`` reads differently (the first ``most`` of
    them), with that reading and its gain in nats: what a whole text says about one codec mistake."""
    wrong, true = PAIR_CODECS[pair]
    old_new = []
    asked: set[str] = set()
    for match in NON_ASCII_TOKEN.finditer(text):  # (one by one: a sample stops long before a page's end)
        word = match.group()
        if word in asked:
            continue
        asked.add(word)
        try:
            new = word.encode(wrong).decode(true)
        except UnicodeError:
            continue
        if new != word:
            old_new.append((word, new))
            if len(old_new) == most:
                break
    if not old_new:
        return []
    if most:  # (a sample of a few words, each kept: a language's common words come back in every text asked)
        fold = folding_cyrillic()
        return [(old, new, _gain(old, new, fold)) for old, new in old_new]
    scores = score_many(default_model(), [t for pair_ in old_new for t in pair_]).tolist()
    return [(old, new, scores[2 * k + 1] - scores[2 * k]) for k, (old, new) in enumerate(old_new)]


@lru_cache(maxsize=16384)
def _gain(old: str, new: str, _folding: bool | None) -> float:
    """What the model gains from ``old`` to ``new``, on Python numbers (numpy's cost per call would be most of
    it); by how the text under repair folds capitals, which the scores follow."""
    own, other = score_few(default_model(), [old, new])
    return other - own
