"""ftfy's own test cases (real mojibake from Twitter and the Common Crawl), unmangle against ftfy.fix_encoding.

The cases ftfy marks as passing are the reference: what ftfy.fix_encoding restores, unmangle must restore;
what ftfy leaves alone (the "negative" cases: accents used as quotes, math, product names), unmangle must leave
alone. Where a decoder lost bytes, ftfy keeps U+FFFD and unmangle may put back the character; such an output
counts as *recovered* when it agrees with ftfy everywhere ftfy had a character.

    python bench/bench_ftfy_cases.py [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import ftfy

import unmangle

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "ftfy" / "test_cases.json"


def load_cases(path: Path = CASES) -> list[dict]:
    """The cases ftfy expects to pass, each with the text ftfy.fix_encoding should give (``expected``)."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    return [{**c, "expected": c.get("fixed-encoding", c["fixed"])} for c in cases if c["expect"] == "pass"]


def kind(case: dict) -> str:
    if case["expected"] == case["original"]:
        return "negative"
    return "lossy" if "\ufffd" in case["expected"] else "positive"


def verdict(case: dict, output: str) -> str:
    """``exact``, ``recovered`` (a lossy case, the same as ftfy's but with characters for some U+FFFD),
    ``harmed`` (a negative case changed) or ``wrong``."""
    expected = case["expected"]
    if output == expected:
        return "exact"
    if kind(case) == "negative":
        return "harmed"
    if kind(case) == "lossy" and _agrees_outside_holes(expected, output):
        return "recovered"
    return "wrong"


def _agrees_outside_holes(expected: str, output: str) -> bool:
    """Whether ``output`` is ``expected`` with each run of U+FFFD replaced by at most one character."""
    pattern = ".?".join(re.escape(piece) for piece in expected.split("\ufffd"))
    return re.fullmatch(pattern, output, flags=re.S) is not None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every case unmangle does not restore")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = ap.parse_args(argv)
    cases = load_cases()
    tools = {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding}
    tally: dict[str, dict[str, int]] = {name: {} for name in tools}
    misses = []
    for case in cases:
        for name, tool in tools.items():
            v = verdict(case, tool(case["original"]))
            tally[name][f"{kind(case)}:{v}"] = tally[name].get(f"{kind(case)}:{v}", 0) + 1
            if name == "unmangle" and v in ("harmed", "wrong"):
                misses.append((case, v))
    kinds = {k: sum(kind(c) == k for c in cases) for k in ("positive", "lossy", "negative")}
    lines = [f"ftfy test cases: {len(cases)} ({', '.join(f'{n} {k}' for k, n in kinds.items())})", "",
             "| tool | positive exact | lossy exact or recovered | negative unchanged |", "|---|---|---|---|"]
    for name, t in tally.items():
        lossy = t.get("lossy:exact", 0) + t.get("lossy:recovered", 0)
        lines.append(f"| {name} | {t.get('positive:exact', 0)}/{kinds['positive']} | {lossy}/{kinds['lossy']} "
                     f"| {t.get('negative:exact', 0)}/{kinds['negative']} |")
    lines += ["", "Cases unmangle does not restore:"]
    for case, v in misses:
        lines += ["", f"- [{v}] {case['label']}", f"  - in:  `{case['original']!r}`",
                  f"  - ftfy: `{case['expected']!r}`", f"  - unmangle: `{unmangle.fix_text(case['original'])!r}`"]
    report = "\n".join(lines) + "\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ftfy_cases.md").write_text(report, encoding="utf-8")
    print(report if args.show else "\n".join(lines[:2 + 2 + len(tally)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
