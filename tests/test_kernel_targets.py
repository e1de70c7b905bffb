"""benchmarks/kernel_targets.py follows the shared benchmark interface; a failed run is NaN and not met."""

import importlib.util
import math
import pathlib
import random


def _bench():
    path = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "kernel_targets.py"
    spec = importlib.util.spec_from_file_location("kernel_targets", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_factor_target_measures_in_a_child_and_fails_as_nan():
    bench = _bench()
    ok = bench._factor_target(8, 30.0, "x", 120.0)
    assert set(ok) == {"target", "limit", "unit", "measured", "replaces", "met", "note"}
    assert 0 <= ok["measured"] < 30 and ok["met"] is True and "CPU time" in ok["note"]
    bad = bench._factor_target(512, 20.0, "x", 0.01)             # cannot finish in 10 ms
    assert math.isnan(bad["measured"]) and bad["met"] is False and "failed" in bad["note"]


def test_stack_target_compares_with_flint_tree():
    bench = _bench()
    rnd = random.Random(0)
    ks = [[rnd.randint(-9, 9) for _ in range(3)] for _ in range(37)]
    from symconv.objects.kernels import stack
    assert bench.flint_product_tree(ks) == stack(ks)[:len(bench.flint_product_tree(ks))]
    row = bench._stack_target(repeats=1)
    assert row["unit"] == "x" and row["measured"] > 0 and row["met"] == (row["measured"] <= 1.5)
