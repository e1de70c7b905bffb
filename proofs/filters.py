"""The slides' handcrafted filters: smoothing filters sum to 1 and derivative filters to 0, Sobel and
Prewitt are smoothing (x) derivative, binomial 3x3 * itself = binomial 5x5, and sharpening is
(A-1) x original + high pass."""

import mpmath
import numpy as np
import sympy as sp

import symconv as sc
from symconv.objects import filters as FL
from symconv.objects.kernels2d import conv2d_full, separable
from symconv.objects.layers import correlate2d

ORDER = 130  # position in reports and in the LaTeX document


def _float_and_mp(fn, dps):
    """fn(to_number) -> error, run with floats and with mpmath numbers at dps digits."""
    err = float(fn(float))
    with mpmath.workdps(dps):
        errm = float(fn(lambda v: mpmath.mpf(sp.Rational(v).p) / sp.Rational(v).q))
    return err, errm


def _sum_error(make, target):
    def fn(num):
        return abs(sum(num(v) for r in make() for v in r) - target)
    return fn


def _smoothing(n_, scale=None):
    """Sums of box(n) and binomial(n); with ``scale`` the binomial's integer entries (which sum to
    4^(n-1)) are normalised by ``scale`` instead of 1/4^(n-1)."""
    for name, m in (("box", FL.box(n_)), ("binomial", FL.binomial(n_))):
        total = sum(sum(r) for r in m)
        if scale is not None and name == "binomial":
            total = 4 ** (n_ - 1) * scale
        if total != 1:
            return sc.Counterexample(n_, f"{name}({n_}) sums to {total}")
    return sc.Holds(f"box({n_}) and binomial({n_}) each sum to exactly 1 (rational entries)")


smoothing_filters_sum_to_one = sc.Theorem(
    "smoothing_filters_sum_to_one",
    "The box (1/k^2 ones) and binomial filters of every size sum to 1: they average, keeping constant images.",
    claims="verified",
    latex=r"\sum_{ij} \mathrm{box}_k = \sum_{ij} \mathrm{binomial}_k = 1",
    exact=_smoothing, n_range=(1, 9),
    numeric=lambda n_, rng, dps: _float_and_mp(_sum_error(lambda: FL.binomial(n_), 1), dps),
    numeric_sizes=(2, 3, 5),
    false_variants=[sc.FalseVariant(
        "binomial_normalised_by_246", "The 5x5 binomial filter normalised by 1/246 (slides 001) sums to 1.",
        exact=lambda n_: _smoothing(n_, scale=sp.Rational(1, 246)) if n_ == 5 else sc.Holds(
            f"n={n_}: only the 5x5 filter is claimed"), n_range=(5, 5))],
)

DERIVATIVES = ["roberts_x", "roberts_y", "roberts_diagonal", "sobel_x", "sobel_y", "sobel_v1", "sobel_v2",
               "prewitt_x", "prewitt_y", "laplacian4", "laplacian8"]


def _derivatives(n_, names=DERIVATIVES, target=0):
    filters = dict(FL.FILTERS, sharpen2=lambda: FL.sharpen(2))
    for name in names:
        total = sum(sum(r) for r in filters[name]())
        if total != target:
            return sc.Counterexample(n_, f"{name} sums to {total}, not {target}")
    return sc.Holds(f"{', '.join(names)} each sum to exactly {target}")


derivative_filters_sum_to_zero = sc.Theorem(
    "derivative_filters_sum_to_zero",
    "The Roberts, Sobel (x, y, both diagonals), Prewitt and Laplacian filters sum to 0: constant images give 0.",
    claims="verified",
    latex=r"\sum_{ij} h_{ij} = 0 \quad (h \in \text{Roberts, Sobel, Prewitt, Laplacian})",
    exact=_derivatives, n_range=(1, 1),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: max(abs(sum(num(v) for r in FL.FILTERS[nm]() for v in r)) for nm in DERIVATIVES), dps),
    numeric_sizes=(1,),
    false_variants=[sc.FalseVariant(
        "sharpen_sums_to_zero", "The sharpen filter with A = 2 sums to 0 like the Laplacian.",
        exact=lambda n_: _derivatives(n_, names=["sharpen2"]))],
)


def _separable(n_, names=("sobel_x", "sobel_y", "prewitt_x", "prewitt_y")):
    expected = {"sobel_x": ([1, 2, 1], [1, 0, -1]), "sobel_y": ([1, 0, -1], [1, 2, 1]),
                "prewitt_x": ([1, 1, 1], [1, 0, -1]), "prewitt_y": ([1, 0, -1], [1, 1, 1]),
                "sobel_v1": None}
    for name in names:
        got = separable(FL.FILTERS[name]())
        if got != expected.get(name):
            return sc.Counterexample(n_, f"{name}: separable() gives {got}, the claim is {expected.get(name)}")
    return sc.Holds(f"separable() gives exactly the claimed factors of {', '.join(names)} (exact integers)")


sobel_eq_smoothing_mul_derivative = sc.Theorem(
    "sobel_eq_smoothing_mul_derivative",
    "Sobel x = [1,2,1]^T [1,0,-1] (binomial smoothing times a central difference), Sobel y its transpose; "
    "Prewitt uses the box [1,1,1] instead.",
    claims="verified",
    latex=r"\begin{bmatrix}1&0&-1\\2&0&-2\\1&0&-1\end{bmatrix} = \begin{bmatrix}1\\2\\1\end{bmatrix}"
          r"\begin{bmatrix}1&0&-1\end{bmatrix}",
    exact=_separable, n_range=(1, 1),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: max(abs(num(a) * num(b) - num(FL.sobel("x")[i][j]))
                        for i, a in enumerate([1, 2, 1]) for j, b in enumerate([1, 0, -1])), dps),
    numeric_sizes=(1,),
    false_variants=[sc.FalseVariant(
        "sobel_diagonal_separable", "The diagonal Sobel filter [[2,1,0],[1,0,-1],[0,-1,-2]] is separable.",
        exact=lambda n_: sc.Holds("separable() factors sobel v1") if separable(FL.sobel("v1")) is not None
        else sc.Counterexample(n_, "sobel v1 has rank 2, so it is no outer product u v^T"))],
)


def _binomial_square(n_, family=FL.binomial):
    got, want = conv2d_full(family(n_), family(n_)), family(2 * n_ - 1)
    if [[sp.Rational(v) for v in r] for r in got] != [[sp.Rational(v) for v in r] for r in want]:
        return sc.Counterexample(n_, f"{family.__name__}({n_}) * itself != {family.__name__}({2 * n_ - 1}): "
                                     f"first row {got[0]} vs {want[0]}")
    return sc.Holds(f"{family.__name__}({n_}) * {family.__name__}({n_}) = {family.__name__}({2 * n_ - 1}) "
                    "entry by entry (exact rationals)")


binomial_conv_self_eq_binomial = sc.Theorem(
    "binomial_conv_self_eq_binomial",
    "Applying the k x k binomial filter twice is the (2k-1)x(2k-1) binomial filter: g3 * g3 = g5 (slides 001).",
    claims="verified",
    latex=r"\mathrm{binomial}_k * \mathrm{binomial}_k = \mathrm{binomial}_{2k-1},\qquad g_3 * g_3 = g_5 = "
          r"\tfrac{1}{256}(\dots)",
    exact=_binomial_square, n_range=(1, 6),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: max(abs(num(a) - num(b)) for ra, rb in zip(conv2d_full(FL.binomial(n_), FL.binomial(n_)),
                                                               FL.binomial(2 * n_ - 1)) for a, b in zip(ra, rb)), dps),
    numeric_sizes=(2, 3),
    false_variants=[sc.FalseVariant(
        "box_conv_self_eq_box", "Applying the k x k box filter twice is the (2k-1)x(2k-1) box filter.",
        exact=lambda n_: _binomial_square(n_, family=FL.box), n_range=(2, 6))],
)

A = sp.Symbol("A")


def _sharpen(n_, extra=0):
    f = np.array(sp.symbols(f"f0:{n_ * n_}")).reshape(n_, n_)
    for nb in (4, 8):
        lhs = correlate2d(f, np.array(FL.sharpen(A + extra, nb), dtype=object), 1)
        hp = correlate2d(f, np.array(FL.laplacian(nb), dtype=object), 1)
        for i in range(n_):
            for j in range(n_):
                if sp.expand(lhs[i, j] - ((A - 1) * f[i, j] + hp[i, j])) != 0:
                    return sc.Counterexample(n_, f"{nb} neighbours, pixel ({i},{j}): "
                                                 f"{sp.expand(lhs[i, j] - ((A - 1) * f[i, j] + hp[i, j]))}")
    return sc.Holds(f"f star sharpen(A{f' + {extra}' if extra else ''}) = (A-1) f + f star Laplacian at every pixel of "
                    f"a symbolic {n_}x{n_} image, 4 and 8 neighbours, symbolic A")


sharpen_eq_scaled_identity_add_laplacian = sc.Theorem(
    "sharpen_eq_scaled_identity_add_laplacian",
    "Filtering with the sharpen kernel of parameter A gives (A-1) x the original plus the Laplacian (high pass).",
    claims="verified",
    latex=r"f \star \big((A-1)\delta + L\big) = (A-1)\,f + f \star L",
    exact=_sharpen, n_range=(1, 5),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: abs(sum(num(v) for r in FL.sharpen(3) for v in r) - 2), dps),
    numeric_sizes=(1,),
    false_variants=[sc.FalseVariant(
        "sharpen_eq_A_identity_add_laplacian", "The sharpen kernel gives A x the original plus the Laplacian.",
        exact=lambda n_: _sharpen(n_, extra=1))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
