"""Corpus-run benchmark: ``unmangle run`` throughput with 1 and 2 workers, beside datatrove's FTFY formatter.

The corpus is generated in a temporary directory under /tmp (never in the repository) by repeating the documents
of ``../shared/corpora/*.dev.jsonl``, languages interleaved, one document in ten turned into mojibake (UTF-8
read as cp1252) so that the repair has work to do; it is split into shards so that datatrove, which shares work
by file, can use both workers too. Every run is a separate process (the way a user runs it), timed on the wall
clock, with the CPU time of the whole process tree and its peak resident memory sampled from /proc.

Rows: ``unmangle`` in ``--mode fix`` and ``--mode clean``, ``none`` (no document step: what reading and writing
cost by themselves), and datatrove's ``JsonlReader -> FTFYFormatter -> JsonlWriter`` on the same files. All write
JSONL, uncompressed, so the outputs cost the same. Throughput per core is throughput divided by workers.

``--rss`` measures memory against corpus size instead: one JSONL file of 100 MB and one of 1 GB, each run to the
end with no document step, then with ``--mode fix`` and ``--mode clean`` for a fixed time each (the repair is far
too slow to finish 1 GB here), with 2 workers, reporting the peak resident memory of the process tree.

Usage: ``python bench/bench_pipeline.py [--quick] [--mb N] [--modes fix clean none ftfy] [--rss] [--rss-seconds S]
[--out FILE]``.
Outputs: ``bench/out/pipeline.md`` and ``bench/out/pipeline.json`` (``pipeline_rss.*`` with ``--rss``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
OUT = Path(__file__).resolve().parent / "out"
MB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
MODES = ["fix", "clean", "none", "ftfy"]


# -- the corpus ---------------------------------------------------------------------------------------------------

def base_documents() -> list[dict]:
    """The shared corpora, languages interleaved so that any prefix is a mix of all of them."""
    by_lang = []
    for path in sorted(CORPORA.glob("*.dev.jsonl")):
        with open(path, encoding="utf-8") as f:
            by_lang.append([json.loads(line) for line in f if line.strip()])
    docs = []
    for i in range(max(len(d) for d in by_lang)):
        docs.extend(d[i] for d in by_lang if i < len(d))
    return docs


def write_corpus(folder: Path, target_bytes: int, shards: int) -> dict[str, int]:
    """JSONL shards of about ``target_bytes`` in all; ids stay unique across repetitions."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_documents()
    files = [open(folder / f"shard-{k:03d}.jsonl", "w", encoding="utf-8") for k in range(shards)]  # noqa: SIM115
    written = docs = 0
    try:
        while written < target_bytes:
            doc = dict(base[docs % len(base)])
            doc["id"] = f"{doc['id']}#{docs // len(base)}"
            if docs % 10 == 3:
                doc["text"] = doc["text"].encode("utf-8").decode("cp1252", errors="replace")
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            files[docs % shards].write(line)
            written += len(line.encode("utf-8"))
            docs += 1
    finally:
        for f in files:
            f.close()
    return {"documents": docs, "bytes": written}


# -- measuring one process tree -----------------------------------------------------------------------------------

@dataclass(slots=True)
class Measure:
    wall: float
    cpu: float
    peak_tree_rss_mb: float
    peak_process_rss_mb: float
    # CPU seconds of the parent plus those of its busiest worker (sampled): the run's critical path on idle cores.
    critical_cpu: float
    returncode: int
    stopped: bool  # ended by the time limit
    # Peak memory of all processes in the first and in the second half of the run: a run whose memory grows
    # with the amount it has processed shows a higher second half.
    first_half_peak_mb: float = 0.0
    second_half_peak_mb: float = 0.0


def _session_sample(sid: int, cpu: dict[int, float]) -> tuple[int, int]:
    """Resident bytes of every process in session ``sid`` (their sum and the largest one); records each one's
    CPU seconds so far in ``cpu``."""
    total = largest = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if int(fields[3]) != sid:  # field 6 of stat: the session id
                continue
            with open(f"/proc/{entry}/statm", "rb") as f:
                rss = int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / TICKS  # fields 14 and 15: utime, stime
        total += rss
        largest = max(largest, rss)
    return total, largest


def measure(cmd: list[str], limit: float | None = None) -> Measure:
    """Run ``cmd`` in its own session, sampling the memory of all its processes four times a second."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0, 0]
    cpu: dict[int, float] = {}
    series: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = _session_sample(proc.pid, cpu)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            series.append((time.perf_counter() - started, total))
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stopped = False
    try:
        _, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        stopped = True
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 and not stopped:
        sys.stderr.write(err.decode("utf-8", "replace")[-3000:])
    # Processes reaped by something other than our child (datatrove's forkserver workers) are missing from
    # the rusage of our children: the sampled per-process times catch them.
    used = max((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), sum(cpu.values()))
    first = max((r for t, r in series if t <= wall / 2), default=0)
    second = max((r for t, r in series if t > wall / 2), default=0)
    return Measure(round(wall, 2), round(used, 2), round(peaks[0] / MB, 1), round(peaks[1] / MB, 1),
                   round(_critical_path(cpu, proc.pid), 2), proc.returncode, stopped,
                   round(first / MB, 1), round(second / MB, 1))


def _critical_path(cpu: dict[int, float], root: int) -> float:
    """CPU seconds of ``root`` (our child: planning, imports, waiting) plus the busiest of its workers; a
    conservative estimate of the run's wall time on idle cores, since the parent's own work partly overlaps."""
    others = [t for pid, t in cpu.items() if pid != root]
    return cpu.get(root, 0.0) + max(others, default=0.0)


def unmangle_cmd(inputs: Path, outdir: Path, mode: str, workers: int) -> list[str]:
    return [sys.executable, __file__, "--child-unmangle", json.dumps(
        {"inputs": [str(inputs)], "outdir": str(outdir), "mode": mode, "workers": workers})]


def datatrove_cmd(inputs: Path, outdir: Path, workers: int) -> list[str]:
    return [sys.executable, __file__, "--child-datatrove", json.dumps(
        {"inputs": str(inputs), "outdir": str(outdir), "workers": workers})]


def child_unmangle(spec: dict) -> int:
    from unmangle.pipeline import RunConfig, run_corpus

    run_corpus(RunConfig(inputs=spec["inputs"], outdir=spec["outdir"], mode=spec["mode"], workers=spec["workers"],
                         output_format="jsonl", quiet=True, overwrite=True))
    return 0


def child_datatrove(spec: dict) -> int:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.formatters import FTFYFormatter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    out = Path(spec["outdir"])
    LocalPipelineExecutor(
        pipeline=[JsonlReader(spec["inputs"], glob_pattern="*.jsonl", add_file_path=False), FTFYFormatter(),
                  JsonlWriter(str(out / "data"), compression=None)],
        tasks=spec["workers"], workers=spec["workers"], logging_dir=str(out / "logs"), skip_completed=False,
    ).run()
    return 0


# -- throughput ---------------------------------------------------------------------------------------------------

def datatrove_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("datatrove")
    except Exception:  # noqa: BLE001 - not installed: the bench environment installs it
        return None


def throughput(mb: float, shards: int, work: Path, modes: list[str]) -> dict:
    corpus = write_corpus(work / "in", int(mb * MB), shards)
    rows = []
    runs: list[tuple[str, str, int]] = [("unmangle", m, w) for m in modes if m != "ftfy" for w in (1, 2)]
    if "ftfy" in modes and datatrove_version():
        runs += [("datatrove FTFYFormatter", "ftfy", w) for w in (1, 2)]
    elif "ftfy" in modes:
        print("bench_pipeline: datatrove is not installed (pip install -e '.[bench]'); its rows are skipped",
              file=sys.stderr)
    for tool, mode, workers in runs:
        outdir = work / f"out-{mode}-{workers}"
        load = os.getloadavg()[0]
        cmd = (unmangle_cmd(work / "in", outdir, mode, workers) if tool == "unmangle"
               else datatrove_cmd(work / "in", outdir, workers))
        m = measure(cmd)
        shutil.rmtree(outdir, ignore_errors=True)
        docs_s = corpus["documents"] / m.wall
        mb_s = corpus["bytes"] / MB / m.wall
        rows.append({"tool": tool, "mode": mode, "workers": workers, **asdict(m), "load_before": round(load, 2),
                     "docs_per_s": round(docs_s, 1), "docs_per_s_core": round(docs_s / workers, 1),
                     "mb_per_s_core": round(mb_s / workers, 3), "ok": m.returncode == 0})
        print(f"  {tool} {mode} x{workers}: {m.wall:.1f}s, {docs_s:,.1f} docs/s, load {load:.2f}", file=sys.stderr)
    for row in rows:
        one = next(r for r in rows if r["tool"] == row["tool"] and r["mode"] == row["mode"] and r["workers"] == 1)
        row["speedup"] = round(one["wall"] / row["wall"], 2)
        # On shared cores the wall clock says how much CPU the run was given; the critical path in CPU time says
        # how long the run would take on idle cores, startup included.
        row["idle_speedup"] = round(one["cpu"] / row["critical_cpu"], 2) if row["critical_cpu"] else None
    return {"corpus": corpus, "shards": shards, "cores": os.cpu_count(), "datatrove": datatrove_version(),
            "rows": rows}


def throughput_table(result: dict) -> str:
    c = result["corpus"]
    lines = [
        f"Corpus: {c['documents']:,} documents, {c['bytes'] / MB:.1f} MB of JSONL in {result['shards']} shards "
        f"(23 languages, 1 in 10 mangled); {result['cores']} cores shared with other jobs (load is the 1-minute "
        f"load average before each run); datatrove {result['datatrove'] or 'not installed'}.",
        "",
        "| tool | mode | workers | wall s | CPU s | docs/s | docs/s per core | MB/s per core | speedup (wall) "
        "| speedup on idle cores (CPU) | peak RSS MB | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["rows"]:
        idle = f"{r['idle_speedup']:.2f}x" if r["workers"] > 1 and r["idle_speedup"] else ""
        lines.append(f"| {r['tool']} | {r['mode']} | {r['workers']} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                     f"{r['docs_per_s']:,.1f} | {r['docs_per_s_core']:,.1f} | {r['mb_per_s_core']:.3f} | "
                     f"{r['speedup']:.2f}x | {idle} | {r['peak_tree_rss_mb']:,.0f} | {r['load_before']:.1f} |"
                     + ("" if r["ok"] else " FAILED"))
    lines += ["", "*speedup (wall)*: wall time with 1 worker / with N, as measured on the shared cores. *speedup on "
              "idle cores*: CPU time of the 1-worker run / CPU time of the N-worker run's parent plus its busiest "
              "worker, an estimate of what the wall clock would show if the cores were not shared."]
    ours = {(r["mode"], r["workers"]): r for r in result["rows"] if r["tool"] == "unmangle"}
    theirs = {r["workers"]: r for r in result["rows"] if r["tool"] != "unmangle"}
    if theirs and ("fix", 1) in ours and ("clean", 1) in ours:
        lines.append("")
        for w, r in sorted(theirs.items()):
            fix, clean = ours[("fix", w)], ours[("clean", w)]
            lines.append(f"With {w} worker(s), datatrove's FTFYFormatter handles "
                         f"{r['docs_per_s'] / fix['docs_per_s']:.1f}x the documents per second of `--mode fix` "
                         f"and {r['docs_per_s'] / clean['docs_per_s']:.1f}x those of `--mode clean`.")
    return "\n".join(lines)


# -- memory against corpus size -----------------------------------------------------------------------------------

def rss(seconds: float, work: Path) -> dict:
    rows = []
    for label, size in (("100 MB", 100 * MB), ("1 GB", 1024 * MB)):
        folder = work / label.replace(" ", "")
        corpus = write_corpus(folder, size, shards=1)
        for mode, limit in (("none", None), ("fix", seconds), ("clean", seconds)):
            outdir = work / f"out-{mode}"
            m = measure(unmangle_cmd(folder, outdir, mode, 2), limit)
            shutil.rmtree(outdir, ignore_errors=True)
            rows.append({"input": label, "documents": corpus["documents"], "mode": mode, **asdict(m)})
            print(f"  {label} {mode}: {m.wall:.1f}s, peak {m.peak_tree_rss_mb:.0f} MB", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
    return {"rows": rows, "fix_seconds": seconds}


def rss_table(result: dict) -> str:
    lines = ["| input | documents | mode | run | peak RSS, all processes (MB) | first half / second half (MB) "
             "| peak RSS, largest process (MB) |",
             "|---|---:|---|---|---:|---:|---:|"]
    for r in result["rows"]:
        run = f"first {r['wall']:.0f} s (stopped)" if r["stopped"] else f"whole, {r['wall']:.0f} s"
        lines.append(f"| {r['input']} | {r['documents']:,} | {r['mode']} | {run} | {r['peak_tree_rss_mb']:,.0f} | "
                     f"{r['first_half_peak_mb']:,.0f} / {r['second_half_peak_mb']:,.0f} | "
                     f"{r['peak_process_rss_mb']:,.0f} |")
    lines += ["", "2 workers; peak resident memory of the parent and its workers together, sampled 4 times a second."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a 1 MB corpus instead of 6 MB")
    ap.add_argument("--mb", type=float, help="corpus size in MB")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--modes", nargs="+", default=MODES, choices=MODES,
                    help="which rows to run (ftfy: datatrove's FTFYFormatter)")
    ap.add_argument("--rss", action="store_true", help="measure peak memory on 100 MB and 1 GB inputs instead")
    ap.add_argument("--rss-seconds", type=float, default=90, help="how long each fix/clean memory run lasts")
    ap.add_argument("--out", type=Path, default=None, help="the Markdown table (JSON beside it)")
    ap.add_argument("--child-unmangle", help=argparse.SUPPRESS)
    ap.add_argument("--child-datatrove", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_unmangle:
        return child_unmangle(json.loads(args.child_unmangle))
    if args.child_datatrove:
        return child_datatrove(json.loads(args.child_datatrove))
    work = Path(tempfile.mkdtemp(prefix="unmangle-bench-pipeline-", dir="/tmp"))
    try:
        if args.rss:
            result = rss(args.rss_seconds, work)
            text = rss_table(result)
            out = args.out or OUT / "pipeline_rss.md"
        else:
            result = throughput(args.mb or (1 if args.quick else 6), args.shards, work, args.modes)
            text = throughput_table(result)
            out = args.out or OUT / "pipeline.md"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(text)
    failed = [r for r in result["rows"] if r["returncode"] != 0 and not r.get("stopped")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
