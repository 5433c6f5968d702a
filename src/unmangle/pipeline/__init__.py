"""Corpus runs: readers, writers, engines (local process pool, Ray Data) and run statistics."""

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.output import output_files, read_rows
from unmangle.pipeline.run import run_corpus

__all__ = ["RunConfig", "output_files", "read_rows", "run_corpus"]
