"""Stray identifiers are found by their shape, alone on a line or glued to text; words are left alone."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unmangle.page.identifiers import identifier_kind, identifier_line, strip_identifiers

SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


@pytest.mark.parametrize("line, kind", [
    ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "uuid"),
    (SHA256, "hex hash"),
    ("aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQ=", "base64-like token"),
    ("WEB18-Facebook-1160x768.jpg", "image file name"),
])
def test_identifier_lines_are_recognised(line, kind):
    assert identifier_line(line) == kind


@pytest.mark.parametrize("line", [
    "Facebook", "The council met on Tuesday.", "iPhone12ProMax2020Edition", "deadbeef", "2019", "ISBN 978-3-16",
    "Internationalization", "https://example.com/a/b",
])
def test_words_numbers_and_links_are_not_identifiers(line):
    assert identifier_line(line) is None
    assert strip_identifiers(line)[0] == line


def test_hash_glued_after_a_sentence_is_removed_with_an_edit():
    text = f"It opened in 1990.{SHA256} Crowds came."
    new, edits = strip_identifiers(text)
    assert new == "It opened in 1990. Crowds came."
    assert [e.kind for e in edits] == ["identifier"]
    assert text[edits[0].start:edits[0].end] == edits[0].before


def test_hash_glued_to_a_word_gives_back_the_word_letters():
    new, _ = strip_identifiers(f"the decade{SHA256} ended")
    assert new == "the decade ended"


def test_uuid_between_words_leaves_single_spaces():
    assert strip_identifiers("see 3f2504e0-4f89-11d3-9a0c-0305e82c3301 for more")[0] == "see for more"


def test_identifier_kind_of_a_plain_word_is_none():
    assert identifier_kind("Constitution") is None


@given(st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Zs", "Po")), max_size=80))
def test_prose_like_text_is_never_changed(text):
    assert strip_identifiers(text)[0] == text


def test_a_hash_of_standard_length_glued_to_the_end_of_a_word_is_removed():
    from unmangle.page.identifiers import strip_identifiers
    digest = "c5a37ee4090ea552f7c01071421f67b46f41e31a81745e88e7b00d565a1eb367"
    assert strip_identifiers(f"Photo: Maria Keller{digest}")[0] == "Photo: Maria Keller"
    assert strip_identifiers("การเลือกตั้งb996f869ee3bc4a230ea4be776a81a3f207ea471")[0] == "การเลือกตั้ง"
