"""ftfy's own test cases (real mojibake from Twitter and the Common Crawl): what ftfy.fix_encoding restores,
unmangle restores; what ftfy leaves alone, unmangle leaves alone. The scoring lives with the benchmark
(`bench/bench_ftfy_cases.py`), which reports the same cases side by side with ftfy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from unmangle import fix_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_ftfy_cases import kind, load_cases, verdict  # noqa: E402

CASES = load_cases()
# ftfy declines `DrÃ¥ber` after a real en dash (its whole-line decode fails on the dash, and its test calls that
# safest); unmangle reads the word alone, as UTF-8 `Dråber` read as cp1252, which its test says was meant.
REPAIRED_ON_PURPOSE = {
    "Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman, and it was meant to be Latin-1, "
    "but it's safest to not decode it as either",
}
NEGATIVE = [c for c in CASES if kind(c) == "negative" and c["label"] not in REPAIRED_ON_PURPOSE]
REPAIRED = [c for c in CASES if kind(c) != "negative"]


def test_the_cases_are_ftfys_own() -> None:
    assert len(CASES) == 151 and len(NEGATIVE) == 47 and len(REPAIRED) == 103


@pytest.mark.parametrize("case", NEGATIVE, ids=[c["label"] for c in NEGATIVE])
def test_text_ftfy_leaves_alone_is_left_alone(case: dict) -> None:
    assert fix_text(case["original"]) == case["original"]


@pytest.mark.parametrize("case", REPAIRED, ids=[c["label"] for c in REPAIRED])
def test_mojibake_ftfy_restores_is_restored(case: dict) -> None:
    # (Where ftfy keeps U+FFFD for a lost byte, the character put back in its place also counts.)
    assert verdict(case, fix_text(case["original"])) in ("exact", "recovered")
