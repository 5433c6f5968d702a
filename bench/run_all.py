"""Run every benchmark in bench/: each ``bench/bench_*.py`` that defines ``main(argv) -> int``, in name order.

A new benchmark only has to be a ``bench_<name>.py`` file with such a ``main`` (which gets ``["--quick"]`` when
asked for, if it knows that flag); nothing here needs editing.
Usage: ``python bench/run_all.py [--quick] [--only NAME ...]``; the exit code is the worst one.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent


def discover(only: Sequence[str] | None = None) -> list[Path]:
    """The benchmark files, optionally only those whose name (``encoding`` for bench_encoding.py) is listed."""
    paths = sorted(BENCH.glob("bench_*.py"))
    if only:
        paths = [p for p in paths if p.stem.removeprefix("bench_") in only or p.stem in only]
    return paths


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="pass --quick to every benchmark")
    ap.add_argument("--only", nargs="+", help="names of benchmarks to run (e.g. encoding)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    worst = 0
    for path in discover(args.only):
        print(f"\n=== {path.stem} ===", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            module = load(path)
            # a benchmark that has no quick mode still runs, in full
            quick = args.quick and "--quick" in path.read_text(encoding="utf-8")
            code = module.main(["--quick"] if quick else [])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            code = 1
        print(f"=== {path.stem}: exit {code} in {time.perf_counter() - t0:.0f}s ===", file=sys.stderr, flush=True)
        worst = max(worst, code or 0)
    return worst


if __name__ == "__main__":
    sys.exit(main())
