"""Peers: what an analyst who outgrows Excel writes instead of orgnet, one DuckDB SQL statement or one
polars lazy query per command, over the same CSV files (issue #22). They are baselines for
``bench.run``, not orgnet code: they import neither orgnet nor the pandas baselines, and read the
canonical files ``orgnet generate`` writes (English headers, ISO dates, ``true``/``false``).
``tests/test_bench_peers.py`` holds their CSV to orgnet's, byte for byte.
"""
