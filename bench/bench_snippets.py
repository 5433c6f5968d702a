"""Snippets and single words of held-out text as scraped pages show them: unmangle.fix_text against ftfy.fix_encoding.

bench_encoding.py corrupts whole documents, where a decoder shows itself in every word. Pages also hold a title, a
caption, a menu item of two or three words, and paragraphs of clean text with one word pasted in from a broken
source. Two sweeps on the documents the held-out models never saw (``--holdout``):

- *snippets*: one to four words of a held-out document (two to eight characters of Chinese, Japanese and Thai),
  through each of a dozen ways the web breaks UTF-8: a wrong single-byte decoder as browsers read it (ftfy's
  "sloppy" code pages), with its no-break spaces made plain by a scraper, with the bytes it cannot map dropped
  (``ignore``, Python's default for many scrapers) or replaced, and CJK decoders with ``replace``. Counted:
  restored exactly;
- *one word*: a clean paragraph with one word through a random wrong decoder (``ignore`` or ``replace``).
  Counted: restored exactly, and **harmed**: paragraphs where a word other than the broken one came out changed
  (the promise: never make clean text worse; the goal is 0).

Writes bench/out/snippets.md and .json.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402
from held_out import add_held_out_arguments, run_held_out, write_report  # noqa: E402

OUT = ce.REPO / "bench" / "out"
UNSPACED = ("ja", "zh-Hans", "zh-Hant", "th")
# name -> (decoder, errors, no-break spaces made plain)
SNIPPET_WAYS = {
    "cp1252 (browser)": ("sloppy-windows-1252", "strict", False),
    "cp1252, no-break spaces plain": ("sloppy-windows-1252", "strict", True),
    "latin-1, no-break spaces plain": ("latin-1", "strict", True),
    "cp1252 ignore": ("cp1252", "ignore", False),
    "cp1252 ignore, no-break spaces plain": ("cp1252", "ignore", True),
    "cp1250 ignore": ("cp1250", "ignore", False),
    "cp1251 ignore": ("cp1251", "ignore", False),
    "cp1253 ignore": ("cp1253", "ignore", False),
    "cp1257 ignore": ("cp1257", "ignore", False),
    "koi8-r": ("koi8_r", "strict", False),
    "mac-roman": ("mac_roman", "strict", False),
    "gbk replace": ("gbk", "replace", False),
    "shift_jis replace": ("shift_jis", "replace", False),
}
WORD_DECODERS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1257", "cp1254", "gbk", "big5", "shift_jis", "euc_kr",
                 "koi8_r", "latin-1")
PARAGRAPH = 600  # characters of a paragraph kept, at most
Tool = Callable[[str], str]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_held_out_arguments(ap, OUT)
    ap.add_argument("--per-language", type=int, default=40, help="documents of each language a sweep draws from")
    ap.add_argument("--quick", action="store_true", help="10 documents of each language")
    args = ap.parse_args(argv)
    if args.quick:
        args.per_language = 10
    return run_held_out(__file__, args, _measure, ["--per-language", str(args.per_language)])


def _measure(args: argparse.Namespace) -> int:
    import ftfy
    import ftfy.bad_codecs  # noqa: F401  (the sloppy code pages)

    import unmangle

    tools: dict[str, Tool] = {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding}
    held = ce.load_corpora(held_out=args.holdout)
    docs = {lang: held[lang][:args.per_language] for lang in sorted(held) if lang != "en" and held[lang]}
    report = {"holdout": args.holdout, "per_language": args.per_language,
              "snippets": _snippets(docs, tools), "one_word": _one_word(docs, tools)}
    write_report(args.out, "snippets", report, _markdown(report))
    return 0


def _snippet(text: str, lang: str, rng: random.Random) -> str:
    if lang in UNSPACED:
        at = rng.randrange(max(1, len(text) - 8))
        return text[at:at + rng.randint(2, 8)].strip()
    words = text.split()
    at = rng.randrange(max(1, len(words) - 3))
    return " ".join(words[at:at + rng.randint(1, 4)])


def _break(text: str, codec: str, errors: str, plain_spaces: bool) -> str:
    out = text.encode("utf-8").decode(codec, errors)
    return out.replace("\xa0", " ") if plain_spaces else out


def _snippets(docs: dict, tools: dict[str, Tool]) -> dict[str, dict[str, int]]:
    out = {}
    for way, (codec, errors, plain) in SNIPPET_WAYS.items():
        rng = random.Random("snippet:" + way)
        counts = {"n": 0, **dict.fromkeys(tools, 0)}
        for lang, ds in docs.items():
            for d in ds:
                clean = _snippet("\n".join(d.paragraphs), lang, rng)
                if not clean or clean.isascii():
                    continue
                bad = _break(clean, codec, errors, plain)
                if bad == clean:
                    continue
                counts["n"] += 1
                for name, tool in tools.items():
                    counts[name] += tool(bad) == clean
        out[way] = counts
    return out


def _one_word(docs: dict, tools: dict[str, Tool]) -> dict[str, dict[str, int]]:
    rng = random.Random("one-word")
    counts = {"n": 0, **dict.fromkeys(tools, 0), **{f"harmed:{name}": 0 for name in tools}}
    for ds in docs.values():
        for d in ds:
            words = max(d.paragraphs, key=len)[:PARAGRAPH].split(" ")
            where = [i for i, w in enumerate(words) if not w.isascii()]
            if not where:
                continue
            i = rng.choice(where)
            codec, errors = rng.choice(WORD_DECODERS), rng.choice(("ignore", "replace"))
            broken = words[i].encode("utf-8").decode(codec, errors)
            if broken == words[i]:
                continue
            clean = " ".join(words)
            bad = " ".join([*words[:i], broken, *words[i + 1:]])
            counts["n"] += 1
            for name, tool in tools.items():
                fixed = tool(bad)
                counts[name] += fixed == clean
                got = fixed.split(" ")
                counts[f"harmed:{name}"] += len(got) != len(words) or any(
                    g != w for k, (g, w) in enumerate(zip(got, words, strict=True)) if k != i)
    return counts


def _pct(k: int, n: int) -> str:
    return f"{k} ({100 * k / n:.1f}%)" if n else "-"


def _markdown(report: dict) -> str:
    lines = ["# Snippets and single words of held-out text", "",
             f"Held out: every {report['holdout']}th document, {report['per_language']} a language (22 languages, "
             "English aside); models built without them.", "",
             "## Snippets of one to four words, restored exactly", "",
             "| way the page broke | n | unmangle | ftfy.fix_encoding |", "|---|---|---|---|"]
    for way, c in report["snippets"].items():
        lines.append(f"| {way} | {c['n']} | {_pct(c['unmangle'], c['n'])} | {_pct(c['ftfy.fix_encoding'], c['n'])} |")
    c = report["one_word"]
    lines += ["", "## A clean paragraph with one word broken", "",
              "| | n | unmangle | ftfy.fix_encoding |", "|---|---|---|---|",
              f"| restored exactly | {c['n']} | {_pct(c['unmangle'], c['n'])} | "
              f"{_pct(c['ftfy.fix_encoding'], c['n'])} |",
              f"| other words harmed (goal 0) | {c['n']} | {c['harmed:unmangle']} | {c['harmed:ftfy.fix_encoding']} |",
              ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
