"""Layer 2: mathematical objects (shifts, circulants, the DFT, generic symbols)."""

from .circulant import circulant, circulant_array, circulant_defect, circular_convolve, is_circulant
from . import (direct_conv, factorize, filters, indexed, kernels, kernels2d, layers, padding,  # noqa: F401
               piecewise, piecewise_fourier, pooling, signal_nd, toeplitz,                  # (sc.objects.X)
               groups, group_elements, orbit_basis, exp_poly, gaussians)
from . import expr_facts, group_actions  # noqa: F401  (sc.objects.group_actions, sc.objects.expr_facts)
from .dft import (dft_exponents, dft_matrix, dft_matrix_cyclotomic, dft_matrix_numeric,
                  fourier_mode, omega)
from .kernels import (circular_conv_poly, conv_full, correlate_full, dilate, kernel_from_polynomial,
                      kernel_polynomial, receptive_field, stack, support_span)
from .shift import shift, shift_matrix, shift_permutation
from .symbolic import symbol_matrix, symbol_vector

__all__ = [
    "circulant", "circulant_array", "circulant_defect", "circular_convolve", "is_circulant",
    "dft_exponents", "dft_matrix", "dft_matrix_cyclotomic", "dft_matrix_numeric",
    "fourier_mode", "omega", "shift", "shift_matrix", "shift_permutation",
    "symbol_matrix", "symbol_vector", "circular_conv_poly", "conv_full", "correlate_full", "dilate",
    "kernel_from_polynomial", "kernel_polynomial", "receptive_field", "stack", "support_span",
]
