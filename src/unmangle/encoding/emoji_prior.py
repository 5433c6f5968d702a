"""How often each emoji is written, for choosing the one a lost byte hid.

The corpora are prose without emoji, so the character model scores every emoji alike (its class's floor). A
decoder that drops bytes leaves several emoji to choose from: cp1252 cannot map 0x81, 0x8D, 0x8F, 0x90 and 0x9D,
and `👍` (F0 9F 91 8D) comes out `ðŸ‘`, which is also what is left of `👁 👏 👐 👝`. Their frequencies on social
media differ a thousandfold. The table (``data/emoji_freq.json``, built by ``scripts/build_emoji_freq.py`` from
wordfreq's counts) gives each a log-prior relative to the median emoji, so a choice among emoji follows usage
while a choice between an emoji and other text stays the model's.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from functools import lru_cache

from unmangle.data import open_data

# The blocks emoji live in: the U+1F000-1FAFF plane (F0 9F in UTF-8), Miscellaneous Technical (`⏰`),
# Miscellaneous Symbols and Dingbats (`❤`, `✨`), Symbols and Arrows (`⭐`).
EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF))
VS16 = "\ufe0f"
SKIN_TONES = frozenset(map(chr, range(0x1F3FB, 0x1F400)))  # (the Fitzpatrick modifiers)
EMOJI_JOINERS = "\u200d" + VS16 + "\u20e3"  # (the zero-width joiner, VS16 and the keycap of emoji sequences)
EMOJI_CHARS = frozenset(chr(cp) for a, b in EMOJI_RANGES for cp in range(a, b + 1))
# (What text_prior has a word on: an emoji, or a variation selector; most texts it is asked about hold neither.)
_PRIORED = re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in EMOJI_RANGES)
                      + "\ufe00-\ufe0f]")
CLIP = 7.0  # nats either way: a prior that orders emoji, and corrects the model where it knows no emoji at all


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    with open_data("emoji_freq.json") as fh:
        logs: dict[str, float] = json.load(fh)["log10_frequency"]
    median = statistics.median(logs.values())
    # (An emoji the table lacks is rarer than any it lists: the floor.)
    return {ch: max(-CLIP, min(CLIP, math.log(10) * (v - median))) for ch, v in logs.items()}


def emoji_prior(ch: str) -> float:
    """Nats to add to the model's score of the emoji ``ch`` (0 for a character that is no emoji)."""
    if ch < "\u2300":
        return 0.0
    if "\ufe00" <= ch <= "\ufe0e":
        return -CLIP  # (the variation selector an emoji takes is VS16, U+FE0F; the others mark CJK and math variants)
    if ch not in EMOJI_CHARS:
        return 0.0
    if ch in SKIN_TONES:
        return 0.0  # (written after an emoji, never first: the table, by a token's first character, has none)
    return _table().get(ch, -CLIP)


def text_prior(text: str) -> float:
    """:func:`emoji_prior` summed over ``text``, and what follows an emoji as the rule it is: VS16 (`❤️` is written
    three times as often as `❤`, wordfreq's counts say; the model, which never saw it, charges U+FE0F 10 nats), a
    skin tone (`👍🏽`, not `👍🍽`: both lose their third byte to cp1252)."""
    if text.isascii() or _PRIORED.search(text) is None:
        return 0.0
    total = 0.0
    for k, ch in enumerate(text):
        if ch >= "\u2300":
            if k and text[k - 1] in EMOJI_CHARS and (ch == VS16 or ch in SKIN_TONES):
                total += CLIP
            else:
                total += emoji_prior(ch)
    return total


def is_emoji(ch: str) -> bool:
    """Whether ``ch`` is an emoji or one of the joiners emoji sequences are built with."""
    return ch in EMOJI_CHARS or ch in EMOJI_JOINERS


def used_emoji(ch: str) -> bool:
    """Whether ``ch`` is an emoji people write (the table lists it), VS16 or a skin tone: what a lost byte may have hid
    (not a mahjong tile, U+1F02F, in the middle of a Russian word)."""
    return ch == VS16 or ch in SKIN_TONES or ch in _table()
