"""Characters a CJK decoder dropped whole from Latin text (Big5, EUC-KR, EUC-JP with errors='ignore') come back
where the document's words or the model call for them, and only in a document that shows that decoder."""

from __future__ import annotations

import pytest

from tests.encoding.test_families import mangle
from unmangle import fix_and_explain, fix_text
from unmangle.encoding.vanished import with_vanished

POLISH = ("Wrocław jest jednym z największych miast w Polsce, podobnie jak Kraków. Mieszkańcy są dumni z "
          "historii, a turyści chętnie odwiedzają również rynek i katedrę.")
GERMAN = "Die Größe des Gebäudes – 120 Meter – überrascht viele Besucher aus dem Ausland."
ENGLISH = "The company’s CEO said the deal — signed in São Paulo — was a turning point for the firm."


@pytest.mark.parametrize("wrong", ["big5", "euc_kr", "euc_jp"])
def test_polish_letters_a_decoder_dropped_whole_come_back(wrong: str) -> None:
    # ą, ć, ę, ł, ń, ś leave nothing through these decoders (ó and ż show, and name the decoder); the words they
    # leave are no Polish words.
    broken = mangle(POLISH, "utf-8", wrong, "ignore")
    assert "najwikszych" in broken
    fixed = fix_text(broken)
    # (Words the corpora's vocabulary holds; a rarer name, `Wrocaw`, stays as the decoder left it.)
    assert "największych" in fixed and "Mieszkańcy są dumni" in fixed and "Kraków" in fixed


def test_a_dropped_eszett_and_dashes_between_spaces_come_back() -> None:
    fixed = fix_text(mangle(GERMAN, "utf-8", "big5", "ignore"))
    assert "Größe" in fixed
    assert "Gebäudes – 120 Meter – überrascht" in fixed or "Gebäudes — 120 Meter — überrascht" in fixed


def test_an_apostrophe_dropped_from_a_known_word_comes_back_and_is_explained() -> None:
    fixed, edits = fix_and_explain(mangle(ENGLISH, "utf-8", "big5", "ignore"))
    assert "company’s" in fixed and "São Paulo" in fixed
    assert any("dropped whole" in e.detail for e in edits)


def test_nothing_is_put_back_where_the_decoder_dropped_nothing() -> None:
    # No edit, or a replacing decoder (its marks show where the bytes were): nothing vanished without a trace.
    text = "Le café’s terrasse — « ouverte » — était pleine; nous étions à Paris."
    assert with_vanished(text, []) == []
    broken = text.encode("utf-8").decode("big5", "replace")  # (marks: the token search reads them, not this pass)
    _, edits = fix_and_explain(broken)
    assert not any("dropped whole" in e.detail for e in edits)


def test_a_clean_text_with_words_the_model_does_not_know_is_left_alone() -> None:
    # No edit names a decoder: the pass never runs (Polish without its diacritics, as people type it).
    text = "Wroclaw jest jednym z najwiekszych miast w Polsce, a turysci chetnie odwiedzaja rynek."
    assert fix_text(text) == text


def test_french_a_between_spaces_comes_back_before_a_word_and_a_dash_before_a_sign() -> None:
    text = ("L’été dernier, nous sommes allés à Paris avec les enfants — « une belle surprise », dit-elle. "
            "Ils pensent à la mer et à la montagne pour l’année prochaine.")
    fixed = fix_text(mangle(text, "utf-8", "big5", "ignore"))
    assert "allés à Paris" in fixed and "pensent à la mer et à la montagne" in fixed
    assert "à «" not in fixed


def test_cyrillic_letters_a_decoder_dropped_whole_come_back() -> None:
    # Big5 drops А-Р and р-я whole (their second byte is 0x80-0xA0); а-п show as CJK and name the decoder.
    text = ("В Москве прошла встреча министров иностранных дел. По словам представителей, стороны обсудили "
            "вопросы сотрудничества и безопасности в регионе.")
    fixed = fix_text(mangle(text, "utf-8", "big5", "ignore"))
    assert "встреча министров иностранных дел" in fixed and "сотрудничества и безопасности" in fixed


def test_a_dropped_letter_comes_back_into_a_form_the_vocabulary_lacks_where_one_spelling_fits() -> None:
    from unmangle.encoding.vanished import _dropping_decoders, _spelled_back

    dropped = _dropping_decoders()["utf-8 read as big5"]
    # (`achiziția` is Romanian as its vocabulary spells it; `achiziia` spells nothing, and only `ț` fits.)
    assert _spelled_back("achiziia", dropped, "ro") == "achiziția"


def test_a_word_spelled_as_its_language_spells_keeps_its_letters() -> None:
    from unmangle.encoding.vanished import _dropping_decoders, _spelled_back

    dropped = _dropping_decoders()["utf-8 read as big5"]
    assert _spelled_back("pravdivé", dropped, "cs") is None  # (not `pravědivé`: the model finds it far likelier)
    assert _spelled_back("house", dropped, "en") is None


def test_a_dropped_no_break_space_after_a_one_letter_word_is_put_back_where_the_language_ties_them() -> None:
    from unmangle.encoding.vanished import _unglued
    from unmangle.page.wordstats import language_stats

    czech, romanian = language_stats("cs"), language_stats("ro")
    assert czech is not None and romanian is not None
    assert czech.tied > 0.1 > romanian.tied  # (counted from the corpora by build_word_stats.py)
    assert _unglued("ktomu", czech) == "k\u00a0tomu"
    assert _unglued("pravda", czech) is None  # (`p` is no word)


@pytest.mark.parametrize("wrong", ["big5", "euc_kr"])
def test_a_rare_word_left_of_one_of_the_commonest_is_that_word(wrong: str) -> None:
    # Romanian `că` loses its `ă` and stands as `c`, which the vocabulary knows too, hundreds of times rarer.
    clean = "Biroul de Medicină Legală a publicat un raport preliminar vineri, spunând că moartea a fost accidentală."
    fixed = fix_text(clean.encode().decode(wrong, "ignore"))
    assert "spunând că moartea" in fixed


def test_an_english_word_is_not_taken_for_a_rarer_one_that_shows_the_same() -> None:
    # (`its` shows as `it’s` does with the apostrophe gone, and is the commoner of the two.)
    clean = "The company said it’s proud of its workers — and “of the work” they have done in São Paulo."
    fixed = fix_text(clean.encode().decode("big5", "ignore"))
    assert " of its workers" in fixed


@pytest.mark.parametrize("wrong", ["big5", "euc_kr", "euc_jp"])
def test_a_french_elided_word_glued_to_a_known_word_gets_its_apostrophe_back(wrong: str) -> None:
    # (`qu’environ` and `l’arrivée` are no words of the vocabulary; `qu’` and `l’` are elided words it writes before
    # many, `environ` and `arrivée` words it knows. `é` shows, and names the decoder.)
    original = ("Il est à noter qu’environ un tiers des membres de l’Alliance avaient voté avant "
                "l’arrivée du nouveau président à Genève.")
    fixed = fix_text(mangle(original, "utf-8", wrong, "ignore"))
    assert "qu’environ" in fixed and "l’Alliance" in fixed and "l’arrivée" in fixed


def test_clitics_are_only_those_a_language_does_not_also_glue_on_plainly() -> None:
    from unmangle.encoding.vanished import _clitics

    heads, tails = _clitics("fr")
    assert {"l", "d", "qu"} <= set(heads)
    assert "s" not in _clitics("en")[1]  # (English writes plurals in `s` far more often than possessives)
