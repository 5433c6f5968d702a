"""Statistics built from the corpora by the scripts in ``scripts/`` and shipped inside the package.

``UNMANGLE_MODELS`` may name a directory whose files stand in for the shipped ones: models built with a
``--holdout`` share of the corpora left out, to measure the repair on text its statistics never saw
(``bench/bench_encoding.py --holdout``).
"""

from __future__ import annotations

import os
from importlib import resources
from typing import IO

OVERRIDE = "UNMANGLE_MODELS"


def held_out(index: int, k: int) -> bool:
    """Whether the ``index``-th document of a corpus file is left out of models built with ``--holdout k``
    (and is one the held-out benchmark measures on): every k-th. One rule for the scripts and the benchmark."""
    return bool(k) and index % k == k - 1


def open_data(name: str) -> IO[bytes]:
    """The shipped data file ``name``, or its stand-in from ``$UNMANGLE_MODELS``."""
    folder = os.environ.get(OVERRIDE)
    if folder and os.path.exists(os.path.join(folder, name)):
        return open(os.path.join(folder, name), "rb")
    return resources.files(__name__).joinpath(name).open("rb")
