"""Which shifts each layer commutes with: circular padding commutes with every cyclic shift; zeros
and replicate padding only away from the borders (exactly where is proved); stride s commutes with
shifts by multiples of s; pooling with window k = stride k likewise, and is not invariant; global
pooling after a circular layer is invariant.  The seeds' claim that pooling makes a CNN
shift-invariant is refuted."""

import numpy as np

import symconv as sc
from symconv.engine.numeric import float_and_mp
from symconv.objects.layers import correlate1d, correlate2d, max_pool1d, max_pool2d
from symconv.verify import layers as V
from symconv.verify import layers2d as V2

ORDER = 120  # position in reports and in the LaTeX document


def _both(defect, n_, rng, dps, k=3):
    """Run ``defect(x, w)`` on a seeded float signal and kernel, and on the same values in mpmath."""
    return float_and_mp(defect, dps, rng.standard_normal(n_), rng.standard_normal(max(1, min(n_, k))))


def _circular_defect(x, w):
    y = correlate1d(x, w, "same", "circular")
    return max((abs(a - b) for m in range(len(x))
                for a, b in zip(correlate1d(np.roll(x, m), w, "same", "circular"), np.roll(y, m))), default=0)


circular_layer_shift_equivariant = sc.Theorem(
    "circular_layer_shift_equivariant",
    "A cross-correlation layer with circular 'same' padding commutes with every cyclic shift, for every kernel size "
    "and dilation.",
    claims="verified",
    latex=r"\mathrm{corr}_w^{\text{circ}}(S^m x) = S^m\,\mathrm{corr}_w^{\text{circ}}(x)\quad\forall m",
    exact=V.circular_layer_equivariant, n_range=(1, 10),
    numeric=lambda n_, rng, dps: _both(_circular_defect, n_, rng, dps), numeric_sizes=(1, 2, 5, 8),
    false_variants=[sc.FalseVariant(
        "zero_padded_layer_shift_equivariant", "The same layer with zero padding commutes with every cyclic shift.",
        exact=lambda n_: V.circular_layer_equivariant(n_, mode="zeros"))],
)


def _border_defect(x, w):
    """Largest defect at the outputs predicted unchanged (zeros and replicate padding)."""
    n_, k = len(x), len(w)
    err = 0
    for mode in ("zeros", "replicate"):
        y = correlate1d(x, w, "same", mode)
        for m in range(1, n_):
            ys = correlate1d(np.roll(x, m), w, "same", mode)
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
    n_range=(2, 8),
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


strided_layer_equivariance = sc.Theorem(
    "strided_layer_equivariance",
    "A circular layer with stride s commutes with shifts by multiples of s, moving the output by shift/s; "
    "a shift that is not a multiple of s matches no output shift.",
    claims="verified",
    latex=r"\mathrm{corr}_{w,s}(S^{qs} x) = S^{q}\,\mathrm{corr}_{w,s}(x),\qquad "
          r"m \not\equiv 0 \ (\mathrm{mod}\ s) \Rightarrow \nexists r:\ \mathrm{corr}_{w,s}(S^m x) = S^r \mathrm{corr}_{w,s}(x)",
    exact=V.strided_layer_equivariance, n_range=(1, 12),
    numeric=lambda n_, rng, dps: _both(_stride_defect, n_, rng, dps), numeric_sizes=(2, 6, 12),
    false_variants=[sc.FalseVariant(
        "strided_layer_equivariance_all_shifts", "A shift by m moves the strided output by floor(m/s).",
        exact=lambda n_: V.strided_layer_equivariance(n_, claim_all_shifts=True))],
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


max_pool_equivariance = sc.Theorem(
    "max_pool_equivariance",
    "Max pooling with window k and stride k commutes with shifts by multiples of k (moving the output by "
    "shift/k), is not invariant to them, and matches no output shift for other shifts; average pooling too.",
    claims="verified",
    latex=r"\mathrm{maxpool}_k(S^{qk}x) = S^{q}\,\mathrm{maxpool}_k(x) \neq \mathrm{maxpool}_k(x)",
    exact=lambda n_: sc.Holds.all(V.max_pool_equivariance(n_), V.max_pool_equivariance(n_, pool=V.avg_pool1d)),
    n_range=(1, 12),
    numeric=lambda n_, rng, dps: _both(_pool_defect, n_, rng, dps), numeric_sizes=(2, 6, 12),
    false_variants=[sc.FalseVariant(
        "max_pool_shift_invariant", "Max pooling (window 2, stride 2) after a circular layer is shift-invariant.",
        exact=V.local_pool_invariance_claim)],
)


def _global_defect(x, w):
    """Relative change of the global mean and exact change of the global max under every shift."""
    y = correlate1d(x, w, "same", "circular")
    mean = lambda v: sum(v[1:], v[0]) / len(v)  # noqa: E731
    err = 0
    for m in range(len(x)):
        ys = correlate1d(np.roll(x, m), w, "same", "circular")
        err = max(err, abs(mean(list(ys)) - mean(list(y))) / max(1, max(abs(v) for v in y)),
                  abs(max(ys) - max(y)))
    return err


global_pool_shift_invariant = sc.Theorem(
    "global_pool_shift_invariant",
    "Global average and global max pooling after a circular layer are exactly invariant to every cyclic "
    "shift; this, not local pooling, is when 'convolution + pooling is shift-invariant' (seeds 001, 004) holds.",
    claims="verified",
    latex=r"\mathrm{gap}\big(\mathrm{corr}^{\text{circ}}_w(S^m x)\big) = \mathrm{gap}\big(\mathrm{corr}^{\text{circ}}_w(x)\big),"
          r"\quad \text{same for global max}",
    exact=V.global_pool_invariance, n_range=(1, 8),
    numeric=lambda n_, rng, dps: _both(_global_defect, n_, rng, dps), numeric_sizes=(1, 3, 8),
    false_variants=[
        sc.FalseVariant("local_max_pool_shift_invariant",
                        "Convolution + max pooling (window 2, stride 2) is shift-invariant (seeds 001 and 004).",
                        exact=V.local_pool_invariance_claim),
        sc.FalseVariant("local_avg_pool_shift_invariant",
                        "Convolution + average pooling (window 2, stride 2) is shift-invariant.",
                        exact=lambda n_: V.local_pool_invariance_claim(n_, pool=V.avg_pool1d)),
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


circular_layer2d_shift_equivariant = sc.Theorem(
    "circular_layer2d_shift_equivariant",
    "A 2-D cross-correlation layer with circular 'same' padding commutes with every 2-D cyclic shift "
    "(n x (n+1) images, generic non-square kernels), exhaustively over the shifts.",
    claims="verified",
    latex=r"\mathrm{corr}_w^{\text{circ}}(S^{(a,b)} X) = S^{(a,b)}\,\mathrm{corr}_w^{\text{circ}}(X)"
          r"\quad\forall (a, b) \in \mathbb{Z}_m \times \mathbb{Z}_n",
    exact=V2.circular_layer2d_equivariant, n_range=(1, 4),
    numeric=lambda n_, rng, dps: float_and_mp(_circular2d_defect, dps, rng.standard_normal((n_, n_ + 1)),
                                              rng.standard_normal((min(n_, 3), min(n_ + 1, 2)))),
    numeric_sizes=(2, 4), budget=120.0,
    false_variants=[sc.FalseVariant(
        "zero_padded_layer2d_shift_equivariant", "The same 2-D layer with zero padding commutes with every "
        "2-D cyclic shift.", exact=lambda n_: V2.circular_layer2d_equivariant(n_, mode="zeros"), n_range=(2, 2))],
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
    n_range=(2, 4),
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


pool2d_equivariance = sc.Theorem(
    "pool2d_equivariance",
    "2-D max and average pooling with a k x k window and stride k (k = 2, 3; images of q k x q k, q = 2, 3): "
    "a cyclic shift m moves the output by m/k when k divides both components of m, matches no output "
    "shift otherwise, and never leaves the output unchanged.",
    claims="verified",
    latex=r"\mathrm{pool}_k(S^{k(a,b)} X) = S^{(a,b)}\,\mathrm{pool}_k(X),\quad "
          r"\mathrm{pool}_k(S^{m} X) \neq \mathrm{pool}_k(X)\ \ (m \neq 0)",
    exact=lambda q: sc.Holds.all(V2.pool2d_equivariance(q), V2.avg_pool2d_equivariance(q)), n_range=(2, 3),
    numeric=lambda n_, rng, dps: float_and_mp(_pool2d_defect, dps, rng.standard_normal((2 * n_, 2 * n_))),
    numeric_sizes=(2, 3), budget=180.0,
    false_variants=[sc.FalseVariant(
        "max_pool2d_shift_invariant", "2-D max pooling (2 x 2, stride 2) leaves the output unchanged under every "
        "cyclic shift.", exact=lambda q: V2.pool2d_equivariance(q, claim_invariant=True), n_range=(2, 2))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
