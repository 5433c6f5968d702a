"""Short texts the models never saw: single sentences of every family, English through lossy decoders, lone words.

bench_encoding.py corrupts documents of one to three paragraphs, where a text names its decoder many times over;
titles, captions and single sentences give the model and the word statistics far less to go on. Three sweeps,
each restored exactly or not (ftfy.fix_encoding alongside), with models built without every 5th document
(``--holdout``, as bench_encoding's) and text from those documents only:

- *sentences*: one sentence (15-160 characters, news typography for Latin text) of each family but the partial
  ones, ``--per-family`` a family;
- *English*: English sentences through each lossy CJK and Windows decoder, with ``ignore``, ``replace`` and
  ``?`` (a page saved without U+FFFD);
- *words*: 60 words and signs of many scripts through 18 decoders, alone (where nothing else names the decoder).

Writes bench/out/short.md and short.json. Runs in a child process (the models are chosen before unmangle loads).
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
ENGLISH_DECODERS = ("gbk", "gb18030", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp1252", "cp1250", "cp1251",
                    "cp1253")
WORDS = ("café", "naïve", "Zürich", "Straße", "señor", "año", "Ελλάδα", "Москва", "привет", "Kraków", "łódź",
         "İstanbul", "şehir", "Øresund", "Ærø", "crème brûlée", "résumé", "Việt Nam", "日本語", "中文", "한국어",
         "עברית", "العربية", "हिन्दी", "ไทย", "It’s", "“quoted”", "—", "…", "€100", "naïveté", "Ångström", "Dvořák",
         "Čapek", "Škoda", "Győr", "Łukasz", "Ψυχή", "Київ", "Україна", "Беларусь", "façade", "jalapeño", "piñata",
         "Müller", "Gödel", "Ñandú", "São Paulo", "coöperate", "Þór", "fiancée", "smörgåsbord", "Sørensen",
         "déjà vu", "über", "½", "°C", "©", "®", "™")
WORD_DECODERS = ("latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso-8859-2", "iso-8859-15",
                 "mac-roman", "cp437", "koi8-r", "gbk", "big5", "shift_jis", "euc-kr", "euc-jp", "gb18030")
Tool = Callable[[str], str]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_held_out_arguments(ap, OUT)
    ap.add_argument("--per-family", type=int, default=20)
    ap.add_argument("--english", type=int, default=25, help="English sentences a decoder and error mode")
    ap.add_argument("--quick", action="store_true", help="5 sentences a family, 5 English a decoder")
    args = ap.parse_args(argv)
    if args.quick:
        args.per_family, args.english = 5, 5
    return run_held_out(__file__, args, _measure,
                        ["--per-family", str(args.per_family), "--english", str(args.english)])


def _measure(args: argparse.Namespace) -> int:
    import ftfy

    import unmangle

    tools: dict[str, Tool] = {"unmangle": unmangle.fix_text, "ftfy.fix_encoding": ftfy.fix_encoding}
    held = ce.load_corpora(held_out=args.holdout)
    report = {"holdout": args.holdout, "sentences": _sentences(held, args.per_family, tools),
              "english": _english(held, args.english, tools), "words": _words(tools)}
    write_report(args.out, "short", report, _markdown(report))
    return 0


def _score(tools: dict[str, Tool], clean: str, bad: str) -> dict[str, bool]:
    return {name: tool(bad) == clean for name, tool in tools.items()}


def _sentences(held: dict, per: int, tools: dict[str, Tool]) -> dict[str, dict[str, int]]:
    """Exact restorations of single held-out sentences, by family."""
    out = {}
    for fam in (f for f in ce.FAMILIES if not f.partial):
        rng = random.Random("short:" + fam.name)
        langs = [lang for lang in fam.langs if held.get(lang)]
        counts = {"n": 0, **dict.fromkeys(tools, 0)}
        for _ in range(5000):
            if counts["n"] >= per or not langs:
                break
            lang = rng.choice(langs)
            doc = rng.choice(held[lang])
            sents = [s.strip() for p in doc.paragraphs for s in ce.split_sentences(p)]
            sents = [s for s in sents if 15 <= len(s) <= 160]
            if not sents:
                continue
            clean = ce._prepare(rng.choice(sents), lang, rng)
            try:
                bad = fam.corrupt(clean)
            except UnicodeError:
                continue
            if bad == clean:
                continue
            counts["n"] += 1
            for name, ok in _score(tools, clean, bad).items():
                counts[name] += ok
        out[fam.name] = counts
    return out


def _english(held: dict, per: int, tools: dict[str, Tool]) -> dict[str, dict[str, int]]:
    """Exact restorations of English sentences through each lossy decoder, by decoder and error mode."""
    rng = random.Random(7)
    sents = [s.strip() for d in held["en"] for p in d.paragraphs for s in ce.split_sentences(p)]
    sents = [s for s in sents if 20 <= len(s.strip()) <= 200]
    rng.shuffle(sents)
    out = {}
    for dec in ENGLISH_DECODERS:
        for errors in ("ignore", "replace", "question"):
            counts = {"n": 0, **dict.fromkeys(tools, 0)}
            for s in sents:
                clean = ce.typographize(s, rng)
                data = clean.encode("utf-8")
                try:
                    data.decode(dec)
                    continue  # (nothing lost: not this sweep's case)
                except UnicodeDecodeError:
                    bad = data.decode(dec, "ignore" if errors == "ignore" else "replace")
                if errors == "question":
                    bad = bad.replace("\ufffd", "?")
                counts["n"] += 1
                for name, ok in _score(tools, clean, bad).items():
                    counts[name] += ok
                if counts["n"] >= per:
                    break
            out[f"{dec} {errors}"] = counts
    return out


def _words(tools: dict[str, Tool]) -> dict[str, dict[str, int]]:
    """Exact restorations of lone words, by decoder."""
    out = {}
    for dec in WORD_DECODERS:
        counts = {"n": 0, **dict.fromkeys(tools, 0)}
        for word in WORDS:
            try:
                bad = word.encode("utf-8").decode(dec)
            except UnicodeError:
                continue
            if bad != word:
                counts["n"] += 1
                for name, ok in _score(tools, word, bad).items():
                    counts[name] += ok
        out[dec] = counts
    return out


def _table(title: str, key: str, rows: dict[str, dict[str, int]]) -> list[str]:
    total = {name: sum(r[name] for r in rows.values()) for name in ("n", "unmangle", "ftfy.fix_encoding")}
    lines = [f"## {title}", "", f"| {key} | texts | unmangle | ftfy.fix_encoding |", "|---|---|---|---|",
             f"| **all** | {total['n']} | **{total['unmangle']}** | {total['ftfy.fix_encoding']} |"]
    lines += [f"| {k} | {r['n']} | {r['unmangle']} | {r['ftfy.fix_encoding']} |" for k, r in rows.items()]
    return [*lines, ""]


def _markdown(r: dict) -> str:
    lines = ["# Short texts the models never saw", "",
             f"Exact restorations; text of every {r['holdout']}th document of each language, models built without "
             "those documents.", ""]
    lines += _table("Single sentences, by family", "family", r["sentences"])
    lines += _table("English sentences through lossy decoders", "decoder and errors", r["english"])
    lines += _table("Lone words", "wrong decoder", r["words"])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
