"""Layer 3: the verification engine (claims, verdicts, derivations, runs)."""

from . import (audit, compare, concrete, display, equivariance, group_rules, numeric, shift_match, shift_table,  # noqa: F401
               statement, sum_rules, tolerance)  # (sc.engine.X)
from . import action_rules, concrete_actions, orbit_lemmas, probe  # noqa: F401  (sc.engine.X)
from .budget import Budget, BudgetExhausted
from .catalog import load_theorems, select
from .derivation import Derivation, Step
from .lemmas import LEMMAS, check_lemma
from .numeric import mp_matrix, mp_max_abs, rng_for
from .rules import (DiagonalConstancy, EigenLine, ExponentArithmetic, Fold, GeometricSum,
                    IndexArithmetic, PullOut, Reindex, ReindexSum, Sift, Unfold, UseHypothesis,
                    equal_mod_n)
from .runner import RunOptions, run_theorem
from .theorem import CASES, GENERIC, FalseVariant, Theorem
from .verdict import Counterexample, Holds, TheoremResult, Verdict

__all__ = [
    "Budget", "BudgetExhausted", "load_theorems", "select", "Derivation", "Step", "LEMMAS",
    "check_lemma", "mp_matrix", "mp_max_abs", "rng_for", "DiagonalConstancy", "EigenLine",
    "ExponentArithmetic", "Fold", "GeometricSum", "IndexArithmetic", "PullOut", "Reindex",
    "ReindexSum", "Sift", "Unfold", "UseHypothesis", "equal_mod_n", "RunOptions", "run_theorem",
    "FalseVariant", "Theorem", "Counterexample", "Holds", "TheoremResult", "Verdict", "CASES", "GENERIC",
]
