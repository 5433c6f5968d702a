"""Whether a text gets past the repair's entry points: the gate, and a second look where the gate has only
the model's word.

A clean paragraph the model never saw holds, now and then, a letter it finds improbable where it stands: a
name (`Brøderbund`, `Saint-Saëns`), a unit (`27 ºC`), a diaeresis (`naïve`), a word in capitals
(`КОАТУУ`). A legacy code page read as another shows such letters too, which is why the gate lets them
through; but the full repair then spends milliseconds on each of them to change nothing, more than the clean
path spends on a thousand clean paragraphs. The second look asks what the repair would ask first, cheaply:
does ftfy's badness heuristic flag one of those words, does a decoder read one better without lost bytes
(readings kept by word, apart from the repair's, whose cache keys include the costly lossy search), or, failing
that, do the text's other words agree with the pair the best reading named (a Czech text read as cp1252 shows
one rare `ø` and many common `è` and `ì` that cp1250 reads better)?
"""

from __future__ import annotations

import re
from functools import lru_cache

from ftfy.badness import is_bad

from unmangle.encoding import gate
from unmangle.encoding.lexicon import reads_into_a_word
from unmangle.encoding.model import capitals_of, default_model, folding_cyrillic, score_few
from unmangle.encoding.readings import MIXED_SCRIPT, candidate_readings, token_around
from unmangle.encoding.token_scores import PAIR_CODECS, pair_of, pair_rank, reread_words

WORD_MARGIN = -0.5  # a reading of an odd word this close to standing is worth the repair's full judgment
VOTE_WORDS = 2  # distinct words a pair must change, for the text to speak for it
VOTE_GAIN = 5.0  # nats the words it changes must gain in all (real text: at most 3 over one word)
VOTE_PAIRS = 1  # pairs the odd words offer that are put to the text
VOTE_SAMPLE = 8  # words it changes that are scored (a garbled text shows its pair in every one)


def reaches_repair(text: str, first: re.Match[str] | None = gate.UNSCANNED) -> bool:
    """Whether ``text`` gets past the clean path of ``fix_text`` and ``fix_and_explain`` (``first``: see
    :func:`gate.judge`)."""
    verdict = gate.judge(text, first)
    if isinstance(verdict, bool):
        return verdict
    with capitals_of(text):  # (its words in capitals judged as the repair would: `КОАТУУ` is no mojibake)
        return decoder_reads_better(text, verdict)


def decoder_reads_better(text: str, odd: tuple[int, ...]) -> bool:
    """Whether a decoder reads the words at ``odd`` positions of ``text`` better, or the pair their best
    readings name reads the whole text better, word by word."""
    # (Each word once: a name recurs in its paragraph, `Caraïbes` six times in one.)
    tokens = list(dict.fromkeys(text[a:b] for a, b in sorted({token_around(text, pos) for pos in odd})))
    if any(map(is_bad, tokens)):
        return True  # (ftfy's badness heuristic knows the shape: `Saabéˆ¥which`, a layer over lost bytes)
    if any(map(reads_into_a_word, tokens)):
        return True  # (a word no language spells so, that a neighbouring code page reads into one)
    offers = [offer for token in tokens for offer in _offers(token, folding_cyrillic())]
    if not offers:
        return False
    if max(margin for margin, _ in offers) >= WORD_MARGIN:
        return True
    # (Pairs that read a word alike tie: the commoner decoder is asked, as the repair names such readings.)
    ranked = sorted((-margin, pair_rank(pair), pair) for margin, pair in offers if pair in PAIR_CODECS)
    for pair in list(dict.fromkeys(pair for *_, pair in ranked))[:VOTE_PAIRS]:
        gains = [gain for _, _, gain in reread_words(text, pair, VOTE_SAMPLE)]
        if len(gains) >= VOTE_WORDS and sum(gains) >= VOTE_GAIN and 2 * sum(g > 0 for g in gains) >= len(gains):
            return True
    return False


@lru_cache(maxsize=8192)
def _offers(token: str, _folding: bool | None) -> tuple[tuple[float, str], ...]:
    """The margin of each lossless reading of ``token``, with the pair it names (remembered: a text's odd
    words, `ºC` and `naïve`, recur across a corpus; by how the text folds capitals, which the scores follow)."""
    model = default_model()
    # (Lossless readings: a lost byte shows as more than an odd letter, and searching for one costs the most.)
    # (Not readings that glue another script's letters to ASCII ones: they need a gain no odd word gives.)
    readings = candidate_readings(token, model, lossless_only=True, below_gain=MIXED_SCRIPT)
    texts = list(dict.fromkeys(token[:r.start] + r.text + token[r.end:] for r in readings))
    own, *others = score_few(model, [token, *texts])
    scores = dict(zip(texts, others, strict=True))
    return tuple((scores[token[:r.start] + r.text + token[r.end:]] - own - r.min_gain - r.cost, pair_of(r))
                 for r in readings)
