"""``unmangle run``: check OUTDIR, plan (or reload) the work units, run them on an engine, write the totals."""

from __future__ import annotations

import json
import os
import time

from unmangle.pipeline import storage
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.engines import run_units
from unmangle.pipeline.manifest import OUR_FILES, Manifest, RunRefused, fingerprint, write_atomic
from unmangle.pipeline.plan import expand_inputs, plan_units
from unmangle.pipeline.progress import Progress
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.stats import Stats
from unmangle.pipeline.task import UnitResult, rejected_path
from unmangle.pipeline.writers import EXTENSIONS


def run_corpus(config: RunConfig) -> dict[str, object]:
    """Run the corpus and return the statistics also written to ``OUTDIR/stats.json``."""
    started = time.perf_counter()
    outdir = _normalise_outdir(config.outdir)
    config.outdir = outdir
    files = expand_inputs(config.inputs)
    _refuse_overwriting_inputs(files, outdir)
    manifest = Manifest(outdir)
    identity = fingerprint(config, files)
    resumed = _prepare_outdir(manifest, identity, config)
    if resumed:
        units = manifest.units()
        done = manifest.completed()
    else:
        units = plan_units(files, config.unit_bytes)
        manifest.start(identity, units)
        done = {}
    todo = [u for u in units if u.index not in done]
    _clear_partial_units(outdir, todo, config.output_format)

    progress = Progress({u.index: u.size for u in todo}, enabled=not config.quiet)

    def on_done(result: UnitResult) -> None:
        manifest.mark_done(result)
        done[result.index] = result
        progress.finish(result.index, result.stats)

    try:
        if todo:
            run_units(config.engine, todo, config, on_done, progress.update if progress.enabled else None)
    finally:
        progress.close()
    return _finish(manifest, units, done, time.perf_counter() - started, resumed=len(units) - len(todo))


def _normalise_outdir(outdir: object) -> str:
    path = str(outdir)
    if storage.is_uri(path):
        return path.rstrip("/")
    return os.path.abspath(path)


def _refuse_overwriting_inputs(files: list[str], outdir: str) -> None:
    """Output never overwrites input: no input may live inside OUTDIR (nor be OUTDIR)."""
    if storage.exists(outdir) and not storage.is_dir(outdir):
        raise RunRefused(f"OUTDIR {outdir} is a file, not a directory")
    root = outdir if storage.is_uri(outdir) else os.path.realpath(outdir)
    for f in files:
        real = f if storage.is_uri(f) else os.path.realpath(f)
        if real == root or real.startswith(root.rstrip("/") + "/"):
            raise RunRefused(f"input {f} is inside OUTDIR {outdir}; the output must never overwrite the input")


def _prepare_outdir(manifest: Manifest, identity: dict, config: RunConfig) -> bool:
    """Whether this run resumes the one in OUTDIR; refuses an OUTDIR holding something else."""
    outdir = manifest.outdir
    names = storage.listdir(outdir)
    previous = manifest.load_run()
    if previous is not None and previous.get("fingerprint") == identity and config.resume:
        return True
    if names and not config.overwrite:
        if previous is None:
            raise RunRefused(f"OUTDIR {outdir} is not empty and holds no unmangle run; "
                             "choose another directory or pass --overwrite")
        if previous.get("fingerprint") != identity:
            what = _difference(previous.get("fingerprint", {}), identity)
            raise RunRefused(f"OUTDIR {outdir} holds a different run ({what}); pass --overwrite to replace it "
                             "or choose another directory")
        raise RunRefused(f"OUTDIR {outdir} already holds this run; pass --resume to finish it "
                         "or --overwrite to start again")
    if names:
        _delete_our_files(outdir, names)
    storage.makedirs(outdir)
    return False


def _difference(old: dict, new: dict) -> str:
    keys = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
    return "different " + ", ".join(keys) if keys else "different settings"


def _delete_our_files(outdir: str, names: list[str]) -> None:
    """--overwrite removes what unmangle wrote and nothing else."""
    for name in names:
        ours = name in OUR_FILES or (name.startswith(("part-", ".part-"))
                                     and name.endswith((".parquet", ".jsonl", ".tmp")))
        if ours:
            storage.delete(storage.join(outdir, name))


def _clear_partial_units(outdir: str, todo: list[WorkUnit], output_format: str) -> None:
    """Delete what an interrupted attempt left of the units still to do, so each is written exactly once."""
    stems = {u.name for u in todo}
    ext = EXTENSIONS[output_format]
    for name in storage.listdir(outdir):
        stem = name.lstrip(".").split(".", 1)[0].split("-")
        unit_stem = "-".join(stem[:2])
        if name.endswith(".tmp") or (unit_stem in stems and name.endswith(ext)):
            storage.delete(storage.join(outdir, name))
    for unit in todo:
        for path in (rejected_path(outdir, unit.index), rejected_path(outdir, unit.index) + ".tmp"):
            if storage.exists(path):
                storage.delete(path)


def _finish(manifest: Manifest, units: list[WorkUnit], done: dict[int, UnitResult], seconds: float,
            resumed: int) -> dict[str, object]:
    """``rejected.jsonl`` from the units' rejections in plan order, and ``stats.json`` with the totals."""
    outdir = manifest.outdir
    total = Stats()
    chunks = []
    for unit in units:
        total.add(done[unit.index].stats)
        with storage.open_read(rejected_path(outdir, unit.index)) as f:
            chunks.append(f.read())
    write_atomic(storage.join(outdir, "rejected.jsonl"), b"".join(chunks))
    stats = total.to_dict()
    stats["worker_seconds"] = stats.pop("seconds")
    stats["seconds"] = round(seconds, 3)
    stats["units"] = len(units)
    stats["resumed_units"] = resumed
    write_atomic(storage.join(outdir, "stats.json"), json.dumps(stats, indent=2).encode("utf-8"))
    return stats
