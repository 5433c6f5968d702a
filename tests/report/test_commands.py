"""The two commands that write reports: ``unmangle clean FILE --html`` and ``unmangle report OUTDIR -o``."""

from pathlib import Path

from click.testing import CliRunner

from unmangle.cli import main

from .conftest import REPO
from .dom import select


def test_clean_html_writes_the_page_report_of_the_sample_page(tmp_path: Path):
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["clean", str(REPO / "samples" / "broken-page.txt"), "--html", str(out)])
    assert result.exit_code == 0, result.output
    markup = out.read_text(encoding="utf-8")
    assert select(markup, "input") and select(markup, "body")
    assert 'http-equiv="Content-Security-Policy"' in markup


def test_report_writes_the_run_report(small_run: Path, tmp_path: Path):
    out = tmp_path / "run.html"
    result = CliRunner().invoke(main, ["report", str(small_run), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(select(out.read_text(encoding="utf-8"), "doc", tag="section")) == 8
