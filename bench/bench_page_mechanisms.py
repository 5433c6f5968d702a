"""Per-mechanism benchmark of page cleanup on synthetic pages (bench/make_pages.py).

Two views: ``unmangle.clean`` on whole pages (debris, identifiers, spam, repeats, holes, title, dateline, byline,
captions, body similarity, clean articles unchanged), and the part-B functions alone (``remove_injections``,
``merge_repeated_paragraphs``, ``find_holes``) on the paragraphs they would get, so each can be tuned apart.
Writes ``bench/out/page_mechanisms.md``.

Usage: ``python bench/bench_page_mechanisms.py [--n 300] [--seed 7] [--quick] [--show MECHANISM]``
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pages import Page, generate  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "page_mechanisms.md"
GOALS = {
    "debris": "recall >= 0.95, precision >= 0.99", "repeats": ">= 0.99", "holes": "precision >= 0.8, recall >= 0.7",
    "title": ">= 0.9", "dateline": ">= 0.9", "byline": ">= 0.9", "captions": ">= 0.9",
}
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(slots=True)
class Count:
    """True positives, false positives, false negatives, and examples of the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0, why: str = "") -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn
        if (fp or fn) and why and len(self.errors) < 40:
            self.errors.append(why)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def shingles(text: str, by_char: bool, n: int = 4) -> set[tuple[str, ...]]:
    toks = list(squeeze(text)) if by_char else text.split()
    if len(toks) < n:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def f1(predicted: str, expected: str) -> float:
    by_char = len(_UNSPACED.findall(expected)) > 0.3 * max(1, len(squeeze(expected)))
    p, e = shingles(predicted, by_char), shingles(expected, by_char)
    if not p or not e:
        return float(p == e)
    common = len(p & e)
    return 2 * common / (len(p) + len(e))


def _present(block: str, paragraphs: list[str]) -> bool:
    """Whether a page block survives in the output paragraphs (exactly, or mostly for long blocks)."""
    b = norm(block)
    if any(norm(p) == b or b in norm(p).split("\n") for p in paragraphs):
        return True
    if len(b) < 40:
        return False
    return any(f1(p, block) >= 0.6 for p in paragraphs) or b in norm("\n".join(paragraphs))


# --- the whole composition ---------------------------------------------------------------------------------------

def score_clean(pages: list[Page]) -> tuple[dict[str, Count], dict[str, float]]:
    from unmangle import clean

    c: dict[str, Count] = defaultdict(Count)
    sims, sims_expected, unchanged, crashes, seconds = [], [], [], 0, 0.0
    for page in pages:
        t0 = time.perf_counter()
        try:
            doc = clean(page.page)
        except Exception:  # noqa: BLE001 - a crash is a result to report, not a reason to stop
            crashes += 1
            traceback.print_exc()
            continue
        seconds += time.perf_counter() - t0
        body = doc.text
        paras = [p for p in body.split("\n\n") if p.strip()]
        if page.clean:
            unchanged.append(norm(body) == norm(page.page))
            if norm(body) != norm(page.page):
                c["clean-unchanged"].add(fn=1, why=f"{page.id}: {body[:200]!r}")
            continue
        sims.append(f1(body, "\n\n".join(page.article)))
        sims_expected.append(f1(body, "\n\n".join(page.body)))
        _score_blocks(page, paras, c)
        _score_repeat_removals(page, doc, c)
        _score_spam_ids(page, doc, c)
        _score_parts(page, doc, c)
        _score_holes(page, doc, c)
    stats = {"pages": len(pages), "crashes": crashes, "seconds_per_page": seconds / max(1, len(pages)),
             "body_f1_vs_article": sum(sims) / max(1, len(sims)),
             "body_f1_vs_expected": sum(sims_expected) / max(1, len(sims_expected)),
             "clean_unchanged": sum(unchanged) / max(1, len(unchanged))}
    return c, stats


def _score_blocks(page: Page, paras: list[str], c: dict[str, Count]) -> None:
    lead = page.body[0]
    for b in page.blocks:
        role, text = b["role"], b["text"]
        for glued in page.ids:  # a glued identifier is meant to go: look for the block without it
            text = text.replace(glued, "")
        kept = _present(text, paras)
        if role in ("debris", "identifier", "spam"):
            c["debris"].add(tp=not kept, fn=kept, why=f"{page.id} kept {role}: {text[:100]!r}")
            if role == "identifier":
                c["identifiers"].add(tp=not kept, fn=kept, why=f"{page.id} kept: {text!r}")
        elif role == "body" and not kept:
                c["debris"].add(fp=1, why=f"{page.id} dropped body: {text[:100]!r}")
    if any(b["role"] == "repeat" for b in page.blocks):
        copies = sum(1 for p in paras if f1(p, lead) >= 0.6)
        c["repeats"].add(tp=copies == 1, fn=copies != 1, why=f"{page.id}: {copies} copies of the lead")
        if page.repeat_fill:
            filled = any(norm(page.article[0]) in norm(p) for p in paras)
            c["repeat-fill"].add(tp=filled, fn=not filled, why=f"{page.id}: lead not filled")


def _score_repeat_removals(page: Page, doc, c: dict[str, Count]) -> None:
    """Every paragraph dropped as a repeat must be a copy the page really had twice."""
    texts = [b["text"] for b in page.blocks]
    for r in doc.removed:
        if r.kind != "repeat":
            continue
        twice = sum(1 for t in texts if f1(t, r.text) >= 0.6) > 1
        if not twice:
            c["repeats"].add(fp=1, why=f"{page.id}: removed as a repeat: {r.text[:80]!r}")


def _score_spam_ids(page: Page, doc, c: dict[str, Count]) -> None:
    body = doc.text
    truth = {s.text for s in page.spam}
    for s in page.spam:
        if s.inside_word:
            gone = s.text not in body
            c["spam"].add(tp=gone, fn=not gone, why=f"{page.id} kept {s.text!r} in word")
    for e in doc.edits:
        if e.kind == "spam" and not any(t in e.before or e.before.strip() in t for t in truth if e.before.strip()):
            c["spam"].add(fp=1, why=f"{page.id} removed {e.before!r} as spam")
    for i in page.ids:
        gone = i not in body and all(i not in cap for cap in doc.captions)
        c["identifiers"].add(tp=gone, fn=not gone, why=f"{page.id} kept glued id {i}")
    for e in doc.edits:
        if (e.kind == "identifier" and not any(e.before.strip() in i or i in e.before for i in page.ids)
                and not any(b["role"] == "identifier" and e.before.strip() in b["text"] for b in page.blocks)):
                c["identifiers"].add(fp=1, why=f"{page.id} removed {e.before!r} as identifier")


def _score_parts(page: Page, doc, c: dict[str, Count]) -> None:
    for name, truth, got in (("title", page.title, doc.title), ("dateline", page.dateline, doc.dateline),
                             ("byline", page.byline, doc.byline)):
        ok = norm(truth) == norm(got) or (name == "dateline" and truth and norm(got).rstrip(" -–—.")
                                           == norm(truth).rstrip(" -–—."))
        c[name].add(tp=bool(truth and ok), fp=bool(got and not ok), fn=bool(truth and not ok),
                    why=f"{page.id}: {got!r} for {truth!r}")
    truth_caps = {norm(x) for x in page.captions}
    got_caps = {norm(x) for x in doc.captions}
    for x in got_caps:
        ok = x in truth_caps or any(t in x for t in truth_caps)
        c["captions"].add(tp=ok, fp=not ok, why=f"{page.id}: caption {x[:80]!r}")
    for t in truth_caps:
        if not any(t in x for x in got_caps):
            c["captions"].add(fn=1, why=f"{page.id}: missed caption {t[:80]!r}")


def _context(text: str, offset: int) -> tuple[str, str]:
    return squeeze(text[:offset])[-12:], squeeze(text[offset:])[:12]


def _hole_match(left: str, right: str, tl: str, tr: str) -> bool:
    """Same few characters on either side (a hole at a paragraph's end has none after it in the truth)."""
    kl, kr = min(6, len(tl)), min(6, len(tr))
    return (kl == 0 or left[-kl:] == tl[-kl:]) and right[:kr] == tr[:kr]


def _score_holes(page: Page, doc, c: dict[str, Count]) -> None:
    found = [_context(doc.text, g.offset) for g in doc.gaps if "link" in g.hint or "punctuation" in g.hint]
    for h in page.holes:
        hit = any(_hole_match(lft, rgt, h.left, h.right) for lft, rgt in found)
        c["holes"].add(tp=hit, fn=not hit, why=f"{page.id} missed hole {h.left}|{h.right}")
    for lft, rgt in found:
        if not any(_hole_match(lft, rgt, h.left, h.right) for h in page.holes):
            c["holes"].add(fp=1, why=f"{page.id} false hole {lft}|{rgt}")


# --- part B's functions alone ------------------------------------------------------------------------------------

def score_functions(pages: list[Page]) -> dict[str, Count]:
    from unmangle.page.holes import find_holes
    from unmangle.page.repeats import merge_repeated_paragraphs
    from unmangle.page.spam import find_injected_paragraphs, remove_injections

    c: dict[str, Count] = defaultdict(Count)
    for page in pages:
        texts = [b["text"] for b in page.blocks]
        # spam inside paragraphs, and the gaps where it replaced letters
        body_index = -1
        for k, b in enumerate(page.blocks):
            if b["role"] not in ("body", "caption", "title"):
                continue
            body_index += b["role"] == "body"
            truth = [s for s in page.spam if s.inside_word and s.para == body_index and b["role"] == "body"]
            _, edits, gaps = remove_injections(b["text"])
            for s in truth:
                hit = any(e.before == s.text for e in edits)
                c["fn:spam"].add(tp=hit, fn=not hit, why=f"{page.id}/{k} kept {s.text!r}")
                wants_gap = bool(s.replaced)
                c["fn:spam-gap"].add(tp=wants_gap and bool(gaps), fp=not wants_gap and bool(gaps) and len(truth) == 1,
                                     fn=wants_gap and not gaps, why=f"{page.id}/{k} gap for {s.replaced!r}: {gaps}")
            for e in edits:
                if not any(s.text == e.before for s in truth):
                    c["fn:spam"].add(fp=1, why=f"{page.id}/{k} removed {e.before!r} from {b['text'][:80]!r}")
        lines = {i for i, _ in find_injected_paragraphs(texts)}
        for i, b in enumerate(page.blocks):
            if b["role"] == "spam" or i in lines:
                ok = b["role"] == "spam"
                c["fn:spam-lines"].add(tp=ok and i in lines, fp=not ok, fn=ok and i not in lines,
                                       why=f"{page.id}/{i} {b['role']}: {b['text'][:60]!r}")
        # repeats over the whole block list
        result = merge_repeated_paragraphs(texts)
        removed = {i for i, _ in result.removed}
        for i, b in enumerate(page.blocks):
            if b["role"] == "repeat":
                c["fn:repeats"].add(tp=i in removed, fn=i not in removed, why=f"{page.id}/{i} kept teaser")
            elif i in removed:
                c["fn:repeats"].add(fp=1, why=f"{page.id}/{i} removed {b['role']}: {b['text'][:80]!r}")
        if page.repeat_fill:
            filled = any(page.article[0] in t for t in result.texts.values())
            c["fn:repeat-fill"].add(tp=filled, fn=not filled, why=f"{page.id}: not filled {result.texts}")
        # holes in the expected body paragraphs
        for k, para in enumerate(page.body):
            truth = [h.offset for h in page.holes if h.para == k]
            got = [g.offset for g in find_holes(para)]
            for t in truth:
                hit = any(abs(g - t) <= 2 for g in got)
                c["fn:holes"].add(tp=hit, fn=not hit, why=f"{page.id}/{k} missed {para[max(0, t - 40):t]!r}|"
                                                          f"{para[t:t + 30]!r}")
            for g in got:
                if not any(abs(g - t) <= 2 for t in truth):
                    c["fn:holes"].add(fp=1, why=f"{page.id}/{k} false {para[max(0, g - 40):g]!r}|{para[g:g + 30]!r}")
    return c


def report(counts: dict[str, Count], stats: dict[str, float] | None, n: int, seed: int) -> str:
    lines = [f"# Page mechanisms on synthetic pages ({n} pages, seed {seed})", "",
             "Pages from `bench/make_pages.py` (dev corpora wrapped with debris, identifiers, spam, repeated leads, "
             "stripped links, captions, bylines, datelines; some clean). Regenerate: `python bench/make_pages.py`.", ""]
    if stats:
        lines += ["## unmangle.clean", "", "| mechanism | precision | recall | n | goal |", "|---|---|---|---|---|"]
        for name in ("debris", "identifiers", "spam", "repeats", "repeat-fill", "holes", "title", "dateline",
                     "byline", "captions"):
            k = counts.get(name, Count())
            lines.append(f"| {name} | {k.precision:.3f} | {k.recall:.3f} | {k.tp + k.fn} | {GOALS.get(name, '')} |")
        lines += ["", f"- body 4-shingle F1 vs the clean article: {stats['body_f1_vs_article']:.3f}; vs the expected "
                      f"body (holes and lost letters kept): {stats['body_f1_vs_expected']:.3f}",
                  f"- clean articles unchanged: {stats['clean_unchanged']:.3f}",
                  f"- crashes: {stats['crashes']}; {stats['seconds_per_page'] * 1000:.0f} ms a page", ""]
    lines += ["## Part-B functions alone", "", "| function | precision | recall | n |", "|---|---|---|---|"]
    for name in sorted(k for k in counts if k.startswith("fn:")):
        k = counts[name]
        lines.append(f"| {name[3:]} | {k.precision:.3f} | {k.recall:.3f} | {k.tp + k.fn} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="100 pages")
    ap.add_argument("--functions-only", action="store_true", help="skip unmangle.clean")
    ap.add_argument("--show", nargs="*", default=[], help="print the errors of these mechanisms")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    n = 100 if args.quick else args.n
    pages = generate(n, args.seed)
    counts = score_functions(pages)
    stats = None
    if not args.functions_only:
        whole, stats = score_clean(pages)
        counts.update(whole)
    text = report(counts, stats, n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    for name in args.show:
        print(f"\n## errors: {name}")
        for e in counts.get(name, Count()).errors:
            print(" ", e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
