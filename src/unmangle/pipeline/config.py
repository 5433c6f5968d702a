"""The one configuration object of a corpus run, shared by the planner, every step and every engine."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

MB = 1024 * 1024


@dataclass(slots=True)
class RunConfig:
    """What to read, how to treat it and where to write it.

    ``max_record_bytes`` bounds the memory one document may take: a larger record is rejected with a reason
    instead of being loaded (a 200 MB JSON line is skipped while read, never held whole).
    ``unit_bytes`` is the size of a work unit; ``None`` picks one from the corpus size so that even a single
    big file is split into enough units to keep every worker busy.
    ``recycle_bytes``: a local worker process is replaced after about this much input, so that whatever the
    document step keeps between documents (the repair's caches) cannot grow with the corpus.
    """

    inputs: list[str]
    outdir: Path | str
    workers: int | None = None
    engine: str = "local"
    text_field: str = "text"
    id_field: str = "id"
    output_format: str = "parquet"
    resume: bool = False
    overwrite: bool = False
    mode: str = "clean"
    quiet: bool = False
    max_record_bytes: int = 32 * MB
    unit_bytes: int | None = None
    batch_rows: int = 1000
    recycle_bytes: int = 64 * MB
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["outdir"] = str(self.outdir)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> RunConfig:
        return cls(**data)  # type: ignore[arg-type]
