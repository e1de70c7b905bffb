"""``torch_op``: a PyTorch module or function as a NumPy operator, in the module's own dtype and device."""

from __future__ import annotations

import numpy as np

__all__ = ["torch_op"]


def _symbolic_entries(arr: np.ndarray) -> list:
    import sympy as sp
    return [v for v in arr.flat if isinstance(v, sp.Basic) and not v.is_number][:3]


def _as_array(x) -> np.ndarray:
    import sympy as sp
    if isinstance(x, sp.MatrixBase):          # a SymPy column (or row) vector is a 1-D signal
        return np.array(list(x) if 1 in x.shape else x.tolist(), dtype=object)
    return np.asarray(x)


def _module_dtype_device(module, dtype, device):
    import torch
    if isinstance(module, torch.nn.Module):
        for t in list(module.parameters()) + list(module.buffers()):
            if t.is_floating_point() or t.is_complex():
                return (t.dtype if dtype is None else dtype), (t.device if device is None else device)
    return (torch.float64 if dtype is None else dtype), (torch.device("cpu") if device is None else device)


def torch_op(module, *, dtype=None, device=None):
    """Wrap a PyTorch module or function as a NumPy operator.

    The input takes the module's dtype and device (those of its first floating-point parameter or
    buffer: a default ``Conv1d`` runs in float32, ``.double()`` in float64, ``.cuda()`` on the GPU), or
    the given ``dtype``/``device``; float64 on the CPU for a function or a module without parameters.
    A 1-D signal (n,) is fed as (1, 1, n) and a 2-D one (H, W) as (1, 1, H, W), and those batch and
    channel axes are removed from the result; a signal with batch and channel axes ((N, C, L),
    (N, C, H, W)) is fed as it is.  The result is a NumPy array in the module's dtype, so the testing
    helpers use that dtype's tolerance.  Requires the optional ``torch``.

    A module computes with numbers: a symbolic x (SymPy symbols, the default signal of the testing
    helpers) is refused with a TypeError that says what to pass.
    """
    import torch

    tdtype, tdevice = _module_dtype_device(module, dtype, device)

    def op(x):
        arr = _as_array(x)
        if arr.dtype == object:
            syms = _symbolic_entries(arr)
            if syms:
                raise TypeError(
                    f"torch_op runs a PyTorch module on numbers, but x holds SymPy symbols ({', '.join(map(str, syms))}"
                    f"{', ...' if arr.size > len(syms) else ''}): pass a float signal, e.g. "
                    f"x=np.random.default_rng(0).normal(size={arr.shape}) (checked within the dtype's tolerance); "
                    "for an exact, symbolic check use symconv's exact layers (symconv.objects.layers) instead")
            arr = arr.astype(np.complex128 if any(isinstance(v, complex) for v in arr.flat) else np.float64)
        single = arr.ndim <= 2
        t = torch.as_tensor(np.ascontiguousarray(arr)).to(device=tdevice, dtype=tdtype)
        with torch.no_grad():
            out = module(t[None, None] if single else t)
        out = out.detach().cpu().numpy()
        if single and out.ndim >= 2 and out.shape[:2] == (1, 1):
            out = out[0, 0]
        return out
    return op
