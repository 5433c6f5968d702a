"""Run a corpus through unmangle (placeholder until the pipeline lands)."""

from __future__ import annotations

from unmangle.pipeline.config import RunConfig


def run_corpus(config: RunConfig) -> dict[str, object]:
    raise NotImplementedError("unmangle run is not implemented yet")
