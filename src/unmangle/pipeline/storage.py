"""Paths on the local disk or in object storage (``s3://``, ``gs://``, ``hdfs://``...) through pyarrow's file
systems, so the same run works on a laptop and on a cluster. Local paths take the plain ``open`` fast path.
"""

from __future__ import annotations

import glob
import io
import os
from typing import BinaryIO

import pyarrow.fs as pafs


def is_uri(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def filesystem(path: str) -> tuple[pafs.FileSystem, str]:
    """The pyarrow file system holding ``path`` and the path inside it."""
    if is_uri(path):
        return pafs.FileSystem.from_uri(path)
    return pafs.LocalFileSystem(), os.path.abspath(path.removeprefix("file://"))


def join(base: str, *names: str) -> str:
    return "/".join([base.rstrip("/"), *names]) if is_uri(base) else os.path.join(base, *names)


def open_read(path: str) -> BinaryIO:
    """A seekable binary file."""
    if not is_uri(path):
        return open(path, "rb")  # noqa: SIM115 - the caller owns it
    fs, inner = filesystem(path)
    return io.BufferedReader(fs.open_input_file(inner), buffer_size=1 << 20)  # type: ignore[arg-type]


def open_write(path: str) -> BinaryIO:
    if not is_uri(path):
        return open(path, "wb")  # noqa: SIM115 - the caller owns it
    fs, inner = filesystem(path)
    return fs.open_output_stream(inner)  # type: ignore[return-value]


def size_and_mtime(path: str) -> tuple[int, int]:
    fs, inner = filesystem(path)
    info = fs.get_file_info(inner)
    mtime = info.mtime_ns if info.mtime_ns is not None else 0
    return int(info.size or 0), int(mtime)


def exists(path: str) -> bool:
    fs, inner = filesystem(path)
    return fs.get_file_info(inner).type != pafs.FileType.NotFound


def is_dir(path: str) -> bool:
    fs, inner = filesystem(path)
    return fs.get_file_info(inner).type == pafs.FileType.Directory


def makedirs(path: str) -> None:
    fs, inner = filesystem(path)
    fs.create_dir(inner, recursive=True)


def move(src: str, dst: str) -> None:
    """Rename ``src`` to ``dst``: atomic on a local disk, which is what makes a shard either whole or absent."""
    if not is_uri(src):
        os.replace(src, dst)
        return
    fs, inner_src = filesystem(src)
    _, inner_dst = filesystem(dst)
    fs.move(inner_src, inner_dst)


def delete(path: str) -> None:
    fs, inner = filesystem(path)
    info = fs.get_file_info(inner)
    if info.type == pafs.FileType.File:
        fs.delete_file(inner)
    elif info.type == pafs.FileType.Directory:
        fs.delete_dir(inner)


def list_files(path: str, recursive: bool = True) -> list[str]:
    """Every file under the directory ``path``, sorted, as paths of the same kind (URI or local) as ``path``."""
    if not is_uri(path):
        found = []
        for root, dirs, files in os.walk(path):
            dirs.sort()
            found.extend(os.path.join(root, f) for f in files)
            if not recursive:
                break
        return sorted(found)
    fs, inner = filesystem(path)
    infos = fs.get_file_info(pafs.FileSelector(inner, recursive=recursive, allow_not_found=True))
    scheme = path.split("://", 1)[0]
    return sorted(f"{scheme}://{i.path}" for i in infos if i.type == pafs.FileType.File)


def expand_glob(pattern: str) -> list[str]:
    """Local glob expansion; in object storage only ``prefix/*`` style patterns on one directory level."""
    if not is_uri(pattern):
        return sorted(glob.glob(pattern, recursive=True))
    import fnmatch

    base = pattern.split("*", 1)[0].rsplit("/", 1)[0]
    return [p for p in list_files(base) if fnmatch.fnmatch(p, pattern)]


def listdir(path: str) -> list[str]:
    """Names directly inside the directory ``path`` (empty if it does not exist)."""
    if not is_uri(path):
        return sorted(os.listdir(path)) if os.path.isdir(path) else []
    fs, inner = filesystem(path)
    infos = fs.get_file_info(pafs.FileSelector(inner, recursive=False, allow_not_found=True))
    return sorted(i.base_name for i in infos)
