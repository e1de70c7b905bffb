"""Where the catalogue shipped with the package lives (light: imports nothing heavy).

``symconv.proofs`` is the checkout's ``proofs/`` folder and ``symconv.audits`` its ``audits/``
(``package-dir`` in pyproject.toml); in a wheel they are ``symconv/proofs`` and ``symconv/audits``.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

__all__ = ["shipped"]


def shipped(kind: str = "proofs") -> Path:
    """The folder of the shipped catalogue: ``"proofs"`` (the theorems) or ``"audits"`` (the seed audit).

    >>> shipped("proofs").is_dir(), (shipped("proofs") / "shift.py").is_file()
    (True, True)
    >>> shipped("notes")
    Traceback (most recent call last):
    ...
    ValueError: kind must be 'proofs' or 'audits', got 'notes'
    """
    if kind not in ("proofs", "audits"):
        raise ValueError(f"kind must be 'proofs' or 'audits', got {kind!r}")
    return Path(str(importlib.resources.files(f"symconv.{kind}")))
