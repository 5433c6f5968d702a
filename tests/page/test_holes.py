"""Holes left by stripped link text: flagged where the words belong, never on genuine text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unmangle.page.holes import find_holes

CLEAN = [json.loads(line) for line in (Path(__file__).parents[1] / "data" / "clean_paragraphs.jsonl").open()]


def offsets(text: str) -> list[int]:
    return [g.offset for g in find_holes(text)]


@pytest.mark.parametrize(("text", "where"), [
    ("Her new film, , opened in May to strong reviews.", "Her new film, "),
    ("He won at  with three others in the final round.", "He won at "),
    ("After the match she stayed with . The next day she flew home.", "After the match she stayed with "),
    ("The region is known for its spices, such as", "The region is known for its spices, such as"),
    ("(2019) is a film by the Korean director. It won the top prize at Cannes.", ""),
    ("The book was reviewed in “” and in two other magazines last spring.", "The book was reviewed in “"),
    ("Er wohnte bei  in Berlin, bevor er nach Wien zog.", "Er wohnte bei "),
    ("Il a joué avec  et Paul dans un groupe de jazz pendant dix ans.", "Il a joué avec "),
    ("Она переехала в  вместе с семьёй в 1990 году.", "Она переехала в "),
    ("Luego se mudó a , donde abrió su primer restaurante.", "Luego se mudó a "),
])
def test_hole_is_flagged_where_the_missing_words_belong(text: str, where: str) -> None:
    found = offsets(text)
    assert any(abs(o - len(where)) <= 1 for o in found), found


def test_hole_carries_a_confidence_and_a_hint() -> None:
    (gap,) = find_holes("He won at  with three others in the final round.")
    assert 0.5 <= gap.confidence <= 1.0
    assert "missing" in gap.hint


@pytest.mark.parametrize("text", [
    "He said he would come, and he did.",
    "What are you looking for?",
    "When in Doubt, Leave it Out",
    "\"I would prefer not to,\" said he.",
    "This is the end of the story.  A new chapter begins.",
    "Prices rose 3.5 per cent in May, the office said on Tuesday.",
    "Call fetch() to start the request, then read the body with json().",
    "The U.S. and the U.K. signed the deal in Washington, D.C. on Friday.",
    "他说：“我们没有时间自救。”",
    "Tokyo, Osaka and Nagoya are the largest cities, in that order.",
])
def test_genuine_sentences_have_no_holes(text: str) -> None:
    assert find_holes(text) == []


def test_clean_corpus_paragraphs_have_no_holes() -> None:
    for doc in CLEAN:
        assert find_holes(doc["text"]) == [], doc["id"]


def test_tokenised_text_with_spaces_before_every_comma_is_not_full_of_holes() -> None:
    text = "well , I think so , but my friend , who lives there , says no ."
    assert find_holes(text) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_offsets_lie_inside_the_paragraph(text: str) -> None:
    gaps = find_holes(text)
    assert all(0 <= g.offset <= len(text) for g in gaps)
    assert [g.offset for g in gaps] == sorted({g.offset for g in gaps})
    assert find_holes(text) == gaps
