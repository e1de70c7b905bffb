"""Exact checks about CNN layers (output sizes, equivariance of padding, stride, pooling).

Signals and kernels are generic symbols, so "equal" means equal for every input.

>>> print(padded_layer_equivariance_set(5, "zeros"))
zeros 'same' padding, n=5: for k = 1..5 and every shift m = 1..4, the outputs unchanged for every signal and kernel are exactly the predicted ones
>>> print(output_size_formula(10))  # doctest: +ELLIPSIS
the output-size formula equals the number of window positions for k, s, d = 1..4, p = 0..3 (... cases with a window that fits), n=10
"""

from __future__ import annotations

from collections import Counter

import sympy as sp

from ..engine.verdict import Counterexample, Holds
from ..objects.layers import avg_pool1d, correlate1d, global_avg_pool, max_pool1d, output_size
from ._polys import PolyEquality

__all__ = ["output_size_formula", "lenet_shapes", "circular_layer_equivariant", "padded_layer_equivariance_set",
           "strided_layer_equivariance", "max_pool_equivariance", "global_pool_invariance",
           "local_pool_invariance_claim"]


def _syms(name: str, n: int) -> list:
    return list(sp.symbols(f"{name}0:{n}"))


def _shift(v: list, m: int) -> list:
    n = len(v)
    return [v[(j - m) % n] for j in range(n)]


def _same(a, b, ring: PolyEquality | None = None) -> bool:
    """a - b expands to 0.  With ``ring`` (the polynomial ring of the generic symbols): compared there
    when both are polynomials of the ring (the same answer, without SymPy's expansion), else expanded."""
    if ring is not None:
        same = ring.equal(a, b)
        if same is not None:
            return same
    return sp.expand(sp.sympify(a) - sp.sympify(b)) == 0


def output_size_formula(n: int, formula=None) -> Counterexample | Holds:
    """floor((n + 2p - d(k-1) - 1)/s) + 1 = the number of window positions i >= 0 with
    i*s + (k-1)*d <= n + 2p - 1, counted one by one, for k, s, d <= 4 and p <= 3."""
    formula = formula or (lambda n_, k, p, s, d: (n_ + 2 * p - d * (k - 1) - 1) // s + 1)
    cases = 0
    for k in range(1, 5):
        for p in range(0, 4):
            for s in range(1, 5):
                for d in range(1, 5):
                    if n + 2 * p - d * (k - 1) < 1:
                        continue
                    cases += 1
                    count = 0
                    while count * s + (k - 1) * d <= n + 2 * p - 1:
                        count += 1
                    got = formula(n, k, p, s, d)
                    if got != count:
                        return Counterexample(n, f"k={k}, p={p}, s={s}, d={d}: {count} windows, formula gives {got}")
    return Holds(f"the output-size formula equals the number of window positions for k, s, d = 1..4, p = 0..3 "
                 f"({cases} cases with a window that fits), n={n}")


def lenet_shapes(n: int = 28, conv_padding: int = 0) -> Counterexample | Holds:
    """LeNet of the slides: 28 -conv5-> 24 -pool2-> 12 -conv5-> 8 -pool2-> 4, so fc1 has 4*4*50 inputs.

    conv_padding=2 checks the false claim that fc1 = 4*4*50 with 'same' 5x5 convolutions.
    """
    sizes = [n]
    sizes.append(output_size(sizes[-1], 5, conv_padding))
    sizes.append(output_size(sizes[-1], 2, 0, 2))
    sizes.append(output_size(sizes[-1], 5, conv_padding))
    sizes.append(output_size(sizes[-1], 2, 0, 2))
    if n != 28:
        raise ValueError(f"the LeNet claim is about 28x28 inputs, not n={n}")
    if sizes != [28, 24, 12, 8, 4] or sizes[-1] ** 2 * 50 != 4 * 4 * 50:
        return Counterexample(n, f"sizes {sizes}: fc1 would need {sizes[-1]}*{sizes[-1]}*50 = "
                                 f"{sizes[-1] ** 2 * 50} inputs, not 4*4*50 = 800")
    return Holds(f"sizes {sizes} (conv5 padding {conv_padding}, pool2 stride 2), so fc1 has 4*4*50 = 800 inputs")


def circular_layer_equivariant(n: int, mode: str = "circular") -> Counterexample | Holds:
    """With circular 'same' padding, cross-correlation commutes with every cyclic shift
    (all kernel sizes k <= n, dilation 1 and 2); mode='zeros' is the false claim."""
    x = _syms("x", n)
    cases = 0
    for k in range(1, n + 1):
        w = _syms("w", k)
        ring = PolyEquality(x + w)
        for d in (1, 2):
            if d * (k - 1) >= n:
                continue
            cases += 1
            y = correlate1d(x, w, "same", mode, dilation=d, same_convention="torch")
            for m in range(1, n):
                ys = correlate1d(_shift(x, m), w, "same", mode, dilation=d, same_convention="torch")
                for i in range(n):
                    if not _same(ys[i], y[(i - m) % n], ring):
                        return Counterexample(n, f"k={k}, dilation {d}, {mode} padding, shift {m}: output {i} is "
                                                 f"{ys[i]}, shifted output is {y[(i - m) % n]}")
    return Holds(f"{mode} 'same' cross-correlation commutes with every cyclic shift m = 1..{n - 1}, all outputs, "
                 f"symbolic x and w ({cases} (kernel size, dilation) cases), n={n}")


def predicted_good_outputs(n: int, k: int, m: int) -> list[int]:
    """Outputs i of a 'same' layer unchanged by the cyclic shift m: both windows inside the signal
    without wrapping, L <= i <= n-1-R and L <= (i-m) mod n <= n-1-R (L = (k-1)//2, R = k-1-L)."""
    L = (k - 1) // 2
    R = k - 1 - L
    return [i for i in range(n) if L <= i <= n - 1 - R and L <= (i - m) % n <= n - 1 - R]


def padded_layer_equivariance_set(n: int, mode: str = "zeros", predict=None) -> Counterexample | Holds:
    """For zeros/replicate (and reflect with n >= 3) 'same' padding, the outputs equal for every
    signal and kernel after a cyclic shift m are exactly predicted_good_outputs(n, k, m)."""
    predict = predict or predicted_good_outputs
    if mode == "reflect" and n < 3:   # for n <= 2 reflecting is wrapping: outside the statement
        return Holds(f"n={n}: reflect padding needs n >= 3 (for n <= 2 reflecting is wrapping); nothing to check")
    x = _syms("x", n)
    for k in range(1, min(n, 5) + 1):
        w = _syms("w", k)
        ring = PolyEquality(x + w)
        y = correlate1d(x, w, "same", mode, same_convention="torch")
        for m in range(1, n):
            ys = correlate1d(_shift(x, m), w, "same", mode, same_convention="torch")
            good = [i for i in range(n) if _same(ys[i], y[(i - m) % n], ring)]
            want = predict(n, k, m)
            if good != want:
                i = next(iter(set(good) ^ set(want)))
                return Counterexample(n, f"k={k}, {mode}, shift {m}: outputs unchanged {good}, predicted {want}; "
                                         f"at {i}: {sp.expand(ys[i] - y[(i - m) % n])}")
    return Holds(f"{mode} 'same' padding, n={n}: for k = 1..{min(n, 5)} and every shift m = 1..{n - 1}, the outputs "
                 "unchanged for every signal and kernel are exactly the predicted ones")


def strided_layer_equivariance(n: int, claim_all_shifts: bool = False) -> Counterexample | Holds:
    """Stride s in {2, 3} with circular padding (n a multiple of s): a shift by q*s moves the output
    by q; a shift that is not a multiple of s matches no output shift at all.

    claim_all_shifts=True checks the false claim that a shift m moves the output by m // s.
    """
    strides = []
    for s in (2, 3):
        if n % s:
            continue
        strides.append(s)
        x = _syms("x", n)
        for k in range(1, min(n, 4) + 1):
            w = _syms("w", k)
            ring = PolyEquality(x + w)
            y = correlate1d(x, w, k // 2, "circular", stride=s) if k % 2 else \
                correlate1d(pad_right(x, k - 1), w, 0, stride=s)
            out = len(y)
            for m in range(1, n):
                xs = _shift(x, m)
                ys = correlate1d(xs, w, k // 2, "circular", stride=s) if k % 2 else \
                    correlate1d(pad_right(xs, k - 1), w, 0, stride=s)
                matches = [r for r in range(out) if all(_same(ys[i], y[(i - r) % out], ring) for i in range(out))]
                if claim_all_shifts:
                    if (m // s) % out not in matches:
                        return Counterexample(n, f"stride {s}, k={k}, shift {m}: the output does not move by "
                                                 f"{m // s} (it matches output shifts {matches})")
                    continue
                want = [(m // s) % out] if m % s == 0 else []
                if matches != want:
                    return Counterexample(n, f"stride {s}, k={k}, shift {m}: output shifts {matches}, expected {want}")
    if not strides:
        return Holds(f"n={n}: neither stride 2 nor 3 divides n; nothing to check")
    claim = "a shift m moves the output by m // s" if claim_all_shifts else \
        "a shift by q*s moves the output by q, other shifts match no output shift"
    return Holds(f"stride {' and '.join(map(str, strides))}, circular padding, k = 1..{min(n, 4)}, every shift: "
                 f"{claim} (symbolic x, w), n={n}")


def pad_right(x: list, r: int) -> list:
    """Circular padding on the right only (the seed's pad_cycl(l=0, r))."""
    return list(x) + [x[j % len(x)] for j in range(r)]


def max_pool_equivariance(n: int, pool=max_pool1d) -> Counterexample | Holds:
    """Pooling with window k = stride k (n a multiple of k): a shift by q*k moves the output by q;
    it is not invariant (the shift by k moves the output), and other shifts match no output shift."""
    windows = []
    for k in (2, 3):
        if n % k or n == k:
            continue
        windows.append(k)
        x = _syms("x", n)
        y = pool(x, k)
        out = len(y)
        for m in range(1, n):
            ys = pool(_shift(x, m), k)
            matches = [r for r in range(out) if all(_same(ys[i], y[(i - r) % out]) for i in range(out))]
            want = [(m // k) % out] if m % k == 0 else []
            if matches != want:
                return Counterexample(n, f"window {k}, shift {m}: output shifts {matches}, expected {want}")
    if not windows:
        return Holds(f"{pool.__name__}, n={n}: no window k in (2, 3) divides n with n != k; nothing to check")
    return Holds(f"{pool.__name__}, window = stride {' and '.join(map(str, windows))}, every shift m = 1..{n - 1}: "
                 f"a shift by q*k moves the output by q, no other shift matches an output shift (symbolic x), n={n}")


def _multiset_key(v, ring: PolyEquality | None):
    """The multiset of the entries of v, as a comparable key: with ``ring``, when every entry is a
    polynomial of the ring, the multiset of those polynomials (("ring", Counter)); else the sorted
    srepr of each entry's expansion (("srepr", list)).  Expansion is canonical for polynomials with
    rational coefficients, so the two keys of two vectors agree or differ together."""
    if ring is not None:
        polys = [ring.poly(e) for e in v]
        if all(p is not None for p in polys):
            return "ring", Counter(frozenset(p.items()) for p in polys)
    return "srepr", sorted(sp.srepr(sp.expand(e)) for e in v)


def _same_multiset(a, b, ring: PolyEquality | None, keys_b: dict) -> bool:
    """The entries of a and b are the same multiset (b's keys remembered in ``keys_b``); the two are
    compared by the same kind of key: the ring's when both are polynomials there, else srepr's."""
    ka = _multiset_key(a, ring)
    if ka[0] not in keys_b:
        keys_b[ka[0]] = _multiset_key(b, ring if ka[0] == "ring" else None)
    kb = keys_b[ka[0]]
    if kb[0] != ka[0]:                 # b is not all polynomials of the ring: both by srepr
        ka = _multiset_key(a, None)
        kb = keys_b.setdefault("srepr", _multiset_key(b, None))
    return ka == kb


def global_pool_invariance(n: int) -> Counterexample | Holds:
    """Global average and global max pooling after a circular 'same' layer: exactly invariant to
    every cyclic shift (all kernel sizes k <= n)."""
    x = _syms("x", n)
    for k in range(1, n + 1):
        w = _syms("w", k)
        ring = PolyEquality(x + w)
        y = correlate1d(x, w, "same", "circular", same_convention="torch")
        # the max of a multiset depends only on the multiset: compare the multisets of outputs
        avg_y = global_avg_pool(y)                       # y does not depend on m: computed once per k
        keys_y: dict = {}
        for m in range(1, n):
            ys = correlate1d(_shift(x, m), w, "same", "circular", same_convention="torch")
            if not _same(global_avg_pool(ys), avg_y, ring):
                return Counterexample(n, f"k={k}, shift {m}: global average changes")
            if not _same_multiset(ys, y, ring, keys_y):
                return Counterexample(n, f"k={k}, shift {m}: the multiset of outputs changes")
    return Holds(f"after a circular 'same' layer (k = 1..{n}), the global average is unchanged and the multiset of "
                 f"outputs (so the global max) is unchanged by every shift m = 1..{n - 1} (symbolic x, w), n={n}")


def local_pool_invariance_claim(n: int, pool=max_pool1d) -> Counterexample | Holds:
    """The seeds' claim 'convolution + pooling is shift-invariant', for a circular layer followed by
    pooling of window 2 and stride 2: refuted by a concrete signal (n >= 4, even)."""
    if n < 4 or n % 2:
        return Holds(f"n={n}: the refuting signal needs an even n >= 4; nothing to check")
    x = [1] + [0] * (n - 1)
    w = [1]
    base = pool(correlate1d(x, w, "same", "circular", same_convention="torch"), 2)
    for m in range(1, n):
        shifted = pool(correlate1d(_shift(x, m), w, "same", "circular", same_convention="torch"), 2)
        if list(shifted) != list(base):
            return Counterexample(n, f"x = {x}, kernel [1], {pool.__name__}(2): {list(base)}; "
                                     f"after shifting x by {m}: {list(shifted)}")
    return Holds(f"x = e_0, kernel [1], {pool.__name__}(2): the output is the same after every shift (n={n})")


__all__ += ["predicted_good_outputs", "pad_right", "avg_pool1d"]
