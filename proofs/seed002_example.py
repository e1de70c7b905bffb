"""Seed 002's example: the standard normal density convolved with the uniform density on [-3, 3] is
(erf((x+3)/sqrt 2) - erf((x-3)/sqrt 2)) / 12, exactly.  The seed's np.convolve on its grid approximates
it once multiplied by the grid step dx (not divided by 20); the numeric cross-check measures that
error on an 8000-point grid, and notebook 03 plots it against dx (measured, not a verdict)."""

import functools

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement

ORDER = 61  # position in reports and in the LaTeX document

x, tau = sp.symbols("x tau", real=True)
PHI = sp.exp(-tau**2 / 2) / sp.sqrt(2 * sp.pi)


def closed_form(xx=x, scale=sp.Rational(1, 12)):
    return scale * (sp.erf((xx + 3) / sp.sqrt(2)) - sp.erf((xx - 3) / sp.sqrt(2)))


#: an antiderivative of phi / 6 (d/dz erf(z) = 2 exp(-z^2) / sqrt(pi)); _convolution checks it
PHI_PRIMITIVE = sp.erf(tau / sp.sqrt(2)) / 12


@functools.lru_cache(maxsize=None)
def _convolution(primitive=PHI_PRIMITIVE):
    """(phi * u)(x) = int_{x-3}^{x+3} phi(tau) / 6 dtau with x symbolic (explicit limits, no step functions), by
    the fundamental theorem of calculus: F(x + 3) - F(x - 3) for an antiderivative F of phi / 6 whose derivative
    is decided equal to phi / 6 (phi is continuous); an F that fails (or is undecided) raises.  Computed once per
    process (the exact check and its false variant compare it)."""
    if sc.exact.decide_equal(sp.diff(primitive, tau), PHI / 6) is not True:
        raise RuntimeError(f"{primitive} is not decided to be an antiderivative of phi/6")
    return primitive.subs(tau, x + 3) - primitive.subs(tau, x - 3)


def _exact(n_, scale=sp.Rational(1, 12)):
    """(phi * u)(x) = int_{x-3}^{x+3} phi(tau) / 6 dtau with x symbolic (explicit limits, no step functions)."""
    conv = _convolution()
    same = sc.exact.decide_equal(conv, closed_form(x, scale))
    if same is None:
        raise RuntimeError("equality of the integral and the closed form not decided")
    if not same:
        return sc.Counterexample(n_, f"the integral is {conv}, not {closed_form(x, scale)} "
                                     "(certified different at x = 1/3)")
    return sc.Holds(f"int_(x-3)^(x+3) phi(tau)/6 dtau = {closed_form(x, scale)} for symbolic x (decide_equal: equal)")


def discretisation_error(N: int) -> tuple[float, float]:
    """(dx, max |dx * np.convolve(n, u, 'same') - exact|) on the seed's grid linspace(-10, 10, N)."""
    xs = np.linspace(-10, 10, N)
    dx = xs[1] - xs[0]
    normal = np.exp(-xs**2 / 2) / np.sqrt(2 * np.pi)
    uniform = np.where((xs >= -3) & (xs <= 3), 1 / 6, 0.0)
    approx = np.convolve(normal, uniform, mode="same") * dx
    from math import erf, sqrt
    exact = np.array([(erf((v + 3) / sqrt(2)) - erf((v - 3) / sqrt(2))) / 12 for v in xs])
    return float(dx), float(np.abs(approx - exact).max())


def _numeric(n_, rng, dps):
    """Closed form against mpmath quadrature at seeded points; float: the seed's grid at 8000 points."""
    pts = rng.uniform(-6, 6, 3)
    with mpmath.workdps(dps):
        errm = max(abs(mpmath.quad(lambda t: mpmath.npdf(t) / 6, [p - 3, p + 3])
                       - (mpmath.erf((p + 3) / mpmath.sqrt(2)) - mpmath.erf((p - 3) / mpmath.sqrt(2))) / 12)
                   for p in (mpmath.mpf(float(v)) for v in pts))
    return discretisation_error(8000)[1], float(errm)


_phi, _unif = sp.Function("phi", real=True), sp.Function("U", real=True)
#: (phi * U)(x) = int phi(tau) U(x - tau) dtau = the erf closed form, for every real x (an integral and erf: not
#: evaluated concretely)
FORMAL = Statement.identity(sp.Integral(_phi(tau) * _unif(x - tau), (tau, -sp.oo, sp.oo)), closed_form(x),
                            definitions={"phi": sp.Lambda((tau,), PHI),
                                         "U": sp.Lambda((tau,), sp.Piecewise((sp.Rational(1, 6), (tau >= -3) & (tau <= 3)),
                                                                             (0, True)))})


normal_uniform_convolution = sc.Theorem(
    "normal_uniform_convolution",
    "The standard normal density convolved with the uniform density on [-3, 3] is "
    "(erf((x+3)/sqrt 2) - erf((x-3)/sqrt 2))/12.",
    claims="verified",
    latex=r"(\varphi * \mathcal{U}_{[-3,3]})(x) = \tfrac{1}{6}\int_{x-3}^{x+3}\varphi = "
          r"\tfrac{1}{12}\Big(\operatorname{erf}\tfrac{x+3}{\sqrt 2} - \operatorname{erf}\tfrac{x-3}{\sqrt 2}\Big)",
    exact=_exact, n_range=(1, 1), exact_scope=sc.CASES, formal=FORMAL,
    numeric=_numeric, numeric_sizes=(1,), tolerance=5e-3,
    false_variants=[sc.FalseVariant(
        "normal_uniform_convolution_over_6", "The convolution is (erf((x+3)/sqrt 2) - erf((x-3)/sqrt 2))/6.",
        exact=lambda n_: _exact(n_, scale=sp.Rational(1, 6)))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
