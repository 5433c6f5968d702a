"""The command line: ``unmangle fix``, ``clean``, ``run`` and ``report``.

Every command reads bytes, never crashes with a traceback on bad input (exit 2 with one line instead),
and writes UTF-8.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from unmangle.decoding import UnreadableInput, decode_bytes
from unmangle.document import Edit


def _read_input(path: str) -> tuple[str, list[Edit]]:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return decode_bytes(data)
    except UnreadableInput as exc:
        raise click.ClickException(f"{path}: {exc}") from None


def _write_stdout(text: str, end: str = "\n") -> None:
    """``text`` as UTF-8, ended by ``end`` unless it ends so already."""
    sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))
    if end and not text.endswith(end):
        sys.stdout.buffer.write(end.encode())
    sys.stdout.flush()


def format_edit(e: Edit) -> str:
    """One human-readable line per edit, for ``--explain``."""
    return (f"{e.kind:<10} {e.start}-{e.end}  {e.before!r} -> {e.after!r}  "
            f"confidence {e.confidence:.2f}  {e.detail}")


def _explain(edits: list[Edit]) -> None:
    for e in edits:
        click.echo(format_edit(e), err=True)
    click.echo(f"{len(edits)} edit(s)", err=True)


class _Group(click.Group):
    """Exit 2 with one line on any unexpected error: a user never sees a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence of the CLI
            click.echo(f"unmangle: error: {type(exc).__name__}: {exc}", err=True)
            ctx.exit(2)


click.ClickException.exit_code = 2  # unreadable input and usage errors both exit 2


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="unmangle")
def main() -> None:
    """Restore text scraped from the web, and say what was changed."""


@main.command()
@click.argument("file", default="-")
@click.option("--explain", is_flag=True, help="List every edit on stderr.")
def fix(file: str, explain: bool) -> None:
    """Repair the encoding of FILE (or stdin) and print it as UTF-8."""
    from unmangle.encoding import fix_and_explain, fix_text

    # A filter: what comes out is the text and nothing more (a clean file comes out byte for byte as it went in).
    text, decode_edits = _read_input(file)
    if not explain:
        _write_stdout(fix_text(text), end="")  # (no list of edits held: a huge file costs its text and no more)
        return
    fixed, edits = fix_and_explain(text)
    _write_stdout(fixed, end="")
    _explain(decode_edits + edits)


@main.command()
@click.argument("file", default="-")
@click.option("--json", "as_json", is_flag=True, help="Print the article and its audit as one JSON object.")
@click.option("--explain", is_flag=True, help="List every edit on stderr.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write an HTML audit of this page.")
def clean(file: str, as_json: bool, explain: bool, html_path: str | None) -> None:
    """Extract the clean article from the scraped page in FILE (or stdin)."""
    from unmangle.page import clean as clean_page

    text, decode_edits = _read_input(file)
    doc = clean_page(text)
    doc.edits[:0] = decode_edits
    if as_json:
        _write_stdout(json.dumps(doc.to_dict(), ensure_ascii=False))
    else:
        _write_stdout(f"{doc.title}\n\n{doc.text}" if doc.title else doc.text)
    if explain:
        _explain(doc.edits)
    if html_path:
        from unmangle.report import write_page_report

        write_page_report(text, doc, Path(html_path))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), help="Output directory.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--text-field", default="text", show_default=True)
@click.option("--id-field", default="id", show_default=True)
@click.option("--output-format", type=click.Choice(["parquet", "jsonl"]), default="parquet", show_default=True)
@click.option("--resume", is_flag=True, help="Continue a run that was interrupted.")
@click.option("--overwrite", is_flag=True, help="Replace the output of a different run in OUTDIR.")
@click.option("--mode", type=click.Choice(["fix", "clean"]), default="clean", show_default=True)
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--max-record-mb", type=float, default=32.0, show_default=True,
              help="Reject (without loading) any single document larger than this.")
@click.option("--unit-mb", type=float, default=None, help="Size of a work unit (default: from the corpus size).")
def run(inputs: tuple[str, ...], outdir: str, workers: int | None, engine: str, text_field: str,
        id_field: str, output_format: str, resume: bool, overwrite: bool, mode: str, quiet: bool,
        max_record_mb: float, unit_mb: float | None) -> None:
    """Repair or clean a corpus (JSONL, Parquet, WARC/WET, TXT) into OUTDIR."""
    from unmangle.pipeline import RunConfig, run_corpus

    # OUTDIR stays a string: a Path would turn s3://bucket into s3:/bucket.
    config = RunConfig(inputs=list(inputs), outdir=outdir, workers=workers, engine=engine,
                       text_field=text_field, id_field=id_field, output_format=output_format,
                       resume=resume, overwrite=overwrite, mode=mode, quiet=quiet,
                       max_record_bytes=int(max_record_mb * 1024 * 1024),
                       unit_bytes=int(unit_mb * 1024 * 1024) if unit_mb else None)
    stats = run_corpus(config)
    click.echo(json.dumps(stats, ensure_ascii=False), err=True)


@main.command()
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
def report(outdir: str, out: str) -> None:
    """Write a self-contained HTML audit of the run in OUTDIR."""
    from unmangle.report import write_run_report

    write_run_report(Path(outdir), Path(out))


if __name__ == "__main__":
    main()
