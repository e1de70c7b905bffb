"""Benchmark: the convolution theorem F{f*g} = F{f} F{g} on piecewise functions, exactly.

For each pair of proofs/convolution_theorem_piecewise.py, times in the same run symconv's exact check
(piece-by-piece convolution, Fourier transforms from antiderivatives checked by differentiation,
equality over a common denominator) and the plain-SymPy way a user would try: f, g with Heaviside
steps, ``integrate(..., conds='none')`` for f*g, ``fourier_transform`` for each side, ``simplify()``
of the difference.  Each plain-SymPy case runs in a child process with a time limit.  Its outcome:

* ``simplify() gave 0``: what a plain-SymPy user would accept, though simplify() decides nothing;
* ``no verdict``: something stayed unevaluated, or simplify() left a non-zero expression (which
  proves nothing);
* ``wrong f*g``: SymPy's convolution differs from the exact one at a rational point, certified by
  an error-controlled evaluation (so any verdict built on it would be about another function).

    python benchmarks/convolution_theorem_functions.py [--sympy-timeout 60] [--json]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time

from symconv.engine.verdict import answer_text
from pathlib import Path

import sympy as sp

ROOT = Path(__file__).resolve().parents[1]


def _pairs():
    sys.path.insert(0, str(ROOT / "proofs"))
    import convolution_theorem_piecewise as mod
    return mod


def _heaviside(pieces, t):
    """The pieces as one expression with Heaviside steps (what a SymPy user writes)."""
    from symconv.objects.piecewise import X
    H = sp.Heaviside
    out = sp.Integer(0)
    for a, b, e in pieces:
        step = (H(t - a) if sp.sympify(a).is_finite else 1) - (H(t - b) if sp.sympify(b).is_finite else 0)
        out += sp.sympify(e).subs(X, t) * step
    return out


def plain_sympy(k: int) -> str:
    from symconv.exact import certified_nonzero
    from symconv.objects.piecewise import convolve, evaluate
    mod = _pairs()
    f, g, _ = mod.PAIRS[k - 1]
    t, tau, w = sp.symbols("t tau omega", real=True)
    fh, gh = _heaviside(f, t), _heaviside(g, t)
    conv = sp.integrate(fh.subs(t, tau) * gh.subs(t, t - tau), (tau, -sp.oo, sp.oo), conds="none")
    if conv.has(sp.Integral):
        return "no verdict (f*g left unevaluated)"
    exact = convolve(f, g)
    for x0 in (sp.Rational(-3), sp.Rational(1, 3), sp.Rational(5, 2), sp.Rational(17, 3)):
        value = conv.subs(t, x0)
        if not value.has(sp.Heaviside) and certified_nonzero(value - evaluate(exact, x0)):
            return f"wrong f*g (at t = {x0}: {sp.N(value, 6)}, exactly {sp.N(evaluate(exact, x0), 6)})"
    lhs = sp.fourier_transform(conv, t, w)
    rhs = sp.fourier_transform(fh, t, w) * sp.fourier_transform(gh, t, w)
    if lhs.has(sp.FourierTransform) or rhs.has(sp.FourierTransform):
        return "no verdict (a transform left unevaluated)"
    if sp.simplify(lhs - rhs) == 0:
        return "simplify() gave 0 (not a proof)"
    return "no verdict (simplify left a non-zero difference)"




def time_symconv(k: int) -> tuple[float, str]:
    mod = _pairs()
    t0 = time.perf_counter()
    out = mod._exact("conv")(k)
    return time.perf_counter() - t0, answer_text(out)


def time_plain(k: int, timeout: float) -> tuple[float | None, str]:
    t0 = time.perf_counter()
    try:
        out = subprocess.run([sys.executable, __file__, "--one-sympy", str(k)], capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout (> {timeout:g} s)"
    return time.perf_counter() - t0, out.stdout.strip() or f"error: {out.stderr.strip()[-200:]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sympy-timeout", type=float, default=60.0)
    ap.add_argument("--one-sympy", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.one_sympy:
        print(plain_sympy(args.one_sympy))
        return
    mod = _pairs()
    rows = []
    for k in range(1, len(mod.PAIRS) + 1):
        ts, vs = time_symconv(k)
        tp, vp = time_plain(k, args.sympy_timeout)
        rows.append({"pair": mod.PAIRS[k - 1][2], "symconv_s": ts, "symconv": vs, "sympy_s": tp, "sympy": vp})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"# F{{f*g}} = F{{f}} F{{g}} on piecewise functions  ({platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, SymPy {sp.__version__})")
    print()
    print("| pair | symconv (exact) | verdict | plain SymPy (Heaviside + integrate + simplify) | outcome |")
    print("|---|---:|---|---:|---|")
    for r in rows:
        tp = f"{r['sympy_s']:.1f} s" if r["sympy_s"] is not None else "—"
        print(f"| {r['pair']} | {r['symconv_s']:.2f} s | {r['symconv']} | {tp} | {r['sympy']} |")


if __name__ == "__main__":
    main()
