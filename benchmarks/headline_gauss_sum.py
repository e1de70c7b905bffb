"""The README's headline, measured: is the quadratic Gauss sum of 13 equal to sqrt(13)?

    sum_{k=0}^{12} exp(2 pi i k^2 / 13) - sqrt(13) = 0        (Gauss, 1805: for p = 1 mod 4 it is sqrt(p))

Each tool runs in its own process with a time limit (default 60 s), in the same run:
symconv's exact decision in Q(zeta_52) and SymPy's documented ways to settle an identity
(`simplify`, `expand_complex`, `.equals(0)`, `minimal_polynomial`).

    python benchmarks/headline_gauss_sum.py [--limit SECONDS] [--p P]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

TOOLS = {
    "symconv: sc.cyclotomic_is_zero(e)": "import symconv as sc; out = sc.cyclotomic_is_zero(e)",
    "SymPy: simplify(e) == 0": "out = sp.simplify(e) == 0",
    "SymPy: expand_complex(e) == 0": "out = sp.expand_complex(e) == 0",
    "SymPy: e.equals(0)": "out = e.equals(0)",
    "SymPy: minimal_polynomial(e, x)": "out = sp.minimal_polynomial(e, sp.Symbol('x'))",
}


def measure(code: str, p: int, limit: float) -> tuple[str, float | None]:
    prog = ("import time, sympy as sp\n"
            f"e = sum(sp.exp(2*sp.pi*sp.I*k**2/{p}) for k in range({p})) - sp.sqrt({p})\n"
            "t = time.perf_counter()\n"
            f"{code}\n"
            "print(repr(out)); print(time.perf_counter() - t)\n")
    try:
        proc = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return f"no answer within {limit:g} s", None
    if proc.returncode != 0:
        return f"error: {proc.stderr.strip().splitlines()[-1]}", None
    answer, seconds = proc.stdout.strip().splitlines()[-2:]
    return answer, float(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--p", type=int, default=13)
    args = ap.parse_args()
    print(f"e = sum_k exp(2 pi i k^2/{args.p}) - sqrt({args.p}), which is exactly 0  "
          f"(limit {args.limit:g} s per tool, {time.strftime('%Y-%m-%d')})\n")
    print("| tool | answer | time |")
    print("|---|---|---|")
    base = None
    for name, code in TOOLS.items():
        answer, seconds = measure(code, args.p, args.limit)
        if base is None:
            base = seconds
        when = "-" if seconds is None else f"{seconds:.2f} s" + (
            f" ({seconds / base:.0f}x symconv)" if base and seconds is not None and name.startswith("SymPy") else "")
        print(f"| {name} | {answer} | {when} |", flush=True)


if __name__ == "__main__":
    main()
