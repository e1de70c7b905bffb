"""Layer 1: exact arithmetic.  Rationals and cyclotomic fields Q(zeta_n);
zero tests here are decisions, never ``simplify()`` guesses."""

from .cyclotomic import (CyclotomicElement, CyclotomicField, cyclotomic_coefficients,
                         euler_phi, reduce_mod_cyclotomic, root_sum_is_zero)
from .convert import (CyclotomicTimeout, CyclotomicTooLarge, NotCyclotomic, cyclotomic_is_zero,
                      cyclotomic_residual, required_order, to_cyclotomic)
from .closed import (admissible_points, algebraic_is_zero, certified_nonzero, decide_equal, decide_zero,
                     expanded_zero)
from .modular import congruent_mod, divisible_by
from . import balls, closed, convert, cyclotomic, modular, poly_roots  # noqa: F401,E402  (sc.exact.X)

__all__ = [
    "CyclotomicElement", "CyclotomicField", "cyclotomic_coefficients", "euler_phi",
    "reduce_mod_cyclotomic", "root_sum_is_zero", "NotCyclotomic", "cyclotomic_is_zero",
    "cyclotomic_residual", "required_order", "to_cyclotomic", "congruent_mod", "divisible_by",
    "admissible_points", "certified_nonzero", "decide_equal", "decide_zero", "expanded_zero",
    "CyclotomicTooLarge", "CyclotomicTimeout", "algebraic_is_zero",
]
