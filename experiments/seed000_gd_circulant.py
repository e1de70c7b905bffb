"""Seed 000, experiment A: gradient descent on ||WS - SW|| / ||W|| from Gaussian noise,
reproduced in NumPy and explained exactly.

    python experiments/seed000_gd_circulant.py [--n 100] [--lr 0.003] [--steps 10000] [--seed 0] [--png out/gd.png]

What symconv proves (proofs/gd_circulant.py): the penalty's zero set is exactly
the circulants, and the gradient of ||WS - SW|| is orthogonal to every
circulant.  The only other term of the gradient is a multiple of W.  So each
step multiplies the circulant component P(W) (the diagonal averages) by a
scalar: its direction never changes, and the iterates converge in direction to
P(W_0), the orthogonal projection of the starting matrix onto the circulants.
"""

from __future__ import annotations

import argparse
import json

import numpy as np


def commutator(W: np.ndarray) -> np.ndarray:
    """W S - S W with (S x)_i = x_{i-1}: (WS)_ij = W_{i,j+1}, (SW)_ij = W_{i-1,j}."""
    return np.roll(W, -1, axis=1) - np.roll(W, 1, axis=0)


def commutator_adjoint(D: np.ndarray) -> np.ndarray:
    """The adjoint map D -> D S^T - S^T D: (D S^T)_ij = D_{i,j-1}, (S^T D)_ij = D_{i+1,j}."""
    return np.roll(D, 1, axis=1) - np.roll(D, -1, axis=0)


def loss(W: np.ndarray) -> float:
    return float(np.linalg.norm(commutator(W)) / np.linalg.norm(W))


def grad(W: np.ndarray) -> np.ndarray:
    """Gradient of ||L(W)|| / ||W|| with L(W) = WS - SW."""
    D = commutator(W)
    nd, nw = np.linalg.norm(D), np.linalg.norm(W)
    return commutator_adjoint(D) / (nd * nw) - nd * W / nw**3


def circulant_projection(W: np.ndarray) -> np.ndarray:
    """Orthogonal projection onto the circulants: replace each cyclic diagonal by its mean."""
    n = W.shape[0]
    i = np.arange(n)
    c = np.array([W[(i + k) % n, i].mean() for k in range(n)])   # c_k = mean of W[i+k, i]
    return c[(i[:, None] - i[None, :]) % n]


def angle(A: np.ndarray, B: np.ndarray) -> float:
    """Angle in degrees between two matrices (Frobenius inner product)."""
    cos = float(np.sum(A * B) / (np.linalg.norm(A) * np.linalg.norm(B)))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


def run(n: int = 100, lr: float = 0.003, steps: int = 10000, seed: int = 0, snapshot_every: int = 100) -> dict:
    """Run the seed's gradient descent; return losses, snapshots and the measured angles."""
    rng = np.random.default_rng(seed)
    W = rng.standard_normal((n, n))
    W /= np.linalg.norm(W)
    P0 = circulant_projection(W)
    losses, snaps = [loss(W)], [W.copy()]
    for step in range(1, steps + 1):
        W = W - lr * grad(W)
        if step % snapshot_every == 0 or step == steps:
            losses.append(loss(W))
            snaps.append(W.copy())
    return {
        "n": n, "lr": lr, "steps": steps, "seed": seed,
        "loss_start": losses[0], "loss_end": losses[-1], "losses": losses, "snapshots": snaps,
        "angle_W_end_vs_projection_of_W0_deg": angle(W, P0),
        "angle_projection_W_end_vs_projection_W0_deg": angle(circulant_projection(W), P0),
        "non_circulant_fraction_end": float(np.linalg.norm(W - circulant_projection(W)) / np.linalg.norm(W)),
        "non_circulant_fraction_start": float(np.linalg.norm(snaps[0] - P0) / np.linalg.norm(snaps[0])),
        "W_end": W, "P0": P0,
    }


def save_pictures(res: dict, png: str, gif: str | None = None) -> list[str]:
    """The seed's heatmap of W over the iterations (start, middle, end, and P(W_0)); optional GIF."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    snaps = res["snapshots"]
    picks = [0, len(snaps) // 10, len(snaps) // 2, len(snaps) - 1]
    fig, axes = plt.subplots(1, 5, figsize=(16, 3.4))
    for ax, q in zip(axes, picks):
        ax.imshow(snaps[q], cmap="RdBu_r", vmin=-0.03, vmax=0.03)
        ax.set_title(f"step {min(q * (res['steps'] // max(1, len(snaps) - 1)), res['steps'])}")
        ax.axis("off")
    scale = np.linalg.norm(snaps[-1]) / np.linalg.norm(res["P0"])
    axes[4].imshow(res["P0"] * scale, cmap="RdBu_r", vmin=-0.03, vmax=0.03)
    axes[4].set_title("P(W_0), rescaled")
    axes[4].axis("off")
    fig.suptitle(f"GD on ||WS-SW||/||W||, n={res['n']}, lr={res['lr']}: angle(W_end, P(W_0)) = "
                 f"{res['angle_W_end_vs_projection_of_W0_deg']:.3f} deg")
    fig.tight_layout()
    import os
    os.makedirs(os.path.dirname(png) or ".", exist_ok=True)
    fig.savefig(png, dpi=90)
    plt.close(fig)
    out = [png]
    if gif:
        from matplotlib.animation import FuncAnimation, PillowWriter
        fig, ax = plt.subplots(figsize=(4, 4))
        im = ax.imshow(snaps[0], cmap="RdBu_r", vmin=-0.03, vmax=0.03)
        ax.axis("off")
        anim = FuncAnimation(fig, lambda q: [im.set_data(snaps[q])], frames=len(snaps))
        anim.save(gif, writer=PillowWriter(fps=10))
        plt.close(fig)
        out.append(gif)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--lr", type=float, default=0.003)
    ap.add_argument("--steps", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--png", default="out/gd_circulant.png")
    ap.add_argument("--gif", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = run(args.n, args.lr, args.steps, args.seed)
    summary = {k: v for k, v in res.items() if k not in ("snapshots", "losses", "W_end", "P0")}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"seed 000, experiment A (n={args.n}, lr={args.lr}, {args.steps} steps, seed {args.seed})")
        print(f"  loss ||WS-SW||/||W||:            {res['loss_start']:.4f} -> {res['loss_end']:.2e}")
        print(f"  non-circulant part of W:          {res['non_circulant_fraction_start']:.4f} -> "
              f"{res['non_circulant_fraction_end']:.2e}  (relative norm)")
        print(f"  angle(W_end, P(W_0)):             {res['angle_W_end_vs_projection_of_W0_deg']:.4f} deg")
        print(f"  angle(P(W_end), P(W_0)):          {res['angle_projection_W_end_vs_projection_W0_deg']:.2e} deg"
              "   (exactly 0 in exact arithmetic: proofs/gd_circulant.py)")
    try:
        for f in save_pictures(res, args.png, args.gif):
            print(f"  wrote {f}")
    except ImportError:
        print("  matplotlib not installed: no picture (pip install matplotlib)")


if __name__ == "__main__":
    main()
