"""Lost bytes read back into a known word where the character model's guess is no word."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain, fix_text
from unmangle.document import Edit
from unmangle.encoding.known_words import with_known_readings, with_known_words


@pytest.mark.parametrize("wrong", ["euc_kr", "euc_jp"])
def test_a_lost_sharp_s_is_read_back_where_the_model_guessed_a_grave_a(wrong: str) -> None:
    # `ß` (C3 9F) and `à` (C3 A0) give EUC-KR the same two marks; the model, which knows no language, finds
    # `raà` a shade likelier than `raß`.
    clean = "Zürich Straße"
    broken = clean.encode("utf-8").decode(wrong, "replace")
    assert "\ufffd\ufffd" in broken
    fixed, edits = fix_and_explain(broken)
    assert fixed == clean
    assert any(e.after.endswith("Straße") and e.kind == "lost-byte" for e in edits)


def test_a_whole_german_sentence_reads_its_lost_letters_back() -> None:
    clean = "Die Größe der Straße ist groß."
    assert fix_text(clean.encode("utf-8").decode("euc_kr", "replace")) == clean


def test_a_known_word_must_give_exactly_the_marks_seen() -> None:
    # `Straße` through EUC-KR shows two marks, `Strasse` none: a known word that does not give the text as it
    # was seen is no reading of it.
    edit = Edit("lost-byte", 0, 7, "Stra\ufffde", "Straàe", 0.5, "utf-8 read as euc_kr, lost bytes replaced by U+FFFD")
    assert with_known_words("Stra\ufffde", [edit]) == [edit]


def test_edits_without_marks_are_left_as_they_are() -> None:
    edit = Edit("mojibake", 0, 6, "Z체rich", "Zürich", 0.9, "utf-8 read as euc_kr")
    assert with_known_words("Z체rich", [edit]) == [edit]


def _dropped(clean: str, wrong: str) -> str:
    return clean.encode("utf-8").decode(wrong, "ignore")


@pytest.mark.parametrize(("clean", "guess", "wrong"), [
    ("Όταν", "Μταν", "cp1253"),  # (0x8C and 0x9C are both lost by cp1253: `Ξ` then `ταν` is all there is)
    ("ύποπτο", "όποπτο", "cp1253"),
    ("нас", "наь", "cp1257"),  # (D1 81 and D1 8C: cp1257 drops both continuations)
])
def test_a_dropped_byte_is_read_back_into_the_known_word_that_shows_the_same(clean: str, guess: str,
                                                                              wrong: str) -> None:
    before = _dropped(clean, wrong)
    assert _dropped(guess, wrong) == before
    edit = Edit("lost-byte", 0, len(before), before, guess, 0.5, f"utf-8 read as {wrong}, lost bytes put back")
    assert with_known_words(before, [edit])[0].after == clean


def test_a_guess_that_is_a_known_word_stands() -> None:
    # `наш` and `нас` show alike through cp1257; both are words, and the model's choice between them stands.
    before = _dropped("наш", "cp1257")
    edit = Edit("lost-byte", 0, len(before), before, "наш", 0.5, "utf-8 read as cp1257, lost bytes put back")
    assert with_known_words(before, [edit]) == [edit]


def test_greek_and_russian_sentences_through_a_lossy_code_page_come_back_whole() -> None:
    for clean, wrong in [("Όταν αποκτήσουμε αυτή την ορμή, υπάρχει μεγάλη πίεση.", "cp1253"),
                         ("Он верит, что никто из ждущих нас не ждет нас.", "cp1257")]:
        assert fix_text(_dropped(clean, wrong)) == clean


@pytest.mark.parametrize(("clean", "wrong"), [
    ("şehir", "cp1252"),  # (ISO-8859-15 reads the same bytes as `žehir`)
    ("café", "cp1257"),  # (cp1250 reads them as `cafƩ`, which ftfy takes)
    ("piñata", "cp1257"),
    ("Zürich", "iso-8859-2"),
    ("über", "cp1250"),  # (ftfy's heuristic lets `ĂĽber` pass; a known word is read back all the same)
    ("İstanbul", "cp1251"),
])
def test_a_lone_word_is_read_with_the_decoder_that_makes_it_a_word(clean: str, wrong: str) -> None:
    assert fix_text(clean.encode("utf-8").decode(wrong)) == clean


def test_a_rarer_decoder_does_not_turn_one_character_into_a_letter_real_text_seldom_writes() -> None:
    # `ÄŒapek` is cp1252's `Čapek` (ftfy's heuristic does not flag it); ISO-8859-15 reads it as Latvian `ļapek`.
    assert fix_text("ÄŒapek") in ("ÄŒapek", "Čapek")


def test_bytes_too_thin_for_ftfy_s_decoders_are_no_rarer_decoder_s_letter() -> None:
    # `MĂźller` is ISO-8859-2's `Müller`, a name the vocabulary lacks and ftfy's heuristic lets pass; ISO-8859-16
    # reads it as `Mîller`, which the model likes less: the bytes stay as they are.
    assert fix_text("Herr MĂźller sagt") in ("Herr MĂźller sagt", "Herr Müller sagt")


def test_a_word_read_by_the_text_s_decoder_is_kept_when_many_words_name_it() -> None:
    # (Many words read with cp1250: one that makes no known word is not read with another decoder.)
    edits = [Edit("mojibake", 10 * k, 10 * k + 5, "Ă©x", "éx", 0.9, "utf-8 read as cp1250") for k in range(4)]
    assert with_known_readings("", edits) == edits


def test_a_lost_dash_between_english_words_is_the_dash_english_writes() -> None:
    # `—` (E2 80 94) and `–` (E2 80 93) both lose their last byte to Shift-JIS: English text writes `—` most
    # (the corpus's share, counted by build_word_stats.py), where the multilingual model likes `–`.
    from unmangle.page.wordstats import language_stats

    english, german = language_stats("en"), language_stats("de")
    assert english is not None and german is not None and english.em_dash > 0.7 > 0.3 > german.em_dash
    clean = "The deal — signed in May after months of talks — was a turning point for the company and its workers."
    broken = clean.encode("utf-8").decode("shift_jis", "replace")
    assert fix_text(broken) == clean
