"""Find theorems: load proof scripts and collect their Theorem objects in order.

>>> import os, tempfile, textwrap
>>> d = tempfile.mkdtemp()
>>> _ = open(os.path.join(d, "empty.py"), "w").write("x = 1\\n")
>>> load_theorems([d])
[]
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.util
import sys
from pathlib import Path

from .theorem import Theorem

__all__ = ["load_module_theorems", "load_proof_module", "load_theorems", "proof_files", "select"]


def proof_files(paths) -> list[Path]:
    """Expand files and directories into the proof scripts they hold (sorted)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(q for q in p.glob("*.py") if not q.name.startswith("_")
                              and q.name != "conftest.py"))
        elif p.is_file() and p.suffix == ".py":
            out.append(p)
        else:
            raise FileNotFoundError(f"no proof script or directory at {p}")
    return out


def module_theorems(namespace: dict, topic: str) -> list[Theorem]:
    """The Theorems of a proof script's namespace; each learns its topic, the script's
    docstring and its ORDER (scripts are presented by ORDER, then by name)."""
    found = []
    for value in namespace.values():
        if isinstance(value, Theorem) and value not in found:
            if not value.topic:
                value.topic = topic
            value.topic_doc = (namespace.get("__doc__") or "").strip()
            value.topic_order = int(namespace.get("ORDER", 100))
            found.append(value)
    return found


def load_proof_module(path) -> object:
    """Import one proof script once (cached in sys.modules under a key made from its path)."""
    path = Path(path).resolve()
    key = "symconv_proofs_" + path.stem + "_" + hashlib.sha1(str(path).encode()).hexdigest()[:8]
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[key] = mod
    try:
        spec.loader.exec_module(mod)
    except BaseException:
        del sys.modules[key]
        raise
    return mod


def load_module_theorems(path: Path) -> list[Theorem]:
    """Import one proof script and return its theorems in definition order."""
    return module_theorems(vars(load_proof_module(path)), Path(path).resolve().stem)


def load_theorems(paths) -> list[Theorem]:
    """All theorems of the proof scripts under ``paths``."""
    out: list[Theorem] = []
    for f in proof_files(paths):
        out.extend(load_module_theorems(f))
    return sorted(out, key=lambda t: t.topic_order)   # stable: file order within a topic


def select(theorems: list[Theorem], pattern: str | None) -> list[Theorem]:
    """Keep theorems whose name or topic contains ``pattern`` (or matches it as a glob)."""
    if not pattern:
        return theorems
    return [t for t in theorems
            if pattern in t.name or pattern in t.topic or fnmatch.fnmatch(t.name, pattern)]
