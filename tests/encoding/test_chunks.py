"""A very long text is repaired a piece at a time: the same repair, in bounded memory."""

from __future__ import annotations

import pytest

from unmangle.document import apply_edits
from unmangle.encoding import repair
from unmangle.encoding.chunks import pieces


def test_pieces_cover_the_text_and_cut_at_line_ends_then_spaces() -> None:
    text = "first line\n" * 30 + "words " * 40 + "x" * 100
    got = list(pieces(text, limit=64))
    assert "".join(p for _, p in got) == text
    assert all(len(p) <= 64 for _, p in got)
    assert all(text[offset:offset + len(p)] == p for offset, p in got)
    cuts = [p[-1] for _, p in got[:-1]]
    assert set(cuts) <= {"\n", " ", "x"}  # (a run without a space is cut anywhere)
    assert cuts[0] == "\n"


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repair, "PIECE", 200)


@pytest.mark.usefixtures("small_pieces")
def test_a_text_longer_than_a_piece_is_repaired_piece_by_piece_with_edits_on_the_input() -> None:
    clean = "\n".join(f"Line {i}: the café’s owner said «oui», again." for i in range(40))
    broken = clean.encode("utf-8").decode("gbk")
    assert len(broken) > 5 * repair.PIECE
    fixed, edits = repair.fix_and_explain(broken)
    assert fixed == clean
    assert apply_edits(broken, edits) == fixed
    assert repair.fix_text(broken) == clean
