"""Known words as evidence: a sentence in one code page read with its neighbour comes back by its words."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain, fix_text
from unmangle.encoding.lexicon import best_by_words, count_words, reads_into_a_word

# Sentences too short for the character model to rank a legacy reading, in code pages whose letters mostly
# survive another's reading: one rare letter (`þ`, `ø`) the model lets pass, and `ý`, `è` it finds plausible.
SHORT = {
    ("cp1254", "cp1252"): "Hâlâ ülkede yaşamaya devam eden insanlardan altı milyon kadarı da insani yardıma.",
    ("cp1250", "cp1252"): "Je zapotřebí většiny třetí strany, konkrétně 367 hlasů poslanců.",
    ("iso-8859-2", "latin-1"): "W wieku 18 lat odebrał sobie życie.",
}


@pytest.mark.parametrize("true,wrong", sorted(SHORT))
def test_a_short_legacy_sentence_comes_back_by_its_words(true: str, wrong: str) -> None:
    original = SHORT[(true, wrong)]
    broken = original.encode(true).decode(wrong)
    fixed, edits = fix_and_explain(broken)
    assert fixed == original
    # (cp1250 and ISO-8859-2 read most words alike: the commoner is named.)
    assert edits and all(e.kind == "mojibake" and e.detail.split(" read as ")[0] in (true, "cp1250") for e in edits)


def test_words_turned_into_known_ones_are_counted_and_known_ones_lost_are_too() -> None:
    broken = "Sanki aðustos böceðinin o sýcak müziðini duyar gibi oldum."
    right = count_words(broken, broken.encode("cp1252").decode("cp1254"))
    assert right.gained >= 3 and right.lost == 0
    # Bulgarian read as Hebrew turns known words into no words: that reading loses them.
    clean = "Има забавление в хаоса."
    assert count_words(clean, clean.encode("cp1251").decode("cp1255")).lost >= 1


def test_a_reading_that_glues_two_scripts_or_makes_words_of_signs_is_not_taken() -> None:
    text = "Ã e Õ são letras do alfabeto português; Â, Ê e Ô levam acento circunflexo."
    greek = text.encode("cp1252").decode("cp1253")  # (`sγo`, single letters `Γ` and `Υ`)
    assert best_by_words(text, [greek], {greek: 100.0}) is None
    signs = "Tolerance: ±¾ inch, at 90°."
    cyrillic = signs.encode("cp1252").decode("iso-8859-5")  # (`БО` from `±¾`)
    assert best_by_words(signs, [cyrillic], {cyrillic: 100.0}) is None


def test_an_odd_word_another_code_page_reads_into_a_word_is_told_from_a_name() -> None:
    assert reads_into_a_word("yaþamaya")  # Turkish `yaşamaya` through cp1254
    assert reads_into_a_word("tøikrát")  # Czech `třikrát` through cp1250
    for name in ("Brøderbund", "Saëns", "naïve", "også", "Encyclopædia", "Þór"):
        assert not reads_into_a_word(name)


@pytest.mark.parametrize("text", [
    "A população de São Paulo cresceu; as eleições não mudaram.",
    "Très bien, à bientôt, dit-il à Noël.",
    "Þór og Óðinn eru æsir í norrænni goðafræði.",
    "Brøderbund and Saint-Saëns, naïve as ever.",
    "Ýmir var frumjötunn.",
])
def test_clean_latin_text_is_not_read_as_another_code_page(text: str) -> None:
    assert fix_text(text) == text


@pytest.mark.parametrize("original,true,wrong", [
    ("Wrocław jest pięknym miastem.", "cp1250", "cp1252"),
    ("Wśród nich jest dawny klasztor z opactwa św.", "iso-8859-2", "latin-1"),
])
def test_a_sign_between_letters_is_read_back_though_no_word_it_makes_is_known(original: str, true: str,
                                                                               wrong: str) -> None:
    # (`Wroc³aw` and `W¶ród` are no spelling of any language as they stand: the reading is kept though the
    # corpora spell none of its words, a name or a form they never showed.)
    broken = original.encode(true).decode(wrong)
    fixed = fix_text(broken)
    assert "\u00b3" not in fixed and "\u00b6" not in fixed
    assert fixed.split()[0] == original.split()[0]


@pytest.mark.parametrize("token", ["yaþamaya", "tøikrát", "Caraïbes,", "ºC", "gra³", "Ôôô", "КОАТУУ", "naïve"])
def test_an_odd_word_is_read_back_by_each_pair_as_a_round_trip_through_the_codecs_would(token: str) -> None:
    # (The pairs are read with translation tables, and only those that can have written the word: the answer
    # must be what encoding with the wrong decoder and decoding with the true code page gives.)
    from unmangle.encoding.lexicon import _SINGLE_BYTE_PAIRS, _pair_tables

    masks, tables = _pair_tables()
    readable = -1
    for ch in set(token):
        readable &= masks.get(ch, 0)
    for bit, (wrong, true) in enumerate(_SINGLE_BYTE_PAIRS):
        try:
            expected = token.encode(wrong).decode(true)
        except UnicodeError:
            expected = None
        assert (token.translate(tables[bit]) if readable >> bit & 1 else None) == expected, (wrong, true)
