"""benchmarks/dft_targets.py follows the shared benchmark interface; a failed run is NaN and not met."""

import importlib.util
import math
import pathlib


def _bench():
    path = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "dft_targets.py"
    spec = importlib.util.spec_from_file_location("dft_targets", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def test_benchmark_targets_measure_in_a_child_and_fail_as_nan():
    bench = _bench()
    assert len(bench._TARGETS) == 6
    ok, bad = bench.targets([("charpoly 16", 5.0, "s", "x", "time", "charpoly", 16),
                             ("no such check", 5.0, "s", "x", "time", "nothing", 16)])
    assert set(ok) == {"target", "limit", "unit", "measured", "replaces", "met", "note"}
    assert 0 <= ok["measured"] < 5 and ok["met"] is True
    assert math.isnan(bad["measured"]) and bad["met"] is False and "failed" in bad["note"]
    assert "CPU time" in ok["note"]
