"""Cross-correlation (f star g)(i) = sum_x f(x) g(i + x): it is convolution with the reflected f,
it is not commutative ((f star g)(i) = (g star f)(-i)), and its normalised form is at most 1,
with equality exactly at an affine match (template matching)."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import float_and_mp
from symconv.engine.rules import Fold, ReindexSum, Unfold
from symconv.engine.statement import Statement
from symconv.objects.indexed import entry_function, i, j, lsum, s_, sequence_function, t, u, zsum
from symconv.objects.kernels import conv_full, correlate_full

ORDER = 58  # position in reports and in the LaTeX document

f, g = sequence_function("f"), sequence_function("g")
fr = sequence_function("fr", r"f^{-}")                 # the reflection f^-(x) = f(-x)
corr_fg = sequence_function("corr_fg", r"(f \star g)")
corr_gf = sequence_function("corr_gf", r"(g \star f)")
conv_frg = sequence_function("conv_frg", r"(f^{-} * g)")
DEFS = {"corr_fg": sp.Lambda((i,), lsum(f(t) * g(i + t), t)),
        "corr_gf": sp.Lambda((i,), lsum(g(t) * f(i + t), t)),
        "conv_frg": sp.Lambda((i,), lsum(fr(u) * g(i - u), u)),
        "fr": sp.Lambda((s_,), f(-s_))}


FORMAL = (Statement.identity(corr_fg(i), conv_frg(i), definitions=DEFS),
          Statement.identity(corr_fg(i), corr_gf(-i), definitions=DEFS))


def _derive():
    reflect = (sc.Derivation(corr_fg(i), title=r"$(f \star g)(i) = \sum_x f(x)\,g(i+x)$", goal=conv_frg(i))
               .step(lsum(f(t) * g(i + t), t), Unfold("corr_fg", definitions=DEFS))
               .step(lsum(f(-u) * g(i - u), u), ReindexSum(t, -u, u))
               .step(conv_frg(i), Fold("conv_frg", "fr", definitions=DEFS)))
    swap = (sc.Derivation(corr_fg(i), title=r"not commutative: $(f \star g)(i) = (g \star f)(-i)$",
                          goal=corr_gf(-i))
            .step(lsum(f(t) * g(i + t), t), Unfold("corr_fg", definitions=DEFS))
            .step(lsum(f(u - i) * g(u), u), ReindexSum(t, u - i, u))
            .step(corr_gf(-i), Fold("corr_gf", definitions=DEFS)))
    return [reflect, swap]


def _exact(n_, commutes=False):
    for p_ in range(1, n_ + 1):
        fv, gv = list(sp.symbols(f"f0:{p_}")), list(sp.symbols(f"g0:{n_}"))
        c1, lo1 = correlate_full(gv, fv)                 # (f star g)(i) = sum_x f(x) g(i+x) = np.correlate(g, f)
        if [sp.expand(a - b) for a, b in zip(c1, conv_full(gv, fv[::-1]))] != [0] * len(c1):
            return sc.Counterexample(n_, "f star g is not g * reflected f")
        c2, lo2 = correlate_full(fv, gv)                 # (g star f)(j)
        other = c2 if commutes else c2[::-1]             # (g star f)(-i) reverses the index
        if [sp.expand(a - b) for a, b in zip(c1, other)] != [0] * len(c1):
            return sc.Counterexample(n_, f"lengths ({p_}, {n_}): f star g and g star f"
                                         f"{'' if commutes else ' reversed'} differ")
    return sc.Holds(f"f star g = g * reflected f and f star g = (g star f){'' if commutes else ' reversed'} exactly "
                    f"for generic f of lengths 1..{n_} and g of length {n_}")


correlation_eq_reflected_conv = sc.Theorem(
    "correlation_eq_reflected_conv",
    "Cross-correlation is convolution with the reflected first function, and it is not commutative: "
    "(f star g)(i) = (g star f)(-i).",
    claims="proved",
    latex=r"(f \star g)(i) = \sum_x f(x)\,g(i+x) = (f^{-} * g)(i),\qquad (f\star g)(i) = (g \star f)(-i)",
    derivation=_derive, formal=FORMAL,
    exact=_exact, n_range=(1, 6),
    numeric=lambda n_, rng, dps: float_and_mp(
        lambda x, y: max(abs(a - b) for a, b in zip(correlate_full(list(y), list(x))[0],
                                                    correlate_full(list(x), list(y))[0][::-1])), dps,
        rng.standard_normal(n_), rng.standard_normal(n_ + 1)),
    numeric_sizes=(1, 3, 6),
    false_variants=[sc.FalseVariant(
        "correlation_commutes", "Cross-correlation is commutative: f star g = g star f.",
        exact=lambda n_: _exact(n_, commutes=True), n_range=(2, 6))],
)


def _lagrange_sides_equal(n_, half=sp.Rational(1, 2)) -> bool:
    """|u|^2 |v|^2 - <u,v>^2 = half * sum_{p,q} (u_p v_q - u_q v_p)^2 for generic u, v of length n, decided in the
    polynomial ring QQ[u, v] (exact arithmetic on the expanded polynomials, which are equal exactly when the
    difference of the two SymPy sides expands to 0)."""
    _, *gens = sp.ring(list(sp.symbols(f"u0:{n_}")) + list(sp.symbols(f"v0:{n_}")), sp.QQ)
    uu, vv = gens[:n_], gens[n_:]
    lhs = sum(x ** 2 for x in uu) * sum(y ** 2 for y in vv) - sum(x * y for x, y in zip(uu, vv)) ** 2
    rhs = sp.QQ(half.p, half.q) * sum((uu[p] * vv[q] - uu[q] * vv[p]) ** 2 for p in range(n_) for q in range(n_))
    return not (lhs - rhs)


def _lagrange(n_, equality_only_if_equal=False):
    """Cauchy-Schwarz through Lagrange's identity |u|^2 |v|^2 - <u,v>^2 = 1/2 sum_{p,q} (u_p v_q - u_q v_p)^2,
    exact for generic u, v; so NCC = <u,v>/(|u||v|) <= 1, with equality iff all 2x2 minors vanish, i.e.
    v = c u, c > 0: after centring, g = c f + d (an affine match)."""
    if not _lagrange_sides_equal(n_):
        return sc.Counterexample(n_, "Lagrange's identity fails")
    if equality_only_if_equal and n_ >= 2:
        f_ = [sp.Integer(q) for q in range(n_)]
        g_ = [2 * x + 1 for x in f_]                         # an affine match, not equal
        fc = [x - sp.Rational(sum(f_), n_) for x in f_]
        gc = [x - sp.Rational(sum(g_), n_) for x in g_]
        num, den2 = sum(a * b for a, b in zip(fc, gc)), sum(a * a for a in fc) * sum(b * b for b in gc)
        if num > 0 and num**2 == den2 and f_ != g_:         # NCC = num / sqrt(den2) = 1, in rationals
            return sc.Counterexample(n_, f"g = 2f + 1 = {g_} differs from f = {f_} but its NCC with f is exactly 1")
    return sc.Holds(f"Lagrange's identity |u|^2 |v|^2 - <u,v>^2 = 1/2 sum (u_p v_q - u_q v_p)^2 expands to 0 for "
                    f"generic u, v of length {n_}" + (" (and the affine match g = 2f + 1 was not a counterexample)"
                                                     if equality_only_if_equal and n_ >= 2 else ""))


def _ncc_defect(x, y):
    import mpmath
    mean = lambda v: sum(v[1:], v[0]) / len(v)  # noqa: E731
    xc, yc = [a - mean(list(x)) for a in x], [b - mean(list(y)) for b in y]
    sq = mpmath.sqrt if not isinstance(x[0], (float, np.floating)) else np.sqrt
    ncc_rand = sum(a * b for a, b in zip(xc, yc)) / sq(sum(a * a for a in xc) * sum(b * b for b in yc))
    affine = [3 * a - 1 for a in x]
    ac = [a - mean(affine) for a in affine]
    ncc_aff = sum(a * b for a, b in zip(xc, ac)) / sq(sum(a * a for a in xc) * sum(b * b for b in ac))
    return max(0, ncc_rand - 1) + abs(ncc_aff - 1)


_fc, _gc = entry_function("fc", r"(f - \bar f)"), entry_function("gc", r"(g - \bar g)")
#: Lagrange's identity for the centred template and window (any n):
#: |f~|^2 |g~|^2 - <f~, g~>^2 = 1/2 sum_{p,q} (f~_p g~_q - f~_q g~_p)^2 >= 0, so NCC <= 1, with equality iff every
#: 2x2 minor vanishes, i.e. g~ = c f~ (c > 0 for NCC = +1): g = c f + d
FORMAL_LAGRANGE = Statement.identity(
    zsum(_fc(i) ** 2, i) * zsum(_gc(i) ** 2, i) - zsum(_fc(i) * _gc(i), i) ** 2,
    sp.Rational(1, 2) * zsum(zsum((_fc(i) * _gc(j) - _fc(j) * _gc(i)) ** 2, j), i))


ncc_le_one_eq_iff_affine = sc.Theorem(
    "ncc_le_one_eq_iff_affine",
    "Template matching: the normalised cross-correlation of centred signals is at most 1 (Cauchy-Schwarz), "
    "with equality exactly when the window is an affine image c f + d (c > 0) of the template.",
    claims="verified",
    latex=r"\mathrm{NCC}(f, g) = \frac{\langle f - \bar f,\ g - \bar g\rangle}{\|f - \bar f\|\,\|g - \bar g\|} \le 1,"
          r"\quad = 1 \iff g = c f + d,\ c > 0",
    exact=_lagrange, n_range=(1, 7), formal=FORMAL_LAGRANGE,
    numeric=lambda n_, rng, dps: float_and_mp(_ncc_defect, dps, rng.standard_normal(n_ + 2), rng.standard_normal(n_ + 2)),
    numeric_sizes=(1, 4, 8), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "ncc_one_iff_equal", "The normalised cross-correlation is 1 only where the window equals the template.",
        exact=lambda n_: _lagrange(n_, equality_only_if_equal=True), n_range=(2, 7))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
