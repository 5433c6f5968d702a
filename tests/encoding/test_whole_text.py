"""Whole-text readings: a text that went through one wrong decoder from end to end comes back in one round trip."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain
from unmangle.document import apply_edits
from unmangle.encoding.whole_text import whole_text_first

CASES = {
    "gbk": "The café’s owner said it’s over.",
    "koi8-r": "Городской совет отложил голосование до июня, сообщили в мэрии.",
    "iso-8859-7": "Το δημοτικό συμβούλιο ανέβαλε την ψηφοφορία για τον Ιούνιο.",
    "shift_jis": "Müller und Schröder gewannen.",
    "euc_kr": "Señor Muñoz está aquí.",
    "big5": "Pokémon and café are both naïve words.",
}


@pytest.mark.parametrize("wrong", sorted(CASES))
def test_a_text_read_whole_with_one_decoder_comes_back_word_by_word(wrong: str) -> None:
    original = CASES[wrong]
    broken = original.encode("utf-8").decode(wrong)
    edits = whole_text_first(broken)
    assert edits is not None and apply_edits(broken, edits) == original
    assert all(e.kind == "mojibake" and e.detail.startswith("utf-8 read as ") for e in edits)
    assert all(broken[e.start:e.end] == e.before and " " not in e.before for e in edits)
    assert fix_and_explain(broken)[0] == original


def test_one_word_with_one_character_is_left_to_the_full_repair() -> None:
    # `Рі` is cp1251 for `г`, and a Korean name in Ukrainian: one word says too little.
    assert whole_text_first("Міністр Рі прибув до Нью-Йорка.") is None


def test_clean_text_and_lost_bytes_are_not_read_whole() -> None:
    assert whole_text_first("Городской совет отложил голосование до июня.") is None
    assert whole_text_first("It\ufffd\ufffd\ufffds a nice day, isn\ufffd\ufffd\ufffdt it?") is None
