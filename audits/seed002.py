"""Seed 002 (SciPy textbook chapter): np.convolve's 'same' mode, the /20 scaling, the kernel grid."""

import numpy as np
import sympy as sp

from symconv.engine.audit import AuditClaim, exactly

S = "002 textbook"


def _same_mode():
    x = np.linspace(-10, 10, 1000)
    normal = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi)
    uniform = np.where((x >= -3) & (x <= 3), 1 / 6, 0.0)
    same, full = np.convolve(normal, uniform, "same"), np.convolve(normal, uniform, "full")
    start = (len(full) - len(same)) // 2
    is_slice = np.array_equal(same, full[start:start + len(same)])
    scale_ok = abs(same.max() - max(normal.max(), uniform.max())) < 1e-3
    return ("holds" if scale_ok else "refuted"), (
        f"'same' is the central slice of 'full' ({is_slice}) of length max(M, N) = {len(same)}: it fixes the length, "
        f"not the scale: max of the output {same.max():.3f}, max of the inputs {max(normal.max(), uniform.max()):.3f}")


def _scaling():
    x = np.linspace(-10, 10, 1000)
    dx = x[1] - x[0]
    exact0 = sp.erf(3 / sp.sqrt(2)) / 6            # (f*g)(0) for N(0,1) and U(-3, 3)
    normal = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi)
    uniform = np.where((x >= -3) & (x <= 3), 1 / 6, 0.0)
    disc = np.convolve(normal, uniform, mode="same")
    verdict = "holds" if abs(disc.max() / 20 - float(exact0)) < 1e-2 else "refuted"
    return (verdict, f"the Riemann sum needs the factor dx = 20/999 = {dx:.5f} (divide by {1 / dx:.2f}), not 1/20; "
                       f"at x = 0 the plotted value is {disc.max() / 20:.4f}, the exact (f*g)(0) = erf(3/sqrt 2)/6 = "
                       f"{float(exact0):.4f}")


def _commutative():
    from symconv.objects.kernels import conv_full
    a, b = list(sp.symbols("a0:4")), list(sp.symbols("b0:3"))
    ok = all(sp.expand(p - q) == 0 for p, q in zip(conv_full(a, b), conv_full(b, a)))
    return ("holds" if ok else "refuted"), "generic kernels (sequences); for integrals by tau -> t - tau"


def _correlation():
    from symconv.objects.kernels import conv_full, correlate_full
    a, b = list(sp.symbols("a0:4")), list(sp.symbols("b0:3"))
    corr, _ = correlate_full(a, b)
    ok = all(sp.expand(p - q) == 0 for p, q in zip(corr, conv_full(a, b[::-1])))
    return ("holds" if ok else "refuted"), "a star b = a * reversed(b), exactly, for generic kernels"


def _density():
    """The exact convolution (erf closed form of proofs/seed002_example.py) integrates to 1, as Fubini says
    it must ((int f)(int g) = 1 * 1), and it is >= 0 (erf is increasing)."""
    from symconv.exact import decide_equal, decide_zero
    x = sp.Symbol("x", real=True)
    closed = (sp.erf((x + 3) / sp.sqrt(2)) - sp.erf((x - 3) / sp.sqrt(2))) / 12
    # an antiderivative, kept only once its derivative is decided equal to the integrand (exactly); the mass
    # is then F(oo) - F(-oo).  F is the textbook one, G(x + 3) - G(x - 3) over 12 with
    # G(u) = u erf(u / sqrt 2) + sqrt(2 / pi) exp(-u^2 / 2): SymPy's own (integrate) is the same function in
    # a form whose limits take three times as long, and the definite integral through Meijer G six times
    def G(u):
        return u * sp.erf(u / sp.sqrt(2)) + sp.sqrt(2 / sp.pi) * sp.exp(-u**2 / 2)
    F = (G(x + 3) - G(x - 3)) / 12
    if decide_zero(sp.diff(F, x) - closed) is not True:
        return "undecided", "no checked antiderivative of the erf closed form"
    mass = sp.limit(F, x, sp.oo) - sp.limit(F, x, -sp.oo)
    masses = (sp.integrate(sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi), (x, -sp.oo, sp.oo)),
              sp.integrate(sp.Rational(1, 6), (x, -3, 3)))
    checks = [decide_equal(mass, 1), decide_equal(masses[0] * masses[1], 1)]
    verdict = "holds" if all(checks) else ("refuted" if False in checks else "undecided")
    return verdict, (f"(erf((x+3)/sqrt 2) - erf((x-3)/sqrt 2))/12 >= 0 integrates to {mass} (= {masses[0]} * "
                     f"{masses[1]}): the density of X + U, X ~ N(0, 1), U ~ U(-3, 3) independent")


def _covariance():
    cov = sp.Matrix([[1, sp.Rational(1, 2)], [sp.Rational(1, 2), 1]])
    eig = sorted(cov.eigenvals())
    return ("holds" if cov.is_symmetric() and all(e > 0 for e in eig) else "refuted"), (
        f"[[1, 0.5], [0.5, 1]] is symmetric with eigenvalues {eig}: positive definite, a valid covariance "
        "(correlation 0.5, the blur is stretched along x = y)")


def _blur_kernel():
    """The seed's 30x30 kernel, the bivariate normal pdf on np.mgrid[-3:3:.2, -3:3:.2] (formula, no SciPy)."""
    gx, gy = np.mgrid[-3:3:.2, -3:3:.2]
    inv = np.linalg.inv(np.array([[1, .5], [.5, 1]]))
    q = inv[0, 0] * gx**2 + 2 * inv[0, 1] * gx * gy + inv[1, 1] * gy**2
    kernel = np.exp(-q / 2) / (2 * np.pi * np.sqrt(0.75))
    positive = bool((kernel > 0).all())
    return ("holds" if positive else "refuted"), (
        f"a blur (all weights > 0), but not normalised: the weights sum to {kernel.sum():.3f} (about 1/0.2^2, one "
        f"over the cell area), so convolve2d makes the image {kernel.sum():.1f} times brighter, hidden by imshow's "
        f"autoscaling; the grid runs {gx[0, 0]:.1f}..{gx[-1, 0]:.1f}, centred at -0.1, not 0")


def _edge_filters():
    """Prewitt and Sobel (x) on an image with one vertical step edge: zero on the flat parts (the kernels sum
    to 0), non-zero exactly in the two columns around the edge (symconv's correlate2d, exact integers)."""
    from symconv.objects import filters as FL
    from symconv.objects.layers import correlate2d
    img = np.array([[0] * 4 + [1] * 4 for _ in range(5)], dtype=object)          # a step between columns 3 and 4
    found = {}
    for name in ("prewitt", "sobel"):
        k = np.array(getattr(FL, name)("x"), dtype=object)
        out = correlate2d(img, k, "valid")
        found[name] = (sum(sum(r) for r in getattr(FL, name)("x")), sorted({int(j) + 1 for i, j in zip(*np.nonzero(out))}))
    ok = all(total == 0 and cols == [3, 4] for total, cols in found.values())
    return ("holds" if ok else "refuted"), (
        "; ".join(f"{n}: weights sum to {t}, response only in image columns {c} (the step is between 3 and 4)"
                  for n, (t, c) in found.items()) + "; both are smoothing (x) central difference")


AUDIT = [
    AuditClaim(S, "Convolve", "f * g = g * f (convolution is commutative)", _commutative),
    AuditClaim(S, "Convolve", "mode='same' makes the output on the same scale as the maximum from the inputs",
               _same_mode, reading="mode='same' scales the output to the size of the inputs' maximum"),
    AuditClaim(S, "Convolve", "np.convolve(n, u, mode='same') / 20 is f(x) * g(x)", _scaling,
               reading="the plotted values np.convolve(n, u, mode='same') / 20 approximate (f*g)(x) on the grid"),
    AuditClaim(S, "Convolve", "cross-correlation is convolution without reflecting either function", _correlation),
    AuditClaim(S, "Convolve", "convolving the standard normal with the uniform density on [-3, 3] produces a new "
               "distribution", _density),
    AuditClaim(S, "Image Convolution", "a Gaussian filter with means 0 and covariance [[1, 0.5], [0.5, 1]]",
               _covariance),
    AuditClaim(S, "Image Convolution", "convolve2d with the 30x30 Gaussian kernel gives a Gaussian blur (a smeared-out "
               "version of the image)", _blur_kernel),
    AuditClaim(S, "Image Convolution", "the Prewitt and Sobel filters are for edge detection", _edge_filters),
    AuditClaim(S, "Image Convolution", "np.mgrid[-3:3:.2, -3:3:.2] gives a (30, 30) kernel",
               lambda: exactly(np.dstack(np.mgrid[-3:3:.2, -3:3:.2]).shape[:2], (30, 30))),
]
