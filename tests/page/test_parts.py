"""The article's parts: title, byline, dateline and captions, found by shape and by place."""

import pytest

from unmangle.page.debris import classify_blocks
from unmangle.page.parts import _DATELINE, dateline_end, find_parts, is_byline, is_caption

BODY = [
    "CAIRO — Gunmen opened fire on visitors at the country's most renowned museum on Wednesday, killing at least "
    "19 people in one of the worst attacks in the nation's recent history.",
    "The attackers, clad in military uniforms, stormed the museum in the afternoon and seized dozens of hostages "
    "before security forces ended the siege, officials said.",
    "(AP Photo/Jane Doe)",
    "The prime minister said in a televised address that the country was at war with terrorism and vowed to "
    "respond with force against those responsible for the museum attack.",
]


def parts_of(texts):
    return find_parts(texts, classify_blocks(texts, "en"))


def test_title_byline_dateline_and_caption_of_a_news_page():
    texts = ["Home", "World", "Gunmen attack museum, killing at least 19", "By Erin Cunningham", *BODY, "Home"]
    parts = parts_of(texts)
    assert parts.title == "Gunmen attack museum, killing at least 19"
    assert parts.byline == "By Erin Cunningham"
    assert dateline_end(BODY[0]) == len("CAIRO —")
    assert parts.captions == ["(AP Photo/Jane Doe)"]


@pytest.mark.parametrize("line", [
    "By Erin Cunningham", "Von Max Mustermann", "Par Jeanne Dupont", "Por María López", "Автор: Иван Петров",
    "Jane Doe, The Associated Press", "John Smith | Reuters", "作者：张三",
])
def test_bylines_in_several_languages(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", ["By the way, it rained all day.", "Buyers were few.", "Bypass closed"])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert not is_byline(line)


@pytest.mark.parametrize("text, dateline", [
    ("LONDON, May 5 (Reuters) - Shares fell.", "LONDON, May 5 (Reuters) -"),
    ("WASHINGTON (AP) — The president spoke.", "WASHINGTON (AP) —"),
    ("BERLIN (dpa) - Die Regierung hat.", "BERLIN (dpa) -"),
    ("Paris, 5 mai (AFP) - Le gouvernement.", "Paris, 5 mai (AFP) -"),
])
def test_datelines_of_agencies_and_languages(text, dateline):
    assert _DATELINE.match(text).group("d") == dateline


def test_an_ordinary_opening_is_not_a_dateline():
    assert _DATELINE.match("The man — who was never named — left.") is None


@pytest.mark.parametrize("line", [
    "(AP Photo/Evan Vucci)", "Credit: Jane Doe for The New York Times", "Photo: Getty Images",
    "(Photo by John Smith/Getty Images)",
    "Actress Jane Doe poses on the red carpet at the premiere in Los Angeles, California, May 5, 2019",
])
def test_captions_and_credits(line):
    assert is_caption(line)


def test_a_paragraph_is_not_a_caption():
    assert not is_caption(BODY[1])


def test_a_clean_article_without_heading_has_no_title():
    assert parts_of(BODY[:2] + BODY[3:]).title is None


def test_dateline_with_an_agency_no_list_knows():
    assert dateline_end("SYDNEY (Globe Wire) — The port reopened.") == len("SYDNEY (Globe Wire) —")


def test_byline_and_caption_just_after_the_article_are_found():
    texts = ["Home", "World", "Gunmen attack museum, killing at least 19", *BODY,
             "Fans gather in the main square. Credit: Jane Doe/Globe Wire", "Priya Nair | Metro Newswire",
             "Share", "Related stories", "Another story entirely"]
    parts = parts_of(texts)
    assert parts.byline == "Priya Nair | Metro Newswire"
    assert "Fans gather in the main square. Credit: Jane Doe/Globe Wire" in parts.captions


def test_a_caption_between_title_and_first_paragraph_is_found():
    texts = ["Home", "World", "Gunmen attack museum, killing at least 19", "Фото: Анна Соколова", *BODY, "Home"]
    assert "Фото: Анна Соколова" in parts_of(texts).captions


@pytest.mark.parametrize("line", ["بقلم كريم ناصر", "Written by Hannah Lee"])
def test_bylines_in_scripts_without_case(line):
    assert is_byline(line)


def test_an_advert_label_after_the_article_is_not_a_byline():
    texts = ["Home", "Gunmen attack museum, killing at least 19", *BODY, "by Taboola", "Home"]
    assert parts_of(texts).byline is None


def test_a_byline_below_the_share_buttons_closing_the_article_is_found():
    texts = ["Home", "Gunmen attack museum, killing at least 19", *BODY, "Print", "Send by e-mail",
             "Autor: Katarzyna Wójcik", "Share", "Related stories", "Another story entirely"]
    assert parts_of(texts).byline == "Autor: Katarzyna Wójcik"


def test_bylines_of_korean_and_chinese_pages():
    assert is_byline("글 김민준") and is_byline("作者：王明")


def test_a_paragraph_opening_is_not_a_title_though_it_has_no_final_stop():
    texts = ["Home", "World", "He stayed. Then the rains came and the river rose over the", *BODY, "Home"]
    assert parts_of(texts).title != "He stayed. Then the rains came and the river rose over the"


def test_a_chinese_headline_with_a_question_mark_inside_is_a_title():
    from unmangle.page.parts import _INNER_STOP
    assert _INNER_STOP.search("宇航员在太空中喝酒会怎么样？后果很严重") is None
    assert _INNER_STOP.search("这是一场谴责。四十五年后，她说") is not None


@pytest.mark.parametrize("line", ["記者会見する報道官(撮影:鈴木花子)", "시장가 기자회견을 하고 있다. 사진=김민준 기자"])
def test_japanese_and_korean_photo_credits(line):
    assert is_caption(line)


def test_an_ordinal_inside_a_headline_is_not_a_sentence_end():
    from unmangle.page.parts import _INNER_STOP
    assert _INNER_STOP.search("Priester Bernard Vann, Träger des Viktoriakreuzes im 1. Weltkrieg, wurde geehrt") is None


def test_a_name_alone_under_the_title_is_the_byline_but_a_four_word_label_is_not():
    texts = ["Home", "World", "Gunmen attack museum, killing at least 19", "Erin Cunningham", *BODY, "Home"]
    assert parts_of(texts).byline == "Erin Cunningham"
    texts[3] = "Founder Netscape Communications Corporation"  # an infobox row: a label and a value
    assert parts_of(texts).byline is None
