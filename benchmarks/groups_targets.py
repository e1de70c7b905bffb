"""Benchmark targets of issue 12 (equivariance to finite groups), in the shared interface of issue 13:
``targets()`` returns one dict per target, measured in this run.

Target: the exact equivariant basis (``equivariant_basis``, union-find over index pairs) for at least
10^6 index pairs |X||Y| in at most 5 s, for p4 on the n x n torus and S_n on pairs, where the dense
float SVD of the constraint matrix (EMLP's method) cannot even be formed: at 10^6 pairs it has
(generators x 10^6) x 10^6 entries.  Times are CPU seconds of this process (``time.process_time``),
best of 3.

``python benchmarks/groups_targets.py`` prints the targets; ``--table`` also prints the side-by-side
table (exact basis against the float SVD nullspace, where the SVD can be formed) for |X| = 16 .. 4096,
in wall-clock seconds (the SVD runs on every BLAS thread, so CPU time would overstate it).
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np

from symconv.objects.groups import p4_action, symmetric_pairs_action
from symconv.objects.orbit_basis import equivariant_basis

LIMIT_S = 5.0
#: the largest constraint matrix (entries) for which the float SVD is attempted in the table
SVD_MAX_ENTRIES = 3.2e7


def _best_of(fn, repeat: int = 3, clock=time.process_time) -> tuple[float, object]:
    best, out = math.inf, None
    for _ in range(repeat):
        t = clock()
        out = fn()
        best = min(best, clock() - t)
    return best, out


def _target(make, n: int, label: str) -> dict:
    action = make(n)
    pairs = action.degree ** 2
    try:
        secs, B = _best_of(lambda: equivariant_basis(make(n)))     # the action's construction included
        detail = f"dimension {B.dim}"
    except Exception as exc:          # a failed run is NaN and not met, never a pass
        secs, detail = float("nan"), f"failed: {type(exc).__name__}: {exc}"
    entries = len(action.generators) * pairs * pairs
    return {"target": f"exact equivariant basis, {label} (|X||Y| = {pairs:,} index pairs; {detail})",
            "limit": LIMIT_S, "unit": "s", "measured": round(secs, 3) if secs == secs else secs,
            "replaces": f"EMLP's float SVD: about 17 s for a 10^4-dimensional basis, and out of reach past about "
                        f"3e7 constraint entries (here {entries:.1e})",
            "met": bool(secs == secs and secs <= LIMIT_S)}


def targets() -> list[dict]:
    return [_target(p4_action, 32, "p4 on the 32x32 torus"),
            _target(symmetric_pairs_action, 32, "S_32 on pairs (32x32 matrices)")]


def svd_basis_dim(action, tol: float = 1e-9) -> int:
    """EMLP's way: the float nullspace of the stacked constraints W P(g) - P(g) W = 0, by a dense SVD."""
    N = action.degree
    I = np.eye(N)
    C = np.vstack([np.kron(action.matrix(k).T.astype(float), I) - np.kron(I, action.matrix(k).astype(float))
                   for k in range(len(action.generators))])
    s = np.linalg.svd(C, compute_uv=False)
    return N * N - int((s > tol * s.max()).sum())


def table() -> list[dict]:
    rows = []
    for make, sizes, name in ((p4_action, (4, 6, 8, 16, 32, 64), "p4 on the {0}x{0} torus"),
                              (symmetric_pairs_action, (4, 6, 8, 16, 32, 64), "S_{0} on pairs")):
        for n in sizes:
            A = make(n)
            repeat = 1 if A.degree >= 4096 else 3
            t_exact, B = _best_of(lambda: equivariant_basis(A), repeat, time.perf_counter)
            entries = len(A.generators) * A.degree ** 4
            if entries <= SVD_MAX_ENTRIES:
                t_svd, d_svd = _best_of(lambda: svd_basis_dim(A), 1, time.perf_counter)
                svd = (round(t_svd, 3), d_svd)
            else:
                svd = None
            rows.append({"action": name.format(n), "|X|": A.degree, "pairs": A.degree ** 2, "dim": B.dim,
                         "exact_s": round(t_exact, 4), "svd_s": svd[0] if svd else None,
                         "svd_dim": svd[1] if svd else None,
                         "ratio": round(svd[0] / t_exact, 1) if svd and t_exact > 0 else None,
                         "svd_entries": entries})
    return rows


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", action="store_true", help="also the exact-vs-SVD table for |X| = 16..4096")
    args = ap.parse_args()
    for t in targets():
        print(t)
    if args.table:
        print("| action | |X| | index pairs | dim | exact (s) | SVD (s) | SVD dim | SVD / exact |")
        print("|---|---|---|---|---|---|---|---|")
        for r in table():
            svd = (f"{r['svd_s']} | {r['svd_dim']} | {r['ratio']}x" if r["svd_s"] is not None
                   else f"- | - | not formed ({r['svd_entries']:.1e} entries)")
            print(f"| {r['action']} | {r['|X|']:,} | {r['pairs']:,} | {r['dim']} | {r['exact_s']} | {svd} |")
