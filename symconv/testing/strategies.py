"""Hypothesis strategies for fuzzing your own layers: signals, kernels and layer configurations.

Needs the optional ``hypothesis`` (in the ``test`` extra).  Exact signals are NumPy object arrays of
Python ints or SymPy rationals (decided exactly by the testing helpers); float signals are float64 (or
the dtype you ask for), compared within the dtype's tolerance.

    from hypothesis import given
    from symconv.testing import assert_shift_equivariant, strategies as scst

    @given(scst.signals(16, elements="floats"))
    def test_my_layer_is_equivariant(x):
        assert_shift_equivariant(my_layer, 16, x=x)

>>> from hypothesis import given, settings
>>> @settings(max_examples=5, database=None, derandomize=True)
... @given(layer_configs(modes=("circular",), paddings=("same",), strides=(1,)))
... def check(cfg):
...     assert cfg.output_size == cfg.n
>>> check()
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from ..objects.layers import PADDING_MODES, correlate1d, output_size

__all__ = ["elements", "signals", "kernels", "shifts", "LayerConfig", "layer_configs", "ELEMENT_KINDS"]

ELEMENT_KINDS = ("ints", "rationals", "floats")


def elements(kind: str = "rationals", bound: int = 10) -> st.SearchStrategy:
    """Entries: Python ints, SymPy rationals (denominators up to 9) or finite floats, all in [-bound, bound]."""
    if kind not in ELEMENT_KINDS:
        raise ValueError(f"kind must be one of {ELEMENT_KINDS}, got {kind!r}")
    if isinstance(bound, bool) or not isinstance(bound, int) or bound < 1:
        raise ValueError(f"bound must be a positive int, got {bound!r}")
    if kind == "ints":
        return st.integers(-bound, bound)
    if kind == "rationals":
        return st.fractions(-bound, bound, max_denominator=9).map(lambda f: sp.Rational(f.numerator, f.denominator))
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False)


_elements = elements      # signals(elements=...) shadows the function


def _shape(draw, shape, ndim, min_size, max_size) -> tuple:
    if shape is None:
        return tuple(draw(st.integers(min_size, max_size)) for _ in range(ndim))
    if isinstance(shape, int):
        shape = (shape,)
    if not (isinstance(shape, tuple) and shape and all(isinstance(s, int) and s > 0 for s in shape)):
        raise ValueError(f"shape must be a positive int or a tuple of them, got {shape!r}")
    return shape


@st.composite
def signals(draw, shape=None, *, ndim: int = 1, min_size: int = 1, max_size: int = 12,
            elements: str = "rationals", bound: int = 10, dtype=np.float64) -> np.ndarray:
    """A signal of ``shape`` (an int n or a tuple such as (N, C, L); drawn when None: ``ndim`` axes of
    ``min_size``..``max_size``): exact entries in an object array, or floats of ``dtype``."""
    shape = _shape(draw, shape, ndim, min_size, max_size)
    vals = draw(st.lists(_elements(elements, bound), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    if elements == "floats":
        return np.array(vals, dtype=dtype).reshape(shape)
    return np.array(vals, dtype=object).reshape(shape)


def kernels(min_size: int = 1, max_size: int = 5, *, ndim: int = 1, elements: str = "rationals",
            bound: int = 5) -> st.SearchStrategy:
    """A kernel (1-D by default, or ``ndim``-D) with ``min_size``..``max_size`` taps per axis."""
    return signals(None, ndim=ndim, min_size=min_size, max_size=max_size, elements=elements, bound=bound)


def shifts(sizes) -> st.SearchStrategy:
    """A shift of Z_n (an int) or of Z_m x Z_n x ... (a tuple), for ``sizes`` n or (m, n, ...)."""
    if isinstance(sizes, int):
        return st.integers(0, sizes - 1)
    return st.tuples(*(st.integers(0, s - 1) for s in sizes))


@dataclass(frozen=True)
class LayerConfig:
    """A 1-D convolutional layer, as PyTorch's conv1d computes it (cross-correlation), on length-n signals."""
    n: int
    kernel: tuple
    padding: object          # 'valid', 'same', 'full' or an int
    mode: str                # a key of symconv.objects.layers.PADDING_MODES
    stride: int = 1
    dilation: int = 1

    def __call__(self, x) -> np.ndarray:
        return correlate1d(x, list(self.kernel), self.padding, self.mode, self.stride, self.dilation,
                           same_convention="torch")

    @property
    def output_size(self) -> int:
        return len(self(np.zeros(self.n)))

    @property
    def shift_equivariant(self) -> bool:
        """The known answer for every shift: circular padding that keeps the length, stride 1."""
        return self.mode == "circular" and self.stride == 1 and self.output_size == self.n


@st.composite
def layer_configs(draw, n=None, *, max_kernel: int = 5, paddings=("valid", "same", "full", 1, 2),
                  modes=tuple(PADDING_MODES), strides=(1, 2, 3), dilations=(1, 2), elements: str = "rationals",
                  max_n: int = 12) -> LayerConfig:
    """A layer configuration that is defined on length-n signals (the padded input covers the kernel,
    reflect padding is shorter than the signal)."""
    k = draw(st.integers(1, max_kernel))
    d = draw(st.sampled_from(dilations))
    s = draw(st.sampled_from(strides))
    padding, mode = draw(st.sampled_from(paddings)), draw(st.sampled_from(modes))
    span = d * (k - 1) + 1
    lo = span if padding == "valid" else max(1, span - 2 * (padding if isinstance(padding, int) else span - 1))
    if mode == "reflect":          # reflect padding must be shorter than the signal
        pad = span - 1 if padding in ("same", "full") else (padding if isinstance(padding, int) else 0)
        lo = max(lo, pad + 1)
    size = n if n is not None else draw(st.integers(max(lo, 1), max(lo, max_n)))
    kernel = tuple(draw(st.lists(_elements(elements, 5), min_size=k, max_size=k)))
    cfg = LayerConfig(size, kernel, padding, mode, s, d)
    try:
        output_size(size, 1)          # n itself must be a size
        cfg.output_size
    except ValueError:
        from hypothesis import assume
        assume(False)
    return cfg

