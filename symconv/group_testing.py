"""Equivariance of an operator to any finite group action (front end; generalises
``symconv.testing.assert_shift_equivariant``).

``assert_equivariant(op, action)`` checks ``op(g x) = g op(x)`` for every generator g of the action
(:mod:`symconv.objects.groups`; ``action_out`` for the output when it differs, e.g. other channels).

* **Exact** for symbolic or rational input (the default is a generic symbolic signal): every
  difference is decided by ``symconv.exact.decide_zero``; a difference that can be neither proved 0
  nor certified non-zero raises "undecided", never a pass.  With the generic signal the identity is
  checked for every input at once, and the generators suffice: op(g h x) = g op(h x) = g h op(x) for
  every product of generators, and in a finite group every element is one.
* **Within a tolerance** for float input: at that one signal, every generator (``all_elements=True``:
  every element of the group, which a single signal does not get from the generators).
* PyTorch modules are accepted as ``op`` (float64; a batch axis is added, and a channel axis when the
  action's shape has none).

>>> import numpy as np
>>> from symconv.objects.groups import dihedral_action, p4_action
>>> smooth = lambda v: v + np.roll(v, 1) + np.roll(v, -1)      # a symmetric kernel: D_n-equivariant
>>> assert_equivariant(smooth, dihedral_action(5)).equivariant
True
>>> assert_equivariant(np.cumsum, dihedral_action(3))
Traceback (most recent call last):
...
AssertionError: op is not equivariant to D_3 on Z_3: generator shift fails at output (0,) by -x_0 - x_1 (exact); failing generators ['shift', 'reflection']
>>> blur = lambda im: sum(np.roll(im, s, axis=a) for s in (-1, 1) for a in (0, 1))   # 4 neighbours
>>> equivariance_error(blur, p4_action(4), x=np.random.default_rng(0).random((4, 4))).failing
[]
>>> equivariance_error(lambda im: np.roll(im, 1, axis=0), p4_action(4), x=np.arange(16.0).reshape(4, 4)).failing
['rotation']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .engine.equivariance import exact_difference
from .objects.groups import Action, compatible_actions

__all__ = ["assert_equivariant", "equivariance_error", "GroupEquivarianceReport", "GeneratorDefect"]


@dataclass
class GeneratorDefect:
    """op(g x) against g op(x) for one group element."""

    element: str
    error: float                  # max |op(g x) - g op(x)| (inf for a symbolic non-zero difference)
    exact: bool
    decided: bool = True
    first_index: tuple | None = None
    difference: object = None
    differs: bool = False


@dataclass
class GroupEquivarianceReport:
    """What :func:`equivariance_error` found: one defect per generator (or per group element)."""

    action: str
    exact: bool
    tolerance: float
    defects: list[GeneratorDefect] = field(default_factory=list)

    def _fails(self, d: GeneratorDefect) -> bool:
        return d.differs if d.exact else d.error > self.tolerance

    @property
    def failing(self) -> list[str]:
        return [d.element for d in self.defects if d.decided and self._fails(d)]

    @property
    def undecided(self) -> list[str]:
        return [d.element for d in self.defects if not d.decided]

    @property
    def equivariant(self) -> bool:
        return not self.failing and not self.undecided

    @property
    def errors(self) -> dict[str, float]:
        return {d.element: d.error for d in self.defects}


def _is_torch_module(op) -> bool:
    return type(op).__module__.startswith("torch") or any(c.__module__.startswith("torch.nn")
                                                          for c in type(op).__mro__[1:])


def _torch_callable(module, action: Action):
    import torch

    spatial = None
    for sub in module.modules():
        name = type(sub).__name__
        if name in ("Conv1d", "Conv2d", "Conv3d"):
            spatial = int(name[4])
            break

    def op(x):
        arr = np.asarray(x, dtype=np.float64)
        add_channel = spatial is not None and arr.ndim == spatial        # (H, W) -> (1, 1, H, W)
        t = torch.as_tensor(arr)
        t = t[None, None] if add_channel else t[None]
        with torch.no_grad():
            y = module(t).detach().numpy()[0]
        return y[0] if add_channel and y.shape[0] == 1 else y
    return op


def _generic_signal(shape: tuple[int, ...]) -> np.ndarray:
    flat = [sp.Symbol(f"x_{q}") for q in range(int(np.prod(shape)))]
    return np.array(flat, dtype=object).reshape(shape)


def equivariance_error(op, action: Action, x=None, action_out: Action | None = None, tol: float = 1e-9,
                       all_elements: bool = False) -> GroupEquivarianceReport:
    """Compare op(g x) with g op(x) for every generator g (every group element with ``all_elements``).

    ``x`` has the action's shape (default: a generic symbolic signal, exact); op's output must have
    ``action_out``'s shape (or size).  Returns the report (``.errors``: the max defect for each).
    """
    action, action_out = compatible_actions(action, action_out, ("action", "action_out"))
    if not callable(op):
        raise TypeError(f"op must be callable, got {type(op).__name__}")
    if _is_torch_module(op):
        op = _torch_callable(op, action)
    xs = _generic_signal(action.shape) if x is None else np.asarray(x)
    if xs.size != action.degree:
        raise ValueError(f"x must have shape {action.shape}, got {xs.shape}")
    xs = xs.reshape(action.shape)
    exact = xs.dtype == object or np.issubdtype(xs.dtype, np.integer)
    if exact and xs.dtype != object:
        xs = xs.astype(object)
    if exact and any(isinstance(v, (float, complex)) for v in xs.flat):
        exact = False

    def outputs(sig) -> np.ndarray:
        y = np.asarray(op(sig), dtype=object if exact else None)
        if y.size != action_out.degree:
            raise ValueError(f"op's output must have {action_out.degree} entries (shape {action_out.shape}), got "
                             f"shape {y.shape}")
        return y.reshape(-1)

    def moved(sig_flat: np.ndarray, perm: np.ndarray) -> np.ndarray:
        out = np.empty_like(sig_flat)
        out[perm] = sig_flat                       # (g f)(g.x) = f(x)
        return out

    base = outputs(xs)
    if all_elements:
        from sympy.combinatorics import Permutation, PermutationGroup
        nx = action.degree
        diag = PermutationGroup([Permutation(list(gi) + [nx + int(v) for v in go], size=nx + action_out.degree)
                                 for gi, go in zip(action.generators, action_out.generators)])
        pairs = [(f"element {q}", np.array(p.array_form[:nx]), np.array(p.array_form[nx:]) - nx)
                 for q, p in enumerate(diag.generate())]
    else:
        pairs = [(name, gi, go) for name, gi, go in zip(action.generator_names, action.arrays, action_out.arrays)]
    report = GroupEquivarianceReport(action.name, exact, 0.0 if exact else tol)
    for name, gi, go in pairs:
        lhs = outputs(moved(xs.reshape(-1), gi).reshape(action.shape))
        rhs = moved(base, go)
        worst, first, diff, decided, differs = 0.0, None, None, True, False
        for idx in range(len(lhs)):
            d = lhs[idx] - rhs[idx]
            if exact:
                zero, mag = exact_difference(d)
                decided = decided and zero is not None
                if zero is False and not differs:
                    differs, first, diff = True, idx, sp.expand(sp.sympify(d))
                elif zero is None and first is None:
                    first, diff = idx, sp.expand(sp.sympify(d))
                if zero is not True and mag == mag:
                    worst = max(worst, mag)
            else:
                err = float(abs(complex(d)))
                if err > tol and first is None:
                    first, diff = idx, d
                worst = max(worst, err)
        where = None if first is None else tuple(int(v) for v in np.unravel_index(first, action_out.shape))
        report.defects.append(GeneratorDefect(name, worst, exact, differs or decided if exact else True,
                                              where, diff, differs))
    return report


def assert_equivariant(op, action: Action, x=None, action_out: Action | None = None, tol: float = 1e-9,
                       all_elements: bool = False) -> GroupEquivarianceReport:
    """Assert op(g x) = g op(x) for every generator g of ``action`` (see the module docstring); returns
    the report when it passes.  Raises AssertionError naming the first failing generator, its output
    index and the defect, or saying "undecided" when an exact difference could not be decided."""
    __tracebackhide__ = True
    rep = equivariance_error(op, action, x=x, action_out=action_out, tol=tol, all_elements=all_elements)
    if rep.failing:
        d = next(d for d in rep.defects if d.element == rep.failing[0])
        how = f"by {d.difference} (exact)" if rep.exact else f"by {d.error:.3g} > tol {tol:g}"
        raise AssertionError(f"op is not equivariant to {action.name}: generator {d.element} fails at output "
                             f"{d.first_index} {how}; failing generators {rep.failing}")
    if rep.undecided:
        d = next(d for d in rep.defects if d.element == rep.undecided[0])
        raise AssertionError(f"equivariance to {action.name} is undecided: at generator {d.element}, output "
                             f"{d.first_index}, the exact difference {d.difference} could be neither proved 0 nor "
                             "certified non-zero")
    return rep
