"""Theorems: a statement stated once, with the checks that back it.

A proof script builds :class:`Theorem` objects at module level; the CLI, the
pytest plugin and the LaTeX renderer all read the same objects.

>>> import sympy as sp
>>> from symconv.engine.verdict import Counterexample, Holds
>>> from symconv.objects.indexed import k, n
>>> def exact(n):
...     if (n * (n + 1)) % 2 == 0:
...         return Holds(f"{n}*{n + 1} = {n * (n + 1)} is even")
...     return Counterexample(n, "odd")
>>> thm = Theorem("consecutive_product_even", "n(n+1) is even.", claims="verified",
...               formal=Statement.identity(2 * sp.Sum(k, (k, 1, n)), n * (n + 1)), exact=exact, n_range=(1, 50),
...               false_variants=[FalseVariant("consecutive_product_div_3", "n(n+1) is divisible by 3.",
...                   exact=lambda n: Holds(f"3 divides {n * (n + 1)}") if n*(n+1) % 3 == 0
...                   else Counterexample(n, "n(n+1) mod 3 != 0"))])
>>> thm.claims.value
'verified'
>>> Theorem("unstated", "n(n+1) is even.", exact=exact, false_variants=thm.false_variants)
Traceback (most recent call last):
...
ValueError: unstated: no formal statement: every theorem states its claim formally ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from .derivation import Derivation
from .statement import Statement
from .verdict import Counterexample, Holds, Verdict  # noqa: F401  (Holds: the ExactCheck alias)
from . import display as _display

__all__ = ["Theorem", "FalseVariant", "ExactCheck", "NumericCheck", "GENERIC", "CASES"]

#: the exact check at each n covers every input (generic symbolic entries); anything
#: else (seeded instances, say) never yields ``verified``
GENERIC = "generic symbolic entries"
#: the statement is about finitely many named cases (functions, pairs), n numbers them, and the
#: exact check decides each one: ``verified`` for exactly those cases
CASES = "every case the statement names, n numbers them"

ExactCheck = Callable[[int], "Counterexample | Holds"]   # anything else (None included) is undecided
# numeric(n, rng, dps) -> (float64 error, mpmath error)
NumericCheck = Callable[[int, object, int], "tuple[float, float]"]

_NAME = re.compile(r"^[a-z][A-Za-z0-9_]*$")


@dataclass
class FalseVariant:
    """A deliberately false version of a theorem; the engine must refute it."""

    name: str
    statement: str
    exact: ExactCheck | None = None
    n_range: tuple[int, int] | None = None
    #: the false statement as a SymPy identity; concrete evaluation must refute it
    formal: Statement | None = None

    def __post_init__(self) -> None:
        if self.exact is None and self.formal is None:
            raise ValueError(f"{self.name}: a false variant needs an exact check or a formal statement")
        if self.formal is not None and not isinstance(self.formal, Statement):
            raise TypeError(f"{self.name}: formal must be a Statement, got {type(self.formal).__name__}")


@dataclass
class Theorem:
    """One theorem: statement, claimed level, and its checks.

    Parameters
    ----------
    name: mathlib-style identifier saying what is proved.
    statement: one English sentence.
    claims: "proved", "verified" or "cross-checked"; the run fails below it.
    latex: the statement as a LaTeX formula.
    derivation: callable returning the derivations of a general-n proof.
    formal: the formal statement(s) (``Statement``), required for every theorem: concrete evaluation
        checks them (a difference refutes the theorem), the LaTeX renders them, and the derivations must
        establish exactly them (``statement.establishes``).
    exact: exact check at one n; returns Holds(detail) or a Counterexample (None or anything else is undecided).
    n_range: inclusive range of n for the exact check.
    numeric: seeded numeric check at one size, returning float64 and mpmath errors.
    """

    _repr_markdown_ = _display.theorem_markdown      # how a notebook shows it

    name: str
    statement: str
    claims: Verdict | str = Verdict.VERIFIED
    latex: str = ""
    derivation: Callable[[], Sequence[Derivation]] | None = None
    exact: ExactCheck | None = None
    n_range: tuple[int, int] = (1, 32)
    numeric: NumericCheck | None = None
    numeric_sizes: tuple[int, ...] = (1, 2, 3, 4, 5, 8, 12, 16)
    tolerance: float = 1e-9
    false_variants: list[FalseVariant] = field(default_factory=list)
    budget: float = 60.0
    topic: str = ""
    exact_scope: str = GENERIC   # what the exact check covers at each n
    topic_doc: str = ""          # the proof script's docstring (set when loaded)
    topic_order: int = 100       # the proof script's ORDER (set when loaded)
    formal: Statement | Sequence[Statement] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            raise ValueError(f"name must be a mathlib-style identifier (letters, digits, _), got {self.name!r}")
        self.claims = Verdict.parse(self.claims)
        if self.claims.strength == 0:
            raise ValueError(f"claims must be proved, verified or cross-checked, got {self.claims.value!r}")
        if self.claims is Verdict.PROVED and self.derivation is None:
            raise ValueError(f"{self.name}: claims 'proved' but has no derivation")
        if isinstance(self.formal, Statement):
            self.formal = (self.formal,)
        elif self.formal is not None:
            self.formal = tuple(self.formal)
            if not self.formal or not all(isinstance(f, Statement) for f in self.formal):
                raise TypeError(f"{self.name}: formal must be a Statement or a non-empty sequence of them")
        if self.formal is None:
            what = "a derivation must come with the formal statement it establishes" if self.derivation is not None \
                else "every theorem states its claim formally (its checks and its LaTeX are about that statement)"
            raise ValueError(f"{self.name}: no formal statement: {what} "
                             "(formal=Statement.identity(...) or Statement.equivalence(...))")
        if self.claims is Verdict.VERIFIED and self.derivation is None and (
                self.exact is None or self.exact_scope not in (GENERIC, CASES)):
            raise ValueError(f"{self.name}: claims 'verified' but has no exact check over generic entries "
                             "(or over the named cases, exact_scope=CASES)")
        if self.claims is Verdict.CROSS_CHECKED and self.numeric is None:
            raise ValueError(f"{self.name}: claims 'cross-checked' but has no numeric check")
        lo, hi = self.n_range
        if not (isinstance(lo, int) and isinstance(hi, int) and 1 <= lo <= hi):
            raise ValueError(f"n_range must be (lo, hi) with 1 <= lo <= hi, got {self.n_range}")
        if not self.false_variants:
            raise ValueError(f"{self.name}: every theorem ships with at least one false variant")
