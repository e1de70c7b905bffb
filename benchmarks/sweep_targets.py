"""`symconv sweep` on a Dask LocalCluster of 2 workers against the same sweep run serially, in the same run.

    python benchmarks/sweep_targets.py [N]      # dft_diagonalizes_circulant for n = 1..N (default 2048, the issue's range)

The speed-up is serial wall time / cluster wall time (cluster start-up included); the two results must
be identical (their JSON form), or the figure is not reported."""

from __future__ import annotations

import logging
import sys
import time

THEOREM = "dft_diagonalizes_circulant"


def measure(n_max: int = 2048, block: int = 64) -> tuple[float, float, bool]:
    import dask
    from dask.distributed import Client, LocalCluster

    from symconv.sweep import WORKER_CONFIG, sweep_theorem

    start = time.monotonic()
    serial = sweep_theorem(THEOREM, n_max, block=block)
    t_serial = time.monotonic() - start
    start = time.monotonic()
    with dask.config.set(WORKER_CONFIG), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        dist = sweep_theorem(THEOREM, n_max, block=block, client=client)
    t_dist = time.monotonic() - start
    return t_serial, t_dist, serial.as_dict() == dist.as_dict() and serial.verdict == "verified"


def targets(n_max: int = 2048) -> list[dict]:
    t_serial, t_dist, same = measure(n_max)
    speedup = t_serial / t_dist if same else float("nan")
    return [{"target": f"sweep {THEOREM} n=1..{n_max}: LocalCluster(2) speed-up", "limit": 1.5, "unit": "x",
             "better": "higher", "measured": speedup, "replaces": "no sweep", "met": speedup >= 1.5,
             "note": f"serial {t_serial:.1f} s, 2 workers {t_dist:.1f} s, results identical: {same}"}]


if __name__ == "__main__":
    for r in targets(int(sys.argv[1]) if len(sys.argv) > 1 else 2048):
        print(r)
