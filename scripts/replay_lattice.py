"""Record the lattice searches that generated documents ask for, and replay them: time, memory and readings.

A developer's tool for work on ``encoding/lattice.py``, where mangled text spends nearly all its time (shredded
CJK lines). The searches a set of documents asks for (text, channel, beam, budget) are recorded once, so that
the code before and after a change replays the same ones: each replay runs them twice, cold (empty caches) and
warm (as a long-running process would), and saves every reading (spans, score, decoder states asked) so that a
change meant to be a pure speed-up can be shown to read everything the same, to the bit.

    python scripts/replay_lattice.py record --per-family 3 calls.pkl
    python scripts/replay_lattice.py replay calls.pkl --readings after.pkl [--against before.pkl]

With ``PYTHONPATH`` pointing at another checkout's ``src``, ``replay`` measures that code on the same calls.
"""

from __future__ import annotations

import argparse
import pickle
import resource
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))


def record(per_family: int, seed: int, out: Path) -> int:
    import corrupt_encoding as ce

    import unmangle
    from unmangle.encoding import lattice, lossy_pass

    calls = []

    def recording(observed: str, channel: lattice.Channel, beam: int | None = None, model: object = None,
                  max_builds: int = lattice.MAX_BUILDS) -> lattice.Reading | None:
        calls.append((observed, channel, beam, max_builds))
        return lattice.search(observed, channel, beam, None, max_builds)

    lossy_pass.search = recording  # type: ignore[assignment]
    for sample in ce.generate(per_family, seed, ce.select_families(None), ce.load_corpora()):
        unmangle.fix_text(sample.corrupted)
    out.write_bytes(pickle.dumps(calls))
    print(f"{len(calls)} searches, {sum(len(c[0]) for c in calls)} characters -> {out}")
    return 0


def replay(calls_file: Path, readings: Path | None, against: Path | None) -> int:
    from unmangle.encoding import lattice

    calls = pickle.loads(calls_file.read_bytes())
    got, seconds, by_channel = [], [], Counter()
    for _ in range(2):
        t0 = time.perf_counter()
        got = []
        for observed, channel, beam, max_builds in calls:
            t = time.perf_counter()
            r = lattice.search(observed, channel, beam=beam, max_builds=max_builds)
            by_channel[channel.label, channel.errors] += time.perf_counter() - t
            got.append(None if r is None else (r.spans, round(r.score, 6), r.states))
        seconds.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(calls)} searches: cold {seconds[0]:.1f} s, warm {seconds[1]:.1f} s, peak {peak} MB")
    for (label, errors), sec in by_channel.most_common(8):
        print(f"  {sec / 2:6.2f} s a pass  {label} ({errors})")
    if readings:
        readings.write_bytes(pickle.dumps(got))
    if against:
        before = pickle.loads(against.read_bytes())
        differ = [i for i, (a, b) in enumerate(zip(before, got, strict=True)) if a != b]
        print(f"readings that differ from {against}: {len(differ)}" + (f" (first: {differ[:10]})" if differ else ""))
        return 1 if differ else 0
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="run generated documents and record the searches they ask for")
    rec.add_argument("calls", type=Path)
    rec.add_argument("--per-family", type=int, default=3)
    rec.add_argument("--seed", type=int, default=7)
    rep = sub.add_parser("replay", help="replay recorded searches, cold then warm")
    rep.add_argument("calls", type=Path)
    rep.add_argument("--readings", type=Path, help="save the readings here")
    rep.add_argument("--against", type=Path, help="compare with readings saved by another replay")
    args = ap.parse_args(argv)
    if args.command == "record":
        return record(args.per_family, args.seed, args.calls)
    return replay(args.calls, args.readings, args.against)


if __name__ == "__main__":
    sys.exit(main())
