"""Seed 003's worked example: f = 1 on [-1, 2] (0 elsewhere) and the kernel g(x) = 1 - 0.2|x| for x > 0
(0 otherwise).  Their convolution and cross-correlation in closed form, exactly, piece by piece; the
slides' remark that the kernel is flipped in the convolution is what separates the two."""

import mpmath
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.exp_poly import definite_integral

ORDER = 60  # position in reports and in the LaTeX document

i_, x_ = sp.symbols("i x", real=True)
FIFTH = sp.Rational(1, 5)


def g_expr(y):
    return 1 - FIFTH * y          # on y > 0, where g is not 0


def conv_closed(i):
    """(f * g)(i) = int_{-1}^{2} g(i - x) dx."""
    i = sp.sympify(i)
    return sp.Piecewise((0, i <= -1), ((i + 1) * (9 - i) / 10, i <= 2), (sp.Rational(33, 10) - 3 * i / 5, True))


def corr_closed(i):
    """(f star g)(i) = int_{-1}^{2} g(i + x) dx."""
    i = sp.sympify(i)
    return sp.Piecewise((0, i <= -2), ((2 + i) * (8 - i) / 10, i <= 1), (sp.Rational(27, 10) - 3 * i / 5, True))


def _pieces(kind, formula):
    """Integrate piece by piece with i symbolic in each interval (no Heaviside handling by SymPy):
    on each interval the integration limits are explicit, so the integral is a polynomial identity."""
    if kind == "conv":          # g(i - x) != 0 iff x < i; x in [-1, 2]
        cases = [((-1, 2), lambda i: (-1, i)), ((2, 9), lambda i: (-1, 2))]
        integrand = g_expr(i_ - x_)
    else:                       # g(i + x) != 0 iff x > -i
        cases = [((-2, 1), lambda i: (-i, 2)), ((1, 9), lambda i: (-1, 2))]
        integrand = g_expr(i_ + x_)
    for (lo, hi), limits in cases:
        a_, b_ = limits(i_)
        exact = definite_integral(integrand, x_, a_, b_)      # from an antiderivative checked by differentiation
        mid = sp.Rational(lo + hi, 2)
        piece = [e for e, c in formula(i_).args if c.subs(i_, mid)][0]     # the formula's piece there
        if sp.expand(exact - piece) != 0:
            return sc.Counterexample(1, f"{kind}: on ({lo}, {hi}) the integral is {sp.factor(exact)}, "
                                        f"the formula gives {sp.factor(piece)}")
    if formula(-5) != 0:
        return sc.Counterexample(1, f"{kind}: not 0 far left")
    return sc.Holds(f"{kind}: on each interval the integral with explicit limits equals the formula's piece "
                    "(expanded to 0), and the formula is 0 far left")


def _against_piecewise(kind, formula):
    """The whole formula (all pieces, breakpoints included) against symconv.objects.piecewise's exact
    convolution; the correlation is (f star g)(i) = (g * f(-.))(i), with f(-.) = 1 on [-2, 1]."""
    from symconv.objects.piecewise import X, convolve, pieces_equal
    g_pos = [(0, sp.oo, 1 - X / 5)]
    other = [(-1, 2, sp.Integer(1))] if kind == "conv" else [(-2, 1, sp.Integer(1))]
    got = convolve(other, g_pos)
    want = [(lo, hi, e.subs(i_, X)) for lo, hi, e in _as_pieces(formula)]
    same = pieces_equal(got, want)
    if same is None:
        raise RuntimeError(f"{kind}: not decided")
    if not same:
        return sc.Counterexample(1, f"{kind}: the formula differs from the exact convolution {got}")
    return sc.Holds(f"{kind}: the whole formula equals symconv.objects.piecewise's exact convolution (pieces_equal)")


def _as_pieces(formula):
    """The Piecewise formula as pieces (lo, hi, expr) on the real line."""
    args = formula(i_).args
    out, lo = [], -sp.oo
    for e, cond in args:
        hi = sp.oo if cond == True else cond.rhs   # noqa: E712  (conditions are i <= c or True)
        out.append((lo, hi, e))
        lo = hi
    return out


def _exact(n_, swap=False):
    if swap:    # the false claim: convolution = correlation (no flip)
        return _pieces("conv", corr_closed)
    return sc.Holds.all(_pieces("conv", conv_closed), _pieces("corr", corr_closed),
                        _against_piecewise("conv", conv_closed), _against_piecewise("corr", corr_closed))


def _numeric(n_, rng, dps):
    """Quadrature of both integrals at seeded points against the closed forms."""
    pts = [float(v) for v in rng.uniform(-3, 6, 4)]
    err = errm = 0.0
    with mpmath.workdps(dps):
        g = lambda y: (1 - y / 5) if y > 0 else 0  # noqa: E731
        for p in pts:
            P = mpmath.mpf(p)
            cm = mpmath.quad(lambda x: g(P - x), [-1, min(2, P) if P > -1 else -1, 2])
            rm = mpmath.quad(lambda x: g(P + x), [-1, max(-1, -P) if -P < 2 else 2, 2])
            errm = max(errm, abs(cm - sp.N(conv_closed(sp.Rational(p)), dps)), abs(rm - sp.N(corr_closed(sp.Rational(p)), dps)))
            if p > -1:     # midpoint rule on [-1, min(2, p)], where the integrand is linear
                top = min(2.0, p)
                xs = [-1 + (top + 1) * (k + 0.5) / 2000 for k in range(2000)]
                cf = sum(g(p - x) for x in xs) * (top + 1) / 2000
            else:
                cf = 0.0
            err = max(err, abs(cf - float(conv_closed(sp.Rational(p)))))
    return float(err), float(errm)


_f, _g = sp.Function("f", real=True), sp.Function("g", real=True)
_FG = {"f": sp.Lambda((x_,), sp.Piecewise((1, (x_ >= -1) & (x_ <= 2)), (0, True))),
       "g": sp.Lambda((x_,), sp.Piecewise((g_expr(x_), x_ > 0), (0, True)))}
#: (f * g)(i) = int f(x) g(i - x) dx and (f star g)(i) = int f(x) g(i + x) dx equal the closed forms, for every real i
#: (integrals: not evaluated concretely)
FORMAL = (Statement.identity(sp.Integral(_f(x_) * _g(i_ - x_), (x_, -sp.oo, sp.oo)), conv_closed(i_), definitions=_FG,
                             text="convolution"),
          Statement.identity(sp.Integral(_f(x_) * _g(i_ + x_), (x_, -sp.oo, sp.oo)), corr_closed(i_), definitions=_FG,
                             text="cross-correlation"))


seed003_example_closed_form = sc.Theorem(
    "seed003_example_closed_form",
    "For f = 1 on [-1, 2] and g(x) = 1 - x/5 on x > 0: (f*g)(i) = (i+1)(9-i)/10 on (-1, 2], 33/10 - 3i/5 after, "
    "0 before; (f star g)(i) = (2+i)(8-i)/10 on (-2, 1], 27/10 - 3i/5 after, 0 before.",
    claims="verified",
    latex=r"(f*g)(i) = \begin{cases} 0 & i \le -1\\ \tfrac{(i+1)(9-i)}{10} & -1 < i \le 2\\ \tfrac{33}{10} - \tfrac{3i}{5} & i > 2"
          r"\end{cases},\qquad (f\star g)(i) = \begin{cases} 0 & i \le -2\\ \tfrac{(2+i)(8-i)}{10} & -2 < i \le 1\\ "
          r"\tfrac{27}{10} - \tfrac{3i}{5} & i > 1\end{cases}",
    exact=_exact, n_range=(1, 1), exact_scope=sc.CASES, formal=FORMAL,
    numeric=_numeric, numeric_sizes=(1,), tolerance=1e-6,
    false_variants=[sc.FalseVariant(
        "seed003_conv_eq_corr", "Convolution and cross-correlation of this f and g coincide (no flip).",
        exact=lambda n_: _exact(n_, swap=True))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
