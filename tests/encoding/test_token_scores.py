"""Token scores: the readings of a token and their margins, remembered within bounds."""

from __future__ import annotations

from unmangle.encoding import token_scores
from unmangle.encoding.token_scores import NO_DECODERS, reread_words, score_tokens


def test_a_full_token_cache_is_emptied_without_losing_the_tokens_a_call_asks_for(monkeypatch) -> None:
    # The cache of scored tokens is emptied when full (a worker's memory must not grow with the corpus): a call
    # that asks for tokens cached before and new ones at that moment raised KeyError, past 30,000 tokens.
    monkeypatch.setattr(token_scores, "_CACHE_LIMIT", 2)
    monkeypatch.setattr(token_scores, "_CACHE", {})
    keys = [(t, "", token_scores.NO_DECODERS) for t in ("caf茅", "Ã©t", "naÃ¯ve")]
    first = token_scores.score_tokens(keys)
    again = token_scores.score_tokens(keys[:1] + [("Ã¼ber", "", token_scores.NO_DECODERS)])
    assert again[0] == first[0] and len(again) == 2


def test_a_token_read_back_by_its_decoder_has_a_reading_that_stands() -> None:
    ((margin, reading), *_) = sorted(score_tokens([("cafÃ©", "", NO_DECODERS)])[0], key=lambda s: -s[0])
    assert reading.text == "café" and margin > 0 and reading.detail == "utf-8 read as cp1252"


def test_rereading_a_czech_text_read_as_cp1252_gains_on_every_word_cp1250_changes() -> None:
    text = "Pøed lety se ètyøi studenti rozhodli, že pøevezmou vedení a pøíští rok budou hrát."
    words = reread_words(text, "cp1250 read as cp1252")
    assert {old for old, _, _ in words} == {"Pøed", "ètyøi", "pøevezmou", "pøíští"}
    assert all(gain > 0 for _, _, gain in words)
    assert ("ètyøi", "čtyři") in {(old, new) for old, new, _ in words}
