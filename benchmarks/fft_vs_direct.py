"""Benchmark: is the Fourier route "the computationally fastest way to compute a convolution" (seed 003)?

Times, in the same run, a full linear convolution of a signal of length n with a kernel of length k
computed directly (``np.convolve``) and by the convolution theorem (``np.fft.rfft`` of both, zero-padded
to a power of two >= n + k - 1, product, ``irfft``), and checks that the two agree.  The audit row of
seed 003 counts multiplications instead (deterministic); this measures the clock.

    python benchmarks/fft_vs_direct.py [--sizes 1000,100000] [--kernels 3,9,17,33,129,1025] [--json]
"""

from __future__ import annotations

import argparse
import json
import platform
import timeit

import numpy as np


def fft_convolve(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Linear convolution through the DFT: zero-pad to L >= len(x) + len(w) - 1 (a power of two)."""
    m = len(x) + len(w) - 1
    L = 1 << (m - 1).bit_length()
    return np.fft.irfft(np.fft.rfft(x, L) * np.fft.rfft(w, L), L)[:m]


def best(fn, repeat: int = 5) -> float:
    number = max(1, int(0.05 / max(timeit.timeit(fn, number=1), 1e-7)))
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,100000")
    ap.add_argument("--kernels", default="3,9,17,33,129,1025")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    rows = []
    for n in (int(v) for v in args.sizes.split(",")):
        x = rng.standard_normal(n)
        for k in (int(v) for v in args.kernels.split(",")):
            w = rng.standard_normal(k)
            err = float(np.abs(np.convolve(x, w) - fft_convolve(x, w)).max())
            td, tf = best(lambda: np.convolve(x, w)), best(lambda: fft_convolve(x, w))
            rows.append({"n": n, "k": k, "direct_s": td, "fft_s": tf, "max_diff": err})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"# direct vs FFT convolution, seed 0  ({platform.processor() or platform.machine()}, NumPy {np.__version__})")
    print()
    print("| n | k | np.convolve (direct) | FFT route | direct / FFT | faster | max difference |")
    print("|---:|---:|---:|---:|---:|---|---:|")
    for r in rows:
        ratio = r["direct_s"] / r["fft_s"]
        print(f"| {r['n']} | {r['k']} | {r['direct_s'] * 1e6:.1f} µs | {r['fft_s'] * 1e6:.1f} µs | {ratio:.2f} | "
              f"{'FFT' if ratio > 1 else 'direct'} | {r['max_diff']:.1e} |")


if __name__ == "__main__":
    main()
