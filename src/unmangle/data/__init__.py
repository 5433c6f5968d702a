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


def open_data(name: str) -> IO[bytes]:
    """The shipped data file ``name``, or its stand-in from ``$UNMANGLE_MODELS``."""
    folder = os.environ.get(OVERRIDE)
    if folder and os.path.exists(os.path.join(folder, name)):
        return open(os.path.join(folder, name), "rb")
    return resources.files(__name__).joinpath(name).open("rb")
