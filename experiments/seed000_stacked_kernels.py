"""Seed 000, experiment B: seven stacked size-3 circular cross-correlation layers trained to
match a size-9 target kernel, reproduced in NumPy (hand-written gradients, Adam) and compared
with symconv's exact factorisation.

    python experiments/seed000_stacked_kernels.py [--epochs 1700] [--lr 0.2] [--samples 3000] [--seed 0]

The target is the degree-8 polynomial with Chebyshev coefficients [-1, 0, -2, 0, 1, 0, 1, 2, 3].
Its data are y = circ(c)^T x, i.e. y_i = sum_t c_t x_{i+t}: a circular cross-correlation, like
the layers (Flux's CrossCor after cyclic padding).  Stacked cross-correlations are the
cross-correlation with the convolution of their kernels, so the stack's polynomial is the
product of the layers' polynomials, as the seed computes.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
import sympy as sp

CHEBYSHEV = [-1, 0, -2, 0, 1, 0, 1, 2, 3]


def target_kernel() -> list[int]:
    """Power-basis coefficients of sum_k CHEBYSHEV[k] T_k(x), lowest first (exact)."""
    x = sp.Symbol("x")
    p = sp.Poly(sum(c * sp.chebyshevt(k, x) for k, c in enumerate(CHEBYSHEV)), x)
    return [int(c) for c in reversed(p.all_coeffs())]


def correlate_cyclic(w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """out[:, i] = sum_t w[t] h[:, i + t mod n] (pad_cycl(l=0, r=2) then CrossCor)."""
    return sum(w[t] * np.roll(h, -t, axis=1) for t in range(len(w)))


def make_data(kernel, n: int, samples: int, rng) -> tuple[np.ndarray, np.ndarray]:
    x = rng.standard_normal((samples, n)).astype(np.float32)
    return x, correlate_cyclic(np.asarray(kernel, dtype=np.float32), x).astype(np.float32)


def train(layers: int = 7, epochs: int = 1700, lr: float = 0.2, n: int = 100, samples: int = 3000,
          seed: int = 0, log_every: int = 50) -> dict:
    """Full-batch Adam on the MSE, as the seed's Flux code (glorot-uniform init = U(-1, 1) here)."""
    rng = np.random.default_rng(seed)
    c = target_kernel()
    x, y = make_data(c, n, samples, rng)
    ws = [rng.uniform(-1, 1, 3).astype(np.float32) for _ in range(layers)]
    m = [np.zeros(3, np.float32) for _ in ws]
    v = [np.zeros(3, np.float32) for _ in ws]
    log = []
    K = 3
    for epoch in range(1, epochs + 1):
        # the circular shifts as slices of a wrapped copy (the same values and the same sums, in the
        # same order, as np.roll: the run is bit-for-bit the one with np.roll, in about 2/3 of the time)
        hs, wrapped = [x], []
        for w in ws:
            hp = np.concatenate([hs[-1], hs[-1][:, :K - 1]], axis=1)      # column i + t (mod n) at i + t
            wrapped.append(hp)
            out = 0
            for t in range(K):
                out = out + w[t] * hp[:, t:t + n]
            hs.append(out)
        r = hs[-1] - y
        loss = float(np.mean(r * r))
        g = (2.0 / r.size) * r
        grads = [None] * layers
        for q in range(layers - 1, -1, -1):
            hp = wrapped[q]
            grads[q] = np.array([np.sum(g * hp[:, t:t + n]) for t in range(K)], dtype=np.float32)
            gp = np.concatenate([g[:, n - K + 1:], g], axis=1)               # column i - t (mod n) at K-1-t+i
            back = 0
            for t in range(K):
                back = back + ws[q][t] * gp[:, K - 1 - t:K - 1 - t + n]
            g = back
        for q in range(layers):
            ws[q], m[q], v[q] = adam_step(ws[q], m[q], v[q], grads[q], epoch, lr)
        if epoch % log_every == 0 or epoch == 1:
            log.append((epoch, loss))
    final = float(np.mean((correlate_all(ws, x) - y) ** 2))
    return {"weights": [w.astype(float).tolist() for w in ws], "log": log, "final_loss": final,
            "target": c, "layers": layers, "epochs": epochs, "lr": lr, "n": n, "samples": samples, "seed": seed}


def adam_step(w, m, v, grad, epoch: int, lr: float, b1: float = 0.9, b2: float = 0.999, eps: float = 1e-8):
    """One Adam update of the weights w with moments m, v (Flux's defaults): (w, m, v) after it."""
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * grad ** 2
    mh, vh = m / (1 - b1 ** epoch), v / (1 - b2 ** epoch)
    return w - lr * mh / (np.sqrt(vh) + eps), m, v


def correlate_all(ws, x):
    for w in ws:
        x = correlate_cyclic(w, x)
    return x


def compare(res: dict, dps: int = 50) -> dict:
    """The trained stack, the target and symconv's exact factorisation, as kernels/polynomials."""
    from symconv.objects.factorize import factor_into_size3
    from symconv.objects.kernels import stack

    trained = stack([[float(v) for v in w] for w in res["weights"]])
    target = res["target"] + [0] * (len(trained) - len(res["target"]))
    t = np.array(target, dtype=float)
    rel = float(np.linalg.norm(np.array(trained) - t) / np.linalg.norm(t))
    exact = factor_into_size3(res["target"], layers=res["layers"], dps=dps)
    xs = np.linspace(-1, 1, 401)
    pt, pp = np.polyval(t[::-1], xs), np.polyval(np.array(trained)[::-1], xs)
    return {"trained_kernel": trained, "target_kernel": target, "trained_relative_error": rel,
            "trained_max_abs_on_[-1,1]": float(np.abs(pp - pt).max()),
            "exact_factors": [[str(c) for c in f] for f in exact.factors],
            "exact_relative_error": exact.reconstruction_error / float(np.abs(t).max()),
            "exact_is_rational": exact.exact, "factorisations_up_to_scaling": exact.count_unordered,
            "explanation": exact.explanation}


def audit(res: dict, cmp_: dict) -> list[tuple[str, str, str]]:
    """Seed 000's quantitative statements about the two experiments, checked."""
    L = res["layers"]
    rows = [
        ("'the kernel size of this convolution is 9' (length(target.coeffs))",
         "holds" if len(res["target"]) == 9 else "refuted", f"{len(res['target'])} coefficients"),
        (f"'a network with {L} convolutional layers with kernels of size 3' can express the size-9 target",
         "holds", f"exactly: 4 size-3 factors and {L - 4} identity layers (receptive field {2 * L + 1} >= 9)"),
        ("'By stacking convolutions with kernel of size 3, we obtained a network with a receptive field of size 9'",
         "refuted" if 2 * L + 1 != 9 else "holds",
         f"{L} stacked size-3 layers see {L}*(3-1)+1 = {2 * L + 1} inputs; 4 layers would see 9"),
        ("'if both a and b have a support of size k, then a (*) b has a support of size 2k-1'",
         "holds", "for linear convolution (theorem conv_support_span); circularly only while 2k-1 <= n"),
        ("'stacking convolutional layers is equivalent to multiplication of the associated polynomials'",
         "holds", "theorems kernel_poly_mul_eq_conv and circular_poly_eq_mod (mod x^n - 1)"),
        ("'By stacking convolutional layers with kernel of size 3, we should be able to approximate any polynomial'",
         "holds", "more than approximately: every real polynomial of degree <= 2L is exactly a stack of L "
                  "size-3 layers (real_kernel_factors_into_size3)"),
        ("'we get a pretty good approximation of our target polynomial'",
         "holds" if cmp_["trained_relative_error"] < 0.05 else "refuted",
         f"relative coefficient error {cmp_['trained_relative_error']:.2e} after {res['epochs']} epochs "
         f"(exact factorisation: {cmp_['exact_relative_error']:.1e})"),
        ("the layers are 'convolutions' (CrossCor in the code) and the stack's polynomial is the product of "
         "the weights' polynomials", "holds",
         "the data y = Circulant^T x is a cross-correlation too, and stacked cross-correlations correlate with "
         "the convolution of their kernels"),
    ]
    return rows


def save_picture(res: dict, cmp_: dict, png: str) -> str:
    import os

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = np.linspace(-1, 1, 401)
    t, p = np.array(cmp_["target_kernel"], float), np.array(cmp_["trained_kernel"], float)
    fig, axes = plt.subplots(1, 3, figsize=(15, 3.8))
    axes[0].plot(xs, np.polyval(t[::-1], xs), label="target")
    axes[0].plot(xs, np.polyval(p[::-1], xs), "--", label="trained stack")
    axes[0].set_ylim(-10, 10)
    axes[0].set_title("polynomials on [-1, 1]")
    axes[0].legend()
    axes[1].stem(range(len(t)), t, linefmt="C0-", markerfmt="C0o", basefmt=" ", label="target")
    axes[1].plot(range(len(p)), p, "C1x", label="trained stack")
    axes[1].set_title("kernels (15 taps)")
    axes[1].legend()
    ep, ls = zip(*res["log"])
    axes[2].semilogy(ep, ls)
    axes[2].set_title("training loss (MSE)")
    axes[2].set_xlabel("epoch")
    fig.tight_layout()
    os.makedirs(os.path.dirname(png) or ".", exist_ok=True)
    fig.savefig(png, dpi=90)
    plt.close(fig)
    return png


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layers", type=int, default=7)
    ap.add_argument("--epochs", type=int, default=1700)
    ap.add_argument("--lr", type=float, default=0.2)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--samples", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--png", default="out/stacked_kernels.png")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = train(args.layers, args.epochs, args.lr, args.n, args.samples, args.seed)
    cmp_ = compare(res)
    rows = audit(res, cmp_)
    if args.json:
        print(json.dumps({"train": {k: v for k, v in res.items() if k != "log"}, "compare": cmp_,
                          "audit": rows}, indent=2, default=str))
        return
    print(f"seed 000, experiment B ({args.layers} size-3 layers, Adam lr {args.lr}, {args.epochs} epochs, "
          f"{args.samples} samples of length {args.n}, seed {args.seed})")
    print(f"  target kernel (exact):       {res['target']}")
    print(f"  trained stack (15 taps):     {[round(v, 3) for v in cmp_['trained_kernel']]}")
    print(f"  final training loss (MSE):   {res['final_loss']:.3e} (lowest logged: "
          f"{min(l for _, l in res['log']):.3e}; Adam at lr 0.2 oscillates)")
    print(f"  trained vs target:           relative coefficient error {cmp_['trained_relative_error']:.3e}, "
          f"max |P_trained - P_target| on [-1,1] = {cmp_['trained_max_abs_on_[-1,1]']:.3e}")
    print(f"  symconv exact factorisation: relative error {cmp_['exact_relative_error']:.1e} "
          f"({'rational' if cmp_['exact_is_rational'] else 'mpmath, 50 digits'}); "
          f"{cmp_['factorisations_up_to_scaling']} distinct factorisations up to scaling")
    for f in cmp_["exact_factors"]:
        print(f"      {[c[:12] for c in f]}")
    print(f"  why: {cmp_['explanation']}")
    print("\n  audit of seed 000's statements")
    for claim, verdict, value in rows:
        print(f"  [{verdict:>7}] {claim}\n            {value}")
    try:
        print(f"\n  wrote {save_picture(res, cmp_, args.png)}")
    except ImportError:
        print("\n  matplotlib not installed: no picture (pip install matplotlib)")


if __name__ == "__main__":
    main()
