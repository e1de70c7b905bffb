#!/usr/bin/env python3
"""The project's two commands, in plain Python (the Makefile calls these).

    python3 tasks.py demo    # venv + install, symconv prove proofs/, symconv audit, LaTeX document (+ PDF)
    python3 tasks.py test    # venv + install, the whole test suite
    python3 tasks.py bench   # the benchmarks (DFT diagonalisation, convolution theorem on functions, FFT vs direct)

Each creates .venv and installs the package (editable, with test extras) when
needed, so a fresh machine with only Python >= 3.11 and pip is enough.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".symconv-installed"


def run(*cmd) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def ensure_env() -> None:
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = ROOT / "pyproject.toml"
    if not STAMP.exists() or STAMP.stat().st_mtime < pyproject.stat().st_mtime:
        run(PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
        run(PY, "-m", "pip", "install", "-q", "-e", ".[test]")
        STAMP.touch()


def demo() -> None:
    ensure_env()
    run(BIN / "symconv", "prove", "proofs")
    run(BIN / "symconv", "audit", "audits")
    run(BIN / "symconv", "latex", "proofs", "-o", "out/symconv.tex", "--pdf")


def test() -> None:
    ensure_env()
    run(PY, "-m", "pytest", "-q")


def bench() -> None:
    ensure_env()
    run(PY, "benchmarks/dft_diagonalization.py")
    run(PY, "benchmarks/convolution_theorem_functions.py")
    run(PY, "benchmarks/fft_vs_direct.py")


if __name__ == "__main__":
    tasks = {"demo": demo, "test": test, "bench": bench}
    if len(sys.argv) != 2 or sys.argv[1] not in tasks:
        print(f"usage: python3 tasks.py {{{'|'.join(tasks)}}}", file=sys.stderr)
        raise SystemExit(2)
    try:
        tasks[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        raise SystemExit(exc.returncode) from None
