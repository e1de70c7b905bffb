"""Benchmark: exact verification of F circ(c) F^-1 = diag(F c) for symbolic c.

Times, in the same run, symconv's exact check and the plain-SymPy way a user
would try (entries exp(-2*pi*I*j*k/n), F^-1 = F*/n, then simplify() on every
entry of F circ(c) F^-1 - diag(F c)).  Each plain-SymPy case runs in a child
process with a time limit; a case that does not finish is reported as
"timeout", a case whose simplify() leaves a non-zero entry as "no verdict"
(not as false: simplify() failing proves nothing), and one where simplify()
returns 0 everywhere as "simplify() gave 0 (not a proof)": what a plain-SymPy
user would accept, not a verdict.

    python benchmarks/dft_diagonalization.py [--sympy-timeout 60] [--sizes 3,8,12,16,64,256,1024]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time

from symconv.engine.verdict import answer_text


def plain_sympy(n: int) -> str:
    import sympy as sp

    c = sp.symbols(f"c0:{n}")
    F = sp.Matrix(n, n, lambda j, k: sp.exp(-2 * sp.pi * sp.I * j * k / n))
    C = sp.Matrix(n, n, lambda i, j: c[(i - j) % n])
    M = F * C * F.H / n
    Fc = F * sp.Matrix(c)
    for j in range(n):
        for k in range(n):
            want = Fc[j] if j == k else 0
            if sp.simplify(M[j, k] - want) != 0:
                return "no verdict"
    return "simplify() gave 0 (not a proof)"




def time_symconv(n: int) -> tuple[float, str]:
    from symconv.verify import dft_diagonalizes_circulant

    t0 = time.perf_counter()
    out = dft_diagonalizes_circulant(n)
    return time.perf_counter() - t0, answer_text(out)


def time_plain(n: int, timeout: float) -> tuple[float | None, str]:
    t0 = time.perf_counter()
    try:
        out = subprocess.run([sys.executable, __file__, "--one-sympy", str(n)], capture_output=True,
                             text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout (> {timeout:g} s)"
    return time.perf_counter() - t0, out.stdout.strip() or f"error: {out.stderr.strip()[-200:]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sympy-timeout", type=float, default=60.0)
    ap.add_argument("--sizes", default="3,8,12,16,64,256,1024")
    ap.add_argument("--one-sympy", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.one_sympy:
        print(plain_sympy(args.one_sympy))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    rows, plain_gave_up = [], False
    for n in sizes:
        ts, vs = time_symconv(n)
        if plain_gave_up:
            tp, vp = None, "not run (timed out at a smaller n)"
        else:
            tp, vp = time_plain(n, args.sympy_timeout)
            plain_gave_up = tp is None
        rows.append({"n": n, "symconv_s": ts, "symconv": vs, "sympy_s": tp, "sympy": vp})

    t0 = time.perf_counter()
    from symconv import Holds
    from symconv.verify import dft_diagonalizes_circulant
    all_ok = all(isinstance(dft_diagonalizes_circulant(n), Holds) for n in range(1, 65))
    sweep = time.perf_counter() - t0

    if args.json:
        print(json.dumps({"rows": rows, "sweep_1_64_s": sweep, "sweep_ok": all_ok}, indent=2))
        return
    print(f"# F circ(c) F^-1 = diag(F c), symbolic c  ({platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()})")
    print()
    print("| n | symconv (exact) | verdict | plain SymPy (exp + simplify) | verdict | ratio |")
    print("|---:|---:|---|---:|---|---:|")
    for r in rows:
        tp = f"{r['sympy_s']:.2f} s" if r["sympy_s"] is not None else "—"
        ratio = f"{r['sympy_s'] / r['symconv_s']:.0f}x" if r["sympy_s"] is not None else "—"
        print(f"| {r['n']} | {r['symconv_s'] * 1000:.1f} ms | {r['symconv']} | {tp} | {r['sympy']} | {ratio} |")
    print()
    print(f"every n = 1..64 together: {sweep:.2f} s, {'all verified' if all_ok else 'FAILED'}")
    target_1024 = next((r for r in rows if r["n"] == 1024), None)
    if target_1024:
        print(f"target n = 1024 in <= 10 s: {'met' if target_1024['symconv_s'] <= 10 else 'NOT met'} "
              f"({target_1024['symconv_s']:.2f} s); target n = 1..64 in <= 10 s: "
              f"{'met' if sweep <= 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
