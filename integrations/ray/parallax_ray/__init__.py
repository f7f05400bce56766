"""Infinite Parallax on Ray: split renders by frame range, batches by picture."""

from .binary import find_parallax
from .render import render_split
from .batch import run_batch

__all__ = ["find_parallax", "render_split", "run_batch"]
