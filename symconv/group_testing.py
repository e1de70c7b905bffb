"""Equivariance of an operator to any finite group action (front end; generalises
``symconv.testing.assert_shift_equivariant``).

``assert_equivariant(op, action)`` checks ``op(g x) = g op(x)`` for every generator g of the action
(:mod:`symconv.objects.groups`; ``action_out`` for the output when it differs, e.g. other channels).

* **Exact** for symbolic or rational input (the default is a generic symbolic signal): every
  difference is decided by ``symconv.exact.decide_zero``; a difference that can be neither proved 0
  nor certified non-zero raises "undecided", never a pass.  With the generic signal the identity is
  checked for every input at once, and the generators suffice: op(g h x) = g op(h x) = g h op(x) for
  every product of generators, and in a finite group every element is one.
* **Within a tolerance** for float input or output, the same as ``assert_shift_equivariant``'s
  (``symconv.engine.tolerance``): |op(g x) - g op(x)| <= atol + rtol * max|output|, defaults from the
  least precise dtype involved (rtol = sqrt(eps), atol = the smallest normal number), ``rtol=``/``atol=``
  to set them, or ``tol=`` for an absolute tolerance; a NaN or infinite output is undecided, never a
  pass.  At that one signal, every generator (``all_elements=True``: every element of the group, which
  a single signal does not get from the generators).
* PyTorch modules are accepted as ``op``, run in their own dtype (a default ``Conv2d`` in float32, so
  float32's tolerance; ``.double()`` in float64): a batch axis is added, and a channel axis when the
  action's shape has none.

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

from .engine.equivariance import _compare_float, exact_difference
from .engine.tolerance import Tolerance, has_floats
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
    allowed: float | None = None  # floats: the largest difference allowed, atol + rtol * scale (nan: not finite)
    scale: float | None = None    # floats: max |output| of the two outputs compared


@dataclass
class GroupEquivarianceReport:
    """What :func:`equivariance_error` found: one defect per generator (or per group element).

    ``tolerance`` is 0.0 for an exact comparison, else the :class:`~symconv.engine.tolerance.Tolerance`
    used; a float defect fails when not ``error <= allowed`` and is undecided (``decided`` False) when an
    output is NaN or infinite."""

    action: str
    exact: bool
    tolerance: object
    defects: list[GeneratorDefect] = field(default_factory=list)

    def _fails(self, d: GeneratorDefect) -> bool:
        return d.differs if d.exact else not d.error <= d.allowed

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
    """The module as a NumPy operator in its own dtype and device (``symconv.testing``'s choice: those of
    its first floating-point parameter or buffer, float64 without any), so its output carries the dtype
    whose tolerance applies."""
    import torch

    from .testing._torch import _module_dtype_device

    tdtype, tdevice = _module_dtype_device(module, None, None)
    spatial = None
    for sub in module.modules():
        name = type(sub).__name__
        if name in ("Conv1d", "Conv2d", "Conv3d"):
            spatial = int(name[4])
            break

    def op(x):
        arr = np.asarray(x)
        if arr.dtype == object:
            if any(isinstance(v, sp.Basic) and not v.is_number for v in arr.flat):
                raise TypeError("a PyTorch module computes with numbers, but x holds SymPy symbols: pass a float "
                                f"signal, e.g. x=np.random.default_rng(0).normal(size={arr.shape}) (checked within "
                                "the dtype's tolerance)")
            arr = arr.astype(np.float64)
        add_channel = spatial is not None and arr.ndim == spatial        # (H, W) -> (1, 1, H, W)
        t = torch.as_tensor(np.ascontiguousarray(arr)).to(device=tdevice, dtype=tdtype)
        t = t[None, None] if add_channel else t[None]
        with torch.no_grad():
            y = module(t).detach().cpu().numpy()[0]
        return y[0] if add_channel and y.shape[0] == 1 else y
    return op


def _generic_signal(shape: tuple[int, ...]) -> np.ndarray:
    flat = [sp.Symbol(f"x_{q}") for q in range(int(np.prod(shape)))]
    return np.array(flat, dtype=object).reshape(shape)


def equivariance_error(op, action: Action, x=None, action_out: Action | None = None, tol: float | None = None,
                       all_elements: bool = False, *, rtol: float | None = None,
                       atol: float | None = None) -> GroupEquivarianceReport:
    """Compare op(g x) with g op(x) for every generator g (every group element with ``all_elements``).

    ``x`` has the action's shape (default: a generic symbolic signal, exact); op's output must have
    ``action_out``'s shape (or size).  Exact when input and output hold no floats; otherwise within
    atol + rtol * max|output| (defaults from the dtype, ``symconv.engine.tolerance``) or the absolute
    ``tol``, and undecided where an output is NaN or infinite.  Returns the report (``.errors``: the max
    defect for each).
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
    if xs.dtype.kind in "iub":
        xs = xs.astype(object)
    if xs.dtype.kind not in "fcO":
        raise TypeError(f"x must hold numbers or SymPy expressions, got dtype {xs.dtype}")

    def raw(sig) -> np.ndarray:
        y = np.asarray(op(sig))
        if y.size != action_out.degree:
            raise ValueError(f"op's output must have {action_out.degree} entries (shape {action_out.shape}), got "
                             f"shape {y.shape}")
        return y.reshape(-1)

    def moved(sig_flat: np.ndarray, perm: np.ndarray) -> np.ndarray:
        out = np.empty_like(sig_flat)
        out[perm] = sig_flat                       # (g f)(g.x) = f(x)
        return out

    base_raw = raw(xs)
    exact = not has_floats(xs) and not has_floats(base_raw)
    tolerance = Tolerance.for_dtypes([xs.dtype, base_raw.dtype], rtol, atol, tol)     # checks the arguments
    if exact:
        base = base_raw.astype(object)
        outputs = lambda sig: raw(sig).astype(object)          # noqa: E731
    else:
        base = np.asarray(base_raw, dtype=complex if base_raw.dtype.kind == "c" or base_raw.dtype == object else None)
        outputs = raw
    if all_elements:
        from sympy.combinatorics import Permutation, PermutationGroup
        nx = action.degree
        diag = PermutationGroup([Permutation(list(gi) + [nx + int(v) for v in go], size=nx + action_out.degree)
                                 for gi, go in zip(action.generators, action_out.generators)])
        pairs = [(f"element {q}", np.array(p.array_form[:nx]), np.array(p.array_form[nx:]) - nx)
                 for q, p in enumerate(diag.generate())]
    else:
        pairs = [(name, gi, go) for name, gi, go in zip(action.generator_names, action.arrays, action_out.arrays)]
    report = GroupEquivarianceReport(action.name, exact, 0.0 if exact else tolerance)
    unravel = lambda q: tuple(int(v) for v in np.unravel_index(q, action_out.shape))     # noqa: E731
    for name, gi, go in pairs:
        lhs = outputs(moved(xs.reshape(-1), gi).reshape(action.shape))
        rhs = moved(base, go)
        if not exact:
            err, first, diff, finite, allowed, scale = _compare_float(lhs, rhs, True, tolerance)
            report.defects.append(GeneratorDefect(name, err, False, finite, None if first is None else unravel(first),
                                                  diff, False, allowed, scale))
            continue
        worst, first, diff, decided, differs = 0.0, None, None, True, False
        for idx in range(len(lhs)):
            d = lhs[idx] - rhs[idx]
            zero, mag = exact_difference(d)
            decided = decided and zero is not None
            if zero is False and not differs:
                differs, first, diff = True, idx, sp.expand(sp.sympify(d))
            elif zero is None and first is None:
                first, diff = idx, sp.expand(sp.sympify(d))
            if zero is not True and mag == mag:
                worst = max(worst, mag)
        report.defects.append(GeneratorDefect(name, worst, True, differs or decided,
                                              None if first is None else unravel(first), diff, differs))
    return report


def assert_equivariant(op, action: Action, x=None, action_out: Action | None = None, tol: float | None = None,
                       all_elements: bool = False, *, rtol: float | None = None,
                       atol: float | None = None) -> GroupEquivarianceReport:
    """Assert op(g x) = g op(x) for every generator g of ``action`` (see the module docstring); returns
    the report when it passes.  Raises AssertionError naming the first failing generator, its output
    index and the defect (floats: against atol + rtol * max|output|, or the absolute ``tol``), or saying
    "undecided" when an exact difference could not be decided or an output is NaN or infinite."""
    __tracebackhide__ = True
    rep = equivariance_error(op, action, x=x, action_out=action_out, tol=tol, all_elements=all_elements,
                             rtol=rtol, atol=atol)
    if rep.failing:
        d = next(d for d in rep.defects if d.element == rep.failing[0])
        how = f"by {d.difference} (exact)" if rep.exact else _beyond(d, rep.tolerance)
        also = f"; {rep.undecided} undecided" if rep.undecided else ""
        raise AssertionError(f"op is not equivariant to {action.name}: generator {d.element} fails at output "
                             f"{d.first_index} {how}; failing generators {rep.failing}{also}")
    if rep.undecided:
        d = next(d for d in rep.defects if d.element == rep.undecided[0])
        if rep.exact:
            raise AssertionError(f"equivariance to {action.name} is undecided: at generator {d.element}, output "
                                 f"{d.first_index}, the exact difference {d.difference} could be neither proved 0 "
                                 "nor certified non-zero")
        raise AssertionError(f"equivariance to {action.name} is undecided: the output is not finite (NaN or "
                             f"infinity) at {rep.undecided} (generator {d.element}, output {d.first_index})")
    return rep


def _beyond(d: GeneratorDefect, tol: Tolerance) -> str:
    if tol.rtol == 0:
        return f"by {d.error:.3g} > tol {tol.atol:g}"
    return f"by {d.error:.3g} > {d.allowed:.3g} ({tol} times max|output| {d.scale:.3g})"
