"""The Dask engine: the same per-document function, run on a dask.distributed cluster.

Documents travel as bytes, so workers need no access to the archive's disk; results come back as
they finish and go through the same cache and writer as the local engine's, so the outputs are the
same. Point it at a real cluster with `--engine dask --scheduler tcp://HOST:8786` (every worker needs
this project installed, and LibreOffice/Tesseract for legacy files and scans).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from extract.limits import Limits
from reports.pool import Task, WorkerStats
from reports.process import DocResult, failed_result, process_bytes


def _remote(data: bytes, rel: str, suffix: str, limits: Limits) -> DocResult:
    return process_bytes(data, rel, suffix, limits)


def dask_engine(scheduler: str | None):
    """An engine for `reports.batch.run`; `scheduler` is an address, or None for a LocalCluster."""

    def engine(tasks: list[Task], limits: Limits, stats: WorkerStats) -> Iterator[tuple[str, DocResult]]:
        from dask.distributed import Client, LocalCluster, as_completed

        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        try:
            futures = {}
            for task in tasks:
                try:
                    data = task.path.read_bytes()
                except OSError as exc:
                    yield task.key, failed_result(task.path, task.rel, "read", f"cannot open the file: {exc}")
                    continue
                future = client.submit(_remote, data, task.rel, Path(task.path).suffix, limits, key=f"doc-{task.key}", pure=False)
                futures[future] = task
            for future in as_completed(futures):
                task = futures[future]
                try:
                    yield task.key, future.result()
                except Exception as exc:  # a worker lost or a task failed: that document only
                    yield task.key, failed_result(task.path, task.rel, "engine", f"the Dask task failed ({type(exc).__name__}: {exc})", transient=True)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return engine
