"""Benchmarks: `make bench` or `python bench/run.py` (see BENCHMARKS.md)."""
