"""Emoji through a wrong decoder: unmangle.fix_text against ftfy.fix_text and ftfy.fix_encoding, side by side.

The corpora are prose without emoji, and their generated families hold none; the web writes them everywhere,
and the commonest lossy mojibake of social pages is an emoji that lost a byte (`ðŸ‘` for `👍`, whose 0x8D cp1252
cannot map; `â¤ï¸` for `❤️`). Here the 40 emoji people write most (the shipped table's head) go into sentences of
the dev corpora (English and the languages whose code pages are tried: French, German, Polish, Czech, Russian,
Turkish), one or two a sentence, at its end, its start or inside it, and each sentence goes through UTF-8 read with
a wrong decoder, whole (``strict``) or with the bytes it cannot map dropped (``ignore``) or replaced (``replace``).
A text counts as restored when the tool gives back the sentence exactly. Where a decoder dropped a byte, several
emoji may be left alike (`👍` and `👏` lose 0x8D and 0x8F to cp1252 and both come out `ðŸ‘`): the commoner is the
right guess more often, never always.

Writes bench/out/emoji.md and .json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corrupt_encoding as ce  # noqa: E402
from held_out import write_report  # noqa: E402

OUT = ce.REPO / "bench" / "out"
LANG_DECODERS = {"en": ("cp1252", "cp1250", "cp1251", "gbk", "shift_jis", "big5", "euc-kr"),
                 "fr": ("cp1252", "gbk"), "de": ("cp1252", "cp1250"), "pl": ("cp1250", "cp1252"),
                 "cs": ("cp1250", "cp1252"), "ru": ("cp1251", "koi8-r"), "tr": ("cp1254", "cp1252")}
ERRORS = ("strict", "ignore", "replace")
TOP = 40  # emoji, the commonest of the shipped table
WORDS = 12  # words of a sentence


def _emoji() -> list[str]:
    """The commonest emoji of the shipped table, as phones write them: those of the emoji plane, and of the BMP's
    symbols the few that are emoji (the table's head also holds `♪` and `★`, which pages write as text), with VS16
    after those Unicode shows as text by default."""
    table = json.loads((ce.REPO / "src" / "unmangle" / "data" / "emoji_freq.json").read_text(encoding="utf-8"))
    chars = [ch for ch in table["log10_frequency"] if ord(ch) >= 0x1F000 or ch in BMP_EMOJI]
    return [ch + BMP_EMOJI.get(ch, "") for ch in chars[:TOP]]


# The BMP symbols taken for emoji, with what follows each as phones write it (VS16 after a text-default one).
BMP_EMOJI = {"❤": "\ufe0f", "☀": "\ufe0f", "☺": "\ufe0f", "♥": "\ufe0f", "✨": "", "⭐": "", "✅": ""}


def _texts(per_language: int, seed: int) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    emoji = _emoji()
    corpora = ce.load_corpora()
    out = []
    for lang in LANG_DECODERS:
        paragraphs = [p for d in corpora.get(lang, []) for p in d.paragraphs if len(p.split()) >= WORDS]
        for p in rnd.sample(paragraphs, min(per_language, len(paragraphs))):
            words = p.split()[:WORDS]
            e = rnd.choice(emoji) * rnd.choice((1, 1, 2))
            at = rnd.choice((0, len(words), rnd.randrange(1, len(words))))
            out.append((lang, " ".join([*words[:at], e, *words[at:]])))
    return out


def _measure(args: argparse.Namespace) -> int:
    import ftfy

    import unmangle

    tools = {"unmangle": unmangle.fix_text, "ftfy.fix_text": lambda t: ftfy.fix_text(t, uncurl_quotes=False),
             "ftfy.fix_encoding": ftfy.fix_encoding}
    counts: dict[tuple[str, str], Counter[str]] = {}
    examples: list[dict[str, str]] = []
    for lang, text in _texts(args.per_language, args.seed):
        for wrong in LANG_DECODERS[lang]:
            for errors in ERRORS:
                try:
                    broken = text.encode("utf-8").decode(wrong, errors)
                except UnicodeDecodeError:
                    continue
                if broken == text or (errors != "strict" and _lossless(text, wrong)):
                    continue  # (a lossy mode that lost nothing is the strict case again)
                c = counts.setdefault((wrong, errors), Counter())
                c["n"] += 1
                for name, tool in tools.items():
                    fixed = tool(broken)
                    c[name] += fixed == text
                    if name == "unmangle" and fixed != text and len(examples) < args.examples and (
                            sum(e["decoder"] == f"{wrong} {errors}" for e in examples) < 2):
                        examples.append({"decoder": f"{wrong} {errors}", "broken": broken, "unmangle": fixed,
                                         "original": text})
    report = {"per_language": args.per_language, "seed": args.seed,
              "rows": [{"decoder": w, "errors": e, **c} for (w, e), c in sorted(counts.items())]}
    total = Counter()
    for c in counts.values():
        total.update(c)
    report["total"] = dict(total)
    lines = ["# Emoji through a wrong decoder", "",
             f"{total['n']} sentences of the dev corpora with one of the {TOP} commonest emoji (or two), through "
             "UTF-8 read with a wrong decoder: restored exactly.", "",
             "| decoder | errors | texts | unmangle | ftfy.fix_text | ftfy.fix_encoding |", "|---|---|---|---|---|---|"]
    for (w, e), c in sorted(counts.items()):
        lines.append(f"| {w} | {e} | {c['n']} | {_pct(c['unmangle'], c['n'])} | {_pct(c['ftfy.fix_text'], c['n'])} "
                     f"| {_pct(c['ftfy.fix_encoding'], c['n'])} |")
    lines.append(f"| **all** | | {total['n']} | **{_pct(total['unmangle'], total['n'])}** | "
                 f"{_pct(total['ftfy.fix_text'], total['n'])} | {_pct(total['ftfy.fix_encoding'], total['n'])} |")
    lines += ["", "Some texts unmangle does not restore:", ""]
    lines += [f"- {e['decoder']}: `{e['broken'][:70]}` -> `{e['unmangle'][:70]}` (was `{e['original'][:70]}`)"
              for e in examples]
    write_report(args.out, "emoji", report, "\n".join(lines) + "\n")
    return 0


def _lossless(text: str, wrong: str) -> bool:
    try:
        text.encode("utf-8").decode(wrong)
    except UnicodeDecodeError:
        return False
    return True


def _pct(k: int, n: int) -> str:
    return f"{100 * k / n:.1f}%" if n else "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-language", type=int, default=60, help="sentences of each language")
    ap.add_argument("--quick", action="store_true", help="15 sentences of each language")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--examples", type=int, default=24)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if args.quick:
        args.per_language = 15
    return _measure(args)


if __name__ == "__main__":
    raise SystemExit(main())
