"""SymPy's own convolution tests (sympy/discrete/tests/test_convolutions.py, as installed), with
convolution, convolution_int and convolution_fft replaced by symconv's exact convolution inside that
module (SymPy's other products, ntt/fwht/subset, are not twinned: their tests are not run)."""

import pytest

from . import adapters
from ._patch import import_peer, twins

peer = import_peer("sympy.discrete.tests.test_convolutions")


@pytest.fixture(autouse=True)
def _symconv_twins(monkeypatch):
    with twins(monkeypatch, peer, convolution=adapters.sympy_convolution,
               convolution_int=adapters.sympy_convolution_int, convolution_fft=adapters.sympy_convolution_fft):
        yield


test_convolution = peer.test_convolution
test_cyclic_convolution = peer.test_cyclic_convolution
test_convolution_fft = peer.test_convolution_fft
test_convolution_int = peer.test_convolution_int
