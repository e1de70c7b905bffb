"""Seed 000's two experiments (gradient descent towards a circulant; stacked size-3 kernels), installed as
``symconv.experiments``: ``python -m symconv.experiments.seed000_gd_circulant`` runs one."""
