"""The batch run: every distinct input through the per-document stage, then the corpus-level stages.

1. Find the files and hash them; identical content is processed once.
2. Take finished results from the cache (OUT/.cache, and the staging folders a killed run left).
3. Send the rest to an engine (local worker processes, or a Dask cluster); each result is cached as
   it arrives, so a killed run resumes where it stopped.
4. Write the contract files in a fixed order (by path), whatever order the results came in, then the
   registry, people and events — so the same corpus always gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from extract.limits import DEFAULT_LIMITS, Limits
from normalize.registry_file import Registry
from reports.cache import FILES_DIR, ResultCache, adopt
from reports.discover import InputFile, discover
from reports.outdir import check_target, discard, staging_dir, swap_in
from reports.pool import Task, WorkerStats, default_workers, run_local
from reports.process import DocResult, failed_result, process_file
from reports.writer import RunWriter

Engine = Callable[[list[Task], Limits, WorkerStats], Iterator[tuple[str, DocResult]]]


@dataclass
class RunSummary:
    files: int
    ok: int
    partial: int
    failed: int
    skipped: list[Path]
    cached: int = 0
    processed: int = 0
    stats: WorkerStats = field(default_factory=WorkerStats)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over documents

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def local_engine(workers: int) -> Engine:
    def engine(tasks: list[Task], limits: Limits, stats: WorkerStats) -> Iterator[tuple[str, DocResult]]:
        return run_local(tasks, workers, limits, stats)

    return engine


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _adopt_leftovers(out: Path, into: Path) -> None:
    """A killed run leaves its staging folder beside OUT: take its finished results, then remove it."""
    for leftover in sorted(out.parent.glob(f".{out.name}.tmp-*")):
        if leftover != into and leftover.is_dir():
            adopt(leftover, into)
            shutil.rmtree(leftover, ignore_errors=True)


def run(
    inputs: list[Path],
    out: Path,
    progress: bool | None = None,
    registry: Registry | None = None,
    workers: int | None = None,
    engine: Engine | None = None,
    limits: Limits = DEFAULT_LIMITS,
    use_cache: bool = True,
) -> RunSummary:
    """Process the inputs into `out`, replacing it atomically; raises OutputDirError or FileNotFoundError."""
    for root in inputs:
        if not root.exists():
            raise FileNotFoundError(f"input not found: {root}")
    check_target(out)
    files, skipped = discover(inputs)
    if not files:
        raise FileNotFoundError("no report files (.txt, .docx, .pdf, .doc, .rtf, .odt) found in the inputs")
    engine = engine or local_engine(workers or default_workers())
    show = sys.stderr.isatty() if progress is None else progress
    tmp = staging_dir(out)
    own_file_cache = "EDU_REPORTS_CACHE" not in os.environ
    if own_file_cache:  # conversions and OCR are kept inside OUT too: nothing is written outside it
        os.environ["EDU_REPORTS_CACHE"] = str(tmp / ".cache" / FILES_DIR)
    try:
        if use_cache:
            if out.exists():
                adopt(out, tmp)
            _adopt_leftovers(out, tmp)
        cache = ResultCache(tmp)
        summary = RunSummary(len(files), 0, 0, 0, skipped)
        results = _process(files, cache if use_cache else None, engine, limits, summary, show)
        writer = RunWriter(tmp)
        try:
            for item in sorted(files, key=lambda f: (f.rel, str(f.path))):
                result = results(item)
                result.document.path = item.rel
                writer.add(result)
        finally:
            writer.close()
        writer.finish(registry)
        if not use_cache:
            shutil.rmtree(tmp / ".cache", ignore_errors=True)
        swap_in(tmp, out)
    except BaseException:
        discard(tmp)
        raise
    finally:
        if own_file_cache:
            del os.environ["EDU_REPORTS_CACHE"]
    c = writer.counts
    summary.ok, summary.partial, summary.failed = c["ok"], c["partial"], c["failed"]
    return summary


def _process(files: list[InputFile], cache: ResultCache | None, engine: Engine, limits: Limits,
             summary: RunSummary, show: bool) -> Callable[[InputFile], DocResult]:
    """Run what the cache does not hold; return a lookup of each file's result."""
    keys: dict[Path, str] = {}
    held: dict[str, DocResult] = {}  # results that are not cached (failures of the moment, or no cache)
    todo: dict[str, Task] = {}
    for f in files:
        sha = _sha256(f.path)
        if sha is None:
            held[str(f.path)] = failed_result(f.path, f.rel, "read", "cannot open the file")
            keys[f.path] = str(f.path)
            continue
        keys[f.path] = sha
        if sha in todo or (cache is not None and cache.has(sha)):  # read back once, when written out
            continue
        todo[sha] = Task(sha, f.path, f.rel)
    summary.cached = len({k for k in keys.values() if k not in todo and k not in held})
    summary.processed = len(todo)
    bar = tqdm(total=len(todo), desc="reports", unit="doc", disable=not show, file=sys.stderr)
    for key, result in engine(list(todo.values()), limits, summary.stats):
        for stage, seconds in result.seconds.items():
            summary.seconds[stage] = summary.seconds.get(stage, 0.0) + seconds
        if cache is not None and not result.transient:
            cache.put(key, result)
        else:
            held[key] = result
        bar.update(1)
    bar.close()

    def lookup(f: InputFile) -> DocResult:
        key = keys[f.path]
        if key in held:
            return held[key]
        found = cache.get(key) if cache is not None else None
        # a cached result that no longer loads (another Python or library) is simply computed again
        return found if found is not None else process_file(f.path, f.rel, limits)

    return lookup
