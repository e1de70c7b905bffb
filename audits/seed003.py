"""Seed 003 (lecture notes): the worked example and the stated properties, checked exactly."""

import sympy as sp

from symconv.engine.audit import AuditClaim, exactly, from_check
from symconv.objects.kernels import conv_full

S = "003 lecture"


def _proof(name):
    """A proof script of proofs/, loaded once as a module (its checks are reused, not copied)."""
    from pathlib import Path

    from symconv.engine.catalog import load_proof_module
    return load_proof_module(Path(__file__).resolve().parents[1] / "proofs" / f"{name}.py")


def _example():
    return _proof("seed003_example")


def _flip():
    mod = _example()
    c0, r0 = mod.conv_closed(0), mod.corr_closed(0)
    return ("holds" if c0 != r0 else "refuted"), (f"(f*g)(0) = {c0} but (f star g)(0) = {r0}: convolution reads "
                                                  "g(i - x), the flipped kernel, correlation g(i + x)")


def _generic(residuals, note):
    """'holds' when every residual of generic symbolic entries expands to 0; the note says what it covers."""
    verdict, _ = exactly([sp.expand(r) for r in residuals], [0] * len(residuals))
    return verdict, note


def _commutative():
    from symconv.objects.piecewise import X, convolve, pieces_equal
    a, b = list(sp.symbols("a0:3")), list(sp.symbols("b0:4"))
    f, g = [(-1, 2, sp.Integer(1))], [(0, sp.oo, 1 - X / 5)]          # the seed's pair, g as stated
    verdict, note = _generic([p - q for p, q in zip(conv_full(a, b), conv_full(b, a))],
                             "exactly for generic sequences of lengths 3 and 4, and for the seed's f and g "
                             "(f*g = g*f piece by piece); theorem circulant_mul_comm for every n, "
                             "property_checks_piecewise for functions")
    on_seed = pieces_equal(convolve(f, g), convolve(g, f))
    return (verdict if on_seed else {False: "refuted", None: "undecided"}[on_seed]), note


def _scalar():
    a, b, al = list(sp.symbols("a0:3")), list(sp.symbols("b0:3")), sp.Symbol("alpha")
    lhs = [al * v for v in conv_full(a, b)]
    rhs = conv_full([al * v for v in a], b)
    return _generic([p - q for p, q in zip(lhs, rhs)], "exactly for generic sequences; theorem conv_linear_rules "
                                                          "for every length")


def _assoc():
    a, b, c = (list(sp.symbols(f"{v}0:3")) for v in "abc")
    lhs, rhs = conv_full(conv_full(a, b), c), conv_full(a, conv_full(b, c))
    return _generic([p - q for p, q in zip(lhs, rhs)], "exactly for generic sequences of length 3; theorem conv_assoc "
                                                          "for every length, property_checks_piecewise for functions")


def _distrib():
    a, b, c = (list(sp.symbols(f"{v}0:3")) for v in "abc")
    lhs = conv_full(a, [p + q for p, q in zip(b, c)])
    rhs = [p + q for p, q in zip(conv_full(a, b), conv_full(a, c))]
    return _generic([p - q for p, q in zip(lhs, rhs)], "exactly for generic sequences; theorem conv_linear_rules "
                                                          "for every length, property_checks_piecewise for functions")


def _differentiation():
    """Both equalities for f = exp(-t^2), g = exp(-2 t^2), integrated exactly (completing the square,
    symconv.objects.gaussians), decided exactly."""
    from symconv.exact import decide_equal
    from symconv.objects.gaussians import gaussian_integral
    t, tau = sp.symbols("t tau", real=True)
    f, g = sp.exp(-t**2), sp.exp(-2 * t**2)
    conv = lambda p, q: gaussian_integral(p.subs(t, tau) * q.subs(t, t - tau), tau)  # noqa: E731
    fg, df_g, dg_f = conv(f, g), conv(sp.diff(f, t), g), conv(sp.diff(g, t), f)
    if None in (fg, df_g, dg_f):                       # refused: never a verdict
        return "undecided", "a convolution integral was not of polynomial-times-Gaussian form"
    lhs = sp.diff(fg, t)
    first, second = decide_equal(lhs, df_g), decide_equal(lhs, dg_f)
    verdict = "holds" if first and second else ("refuted" if False in (first, second) else "undecided")
    return verdict, ("d/dt (f*g) = f'*g = g'*f exactly for f = exp(-t^2), g = exp(-2t^2) "
                     "(theorems differentiation_rule_gaussians, conv_difference_rule for sequences); it needs f' "
                     "integrable and g bounded, or the other way round")


def _smoothness_orders(pieces, top=4):
    """For each breakpoint, the smallest derivative order that jumps there (None if none up to top)."""
    from symconv.objects.piecewise import X
    jumps = {}
    for (a, b, left), (c, d, right) in zip(pieces[:-1], pieces[1:]):
        orders = [k for k in range(top) if sp.expand(sp.diff(left, X, k).subs(X, b) - sp.diff(right, X, k).subs(X, c))]
        jumps[b] = orders[0] if orders else None
    first, last = pieces[0], pieces[-1]
    for end, expr, at in ((first[0], first[2], first[0]), (last[1], last[2], last[1])):
        if end.is_finite:                         # the function is 0 beyond its outer breakpoints
            orders = [k for k in range(top) if sp.expand(sp.diff(expr, X, k).subs(X, at))]
            jumps[end] = orders[0] if orders else None
    return jumps


def _smoothness():
    """Triangles are continuous, not differentiable (their first derivative jumps); their convolution is
    the cubic B-spline, twice continuously differentiable: smoothness adds, it is not the max."""
    from symconv.objects.piecewise import X, convolve
    tri = [(sp.Integer(0), sp.Integer(1), X), (sp.Integer(1), sp.Integer(2), 2 - X)]
    box = [(sp.Integer(0), sp.Integer(1), sp.Integer(1))]
    k_tri = min(v for v in _smoothness_orders(tri).values() if v is not None)          # 1: C^0
    k_box = min(v for v in _smoothness_orders(box).values() if v is not None)          # 0: jumps
    k_conv = min(v for v in _smoothness_orders(convolve(tri, tri)).values() if v is not None)
    k_bt = min(v for v in _smoothness_orders(convolve(box, tri)).values() if v is not None)
    verdict = "refuted" if k_conv > k_tri else "holds"       # f = g = triangle: max is C^0
    return verdict, (f"at least the max, but not exactly: a triangle is C^{k_tri - 1} and triangle * triangle is "
                     f"C^{k_conv - 1} (its derivative of order {k_conv} jumps); box (order-{k_box} jump) * triangle "
                     f"is C^{k_bt - 1}. If f is C^k with bounded derivatives and g is integrable, f*g is C^k; for "
                     "B-splines the orders add (order m is C^(m-2))")


def _discrete_2d():
    """H(i, j) = sum_x sum_y I(x, y) G(i - x, j - y) by the definition, on all (i, j) where it can be non-zero,
    against symconv's 2-D 'full' convolution (= scipy.signal.convolve2d)."""
    import numpy as np

    from symconv.objects.layers import convolve2d
    img = np.array(sp.symbols("I0:6"), dtype=object).reshape(2, 3)
    ker = np.array(sp.symbols("G0:4"), dtype=object).reshape(2, 2)
    full = convolve2d(img, ker, "full")
    by_def = [[sum((img[x, y] * ker[i - x, j - y] for x in range(2) for y in range(3)
                    if 0 <= i - x < 2 and 0 <= j - y < 2), sp.Integer(0)) for j in range(4)] for i in range(3)]
    return _generic([full[i, j] - by_def[i][j] for i in range(3) for j in range(4)],
                    "the definition summed over every (i, j) equals the 'full' 2-D convolution "
                    "(scipy.signal.convolve2d), for a generic 2x3 image and 2x2 kernel")


def _smoothing():
    """A weighted average stays within [min f, max f]; seed 003's f*g does not (its kernel is neither
    non-negative everywhere nor of mass 1)."""
    mod = _example()
    peak = max(mod.conv_closed(sp.Integer(i)) for i in range(-2, 9))
    verdict = "refuted" if peak > 1 else "holds"
    return verdict, (f"only for kernels g >= 0 with int g = 1 (then min f <= f*g <= max f); seed 003's g has mass "
                     f"5/2 on [0, 5] and is negative beyond 5, and (f*g)(i) reaches {peak} > max f = 1 at i = 2, "
                     "then decreases without bound")


AUDIT = [
    AuditClaim(S, "worked example", "the kernel is flipped due to the negative iterator in h(i) = int f(x) g(i - x)",
               _flip),
    AuditClaim(S, "definition", "intuition 1: f * g is a weighted smoothing of f with the weighting function g",
               _smoothing, reading="with the lecture's g, f * g is a weighted average of f (min f <= f*g <= max f)"),
    AuditClaim(S, "properties", "f * g = g * f", _commutative),
    AuditClaim(S, "properties", "alpha (f * g) = (alpha f) * g for scalar alpha", _scalar),
    AuditClaim(S, "properties", "(f * g) * h = f * (g * h)", _assoc),
    AuditClaim(S, "properties", "f * (g + h) = f * g + f * h", _distrib),
    AuditClaim(S, "properties", "d(f*g)/dx = df/dx * g = dg/dx * f", _differentiation),
    AuditClaim(S, "properties", "(f * g) is as many times differentiable as the max of g and f", _smoothness,
               reading="f * g is exactly (no more than) as many times differentiable as the smoother of f and g"),
    AuditClaim(S, "discretization", "H(i, j) = sum_x sum_y I(x, y) G(i - x, j - y) (2-D discrete convolution)",
               _discrete_2d),
    AuditClaim(S, "worked example", "(f*g)(i) for f = 1 on [-1, 2], g = 1 - 0.2|x| on x > 0",
               lambda: from_check(_example()._exact(1),
                                  note="(i+1)(9-i)/10 on (-1, 2], 33/10 - 3i/5 for i > 2, 0 for i <= -1 "
                                       "(theorem seed003_example_closed_form)"),
               reading="the lecture's closed form of (f*g)(i) for these f and g, on every interval"),
]
