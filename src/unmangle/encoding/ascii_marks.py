"""Question marks inside an ASCII word: a UTF-8 character a decoder could not map, one `?` a byte.

An ASCII decoder (or Big5, EUC-KR, EUC-JP, which map none of the bytes of UTF-8 punctuation) that replaces
what it cannot map, in a page then saved in a code page without U+FFFD, turns `we’ve` into `we???ve`: three
marks for the three bytes of `’`. Nothing else in such a text is outside ASCII, so no decoder's trace names
the damage; but three marks between two letters or opening a word are no writer's punctuation (`What???` and
`?id=5` are; two, `x??y`, are an operator of C# and JavaScript), and three marks are a character of three
bytes. A text that shows them so has every run of three read back (`,???` closing a quote, ` ??? ` a dash).

A text all in ASCII is in a language written in ASCII letters, so that character is a sign: an apostrophe, a
quote, a dash (not the Vietnamese letter the multilingual model would put in `you???re`). Each run is read
back as the sign real text commonly writes that the model finds most probable there, with the rules of how
quotes pair that the lost-byte search uses.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unmangle.document import Edit
from unmangle.encoding.lost_bytes import QUOTE_MARKS, _pairing_bonus
from unmangle.encoding.model import confidence, default_model, fold_capitals, score_many
from unmangle.encoding.readings import COMMON, _less

# Where three marks are no writer's: between two letters, or opening a word.
# Or standing alone between two words of a sentence, where a dash stood (`arms ??? sold`): a writer's own
# marks end a word, never stand spaced before a small letter.
_TELL = re.compile(r"(?:(?<=[A-Za-z])|(?<![^\s(\[]))\?{3}(?=[A-Za-z])|(?<=[a-z0-9,] )\?{3}(?= [a-z])")
_RUN = re.compile(r"(?<!\?)\?{3}(?!\?)")  # (every run of three, once the text shows one where no writer puts it)
_TOKEN = re.compile(r"\S+")
MIN_GAIN = 2.0  # nats the reading must gain over the marks as they stand
DETAIL = "utf-8 read as ascii, '?' for each byte, lost bytes put back"


def has_marks(text: str) -> bool:
    """Whether an ASCII ``text`` holds three question marks between two letters or opening a word."""
    return "???" in text and _TELL.search(text) is not None


@lru_cache(maxsize=1)
def _signs() -> tuple[str, ...]:
    """Signs of three bytes in UTF-8 that real text commonly writes (quotes, dashes, `…`, `€`, `™`)."""
    return tuple(sorted(c for c in COMMON if len(c.encode("utf-8")) == 3
                        and unicodedata.category(c)[0] in "PS" and not c.isspace()))


def ascii_marks(text: str) -> list[Edit]:
    """Edits reading back each word of the ASCII ``text`` with marks inside it (see the module's docstring)."""
    if not has_marks(text):
        return []
    model = default_model()
    signs = _signs()
    edits = []
    quotes = ""  # (the quote marks before the token, as repaired so far: all the pairing rules look back at)
    for m in _TOKEN.finditer(text):
        token = m.group()
        if _RUN.search(token) is None:
            quotes += "".join(c for c in token if c in QUOTE_MARKS)
            continue
        left, right = text[max(0, m.start() - 2):m.start()], text[m.end():m.end() + 2]
        before = quotes + text[m.start() - 1:m.start()]  # (and the space before the token)
        reading = token
        paired = 0.0  # (what the pairing rules said for the signs chosen: a quote closing one opened is evidence)
        while (run := _RUN.search(reading)) is not None:  # (left to right: a quote opened is seen closing)
            a, b = run.span()
            options = [reading[:a] + s + reading[b:] for s in signs]
            scores = score_many(model, [fold_capitals(left + o + right) for o in options])
            # (How quotes pair, which the trigram model cannot see: `’` between letters is an apostrophe.)
            bonus = _pairing_bonus(before + reading[:a], list(signs), reading[b:] + right)
            best = int((scores + bonus).argmax())
            reading, paired = options[best], paired + float(bonus[best])
        gain = (model.score(left or " ", fold_capitals(reading), right or " ")
                - model.score(left or " ", fold_capitals(token), right or " "))
        taken = gain >= _less(MIN_GAIN, paired)
        if taken:
            edits.append(Edit("lost-byte", m.start(), m.end(), token, reading,
                              confidence(gain - MIN_GAIN), DETAIL))
        quotes += "".join(c for c in (reading if taken else token) if c in QUOTE_MARKS)
    return edits
