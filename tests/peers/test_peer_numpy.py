"""NumPy's own TestConvolve and TestCorrelate (numpy/_core/tests/test_numeric.py, as installed), with
np.convolve and np.correlate replaced by symconv's convolve1d and correlate1d inside that module."""

import numpy as np
import pytest

from . import adapters
from ._patch import Proxy, import_peer, twins

peer = import_peer("numpy._core.tests.test_numeric")


@pytest.fixture(autouse=True)
def _symconv_twins(monkeypatch):
    with twins(monkeypatch, peer, np=Proxy(np, convolve=adapters.np_convolve, correlate=adapters.np_correlate)):
        yield


class TestConvolve(peer.TestConvolve):
    pass


class TestCorrelate(peer.TestCorrelate):
    pass
