"""Throughput on clean text the models never saw: unmangle.fix_text against ftfy.fix_encoding, first pass.

bench_encoding.py times clean paragraphs of the dev corpora, which the shipped models were built from: the
clean-text gate asks the character model about odd places, and on its own training text the model finds none
improbable. Crawled text is text the models never saw. Here the models are built without every K-th document
of each language (``--holdout``, as bench_encoding's), and the clean paragraphs timed are those documents'
only: a first pass (each paragraph seen once, after a warm-up on other text, as in a corpus run) and the
repeated loops bench_encoding reports, per language, with the share of paragraphs that reach the full repair.

Runs in a child process (the models are chosen before unmangle loads them). Writes bench/out/clean_unseen.md
and .json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402
from held_out import add_held_out_arguments, run_held_out, write_report  # noqa: E402

OUT = ce.REPO / "bench" / "out"
GOAL = 10.0  # issue 2: clean throughput at least 10x ftfy.fix_encoding


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_held_out_arguments(ap, OUT)
    ap.add_argument("--paragraphs", type=int, default=11_500)
    ap.add_argument("--quick", action="store_true", help="2,300 paragraphs")
    ap.add_argument("--warm-up", type=int, default=10_000, metavar="N",
                    help="training paragraphs read first (bench_encoding reads as many; 3,000 before 2026-11-27)")
    ap.add_argument("--first-passes", type=int, default=3, metavar="N",
                    help="first passes made, unmangle forgetting the timed text in between (the median is reported)")
    args = ap.parse_args(argv)
    if args.quick:
        args.paragraphs = 2_300
    return run_held_out(__file__, args, _measure, ["--paragraphs", str(args.paragraphs), "--warm-up",
                                                   str(args.warm_up), "--first-passes", str(args.first_passes)])


def _measure(args: argparse.Namespace) -> int:
    import ftfy
    from bench_encoding import first_pass_ratios, first_passes, loop_seconds, mb

    import unmangle
    from unmangle.encoding.second_look import reaches_repair

    held = ce.load_corpora(held_out=args.holdout)
    timed = ce.clean_paragraphs(args.paragraphs, 0, held)
    unseen = {p for docs in held.values() for d in docs for p in d.paragraphs}
    # Warm-up on the documents the models were built from (never the timed ones), and one mangled document a
    # family: models, tables and caches are loaded as on a corpus run, and no timed paragraph is seen before.
    seen = ce.load_corpora()
    warm = [p for _, p in ce.clean_paragraphs(args.warm_up, 1, seen) if p not in unseen]
    mangled = [s.corrupted for s in ce.generate(1, 1, ce.FAMILIES, seen)]
    tools = {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding}
    for tool in tools.values():
        for text in warm + mangled:
            tool(text)

    by_lang: dict[str, list[str]] = defaultdict(list)
    for lang, p in timed:
        by_lang[lang].append(p)
    passes = first_passes(tools, by_lang, warm + mangled, args.first_passes)
    first = {lang: {name: statistics.median(p[lang][name] for p in passes) for name in tools} for lang in by_lang}
    ratios = sorted(first_pass_ratios(passes))
    texts = [p for _, p in timed]
    loops = loop_seconds(tools, texts)
    changed = sum(unmangle.fix_text(p) != p for p in texts)

    reached = {lang: sum(map(reaches_repair, paras)) for lang, paras in by_lang.items()}
    total = {name: sum(first[lang][name] for lang in first) for name in tools}
    megabytes = mb(texts)
    report = {
        "holdout": args.holdout, "paragraphs": len(texts), "megabytes": round(megabytes, 3),
        "changed": changed,
        "first_pass": {name: round(megabytes / s, 2) for name, s in total.items()},
        "ratio_first_pass": round(statistics.median(ratios), 2),
        "first_passes": len(ratios),
        "ratio_first_pass_range": [round(ratios[0], 2), round(ratios[-1], 2)],
        "ratio_loops": round(loops["ftfy.fix_encoding"] / loops["unmangle"], 2),
        "reached_full_repair": sum(reached.values()),
        "by_language": {lang: {"paragraphs": len(by_lang[lang]), "reached_full_repair": reached[lang],
                               "ratio_first_pass": round(first[lang]["ftfy.fix_encoding"] / first[lang]["unmangle"], 2)}
                        for lang in sorted(by_lang)},
    }
    write_report(args.out, "clean_unseen", report, _markdown(report))
    return 0


def _markdown(r: dict) -> str:
    lines = [
        "# Clean text the models never saw",
        "",
        f"{r['paragraphs']} paragraphs ({r['megabytes']} MB) of every {r['holdout']}th document of each language, "
        f"repaired with models built without those documents; {r['changed']} changed.",
        "",
        "| measure | unmangle vs ftfy.fix_encoding | goal |",
        "|---|---|---|",
        f"| first pass (each paragraph once; median of {r['first_passes']}, "
        f"{r['ratio_first_pass_range'][0]:.2f}x-{r['ratio_first_pass_range'][1]:.2f}x) | {r['ratio_first_pass']:.2f}x "
        f"({r['first_pass']['unmangle']} vs {r['first_pass']['ftfy.fix_encoding']} MB/s) | >= {GOAL:g}x |",
        f"| repeated loops (as bench_encoding) | {r['ratio_loops']:.2f}x | |",
        f"| paragraphs that reach the full repair | {r['reached_full_repair']} of {r['paragraphs']} | |",
        "",
        "| language | paragraphs | reach the full repair | first pass vs ftfy |",
        "|---|---|---|---|",
    ]
    for lang, v in r["by_language"].items():
        lines.append(f"| {lang} | {v['paragraphs']} | {v['reached_full_repair']} | {v['ratio_first_pass']:.2f}x |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
