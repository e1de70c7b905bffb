"""The options the NumPy/SciPy twins gained (issue 11): complex correlation, ``fillvalue`` and the
'symmetric' padding mode, each stated once and checked exactly on the real functions of
``symconv.objects.layers`` with generic SymPy symbols (complex ones: a SymPy symbol is not real), then
numerically against NumPy and SciPy (where installed).

* ``correlate1d(x, w, conjugate=True)`` is the convolution of x with the conjugated reversed kernel,
  for every padding, padding mode, stride and dilation -- except NumPy's 'same' with a kernel longer
  than an even-length signal, where np.correlate's window starts one sample later than np.convolve's;
* a constant fill c (SciPy's boundary='fill') adds c times the kernel taps that fall outside the
  signal, output by output (and not c times the whole kernel sum);
* 'symmetric' padding (SciPy's boundary='symm') reads the half-sample extension x[-1-i] = x[i],
  x[n+i] = x[n-1-i] (period 2n), not the whole-sample reflection x[-i] = x[i]."""

import functools

import numpy as np
import sympy as sp

import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import entry_function, i, j, n, sequence_function, t, lsum, s_
from symconv.objects.layers import convolve1d, convolve2d, correlate1d, correlate2d

ORDER = 59  # position in reports and in the LaTeX document (after the convolution matrix, by name)


@functools.cache
def _scipy_signal():
    """scipy.signal, or None without SciPy: a cross-check only (NumPy alone still checks the 1-D functions).
    Imported when a numeric check first asks for it (about a second: not at every load of the catalogue)."""
    try:
        from scipy import signal
    except ImportError:  # pragma: no cover - exercised where SciPy is absent
        return None
    return signal


STRIDE_DILATION = ((1, 1), (2, 1), (1, 2))


def _same(a, b) -> bool:
    """An exact zero test: both sides are polynomials in the entries (and their conjugates); the same
    expression tree (SymPy's canonical sums and products) first, else the expanded difference is 0."""
    return a == b or sp.expand(a - b) == 0


def _data(n_, k_, generic):
    """x of length n, w of length k and a fill value c: generic SymPy symbols (complex: conj(w_t) stays
    conj(w_t)), or for a false claim concrete Gaussian integers (an exact witness)."""
    if generic:
        return (list(sp.symbols(f"x0:{n_}")), list(sp.symbols(f"w0:{k_}")), sp.Symbol("c"))
    return ([sp.Integer(q + 2) for q in range(n_)], [sp.Integer(q + 1) + sp.Integer(q + 2) * sp.I for q in range(k_)],
            sp.Integer(3))


def _before(padding, k_, d_=1, convention="numpy"):
    """Samples padded before the signal, written out here (not read from ``symconv.objects.padding``)."""
    span = d_ * (k_ - 1)
    if padding == "full":
        return span
    if padding == "valid":
        return 0
    if padding == "same":
        return span - span // 2 if convention == "numpy" else span // 2
    return padding


def _after(padding, k_, d_=1, convention="numpy"):
    span = d_ * (k_ - 1)
    return span - _before(padding, k_, d_, convention) if padding == "same" else _before(padding, k_, d_, convention)


def _diff(got, want, what):
    """None when ``got`` equals ``want`` entry by entry (exactly), else the first difference as text."""
    if len(got) != len(want):
        return f"{what}: {len(got)} outputs, expected {len(want)}"
    for q, (g, h) in enumerate(zip(got, want)):
        if not _same(g, h):
            return f"{what}[{q}] = {sp.expand(g)}, expected {sp.expand(h)}"
    return None


def _diff_2d(n_, k_max, mode, fill, index, generic):
    """2-D (SciPy's boundary is a 2-D option): x of shape (2, n), w of shape (2, k), k = 1..k_max, 'full' and
    'same' (correlate2d's default alignment, SciPy's): correlate2d(x, w, padding, mode, fillvalue=fill) reads
    x at (index(e_0, 2), index(e_1, n)), or ``fill`` where ``index`` gives None.  None, or the first difference."""
    xv = np.array(_data(2 * n_, 1, generic)[0], dtype=object).reshape(2, n_)
    for k_ in range(1, k_max + 1):
        wv = np.array(_data(n_, 2 * k_, generic)[1], dtype=object).reshape(2, k_)
        for padding in ("full", "same"):
            b0, b1 = _before(padding, 2, 1, "torch"), _before(padding, k_, 1, "torch")
            y = correlate2d(xv, wv, padding, mode, fillvalue=fill, conjugate=True)
            rows, cols = (3, n_ + k_ - 1) if padding == "full" else (2, n_)

            def read(e0, e1):
                p0, p1 = index(e0, 2), index(e1, n_)
                return fill if p0 is None or p1 is None else xv[p0, p1]
            want = [[sp.Add(*[sp.conjugate(wv[q0, q1]) * read(r0 + q0 - b0, r1 + q1 - b1)
                              for q0 in range(2) for q1 in range(k_)]) for r1 in range(cols)]
                    for r0 in range(rows)]
            if y.shape != (rows, cols):
                return f"2-D, k={k_}, padding {padding!r}: shape {y.shape}, expected {(rows, cols)}"
            bad = _diff(list(y.flat), [v for row in want for v in row], f"2-D, w of shape (2, {k_}), padding "
                                                                         f"{padding!r}: correlate2d(x, w).flat")
            if bad:
                return bad + ("" if generic else f"; x = {xv.tolist()}, w = {wv.tolist()}")
    return None


# ---- 1. complex correlation ---------------------------------------------------------------------------

def _call(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except ValueError:
        return None


def _exact_complex(n_, conjugated=True, same_everywhere=False, generic=True):
    """For every kernel length k = 1..n+1, padding ('full', 'same', 'valid', p = 0..k-1), padding mode,
    (stride, dilation) in STRIDE_DILATION: correlate1d(x, w, conjugate=True) = convolve1d(x, conj(w) reversed)
    (or, in NumPy's 'same' with k > n, n even, the full convolution from n/2 on); 'full' is the defining sum."""
    xv = _data(n_, 1, generic)[0]
    checked = 0
    for k_ in range(1, n_ + 2):
        wv = _data(n_, k_, generic)[1]
        v = [sp.conjugate(q) for q in reversed(wv)] if conjugated else list(reversed(wv))
        full = correlate1d(xv, wv, "full", conjugate=True)
        want = [sp.Add(*[sp.conjugate(wv[q]) * xv[r - (k_ - 1) + q] for q in range(k_) if 0 <= r - (k_ - 1) + q < n_])
                for r in range(n_ + k_ - 1)]
        bad = _diff(full, want, f"k={k_}: correlate1d(x, w, 'full')")
        if bad:
            return sc.Counterexample(n_, bad + " (the sum of conj(w_t) x_{i-(k-1)+t})")
        for padding in ("full", "same", "valid", *range(k_)):
            for mode in ("zeros", "circular", "reflect", "replicate", "symmetric"):
                if padding == "valid" and mode != "zeros":
                    continue
                for s, d in STRIDE_DILATION:
                    y = _call(correlate1d, xv, wv, padding, mode, s, d, conjugate=True)
                    z = _call(convolve1d, xv, v, padding, mode, s, d)
                    if (y is None) != (z is None):
                        return sc.Counterexample(n_, f"k={k_}, padding {padding!r}, mode {mode!r}, stride {s}, "
                                                     f"dilation {d}: only one of the two raises")
                    if y is None:
                        continue
                    numpy_same = padding == "same" and mode == "zeros" and (s, d) == (1, 1)
                    if numpy_same and k_ > n_ and n_ % 2 == 0 and not same_everywhere:
                        z = convolve1d(xv, v, "full")[n_ // 2:n_ // 2 + k_]     # np.correlate's 'same' window
                    bad = _diff(y, z, f"k={k_}, padding {padding!r}, mode {mode!r}, stride {s}, dilation {d}: "
                                      f"correlate1d(x, w) vs convolve1d(x, {'conj(w)' if conjugated else 'w'} "
                                      "reversed)")
                    if bad:
                        return sc.Counterexample(n_, bad + ("" if generic else f"; x = {xv}, w = {wv}"))
                    checked += 1
    return sc.Holds(f"n={n_}, generic complex x and w of lengths 1..{n_ + 1}: correlate1d(x, w, conjugate=True) "
                    f"= convolve1d(x, conj(w) reversed) in {checked} (kernel, padding, mode, stride, dilation) cases "
                    "(NumPy's 'same' with k > n, n even: the full convolution from n/2), 'full' = the defining sum")


def _numeric_complex(n_, rng, dps):
    import mpmath

    with mpmath.workdps(dps):       # the mpmath half at dps digits (float64 is unaffected)
        return _numeric_complex_at(n_, rng, dps)


def _numeric_complex_at(n_, rng, dps):
    """float64: correlate1d against np.correlate and scipy.signal.correlate, convolve1d against np.convolve, with
    complex data; mpmath: correlate1d(x, w, 'full') against the defining sum of conj(w_t) x_{i-(k-1)+t}."""
    import mpmath

    from symconv.engine.numeric import to_mp_array

    err, errm = 0.0, mpmath.mpf(0)
    for k_ in sorted({max(1, n_ - 1), n_ + 2}):
        x = rng.standard_normal(n_) + 1j * rng.standard_normal(n_)
        w = rng.standard_normal(k_) + 1j * rng.standard_normal(k_)
        for mode in ("full", "same", "valid"):
            err = max(err, np.abs(correlate1d(x, w, mode, conjugate=True) - np.correlate(x, w, mode)).max(),
                      np.abs(convolve1d(x, np.conj(w[::-1]), mode) - np.convolve(x, np.conj(w[::-1]), mode)).max())
            _signal = _scipy_signal()
            if _signal is not None and mode != "same":          # SciPy's 'same' has the length of x
                err = max(err, np.abs(correlate1d(x, w, mode, conjugate=True) - _signal.correlate(x, w, mode)).max())
        xm, wm = to_mp_array(x), to_mp_array(w)
        y = correlate1d(xm, wm, "full", conjugate=True)
        for r in range(n_ + k_ - 1):
            ref = sum((wm[q].conjugate() * xm[r - (k_ - 1) + q] for q in range(k_) if 0 <= r - (k_ - 1) + q < n_),
                      mpmath.mpf(0))
            errm = max(errm, abs(y[r] - ref))
    return float(err), float(errm)


wr, wq, xq = sequence_function("wr", r"\overline{w}^{\leftarrow}"), sequence_function("wq", "w"), \
    sequence_function("xq", "x")
corr_c = sequence_function("corr_c", r"(x \star w)")
DEFS_C = {"corr_c": sp.Lambda((i,), lsum(sp.conjugate(wq(t)) * xq(i + t), t)),
          "wr": sp.Lambda((s_,), sp.conjugate(wq(-s_)))}
FORMAL_COMPLEX = Statement.identity(corr_c(i), lsum(wr(i - t) * xq(t), t), definitions=DEFS_C,
                                    text="lag i; the modes are windows of i")
wrev = sequence_function("wrev", r"w^{\leftarrow}")
FORMAL_COMPLEX_FALSE = Statement.identity(corr_c(i), lsum(wrev(i - t) * xq(t), t), definitions={
    **DEFS_C, "wrev": sp.Lambda((s_,), wq(-s_))})

correlate1d_conj_eq_convolve1d_conj_reverse = sc.Theorem(
    "correlate1d_conj_eq_convolve1d_conj_reverse",
    "For complex x and w, the correlation correlate1d(x, w, conjugate=True) (np.correlate's sum of conj(w_t) "
    "x_{i+t}) is the convolution of x with the conjugated reversed kernel, for every padding, padding mode, stride "
    "and dilation; only NumPy's 'same' with a kernel longer than an even-length signal centres one sample later.",
    claims="verified",
    latex=r"\sum_t \overline{w_t}\, x_{i+t} = \sum_t \overline{w_{t-i}}\, x_t = (x * \overline{w}^{\leftarrow})_i,"
          r"\quad \overline{w}^{\leftarrow}_s = \overline{w_{-s}}",
    formal=FORMAL_COMPLEX,
    exact=_exact_complex, n_range=(1, 7),
    numeric=_numeric_complex, numeric_sizes=(1, 2, 5, 8), tolerance=1e-9,
    false_variants=[
        sc.FalseVariant(
            "correlate1d_eq_convolve1d_reverse_complex", "For complex w, the correlation is the convolution with the "
            "reversed kernel, not conjugated (true for real kernels only).",
            exact=lambda n_: _exact_complex(n_, conjugated=False, generic=False), n_range=(1, 3)),
        sc.FalseVariant(
            "lag_sum_conj_eq_convolution_reverse_no_conj", "The lag sum of conj(w_t) x_{i+t} is the convolution of x "
            "with the reversed kernel, not conjugated (stated formally).", formal=FORMAL_COMPLEX_FALSE),
        sc.FalseVariant(
            "correlate1d_same_eq_convolve1d_same_every_length", "NumPy's 'same' correlation is the 'same' convolution "
            "with the conjugated reversed kernel for every kernel length.",
            exact=lambda n_: _exact_complex(n_, same_everywhere=True, generic=False), n_range=(1, 4))],
)


# ---- 2. fillvalue -------------------------------------------------------------------------------------

def _outside(r, s, d, k_, before, n_):
    """The taps t of output r whose input index r*s + t*d - before falls outside 0..n-1."""
    return [q for q in range(k_) if not 0 <= r * s + q * d - before < n_]


def _exact_fill(n_, whole_kernel=False, generic=True):
    """For k = 1..n+1 ('same': k <= n), paddings 'full', 'same' (both conventions), p = 0..k, strides 1, 2 and
    dilations 1, 2 (not for 'same'): with y_c = correlate1d(x, w, fillvalue=c, conjugate=True),
    y_0[r] = sum of conj(w_t) x_j over the taps inside the signal and y_c[r] = y_0[r] + c sum_{t outside} conj(w_t)."""
    xv = _data(n_, 1, generic)[0]
    checked = 0
    for k_ in range(1, n_ + 2):
        wv, cv = _data(n_, k_, generic)[1:]
        cw = [sp.conjugate(q) for q in wv]
        cases = [("full", "numpy")] + [(p, "numpy") for p in range(k_ + 1)]
        if k_ <= n_:
            cases += [("same", "numpy"), ("same", "torch")]
        for padding, conv in cases:
            for s, d in STRIDE_DILATION:
                if padding == "same" and (s, d) != (1, 1):
                    continue
                before, after = _before(padding, k_, d, conv), _after(padding, k_, d, conv)
                size = (n_ + before + after - d * (k_ - 1) - 1) // s + 1
                if size < 1:
                    continue
                y0 = correlate1d(xv, wv, padding, "zeros", s, d, same_convention=conv, conjugate=True)
                yc = correlate1d(xv, wv, padding, "zeros", s, d, same_convention=conv, fillvalue=cv, conjugate=True)
                what = f"k={k_}, padding {padding!r} ({conv}), stride {s}, dilation {d}"
                want0 = [sp.Add(*[cw[q] * xv[r * s + q * d - before] for q in range(k_)
                                  if q not in _outside(r, s, d, k_, before, n_)]) for r in range(size)]
                bad = _diff(y0, want0, what + ": the zero-fill correlation")
                if bad:
                    return sc.Counterexample(n_, bad)
                taps = (lambda r: range(k_)) if whole_kernel else (lambda r: _outside(r, s, d, k_, before, n_))
                wantc = [sp.Add(y0[r], *[cv * cw[q] for q in taps(r)]) for r in range(size)]
                bad = _diff(yc, wantc, what + f": the correlation with fill {cv}")
                if bad:
                    return sc.Counterexample(n_, bad + ("" if generic else f"; x = {xv}, w = {wv}"))
                checked += 1
    if not whole_kernel and n_ <= 4:
        cv = _data(n_, 1, generic)[2]
        bad = _diff_2d(n_, n_, "zeros", cv, lambda e, size: e if 0 <= e < size else None, generic)
        if bad:
            return sc.Counterexample(n_, bad)
    return sc.Holds(f"n={n_}, generic complex x, w (lengths 1..{n_ + 1}; 'same': 1..{n_}) and fill c: "
                    f"y_c = y_0 + c (the taps outside the signal) in {checked} (kernel, padding, stride, dilation) "
                    "cases, y_0 the zero-fill sum" + ("; 2-D x of shape (2, n), w of shape (2, 1..n), 'full' and "
                                                      "'same': x where inside, c outside" if n_ <= 4 else ""))


def _numeric_fill(n_, rng, dps):
    import mpmath

    with mpmath.workdps(dps):       # the mpmath half at dps digits (float64 is unaffected)
        return _numeric_fill_at(n_, rng, dps)


def _numeric_fill_at(n_, rng, dps):
    """float64: correlate2d/convolve2d with fillvalue against scipy.signal's boundary='fill' (2-D, 'full' and
    'same'), and the 1-D identity; mpmath: the 1-D identity y_c = y_0 + c (taps outside)."""
    import mpmath

    from symconv.engine.numeric import to_mp_array

    err, errm = 0.0, mpmath.mpf(0)
    k_ = max(1, n_ - 1)
    x2, w2, c = rng.standard_normal((3, n_)), rng.standard_normal((2, k_ + 1)), float(rng.standard_normal())
    _signal = _scipy_signal()
    if _signal is not None:
        for mode in ("full", "same"):
            ours = (correlate2d(x2, w2, mode, fillvalue=c), convolve2d(x2, w2, mode, fillvalue=c))
            theirs = (_signal.correlate2d(x2, w2, mode, "fill", c), _signal.convolve2d(x2, w2, mode, "fill", c))
            err = max(err, *(np.abs(a - b).max() for a, b in zip(ours, theirs)))
    x, w = rng.standard_normal(n_), rng.standard_normal(k_)

    def defect(xa, wa, ca, zero):
        y0, yc = correlate1d(xa, wa, "full"), correlate1d(xa, wa, "full", fillvalue=ca)
        return max(abs(yc[r] - y0[r] - ca * sum((wa[q] for q in _outside(r, 1, 1, k_, k_ - 1, n_)), zero))
                   for r in range(n_ + k_ - 1))

    err = max(err, defect(x, w, c, 0.0))
    errm = defect(to_mp_array(x), to_mp_array(w), mpmath.mpf(c), mpmath.mpf(0))
    return float(err), float(errm)


K = sp.Symbol("k", integer=True, positive=True)
C_FILL = sp.Symbol("c", integer=True)
xz = entry_function("xz", "x")


def _inside(e):
    """[0 <= e < n]."""
    return sp.KroneckerDelta(sp.floor(e / n), 0)


yfill = sequence_function("yfill", r"\mathrm{corr}^{c}_{w}(x)")
yzero = sequence_function("yzero", r"\mathrm{corr}^{0}_{w}(x)")
_X_FILLED = _inside(i + t) * xz(i + t) + C_FILL * (1 - _inside(i + t))      # x, and c outside 0..n-1
DEFS_F = {"yfill": sp.Lambda((i,), sp.Sum(sp.conjugate(wq(t)) * _X_FILLED, (t, 0, K - 1))),
          "yzero": sp.Lambda((i,), sp.Sum(sp.conjugate(wq(t)) * _inside(i + t) * xz(i + t), (t, 0, K - 1)))}
FORMAL_FILL = Statement.identity(yfill(i), yzero(i) + C_FILL * sp.Sum(sp.conjugate(wq(t)) * (1 - _inside(i + t)),
                                                                      (t, 0, K - 1)),
                                 definitions=DEFS_F, text="window start i (any padding); degree 1 in c")
FORMAL_FILL_FALSE = Statement.identity(yfill(i), yzero(i) + C_FILL * sp.Sum(sp.conjugate(wq(t)), (t, 0, K - 1)),
                                       definitions=DEFS_F)

correlate1d_fill_eq_zero_fill_add_outside_taps = sc.Theorem(
    "correlate1d_fill_eq_zero_fill_add_outside_taps",
    "The correlation with a constant fill c (SciPy's boundary='fill') is the zero-fill correlation plus c times the "
    "sum of the (conjugated) kernel taps that fall outside the signal at each output.",
    claims="verified",
    latex=r"\sum_{t=0}^{k-1} \overline{w_t}\, x^{(c)}_{i+t} = \sum_{t=0}^{k-1} \overline{w_t}\, x^{(0)}_{i+t}"
          r" + c \sum_{t:\ i+t \notin [0, n)} \overline{w_t}",
    formal=FORMAL_FILL,
    exact=_exact_fill, n_range=(1, 8),
    numeric=_numeric_fill, numeric_sizes=(1, 2, 5, 8), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "correlate1d_fill_eq_zero_fill_add_kernel_sum", "The fill c adds c times the whole kernel sum to every output.",
        exact=lambda n_: _exact_fill(n_, whole_kernel=True, generic=False), n_range=(1, 3)),
        sc.FalseVariant(
            "fill_window_eq_zero_fill_add_kernel_sum", "A window with fill c is the zero-fill window plus c times "
            "the whole kernel sum (stated formally).", formal=FORMAL_FILL_FALSE)],
)


# ---- 3. 'symmetric' padding ---------------------------------------------------------------------------

def _half_sample(e, n_):
    """x's half-sample (symmetric) extension, period 2n: the index read at e."""
    r = e % (2 * n_)
    return r if r < n_ else 2 * n_ - 1 - r


def _whole_sample(e, n_):
    """x's whole-sample reflection x[-i] = x[i], period 2n - 2 (the false claim)."""
    if n_ == 1:
        return 0
    r = e % (2 * n_ - 2)
    return r if r < n_ else 2 * n_ - 2 - r


def _exact_symmetric(n_, index=_half_sample, generic=True):
    """For k = 1..n+2, paddings 'full', 'same' (both conventions), p = 0..k, strides 1, 2 and dilations 1, 2 (not
    for 'same'): correlate1d(x, w, mode='symmetric') and convolve1d read x at the half-sample extension."""
    xv = _data(n_, 1, generic)[0]
    checked = 0
    for k_ in range(1, n_ + 3):
        wv = _data(n_, k_, generic)[1]
        cw = [sp.conjugate(q) for q in wv]
        for padding, conv in [("full", "numpy"), ("same", "numpy"), ("same", "torch")] + \
                [(p, "numpy") for p in range(k_ + 1)]:
            for s, d in STRIDE_DILATION:
                if padding == "same" and (s, d) != (1, 1):
                    continue
                before, after = _before(padding, k_, d, conv), _after(padding, k_, d, conv)
                size = (n_ + before + after - d * (k_ - 1) - 1) // s + 1
                if size < 1:
                    continue
                what = f"k={k_}, padding {padding!r} ({conv}), stride {s}, dilation {d}"
                y = correlate1d(xv, wv, padding, "symmetric", s, d, same_convention=conv, conjugate=True)
                want = [sp.Add(*[cw[q] * xv[index(r * s + q * d - before, n_)] for q in range(k_)]) for r in range(size)]
                bad = _diff(y, want, what + ": correlate1d(x, w, mode='symmetric')")
                if bad:
                    return sc.Counterexample(n_, bad + ("" if generic else f"; x = {xv}, w = {wv}"))
                y = convolve1d(xv, wv, padding, "symmetric", s, d, same_convention=conv)
                want = [sp.Add(*[wv[k_ - 1 - q] * xv[index(r * s + q * d - before, n_)] for q in range(k_)])
                        for r in range(size)]
                bad = _diff(y, want, what + ": convolve1d(x, w, mode='symmetric')")
                if bad:
                    return sc.Counterexample(n_, bad + ("" if generic else f"; x = {xv}, w = {wv}"))
                checked += 1
    if n_ <= 4:
        bad = _diff_2d(n_, n_ + 2, "symmetric", 0, index, generic)
        if bad:
            return sc.Counterexample(n_, bad)
    return sc.Holds(f"n={n_}, generic x and w of lengths 1..{n_ + 2}: correlate1d and convolve1d with mode "
                    f"'symmetric' read the half-sample extension (x[-1-i] = x[i], x[n+i] = x[n-1-i]) in {checked} "
                    "(kernel, padding, stride, dilation) cases, pads longer than x included"
                    + ("; 2-D correlate2d, x of shape (2, n), w of shape (2, 1..n+2), 'full' and 'same'" if n_ <= 4
                       else ""))


def _numeric_symmetric(n_, rng, dps):
    import mpmath

    with mpmath.workdps(dps):       # the mpmath half at dps digits (float64 is unaffected)
        return _numeric_symmetric_at(n_, rng, dps)


def _numeric_symmetric_at(n_, rng, dps):
    """float64: correlate2d/convolve2d with mode 'symmetric' against scipy.signal's boundary='symm' (2-D, 'full'
    and 'same', kernels shorter and longer than x), correlate1d against correlate2d's SciPy on one row; mpmath:
    correlate1d(x, w, 'full', 'symmetric') against the sum over the half-sample extension."""
    import mpmath

    from symconv.engine.numeric import to_mp_array

    err, errm = 0.0, mpmath.mpf(0)
    for k_ in sorted({max(1, n_ - 1), n_ + 2}):
        x2, w2 = rng.standard_normal((3, n_)), rng.standard_normal((2, k_))
        x, w = x2[0], w2[0]
        _signal = _scipy_signal()
        if _signal is not None:
            for mode in ("full", "same"):
                ours = (correlate2d(x2, w2, mode, "symmetric"), convolve2d(x2, w2, mode, "symmetric"))
                theirs = (_signal.correlate2d(x2, w2, mode, "symm"), _signal.convolve2d(x2, w2, mode, "symm"))
                err = max(err, *(np.abs(a - b).max() for a, b in zip(ours, theirs)))
            err = max(err, np.abs(correlate1d(x, w, "full", "symmetric")
                                  - _signal.correlate2d(x[None], w[None], "full", "symm")[0]).max())
        xm, wm = to_mp_array(x), to_mp_array(w)
        y = correlate1d(xm, wm, "full", "symmetric")
        for r in range(n_ + k_ - 1):
            errm = max(errm, abs(y[r] - sum((wm[q] * xm[_half_sample(r + q - (k_ - 1), n_)] for q in range(k_)),
                                            mpmath.mpf(0))))
    return float(err), float(errm)


xs_ = entry_function("xs_", "x")
_R = sp.Mod(j, 2 * n)
xe = sequence_function("xe", r"x^{\mathrm{symm}}")
xr = sequence_function("xr", r"x^{\mathrm{refl}}")
DEFS_S = {"xe": sp.Lambda((j,), xs_(sp.Min(_R, 2 * n - 1 - _R))),
          "xr": sp.Lambda((j,), xs_((n - 1) - sp.Abs((n - 1) - sp.Abs(j))))}
FORMAL_SYMMETRIC = (
    Statement.identity(xe(-1 - j), xe(j), definitions=DEFS_S, text="the extension read by mode 'symmetric'"),
    Statement.identity(xe(n + j), xe(n - 1 - j), definitions=DEFS_S),
    Statement.identity(_inside(j) * xe(j), _inside(j) * xs_(j), definitions=DEFS_S))

symmetric_pad_correlate_eq_half_sample_extension = sc.Theorem(
    "symmetric_pad_correlate_eq_half_sample_extension",
    "Padding mode 'symmetric' (SciPy's boundary='symm') correlates with the half-sample symmetric extension of x, "
    "x[-1-i] = x[i] and x[n+i] = x[n-1-i] (period 2n, so pads longer than x repeat it), for every padding, stride "
    "and dilation.",
    claims="verified",
    latex=r"x^{\mathrm{symm}}_{-1-i} = x^{\mathrm{symm}}_i,\quad x^{\mathrm{symm}}_{n+i} = x^{\mathrm{symm}}_{n-1-i},"
          r"\quad x^{\mathrm{symm}}_i = x_i\ (0 \le i < n)",
    formal=FORMAL_SYMMETRIC,
    exact=_exact_symmetric, n_range=(1, 8),
    numeric=_numeric_symmetric, numeric_sizes=(1, 2, 5, 8), tolerance=1e-9,
    false_variants=[sc.FalseVariant(
        "symmetric_pad_correlate_eq_whole_sample_reflection", "Padding mode 'symmetric' reads the whole-sample "
        "reflection x[-i] = x[i] (NumPy's and PyTorch's 'reflect').",
        exact=lambda n_: _exact_symmetric(n_, index=_whole_sample, generic=False), n_range=(1, 4)),
        sc.FalseVariant(
            "whole_sample_reflection_half_sample_symmetric", "The whole-sample reflection x[-i] = x[i] also satisfies "
            "x[-1-i] = x[i] (stated formally).", formal=Statement.identity(xr(-1 - j), xr(j), definitions=DEFS_S))],
)


if __name__ == "__main__":
    raise SystemExit(sc.prove_module(globals()))
