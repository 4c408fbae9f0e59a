"""Replace an output folder atomically: build beside it, then swap, so a crash never leaves half a set."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

MARKER = ".edu-reports"  # written into every output folder; only such folders are ever replaced


class OutputDirError(Exception):
    pass


def check_target(out: Path) -> None:
    """Refuse to replace a folder that is not empty and was not written by this tool."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise OutputDirError(
            f"{out} exists and is not an edu-reports output folder; choose an empty or new folder"
        )


def staging_dir(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; outputs are meant to be shared like any folder
    (tmp / MARKER).write_text("written by edu-reports; this folder is replaced on every run\n", encoding="utf-8")
    return tmp


def swap_in(tmp: Path, out: Path) -> None:
    """Move the finished folder into place; the old one is removed only after the new one is there."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.rmdir(old)
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)
