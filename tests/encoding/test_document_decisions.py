"""The text is decided as a whole: the codec pair most of its words agree on, the letters it already uses, and
the scripts around a word weigh in where one word alone is ambiguous."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain, fix_text
from unmangle.encoding.readings import find_suspect


def _as(text: str, true: str, wrong: str) -> str:
    return text.encode(true).decode(wrong)


TURKISH = ("HER2, meme, rahim, akciğer ve kalın bağırsak kanserleri de dahil olmak üzere birçok türde kanserin "
           "büyümesine sebep oluyor, diye açıkladı. Bağışıklık hücrelerini hastalardan alıp onlara kanser "
           "hücrelerini nasıl hedef alacaklarını öğretmeye benzer bir yaklaşım.")
CZECH = ("V roce 2010 nadace vydala vysázenou edici, což dílo zpřístupnilo těm, pro koho představoval překážku "
         "pocit provizornosti z ofsetového tisku.")


def test_turkish_read_as_cp1252_is_repaired_in_every_word_not_only_the_odd_looking_ones() -> None:
    # Only `Bağışıklık` looks like mojibake on its own; the whole text votes for cp1254.
    assert fix_text(_as(TURKISH, "cp1254", "cp1252")) == TURKISH


def test_czech_read_as_cp1252_is_repaired_where_rare_latin_letters_give_it_away() -> None:
    fixed = fix_text(_as(CZECH, "cp1250", "cp1252"))
    assert "zpřístupnilo" in fixed and "představoval" in fixed and "překážku" in fixed


@pytest.mark.parametrize("text", [
    "Søren Kierkegaard og Cæsar mødtes i Århus på en kølig dag, og de så på søen.",
    "Þórður og Guðrún fóru til Reykjavíkur á mánudaginn með börnunum sínum.",
    "Ã e Õ são letras do alfabeto português; os pães e as mães põem a mesa.",
])
def test_languages_the_model_does_not_know_are_not_taken_for_a_legacy_codec(text: str) -> None:
    assert fix_and_explain(text) == (text, [])


def test_a_double_layer_follows_the_codec_chain_the_rest_of_the_text_went_through() -> None:
    original = "Bu burcun kadınlarında umulmayan sari bir neşe vardır. 4 çorba kaşığı yoğurt."
    broken = _as(_as(original, "utf-8", "cp1252"), "utf-8", "cp1252")
    assert fix_text(broken) == original  # neşe, not the iso-8859-15 reading neže


def test_a_lost_letter_the_document_already_uses_wins_a_close_call() -> None:
    original = "Česká republika je vnitrozemský stát ve střední Evropě, člověk tam žije dobře."
    broken = original.encode("utf-8").decode("cp1252", "replace")  # č loses its 0x8D
    assert fix_text(broken) == original  # člověk, not the Vietnamese-looking đlověk


def test_a_three_byte_shape_is_read_whole_before_its_two_byte_prefix() -> None:
    assert fix_text("サイポフ (30 " + _as("歳", "utf-8", "mac-roman") + ") は") == "サイポフ (30 歳) は"


@pytest.mark.parametrize("text", [
    "Зараз він інвестує в дослідження ШІ більше 100 мільйонів доларів на рік.",  # not Arabic ز
    "کنی وست: خواننده رپ که نام خود را به Ye تغییر داد",  # not Cyrillic с
    "Проте в субботу лідер Північної Кореї Рі Йон-Хо прибув до Москви.",  # not cp1251 for г
])
def test_a_short_word_that_spells_another_scripts_character_stays(text: str) -> None:
    assert fix_text(text) == text


@pytest.mark.parametrize("text", [
    "ไปที่ตลาดในวันเสาร์และซื้อผลไม้สดจากชาวสวน",  # Thai letters shaped like cp874 UTF-8
    "Україна і Польща підписали угоду про співпрацю в галузі енергетики.",  # і after a lead-like letter
    "她的名字叫王婷，住在北京。",  # one rare character among common ones
])
def test_clean_text_that_only_looks_odd_in_places_raises_no_alarm(text: str) -> None:
    assert find_suspect(text) is None


def test_one_word_ftfy_reads_with_cp1252_is_not_given_to_a_decoder_ftfy_does_not_know() -> None:
    # `Ãœ` is `Ü` through cp1252 and `ý` through ISO-8859-15; alone, nothing says ISO-8859-15.
    assert fix_text("Ãœ") == "Ü"
    # With the word around it, the rarer decoder still wins where it reads the text far better.
    assert fix_text("WÃ€hrend der Zeit") == "Während der Zeit"


def test_bytes_too_thin_for_a_utf8_reading_are_not_read_as_a_legacy_cjk_word() -> None:
    # Two Latin-1 letters whose UTF-8 reading ftfy's heuristic does not believe are not `책` in EUC-KR.
    assert fix_text("Ã¥") == "Ã¥"
    assert fix_text("ÇÑ±¹¾î ÅØ½ºÆ®") == "한국어 텍스트"  # (a legacy text of its own still is)


def test_a_rival_decoder_no_better_than_ftfys_reading_does_not_overrule_it() -> None:
    # ISO-8859-2 and cp1250 read `mĂ¤nnliche` alike; only cp1250 (ftfy's) reads `SteiĂźbein` as `Steißbein`.
    assert fix_text(_as("männliche Steißbein", "utf-8", "sloppy-windows-1250")) == "männliche Steißbein"


@pytest.mark.parametrize("text", ["½ + ¼ = ¾; α → β ⇒ γ", "x = ¾; y", "±¾", "Tolerance: ±¾ inch, at 90°."])
def test_signs_alone_are_not_read_as_a_legacy_texts_letters(text: str) -> None:
    # `¾;` is EUC-KR's reading of Big5 `取;`, `±¾` cp1252's of ISO-8859-2 `ąž`: one token of signs, no other
    # token to agree, is what the writer wrote.
    assert fix_and_explain(text) == (text, [])


def test_signs_that_other_tokens_agree_on_are_still_read_as_a_legacy_text() -> None:
    assert fix_text("±¾ÎÄ ±¾ÎÄ") == "本文 本文"
    assert fix_text("ÎÒ°®±±¾©Ìì°²ÃÅ") == "我爱北京天安门"
