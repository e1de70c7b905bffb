"""Benchmark: exact stacking of L random integer size-3 kernels, and factorisation of random
size-(2L+1) kernels into L size-3 kernels, for L = 4, 16, 64, 256.

Compared in the same run with numpy.convolve (int64 and float64) and SymPy Poly products
for stacking, and with numpy.roots (float64) and SymPy's factor_list for factorisation.

    python benchmarks/kernel_stacking.py [--sizes 4,16,64,256] [--factor-timeout 120]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time

import numpy as np


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def stack_numpy(kernels, dtype):
    out = np.array([1], dtype=dtype)
    for k in kernels:
        out = np.convolve(out, np.array(k, dtype=dtype))
    return out


def stack_sympy(kernels):
    import sympy as sp
    x = sp.Symbol("x")
    p = sp.Poly(1, x)
    for k in kernels:
        p = p * sp.Poly(list(reversed(k)), x)
    return [int(c) for c in reversed(p.all_coeffs())]


def factor_job(L: int, seed: int) -> str:
    """Run in a child process: symconv factorisation of one random kernel; prints 'seconds error'."""
    from symconv.objects.factorize import factor_into_size3
    rnd = random.Random(seed * 7919 + L)
    kern = [rnd.randint(-9, 9) for _ in range(2 * L)] + [rnd.choice([-3, -2, -1, 1, 2, 3])]
    t0 = time.perf_counter()
    f = factor_into_size3(kern, dps=30)
    return f"{time.perf_counter() - t0:.3f} {f.reconstruction_error:.1e} {int(f.exact)}"


def run_child(L, seed, timeout):
    try:
        out = subprocess.run([sys.executable, __file__, "--child", str(L), str(seed)], capture_output=True,
                             text=True, timeout=timeout)
        secs, err, exact = out.stdout.split()
        return float(secs), float(err), exact == "1"
    except subprocess.TimeoutExpired:
        return None, None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="4,16,64,256")
    ap.add_argument("--factor-timeout", type=float, default=120.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(factor_job(*args.child))
        return
    from symconv.objects.kernels import stack

    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"# stacking L random integer size-3 kernels (taps in [-9, 9]), seed {args.seed}\n")
    print("| L | symconv exact | SymPy Poly | ratio | np.convolve int64 | int64 correct? | np.convolve float64 | float64 max rel. error |")
    print("|---:|---:|---:|---:|---:|---|---:|---:|")
    for L in sizes:
        rnd = random.Random(args.seed * 1000 + L)
        ks = [[rnd.randint(-9, 9) or 1 for _ in range(3)] for _ in range(L)]
        ts, exact = timed(stack, ks)
        tp, ref = timed(stack_sympy, ks)
        assert exact == ref
        ti, wrapped = timed(stack_numpy, ks, np.int64)
        tf, flt = timed(stack_numpy, ks, np.float64)
        ok = [int(v) for v in wrapped] == exact
        big = max(abs(v) for v in exact)
        rel = max(abs(float(f) - v) for f, v in zip(flt, exact)) / big
        print(f"| {L} | {ts * 1e3:.2f} ms | {tp * 1e3:.2f} ms | {tp / ts:.1f}x | {ti * 1e3:.3f} ms | "
              f"{'yes' if ok else 'NO (overflow)'} | {tf * 1e3:.3f} ms | {rel:.1e} |")

    print(f"\n# factorising a random integer size-(2L+1) kernel into L size-3 kernels\n")
    print("| L | symconv factor_into_size3 | reconstruction error | np.roots (float64) | np.roots reconstruction error | SymPy factor_list |")
    print("|---:|---:|---:|---:|---:|---:|")
    import sympy as sp
    x = sp.Symbol("x")
    for L in sizes:
        rnd = random.Random(args.seed * 7919 + L)
        kern = [rnd.randint(-9, 9) for _ in range(2 * L)] + [rnd.choice([-3, -2, -1, 1, 2, 3])]
        ts, err, _ = run_child(L, args.seed, args.factor_timeout)
        tr, roots = timed(np.roots, kern[::-1])
        rec = np.real(np.poly(roots)) * kern[-1]
        rerr = float(np.abs(rec[::-1] - np.array(kern, float)).max() / max(abs(v) for v in kern))
        tq, _ = timed(lambda: sp.Poly(list(reversed(kern)), x).factor_list())
        sym = f"{ts:.2f} s" if ts is not None else f"timeout (> {args.factor_timeout:g} s)"
        print(f"| {L} | {sym} | {err if err is not None else '—'} | {tr * 1e3:.2f} ms | {rerr:.1e} | {tq:.2f} s |")


if __name__ == "__main__":
    main()
