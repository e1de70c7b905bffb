"""Verdicts and the evidence that backs them (see DESIGN.md, "Verdicts").

>>> Verdict.PROVED.reaches(Verdict.VERIFIED)
True
>>> Verdict.CROSS_CHECKED.reaches(Verdict.VERIFIED)
False
>>> Verdict.UNDECIDED.reaches(Verdict.CROSS_CHECKED)
False
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any
from . import display as _display

__all__ = ["Verdict", "Counterexample", "Holds", "StepReport", "TheoremResult", "VariantResult", "answer_text"]


class Verdict(enum.StrEnum):
    """The five verdicts, ordered by strength: proved > verified > cross-checked.

    ``str(Verdict.PROVED)`` is ``'proved'``, the word every report prints.

    ``refuted`` and ``undecided`` never reach a claimed level.
    """

    PROVED = "proved"
    VERIFIED = "verified"
    CROSS_CHECKED = "cross-checked"
    REFUTED = "refuted"
    UNDECIDED = "undecided"

    @property
    def strength(self) -> int:
        return {"proved": 3, "verified": 2, "cross-checked": 1}.get(self.value, 0)

    def reaches(self, claimed: "Verdict") -> bool:
        """Whether this verdict meets a claimed level (refuted/undecided never do)."""
        return self.strength > 0 and self.strength >= claimed.strength

    @classmethod
    def parse(cls, value: "str | Verdict") -> "Verdict":
        if isinstance(value, Verdict):
            return value
        for v in cls:
            if v.value == value:
                return v
        raise ValueError(f"claims must be one of {[v.value for v in cls][:3]}, got {value!r}")


@dataclass
class Counterexample:
    """An exact witness that a claim is false."""

    n: int | None
    description: str
    data: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        where = f"n={self.n}: " if self.n is not None else ""
        return where + self.description


@dataclass
class Holds:
    """Explicit evidence that an exact check passed at one n: ``detail`` says what was decided.

    An exact check returns ``Holds`` or a :class:`Counterexample`; anything else (None, True, a
    string) is an error, and that n is ``undecided``.  ``Holds`` has no truth value, so the old
    idiom ``check_a(n) or check_b(n)`` (which would skip ``check_b``) raises instead of passing:
    combine checks with :meth:`Holds.all`.

    >>> h = Holds("W S = S W exactly for generic W, n=5")
    >>> str(h)
    'W S = S W exactly for generic W, n=5'
    >>> Holds.all(Holds("a"), Holds("b")).detail
    'a; b'
    >>> print(Holds.all(Holds("a"), Counterexample(2, "no"), Holds("c")))
    n=2: no
    >>> bool(h)
    Traceback (most recent call last):
    ...
    TypeError: Holds has no truth value: test isinstance(result, Counterexample), or combine checks with Holds.all(...)
    """

    detail: str
    data: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.detail

    def __bool__(self) -> bool:
        raise TypeError("Holds has no truth value: test isinstance(result, Counterexample), "
                        "or combine checks with Holds.all(...)")

    @staticmethod
    def all(*results: Any) -> Any:
        """The results of several checks at one n, as one: the first that is not a ``Holds`` (a
        Counterexample, or a wrong answer that the runner reports as an error), else one ``Holds``
        joining the details.  No argument is an error (nothing was decided)."""
        if not results:
            raise ValueError("Holds.all() needs at least one result: nothing was decided")
        for r in results:
            if not isinstance(r, Holds):
                return r
        data: dict[str, Any] = {}
        for r in results:
            data.update(r.data)
        return Holds("; ".join(r.detail for r in results), data)


@dataclass
class StepReport:
    """One checked derivation step."""

    index: int
    rule: str
    ok: bool
    detail: str


@dataclass
class VariantResult:
    """Outcome of running a theorem's deliberately false variant."""

    name: str
    statement: str
    verdict: Verdict
    counterexample: Counterexample | None
    detail: str = ""

    @property
    def caught(self) -> bool:
        return self.verdict is Verdict.REFUTED


@dataclass
class TheoremResult:
    """Everything the engine found out about one theorem."""

    _repr_markdown_ = _display.result_markdown      # how a notebook shows it

    name: str
    topic: str
    statement: str
    claims: Verdict
    verdict: Verdict
    proof: str = "none"               # "derivation ok", "derivation failed at step k", "none"
    steps: list[StepReport] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    n_checked: tuple[int, int] | None = None   # (first, last) n verified exactly
    n_requested: tuple[int, int] | None = None
    exact_scope: str = ""
    concrete_evidence: str = ""       # concrete evaluation of the formal statement(s), n = 1..8
    script_definitions: list[str] = field(default_factory=list)   # a script's own notation, flagged
    exact_evidence: str = ""          # what the exact check decided at the last n it passed (Holds.detail)
    counterexample: Counterexample | None = None
    numeric_error: float | None = None
    numeric_mp_error: float | None = None
    numeric_tolerance: float | None = None
    numeric_dps: int | None = None
    numeric_seed: int | None = None
    numeric_sizes: list[int] = field(default_factory=list)
    variants: list[VariantResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """Reached the claimed level, and every false variant was refuted."""
        return self.verdict.reaches(self.claims) and all(v.caught for v in self.variants)

    def to_dict(self) -> dict[str, Any]:
        def enc(x: Any) -> Any:
            if isinstance(x, enum.Enum):
                return x.value
            if isinstance(x, Counterexample):
                return {"n": x.n, "description": x.description,
                        "data": {k: str(v) for k, v in x.data.items()}}
            if isinstance(x, Holds):
                return {"detail": x.detail, "data": {k: str(v) for k, v in x.data.items()}}
            if isinstance(x, (StepReport, VariantResult)):
                return {k: enc(v) for k, v in x.__dict__.items()}
            if isinstance(x, (list, tuple)):
                return [enc(v) for v in x]
            return x

        d = {k: enc(v) for k, v in self.__dict__.items()}
        d["passed"] = self.passed
        return d


def answer_text(out: Any) -> str:
    """An exact check's answer at one n, as a report shows it: only ``Holds`` is a pass.

    >>> answer_text(Holds("ok")), answer_text(Counterexample(3, "no")), answer_text(None)
    ('verified', 'refuted: n=3: no', 'undecided (the check answered NoneType)')
    """
    if isinstance(out, Holds):
        return "verified"
    if isinstance(out, Counterexample):
        return f"refuted: {out}"
    return f"undecided (the check answered {type(out).__name__})"
