"""Benchmark of the encoding repair: unmangle.fix_text against ftfy.fix_encoding and ftfy.fix_text, same inputs.

Reports, per family of :mod:`corrupt_encoding`: documents restored exactly and *damage repaired*
``1 - (characters still wrong after / characters wrong before)``, where "characters wrong" is the Levenshtein
distance to the clean original (a character-level alignment); the share of clean paragraphs (all 23 languages) and
of clean typographic paragraphs left unchanged; throughput in MB/s (UTF-8 input bytes) on clean and on mangled
text (clean text as the median of five tight loops, the tools taking turns: its calls take microseconds, and a
clock read around each would count too); and the documents ftfy.fix_encoding restores exactly but unmangle does
not (there should be none).

Writes ``bench/out/encoding.md``, ``bench/out/encoding.json`` and ``bench/out/encoding_failures/`` (a few failing
examples per family, the clean paragraphs that changed, the ftfy-beats-unmangle documents) so the engine author can
debug quickly. ``--quick`` runs a small sample in well under a minute; ``--family`` filters families.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402

from unmangle.data import OVERRIDE as MODELS_OVERRIDE  # noqa: E402  (importing unmangle loads the models)

try:
    from rapidfuzz.distance import Levenshtein
except ImportError:  # pragma: no cover - the bench extra installs it
    sys.exit("bench_encoding needs rapidfuzz: pip install -e '.[bench]'")

OUT = ce.REPO / "bench" / "out"
Tool = Callable[[str], str]
TOOL_NAMES = ("unmangle", "ftfy.fix_encoding", "ftfy.fix_text")
EXAMPLES_PER_FAMILY = 6


def load_tools() -> dict[str, Tool]:
    import ftfy

    import unmangle

    return {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding, "ftfy.fix_text": ftfy.fix_text}


@dataclass(slots=True)
class Outcome:
    """What one tool made of a list of inputs, and how long it took."""

    outputs: list[str]
    seconds: float
    errors: dict[int, str] = field(default_factory=dict)
    slowest: list[tuple[float, int]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # seconds per input


def run_tool(tool: Tool, inputs: Sequence[str]) -> Outcome:
    """Call ``tool`` on every input, timing each call; an exception counts as leaving the input unchanged."""
    outputs, errors, times = [], {}, []
    clock = time.perf_counter
    for i, text in enumerate(inputs):
        t0 = clock()
        try:
            out = tool(text)
        except Exception as exc:  # noqa: BLE001 - the bench must survive engine bugs and report them
            out = text
            errors[i] = "".join(traceback.format_exception_only(exc)).strip()
        times.append(clock() - t0)
        outputs.append(out)
    slowest = sorted(((t, i) for i, t in enumerate(times)), reverse=True)[:5]
    return Outcome(outputs, sum(times), errors, slowest, times)


LOOPS = 5  # passes over the clean paragraphs, each tool in turn; the median is reported


def loop_seconds(tools: dict[str, Tool], inputs: Sequence[str], loops: int = LOOPS) -> dict[str, float]:
    """Median seconds of a tight loop over ``inputs``, for each tool, the tools taking turns. On clean text a
    call takes a few microseconds: timing each call (as :func:`run_tool` does, for the slowest inputs) would
    add the clock's own cost to both tools, and a shared machine's speed drifts between one tool's pass and the
    other's unless they alternate."""
    seconds: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(loops):
        for name, tool in tools.items():
            t0 = time.perf_counter()
            for text in inputs:
                try:
                    tool(text)
                except Exception:  # noqa: BLE001, S112 - run_tool has reported it
                    continue
            seconds[name].append(time.perf_counter() - t0)
    return {name: statistics.median(times) for name, times in seconds.items()}


_MEMO = 1024  # entries: a cache this large remembers text (words, shapes); smaller ones hold loaded tables


def forget_memos() -> None:
    """Clear what unmangle remembers of the text it has read (its functions' memo caches and the character
    model's trigram answers), as a new process would start; the models and tables it loaded once stay."""
    from unmangle.encoding.model import default_model

    for name, module in list(sys.modules.items()):
        if name == "unmangle" or name.startswith("unmangle."):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if info is not None and (info().maxsize or _MEMO) >= _MEMO:
                    value.cache_clear()
    default_model()._at.clear()
    from unmangle.encoding import lost_bytes, token_scores

    token_scores._CACHE.clear()
    lost_bytes._CHOICES.clear()


def first_passes(tools: dict[str, Tool], groups: dict[str, list[str]], rewarm: Sequence[str],
                 passes: int) -> list[dict[str, dict[str, float]]]:
    """Seconds of each tool on each group of texts it has not seen, the tools taking turns group by group;
    ``passes`` times. A first pass over half a megabyte of clean text takes unmangle a few milliseconds, and
    one alone moves by 10% from run to run: between passes unmangle forgets what it learned from the timed
    texts (:func:`forget_memos`) and reads ``rewarm`` again, the whole warm-up, mangled documents too (a pass
    after clean text alone ran 5-8% faster than the first: the repairs fill the memo caches, and lookups in
    full ones cost more, as on a corpus)."""
    import unmangle

    out = []
    for n in range(passes):
        if n:
            forget_memos()
            for text in rewarm:
                unmangle.fix_text(text)
        out.append({key: loop_seconds(tools, texts, loops=1) for key, texts in sorted(groups.items())})
    return out


def first_pass_ratios(passes: list[dict[str, dict[str, float]]]) -> list[float]:
    """ftfy.fix_encoding's time over unmangle's, pass by pass (printed in order: a trend would show a cache
    :func:`forget_memos` misses)."""
    totals = [(sum(p[k]["unmangle"] for k in p), sum(p[k]["ftfy.fix_encoding"] for k in p)) for p in passes]
    print("first passes, in order:", " ".join(f"{f / max(u, 1e-9):.2f}x ({u * 1e3:.1f} vs {f * 1e3:.1f} ms)"
                                               for u, f in totals), file=sys.stderr)
    return [f / max(u, 1e-9) for u, f in totals]


def mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def excerpt(clean: str, other: str, width: int = 90) -> tuple[int, str, str]:
    """Position of the first difference and a window of both strings around it."""
    i = next((k for k, (a, b) in enumerate(zip(clean, other, strict=False)) if a != b), min(len(clean), len(other)))
    lo = max(0, i - width // 3)
    return i, clean[lo:lo + width], other[lo:lo + width]


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


# --- the mangled set --------------------------------------------------------------------------------------------------

def score_mangled(samples: list[ce.Sample], outcomes: dict[str, Outcome]) -> dict:
    """Per family and overall: exact restores, characters wrong before and after, harmed documents."""
    before = [Levenshtein.distance(s.corrupted, s.clean) for s in samples]
    fam_stats: dict[str, dict] = {}
    totals = {t: {"exact": 0, "after": 0} for t in outcomes}
    by_fam: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(samples):
        by_fam[s.family].append(i)
    after_all = {t: [Levenshtein.distance(o.outputs[i], samples[i].clean) for i in range(len(samples))]
                 for t, o in outcomes.items()}
    for fam, idx in by_fam.items():
        s0 = samples[idx[0]]
        wrong_before = sum(before[i] for i in idx)
        row: dict = {"group": s0.group, "lossless": s0.lossless, "docs": len(idx), "chars_wrong_before": wrong_before,
                     "langs": sorted({samples[i].lang for i in idx})}
        for t, o in outcomes.items():
            exact = sum(o.outputs[i] == samples[i].clean for i in idx)
            after = sum(after_all[t][i] for i in idx)
            row[t] = {
                "exact": exact / len(idx),
                "damage_repaired": 1 - after / wrong_before,
                "chars_wrong_after": after,
                "harmed": sum(after_all[t][i] > before[i] for i in idx),
                "errors": sum(i in o.errors for i in idx),
            }
            totals[t]["exact"] += exact
            totals[t]["after"] += after
        fam_stats[fam] = row
    wrong_before = sum(before)
    overall = {t: {"exact": totals[t]["exact"] / max(1, len(samples)),
                   "damage_repaired": 1 - totals[t]["after"] / wrong_before if wrong_before else None}
               for t in outcomes}
    groups: dict[str, dict] = {}
    for g in sorted({r["group"] for r in fam_stats.values()}):
        rows = [r for r in fam_stats.values() if r["group"] == g]
        wb = sum(r["chars_wrong_before"] for r in rows)
        idx = [i for i, smp in enumerate(samples) if smp.group == g]
        size = mb([samples[i].corrupted for i in idx])
        groups[g] = {"families": len(rows), "docs": sum(r["docs"] for r in rows),
                     **{t: 1 - sum(r[t]["chars_wrong_after"] for r in rows) / wb for t in outcomes},
                     "mbps": {t: size / max(sum(o.times[i] for i in idx), 1e-9) for t, o in outcomes.items()}}
    return {"families": fam_stats, "overall": overall, "groups": groups, "before": before, "after": after_all}


def ftfy_violations(samples: list[ce.Sample], outcomes: dict[str, Outcome]) -> list[int]:
    """Documents ftfy.fix_encoding restores exactly and unmangle does not."""
    fe, um = outcomes.get("ftfy.fix_encoding"), outcomes.get("unmangle")
    if fe is None or um is None:
        return []
    return [i for i, s in enumerate(samples) if fe.outputs[i] == s.clean and um.outputs[i] != s.clean]


# --- reports ----------------------------------------------------------------------------------------------------------

def write_failures(out_dir: Path, samples: list[ce.Sample], outcomes: dict[str, Outcome], scores: dict,
                   violations: list[int], clean: list[tuple[str, str]], clean_out: dict[str, Outcome],
                   typo: list[tuple[str, str]], typo_out: dict[str, Outcome]) -> None:
    """A few failing examples per family, so a failure can be reproduced from the file alone."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    um = outcomes["unmangle"]
    by_fam: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(samples):
        if um.outputs[i] != s.clean:
            by_fam[s.family].append(i)
    for fam, idx in by_fam.items():
        # worst first: the documents where most damage is left
        idx.sort(key=lambda i: -scores["after"]["unmangle"][i])
        lines = [f"# {fam}: {len(idx)} documents not restored exactly\n"]
        for i in idx[:EXAMPLES_PER_FAMILY]:
            lines += _example(samples[i], i, outcomes, scores)
        (out_dir / f"{fam}.md").write_text("\n".join(lines), encoding="utf-8")
    if violations:
        lines = [f"# {len(violations)} documents ftfy.fix_encoding restores exactly and unmangle does not\n"]
        for i in violations[:40]:
            lines += _example(samples[i], i, outcomes, scores)
        (out_dir / "_ftfy_exact_violations.md").write_text("\n".join(lines), encoding="utf-8")
    for name, items, outs in (("clean", clean, clean_out), ("typographic", typo, typo_out)):
        changed = [i for i, (_, p) in enumerate(items) if outs["unmangle"].outputs[i] != p]
        if not changed:
            continue
        lines = [f"# {len(changed)} {name} paragraphs changed by unmangle\n"]
        for i in changed[:60]:
            lang, p = items[i]
            pos, a, b = excerpt(p, outs["unmangle"].outputs[i])
            lines += [f"## #{i} [{lang}] first difference at {pos}", f"- clean:    `{a!r}`", f"- unmangle: `{b!r}`",
                      f"- full input: `{p!r}`", ""]
        (out_dir / f"_{name}_changed.md").write_text("\n".join(lines), encoding="utf-8")
    errors = [(i, msg) for i, msg in um.errors.items()]
    if errors:
        lines = [f"# {len(errors)} exceptions raised by unmangle on mangled documents\n"]
        lines += [f"- #{i} {samples[i].family}: {msg} input `{samples[i].corrupted[:200]!r}`" for i, msg in errors[:50]]
        (out_dir / "_exceptions.md").write_text("\n".join(lines), encoding="utf-8")


def _example(s: ce.Sample, i: int, outcomes: dict[str, Outcome], scores: dict) -> list[str]:
    out = outcomes["unmangle"].outputs[i]
    pos, a, b = excerpt(s.clean, out)
    lines = [f"## #{i} [{s.lang}] {s.doc_id}: wrong before {scores['before'][i]}, "
             f"after {scores['after']['unmangle'][i]} (first difference at {pos})",
             f"- clean:     `{a!r}`", f"- corrupted: `{s.corrupted[max(0, pos - 30):pos + 60]!r}`",
             f"- unmangle:  `{b!r}`"]
    for t in ("ftfy.fix_encoding",):
        if t in outcomes:
            lines.append(f"- {t}: {'exact' if outcomes[t].outputs[i] == s.clean else 'not exact'}")
    if i in outcomes["unmangle"].errors:
        lines.append(f"- exception: {outcomes['unmangle'].errors[i]}")
    more = " (cut)" if len(s.corrupted) > 1500 else ""
    lines += [f"- corrupted input{more}: `{s.corrupted[:1500]!r}`", ""]
    return lines


def render_markdown(report: dict) -> str:
    tools = report["tools"]
    s = report["summary"]
    lines = ["# Encoding benchmark", "",
             f"{s['mangled_docs']} mangled documents in {s['families']} families (seed {report['seed']}, "
             f"{report['per_family']} per family); {s['clean_paragraphs']} clean paragraphs in "
             f"{s['clean_langs']} languages; {s['typographic_paragraphs']} clean typographic paragraphs."
             + (f" Held out: only every {report['holdout']}th document of each language, repaired with models "
                "built without them." if report.get("holdout") else ""), "",
             "| metric | " + " | ".join(tools) + " | goal |", "|---|" + "---|" * len(tools) + "---|"]

    def row(name: str, vals: list[str], goal: str) -> None:
        lines.append(f"| {name} | " + " | ".join(vals) + f" | {goal} |")

    row("damage repaired, overall", [_pct(s["overall"][t]["damage_repaired"]) for t in tools], ">= 95%")
    row("damage repaired, worst family",
        [f"{_pct(s['worst_family'][t][1])} ({s['worst_family'][t][0]})" for t in tools], ">= 80%")
    row("families >= 80% repaired", [f"{s['families_ok'][t]}/{s['families']}" for t in tools], "all")
    row("documents restored exactly", [_pct(s["overall"][t]["exact"]) for t in tools], "")
    row("clean paragraphs unchanged", [_pct(s["clean_unchanged"][t]) for t in tools], "100%")
    row("typographic paragraphs unchanged", [_pct(s["typographic_unchanged"][t]) for t in tools], "100%")
    row("MB/s on clean text", [f"{s['mbps_clean'][t]:.2f}" for t in tools], "")
    row("MB/s on mangled text", [f"{s['mbps_mangled'][t]:.2f}" for t in tools], "")
    row("speed vs ftfy.fix_encoding, clean", [f"{s['ratio_clean'][t]:.2f}x" for t in tools], ">= 10x")
    if "ratio_clean_first_pass" in s:
        row("the same, first pass (each paragraph once; median of several, see --first-passes)",
            [f"{s['ratio_clean_first_pass'][t]:.2f}x" for t in tools], "")
    row("speed vs ftfy.fix_encoding, mangled", [f"{s['ratio_mangled'][t]:.2f}x" for t in tools], ">= 1x")
    row("exceptions", [str(s["exceptions"][t]) for t in tools], "0")
    changed = ", ".join(f"{lang} {n}" for lang, n in s["clean_changed_by_lang"].items()) or "none"
    lines += ["", f"Documents ftfy.fix_encoding restores exactly but unmangle does not: **{s['ftfy_violations']}** "
              "(goal 0).", "", f"Clean paragraphs changed by unmangle, by language: {changed}.", "",
              "## By group (damage repaired; speed of unmangle against ftfy.fix_encoding on the group's documents)",
              "", "| group | families | docs | " + " | ".join(tools) + " | speed vs ftfy |",
              "|---|---|---|" + "---|" * len(tools) + "---|"]
    for g, r in report["groups"].items():
        speed = r["mbps"]["unmangle"] / max(r["mbps"]["ftfy.fix_encoding"], 1e-9)
        lines.append(f"| {g} | {r['families']} | {r['docs']} | " + " | ".join(_pct(r[t]) for t in tools)
                     + f" | {speed:.2f}x |")
    lines += ["", "## By family", "",
              "| family | docs | exact: " + " / ".join(tools) + " | repaired: " + " / ".join(tools) +
              " | harmed (unmangle) |", "|---|---|---|---|---|"]
    for fam, r in report["families"].items():
        exact = " / ".join(_pct(r[t]["exact"]) for t in tools)
        rep = " / ".join(_pct(r[t]["damage_repaired"]) for t in tools)
        flag = " ⚠" if r["unmangle"]["damage_repaired"] < 0.8 else ""
        lines.append(f"| {fam}{flag} | {r['docs']} | {exact} | {rep} | {r['unmangle']['harmed']} |")
    return "\n".join(lines) + "\n"


def _changed_by_lang(items: list[tuple[str, str]], outputs: list[str]) -> dict[str, int]:
    changed: dict[str, int] = defaultdict(int)
    for (lang, p), out in zip(items, outputs, strict=True):
        if out != p:
            changed[lang] += 1
    return dict(sorted(changed.items()))


def rerun_held_out(script: str, holdout: int, out: Path, args: list[str]) -> int:
    """Run ``script`` again in a child process with ``--child`` and ``args``, with the models built without every
    ``holdout``-th document (importing unmangle loads the models: they must be named before it starts)."""
    env = {**os.environ, MODELS_OVERRIDE: str(holdout_models(holdout, out))}
    cmd = [sys.executable, script, "--child", "--holdout", str(holdout), "--out", str(out), *args]
    return subprocess.run(cmd, env=env, check=False).returncode


def holdout_models(k: int, out: Path) -> Path:
    """A folder of models built from the corpora less every ``k``-th document (built once, then reused until
    their script's text changes: a checkout's file times say nothing, a worktree of an older commit is newer)."""
    folder = out / f"models-holdout-{k}"
    folder.mkdir(parents=True, exist_ok=True)
    # (The corpora the benchmark reads, $UNMANGLE_CORPORA included: the scripts' default is the repository's.)
    for script, name, corpora in (("build_charmodel.py", "charmodel.npz", ["--corpora", ce.CORPORA / "*.dev.jsonl"]),
                                  ("build_cjk_model.py", "cjk_ngrams.npz", ["--corpora", ce.CORPORA]),
                                  ("build_word_stats.py", "wordstats.json.gz", [ce.CORPORA])):
        built, source = folder / name, ce.REPO / "scripts" / script
        stamp = folder / f"{name}.script-sha256"
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
        if not built.exists() or not stamp.exists() or stamp.read_text() != digest:
            cmd = [sys.executable, str(source), "--holdout", str(k), *map(str, corpora)]
            cmd += ["--out", str(built)] if script != "build_word_stats.py" else [str(built)]
            subprocess.run(cmd, check=True, stdout=sys.stderr)
            stamp.write_text(digest)
    return folder


# --- main -------------------------------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Encoding repair benchmark: unmangle vs ftfy.")
    ap.add_argument("--quick", action="store_true", help="small sample, well under a minute")
    ap.add_argument("--full", action="store_true", help="100 documents per family and every clean paragraph")
    ap.add_argument("--family", action="append", help="family name or substring (repeatable)")
    ap.add_argument("--per-family", type=int)
    ap.add_argument("--clean", type=int, help="number of clean paragraphs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--first-passes", type=int, default=3, metavar="N",
                    help="first passes over the clean paragraphs, unmangle forgetting them in between (median)")
    ap.add_argument("--holdout", type=int, default=0, metavar="K",
                    help="measure on every K-th document of each language only, with models built without them")
    ap.add_argument("--tools", default=",".join(TOOL_NAMES),
                    help="comma-separated subset of the tools (unmangle and ftfy.fix_encoding are always run)")
    args = ap.parse_args(argv)

    per_family = args.per_family or (5 if args.quick else 100 if args.full else 30)
    n_clean = args.clean or (1500 if args.quick else 10**9 if args.full else 11_500)
    n_typo = 100 if args.quick else 500
    families = ce.select_families(args.family)
    if not families:
        print(f"no family matches {args.family}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    if args.holdout:
        folder = str(holdout_models(args.holdout, args.out))
        if os.environ.get(MODELS_OVERRIDE) != folder:
            # Importing unmangle (this script did, through corrupt_encoding) loads the shipped models: the held-out
            # ones must be named before, so the measurement runs in a child process that starts with them.
            cmd = [sys.executable, __file__, *(sys.argv[1:] if argv is None else argv)]
            return subprocess.run(cmd, env={**os.environ, MODELS_OVERRIDE: folder}, check=False).returncode
    corpora = ce.load_corpora(held_out=args.holdout)
    samples = ce.generate(per_family, args.seed, families, corpora)
    clean = ce.clean_paragraphs(n_clean, args.seed, corpora)
    typo = ce.typographic_paragraphs(n_typo, args.seed, corpora)
    print(f"generated {len(samples)} mangled documents, {len(clean)} clean and {len(typo)} typographic paragraphs "
          f"in {time.perf_counter() - t0:.1f}s", file=sys.stderr)

    wanted = set(args.tools.split(",")) | {"unmangle", "ftfy.fix_encoding"}
    tools = {name: tool for name, tool in load_tools().items() if name in wanted}
    # Steady state, as on a corpus: every tool first sees other documents (another seed, less the paragraphs
    # that are timed), so that loading models and filling caches is not timed; the timed documents are never
    # seen before. (A corpus run sees millions of documents before any one: 10,000 is a small warm-up.) The
    # throughput loops on clean text then repeat them, the tools taking turns; a first loop over the paragraphs,
    # before any tool has seen them, is reported too: caches keyed by a word's shape make the repeats a little
    # faster than a corpus, where every paragraph is new.
    timed = {p for _, p in clean}
    # (Held out, the timed paragraphs are all the held-out documents have: the warm-up reads the documents the
    # models were built from, as bench_clean_unseen's does, else the first pass would time loading the tables.)
    warm_corpora = ce.load_corpora() if args.holdout else corpora
    warm = [p for _, p in ce.clean_paragraphs(min(n_clean, 10_000), args.seed + 1, warm_corpora) if p not in timed]
    warm += [s.corrupted for s in ce.generate(1, args.seed + 1, families, corpora)]
    for tool in tools.values():
        for text in warm:
            tool(text)
    corrupted = [s.corrupted for s in samples]
    passes = first_passes(tools, {"clean": [p for _, p in clean]}, warm, args.first_passes)
    first_pass = {t: statistics.median(p["clean"][t] for p in passes) for t in tools}
    first_pass_ratios(passes)  # (each pass, in order, on stderr)
    outcomes, clean_out, typo_out = {}, {}, {}
    for name, tool in tools.items():
        outcomes[name] = run_tool(tool, corrupted)
        clean_out[name] = run_tool(tool, [p for _, p in clean])
        typo_out[name] = run_tool(tool, [p for _, p in typo])
        print(f"{name}: mangled {outcomes[name].seconds:.1f}s, clean {clean_out[name].seconds:.1f}s",
              file=sys.stderr)

    for name, seconds in loop_seconds(tools, [p for _, p in clean]).items():
        clean_out[name].seconds = seconds
    scores = score_mangled(samples, outcomes)
    violations = ftfy_violations(samples, outcomes)
    mb_clean, mb_mangled = mb([p for _, p in clean]), mb(corrupted)
    mbps_clean = {t: mb_clean / max(o.seconds, 1e-9) for t, o in clean_out.items()}
    mbps_mangled = {t: mb_mangled / max(o.seconds, 1e-9) for t, o in outcomes.items()}
    fams = scores["families"]
    summary = {
        "mangled_docs": len(samples),
        "families": len(fams),
        "clean_paragraphs": len(clean),
        "clean_langs": len({lang for lang, _ in clean}),
        "typographic_paragraphs": len(typo),
        "overall": scores["overall"],
        "worst_family": {t: min(((f, r[t]["damage_repaired"]) for f, r in fams.items()), key=lambda x: x[1],
                                default=("", None)) for t in tools},
        "families_ok": {t: sum(r[t]["damage_repaired"] >= 0.8 for r in fams.values()) for t in tools},
        "clean_unchanged": {t: sum(o == p for o, (_, p) in zip(clean_out[t].outputs, clean, strict=True))
                            / max(1, len(clean)) for t in tools},
        "clean_changed_by_lang": _changed_by_lang(clean, clean_out["unmangle"].outputs),
        "typographic_unchanged": {t: sum(o == p for o, (_, p) in zip(typo_out[t].outputs, typo, strict=True))
                                  / max(1, len(typo)) for t in tools},
        "mb_clean": mb_clean,
        "mb_mangled": mb_mangled,
        "mbps_clean": mbps_clean,
        "mbps_mangled": mbps_mangled,
        "ratio_clean": {t: _ratio(v, mbps_clean["ftfy.fix_encoding"]) for t, v in mbps_clean.items()},
        "ratio_clean_first_pass": {t: _ratio(first_pass["ftfy.fix_encoding"], max(v, 1e-9))
                                   for t, v in first_pass.items()},
        "ratio_mangled": {t: _ratio(v, mbps_mangled["ftfy.fix_encoding"]) for t, v in mbps_mangled.items()},
        "exceptions": {t: len(outcomes[t].errors) + len(clean_out[t].errors) + len(typo_out[t].errors)
                       for t in tools},
        "ftfy_violations": len(violations),
        "slowest_unmangle_docs": [{"seconds": round(sec, 4), "family": samples[i].family, "index": i}
                                  for sec, i in outcomes["unmangle"].slowest],
    }
    report = {"seed": args.seed, "per_family": per_family, "holdout": args.holdout, "tools": list(tools),
              "summary": summary,
              "groups": scores["groups"], "families": fams}

    args.out.mkdir(parents=True, exist_ok=True)
    md = render_markdown(report)
    (args.out / "encoding.md").write_text(md, encoding="utf-8")
    (args.out / "encoding.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    with open(args.out / "encoding_docs.jsonl", "w", encoding="utf-8") as f:  # one line a document, to slice at will
        for i, smp in enumerate(samples):
            row = {"i": i, "family": smp.family, "lang": smp.lang, "doc_id": smp.doc_id,
                   "wrong_before": scores["before"][i],
                   **{f"wrong_after:{t}": scores["after"][t][i] for t in tools},
                   "clean": smp.clean, "corrupted": smp.corrupted, "unmangle": outcomes["unmangle"].outputs[i]}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_failures(args.out / "encoding_failures", samples, outcomes, scores, violations, clean, clean_out,
                   typo, typo_out)
    print(md)
    print(f"wrote {args.out / 'encoding.md'}, encoding.json, encoding_docs.jsonl and encoding_failures/ "
          f"in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
