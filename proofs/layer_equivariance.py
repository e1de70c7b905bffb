"""Which shifts each layer commutes with: circular padding commutes with every cyclic shift; zeros
and replicate padding only away from the borders (exactly where is proved); stride s commutes with
shifts by multiples of s; pooling with window k = stride k likewise, and is not invariant; global
pooling after a circular layer is invariant.  The seeds' claim that pooling makes a CNN
shift-invariant is refuted."""

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import entry_function, i, j, m, n, sequence_function, t, u, v, x, zsum
from symconv.engine.numeric import float_and_mp
from symconv.objects.layers import correlate1d, correlate2d, max_pool1d, max_pool2d
from symconv.verify import layers as V
from symconv.verify import layers2d as V2

ORDER = 120  # position in reports and in the LaTeX document

# ---- formal statements.  Signals x live on Z_n (entries read modulo n), kernels w are finitely supported
# sequences read at t = 0..k-1; k (kernel size), d (dilation), s (stride) are integer symbols.  A layer
# applied to the shifted input S^m x is a definition with the shift m as its first argument, so that
# "equivariant" is the identity layer(S^m x)_i = layer(x)_{(i - m) mod (output length)}.

K = sp.Symbol("k", integer=True, positive=True)
K2 = sp.Symbol("k_2", integer=True, positive=True)
D = sp.Symbol("d", integer=True, positive=True)
STRIDE = sp.Symbol("s", integer=True, positive=True)
q, r, p = sp.symbols("q r p", integer=True)
a_, b_, c_ = sp.symbols("a b c", integer=True)
w = sequence_function("w")
w2 = sequence_function("w2", "w")
x2, y2 = entry_function("x2", "x"), entry_function("y2", "y")


# Max, Min, floor and Mod are built unevaluated: evaluating them asks SymPy's assumptions whether e >= 0,
# whether e/n is an integer, ... (about 0.3 s at each import of this script), and for the arguments of
# this script nothing is decided, so the evaluated object is the unevaluated one.  The test
# ``test_layer_equivariance_statements_are_the_evaluated_ones`` builds every statement of this script with
# the evaluated Max, Min, floor and Mod too and compares them, structurally, by srepr and as LaTeX.

def _max(*args):
    return sp.Max(*args, evaluate=False)


def _min(*args):
    return sp.Min(*args, evaluate=False)


def _floor(e):
    return sp.floor(e, evaluate=False)


def _mod(a, b):
    return sp.Mod(a, b, evaluate=False)


def _inside(e, size):
    """[0 <= e < size]."""
    return sp.KroneckerDelta(_floor(e / size), 0)


def _divides(d_, size):
    """[d_ divides size]."""
    return sp.KroneckerDelta(_mod(size, d_), 0)


#: 'same' padding: the window of output i starts at i - L (L = floor(d(k-1)/2); with d = 1, L = floor((k-1)/2))
_LD = _floor(D * (K - 1) / 2)
_L1, _L2 = _floor((K - 1) / 2), _floor((K2 - 1) / 2)
Y = entry_function("Y", r"\mathrm{corr}^{\mathrm{circ}}_{w}(S^{#1}x)_{#2}")
_CIRC = {"Y": sp.Lambda((m, i), sp.Sum(w(t) * x(i + D * t - _LD - m), (t, 0, K - 1)))}
Yz = entry_function("Yz", r"\mathrm{corr}^{0}_{w}(S^{#1}x)_{#2}")
_ZEROS = {"Yz": sp.Lambda((m, i), sp.Sum(w(t) * _inside(i + D * t - _LD, n) * x(i + D * t - _LD - m), (t, 0, K - 1)))}


def _reflect(e, size):
    """The index e reflected into 0..size-1 (valid for -(size-1) <= e <= 2(size-1))."""
    return (size - 1) - sp.Abs((size - 1) - sp.Abs(e))


#: (S^m x) padded, read at e (e outside 0..n-1 is padding): zeros, replicate, reflect
_PADS = {"zeros": lambda e, m_: _inside(e, n) * x(e - m_),
         "replicate": lambda e, m_: x(_min(_max(e, 0), n - 1) - m_),
         "reflect": lambda e, m_: x(_reflect(e, n) - m_)}
Yp = entry_function("Yp", r"\mathrm{corr}^{\mathrm{pad}}_{w}(S^{#1}x)_{#2}")
#: [n >= 3]: reflect padding is claimed for n >= 3 only
_N_GE_3 = 1 - sp.KroneckerDelta(_floor(n / 3), 0)


def _good(size, k_, m_, i_):
    """[L <= i <= size-1-R and L <= (i - m) mod size <= size-1-R], L = floor((k-1)/2), R = k-1-L."""
    l_ = _floor((k_ - 1) / 2)
    return _inside(i_ - l_, size - k_ + 1) * _inside(_mod(i_ - m_, size) - l_, size - k_ + 1)


def _formal_padded_set():
    """For each padding: at the predicted outputs i, layer(S^m x)_i = layer(x)_{(i-m) mod n} (the "if" half
    of the theorem; the "only if" half, that every other output changes for some x and w, is the exact
    check's and no identity)."""
    out = []
    for mode, pad in _PADS.items():
        guard = (_N_GE_3 if mode == "reflect" else 1) * _good(n, K, m, i)
        out.append(Statement.identity(guard * Yp(m, i), guard * Yp(0, _mod(i - m, n)), text=f"{mode} padding",
                                      definitions={"Yp": sp.Lambda((m, i), sp.Sum(w(t) * pad(i + t - _L1, m),
                                                                                  (t, 0, K - 1)))}))
    return tuple(out)


def _both(defect, n_, rng, dps, k=3):
    """Run ``defect(x, w)`` on a seeded float signal and kernel, and on the same values in mpmath."""
    return float_and_mp(defect, dps, rng.standard_normal(n_), rng.standard_normal(max(1, min(n_, k))))


def _circular_defect(x, w):
    y = correlate1d(x, w, "same", "circular", same_convention="torch")
    return max((abs(a - b) for m in range(len(x))
                for a, b in zip(correlate1d(np.roll(x, m), w, "same", "circular", same_convention="torch"),
                                np.roll(y, m))), default=0)


#: corr^circ_w(S^m x)_i = corr^circ_w(x)_{i-m}, every kernel size k and dilation d
FORMAL_CIRCULAR = Statement.identity(Y(m, i), Y(0, i - m), definitions=_CIRC)


circular_layer_shift_equivariant = sc.Theorem(
    "circular_layer_shift_equivariant",
    "A cross-correlation layer with circular 'same' padding commutes with every cyclic shift, for every kernel size "
    "and dilation.",
    claims="verified",
    latex=r"\mathrm{corr}_w^{\text{circ}}(S^m x) = S^m\,\mathrm{corr}_w^{\text{circ}}(x)\quad\forall m",
    exact=V.circular_layer_equivariant, n_range=(1, 10), formal=FORMAL_CIRCULAR,
    numeric=lambda n_, rng, dps: _both(_circular_defect, n_, rng, dps), numeric_sizes=(1, 2, 5, 8),
    false_variants=[sc.FalseVariant(
        "zero_padded_layer_shift_equivariant", "The same layer with zero padding commutes with every cyclic shift.",
        exact=lambda n_: V.circular_layer_equivariant(n_, mode="zeros"),
        formal=Statement.identity(Yz(m, i), Yz(0, _mod(i - m, n)), definitions=_ZEROS))],
)


def _border_defect(x, w):
    """Largest defect at the outputs predicted unchanged (zeros and replicate padding)."""
    n_, k = len(x), len(w)
    err = 0
    for mode in ("zeros", "replicate"):
        y = correlate1d(x, w, "same", mode, same_convention="torch")
        for m in range(1, n_):
            ys = correlate1d(np.roll(x, m), w, "same", mode, same_convention="torch")
            for i in V.predicted_good_outputs(n_, k, m):
                err = max(err, abs(ys[i] - y[(i - m) % n_]))
    return err


padded_layer_equivariance_set = sc.Theorem(
    "padded_layer_equivariance_set",
    "With zeros or replicate 'same' padding (reflect too, for n >= 3), a cyclic shift by m leaves output i "
    "unchanged for every signal and kernel exactly when L <= i <= n-1-R and L <= (i-m) mod n <= n-1-R, "
    "with L = floor((k-1)/2), R = k-1-L: both windows inside the signal, without wrapping.",
    claims="verified",
    latex=r"\big(\mathrm{corr}_w(S^m x)\big)_i = \big(S^m \mathrm{corr}_w(x)\big)_i\ \forall x, w \iff "
          r"L \le i \le n-1-R \ \wedge\ L \le (i-m) \bmod n \le n-1-R",
    exact=lambda n_: sc.Holds.all(V.padded_layer_equivariance_set(n_, "zeros"), V.padded_layer_equivariance_set(
        n_, "replicate"), V.padded_layer_equivariance_set(n_, "reflect")),
    n_range=(2, 8), formal=_formal_padded_set(),
    numeric=lambda n_, rng, dps: _both(_border_defect, n_, rng, dps), numeric_sizes=(2, 4, 7, 10),
    false_variants=[sc.FalseVariant(
        "padded_layer_equivariance_set_naive",
        "The unchanged outputs are L + m <= i <= n-1-R (forgetting the outputs whose windows wrap round).",
        exact=lambda n_: V.padded_layer_equivariance_set(n_, "zeros", predict=lambda n, k, m: [
            i for i in range(n) if (k - 1) // 2 + m <= i <= n - 1 - (k - 1 - (k - 1) // 2)]))],
)


def _stride_defect(x, w):
    n_, err = len(x), 0
    for s in (2, 3):
        if n_ % s:
            continue
        y = correlate1d(x, w, 1, "circular", stride=s)
        for q in range(n_ // s):
            ys = correlate1d(np.roll(x, q * s), w, 1, "circular", stride=s)
            err = max([err] + [abs(a - b) for a, b in zip(ys, np.roll(y, q))])
    return err


Ys = entry_function("Ys", r"\mathrm{corr}^{\mathrm{circ}}_{w,s}(S^{#1}x)_{#2}")
_STRIDED = {"Ys": sp.Lambda((m, q), sp.Sum(w(t) * x(q * STRIDE + t - _L1 - m), (t, 0, K - 1)))}
#: for s dividing n (output length n/s): corr_{w,s}(S^{rs} x)_q = corr_{w,s}(x)_{(q-r) mod n/s}.  The second half
#: (a shift that is no multiple of s matches no output shift) is the exact check's: no identity.
FORMAL_STRIDED = Statement.identity(_divides(STRIDE, n) * Ys(STRIDE * r, q),
                                    _divides(STRIDE, n) * Ys(0, _mod(q - r, n / STRIDE)), definitions=_STRIDED)


strided_layer_equivariance = sc.Theorem(
    "strided_layer_equivariance",
    "A circular layer with stride s commutes with shifts by multiples of s, moving the output by shift/s; "
    "a shift that is not a multiple of s matches no output shift.",
    claims="verified",
    latex=r"\mathrm{corr}_{w,s}(S^{qs} x) = S^{q}\,\mathrm{corr}_{w,s}(x),\qquad "
          r"m \not\equiv 0 \ (\mathrm{mod}\ s) \Rightarrow \nexists r:\ \mathrm{corr}_{w,s}(S^m x) = S^r \mathrm{corr}_{w,s}(x)",
    exact=V.strided_layer_equivariance, n_range=(1, 12), formal=FORMAL_STRIDED,
    numeric=lambda n_, rng, dps: _both(_stride_defect, n_, rng, dps), numeric_sizes=(2, 6, 12),
    false_variants=[sc.FalseVariant(
        "strided_layer_equivariance_all_shifts", "A shift by m moves the strided output by floor(m/s).",
        exact=lambda n_: V.strided_layer_equivariance(n_, claim_all_shifts=True),
        formal=Statement.identity(_divides(STRIDE, n) * Ys(m, q),
                                  _divides(STRIDE, n) * Ys(0, _mod(q - _floor(m / STRIDE), n / STRIDE)),
                                  definitions=_STRIDED))],
)


def _pool_defect(x, w):
    n_, err = len(x), 0
    for k in (2, 3):
        if n_ % k:
            continue
        y = max_pool1d(x, k)
        for q in range(n_ // k):
            err = max([err] + [abs(a - b) for a, b in zip(max_pool1d(np.roll(x, q * k), k), np.roll(y, q))])
    return err


Ap = entry_function("Ap", r"\mathrm{avgpool}_k(S^{#1}x)_{#2}")
Mp = entry_function("Mp", r"\mathrm{maxpool}_2(S^{#1}x)_{#2}")
_AVG = {"Ap": sp.Lambda((m, q), sp.Sum(x(q * K + t - m), (t, 0, K - 1)) / K)}
#: the signal is real: max pooling compares real parts
_MAX2 = {"Mp": sp.Lambda((m, q), _max(sp.re(x(2 * q - m)), sp.re(x(2 * q + 1 - m))))}
#: for k dividing n: pool_k(S^{rk} x)_q = pool_k(x)_{(q-r) mod n/k}; average pooling for every k (evaluated
#: concretely), max pooling for k = 2 (a maximum of data is not evaluated concretely).  "Not invariant" and
#: "other shifts match no output shift" are the exact check's.
FORMAL_POOL = (Statement.identity(_divides(K, n) * Ap(K * r, q), _divides(K, n) * Ap(0, _mod(q - r, n / K)),
                                  definitions=_AVG, text="average pooling"),
               Statement.identity(_divides(2, n) * Mp(2 * r, q), _divides(2, n) * Mp(0, _mod(q - r, n / 2)),
                                  definitions=_MAX2, text="max pooling, k = 2"))


max_pool_equivariance = sc.Theorem(
    "max_pool_equivariance",
    "Max pooling with window k and stride k commutes with shifts by multiples of k (moving the output by "
    "shift/k), is not invariant to them, and matches no output shift for other shifts; average pooling too.",
    claims="verified",
    latex=r"\mathrm{maxpool}_k(S^{qk}x) = S^{q}\,\mathrm{maxpool}_k(x) \neq \mathrm{maxpool}_k(x)",
    exact=lambda n_: sc.Holds.all(V.max_pool_equivariance(n_), V.max_pool_equivariance(n_, pool=V.avg_pool1d)),
    n_range=(1, 12), formal=FORMAL_POOL,
    numeric=lambda n_, rng, dps: _both(_pool_defect, n_, rng, dps), numeric_sizes=(2, 6, 12),
    false_variants=[sc.FalseVariant(
        "max_pool_shift_invariant", "Max pooling (window 2, stride 2) after a circular layer is shift-invariant.",
        exact=V.local_pool_invariance_claim)],
)


def _global_defect(x, w):
    """Relative change of the global mean and exact change of the global max under every shift."""
    y = correlate1d(x, w, "same", "circular", same_convention="torch")
    mean = lambda v: sum(v[1:], v[0]) / len(v)  # noqa: E731
    err = 0
    for m in range(len(x)):
        ys = correlate1d(np.roll(x, m), w, "same", "circular", same_convention="torch")
        err = max(err, abs(mean(list(ys)) - mean(list(y))) / max(1, max(abs(v) for v in y)),
                  abs(max(ys) - max(y)))
    return err


#: the multiset of outputs of a circular layer is unchanged by every shift m: equal power sums
#: sum_i y_i^(p+1), p = 0..n-1 (Newton's identities), so the global average (p = 0), the global max and every
#: symmetric function of the outputs are unchanged
FORMAL_GLOBAL = Statement.identity(zsum(Y(m, i) ** (p + 1), i), zsum(Y(0, i) ** (p + 1), i), definitions=_CIRC)
A2 = entry_function("A2", r"\mathrm{avgpool}_2(\mathrm{corr}^{\mathrm{circ}}_{w}(S^{#1}x))_{#2}")
_LOCAL_AVG = dict(_CIRC, A2=sp.Lambda((m, q), (Y(m, 2 * q) + Y(m, 2 * q + 1)) / 2))


global_pool_shift_invariant = sc.Theorem(
    "global_pool_shift_invariant",
    "Global average and global max pooling after a circular layer are exactly invariant to every cyclic "
    "shift; this, not local pooling, is when 'convolution + pooling is shift-invariant' (seeds 001, 004) holds.",
    claims="verified",
    latex=r"\mathrm{gap}\big(\mathrm{corr}^{\text{circ}}_w(S^m x)\big) = \mathrm{gap}\big(\mathrm{corr}^{\text{circ}}_w(x)\big),"
          r"\quad \text{same for global max}",
    exact=V.global_pool_invariance, n_range=(1, 8), formal=FORMAL_GLOBAL,
    numeric=lambda n_, rng, dps: _both(_global_defect, n_, rng, dps), numeric_sizes=(1, 3, 8),
    false_variants=[
        sc.FalseVariant("local_max_pool_shift_invariant",
                        "Convolution + max pooling (window 2, stride 2) is shift-invariant (seeds 001 and 004).",
                        exact=V.local_pool_invariance_claim),
        sc.FalseVariant("local_avg_pool_shift_invariant",
                        "Convolution + average pooling (window 2, stride 2) is shift-invariant.",
                        exact=lambda n_: V.local_pool_invariance_claim(n_, pool=V.avg_pool1d),
                        formal=Statement.identity(A2(m, q), A2(0, q), definitions=_LOCAL_AVG)),
    ],
)


def _circular2d_defect(x, w):
    """max over every 2-D cyclic shift m of |layer(S^m x) - S^m layer(x)| (circular 'same' padding)."""
    y = correlate2d(x, w, "same", "circular")
    err = 0
    for m in np.ndindex(x.shape):
        d = correlate2d(np.roll(x, m, (0, 1)), w, "same", "circular") - np.roll(y, m, (0, 1))
        err = max([err] + [abs(v) for v in d.flat])
    return err


# 2-D: an image X on Z_n x Z_(n+1) (rows mod n, columns mod n+1; column n is made distinct from column 0
# by a second random image y), a kernel w with k x k_2 taps; Y2(a, b, i, j) is the layer applied to S^(a,b) X.
IMG = entry_function("X")
_IMAGE = {"X": sp.Lambda((p, c_), x2(p, _mod(c_, n + 1)) + sp.KroneckerDelta(_mod(c_, n + 1), n) * y2(p, 0))}
Y2 = entry_function("Y2", r"\mathrm{corr}_{w}(S^{(#1,#2)}X)_{#3,#4}")


def _layer2d(read):
    """Y2(a, b, i, j) = sum_{u<k, v<k_2} w_uv read(i + u - L1, j + v - L2, a, b)."""
    return dict(_IMAGE, Y2=sp.Lambda((a_, b_, i, j), sp.Sum(w2(u, v) * read(i + u - _L1, j + v - _L2, a_, b_),
                                                            (v, 0, K2 - 1), (u, 0, K - 1))))


_CIRC2D = _layer2d(lambda e, f_, a, b: IMG(e - a, f_ - b))
_ZEROS2D = _layer2d(lambda e, f_, a, b: _inside(e, n) * _inside(f_, n + 1) * IMG(e - a, f_ - b))
_PADS2D = {"zeros": _ZEROS2D,
           "replicate": _layer2d(lambda e, f_, a, b: IMG(_min(_max(e, 0), n - 1) - a, _min(_max(f_, 0), n) - b)),
           "reflect": _layer2d(lambda e, f_, a, b: IMG(_reflect(e, n) - a, _reflect(f_, n + 1) - b))}
#: the layer applied to the shifted image, against the shifted output
_SHIFTED2D = (Y2(a_, b_, i, j), Y2(0, 0, _mod(i - a_, n), _mod(j - b_, n + 1)))
FORMAL_CIRC2D = Statement.identity(*_SHIFTED2D, definitions=_CIRC2D)


def _good2d(a, b, i_, j_):
    """(a = 0 or i in G_n(a)) and (b = 0 or j in G_(n+1)(b)): the 1-D set along each shifted axis."""
    da, db = sp.KroneckerDelta(a, 0), sp.KroneckerDelta(b, 0)
    return (da + (1 - da) * _good(n, K, a, i_)) * (db + (1 - db) * _good(n + 1, K2, b, j_))


def _formal_padded_set2d():
    """At the predicted outputs, layer(S^(a,b) X)_ij = layer(X)_{i-a, j-b} (the "if" half, as in 1-D)."""
    out = []
    for mode, defs in _PADS2D.items():
        g = (_N_GE_3 if mode == "reflect" else 1) * _good2d(a_, b_, i, j)
        out.append(Statement.identity(g * _SHIFTED2D[0], g * _SHIFTED2D[1], definitions=defs, text=f"{mode} padding"))
    return tuple(out)


circular_layer2d_shift_equivariant = sc.Theorem(
    "circular_layer2d_shift_equivariant",
    "A 2-D cross-correlation layer with circular 'same' padding commutes with every 2-D cyclic shift "
    "(n x (n+1) images, generic non-square kernels), exhaustively over the shifts.",
    claims="verified",
    latex=r"\mathrm{corr}_w^{\text{circ}}(S^{(a,b)} X) = S^{(a,b)}\,\mathrm{corr}_w^{\text{circ}}(X)"
          r"\quad\forall (a, b) \in \mathbb{Z}_m \times \mathbb{Z}_n",
    exact=V2.circular_layer2d_equivariant, n_range=(1, 4), formal=FORMAL_CIRC2D,
    numeric=lambda n_, rng, dps: float_and_mp(_circular2d_defect, dps, rng.standard_normal((n_, n_ + 1)),
                                              rng.standard_normal((min(n_, 3), min(n_ + 1, 2)))),
    numeric_sizes=(2, 4), budget=120.0,
    false_variants=[sc.FalseVariant(
        "zero_padded_layer2d_shift_equivariant", "The same 2-D layer with zero padding commutes with every "
        "2-D cyclic shift.", exact=lambda n_: V2.circular_layer2d_equivariant(n_, mode="zeros"), n_range=(2, 2),
        formal=Statement.identity(*_SHIFTED2D, definitions=_ZEROS2D))],
)


def _border2d_defect(x, w):
    """Largest 2-D defect at the outputs predicted unchanged (zeros and replicate padding)."""
    err = 0
    for mode in ("zeros", "replicate"):
        y = correlate2d(x, w, "same", mode)
        for a, b in np.ndindex(x.shape):
            ys = correlate2d(np.roll(x, (a, b), (0, 1)), w, "same", mode)
            for i, j in V2.predicted_good_outputs2d(x.shape, w.shape, (a, b)):
                err = max(err, abs(ys[i, j] - y[(i - a) % x.shape[0], (j - b) % x.shape[1]]))
    return err


padded_layer2d_equivariance_set = sc.Theorem(
    "padded_layer2d_equivariance_set",
    "A 2-D 'same' layer with zeros or replicate padding (reflect too, for n >= 3) on n x (n+1) images: a cyclic "
    "shift (a, b) leaves output (i, j) unchanged for every image and kernel exactly when the 1-D condition holds "
    "along each shifted axis (any index along an unshifted one): the 1-D set, axis by axis.",
    claims="verified",
    latex=r"\big(\mathrm{corr}_w(S^{(a,b)} X)\big)_{ij} = \big(S^{(a,b)}\mathrm{corr}_w(X)\big)_{ij}\ \forall X, w"
          r"\iff (a = 0 \vee i \in G_m(a)) \wedge (b = 0 \vee j \in G_n(b))",
    exact=lambda n_: sc.Holds.all(V2.padded_layer2d_equivariance_set(n_, "zeros"), V2.padded_layer2d_equivariance_set(
        n_, "replicate"), V2.padded_layer2d_equivariance_set(n_, "reflect")),
    n_range=(2, 4), formal=_formal_padded_set2d(),
    numeric=lambda n_, rng, dps: float_and_mp(_border2d_defect, dps, rng.standard_normal((n_, n_ + 1)),
                                              rng.standard_normal((min(n_, 3), min(n_ + 1, 2)))),
    numeric_sizes=(2, 4), budget=120.0,
    false_variants=[sc.FalseVariant(
        "padded_layer2d_equivariance_set_all_axes",
        "The 1-D set applies along both axes, also an unshifted one (its border outputs would change too).",
        exact=lambda n_: V2.padded_layer2d_equivariance_set(n_, "zeros", predict=lambda shape, k, m: [
            (i, j) for i in V.predicted_good_outputs(shape[0], k[0], m[0])
            for j in V.predicted_good_outputs(shape[1], k[1], m[1])]), n_range=(3, 3))],
)


def _pool2d_defect(x):
    """max over shifts by multiples of k = 2 of |maxpool(S^m x) - S^(m/2) maxpool(x)|."""
    y = max_pool2d(x, 2)
    err = 0
    for q in np.ndindex(y.shape):
        d = max_pool2d(np.roll(x, (2 * q[0], 2 * q[1]), (0, 1)), 2) - np.roll(y, q, (0, 1))
        err = max([err] + [abs(v) for v in d.flat])
    return err


P2 = entry_function("P2", r"\mathrm{avgpool}_k(S^{(#1,#2)}x)_{#3,#4}")
M2 = entry_function("M2", r"\mathrm{maxpool}_2(S^{(#1,#2)}x)_{#3,#4}")
_AVG2D = {"P2": sp.Lambda((a_, b_, i, j), sp.Sum(x2(i * K + u - a_, j * K + v - b_), (v, 0, K - 1), (u, 0, K - 1))
                          / K ** 2)}
_MAX2D = {"M2": sp.Lambda((a_, b_, i, j), _max(*[sp.re(x2(2 * i + du - a_, 2 * j + dv - b_))
                                                   for du in (0, 1) for dv in (0, 1)]))}
#: n x n images, k dividing n: pool_k(S^{k(a,b)} X)_ij = pool_k(X)_{(i-a, j-b) mod n/k}; average pooling for
#: every k, max pooling for k = 2 (not evaluated concretely); the rest of the claim is the exact check's
FORMAL_POOL2D = tuple(Statement.identity(_divides(k_, n) * P(k_ * a_, k_ * b_, i, j),
                                         _divides(k_, n) * P(0, 0, _mod(i - a_, n / k_), _mod(j - b_, n / k_)),
                                         definitions=defs, text=txt)
                      for P, k_, defs, txt in ((P2, K, _AVG2D, "average pooling"), (M2, 2, _MAX2D, "max pooling, k = 2")))


pool2d_equivariance = sc.Theorem(
    "pool2d_equivariance",
    "2-D max and average pooling with a k x k window and stride k (k = 2, 3; images of q k x q k, q = 2, 3): "
    "a cyclic shift m moves the output by m/k when k divides both components of m, matches no output "
    "shift otherwise, and never leaves the output unchanged.",
    claims="verified",
    latex=r"\mathrm{pool}_k(S^{k(a,b)} X) = S^{(a,b)}\,\mathrm{pool}_k(X),\quad "
          r"\mathrm{pool}_k(S^{m} X) \neq \mathrm{pool}_k(X)\ \ (m \neq 0)",
    exact=lambda q: sc.Holds.all(V2.pool2d_equivariance(q), V2.avg_pool2d_equivariance(q)), n_range=(2, 3),
    formal=FORMAL_POOL2D,
    numeric=lambda n_, rng, dps: float_and_mp(_pool2d_defect, dps, rng.standard_normal((2 * n_, 2 * n_))),
    numeric_sizes=(2, 3), budget=180.0,
    false_variants=[sc.FalseVariant(
        "max_pool2d_shift_invariant", "2-D max pooling (2 x 2, stride 2) leaves the output unchanged under every "
        "cyclic shift.", exact=lambda q: V2.pool2d_equivariance(q, claim_invariant=True), n_range=(2, 2))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
