"""symconv: machine-checked mathematics of convolutional layers.

Layers (each imports only from those before it): ``exact`` (Q(zeta_n),
congruences) -> ``objects`` (shift, circulant, DFT) -> ``engine`` and
``verify`` (theorems, derivations, verdicts, exact checks) -> ``render``
(text, JSON, LaTeX) -> front ends (``cli``, ``pytest_plugin``, ``testing``).

>>> import symconv as sc
>>> from sympy import exp, pi, I
>>> w = exp(2*pi*I/3)
>>> sc.cyclotomic_is_zero(1 + w + w**2)
True
>>> sc.circulant([1, 2, 3]) == sc.circulant([1, 2, 3]).T
False
>>> from symconv.objects.indexed import S, x, i, j, zsum
>>> stmt = sc.Statement.identity(zsum(S(i, j) * x(j), j), x(i + 1))    # the shift to the left: false
>>> stmt.evaluate().status
'differ'
"""

from . import exact, objects, engine, verify  # noqa: F401  (sub-packages)
from .exact import (CyclotomicElement, CyclotomicField, NotCyclotomic, congruent_mod,
                    cyclotomic_is_zero, cyclotomic_residual, root_sum_is_zero, to_cyclotomic)
from .objects import (circulant, circulant_defect, circular_convolve, dft_matrix,
                      dft_matrix_cyclotomic, dft_matrix_numeric, fourier_mode, is_circulant,
                      omega, shift, shift_matrix, symbol_matrix, symbol_vector)
from .engine import (CASES, GENERIC, Counterexample, Derivation, FalseVariant, RunOptions, Theorem,
                     TheoremResult, Verdict, load_theorems, mp_matrix, mp_max_abs, run_theorem)
from .engine.verdict import Holds
from .engine.statement import Hypothesis, SimpleEigenvalue, Statement
from .engine.concrete import ConcreteOutcome, concrete_compare
from .testing import (EquivarianceReport, ShiftTable, assert_circulant, assert_shift_equivariant,
                      assert_shift_invariant, equivariance_defect, shift_table, torch_op)
from .cli import prove_module

__version__ = "0.1.0"

__all__ = [
    "CyclotomicElement", "CyclotomicField", "NotCyclotomic", "congruent_mod",
    "cyclotomic_is_zero", "cyclotomic_residual", "root_sum_is_zero", "to_cyclotomic",
    "circulant", "circulant_defect", "circular_convolve", "dft_matrix", "dft_matrix_cyclotomic",
    "dft_matrix_numeric", "fourier_mode", "is_circulant", "omega", "shift", "shift_matrix",
    "symbol_matrix", "symbol_vector",
    "CASES", "GENERIC", "Counterexample", "Holds", "Derivation", "FalseVariant", "RunOptions", "Theorem", "TheoremResult",
    "Verdict", "load_theorems", "mp_matrix", "mp_max_abs", "run_theorem",
    "Statement", "Hypothesis", "SimpleEigenvalue", "ConcreteOutcome", "concrete_compare",
    "EquivarianceReport", "assert_circulant", "assert_shift_equivariant", "equivariance_defect",
    "ShiftTable", "shift_table", "assert_shift_invariant", "torch_op",
    "prove_module", "__version__",
]
