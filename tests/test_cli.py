"""The command line keeps its contract: UTF-8 out, exit 2 with one line on unreadable input."""

import subprocess
import sys

from click.testing import CliRunner

from unmangle.cli import main


def test_fix_reads_stdin_and_writes_utf8():
    mangled = "It’s café".encode().decode("cp1252").encode()
    result = CliRunner().invoke(main, ["fix", "-"], input=mangled)
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8").strip() == "It’s café"


def test_fix_on_binary_input_exits_2_without_traceback():
    proc = subprocess.run([sys.executable, "-m", "unmangle.cli", "fix", "-"], input=b"\x00\x01\x02\xff" * 50,
                          capture_output=True)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_fix_on_missing_file_exits_2():
    result = CliRunner().invoke(main, ["fix", "/nonexistent/file.txt"])
    assert result.exit_code == 2


def test_fix_passes_clean_text_through_byte_for_byte():
    # A filter adds nothing: no newline after a text without one, CRLF line ends kept.
    for clean in ("plain", "café\r\nnaïve\r\n", "東京都の人口は約1400万人です。", ""):
        result = CliRunner().invoke(main, ["fix", "-"], input=clean.encode())
        assert result.exit_code == 0
        assert result.stdout_bytes == clean.encode()


def test_fix_explain_lists_each_edit_on_stderr():
    mangled = "It’s here".encode().decode("gbk", "ignore").encode()
    result = CliRunner().invoke(main, ["fix", "-", "--explain"], input=mangled)
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == "It’s here"
    assert "utf-8 read as gbk" in result.stderr
