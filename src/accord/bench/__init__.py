"""Every benchmark of accord, one suite per area, run by ``accord bench SUITE``.

``engine`` (redline, lineage, compilation), ``record`` (verifying and appending events),
``api`` (the API on a full-size negotiation), ``live`` (live updates to every open page),
``checker`` (the agreed-language checker) and ``documents`` (files in and out). Each suite
measures its baseline in the same run, reports the ratios, and exits 1 when it misses one of
its targets (`accord.bench.targets`). The package sits at the top with the command line: it
may use any layer.
"""
