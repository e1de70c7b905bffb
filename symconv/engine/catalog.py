"""Find theorems: load proof scripts and collect their Theorem objects in order.

>>> import os, tempfile, textwrap
>>> d = tempfile.mkdtemp()
>>> _ = open(os.path.join(d, "empty.py"), "w").write("x = 1\\n")
>>> load_theorems([d])
[]
>>> load_theorems([d], import_budget=30)
Traceback (most recent call last):
...
symconv.engine.probe.LoadError: ...empty.py defines no theorems
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.util
import sys
from pathlib import Path

from .._shipped import shipped
from .probe import LoadError, probe_import, probed_in_order
from .theorem import Theorem

__all__ = ["shipped", "load_module_theorems", "load_proof_module", "load_theorems", "proof_files", "select", "LoadError",
           "probe_import"]


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


def _import_proof(path):
    mod = load_proof_module(path)
    return module_theorems(vars(mod), Path(path).resolve().stem)


def load_theorems(paths, import_budget: float | None = None) -> list[Theorem]:
    """All theorems of the proof scripts under ``paths``.

    With ``import_budget`` (seconds) each script is first imported in a child process under a
    watchdog (one child imports them all in order, ahead of this process:
    :func:`symconv.engine.probe.probed_in_order`), and a script that raises (SystemExit too), hangs
    or defines no theorem raises :class:`LoadError`.
    """
    out: list[Theorem] = []
    files = proof_files(paths)
    if import_budget is not None:     # each script imported here only once a child has imported it
        files = probed_in_order(files, import_budget, _import_proof, len, "theorems")
    for f in files:
        if import_budget is not None:
            try:
                found = load_module_theorems(f)
            except KeyboardInterrupt:
                raise
            except BaseException as exc:     # SystemExit included: never a silent exit
                raise LoadError(f"cannot load {f}: it raised {type(exc).__name__}: {exc} at import") from None
            if not found:
                raise LoadError(f"{f} defines no theorems")
            out.extend(found)
        else:
            out.extend(load_module_theorems(f))
    return sorted(out, key=lambda t: t.topic_order)   # stable: file order within a topic


def select(theorems: list[Theorem], pattern: str | None) -> list[Theorem]:
    """Keep theorems whose name or topic contains ``pattern`` (or matches it as a glob)."""
    if not pattern:
        return theorems
    return [t for t in theorems
            if pattern in t.name or pattern in t.topic or fnmatch.fnmatch(t.name, pattern)]
