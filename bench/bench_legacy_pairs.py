"""Legacy text through every wrong decoder: the pairs of (true legacy codec, wrong decoder) beyond bench_encoding's
families.

bench_encoding.py corrupts text with the pairs the issue names (legacy CJK and Cyrillic read as cp1252 or Latin-1,
KOI8-R and cp1251 read as each other, CJK codecs read as each other). A page may also be opened on a system
whose own code page is another one: Russian read as Central European cp1250 (`Ěîńęâŕ`), Western European read as
Cyrillic cp1251 (`cafй`), anything read as DOS cp437 or MacRoman. This sweep reads held-out paragraphs of each
legacy codec's languages (models built without them, as bench_encoding's ``--holdout``) through each of a dozen
wrong decoders, wherever the decoder reads every byte, and counts exact restorations (ftfy.fix_encoding
alongside): a matrix of what the repair covers, zeros included.

Writes bench/out/legacy_pairs.md and legacy_pairs.json. Runs in a child process (the models are chosen before
unmangle loads).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402
from held_out import per_language_main, write_report  # noqa: E402

OUT = ce.REPO / "bench" / "out"
# Each legacy codec and the languages written in it.
TRUE_CODECS = {
    "cp1252": ("fr", "de", "es"), "cp1250": ("cs", "pl", "hu", "ro"), "iso-8859-2": ("cs", "pl"),
    "cp1251": ("ru", "uk", "bg"), "koi8-r": ("ru",), "koi8-u": ("uk",), "iso-8859-5": ("ru",),
    "cp1253": ("el",), "iso-8859-7": ("el",), "cp1254": ("tr",), "iso-8859-9": ("tr",), "cp1255": ("he",),
    "cp1256": ("ar", "fa"), "cp874": ("th",), "gbk": ("zh-Hans",), "big5": ("zh-Hant",), "shift_jis": ("ja",),
    "euc_jp": ("ja",), "euc_kr": ("ko",), "cp866": ("ru", "bg"),
}
WRONG_DECODERS = ("latin-1", "cp1252", "cp1250", "iso-8859-2", "cp1251", "koi8-r", "mac-roman", "cp437", "cp866",
                  "gbk", "big5", "shift_jis", "euc_kr")
Tool = Callable[[str], str]


def main(argv: Sequence[str] | None = None) -> int:
    """``--per-language N`` texts of each language (default 4; ``--quick``: 2)."""
    return per_language_main(__file__, __doc__, argv, OUT, _measure, default=4, quick=2)


def _measure(args: argparse.Namespace) -> int:
    import ftfy

    import unmangle

    tools: dict[str, Tool] = {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding}
    held = ce.load_corpora(held_out=args.holdout)
    rows = {}
    for true, langs in TRUE_CODECS.items():
        for wrong in WRONG_DECODERS:
            if wrong == true:
                continue
            counts = {"n": 0, **dict.fromkeys(tools, 0)}
            rng = random.Random(f"{true}:{wrong}")
            for lang in langs:
                docs = held.get(lang, [])
                for doc in rng.sample(docs, min(args.per_language, len(docs))):
                    clean = doc.paragraphs[0][:400]
                    try:
                        bad = clean.encode(true).decode(wrong)
                    except UnicodeError:
                        continue  # (not every byte read: a lossy case, outside this sweep)
                    if bad == clean:
                        continue
                    counts["n"] += 1
                    for name, tool in tools.items():
                        counts[name] += tool(bad) == clean
            if counts["n"]:
                rows[f"{true} read as {wrong}"] = counts
    report = {"holdout": args.holdout, "pairs": rows}
    write_report(args.out, "legacy_pairs", report, _markdown(report))
    return 0


def _markdown(r: dict) -> str:
    rows = r["pairs"]
    total = {name: sum(c[name] for c in rows.values()) for name in ("n", "unmangle", "ftfy.fix_encoding")}
    lines = ["# Legacy text through every wrong decoder", "",
             f"Exact restorations of paragraphs of every {r['holdout']}th document of each language, models built "
             "without those documents; pairs where the wrong decoder reads every byte.", "",
             f"All pairs: unmangle **{total['unmangle']}** of {total['n']}, ftfy.fix_encoding "
             f"{total['ftfy.fix_encoding']}.", ""]
    wrongs = [w for w in WRONG_DECODERS if any(k.endswith(f" read as {w}") for k in rows)]
    lines += ["| true \\ read as | " + " | ".join(wrongs) + " |", "|---" * (len(wrongs) + 1) + "|"]
    for true in TRUE_CODECS:
        cells = []
        for w in wrongs:
            c = rows.get(f"{true} read as {w}")
            cells.append(f"{c['unmangle']}/{c['n']}" if c else "")
        lines.append(f"| {true} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
