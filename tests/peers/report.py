"""Run the peer suites and print, per suite, the cases run, passed and unsupported (the README table).

    PYTHONPATH=. python tests/peers/report.py        # exit status 1 if a supported case fails,
                                                     # an unsupported entry names no case, or more
                                                     # than 10 % of all cases are unsupported
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SUITES = {"numpy": "NumPy `TestConvolve`, `TestCorrelate`",
          "scipy_signal": "scipy.signal `TestConvolve`, `TestConvolve2d`, `TestCorrelate*`",
          "scipy_linalg": "scipy.linalg `TestToeplitz`, `TestCirculant`, `TestConvolutionMatrix`",
          "sympy": "sympy.discrete `test_convolutions` (convolution, _int, _fft)"}


class Counter:
    def __init__(self):
        self.counts = collections.defaultdict(collections.Counter)
        self.keys = set()

    def pytest_collection_modifyitems(self, items):
        sys.path.insert(0, str(HERE))
        from conftest import case_key

        for item in items:
            suite, base, full = case_key(item)
            self.keys |= {(suite, base), (suite, full)}

    def pytest_runtest_logreport(self, report):
        suite = Path(report.nodeid.split("::")[0]).stem.removeprefix("test_peer_")
        if suite not in SUITES:
            return
        c = self.counts[suite]
        if report.when == "setup" and report.skipped:
            c["unsupported" if "unsupported by design" in str(report.longrepr) else "skipped"] += 1
        elif report.when == "call":
            c["passed" if report.passed else "failed"] += 1
        elif report.failed:
            c["failed"] += 1


def main() -> int:
    counter = Counter()
    code = pytest.main(["-q", "-p", "no:randomly", "-p", "no:xdist", str(HERE)], plugins=[counter])
    sys.path.insert(0, str(HERE))
    from conftest import load_unsupported

    stale = [(s, k) for s, cases in load_unsupported().items() for k in cases if (s, k) not in counter.keys]
    print("\n| suite (installed version) | run | passed | unsupported | failed |\n|---|---|---|---|---|")
    total = collections.Counter()
    for suite, label in SUITES.items():
        c = counter.counts[suite]
        cases = c["passed"] + c["failed"] + c["unsupported"]
        total.update({"cases": cases, **c})
        print(f"| {label} | {c['passed'] + c['failed']} | {c['passed']} | {c['unsupported']} | {c['failed']} |")
    frac = total["unsupported"] / max(total["cases"], 1)
    print(f"| all | {total['passed'] + total['failed']} | {total['passed']} | {total['unsupported']} "
          f"({100 * frac:.1f} %) | {total['failed']} |")
    if stale:
        print("unsupported.toml entries that name no collected case:", stale)
    return int(code != 0 or bool(stale) or frac > 0.10 or total["failed"] > 0)


if __name__ == "__main__":
    sys.exit(main())
