"""A legacy CJK document's few words read as another CJK codec are read with the document's codec."""

from __future__ import annotations

from unmangle import fix_text
from unmangle.document import Edit
from unmangle.encoding.one_encoding import with_one_legacy_encoding


def _edit(clean: str, true: str, wrong: str = "cp1252", at: int = 0) -> Edit:
    before = clean.encode(true).decode(wrong)
    return Edit("mojibake", at, at + len(before), before, clean, 0.99, f"{true.replace('-', '_')} read as {wrong}")


def test_a_word_read_as_euc_jp_in_a_korean_page_is_read_as_euc_kr() -> None:
    words = [_edit(w, "euc-kr", at=10 * k) for k, w in enumerate(["그래닛", "섬은", "티오만", "물론"])]
    odd = _edit("세이셸과", "euc-kr", at=50)
    rival = Edit("mojibake", odd.start, odd.end, odd.before, odd.before.encode("cp1252").decode("euc_jp"), 0.99,
                 "euc_jp read as cp1252")
    assert rival.after != "세이셸과"
    out = with_one_legacy_encoding([*words, rival])
    assert out[:4] == words
    assert out[4].after == "세이셸과" and out[4].detail == "euc_kr read as cp1252"


def test_two_codecs_used_alike_are_both_left() -> None:
    edits = [_edit("그래닛", "euc-kr"), _edit("섬은", "euc-kr", at=10), _edit("東京都", "euc-jp", at=20),
             _edit("日本", "euc-jp", at=30)]
    assert with_one_legacy_encoding(edits) == edits


def test_a_korean_sentence_read_as_cp1252_comes_back_whole() -> None:
    clean = "그래닛 섬은 세이셸과 티오만 섬은 물론 세인트 헬레나와 같은 화산섬을 포함한다."
    assert fix_text(clean.encode("euc-kr").decode("cp1252")) == clean
