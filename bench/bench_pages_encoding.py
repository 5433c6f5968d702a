"""The encoding repair on real pages: unmangle.fix_text against ftfy.fix_encoding on ``../shared/pages``.

The pages are clean text as a naive scraper gives it (menus, icon glyphs, language lists, comments), in many
languages, some outside the corpora the models were built from. Nothing in them is mojibake, so the repair must
change none of them, and the clean path should take them: this reports the pages changed, the pages that reach
the full repair (and what costs the time there), and the throughput of both tools, first pass and warm.

Usage: ``python bench/bench_pages_encoding.py [--pages DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "pages_encoding.md"


def _timed(tool, texts: list[str]) -> tuple[float, list[float]]:  # noqa: ANN001 - any text -> text function
    each = []
    for text in texts:
        t0 = time.perf_counter()
        tool(text)
        each.append(time.perf_counter() - t0)
    return sum(each), each


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    paths = sorted(args.pages.glob("*/page.txt"))
    if not paths:
        print(f"no pages under {args.pages}", file=sys.stderr)
        return 1

    import ftfy

    import unmangle
    from unmangle.encoding.second_look import reaches_repair

    names = [p.parent.name for p in paths]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    first_u, _ = _timed(unmangle.fix_text, texts)  # (models and tables load here, as in any first run)
    first_f, _ = _timed(ftfy.fix_encoding, texts)
    warm_u, each_u = _timed(unmangle.fix_text, texts)
    warm_f, each_f = _timed(ftfy.fix_encoding, texts)
    changed = [n for n, t in zip(names, texts, strict=True) if unmangle.fix_text(t) != t]
    reaching = [i for i, t in enumerate(texts) if reaches_repair(t)]
    rest_u = warm_u - sum(each_u[i] for i in reaching)
    rest_f = warm_f - sum(each_f[i] for i in reaching)

    lines = [
        "# The encoding repair on real pages",
        "",
        f"{len(texts)} pages ({mb:.2f} MB) from {args.pages.name}/, all clean text.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| pages changed (must be 0) | {len(changed)} {' '.join(changed)} |",
        f"| pages that reach the full repair | {len(reaching)} |",
        f"| first pass, unmangle vs ftfy.fix_encoding | {first_f / first_u:.2f}x "
        f"({first_u:.2f} s vs {first_f:.2f} s) |",
        f"| warm, unmangle vs ftfy.fix_encoding | {warm_f / warm_u:.2f}x ({warm_u:.3f} s vs {warm_f:.3f} s) |",
        f"| warm, the pages that take the clean path | {rest_f / rest_u:.2f}x |",
        "",
        "| page reaching the full repair | unmangle ms | ftfy ms |",
        "|---|---|---|",
    ]
    for i in sorted(reaching, key=lambda i: -each_u[i]):
        lines.append(f"| {names[i]} | {each_u[i] * 1000:.1f} | {each_f[i] * 1000:.1f} |")
    report = "\n".join(lines) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps({
        "pages": len(texts), "mb": mb, "changed": changed, "reaching_repair": [names[i] for i in reaching],
        "first_ratio": first_f / first_u, "warm_ratio": warm_f / warm_u, "clean_path_ratio": rest_f / rest_u,
    }, indent=2), encoding="utf-8")
    print(report)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
