"""experiments/seed000_stacked_kernels.py trains with its circular shifts as slices of a wrapped copy:
bit-for-bit the run of the plain np.roll version (the seed's layers), kept here as the reference."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "experiments"))
import seed000_stacked_kernels as B  # noqa: E402


def _reference_train(layers, epochs, lr, n, samples, seed, log_every):
    rng = np.random.default_rng(seed)
    x, y = B.make_data(B.target_kernel(), n, samples, rng)
    ws = [rng.uniform(-1, 1, 3).astype(np.float32) for _ in range(layers)]
    m = [np.zeros(3, np.float32) for _ in ws]
    v = [np.zeros(3, np.float32) for _ in ws]
    log = []
    for epoch in range(1, epochs + 1):
        hs = [x]
        for w in ws:
            hs.append(B.correlate_cyclic(w, hs[-1]))
        r = hs[-1] - y
        loss = float(np.mean(r * r))
        g = (2.0 / r.size) * r
        grads = [None] * layers
        for q in range(layers - 1, -1, -1):
            grads[q] = np.array([np.sum(g * np.roll(hs[q], -t, axis=1)) for t in range(3)], dtype=np.float32)
            g = sum(ws[q][t] * np.roll(g, t, axis=1) for t in range(3))
        for q in range(layers):
            ws[q], m[q], v[q] = B.adam_step(ws[q], m[q], v[q], grads[q], epoch, lr)   # the update is shared
        if epoch % log_every == 0 or epoch == 1:
            log.append((epoch, loss))
    return [w.astype(float).tolist() for w in ws], log


@pytest.mark.parametrize("layers,n,samples,seed", [(7, 11, 20, 0), (3, 5, 7, 4), (2, 3, 4, 1)])
def test_training_is_bit_for_bit_the_np_roll_run(layers, n, samples, seed):
    got = B.train(layers=layers, epochs=40, lr=0.2, n=n, samples=samples, seed=seed, log_every=7)
    weights, log = _reference_train(layers, 40, 0.2, n, samples, seed, 7)
    assert got["weights"] == weights
    assert got["log"] == log
    assert len(log) == 1 + 40 // 7
