"""The properties of convolution (seed 003) for concrete functions on the real line, computed exactly
piece by piece (symconv.objects.piecewise): boxes and one-sided exponentials satisfy commutativity,
associativity, distributivity and scaling; the differentiation rule holds for Gaussians."""

ORDER = 62  # position in reports and in the LaTeX document

import mpmath
import sympy as sp

import symconv as sc
from symconv.objects.piecewise import X, add, convolve, evaluate, pieces_equal, reflect, scale

alpha = sp.Rational(3, 2)
BOX01 = [(0, 1, sp.Integer(1))]
BOX = [(-1, 2, sp.Integer(1))]                      # seed 003's f
EXP1 = [(0, sp.oo, sp.exp(-X))]
EXP2 = [(0, sp.oo, sp.exp(-2 * X))]
TRI = [(0, 1, X), (1, 2, 2 - X)]
CASES = [(BOX01, EXP1, EXP2), (BOX, TRI, EXP1), (EXP1, EXP2, BOX01), (TRI, BOX, BOX01)]


def _check(n_, broken=None):
    f, g, h = CASES[n_ - 1]
    fg = convolve(f, g)
    claims = {
        "commutativity f*g = g*f": (fg, convolve(g, f)),
        "associativity (f*g)*h = f*(g*h)": (convolve(fg, h), convolve(f, convolve(g, h))),
        "distributivity f*(g+h) = f*g + f*h": (convolve(f, add(g, h)), add(fg, convolve(f, h))),
        "scaling alpha (f*g) = (alpha f)*g": (scale(alpha, fg), convolve(scale(alpha, f), g)),
    }
    if broken == "fg_eq_fcorrg":     # the false claim: convolution = correlation, f*g = f star g
        claims = {"f*g = f star g": (fg, convolve(reflect(f), g))}
    for name, (lhs, rhs) in claims.items():
        same = pieces_equal(lhs, rhs)
        if same is None:
            raise RuntimeError(f"case {n_}: {name} not decided")
        if not same:
            return sc.Counterexample(n_, f"case {n_}: {name} fails (certified at a point): {lhs} vs {rhs}")
    return None


def _numeric(n_, rng, dps):
    """Quadrature of f*g and g*f at seeded points (mpmath) against the exact pieces."""
    f, g, _ = CASES[(n_ - 1) % len(CASES)]
    pts = [sp.Rational(int(v * 100), 100) for v in rng.uniform(-1, 4, 3)]
    fg = convolve(f, g)

    def num(pieces):
        fns = [(float(a) if a.is_finite else -mpmath.inf, float(b) if b.is_finite else mpmath.inf,
                sp.lambdify(X, e, "mpmath")) for a, b, e in [(sp.sympify(a), sp.sympify(b), sp.sympify(e))
                                                            for a, b, e in pieces]]
        return lambda t: sum((fn(t) for a, b, fn in fns if a <= t < b), mpmath.mpf(0))

    def worst(digits):
        with mpmath.workdps(digits):
            F, G = num(f), num(g)
            cuts = sorted({float(c) for a, b, _ in f + g for c in (a, b) if sp.sympify(c).is_finite})
            err = 0
            for p in pts:
                P = mpmath.mpf(p.p) / p.q
                nodes = [-mpmath.inf] + sorted({mpmath.mpf(c) for c in cuts} | {P - mpmath.mpf(c) for c in cuts}) \
                    + [mpmath.inf]
                val = mpmath.quad(lambda t: F(t) * G(P - t), nodes)
                err = max(err, abs(val - mpmath.mpf(str(sp.N(evaluate(fg, p), digits + 10)))))
            return float(err)
    return worst(15), worst(dps)         # double precision, then dps digits


property_checks_piecewise = sc.Theorem(
    "property_checks_piecewise",
    "For boxes, a triangle and one-sided exponentials, convolution is commutative, associative, distributive "
    "and commutes with scaling (each convolution computed exactly, piece by piece).",
    claims="verified",
    latex=r"f*g = g*f,\ (f*g)*h = f*(g*h),\ f*(g+h) = f*g + f*h,\ \alpha(f*g) = (\alpha f)*g",
    exact=_check, n_range=(1, len(CASES)), exact_scope=sc.CASES,
    numeric=_numeric, numeric_sizes=(1, 2, 3), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "conv_eq_corr_functions", "f*g = f star g for these functions (no flip).",
        exact=lambda n_: _check(n_, broken="fg_eq_fcorrg"))],
)

t_, tau = sp.symbols("t tau", real=True)
GAUSS = [(1, 2), (1, 1), (2, 3)]


def _diff(n_, wrong=False):
    """d/dt (f*g) = f' * g = f * g' for Gaussians exp(-a t^2), exp(-b t^2), integrated by SymPy."""
    a_, b_ = GAUSS[n_ - 1]
    f, g = sp.exp(-a_ * t_**2), sp.exp(-b_ * t_**2)
    conv = lambda p, q: sp.integrate(p.subs(t_, tau) * q.subs(t_, t_ - tau), (tau, -sp.oo, sp.oo))  # noqa: E731
    lhs = sp.diff(conv(f, g), t_)
    rhs = conv(sp.diff(f, t_), sp.diff(g, t_)) if wrong else conv(sp.diff(f, t_), g)
    same = sc.exact.decide_equal(lhs, rhs)
    if same is None:
        raise RuntimeError(f"pair {n_}: not decided")
    if not same:
        return sc.Counterexample(n_, f"a={a_}, b={b_}: d/dt(f*g) = {lhs} vs {rhs} (certified different at t = 1/3)")
    return None


def _diff_numeric(n_, rng, dps):
    a_, b_ = GAUSS[(n_ - 1) % len(GAUSS)]
    x0 = float(rng.uniform(-2, 2))

    def err(digits):
        with mpmath.workdps(digits):
            A, B, p = mpmath.mpf(a_), mpmath.mpf(b_), mpmath.mpf(x0)
            conv = lambda t: mpmath.quad(lambda s: mpmath.exp(-A * s**2 - B * (t - s)**2), [-mpmath.inf, mpmath.inf])  # noqa: E731
            lhs = mpmath.diff(conv, p)
            rhs = mpmath.quad(lambda s: -2 * A * s * mpmath.exp(-A * s**2 - B * (p - s)**2), [-mpmath.inf, mpmath.inf])
            return float(abs(lhs - rhs))
    return err(15), err(dps)             # double precision, then dps digits


differentiation_rule_gaussians = sc.Theorem(
    "differentiation_rule_gaussians",
    "The differentiation rule d/dt (f*g) = (df/dt) * g for Gaussians f = exp(-a t^2), g = exp(-b t^2).",
    claims="verified",
    latex=r"\frac{d}{dt}(f*g) = \frac{df}{dt} * g",
    exact=_diff, n_range=(1, 3), exact_scope=sc.CASES,
    numeric=_diff_numeric, numeric_sizes=(1, 2), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "differentiation_rule_both", "d/dt (f*g) = f' * g' for Gaussians.",
        exact=lambda n_: _diff(n_, wrong=True), n_range=(1, 1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
