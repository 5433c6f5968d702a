"""Question marks inside an ASCII word are read back as the UTF-8 character they replaced, one `?` a byte."""

from __future__ import annotations

import pytest

from unmangle import fix_and_explain, fix_text


def _marks(clean: str, wrong: str = "ascii") -> str:
    return clean.encode("utf-8").decode(wrong, "replace").replace("\ufffd", "?")


@pytest.mark.parametrize("wrong", ["ascii", "big5", "euc_kr", "euc_jp"])
def test_an_apostrophe_that_became_three_marks_comes_back(wrong: str) -> None:
    clean = "Already, we’ve made historic investment in education, and it’s working."
    broken = _marks(clean, wrong)
    assert "we???ve" in broken
    assert fix_text(broken) == clean


def test_each_word_is_one_edit_that_names_the_marks() -> None:
    fixed, edits = fix_and_explain("I don???t know.")
    assert fixed == "I don’t know."
    assert [(e.before, e.after, e.kind) for e in edits] == [("don???t", "don’t", "lost-byte")]
    assert "'?'" in edits[0].detail


@pytest.mark.parametrize("text", [
    "What??? Really?? Are you sure???",
    "See index.php?id=5&page=2 and a ?? b in C#.",
    "Who??",
    "??? ??? ???",
    "var name = user??guest; // C# and JavaScript",
])
def test_question_marks_a_writer_puts_are_left(text: str) -> None:
    # (Marks at a word's end or alone are punctuation, one inside a word is a URL's, two an operator's.)
    assert fix_text(text) == text


def test_a_text_that_shows_marks_inside_a_word_has_its_quotes_read_back_paired() -> None:
    clean = "She said “hello,” and then she left."
    broken = _marks(clean)
    assert broken == "She said ???hello,??? and then she left."
    assert fix_text(broken) == clean


def test_three_marks_in_an_ascii_text_are_read_as_a_sign_not_a_letter() -> None:
    # (The multilingual model finds a Vietnamese letter likely in `you???re`: an ASCII text is written in
    # ASCII letters, and what it lost is a sign.)
    fixed = fix_text("I know you???re right.")
    assert fixed == "I know you’re right."


def test_a_quote_closing_one_the_marks_opened_comes_back_though_the_model_barely_prefers_it() -> None:
    clean = "NASA is visualizing a “space highway” going from the moon to Earth."
    broken = _marks(clean, "big5")
    assert "???space highway???" in broken
    assert fix_text(broken) == clean


def test_three_marks_standing_between_two_words_of_a_sentence_are_a_dash() -> None:
    broken = _marks("Bosnian arms – sold by US, British and Swiss firms – are being passed on.", "euc_kr")
    assert broken.count(" ??? ") == 2
    fixed = fix_text(broken)
    assert "???" not in fixed and fixed.count(" – ") + fixed.count(" — ") == 2


@pytest.mark.parametrize("text", ["Frame thumbs down??? odd, considering.", "RE:??? June 14 Reception",
                                  "Who cares??? Not me ??? Really."])
def test_marks_after_a_word_or_before_a_capital_are_a_writers(text: str) -> None:
    assert fix_text(text) == text
