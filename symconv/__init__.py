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

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

#: where each public name lives: ``import symconv`` itself loads nothing heavy (SymPy, NumPy and mpmath
#: load on first use), so the pytest plugin adds nothing to the start-up of an unrelated project
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["CyclotomicElement", "CyclotomicField", "NotCyclotomic", "congruent_mod",
                     "cyclotomic_is_zero", "cyclotomic_residual", "root_sum_is_zero", "to_cyclotomic"], ".exact"),
    **dict.fromkeys(["circulant", "circulant_defect", "circular_convolve", "dft_matrix", "dft_matrix_cyclotomic",
                     "dft_matrix_numeric", "fourier_mode", "is_circulant", "omega", "shift", "shift_matrix",
                     "symbol_matrix", "symbol_vector"], ".objects"),
    **dict.fromkeys(["CASES", "GENERIC", "Counterexample", "Derivation", "FalseVariant", "RunOptions", "Theorem",
                     "TheoremResult", "Verdict", "load_theorems", "mp_matrix", "mp_max_abs", "run_theorem"],
                    ".engine"),
    "run_theorems": ".engine.runner",
    "Holds": ".engine.verdict",
    **dict.fromkeys(["Hypothesis", "SimpleEigenvalue", "Statement"], ".engine.statement"),
    **dict.fromkeys(["ConcreteOutcome", "concrete_compare"], ".engine.concrete"),
    **dict.fromkeys(["EquivarianceReport", "ShiftTable", "assert_circulant", "assert_shift_equivariant",
                     "assert_shift_invariant", "equivariance_defect", "shift_table", "torch_op"], ".testing"),
    "prove_module": ".cli",
    "shipped": "._shipped",
    **dict.fromkeys(["SweepResult", "sweep_theorem"], ".sweep"),
    **dict.fromkeys(["Action", "cyclic_action", "dihedral_action", "p4_action", "p4m_action", "regular_action",
                     "symmetric_action", "symmetric_pairs_action", "torus_action", "with_channels"], ".objects.groups"),
    "square_grid_action": ".objects.groups",
    "trivial_action": ".objects.groups",
    **dict.fromkeys(["EquivariantBasis", "equivariant_basis"], ".objects.orbit_basis"),
    **dict.fromkeys(["assert_equivariant", "equivariance_error"], ".group_testing"),
    **{sub: "." + sub for sub in ("exact", "objects", "engine", "verify", "render", "testing", "group_testing", "cli", "sweep")},
}

if TYPE_CHECKING:   # the same names, for type checkers and IDEs
    from . import exact, objects, engine, verify  # noqa: F401  (sub-packages)
    from .exact import (CyclotomicElement, CyclotomicField, NotCyclotomic, congruent_mod,
                        cyclotomic_is_zero, cyclotomic_residual, root_sum_is_zero, to_cyclotomic)
    from .objects import (circulant, circulant_defect, circular_convolve, dft_matrix,
                          dft_matrix_cyclotomic, dft_matrix_numeric, fourier_mode, is_circulant,
                          omega, shift, shift_matrix, symbol_matrix, symbol_vector)
    from .engine import (CASES, GENERIC, Counterexample, Derivation, FalseVariant, RunOptions, Theorem,
                         TheoremResult, Verdict, load_theorems, mp_matrix, mp_max_abs, run_theorem)
    from .engine.runner import run_theorems
    from .engine.verdict import Holds
    from .engine.statement import Hypothesis, SimpleEigenvalue, Statement
    from .engine.concrete import ConcreteOutcome, concrete_compare
    from .testing import (EquivarianceReport, ShiftTable, assert_circulant, assert_shift_equivariant,
                          assert_shift_invariant, equivariance_defect, shift_table, torch_op)
    from .cli import prove_module
    from ._shipped import shipped
    from .sweep import SweepResult, sweep_theorem
    from .objects.groups import (Action, cyclic_action, dihedral_action, p4_action, p4m_action, regular_action,
                                 symmetric_action, symmetric_pairs_action, torus_action, with_channels)
    from .objects.groups import square_grid_action, trivial_action
    from .objects.orbit_basis import EquivariantBasis, equivariant_basis
    from .group_testing import assert_equivariant, equivariance_error


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'symconv' has no attribute {name!r}")
    module = importlib.import_module(where, __name__)
    value = module if where == "." + name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


__all__ = [
    "CyclotomicElement", "CyclotomicField", "NotCyclotomic", "congruent_mod",
    "cyclotomic_is_zero", "cyclotomic_residual", "root_sum_is_zero", "to_cyclotomic",
    "circulant", "circulant_defect", "circular_convolve", "dft_matrix", "dft_matrix_cyclotomic",
    "dft_matrix_numeric", "fourier_mode", "is_circulant", "omega", "shift", "shift_matrix",
    "symbol_matrix", "symbol_vector",
    "CASES", "GENERIC", "Counterexample", "Holds", "Derivation", "FalseVariant", "RunOptions", "Theorem", "TheoremResult",
    "Verdict", "load_theorems", "mp_matrix", "mp_max_abs", "run_theorem", "run_theorems",
    "Statement", "Hypothesis", "SimpleEigenvalue", "ConcreteOutcome", "concrete_compare",
    "EquivarianceReport", "assert_circulant", "assert_shift_equivariant", "equivariance_defect",
    "ShiftTable", "shift_table", "assert_shift_invariant", "torch_op",
    "prove_module", "shipped", "SweepResult", "sweep_theorem", "__version__",
    "Action", "cyclic_action", "dihedral_action", "p4_action", "p4m_action", "regular_action",
    "symmetric_action", "symmetric_pairs_action", "torus_action", "with_channels",
    "EquivariantBasis", "equivariant_basis", "assert_equivariant", "equivariance_error",
    "square_grid_action", "trivial_action",
]
