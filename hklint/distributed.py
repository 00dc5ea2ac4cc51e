"""Extraction on a Dask cluster, for corpora beyond one machine.

Extraction is per document and the per-document function,
:func:`hklint.engine.process_document`, is pure: it runs unchanged on Dask
workers, which return claims (not the text's analysis) to this process, where
the checks group them by key. ``pip install hklint[dask]`` brings Dask;
``--dask tcp://scheduler:8786`` uses an existing cluster, ``--dask local``
starts one on this machine. Workers must see the files at the same paths
(a shared file system) and have the same hklint installed.
"""
from __future__ import annotations

from typing import Iterator, Sequence


def results(files: Sequence[str], options) -> Iterator:
    """One DocResult or Problem per file, in file order, computed on the cluster."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:  # the optional extra is not installed
        raise RuntimeError("--dask needs Dask: pip install 'hklint[dask]'") from err
    from hklint.engine import process_document

    address = options.dask
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, options.jobs or 2), threads_per_worker=1,
                               processes=options.jobs != 1, dashboard_address=None)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(address)
    try:
        futures = client.map(process_document, list(files), options=options, pure=False)
        for future in futures:  # in file order: the report does not depend on the cluster
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
