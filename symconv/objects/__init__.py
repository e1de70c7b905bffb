"""Layer 2: mathematical objects (shifts, circulants, the DFT, generic symbols)."""

from .circulant import circulant, circulant_array, circulant_defect, circular_convolve, is_circulant
from .dft import (dft_exponents, dft_matrix, dft_matrix_cyclotomic, dft_matrix_numeric,
                  fourier_mode, omega)
from .shift import shift, shift_matrix, shift_permutation
from .symbolic import symbol_matrix, symbol_vector

__all__ = [
    "circulant", "circulant_array", "circulant_defect", "circular_convolve", "is_circulant",
    "dft_exponents", "dft_matrix", "dft_matrix_cyclotomic", "dft_matrix_numeric",
    "fourier_mode", "omega", "shift", "shift_matrix", "shift_permutation",
    "symbol_matrix", "symbol_vector",
]
