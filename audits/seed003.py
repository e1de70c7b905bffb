"""Seed 003 (lecture notes): the worked example and the stated properties, checked exactly."""

import sympy as sp

from symconv.engine.audit import AuditClaim, exactly
from symconv.objects.kernels import conv_full

S = "003 lecture"


def _example():
    import importlib.util
    from pathlib import Path
    spec = importlib.util.spec_from_file_location("seed003_example", Path(__file__).resolve().parents[1] / "proofs"
                                                  / "seed003_example.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _flip():
    mod = _example()
    c0, r0 = mod.conv_closed(0), mod.corr_closed(0)
    return ("holds" if c0 != r0 else "refuted"), (f"(f*g)(0) = {c0} but (f star g)(0) = {r0}: convolution reads "
                                                  "g(i - x), the flipped kernel, correlation g(i + x)")


def _commutative():
    a, b = list(sp.symbols("a0:3")), list(sp.symbols("b0:4"))
    return exactly([sp.expand(p - q) for p, q in zip(conv_full(a, b), conv_full(b, a))], [0] * 6)


def _scalar():
    a, b, al = list(sp.symbols("a0:3")), list(sp.symbols("b0:3")), sp.Symbol("alpha")
    lhs = [al * v for v in conv_full(a, b)]
    rhs = conv_full([al * v for v in a], b)
    return exactly([sp.expand(p - q) for p, q in zip(lhs, rhs)], [0] * 5)


AUDIT = [
    AuditClaim(S, "worked example", "the kernel is flipped due to the negative iterator in h(i) = int f(x) g(i - x)",
               _flip),
    AuditClaim(S, "properties", "f * g = g * f", _commutative),
    AuditClaim(S, "properties", "alpha (f * g) = (alpha f) * g for scalar alpha", _scalar),
    AuditClaim(S, "worked example", "(f*g)(i) for f = 1 on [-1, 2], g = 1 - 0.2|x| on x > 0",
               lambda: ("holds" if _example()._exact(1) is None else "refuted",
                        "(i+1)(9-i)/10 on (-1, 2], 33/10 - 3i/5 for i > 2, 0 for i <= -1 "
                        "(theorem seed003_example_closed_form)")),
]
