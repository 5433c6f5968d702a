"""OUTDIR safety: a different run is refused, output never overwrites input, --overwrite and --resume."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pipeline.conftest import write_jsonl
from unmangle.pipeline import RunConfig, run_corpus
from unmangle.pipeline.manifest import RunRefused

DOCS = [{"id": f"d{i}", "text": f"document {i}"} for i in range(20)]


def config(inputs: list[Path], outdir: Path, **options) -> RunConfig:
    return RunConfig(inputs=[str(i) for i in inputs], outdir=outdir, quiet=True, workers=1, mode="fix", **options)


def test_an_outdir_holding_a_different_run_is_refused(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    run_corpus(config([path], tmp_path / "out"))
    with pytest.raises(RunRefused, match="different run.*mode"):
        run_corpus(RunConfig(inputs=[str(path)], outdir=tmp_path / "out", quiet=True, mode="clean"))
    with pytest.raises(RunRefused, match="different run"):
        run_corpus(RunConfig(inputs=[str(path)], outdir=tmp_path / "out", quiet=True, mode="clean", resume=True))


def test_the_same_run_again_needs_resume_or_overwrite(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    first = run_corpus(config([path], tmp_path / "out"))
    with pytest.raises(RunRefused, match="--resume"):
        run_corpus(config([path], tmp_path / "out"))
    again = run_corpus(config([path], tmp_path / "out", resume=True))
    assert again["written"] == first["written"] == 20 and again["resumed_units"] == again["units"]


def test_overwrite_replaces_only_what_unmangle_wrote(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("the user's file")
    with pytest.raises(RunRefused, match="not empty"):
        run_corpus(config([path], tmp_path / "out"))
    run_corpus(config([path], tmp_path / "out", overwrite=True, output_format="jsonl"))
    stats = run_corpus(config([path], tmp_path / "out", overwrite=True))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "keep.txt" in names and not any(n.endswith(".jsonl") and n.startswith("part-") for n in names)
    assert stats["written"] == 20


def test_output_never_overwrites_input(tmp_path: Path):
    (tmp_path / "out").mkdir()
    inside = write_jsonl(tmp_path / "out" / "c.jsonl", DOCS)
    with pytest.raises(RunRefused, match="inside OUTDIR"):
        run_corpus(config([inside], tmp_path / "out", overwrite=True))
    assert inside.exists()
    with pytest.raises(RunRefused, match="inside OUTDIR"):
        run_corpus(config([tmp_path], tmp_path / "out", overwrite=True))


def test_changed_inputs_are_not_resumed_as_the_same_run(tmp_path: Path):
    path = write_jsonl(tmp_path / "c.jsonl", DOCS)
    run_corpus(config([path], tmp_path / "out"))
    write_jsonl(path, DOCS[:5])
    with pytest.raises(RunRefused, match="different run.*inputs"):
        run_corpus(config([path], tmp_path / "out", resume=True))


def test_missing_inputs_are_an_error(tmp_path: Path):
    from unmangle.pipeline.plan import InputError

    with pytest.raises(InputError, match="does not exist"):
        run_corpus(config([tmp_path / "nope.jsonl"], tmp_path / "out"))
    with pytest.raises(InputError, match="no file matches"):
        run_corpus(RunConfig(inputs=[str(tmp_path / "*.jsonl")], outdir=tmp_path / "out", quiet=True))
