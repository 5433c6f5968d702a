"""The one configuration object of a corpus run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class RunConfig:
    inputs: list[str]
    outdir: Path
    workers: int | None = None
    engine: str = "local"
    text_field: str = "text"
    id_field: str = "id"
    output_format: str = "parquet"
    resume: bool = False
    overwrite: bool = False
    mode: str = "clean"
    quiet: bool = False
    extra: dict[str, object] = field(default_factory=dict)
