"""A single-byte decoder's lost-byte guess that spells no word of its language becomes a reading that does."""

from __future__ import annotations

from unmangle.document import Edit
from unmangle.encoding.known_words import shows
from unmangle.encoding.spelled_guesses import with_spelled_guesses

TEXT_BEFORE = "Как сказал врач, состояние раненого солдата "
DETAIL = "utf-8 read as cp1257, lost bytes put back"


def _guess(true: str, guessed: str, codec: str = "cp1257", detail: str = DETAIL) -> tuple[str, Edit]:
    shown = shows(true, "utf-8", codec, "ignore")
    assert shown is not None and shows(guessed, "utf-8", codec, "ignore") == shown
    text = TEXT_BEFORE + shown + ", если его срочно не доставить в больницу."
    return text, Edit("lost-byte", len(TEXT_BEFORE), len(TEXT_BEFORE) + len(shown), shown, guessed, 0.6, detail)


def test_a_guess_no_language_spells_becomes_the_spelled_reading_that_shows_the_same() -> None:
    # `с`, `у`, `ш`, `ъ`, `ь` all show as cp1257's `Ń` when the decoder drops their second byte.
    text, edit = _guess("рисуют", "рисьют")
    assert [e.after for e in with_spelled_guesses(text, [edit])] == ["рисуют"]


def test_a_form_four_letters_lost_is_spelled_out_too() -> None:
    text, edit = _guess("ухудшается", "схудуается")
    assert [e.after for e in with_spelled_guesses(text, [edit])] == ["ухудшается"]


def test_a_guess_spelled_as_the_language_spells_is_kept() -> None:
    text, edit = _guess("рисуют", "рисуют")
    assert with_spelled_guesses(text, [edit]) == [edit]


def test_a_cjk_decoders_guess_is_not_asked() -> None:
    # (A CJK decoder pairs bytes across letters: letters cannot be swapped one by one.)
    text, edit = _guess("рисуют", "рисьют")
    other = Edit(edit.kind, edit.start, edit.end, edit.before, edit.after, edit.confidence,
                 "utf-8 read as gbk, lost bytes put back")
    assert with_spelled_guesses(text, [other]) == [other]


def test_a_known_word_that_holds_a_trigram_no_other_word_has_is_kept() -> None:
    # (`хорошо` ends as no other word of the vocabulary does, `шо$`: known, though not "spelled")
    text, edit = _guess("хорошо", "хорошо")
    assert with_spelled_guesses(text, [edit]) == [edit]
