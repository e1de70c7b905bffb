"""scipy.linalg's own TestToeplitz, TestCirculant and TestConvolutionMatrix
(scipy/linalg/tests/test_special_matrices.py, as installed), with toeplitz, circulant and
convolution_matrix replaced by symconv's twins inside that module (its np.convolve reference stays
NumPy's)."""

import pytest

from . import adapters
from ._patch import import_peer, twins

peer = import_peer("scipy.linalg.tests.test_special_matrices")


@pytest.fixture(autouse=True)
def _symconv_twins(monkeypatch):
    with twins(monkeypatch, peer, toeplitz=adapters.linalg_toeplitz, circulant=adapters.linalg_circulant,
               convolution_matrix=adapters.linalg_convolution_matrix):
        yield


class TestToeplitz(peer.TestToeplitz):
    pass


class TestCirculant(peer.TestCirculant):
    pass


class TestConvolutionMatrix(peer.TestConvolutionMatrix):
    pass
