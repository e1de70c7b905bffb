"""The properties of convolution (seed 003) for concrete functions on the real line: boxes, a triangle,
one-sided exponentials and seed 003's pair (computed exactly piece by piece, symconv.objects.piecewise)
and Gaussians (integrated exactly by completing the square) satisfy commutativity, associativity, distributivity and scaling;
the differentiation rule holds for Gaussians, and for a triangle (absolutely continuous) against boxes,
seed 003's kernel and a one-sided exponential, but not when the factor with a jump is differentiated
pointwise."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.numeric import quad_mp
from symconv.engine.statement import Hypothesis, Statement
from symconv.objects.gaussians import gaussian_integral
from symconv.objects.piecewise import X, add, convolve, evaluate, numeric_function, pieces_equal, reflect, scale

ORDER = 62  # position in reports and in the LaTeX document

alpha = sp.Rational(3, 2)
BOX01 = [(0, 1, sp.Integer(1))]
BOX = [(-1, 2, sp.Integer(1))]                      # seed 003's f
EXP1 = [(0, sp.oo, sp.exp(-X))]
EXP2 = [(0, sp.oo, sp.exp(-2 * X))]
TRI = [(0, 1, X), (1, 2, 2 - X)]
KERNEL = [(0, 5, 1 - X / 5)]                        # seed 003's g, on [0, 5] where it is >= 0
CASES = [(BOX01, EXP1, EXP2), (BOX, TRI, EXP1), (EXP1, EXP2, BOX01), (TRI, BOX, BOX01), (BOX, KERNEL, EXP2)]


SHIFT = sp.Rational(3, 2)

# ---- formal statements: convolutions as integrals of the script's functions f, g, h (given by definitions), for
# every real x (integrals: documented and rendered, not evaluated concretely; the exact check decides each case)
_x = sp.Symbol("x", real=True)
_s = [sp.Symbol(f"s_{q}", real=True) for q in (1, 2)]
_F, _G, _H = (sp.Function(nm, real=True) for nm in ("f", "g", "h"))


def _conv(p, q, level=0):
    """p * q as a function: x -> int p(s) q(x - s) ds (p, q functions of one expression)."""
    s_ = _s[level]
    return lambda x: sp.Integral(p(s_) * q(x - s_), (s_, -sp.oo, sp.oo))


def _lam(pieces) -> sp.Lambda:
    """Pieces (a, b, expression in X) as x -> the expression on [a, b), 0 elsewhere."""
    return sp.Lambda((_x,), sp.Piecewise(*[(sp.sympify(e).subs(X, _x), (_x >= a) & (_x < b)) for a, b, e in pieces],
                                         (0, True)))


def _property_statements(defs, text):
    """Commutativity, associativity, distributivity, scaling and the shift rule for f, g, h."""
    f, g, h = _F, _G, _H
    fg = _conv(f, g)
    claims = [
        ("commutativity", fg(_x), _conv(g, f)(_x)),
        ("associativity", _conv(lambda y: fg(y), h, 1)(_x), _conv(f, lambda y: _conv(g, h, 1)(y))(_x)),
        ("distributivity", _conv(f, lambda y: g(y) + h(y))(_x), fg(_x) + _conv(f, h)(_x)),
        ("scaling", alpha * fg(_x), _conv(lambda y: alpha * f(y), g)(_x)),
        ("shift rule", _conv(lambda y: f(y - SHIFT), g)(_x), fg(_x - SHIFT)),
    ]
    return [Statement.identity(lhs, rhs, text=f"{text}: {name}", definitions=defs) for name, lhs, rhs in claims]


FORMAL_PIECEWISE = tuple(st for q, (f_, g_, h_) in enumerate(CASES, 1)
                         for st in _property_statements({"f": _lam(f_), "g": _lam(g_), "h": _lam(h_)}, f"case {q}"))


def _shift(pieces, s=SHIFT):
    """(tau_s f)(x) = f(x - s): every piece moves right by s."""
    return [(sp.sympify(a) + s, sp.sympify(b) + s, sp.sympify(e).subs(X, X - s)) for a, b, e in pieces]


def _check(n_, broken=None):
    f, g, h = CASES[n_ - 1]
    fg = convolve(f, g)
    claims = {
        "commutativity f*g = g*f": (fg, convolve(g, f)),
        "associativity (f*g)*h = f*(g*h)": (convolve(fg, h), convolve(f, convolve(g, h))),
        "distributivity f*(g+h) = f*g + f*h": (convolve(f, add(g, h)), add(fg, convolve(f, h))),
        "scaling alpha (f*g) = (alpha f)*g": (scale(alpha, fg), convolve(scale(alpha, f), g)),
        "shift rule (tau_s f)*g = tau_s (f*g)": (convolve(_shift(f), g), _shift(fg)),
    }
    if broken == "fg_eq_fcorrg":     # the false claim: convolution = correlation, f*g = f star g
        claims = {"f*g = f star g": (fg, convolve(reflect(f), g))}
    for name, (lhs, rhs) in claims.items():
        same = pieces_equal(lhs, rhs)
        if same is None:
            raise RuntimeError(f"case {n_}: {name} not decided")
        if not same:
            return sc.Counterexample(n_, f"case {n_}: {name} fails (certified at a point): {lhs} vs {rhs}")
    return sc.Holds(f"case {n_}: " + ", ".join(claims) + " decided equal (piecewise, pieces_equal)")


def _numeric(n_, rng, dps):
    """(f*g)(p) by quadrature at seeded points (NumPy Gauss-Legendre, then mpmath at dps digits) against the
    exact pieces; infinite tails (exp(-t), exp(-2t)) cut at 60 in the float64 sum."""
    f, g, _ = CASES[(n_ - 1) % len(CASES)]
    pts = [sp.Rational(int(v * 100), 100) for v in rng.uniform(-1, 4, 3)]
    fg = convolve(f, g)


    cuts = sorted({float(c) for a, b, _ in f + g for c in (a, b) if sp.sympify(c).is_finite})
    F64, G64 = numeric_function(f), numeric_function(g)
    err64 = 0.0
    for p in pts:
        P = float(p)
        nodes = sorted(set(cuts) | {P - c for c in cuts})
        nodes = list(np.arange(nodes[0] - 60, nodes[0], 1.0)) + nodes + list(np.arange(nodes[-1] + 1, nodes[-1] + 61, 1.0))
        err64 = max(err64, abs(sc.engine.numeric.quad_f64(lambda t: F64(t) * G64(P - t), nodes) - float(evaluate(fg, p))))

    def worst(digits):
        with mpmath.workdps(digits):
            F, G = numeric_function(f, "mpmath"), numeric_function(g, "mpmath")
            cuts = sorted({float(c) for a, b, _ in f + g for c in (a, b) if sp.sympify(c).is_finite})
            err = 0
            for p in pts:
                P = mpmath.mpf(p.p) / p.q
                nodes = [-mpmath.inf] + sorted({mpmath.mpf(c) for c in cuts} | {P - mpmath.mpf(c) for c in cuts}) \
                    + [mpmath.inf]
                val = mpmath.quad(lambda t: F(t) * G(P - t), nodes)
                err = max(err, abs(val - mpmath.mpf(str(sp.N(evaluate(fg, p), digits + 10)))))
            return float(err)
    return err64, worst(dps)             # float64 (NumPy), then mpmath at dps digits


property_checks_piecewise = sc.Theorem(
    "property_checks_piecewise",
    "For boxes, a triangle, one-sided exponentials and seed 003's box and kernel (1 - x/5 on [0, 5]), convolution "
    "is commutative, associative, distributive, commutes with scaling and with shifts (each convolution computed "
    "exactly, piece by piece).",
    claims="verified",
    latex=r"f*g = g*f,\ (f*g)*h = f*(g*h),\ f*(g+h) = f*g + f*h,\ \alpha(f*g) = (\alpha f)*g,\ "
          r"(\tau_s f)*g = \tau_s(f*g)",
    exact=_check, n_range=(1, len(CASES)), exact_scope=sc.CASES, formal=FORMAL_PIECEWISE,
    numeric=_numeric, numeric_sizes=(1, 2, 3), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "conv_eq_corr_functions", "f*g = f star g for these functions (no flip).",
        exact=lambda n_: _check(n_, broken="fg_eq_fcorrg"))],
)

t_, tau = sp.symbols("t tau", real=True)
GAUSS = [(1, 2), (1, 1), (2, 3)]
GAUSS3 = [(1, 2, sp.Rational(3, 2)), (sp.Rational(1, 2), 1, 3)]


def _gconv(p, q):
    """(p * q)(t), exactly: every integrand here is a polynomial times a Gaussian exp(-A tau^2 + ...) with A > 0,
    integrated by completing the square (symconv.objects.gaussians, which refuses anything else)."""
    value = gaussian_integral(p.subs(t_, tau) * q.subs(t_, t_ - tau), tau)
    if value is None:
        raise RuntimeError(f"not a polynomial-times-Gaussian integrand: {p} * {q}")
    return value


def _gauss_properties(n_, broken=False):
    """f, g, h = exp(-a t^2), exp(-b t^2), exp(-c t^2); every convolution integrated exactly, every
    equality decided without simplify() (expansion to 0, or certified different at t = 1/3)."""
    a_, b_, c_ = GAUSS3[n_ - 1]
    f, g, h = (sp.exp(-v * t_**2) for v in (a_, b_, c_))
    fg = _gconv(f, g)
    claims = {
        "commutativity": (fg, _gconv(g, f)),
        "associativity": (_gconv(fg, h), _gconv(f, _gconv(g, h))),
        "distributivity": (_gconv(f, g + h), fg + _gconv(f, h)),
        "scaling": (alpha * fg, _gconv(alpha * f, g)),
        "shift rule": (_gconv(f.subs(t_, t_ - SHIFT), g), fg.subs(t_, t_ - SHIFT)),
    }
    if broken:                        # the false claim: the convolution of Gaussians is their product
        claims = {"f*g = f g": (fg, f * g)}
    for name, (lhs, rhs) in claims.items():
        same = sc.exact.decide_equal(lhs, rhs)
        if same is None:
            raise RuntimeError(f"triple {n_}: {name} not decided")
        if not same:
            return sc.Counterexample(n_, f"a, b, c = {a_}, {b_}, {c_}: {name} fails (certified at t = 1/3)")
    return sc.Holds(f"a, b, c = {a_}, {b_}, {c_}: " + ", ".join(claims) + " decided equal (decide_equal)")


def _gauss_numeric(n_, rng, dps):
    """(f*g)(t) and (g*f)(t) by quadrature against sqrt(pi/(a+b)) exp(-ab t^2/(a+b)); ((f*g)*h)(t) and
    (f*(g*h))(t) by quadrature of those closed forms."""
    a_, b_, c_ = (float(v) for v in GAUSS3[(n_ - 1) % len(GAUSS3)])

    def err(digits):
        with mpmath.workdps(digits):
            A, B, C, T = (mpmath.mpf(v) for v in (a_, b_, c_, rng_t))

            def gauss(p, q):
                K, r = mpmath.sqrt(mpmath.pi / (p + q)), p * q / (p + q)
                return lambda t: K * mpmath.exp(-r * t**2)
            fa, gb, hc = (lambda t, k=k: mpmath.exp(-k * t**2) for k in (A, B, C))
            e1 = abs(_quad_gauss(fa, A, gb, T) - gauss(A, B)(T)) + abs(_quad_gauss(gb, B, fa, T) - gauss(A, B)(T))
            e2 = abs(_quad_gauss(gauss(A, B), A * B / (A + B), hc, T) - _quad_gauss(fa, A, gauss(B, C), T))
            return float(e1 + e2)
    rng_t = float(rng.uniform(-2, 2))
    grid = sorted(set(np.arange(-14.0, 15.0, 1.0)) | {rng_t})     # exp(-t^2 / 2) < 1e-40 beyond 14
    q64 = lambda u, v: sc.engine.numeric.quad_f64(lambda s_: u(s_) * v(rng_t - s_), grid)  # noqa: E731
    g64 = lambda p, q: (lambda t: np.sqrt(np.pi / (p + q)) * np.exp(-p * q * t**2 / (p + q)))  # noqa: E731
    fa, gb, hc = (lambda t, k=k: np.exp(-k * t**2) for k in (a_, b_, c_))
    e64 = abs(q64(fa, gb) - g64(a_, b_)(rng_t)) + abs(q64(gb, fa) - g64(a_, b_)(rng_t)) \
        + abs(q64(g64(a_, b_), hc) - q64(fa, g64(b_, c_)))
    return float(e64), err(dps)                   # float64 (NumPy), then mpmath at dps digits


def _quad_gauss(u, rate, v, T):
    """int_R u(s) v(T - s) ds for |u(s)| <= K exp(-rate s^2) and |v| <= K (K <= 3/2 here), by mpmath's adaptive
    Gauss-Legendre quadrature (Arb's nodes: symconv.engine.numeric.quad_mp) on [-L, L] in steps of at most 2,
    with exp(-rate L^2) = 10^-(dps + 10): the two tails together are below K^2 exp(-rate L^2) / (rate L), and
    rate L >= 4 at dps >= 15 for the rates here (>= 1/3); |T| <= 2 < L."""
    return quad_mp(lambda s: u(s) * v(T - s), _gauss_cuts(rate))


def _gauss_cuts(rate):
    """-L, ..., L in 2k equal steps of at most 2, where exp(-rate L^2) = 10^-(dps + 10) at the working precision
    (so rate L >= 4 at dps >= 15 for rates >= 1/3)."""
    L = mpmath.sqrt((mpmath.mp.dps + 10) * mpmath.log(10) / rate)
    k = int(mpmath.ceil(L / 2))
    return [L * q / k for q in range(-k, k + 1)]


def _gauss(a_) -> sp.Lambda:
    return sp.Lambda((_x,), sp.exp(-a_ * _x ** 2))


FORMAL_GAUSS = tuple(st for a_, b_, c_ in GAUSS3 for st in _property_statements(
    {"f": _gauss(a_), "g": _gauss(b_), "h": _gauss(c_)}, f"a, b, c = {a_}, {b_}, {c_}"))


property_checks_gaussians = sc.Theorem(
    "property_checks_gaussians",
    "For Gaussians exp(-a t^2), exp(-b t^2), exp(-c t^2), convolution is commutative, associative, distributive "
    "and commutes with scaling and shifts (each convolution integrated exactly by completing the square, each "
    "equality decided exactly).",
    claims="verified",
    latex=r"f*g = g*f,\ (f*g)*h = f*(g*h),\ f*(g+h) = f*g + f*h,\ \alpha(f*g) = (\alpha f)*g"
          r"\quad (f, g, h \text{ Gaussians})",
    exact=_gauss_properties, n_range=(1, len(GAUSS3)), exact_scope=sc.CASES, formal=FORMAL_GAUSS,
    numeric=_gauss_numeric, numeric_sizes=(1, 2), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "conv_eq_mul_gaussians", "The convolution of two Gaussians is their product.",
        exact=lambda n_: _gauss_properties(n_, broken=True), n_range=(1, 1))],
)


def _diff(n_, wrong=False):
    """d/dt (f*g) = f' * g = f * g' for Gaussians exp(-a t^2), exp(-b t^2), integrated exactly."""
    a_, b_ = GAUSS[n_ - 1]
    f, g = sp.exp(-a_ * t_**2), sp.exp(-b_ * t_**2)
    lhs = sp.diff(_gconv(f, g), t_)
    rhs = _gconv(sp.diff(f, t_), sp.diff(g, t_)) if wrong else _gconv(sp.diff(f, t_), g)
    same = sc.exact.decide_equal(lhs, rhs)
    if same is None:
        raise RuntimeError(f"pair {n_}: not decided")
    if not same:
        return sc.Counterexample(n_, f"a={a_}, b={b_}: d/dt(f*g) = {lhs} vs {rhs} (certified different at t = 1/3)")
    claim = "f' * g'" if wrong else "f' * g"
    return sc.Holds(f"a={a_}, b={b_}: d/dt(f*g) = {claim} decided equal (decide_equal)")


def _diff_numeric(n_, rng, dps):
    a_, b_ = GAUSS[(n_ - 1) % len(GAUSS)]
    x0 = float(rng.uniform(-2, 2))

    def err(digits):
        """mpmath.diff of the convolution integral (evaluated at its own, raised, working precision) against the
        integral of f' g, both by adaptive Gauss-Legendre on the cuts of _gauss_cuts(a) taken at the precision of
        each evaluation: with A L >= 4, the tails of exp(-A s^2 - B (t - s)^2) <= exp(-A s^2) are below
        exp(-A L^2) / (A L) < 10^-(dps + 10), those of |2 A s exp(-A s^2)| equal 2 exp(-A L^2)."""
        with mpmath.workdps(digits):
            A, B, p = mpmath.mpf(a_), mpmath.mpf(b_), mpmath.mpf(x0)
            conv = lambda t: quad_mp(lambda s: mpmath.exp(-A * s**2 - B * (t - s)**2), _gauss_cuts(A))  # noqa: E731
            lhs = mpmath.diff(conv, p)
            rhs = quad_mp(lambda s: -2 * A * s * mpmath.exp(-A * s**2 - B * (p - s)**2), _gauss_cuts(A))
            return float(abs(lhs - rhs))
    grid = sorted(set(np.arange(-14.0, 15.0, 1.0)) | {x0})
    conv64 = lambda t: sc.engine.numeric.quad_f64(lambda s_: np.exp(-a_ * s_**2 - b_ * (t - s_)**2), grid)  # noqa: E731
    h = 1e-4                                     # central difference: error of order h^2
    lhs64 = (conv64(x0 + h) - conv64(x0 - h)) / (2 * h)
    rhs64 = sc.engine.numeric.quad_f64(lambda s_: -2 * a_ * s_ * np.exp(-a_ * s_**2 - b_ * (x0 - s_)**2), grid)
    return float(abs(lhs64 - rhs64)), err(dps)   # float64 (NumPy), then mpmath at dps digits


_dF = sp.Function("f'", real=True)


def _diff_statement(defs, text, hypotheses=()):
    """d/dx (f * g)(x) = (f' * g)(x), with f' = df given by its definition."""
    return Statement.identity(sp.Derivative(_conv(_F, _G)(_x), _x), _conv(_dF, _G)(_x), text=text, definitions=defs,
                              hypotheses=hypotheses)


FORMAL_DIFF_GAUSS = tuple(_diff_statement({"f": _gauss(a_), "g": _gauss(b_),
                                           "f'": sp.Lambda((_x,), sp.diff(sp.exp(-a_ * _x ** 2), _x))},
                                          f"a, b = {a_}, {b_}") for a_, b_ in GAUSS)


differentiation_rule_gaussians = sc.Theorem(
    "differentiation_rule_gaussians",
    "The differentiation rule d/dt (f*g) = (df/dt) * g for Gaussians f = exp(-a t^2), g = exp(-b t^2).",
    claims="verified",
    latex=r"\frac{d}{dt}(f*g) = \frac{df}{dt} * g",
    exact=_diff, n_range=(1, 3), exact_scope=sc.CASES, formal=FORMAL_DIFF_GAUSS,
    numeric=_diff_numeric, numeric_sizes=(1, 2), tolerance=1e-8,
    false_variants=[sc.FalseVariant(
        "differentiation_rule_both", "d/dt (f*g) = f' * g' for Gaussians.",
        exact=lambda n_: _diff(n_, wrong=True), n_range=(1, 1))],
)


DIFF_CASES = [(TRI, BOX), (TRI, KERNEL), (TRI, EXP1)]


def _derivative(pieces):
    """The pointwise derivative on each open piece (at the breakpoints a function with jumps has none)."""
    return [(a, b, sp.diff(e, X)) for a, b, e in pieces]


def _diff_pieces(n_, jump_factor=False):
    """(f * g)' = f' * g for the triangle f (absolutely continuous, f' = 1 then -1) and g with jumps, on every
    open interval between breakpoints; with ``jump_factor`` the claim (f * g)' = f * g' with g' the pointwise
    derivative of g (which misses g's jumps)."""
    f, g = DIFF_CASES[n_ - 1]
    lhs = _derivative(convolve(f, g))
    rhs = convolve(f, _derivative(g)) if jump_factor else convolve(_derivative(f), g)
    same = pieces_equal(lhs, rhs)
    if same is None:
        raise RuntimeError(f"case {n_}: not decided")
    if not same:
        return sc.Counterexample(n_, f"case {n_}: (f*g)' = {lhs} but the claimed side is {rhs}")
    claim = "f * g' (pointwise g')" if jump_factor else "f' * g"
    return sc.Holds(f"case {n_}: (f*g)' = {claim} on every open interval between breakpoints (pieces_equal)")


def _diff_pieces_numeric(n_, rng, dps):
    """Central differences of the exact f * g (mpmath at dps digits; float64 with step 1e-5) against f' * g."""
    f, g = DIFF_CASES[(n_ - 1) % len(DIFF_CASES)]
    fg, dfg = convolve(f, g), convolve(_derivative(f), g)
    x0 = sp.Rational(int(rng.uniform(-0.9, 4.9) * 1000) + 1, 1000) + sp.Rational(1, 7919)   # off the breakpoints
    val = lambda pieces, x: evaluate(pieces, x)  # noqa: E731
    h64 = 1e-5
    d64 = (float(val(fg, x0 + sp.Float(h64))) - float(val(fg, x0 - sp.Float(h64)))) / (2 * h64)
    with mpmath.workdps(dps):
        hmp = sp.Rational(1, 10**(dps // 2))
        dmp = sp.N((val(fg, x0 + hmp) - val(fg, x0 - hmp)) / (2 * hmp), dps)
        err_mp = abs(mpmath.mpf(str(dmp)) - mpmath.mpf(str(sp.N(val(dfg, x0), dps))))
    return abs(d64 - float(val(dfg, x0))), float(err_mp)


#: on every open interval between breakpoints (f' the pointwise derivative of the triangle)
_OFF_BREAKPOINTS = Hypothesis("x off the breakpoints", None, "$x$ is no breakpoint of $f * g$")
FORMAL_DIFF_PIECES = tuple(_diff_statement({"f": _lam(f_), "g": _lam(g_), "f'": _lam(_derivative(f_))},
                                           f"case {q}", (_OFF_BREAKPOINTS,)) for q, (f_, g_) in enumerate(DIFF_CASES, 1))


differentiation_rule_piecewise = sc.Theorem(
    "differentiation_rule_piecewise",
    "d/dx (f*g) = (df/dx) * g for the triangle f (absolutely continuous) and g a box, seed 003's kernel or a "
    "one-sided exponential (all with jumps), on every interval between breakpoints.",
    claims="verified",
    latex=r"\frac{d}{dx}(f*g) = \frac{df}{dx} * g \quad (f \text{ absolutely continuous}, g \in L^1)",
    exact=_diff_pieces, n_range=(1, len(DIFF_CASES)), exact_scope=sc.CASES, formal=FORMAL_DIFF_PIECES,
    numeric=_diff_pieces_numeric, numeric_sizes=(1, 2, 3), tolerance=1e-6,
    false_variants=[sc.FalseVariant(
        "differentiation_rule_pointwise_jump", "d/dx (f*g) = f * (dg/dx) with dg/dx the pointwise derivative of "
        "the factor with jumps (it misses the jumps, which are Dirac deltas).",
        exact=lambda n_: _diff_pieces(n_, jump_factor=True), n_range=(1, 1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
