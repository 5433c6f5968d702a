"""Whole-text readings: a text that went through one wrong decoder from end to end comes back in one round trip."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain
from unmangle.document import apply_edits
from unmangle.encoding.whole_text import whole_legacy_first, whole_text_first

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


def test_utf8_that_lost_bytes_is_not_read_whole_as_a_legacy_text() -> None:
    # Russian through cp1252, whose 0x81 (`с` is D1 81) was dropped: every byte left decodes as cp874, Thai noise
    # the model ranks above the mojibake; the bytes are UTF-8 with a few continuations lost, which the token search
    # reads back.
    clean = "в современной Германии не"
    broken = clean.encode("utf-8").decode("cp1252", "ignore")
    assert whole_legacy_first(broken) is None
    assert fix_and_explain(broken)[0] == clean


def test_a_text_some_decoder_reads_whole_as_utf8_is_not_read_as_a_legacy_text() -> None:
    # Persian through KOI8-R: KOI8-R and KOI8-U part on a box-drawing sign, so neither reading is taken whole,
    # and Big5 read as GBK made common hanzi of it (`扮肚戒沔`).
    clean = "یکی از روزنامه\u200cهای ایالات"
    broken = clean.encode("utf-8").decode("koi8_r")
    assert whole_legacy_first(broken) is None
    assert fix_and_explain(broken)[0] == clean


LEGACY = {
    ("koi8-r", "cp1251"): "Городской совет отложил голосование до июня, сообщили в мэрии.",
    ("cp1254", "cp1252"): "Belediye meclisi oylamayı hazirana kadar erteledi, değişiklik yapılmadı.",
    ("euc_kr", "latin-1"): "시의회는 투표를 6월까지 연기했다고 시청이 밝혔다.",
}


@pytest.mark.parametrize("true,wrong", sorted(LEGACY))
def test_a_legacy_text_read_whole_with_another_codec_comes_back(true: str, wrong: str) -> None:
    original = LEGACY[(true, wrong)]
    broken = original.encode(true).decode(wrong)
    edits = whole_legacy_first(broken)
    assert edits is not None and apply_edits(broken, edits) == original
    assert all(e.detail.startswith(f"{true} read as ") for e in edits)


def test_a_latin_text_the_model_knows_less_well_is_not_read_as_another_code_page() -> None:
    # Portuguese through cp1250 is Romanian-looking (`năo`): a few nats a word, not a legacy text's dozens.
    text = "A população de São Paulo cresceu; as eleições de outubro não mudaram a situação das mães."
    assert whole_legacy_first(text) is None


def test_ascii_glued_to_another_script_is_no_legacy_reading() -> None:
    # UTF-8 quotes read as Shift-JIS, then as cp1252: as cp1251 they would be Cyrillic glued to English.
    text = "Ya can\u00e7\u00aa\u00b6\u00e5\u2020\u00b2. They don\u00e7\u00aa\u00b6\u00e5\u2020\u00b2 show it, " \
        "here\u00e7\u00aa\u00b6\u00e5\u2020\u00b1 an update."
    assert whole_legacy_first(text) is None


def test_a_common_cjk_character_after_a_latin_name_stays() -> None:
    # `于` is GBK's reading of UTF-8 `в`: one character, glued to a name, in Chinese that writes it there.
    text = "ARPANET和SITA HLN于 1969年 开始运营。"
    assert fix_and_explain(text) == (text, [])


def test_east_asian_scripts_count_as_one_with_their_marks() -> None:
    # `ー` is named KATAKANA-HIRAGANA and `々` IDEOGRAPHIC: a lost byte put back as one of them in Japanese text
    # brings in no new script.
    from unmangle.encoding.repair import _east_asian, _scripts

    assert _scripts("コンピューター々ｦ한국語") <= _east_asian()


def test_one_character_over_and_over_is_left_alone() -> None:
    # `ææææ` is EUC-JP `聿聿` through cp1252 and `óóóó` EUC-KR `밸밸`: the model likes repeated CJK, but no
    # decoder wrote a token of one character and nothing else. Found by hypothesis (idempotence).
    for text in ("æ" * 40, "ó" * 40, "Ð" * 12):
        assert fix_and_explain(text) == (text, [])


def test_utf8_read_twice_is_not_read_whole_as_a_legacy_text() -> None:
    # `…` through Shift-JIS, then cp1252: EUC-JP read as cp1252 also reads the text whole (`腦駈拾`), but bytes
    # that are UTF-8 under the wrong decoder tell UTF-8's story, which the token search weighs.
    original = "I waited an hour… I had so many straws in the field…strongly recommend it."
    broken = original.encode("utf-8").decode("shift_jis").encode("utf-8").decode("cp1252")
    assert whole_legacy_first(broken) is None
    assert fix_and_explain(broken)[0] == original


def test_the_national_standards_commonest_characters_count_as_real_text() -> None:
    # A Big5 text holding characters our corpora never showed (the first level lists them) is read whole.
    from unmangle.encoding.readings import seen

    assert seen("孚顫飢拂裸")
    # (Not KS X 1001's hangul our Korean corpus never showed: Chinese read as EUC-KR is made of them, `튐와곡`.)
    assert not seen("튐")
