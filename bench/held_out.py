"""What the benchmarks run on held-out text share: their held-out options, and how they write their report.

Kept apart from bench_encoding.py, which imports unmangle (and so loads its models) when it is imported: a
benchmark's parent process only parses its options and starts a child with the held-out models named.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path


def add_held_out_arguments(ap: argparse.ArgumentParser, out: Path) -> None:
    """``--holdout K`` (models built without every K-th document, measured on those), ``--out`` and the
    child's hidden ``--child``."""
    ap.add_argument("--holdout", type=int, default=5, metavar="K")
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)


def write_report(out: Path, name: str, report: dict, markdown: str) -> None:
    """``<name>.json`` and ``<name>.md`` in ``out``, and the Markdown on stdout."""
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (out / f"{name}.md").write_text(markdown, encoding="utf-8")
    print(markdown)


def run_held_out(script: str, args: argparse.Namespace, measure: Callable[[argparse.Namespace], int],
                 passed: list[str]) -> int:
    """In the child, ``measure``; in the parent, ``script`` again as the child, with the held-out models named and
    the ``passed`` options."""
    if args.child:
        return measure(args)
    from bench_encoding import rerun_held_out

    return rerun_held_out(script, args.holdout, args.out, passed)


def per_language_main(script: str, doc: str, argv: Sequence[str] | None, out: Path,
                      measure: Callable[[argparse.Namespace], int], default: int, quick: int) -> int:
    """``main`` of a held-out benchmark whose one size is ``--per-language`` texts of each language (``--quick``:
    ``quick`` of them)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    add_held_out_arguments(ap, out)
    ap.add_argument("--per-language", type=int, default=default, help="texts of each language")
    ap.add_argument("--quick", action="store_true", help=f"{quick} texts of each language")
    args = ap.parse_args(argv)
    if args.quick:
        args.per_language = quick
    return run_held_out(script, args, measure, ["--per-language", str(args.per_language)])
