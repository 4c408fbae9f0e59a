"""The batch run: every input file through the per-document stage, then the corpus-level stages."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from normalize.registry_file import Registry
from reports.discover import discover
from reports.outdir import check_target, discard, staging_dir, swap_in
from reports.process import process_file
from reports.writer import RunWriter



@dataclass
class RunSummary:
    files: int
    ok: int
    partial: int
    failed: int
    skipped: list[Path]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def run(inputs: list[Path], out: Path, progress: bool | None = None, registry: Registry | None = None) -> RunSummary:
    """Process the inputs into `out`, replacing it atomically; raises OutputDirError or FileNotFoundError."""
    for root in inputs:
        if not root.exists():
            raise FileNotFoundError(f"input not found: {root}")
    check_target(out)
    files, skipped = discover(inputs)
    if not files:
        raise FileNotFoundError("no report files (.txt, .docx, .pdf, .doc, .rtf, .odt) found in the inputs")
    show = sys.stderr.isatty() if progress is None else progress
    tmp = staging_dir(out)
    try:
        writer = RunWriter(tmp)
        try:
            for item in tqdm(files, desc="reports", unit="file", disable=not show, file=sys.stderr):
                writer.add(process_file(item.path, item.rel))
        finally:
            writer.close()
        writer.finish(registry)
        swap_in(tmp, out)
    except BaseException:
        discard(tmp)
        raise
    c = writer.counts
    return RunSummary(len(files), c["ok"], c["partial"], c["failed"], skipped)
