"""The import probe (symconv.engine.probe): one forked child imports the scripts in order, ahead of this
process; a script is imported here only after the child imported it within its budget and found something."""

import sys

import pytest

from symconv.engine.catalog import LoadError, load_theorems

GOOD = (  # a script that loads (its theorem is never run here)
    "import symconv as sc\n"
    "from symconv.engine.statement import Statement\n"
    "from symconv.objects.indexed import S, i, j\n"
    "t_{k} = sc.Theorem('probe_good_{k}', 'S = S^T.', claims='verified', formal=Statement.identity(S(i, j), S(j, i)),"
    " exact=lambda n: sc.Holds('ok'), n_range=(1, 1),"
    " false_variants=[sc.FalseVariant('v', 'v', exact=lambda n: sc.Counterexample(n, 'x'))])\n")


def _write(tmp_path, scripts):
    for name, text in scripts.items():
        (tmp_path / name).write_text(text)


def _imported_here(name):
    return any(key.startswith(f"symconv_proofs_{name}_") for key in sys.modules)


def test_good_scripts_load_in_order(tmp_path):
    _write(tmp_path, {f"s{k}.py": GOOD.format(k=k) for k in range(3)})
    names = [t.name for t in load_theorems([tmp_path], import_budget=30)]
    assert names == ["probe_good_0", "probe_good_1", "probe_good_2"]


@pytest.mark.parametrize("body,message", [
    ("import itertools\nsum(itertools.repeat(0))\n", "b.py did not finish within 1 s"),     # stuck in C code
    ("import time\nwhile True:\n    time.sleep(0.01)\n", "b.py did not finish within 1 s"),  # stuck in Python
    ("raise SystemExit(0)\n", "raised SystemExit: 0 at import"),
    ("import os\nos._exit(0)\n", "b.py: the import ended the process"),
    ("x = 1\n", "b.py defines no theorems"),
])
def test_a_bad_script_stops_the_load_and_is_never_imported_here(tmp_path, body, message):
    _write(tmp_path, {"a.py": GOOD.format(k="a"), "b.py": body, "c.py": GOOD.format(k="c")})
    with pytest.raises(LoadError, match=message.replace(".", r"\.")):
        load_theorems([tmp_path], import_budget=1)
    assert not _imported_here("b") and not _imported_here("c")
