"""scipy.signal's own convolve/correlate test classes (scipy/signal/tests/test_signaltools.py, as
installed), with convolve, correlate, convolve2d and correlate2d replaced by symconv's twins
(signal_nd.convolve/correlate, layers.convolve2d/correlate2d) inside that module; the module's
``np`` stays NumPy, so its comparisons against np.convolve/np.correlate are against the real NumPy."""

import pytest

from . import adapters
from ._patch import Proxy, import_peer, twins

peer = import_peer("scipy.signal.tests.test_signaltools")

REPLACED = {"convolve": adapters.sig_convolve, "correlate": adapters.sig_correlate,
            "convolve2d": adapters.sig_convolve2d, "correlate2d": adapters.sig_correlate2d}


@pytest.fixture(autouse=True)
def _symconv_twins(monkeypatch):
    with twins(monkeypatch, peer, signal=Proxy(peer.signal, **REPLACED), **REPLACED):
        yield


class TestConvolve(peer.TestConvolve):
    pass


class TestConvolve2d(peer.TestConvolve2d):
    pass


class TestCorrelateReal(peer.TestCorrelateReal):
    pass


class TestCorrelate(peer.TestCorrelate):
    pass


class TestCorrelateComplex(peer.TestCorrelateComplex):
    pass


class TestCorrelate2d(peer.TestCorrelate2d):
    pass
