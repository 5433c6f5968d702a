"""The second look: odd letters the model alone doubts go to the full repair only if a decoder reads them, or
the text around them, better."""

from __future__ import annotations

import pytest

from unmangle.encoding.second_look import decoder_reads_better, reaches_repair


def _at(text: str, *letters: str) -> tuple[int, ...]:
    return tuple(text.index(letter) for letter in letters)


@pytest.mark.parametrize("text, odd", [
    ("Le nom « Caraïbes » vient des Caribes, un groupe amérindien.", "ï"),
    ("Los ejecutivos de Brøderbund Gary Carlston y Don Daglow.", "ø"),
    ("New York City könnte am Dienstag 27\u00a0ºC erreichen, was ungefähr 6\u00a0Grad mehr ist.", "º"),
    ("Il se peut même que l'Athenæum et la bibliothèque du Capitole aient brûlé.", "æ"),
    ("Код КОАТУУ -- 6322682502.", "Т"),
])
def test_a_clean_odd_name_or_unit_is_not_worth_the_repair(text: str, odd: str) -> None:
    assert not decoder_reads_better(text, _at(text, odd))


def test_a_legacy_word_a_decoder_reads_back_is_worth_the_repair() -> None:
    text = "Ïðåçèäåíò ïîñåòèë Ìîñêâó."  # (cp1251 read as cp1252)
    assert decoder_reads_better(text, _at(text, "ð"))


def test_the_text_speaks_for_the_pair_when_the_odd_word_alone_does_not() -> None:
    # One rare letter (ø for ř) among letters French also writes (è for č, ì for ě): cp1250 read as cp1252.
    text = "Byl to „sladkohoøkou“ pøíbìh o ètyøech pøátelích, kteøí se vrátili domù po letech války."
    assert decoder_reads_better(text, _at(text, "ø"))


def test_a_shape_ftfy_knows_is_worth_the_repair_without_a_reading() -> None:
    text = "This shop is by far the best. I have a Saabéˆ¥which I love."
    assert decoder_reads_better(text, _at(text, "ˆ"))


@pytest.mark.parametrize("text, expected", [
    ("It鈥檚 the best caf茅 in town.", True),
    ("Ã‰tÃ© Ã  Paris, cafÃ© et crÃ¨me brÃ»lÃ©e.", True),
    ("Plain English text with nothing odd in it.", False),
    ("Москва — столица России, крупнейший город страны.", False),
])
def test_the_entry_points_clean_path(text: str, expected: bool) -> None:
    assert reaches_repair(text) is expected


def test_rare_letters_in_names_across_a_page_do_not_send_it_to_the_repair() -> None:
    # Two rare Latin-1 letters in two words were evidence by their count alone; a page's language list meets it.
    page = ("Encyclopædia Britannica, 11th edition.\n\nLanguages: Dansk, Føroyskt, Norsk bokmål, Kaszëbsczi, "
            "Lëtzebuergesch, Võro, Português, Español.")
    assert not reaches_repair(page)


def test_rare_letters_a_decoder_reads_back_still_go_to_the_repair() -> None:
    polish = "Wczoraj rz¹d og³osi³, ¿e nowa ustawa wejdzie w ¿ycie za dwa tygodnie."  # (cp1250 read as cp1252)
    assert reaches_repair(polish)
