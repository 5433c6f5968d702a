"""Injected spam: runs of another script glued inside words, promo runs and lines; genuine mixed text untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unmangle.document import apply_edits
from unmangle.page.spam import find_injected_paragraphs, remove_injections

CLEAN = [json.loads(line) for line in (Path(__file__).parents[1] / "data" / "clean_paragraphs.jsonl").open()]


def test_brand_inside_an_english_word_is_removed_and_the_lost_letters_flagged() -> None:
    text, edits, gaps = remove_injections("The gov澳门威尼斯人ment said on Monday it would act.")
    assert text == "The govment said on Monday it would act."
    assert [(e.kind, e.before) for e in edits] == [("spam", "澳门威尼斯人")]
    assert [g.offset for g in gaps] == [len("The gov")]


def test_injection_that_replaced_no_letters_leaves_no_gap() -> None:
    text, _, gaps = remove_injections("Die Bundesregie新葡京娱乐rung hat am Montag neue Regeln beschlossen.")
    assert text == "Die Bundesregierung hat am Montag neue Regeln beschlossen."
    assert gaps == []


def test_brand_inside_a_cyrillic_word_is_removed() -> None:
    text, edits, _ = remove_injections("Правительство заяви皇冠体育ло о новых мерах поддержки.")
    assert text == "Правительство заявило о новых мерах поддержки."
    assert edits[0].start == len("Правительство заяви")


def test_latin_brand_inside_a_cyrillic_word_is_removed() -> None:
    text, _, _ = remove_injections("Власти сообщили, что рабоzolotoslotта продолжается.")
    assert "zolotoslot" not in text


def test_edits_replay_on_the_paragraph() -> None:
    para = "He said the gover永利国际nment and the par凯发平台liament agreed."
    text, edits, _ = remove_injections(para)
    assert apply_edits(para, edits) == text


def test_promo_run_between_spaces_is_removed_without_leaving_a_double_space() -> None:
    text, edits, _ = remove_injections("Read the full story 澳门金沙娱乐官网 about the election results today.")
    assert text == "Read the full story about the election results today."
    assert edits[0].detail.startswith("CJK promo run")


@pytest.mark.parametrize("para", [
    "Chinese President Xi Jinping (习近平) met the delegation in Beijing on Tuesday.",
    "The restaurant is called 老北京 and it serves noodles on Main Street.",
    "東京でiPhoneを買って、NHKのニュースを見た。",
    "Он процитировал Шекспира: \"To be or not to be\" и замолчал.",
    "用户可以在App Store下载新版微信。",
    "Use print(x) and see https://例子.测试/path for details 👍🏽 — done.",
    "لقد قال مثلGateway Pundit وRedStateأن الموقع كان مغلقا.",
    "서울에서 열린 行事에 많은 사람들이 참석했다.",
])
def test_genuine_mixed_script_text_is_untouched(para: str) -> None:
    assert remove_injections(para) == (para, [], [])


def test_clean_corpus_paragraphs_are_untouched() -> None:
    for doc in CLEAN:
        assert remove_injections(doc["text"])[1] == [], doc["id"]


def test_brand_line_found_by_promo_words_repetition_or_glued_elsewhere() -> None:
    paragraphs = [
        "The council approved the budget on Monday.",
        "澳门威尼斯人",
        "Officials said the gov永利国际ment would publish the plan.",
        "永利国际",
        "Mayor Anna Berg said the vote was close.",
        "澳门威尼斯人",
    ]
    assert [i for i, _ in find_injected_paragraphs(paragraphs)] == [1, 3, 5]


def test_a_quotation_in_another_language_is_not_an_injected_line() -> None:
    paragraphs = ["Президент выступил с речью в четверг.", "\"We will never surrender\", he quoted.",
                  "Затем он ответил на вопросы журналистов."]
    assert find_injected_paragraphs(paragraphs) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_is_idempotent(text: str) -> None:
    once, edits, gaps = remove_injections(text)
    assert apply_edits(text, edits) == once
    assert all(0 <= g.offset <= len(once) for g in gaps)
    assert remove_injections(once)[0] == once
