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


AUDIT = [
    AuditClaim(S, "Convolve", "f * g = g * f (convolution is commutative)", _commutative),
    AuditClaim(S, "Convolve", "mode='same' makes the output on the same scale as the maximum from the inputs",
               _same_mode),
    AuditClaim(S, "Convolve", "np.convolve(n, u, mode='same') / 20 is f(x) * g(x)", _scaling),
    AuditClaim(S, "Convolve", "cross-correlation is convolution without reflecting either function", _correlation),
    AuditClaim(S, "Image Convolution", "np.mgrid[-3:3:.2, -3:3:.2] gives a (30, 30) kernel",
               lambda: exactly(np.dstack(np.mgrid[-3:3:.2, -3:3:.2]).shape[:2], (30, 30))),
]
