"""The local engine: N worker processes, each loading the models once, each document under limits.

Every document runs in a worker process, never in the run's own process, so a hang, a memory blow-up
or a crash in a native library costs that document only: a worker that overruns the wall-time limit
is killed, one that dies is replaced, and the document gets an error row. Memory is capped per worker
(RLIMIT_AS, soft, so LibreOffice and Tesseract started by the worker may raise it for themselves).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.limits import Limits
from reports.process import DocResult, failed_result, process_file


@dataclass(frozen=True)
class Task:
    key: str  # the content hash: one task per distinct content
    path: Path
    rel: str


@dataclass
class WorkerStats:
    peak_rss_kb: int = 0
    restarts: int = 0


def _worker(conn: Connection, limits: Limits) -> None:
    if limits.worker_memory_mb:
        cap = limits.worker_memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    from extract.morph import morph_vocab
    from extract.ner import models

    models(), morph_vocab()  # once per worker, before the first document
    while True:
        task = conn.recv()
        if task is None:
            return
        result = process_file(task.path, task.rel, limits)
        conn.send((task.key, result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


class _Slot:
    def __init__(self, ctx, limits: Limits) -> None:
        self.parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, limits), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0

    def give(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.parent.send(task)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.parent.close()


def run_local(tasks: list[Task], workers: int, limits: Limits, stats: WorkerStats | None = None) -> Iterator[tuple[str, DocResult]]:
    """Yield (task key, result) as documents finish, in whatever order they finish."""
    stats = stats or WorkerStats()
    if not tasks:
        return
    ctx = mp.get_context("fork")
    queue = list(reversed(tasks))
    slots = [_Slot(ctx, limits) for _ in range(max(1, min(workers, len(tasks))))]
    try:
        for slot in slots:
            if queue:
                slot.give(queue.pop())
        while any(s.task for s in slots):
            busy = [s for s in slots if s.task]
            deadline = min(s.started for s in busy) + limits.document_seconds
            ready = wait([s.parent for s in busy] + [s.proc.sentinel for s in busy], timeout=max(0.0, deadline - time.monotonic()))
            for i, slot in enumerate(slots):
                task = slot.task
                if task is None:
                    continue
                failure = None
                if slot.parent in ready:
                    try:
                        key, result, rss = slot.parent.recv()
                    except (EOFError, OSError):
                        failure = _died(slot)
                    else:
                        stats.peak_rss_kb = max(stats.peak_rss_kb, rss)
                        slot.task = None
                        yield key, result
                elif slot.proc.sentinel in ready:
                    failure = _died(slot)
                elif time.monotonic() - slot.started > limits.document_seconds:
                    failure = f"processing took longer than {limits.document_seconds} s, the limit per document; the file was skipped"
                if failure is not None:
                    slot.kill()
                    stats.restarts += 1
                    slots[i] = slot = _Slot(ctx, limits)
                    yield task.key, failed_result(task.path, task.rel, "limits", failure, transient=True)
                if slot.task is None and queue:
                    slot.give(queue.pop())
    finally:
        for slot in slots:
            try:
                slot.parent.send(None)
            except OSError:
                pass
            slot.kill()


def _died(slot: _Slot) -> str:
    slot.proc.join(5)
    code = slot.proc.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    if code == -9:
        how += ", killed: probably out of memory"
    return f"the worker processing this file crashed ({how}); the file was skipped, the run went on"


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
