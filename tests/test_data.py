from pathlib import Path

import pytest

from unmangle.data import OVERRIDE, open_data


def test_a_held_out_model_folder_stands_in_for_the_shipped_files(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charmodel.npz").write_bytes(b"held out")
    monkeypatch.setenv(OVERRIDE, str(tmp_path))
    with open_data("charmodel.npz") as fh:
        assert fh.read() == b"held out"
    # A file the folder does not hold comes from the package.
    with open_data("cjk_ngrams.npz") as fh:
        assert fh.read(2) == b"PK"


def test_without_the_override_the_shipped_file_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(OVERRIDE, raising=False)
    with open_data("charmodel.npz") as fh:
        assert fh.read(2) == b"PK"
