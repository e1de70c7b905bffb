"""symconv sweep: n-blocks here and on a Dask LocalCluster give the same result and exit code."""

import json
import subprocess
import sys

import pytest

from symconv.cli import EXIT_OK, EXIT_REFUTED, EXIT_UNDECIDED, EXIT_USAGE, main
from symconv.sweep import WORKER_CONFIG, sweep_blocks, sweep_theorem as sweep

SCRIPT = '''
import symconv as sc
from symconv.engine.statement import Statement
from symconv.objects.indexed import S, i, j, n

def _until_7(n_):
    return sc.Counterexample(n_, "fails from 7 on") if n_ >= 7 else sc.Holds(f"held at {n_}")

def _raises_at_5(n_):
    if n_ == 5:
        raise ArithmeticError("broken at 5")
    return sc.Holds(f"held at {n_}")

def _none_at_4(n_):
    return None if n_ == 4 else sc.Holds("ok")

_v = [sc.FalseVariant("v", "v", exact=lambda n_: sc.Counterexample(n_, "x"))]
holds_until_7 = sc.Theorem("holds_until_7", "x.", claims="verified", formal=Statement.identity(S(i + n, j), S(i, j)),
                           exact=_until_7, n_range=(1, 3), false_variants=_v)
raises_at_5 = sc.Theorem("raises_at_5", "x.", claims="verified", formal=Statement.identity(S(i + n, j), S(i, j)),
                         exact=_raises_at_5, n_range=(1, 3), false_variants=_v)
none_at_4 = sc.Theorem("none_at_4", "x.", claims="verified", formal=Statement.identity(S(i + n, j), S(i, j)),
                       exact=_none_at_4, n_range=(2, 3), false_variants=_v)
'''


@pytest.fixture(scope="module")
def script(tmp_path_factory):
    p = tmp_path_factory.mktemp("sweep") / "sweepable.py"
    p.write_text(SCRIPT)
    return str(p)


def test_blocks_cover_the_range_in_order():
    assert sweep_blocks(1, 1, 5) == [(1, 1)]
    assert sweep_blocks(3, 9, 3) == [(3, 5), (6, 8), (9, 9)]
    blocks = sweep_blocks(1, 100, 7)
    assert [n for a, b in blocks for n in range(a, b + 1)] == list(range(1, 101))
    for bad, exc in (((0, 3, 1), ValueError), ((4, 3, 1), ValueError), ((1, 3, 0), ValueError),
                     ((1.0, 3, 1), TypeError), ((1, True, 1), TypeError)):
        with pytest.raises(exc):
            sweep_blocks(*bad)


def test_serial_sweep_verdicts(script):
    r = sweep("holds_until_7", 20, block=3, paths=[script])
    assert (r.verdict, r.held, r.exit_code) == ("refuted", (1, 6), 1)
    assert [(b.lo, b.hi) for b in r.blocks] == [(1, 3), (4, 6), (7, 9)]     # stops at the first failing block
    assert "n=7: fails from 7 on" in r.line() and "1..6" in r.line()
    r = sweep("raises_at_5", 9, block=2, paths=[script])
    assert (r.verdict, r.held, r.exit_code) == ("undecided", (1, 4), 3)
    assert "broken at 5" in r.detail
    r = sweep("none_at_4", 9, block=4, paths=[script])          # None is not evidence
    assert (r.verdict, r.held, r.exit_code) == ("undecided", (2, 3), 3)
    assert r.lo == 2                                              # the theorem's own range starts at 2
    r = sweep("holds_until_7", 6, block=4, paths=[script])
    assert (r.verdict, r.held, r.exit_code) == ("verified", (1, 6), 0)
    assert r.blocks[-1].evidence == "n=6: held at 6"


def test_sweep_rejects_bad_input(script):
    with pytest.raises(ValueError, match="theorem"):
        sweep("no_such_theorem", 4, paths=[script])
    with pytest.raises(TypeError, match="n_max"):
        sweep("holds_until_7", 4.5, paths=[script])
    with pytest.raises(TypeError, match="name"):
        sweep(3, 4, paths=[script])


def test_cli_sweep_one_line_and_exit_codes(script, capsys):
    assert main(["sweep", "holds_until_7", script, "--n-max", "6", "--block", "2"]) == EXIT_OK
    assert main(["sweep", "holds_until_7", script, "--n-max", "9"]) == EXIT_REFUTED
    assert main(["sweep", "raises_at_5", script, "--n-max", "9"]) == EXIT_UNDECIDED
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[0].startswith("holds_until_7: verified for every n = 1..6")
    assert main(["sweep", "no_such", script, "--n-max", "3"]) == EXIT_USAGE
    assert main(["sweep", "holds_until_7", script]) == EXIT_USAGE                # --n-max is required
    assert main(["sweep", "holds_until_7", script, "--n-max", "3", "--n-min", "0"]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(e.startswith("symconv: error:") for e in err)


def test_cli_sweep_json_validates(script, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files
    schema = json.loads(files("symconv").joinpath("schema/sweep.schema.json").read_text())
    for name in ("holds_until_7", "raises_at_5"):
        main(["sweep", name, script, "--n-max", "8", "--block", "3", "--json"])
        doc = json.loads(capsys.readouterr().out)
        jsonschema.validate(doc, schema)
    assert doc["verdict"] == "undecided" and doc["exit_code"] == 3


@pytest.fixture(scope="module")
def cluster():
    """One Dask LocalCluster of 2 single-threaded worker processes (non-daemonic, so that each block runs
    under the watchdog's child process), shared by the tests below: starting one takes seconds."""
    pytest.importorskip("distributed")
    import dask
    import logging
    from dask.distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                         silence_logs=logging.ERROR) as c:
        yield c


def test_local_cluster_gives_the_serial_result(script, cluster):
    """The blocks as tasks on a Dask LocalCluster of 2 worker processes: the same result (JSON form)
    as the serial run, for a theorem that holds, one refuted in the middle and one that raises."""
    from dask.distributed import Client

    with Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        for name, n_max in (("holds_until_7", 6), ("holds_until_7", 13), ("raises_at_5", 11), ("none_at_4", 7)):
            serial = sweep(name, n_max, block=2, paths=[script])
            dist = sweep(name, n_max, block=2, paths=[script], client=client)
            assert dist.as_dict() == serial.as_dict(), (name, n_max)
            assert all(b.watchdog for b in dist.blocks)          # non-daemonic workers: the watchdog ran


def _cli_sweep(script, *extra):
    p = subprocess.run([sys.executable, "-m", "symconv", "sweep", "holds_until_7", script, "--n-max", "13",
                        "--block", "2", "--json", *extra], capture_output=True, text=True, timeout=300)
    return p.returncode, json.loads(p.stdout)


def test_cli_dask_address_same_output_and_exit_code(script, cluster):
    """symconv sweep --dask ADDRESS (the command for a real cluster) against the running scheduler."""
    serial = _cli_sweep(script)
    assert _cli_sweep(script, "--dask", cluster.scheduler_address) == serial and serial[0] == EXIT_REFUTED


def test_cli_local_cluster_same_output_and_exit_code(script, cluster, monkeypatch, capsys):
    """--local-cluster 2 starts a LocalCluster of 2 single-threaded processes (here handed the running one,
    the same kind, so that the suite starts one cluster), runs on it, closes it: the serial output and code."""
    import copy

    import dask.config
    import dask.distributed

    asked, closed = [], []

    class Started:
        def __init__(self, **kw):
            asked.append(kw)
            self.scheduler_address = cluster.scheduler_address

        def __getattr__(self, name):
            return getattr(cluster, name)

        def close(self):
            closed.append(True)                 # the shared cluster stays up for the other tests

    monkeypatch.setattr(dask.distributed, "LocalCluster", Started)
    monkeypatch.setattr(dask.config, "config", copy.deepcopy(dask.config.config))   # the CLI sets the worker config
    code = main(["sweep", "holds_until_7", script, "--n-max", "13", "--block", "2", "--json", "--local-cluster", "2"])
    out = json.loads(capsys.readouterr().out)
    assert (code, out) == _cli_sweep(script)
    assert asked == [dict(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=asked[0]["silence_logs"])] and closed == [True]
