"""Repeated paragraphs: exact and near repeats merged, the article's copy kept and filled from the other."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from unmangle.document import apply_edits
from unmangle.page.repeats import merge_repeated_paragraphs

CLEAN = [json.loads(line) for line in (Path(__file__).parents[1] / "data" / "clean_paragraphs.jsonl").open()]
LEAD = ("The city council voted on Tuesday to close the old harbour bridge to cars, "
        "citing a report by engineer Maria Lopez that found cracks in two of its piers.")


def test_exact_teaser_before_the_title_is_dropped_and_the_article_copy_kept() -> None:
    result = merge_repeated_paragraphs([LEAD, "Harbour bridge to close", "By Tom Reed", LEAD, "Work starts in May."])
    assert result.keep == [1, 2, 3, 4]
    assert result.removed == [(0, "repeat of paragraph 3")]
    assert result.texts == {}


def test_the_copy_missing_a_name_is_filled_from_the_other() -> None:
    holed = LEAD.replace("engineer Maria Lopez", "engineer ")
    result = merge_repeated_paragraphs([LEAD, "Harbour bridge to close", holed])
    assert result.keep == [1, 2]
    assert result.texts[2] == LEAD
    edit = result.edits[2][0]
    assert edit.kind == "repeat-fill"
    assert apply_edits(holed, result.edits[2]) == LEAD


def test_teaser_missing_a_name_is_dropped_and_the_full_lead_kept_unchanged() -> None:
    holed = LEAD.replace(" by engineer Maria Lopez", "")
    result = merge_repeated_paragraphs([holed, "Harbour bridge to close", LEAD])
    assert result.keep == [1, 2] and result.texts == {}


def test_hole_left_between_commas_is_filled_in_german() -> None:
    full = "Ihr neuer Film, Der stille Hafen, lief im Mai in den Kinos an und wurde von der Kritik gelobt."
    holed = "Ihr neuer Film, , lief im Mai in den Kinos an und wurde von der Kritik gelobt."
    result = merge_repeated_paragraphs([full, "Kultur", holed])
    assert result.texts[2] == full


def test_repeated_chinese_lead_is_merged() -> None:
    lead = "当局周六表示，印尼苏拉威西岛发生大地震和海啸，致至少384人死亡，很多人被海浪冲走。"
    result = merge_repeated_paragraphs([lead, "印尼地震", lead, "救援工作仍在进行。"])
    assert result.keep == [1, 2, 3]


def test_a_short_pull_quote_later_in_the_article_is_dropped_not_the_paragraph() -> None:
    para = ("The mayor said the decision was painful. \"We cannot risk a single life on a bridge that "
            "may fail,\" she told reporters after the vote, adding that ferries would run every hour.")
    quote = "\"We cannot risk a single life on a bridge that may fail,\" she told reporters after the vote."
    result = merge_repeated_paragraphs([para, "Other news.", quote])
    assert result.keep == [0, 1]


def test_headline_restating_the_lead_is_not_a_repeat() -> None:
    title = "City council votes to close the old harbour bridge to cars"
    result = merge_repeated_paragraphs([title, LEAD])
    assert result.removed == []


def test_paragraphs_sharing_a_boilerplate_phrase_are_not_merged() -> None:
    paragraphs = [
        "Sign up for our newsletter to get the latest news from the region in your inbox every morning.",
        "The minister said the latest news from the region was worrying, and promised more money for schools.",
        "Police said the latest news from the region did not change their plans for the weekend match.",
    ]
    assert merge_repeated_paragraphs(paragraphs).removed == []


def test_short_repeated_lines_are_left_alone() -> None:
    result = merge_repeated_paragraphs(["Advertisement", LEAD, "Advertisement", "Share", "Share"])
    assert result.removed == [] and result.keep == [0, 1, 2, 3, 4]


def test_distinct_clean_paragraphs_are_all_kept() -> None:
    texts = [d["text"] for d in CLEAN]
    assert merge_repeated_paragraphs(texts).keep == list(range(len(texts)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([LEAD, LEAD.replace("Maria Lopez", ""), "Advertisement", "", "Work starts in May.",
                                 "A different paragraph about the weather in the north, with rain expected later."])
                | st.text(max_size=80), max_size=8))
def test_never_raises_keeps_order_and_is_idempotent(paragraphs: list[str]) -> None:
    result = merge_repeated_paragraphs(paragraphs)
    assert result.keep == sorted(result.keep)
    assert set(result.keep).isdisjoint(i for i, _ in result.removed)
    assert len(result.keep) + len(result.removed) == len(paragraphs)
    for i, edits in result.edits.items():
        assert apply_edits(paragraphs[i], edits) == result.texts[i]
    again = [result.texts.get(i, paragraphs[i]) for i in result.keep]
    assert merge_repeated_paragraphs(again).removed == []


def test_a_paragraph_that_only_repeats_the_tail_of_another_is_kept() -> None:
    """Two paragraphs of one article, the second picking up the first one's closing words, are not copies."""
    first = ("Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore "
             "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut "
             "aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse.")
    second = ("Tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
              "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in "
              "reprehenderit in voluptate velit esse.")
    result = merge_repeated_paragraphs([first, second])
    assert result.keep == [0, 1] and result.removed == []


def test_a_teaser_repeats_the_lead_that_opens_with_a_dateline() -> None:
    result = merge_repeated_paragraphs([LEAD, "Harbour bridge to close", f"LONDON, 2 May (Globe Wire) - {LEAD}"])
    assert result.keep == [1, 2] and result.removed == [(0, "repeat of paragraph 2")]
