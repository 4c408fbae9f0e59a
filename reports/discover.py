"""Find the input files of a run: folders recursively, files as given, in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from extract.read import file_format
from reports.outdir import MARKER


@dataclass(frozen=True)
class InputFile:
    path: Path  # where to read it
    rel: str  # how outputs name it: relative to the folder it was found in


def discover(inputs: list[Path]) -> tuple[list[InputFile], list[Path]]:
    """Return the supported files and the ones skipped for their extension.

    Hidden entries, symlinked folders (loops) and edu-reports output folders are never entered.
    """
    found: list[InputFile] = []
    skipped: list[Path] = []
    for root in inputs:
        if root.is_file():
            (found.append(InputFile(root, root.name)) if file_format(root) else skipped.append(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = sorted(
                d for d in dirnames if not d.startswith(".") and not (here / d / MARKER).exists()
            )
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = here / name
                if file_format(path):
                    found.append(InputFile(path, path.relative_to(root).as_posix()))
                elif name != "MANIFEST.md":
                    skipped.append(path)
    return found, skipped
