"""Layer output sizes: floor((n + 2p - d(k-1) - 1)/s) + 1, and the LeNet shapes of the slides
(28 -> 24 -> 12 -> 8 -> 4, so fc1 takes 4*4*50 inputs)."""

import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import entry_function, i, n
from symconv.engine.numeric import to_mp_array
from symconv.objects.layers import correlate1d, output_size

ORDER = 110  # position in reports and in the LaTeX document

K, S_, D = (sp.Symbol(nm, integer=True, positive=True) for nm in ("k", "s", "d"))
PAD = sp.Symbol("p", integer=True, nonnegative=True)


# Min, Max and floor are built unevaluated: for the symbolic arguments of this script SymPy's evaluation
# decides nothing (it only asks the assumptions, about 0.05 s at each import), so the unevaluated object is
# the evaluated one; tests/test_speed_discrete_side.py builds every statement with the evaluated ones too
# and compares them, structurally, by srepr and as LaTeX.

def _le(lhs, rhs):
    """[lhs <= rhs] for integers."""
    return sp.Min(sp.Max(rhs - lhs + 1, 0, evaluate=False), 1, evaluate=False)


def _formula(n_, k, p, s, d):
    return sp.floor((n_ + 2 * p - d * (k - 1) - 1) / s, evaluate=False) + 1


def _formal_size(formula=_formula):
    """When a window fits (d(k-1) <= n + 2p - 1): the number of window positions i >= 0 with
    i s + (k-1) d <= n + 2p - 1 equals the formula."""
    fits = _le(D * (K - 1), n + 2 * PAD - 1)
    count = sp.Sum(_le(i * S_ + (K - 1) * D, n + 2 * PAD - 1), (i, 0, n + 2 * PAD - 1))
    return Statement.identity(fits * count, fits * formula(n, K, PAD, S_, D))


out_f = entry_function("out", r"\mathrm{out}(#)")
_a, _b, _c, _e = sp.symbols("a b c e", integer=True)
#: out(n, k, p, s): the output length of a layer (dilation 1)
_OUT = {"out": sp.Lambda((_a, _b, _c, _e), _formula(_a, _b, _c, _e, 1))}


def _formal_lenet(pad=0):
    """28 -conv5-> -pool2-> -conv5-> -pool2-> 4, so fc1 takes 4 * 4 * 50 = 800 inputs."""
    side = out_f(out_f(out_f(out_f(28, 5, pad, 1), 2, 0, 2), 5, pad, 1), 2, 0, 2)
    return Statement.identity(50 * side ** 2, 800, definitions=_OUT)


def _length_errors(x, kernels):
    err = 0
    for k, w in kernels.items():
        for p in (0, 1, 2):
            for s in (1, 2, 3):
                for d in (1, 2):
                    if len(x) + 2 * p - d * (k - 1) < 1:
                        continue
                    err = max(err, abs(len(correlate1d(x, w, p, "zeros", s, d)) - output_size(len(x), k, p, s, d)))
    return err


def _numeric(n_, rng, dps):
    """Lengths of float and of mpmath layers against the formula."""
    import mpmath
    x = rng.standard_normal(n_)
    kernels = {k: rng.standard_normal(k) for k in (1, 2, 3)}
    with mpmath.workdps(dps):
        errm = _length_errors(to_mp_array(x), {k: to_mp_array(w) for k, w in kernels.items()})
    return float(_length_errors(x, kernels)), float(errm)


output_size_formula = sc.Theorem(
    "output_size_formula",
    "A layer with kernel k, padding p, stride s and dilation d maps length n to floor((n + 2p - d(k-1) - 1)/s) + 1.",
    claims="verified",
    latex=r"n_{\text{out}} = \left\lfloor \frac{n + 2p - d(k-1) - 1}{s} \right\rfloor + 1",
    exact=sc.verify.layers.output_size_formula, n_range=(1, 60), formal=_formal_size(),
    numeric=_numeric, numeric_sizes=(1, 4, 9, 16),
    false_variants=[sc.FalseVariant(
        "output_size_formula_without_dilation", "The output length is floor((n + 2p - k)/s) + 1 whatever the dilation.",
        exact=lambda n_: sc.verify.layers.output_size_formula(
            n_, formula=lambda n, k, p, s, d: (n + 2 * p - k) // s + 1),
        formal=_formal_size(lambda n_, k, p, s, d: sp.floor((n_ + 2 * p - k) / s, evaluate=False) + 1))],
)


def _lenet_fc1(x, w1, w2):
    L = sc.objects.layers
    y = L.max_pool2d(L.correlate2d(x, w1), 2)
    y = L.max_pool2d(L.correlate2d(y, w2), 2)
    return y.shape[0] * y.shape[1] * 50


def _numeric_lenet(n_, rng, dps):
    """fc1's input size from float layers, and from mpmath layers on a slice of the same data."""
    import mpmath
    x, w1, w2 = rng.standard_normal((n_, n_)), rng.standard_normal((5, 5)), rng.standard_normal((5, 5))
    with mpmath.workdps(dps):
        errm = abs(_lenet_fc1(to_mp_array(x), to_mp_array(w1), to_mp_array(w2)) - 800)
    return float(abs(_lenet_fc1(x, w1, w2) - 800)), float(errm)


lenet_shapes = sc.Theorem(
    "lenet_shapes",
    "In the slides' LeNet (5x5 convolutions, no padding; 2x2 max pooling, stride 2) a 28x28 input becomes 4x4x50, so fc1 = 4*4*50.",
    claims="verified",
    latex=r"28 \xrightarrow{\text{conv }5} 24 \xrightarrow{\text{pool }2} 12 \xrightarrow{\text{conv }5} 8 "
          r"\xrightarrow{\text{pool }2} 4,\qquad 4\cdot 4\cdot 50 = 800",
    exact=sc.verify.layers.lenet_shapes, n_range=(28, 28), formal=_formal_lenet(),
    numeric=_numeric_lenet, numeric_sizes=(28,),
    false_variants=[sc.FalseVariant(
        "lenet_shapes_same_padding", "With 'same' (padding 2) convolutions fc1 would still take 4*4*50 inputs.",
        exact=lambda n_: sc.verify.layers.lenet_shapes(n_, conv_padding=2), n_range=(28, 28),
        formal=_formal_lenet(pad=2))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
