"""Real-page benchmark: how much of the reference article ``unmangle.clean`` keeps, and how much debris it drops.

Scores body text with 4-token shingles per page (precision, recall, F1, averaged over pages), the way published
article-extraction benchmarks score HTML extractors, plus title and byline accuracy against ``meta.json``.
Pages are split in two fixed halves by a hash of their name so a tuning run can be checked on the half it did not see.

Usage: ``python bench/bench_pages.py [--pages DIR] [--out FILE] [--show N]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "pages.md"
SHINGLE = 4


@dataclass(slots=True)
class PageScore:
    name: str
    precision: float
    recall: float
    f1: float
    title_ok: bool | None
    byline_ok: bool | None
    seconds: float


_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def written_without_spaces(text: str) -> bool:
    """Chinese, Japanese and Thai: shingles of characters, decided on the reference so both sides agree."""
    squeezed = re.sub(r"\s+", "", text)
    return bool(squeezed) and len(_UNSPACED.findall(squeezed)) > 0.3 * len(squeezed)


def tokens(text: str, by_char: bool) -> list[str]:
    return list(re.sub(r"\s+", "", text)) if by_char else text.split()


def shingles(text: str, by_char: bool, n: int = SHINGLE) -> set[tuple[str, ...]]:
    toks = tokens(text, by_char)
    if len(toks) < n:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def prf(predicted: str, expected: str) -> tuple[float, float, float]:
    by_char = written_without_spaces(expected)
    p_set, e_set = shingles(predicted, by_char), shingles(expected, by_char)
    if not p_set and not e_set:
        return 1.0, 1.0, 1.0
    if not p_set or not e_set:
        return 0.0, 0.0, 0.0
    common = len(p_set & e_set)
    precision, recall = common / len(p_set), common / len(e_set)
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def normalise(text: str | None) -> str:
    """Casefolded words only: titles and bylines differ in quotes, dashes and spacing between sources."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"^\s*(by|von|par|por|di|door|av|автор:?)\s+", "", text)
    return " ".join(re.findall(r"\w+", text))


def title_matches(predicted: str | None, reference: str | None) -> bool:
    """Equal after normalisation, or equal to the reference without its site-name part (``Title | Site``)."""
    pred, ref = normalise(predicted), normalise(reference)
    if not pred:
        return not ref
    if pred == ref:
        return True
    parts = re.split(r"\s+[|\-–—·:»/]\s+|_", reference or "")
    return any(normalise(p) == pred for p in parts if len(normalise(p)) >= 0.5 * len(pred))


def byline_matches(predicted: str | None, reference: str | None) -> bool:
    """The reference author name is the predicted byline, or is contained in it (bylines carry a role or date)."""
    pred, ref = normalise(predicted), normalise(reference)
    if not ref:
        return not pred
    if not pred:
        return False
    return pred == ref or ref in pred or (pred in ref and len(pred) >= 0.5 * len(ref))


def half_of(name: str) -> str:
    return "A" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "B"


def score_page(page_dir: Path, raw: bool) -> PageScore:
    from unmangle.page import clean

    page = (page_dir / "page.txt").read_text(encoding="utf-8")
    expected = (page_dir / "expected.txt").read_text(encoding="utf-8")
    meta = json.loads((page_dir / "meta.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    if raw:
        body, title, byline = page, None, None
    else:
        doc = clean(page)
        body, title, byline = doc.text, doc.title, doc.byline
    seconds = time.perf_counter() - start
    precision, recall, f1 = prf(body, expected)
    title_ok = None if raw or not meta.get("title") else title_matches(title, meta["title"])
    byline_ok = None if raw else byline_matches(byline, meta.get("byline"))
    return PageScore(page_dir.name, precision, recall, f1, title_ok, byline_ok, seconds)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summary_row(label: str, scores: list[PageScore]) -> str:
    titles = [s.title_ok for s in scores if s.title_ok is not None]
    bylines = [s.byline_ok for s in scores if s.byline_ok is not None]
    title = f"{mean([float(t) for t in titles]):.3f}" if titles else "–"
    byline = f"{mean([float(b) for b in bylines]):.3f}" if bylines else "–"
    return (f"| {label} | {len(scores)} | {mean([s.precision for s in scores]):.3f} | "
            f"{mean([s.recall for s in scores]):.3f} | {mean([s.f1 for s in scores]):.3f} | {title} | {byline} |")


def collect(pages: Path, raw: bool) -> list[PageScore]:
    dirs = sorted(d for d in pages.iterdir() if (d / "page.txt").exists() and (d / "expected.txt").exists())
    return [score_page(d, raw) for d in dirs]


def report(ours: list[PageScore], raw: list[PageScore], show: int) -> str:
    head = ["| run | pages | precision | recall | F1 | title acc. | byline acc. |", "|---|---|---|---|---|---|---|"]
    rows = [summary_row("raw page text", raw), summary_row("unmangle.clean", ours)]
    for half in ("A", "B"):
        rows.append(summary_row(f"unmangle.clean, half {half}", [s for s in ours if half_of(s.name) == half]))
    worst = sorted(ours, key=lambda s: s.f1)[:show]
    lines = ["# Real pages: body shingle scores", "",
             f"{len(ours)} pages from ../shared/pages; {SHINGLE}-token shingles per page, averaged. "
             "Goal: F1 >= 0.93 with recall >= 0.95.", "", *head, *rows, "",
             f"Total cleaning time: {sum(s.seconds for s in ours):.1f} s.", "",
             "## Worst pages", "", "| page | precision | recall | F1 | title | byline |", "|---|---|---|---|---|---|"]
    for s in worst:
        lines.append(f"| {s.name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.title_ok} | {s.byline_ok} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--show", type=int, default=15, help="how many worst pages to list")
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        print(f"bench_pages: no pages at {args.pages}", file=sys.stderr)
        return 1
    ours, raw = collect(args.pages, raw=False), collect(args.pages, raw=True)
    text = report(ours, raw, args.show)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
