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
from symconv.engine.statement import Statement
from symconv.objects.indexed import entry_function, i, j, n, u, v

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

# ---- formal statements: filters as entrywise tables (KroneckerDelta), sizes as integer symbols

K = sp.Symbol("k", integer=True, positive=True)      # the filter size
_r = sp.Symbol("r", integer=True)
_a, _b = sp.symbols("a b", integer=True)


def _table(M) -> sp.Lambda:
    """The filter M (a list of rows) as a function of (row, column), 0 outside its support."""
    return sp.Lambda((i, j), sp.Add(*[sp.sympify(M[p][q]) * sp.KroneckerDelta(i, p) * sp.KroneckerDelta(j, q)
                                      for p in range(len(M)) for q in range(len(M[0])) if M[p][q] != 0]))


def _vector(vals) -> sp.Lambda:
    return sp.Lambda((i,), sp.Add(*[val * sp.KroneckerDelta(i, p) for p, val in enumerate(vals) if val]))


def _total(h, M):
    """The sum of all entries of the filter h of M's shape."""
    return sp.Sum(h(i, j), (j, 0, len(M[0]) - 1), (i, 0, len(M) - 1))


# floor, Max and Min are built unevaluated: for the symbolic arguments of this script SymPy's evaluation decides
# nothing (it only asks the assumptions, about 0.03 s at each import), so the unevaluated object is the evaluated
# one; tests/test_speed_discrete_side.py builds every statement with the evaluated ones too and compares them.

def _inside(q, size):
    """[0 <= q < size]."""
    return sp.KroneckerDelta(sp.floor(q / size, evaluate=False), 0)


def _binom(size, q):
    """C(size-1, q) for 0 <= q < size, as a finite product."""
    return sp.Product((size - _r) / _r, (_r, 1, sp.Max(0, sp.Min(q, size - 1, evaluate=False), evaluate=False)))


_h = entry_function("h")
box_f = entry_function("box", r"\mathrm{box}_{#1}(#2,#3)")
binomial_f = entry_function("binomial", r"\mathrm{binomial}_{#1}(#2,#3)")
_SMOOTH = {"box": sp.Lambda((K, i, j), _inside(i, K) * _inside(j, K) / K ** 2),
           "binomial": sp.Lambda((K, i, j), _inside(i, K) * _inside(j, K) * _binom(K, i) * _binom(K, j)
                                 / 4 ** (K - 1))}


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


#: for every size k: the k x k box and binomial filters sum to 1
FORMAL_SMOOTHING = tuple(Statement.identity(sp.Sum(F_(K, i, j), (j, 0, K - 1), (i, 0, K - 1)), 1,
                                         definitions={F_.__name__: _SMOOTH[F_.__name__]})
                         for F_ in (box_f, binomial_f))
_B246 = {"h": sp.Lambda((i, j), _binom(5, i) * _binom(5, j) / 246)}


smoothing_filters_sum_to_one = sc.Theorem(
    "smoothing_filters_sum_to_one",
    "The box (1/k^2 ones) and binomial filters of every size sum to 1: they average, keeping constant images.",
    claims="verified",
    latex=r"\sum_{ij} \mathrm{box}_k = \sum_{ij} \mathrm{binomial}_k = 1",
    exact=_smoothing, n_range=(1, 9), formal=FORMAL_SMOOTHING,
    numeric=lambda n_, rng, dps: _float_and_mp(_sum_error(lambda: FL.binomial(n_), 1), dps),
    numeric_sizes=(2, 3, 5),
    false_variants=[sc.FalseVariant(
        "binomial_normalised_by_246", "The 5x5 binomial filter normalised by 1/246 (slides 001) sums to 1.",
        exact=lambda n_: _smoothing(n_, scale=sp.Rational(1, 246)) if n_ == 5 else sc.Holds(
            f"n={n_}: only the 5x5 filter is claimed"), n_range=(5, 5),
        formal=Statement.identity(sp.Sum(_h(i, j), (j, 0, 4), (i, 0, 4)), 1, definitions=_B246))],
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


#: each named derivative filter, as its table of entries, sums to 0
FORMAL_DERIVATIVES = tuple(Statement.identity(_total(_h, FL.FILTERS[nm]()), 0, definitions={"h": _table(FL.FILTERS[nm]())},
                                              text=nm) for nm in DERIVATIVES)


derivative_filters_sum_to_zero = sc.Theorem(
    "derivative_filters_sum_to_zero",
    "The Roberts, Sobel (x, y, both diagonals), Prewitt and Laplacian filters sum to 0: constant images give 0.",
    claims="verified",
    latex=r"\sum_{ij} h_{ij} = 0 \quad (h \in \text{Roberts, Sobel, Prewitt, Laplacian})",
    exact=_derivatives, n_range=(1, 1), formal=FORMAL_DERIVATIVES,
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: max(abs(sum(num(v) for r in FL.FILTERS[nm]() for v in r)) for nm in DERIVATIVES), dps),
    numeric_sizes=(1,),
    false_variants=[sc.FalseVariant(
        "sharpen_sums_to_zero", "The sharpen filter with A = 2 sums to 0 like the Laplacian.",
        exact=lambda n_: _derivatives(n_, names=["sharpen2"]),
        formal=Statement.identity(_total(_h, FL.sharpen(2)), 0, definitions={"h": _table(FL.sharpen(2))}))],
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


_SEPARABLE = (("sobel_x", [1, 2, 1], [1, 0, -1]), ("sobel_y", [1, 0, -1], [1, 2, 1]),
              ("prewitt_x", [1, 1, 1], [1, 0, -1]), ("prewitt_y", [1, 0, -1], [1, 1, 1]))
_col, _row = entry_function("col", "u"), entry_function("row", "v")
#: h_ij = u_i v_j for each named filter h and its claimed factors u (a column) and v (a row)
FORMAL_SEPARABLE = tuple(Statement.identity(_h(i, j), _col(i) * _row(j), text=nm, definitions={
    "h": _table(FL.FILTERS[nm]()), "col": _vector(cu), "row": _vector(rv)}) for nm, cu, rv in _SEPARABLE)


sobel_eq_smoothing_mul_derivative = sc.Theorem(
    "sobel_eq_smoothing_mul_derivative",
    "Sobel x = [1,2,1]^T [1,0,-1] (binomial smoothing times a central difference), Sobel y its transpose; "
    "Prewitt uses the box [1,1,1] instead.",
    claims="verified",
    latex=r"\begin{bmatrix}1&0&-1\\2&0&-2\\1&0&-1\end{bmatrix} = \begin{bmatrix}1\\2\\1\end{bmatrix}"
          r"\begin{bmatrix}1&0&-1\end{bmatrix}",
    exact=_separable, n_range=(1, 1), formal=FORMAL_SEPARABLE,
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



def _full_conv_self(F_):
    """(F_k * F_k)_{ab} = F_{2k-1}(a, b): the full 2-D convolution of the k x k filter with itself."""
    return Statement.identity(sp.Sum(F_(K, u, v) * F_(K, _a - u, _b - v), (v, 0, K - 1), (u, 0, K - 1)),
                              F_(2 * K - 1, _a, _b), definitions={F_.__name__: _SMOOTH[F_.__name__]})


binomial_conv_self_eq_binomial = sc.Theorem(
    "binomial_conv_self_eq_binomial",
    "Applying the k x k binomial filter twice is the (2k-1)x(2k-1) binomial filter: g3 * g3 = g5 (slides 001).",
    claims="verified",
    latex=r"\mathrm{binomial}_k * \mathrm{binomial}_k = \mathrm{binomial}_{2k-1},\qquad g_3 * g_3 = g_5 = "
          r"\tfrac{1}{256}(\dots)",
    exact=_binomial_square, n_range=(1, 6), formal=_full_conv_self(binomial_f),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: max(abs(num(a) - num(b)) for ra, rb in zip(conv2d_full(FL.binomial(n_), FL.binomial(n_)),
                                                               FL.binomial(2 * n_ - 1)) for a, b in zip(ra, rb)), dps),
    numeric_sizes=(2, 3),
    false_variants=[sc.FalseVariant(
        "box_conv_self_eq_box", "Applying the k x k box filter twice is the (2k-1)x(2k-1) box filter.",
        exact=lambda n_: _binomial_square(n_, family=FL.box), n_range=(2, 6), formal=_full_conv_self(box_f))],
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


_img = entry_function("f")
_hs, _hl = entry_function("sharpen", r"\mathrm{sharpen}_A"), entry_function("lap", "L")


def _corr(h):
    """(f star h)_ij on the n x n image f with zero padding 1: sum_{u,v<3} h_uv f_{i+u-1, j+v-1}."""
    return sp.Sum(h(u, v) * _inside(i + u - 1, n) * _inside(j + v - 1, n) * _img(i + u - 1, j + v - 1),
                  (v, 0, 2), (u, 0, 2))


def _formal_sharpen(extra=0):
    """f star sharpen(A + extra) = (A-1) f + f star Laplacian, 4 and 8 neighbours."""
    return tuple(Statement.identity(_corr(_hs), (A - 1) * _img(i, j) + _corr(_hl), text=f"{nb} neighbours", definitions={
        "sharpen": _table(FL.sharpen(A + extra, nb)), "lap": _table(FL.laplacian(nb))}) for nb in (4, 8))


sharpen_eq_scaled_identity_add_laplacian = sc.Theorem(
    "sharpen_eq_scaled_identity_add_laplacian",
    "Filtering with the sharpen kernel of parameter A gives (A-1) x the original plus the Laplacian (high pass).",
    claims="verified",
    latex=r"f \star \big((A-1)\delta + L\big) = (A-1)\,f + f \star L",
    exact=_sharpen, n_range=(1, 5), formal=_formal_sharpen(),
    numeric=lambda n_, rng, dps: _float_and_mp(
        lambda num: abs(sum(num(v) for r in FL.sharpen(3) for v in r) - 2), dps),
    numeric_sizes=(1,),
    false_variants=[sc.FalseVariant(
        "sharpen_eq_A_identity_add_laplacian", "The sharpen kernel gives A x the original plus the Laplacian.",
        exact=lambda n_: _sharpen(n_, extra=1), formal=_formal_sharpen(1)[1])],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
