"""Layer 3: exact checks of the core theorems at one n (Holds, saying what was decided, or a Counterexample)."""

from .circulant import (circulant_commutes_with_shift, circulant_eq_sum_shift_powers,
                        penalty_gradient_orthogonal, circulant_mul_comm,
                        circulant_mul_eq_circulant_conv, circulant_mulVec_eq_conv,
                        commutes_with_shift_iff_circulant)
from .commuting import commutant_basis, commuting_preserves_eigenvectors
from . import circulant, commuting, dft, group_fourier, groups, kernels, layers, layers2d, shift, shift2d  # noqa: F401  (sc.verify.X)
from .dft import (dft_diagonalizes_circulant, dft_diagonalizes_circulant_direct,
                  dft_mul_conj_transpose, fourier_modes_are_shift_eigenvectors, geometric_sums)
from .shift import (permutation_array, shift_acts_as, shift_charpoly, shift_entries_are_permutation,
                    shift_pow_eq_one, shift_transpose_eq_inverse)

__all__ = [
    "circulant_commutes_with_shift", "shift_charpoly", "penalty_gradient_orthogonal",
    "circulant_eq_sum_shift_powers", "circulant_mul_comm", "circulant_mul_eq_circulant_conv",
    "circulant_mulVec_eq_conv", "commutes_with_shift_iff_circulant", "commutant_basis",
    "commuting_preserves_eigenvectors",
    "dft_diagonalizes_circulant", "dft_diagonalizes_circulant_direct", "dft_mul_conj_transpose",
    "fourier_modes_are_shift_eigenvectors", "geometric_sums", "permutation_array",
    "shift_acts_as", "shift_entries_are_permutation", "shift_pow_eq_one",
    "shift_transpose_eq_inverse",
]
