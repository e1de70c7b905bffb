"""The convolution theorem F{f * g} = F{f} F{g} checked exactly on piecewise functions: boxes, a
triangle, one-sided exponentials and seed 003's pair.  f * g is computed piece by piece with explicit
limits (symconv.objects.piecewise), and every Fourier transform from antiderivatives that are each
checked by differentiation (symconv.objects.piecewise_fourier); the two sides are then equal as
rational functions of omega and exp(-2 pi i omega), for omega != 0 (at 0 by continuity).
Seed 003's kernel g(x) = 1 - 0.2|x| 'for x > 0' is not integrable (it tends to -oo), so it has no
Fourier transform; it is taken on [0, 5], where it is non-negative.  The correlation version,
F{f star g} = conj(F{f}) F{g} for real f, with the lecture's (f star g)(i) = int f(x) g(i + x) dx."""

import functools

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import quad_mp
from symconv.engine.statement import Statement
from symconv.objects.piecewise import X, convolve, reflect
from symconv.objects.piecewise_fourier import fourier

ORDER = 59  # position in reports and in the LaTeX document (after convolution_theorem, by name)

w = sp.Symbol("omega", real=True)
BOX = [(-1, 2, sp.Integer(1))]                       # seed 003's f
KERNEL = [(0, 5, 1 - X / 5)]                         # seed 003's g on [0, 5]
BOX01 = [(0, 1, sp.Integer(1))]
TRI = [(0, 1, X), (1, 2, 2 - X)]
EXP1 = [(0, sp.oo, sp.exp(-X))]
EXP2 = [(0, sp.oo, sp.exp(-2 * X))]
PAIRS = [(BOX, KERNEL, "seed 003: 1 on [-1, 2], 1 - x/5 on [0, 5]"),
         (BOX01, BOX01, "two boxes on [0, 1]"),
         (EXP1, EXP2, "e^-t H(t), e^-2t H(t)"),
         (BOX, EXP1, "box on [-1, 2], e^-t H(t)"),
         (TRI, EXP2, "triangle on [0, 2], e^-2t H(t)"),
         (TRI, KERNEL, "triangle, seed 003's kernel")]


@functools.lru_cache(maxsize=None)
def _fourier(pieces: tuple):
    """F{f} for f given as a tuple of pieces (computed once per process: the exact checks, their false variants
    and the numeric checks use the same functions)."""
    return fourier(list(pieces), w)


@functools.lru_cache(maxsize=None)
def _product(n_, kind):
    """Pair n's f * g (kind 'conv') or f star g = f(-.) * g (any other kind), as exact pieces (computed once per
    process, like _fourier)."""
    f, g, _ = PAIRS[n_ - 1]
    return tuple(convolve(f, g) if kind == "conv" else convolve(reflect(f), g))


def _unitary(pieces):
    """The unitary angular transform (2 pi)^(-1/2) int exp(-i w t) f(t) dt."""
    return _fourier(tuple(pieces)).subs(w, w / (2 * sp.pi)) / sp.sqrt(2 * sp.pi)


def _sides(n_, kind):
    f, g, _ = PAIRS[n_ - 1]
    ff, fg = _fourier(tuple(f)), _fourier(tuple(g))
    if kind == "conv":
        return _fourier(_product(n_, "conv")), ff * fg
    if kind == "unitary":      # the false variant: the same statement in the unitary angular convention
        return _unitary(_product(n_, "conv")), _unitary(f) * _unitary(g)
    return _fourier(_product(n_, "corr")), (sp.conjugate(ff) if kind == "corr" else ff) * fg


def _exact(kind):
    def check(n_):
        lhs, rhs = _sides(n_, kind)
        if sc.exact.expanded_zero(lhs - rhs):
            return sc.Holds(f"{PAIRS[n_ - 1][2]}: the two sides ({kind}) expand to the same function of omega")
        for om in (sp.Rational(1, 3), sp.Rational(2, 7)):     # a box of length 3 has F = 0 at 1/3
            if sc.exact.certified_nonzero((lhs - rhs).subs(w, om)):
                return sc.Counterexample(n_, f"{PAIRS[n_ - 1][2]}: the two sides differ at omega = {om} "
                                             f"(certified): {sp.N(lhs.subs(w, om), 8)} vs {sp.N(rhs.subs(w, om), 8)}")
        raise RuntimeError(f"pair {n_}: equality not decided")
    return check


@functools.lru_cache(maxsize=None)
def _function(e, module):
    """A piece's expression as a NumPy or mpmath function, lambdified once per piece; the mpmath one evaluates at
    the working precision of each call, with common subexpressions computed once per point (NumPy's, evaluated
    once per array, are not worth cse's cost)."""
    return sp.lambdify(X, e, module, cse=module != "numpy")


def _quad_np(pieces, om):
    """F{f}(om) in float64: Gauss-Legendre on unit subintervals of each piece (tails cut at 50, where
    every decaying term here is below e^-50)."""
    total = 0j
    for a, b, e in pieces:
        fn = _function(sp.sympify(e), "numpy")
        lo = float(a) if sp.sympify(a).is_finite else float(b) - 50
        hi = float(b) if sp.sympify(b).is_finite else float(a) + 50
        cuts = np.linspace(lo, hi, max(2, int(np.ceil(hi - lo)) + 1))
        total += sc.engine.numeric.quad_f64(lambda t: np.exp(-2j * np.pi * om * t) * (fn(t) + 0 * t), cuts, 24)
    return total


def _cuts(lo, hi, step):
    """lo, ..., hi in equal steps of at most ``step`` (exact rationals)."""
    k = max(1, int(sp.ceiling((hi - lo) / step)))
    return [lo + (hi - lo) * sp.Rational(q, k) for q in range(k + 1)]


def _quad_mp(pieces, om):
    """F{f}(om) by mpmath's adaptive Gauss-Legendre quadrature on each piece (each subinterval raises the
    degree until mpmath's error estimate is below the working precision; the nodes computed once per process
    by Arb, symconv.engine.numeric.quad_mp); an infinite end is cut where the decaying term is below
    10^-(dps + 10) (pieces are polynomials of degree <= 2 times exp(c t), |c| >= 1).  A finite piece is split in
    steps of at most 2, the tail in steps of 8: the integrand is smooth (at |om| <= 1.5 and 50 digits, mpmath's
    degree 6, 96 nodes, was enough on every step for the seeds tried; a step that needs more raises the
    degree)."""
    total = mpmath.mpc(0)
    reach = int((mpmath.mp.dps + 10) * 2.31) + 20          # ln(10) < 2.31
    c = -2 * om                                            # (the same product -2 om t as (-2 om) t, once)
    for a, b, e in pieces:
        fn = _function(sp.sympify(e), "mpmath")
        a_fin, b_fin = sp.sympify(a).is_finite, sp.sympify(b).is_finite
        if a_fin and b_fin:
            steps = _cuts(sp.Rational(a), sp.Rational(b), 2)
        else:
            end, sign = (sp.Rational(a), 1) if a_fin else (sp.Rational(b), -1)
            steps = sorted(end + sign * d for d in _cuts(sp.Integer(0), sp.Integer(reach), 8))
        pts = [mpmath.mpf(v.p) / v.q for v in steps]
        total += quad_mp(lambda t: mpmath.expjpi(c * t) * fn(t), pts)
    return total


def _numeric(kind):
    def check(n_, rng, dps):
        """Both sides by quadrature at a seeded omega, f * g from its exact pieces (NumPy Gauss-Legendre,
        then mpmath at dps digits); independent of the exact Fourier formulas."""
        f, g, _ = PAIRS[(n_ - 1) % len(PAIRS)]
        om = float(rng.uniform(0.05, 1.5))
        h = _product((n_ - 1) % len(PAIRS) + 1, kind)
        ff = _quad_np(f, om)
        err = abs(_quad_np(h, om) - (ff if kind == "conv" else np.conj(ff)) * _quad_np(g, om))
        with mpmath.workdps(dps):
            W = mpmath.mpf(om)
            fm = _quad_mp(f, W)
            errm = abs(_quad_mp(h, W) - (fm if kind == "conv" else mpmath.conj(fm)) * _quad_mp(g, W))
        return float(err), float(errm)
    return check


# ---- formal statements: the transforms as integrals of the script's piecewise functions (not evaluated
# concretely: an integral has no exact evaluation at small n; the exact check decides each pair)
_T, _U = sp.symbols("t x", real=True)
_f, _g = sp.Function("f", real=True), sp.Function("g", real=True)


def _as_lambda(pieces) -> sp.Lambda:
    """A list of pieces (a, b, expression in X) as t -> the expression on [a, b), 0 elsewhere."""
    return sp.Lambda((_T,), sp.Piecewise(*[(e.subs(X, _T), (_T >= a) & (_T < b)) for a, b, e in pieces], (0, True)))


def _ft(expr):
    """F{h}(omega) = int exp(-2 pi i omega t) h(t) dt, h given as an expression in t."""
    return sp.Integral(sp.exp(-2 * sp.pi * sp.I * w * _T) * expr, (_T, -sp.oo, sp.oo))


def _formal(kind):
    """One statement per pair: F{f * g} = F{f} F{g} (conv), F{f star g} = conj(F{f}) F{g} (corr)."""
    out = []
    for f, g, txt in PAIRS:
        defs = {"f": _as_lambda(f), "g": _as_lambda(g)}
        if kind == "conv":
            lhs, rhs = _ft(sp.Integral(_f(_U) * _g(_T - _U), (_U, -sp.oo, sp.oo))), _ft(_f(_T)) * _ft(_g(_T))
        else:
            lhs = _ft(sp.Integral(_f(_U) * _g(_T + _U), (_U, -sp.oo, sp.oo)))
            rhs = sp.conjugate(_ft(_f(_T))) * _ft(_g(_T))
        out.append(Statement.identity(lhs, rhs, text=txt, definitions=defs))
    return tuple(out)


convolution_theorem_piecewise = sc.Theorem(
    "convolution_theorem_piecewise",
    "F{f*g} = F{f} F{g} with F{f}(w) = int exp(-2 pi i w t) f(t) dt, for six pairs of piecewise functions: "
    "seed 003's box 1 on [-1, 2] and kernel 1 - x/5 on [0, 5], boxes, a triangle, one-sided exponentials.",
    claims="verified",
    latex=r"\mathcal{F}\{f * g\} = \mathcal{F}\{f\}\,\mathcal{F}\{g\}\ \text{for boxes, triangles, "
          r"one-sided exponentials}",
    exact=_exact("conv"), n_range=(1, len(PAIRS)), exact_scope=sc.CASES, formal=_formal("conv"),
    numeric=_numeric("conv"), numeric_sizes=(1, 2, 3, 4, 5, 6), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "convolution_theorem_unitary", "F{f*g} = F{f} F{g} for the unitary angular transform "
        "(2 pi)^(-1/2) int exp(-i w t) f(t) dt (it needs a factor sqrt(2 pi)).",
        exact=_exact("unitary"), n_range=(1, 2))],
)

correlation_theorem_piecewise = sc.Theorem(
    "correlation_theorem_piecewise",
    "F{f star g} = conj(F{f}) F{g} for real f, with (f star g)(i) = int f(x) g(i + x) dx, for the same six "
    "pairs of piecewise functions.",
    claims="verified",
    latex=r"\mathcal{F}\{f \star g\} = \overline{\mathcal{F}\{f\}}\,\mathcal{F}\{g\},\quad "
          r"(f\star g)(i) = \int f(x)\,g(i+x)\,dx",
    exact=_exact("corr"), n_range=(1, len(PAIRS)), exact_scope=sc.CASES, formal=_formal("corr"),
    numeric=_numeric("corr"), numeric_sizes=(1, 3, 5), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "correlation_theorem_no_conj", "F{f star g} = F{f} F{g} (the convolution theorem applied to "
        "correlation, without the conjugate).",
        exact=_exact("corr_no_conj"), n_range=(1, 2))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
