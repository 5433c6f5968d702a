"""The character model's scalar lookup (for a handful of positions) agrees with the vectorised one."""

from __future__ import annotations

from unmangle.encoding.model import BOS, codepoints, default_model, score_each

TEXT = ("It鈥檚 Ã© п▒ 𝔘 ці кафе — «Bjørn» 12:00～13:00 "
        "ผู้อำนวยการด้านการค้าของบริษัท 그러나 차츰 달라지고 Nejvyšší soud")


def test_the_scalar_lookup_agrees_with_the_vectorised_one() -> None:
    model = default_model()
    expected = model.logprobs(codepoints(chr(BOS) * 2 + TEXT))
    assert [round(model.logprob_at(TEXT, i), 9) for i in range(len(TEXT))] == [round(float(v), 9) for v in expected]


def test_scoring_many_texts_in_one_gather_gives_each_ones_own_score() -> None:
    model = default_model()
    middles, rights = ["café", "", "x", "naïve ones", "中文字"], [" ", "", "ab", " x", ""]
    for left in ("", "a", " the ", "中文"):
        each = [model.score(left, m, r) for m, r in zip(middles, rights, strict=True)]
        assert score_each(model, left, middles, rights) == each


def test_a_text_scores_the_same_whatever_is_scored_with_it() -> None:
    # Scores came from differences of running sums over the batch: a text's score moved in the 12th digit with
    # the texts before it, so a close call could depend on what the process had repaired before.
    from unmangle.encoding.model import default_model, score_many

    model = default_model()
    words = ["café", "naïve", "東京都", "Ã©t", "", "a", "Москва", "鈥檚"] * 5
    alone = [float(score_many(model, [w])[0]) for w in words]
    assert score_many(model, words).tolist() == alone
    assert score_many(model, words[::-1]).tolist()[::-1] == alone
