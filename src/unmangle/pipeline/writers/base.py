"""What every shard writer does: temporary name while writing, atomic rename when closed."""

from __future__ import annotations

from typing import Any

from unmangle.pipeline import storage


class ShardWriter:
    """Writes rows to ``OUTDIR/<stem>.<ext>`` (and ``<stem>-1.<ext>``... when it has to start a new file).

    A shard exists under its final name only once it is complete; a killed run leaves at most ``.tmp`` files,
    which a resumed run deletes.
    """

    extension = ""

    def __init__(self, outdir: str, stem: str) -> None:
        self.outdir = outdir
        self.stem = stem
        self.files: list[str] = []
        self._part = 0
        self._tmp: str | None = None

    def _next_paths(self) -> tuple[str, str]:
        suffix = "" if self._part == 0 else f"-{self._part}"
        self._part += 1
        final = storage.join(self.outdir, f"{self.stem}{suffix}{self.extension}")
        tmp = storage.join(self.outdir, f".{self.stem}{suffix}{self.extension}.tmp")
        return tmp, final

    def _publish(self, tmp: str, final: str) -> None:
        storage.move(tmp, final)
        self.files.append(final)

    def write(self, rows: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def close(self) -> list[str]:
        raise NotImplementedError

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def abort(self) -> None:
        """Stop without publishing: the ``.tmp`` file stays behind for a resumed run to delete."""
        raise NotImplementedError
