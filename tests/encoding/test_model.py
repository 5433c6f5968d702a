"""The character model's scalar lookup (for a handful of positions) agrees with the vectorised one."""

from __future__ import annotations

from unmangle.encoding.model import BOS, codepoints, default_model

TEXT = ("It鈥檚 Ã© п▒ 𝔘 ці кафе — «Bjørn» 12:00～13:00 "
        "ผู้อำนวยการด้านการค้าของบริษัท 그러나 차츰 달라지고 Nejvyšší soud")


def test_the_scalar_lookup_agrees_with_the_vectorised_one() -> None:
    model = default_model()
    expected = model.logprobs(codepoints(chr(BOS) * 2 + TEXT))
    assert [round(model.logprob_at(TEXT, i), 9) for i in range(len(TEXT))] == [round(float(v), 9) for v in expected]
