"""Seed 000 (blog post): the quantitative statements that need no training; the training-based
ones are checked by experiments/seed000_stacked_kernels.py."""

import sympy as sp

from symconv.engine.audit import AuditClaim, exactly, from_check
from symconv.objects.kernels import receptive_field, support_span
from symconv.verify.kernels import conv_support_span, kernel_poly_mul_eq_conv

S = "000 blog"


def _target_size():
    x = sp.Symbol("x")
    p = sp.Poly(sum(c * sp.chebyshevt(k, x) for k, c in enumerate([-1, 0, -2, 0, 1, 0, 1, 2, 3])), x)
    return exactly(len(p.all_coeffs()), 9)


AUDIT = [
    AuditClaim(S, "kernels as polynomials", "length(target.coeffs): the target convolution has kernel size 9",
               _target_size),
    AuditClaim(S, "stacking", "if a and b have a support of size k, then a * b has a support of size 2k - 1",
               lambda: from_check(conv_support_span(6),
                                  note="theorem conv_support_span (for circular convolution only while 2k - 1 <= n)"),
               reading="the full (linear) convolution of kernels with non-zero end taps: |a * b| = |a| + |b| - 1"),
    AuditClaim(S, "stacking", "stacking convolutional layers is multiplying the associated polynomials",
               lambda: from_check(kernel_poly_mul_eq_conv(5), note="theorems kernel_poly_mul_eq_conv and circular_poly_eq_mod"),
               reading="P_(a*b) = P_a P_b for the full convolution (mod x^n - 1 for the circular one)"),
    AuditClaim(S, "experiment B", "with 7 stacked size-3 layers we obtained a network with a receptive field of size 9",
               lambda: exactly(receptive_field([3] * 7), 9),
               reading="7 stacked size-3 layers (stride 1, no dilation) see exactly 9 inputs"),
    AuditClaim(S, "experiment B", "a size-9 kernel needs 4 stacked size-3 layers",
               lambda: exactly(receptive_field([3] * 4), 9)),
    AuditClaim(S, "experiment B", "the stacked kernel of 7 size-3 layers has 15 taps",
               lambda: exactly(support_span([1] * 15), 15)),
]
