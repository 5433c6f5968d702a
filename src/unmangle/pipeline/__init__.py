"""Corpus runs: readers, writers, engines (local process pool, Ray Data) and run statistics."""

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.run import run_corpus

__all__ = ["RunConfig", "run_corpus"]
