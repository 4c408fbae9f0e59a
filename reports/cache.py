"""The per-document result cache: what makes re-runs incremental and killed runs resumable.

Each document's result is stored under the SHA-256 of its bytes and a fingerprint of the pipeline's
own code, as soon as it is computed. A re-run over an unchanged archive finds every result and redoes
only the corpus-level stages; a changed file is redone alone; a run killed with SIGKILL leaves every
finished document behind. Changing the code changes the fingerprint, so stale results are never used.
The cache lives inside the output folder (OUT/.cache) and moves with it from run to run.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from reports.process import DocResult

_PACKAGES = ("extract", "audit", "normalize", "reports")
CACHE_DIR = ".cache"
FILES_DIR = "files"  # conversions and OCR (extract.convert, extract.ocr), keyed by content alone


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the pipeline's source: any edit invalidates every cached result."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder / CACHE_DIR / code_fingerprint()
        self.folder.mkdir(parents=True, exist_ok=True)

    def _file(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.pickle"

    def has(self, sha256: str) -> bool:
        return self._file(sha256).is_file()

    def get(self, sha256: str) -> DocResult | None:
        try:
            with self._file(sha256).open("rb") as fh:
                return pickle.load(fh)  # written by this tool into its own output folder only
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, sha256: str, result: DocResult) -> None:
        """Write atomically, so a kill mid-write leaves no half result to be read back."""
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._file(sha256))


def adopt(cache_root: Path, into: Path) -> None:
    """Move the finished results of an earlier (or killed) run's cache into a new output folder."""
    src = cache_root / CACHE_DIR
    if not src.is_dir():
        return
    dst = into / CACHE_DIR
    dst.mkdir(parents=True, exist_ok=True)
    for version in src.iterdir():
        if version.name == FILES_DIR:
            for item in version.rglob("*"):
                if item.is_file() and not item.name.endswith(".tmp"):
                    target = dst / FILES_DIR / item.relative_to(version)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(item, target)
            continue
        if version.name != code_fingerprint():
            continue  # results of other code are never used; they go with the old folder
        target = dst / version.name
        target.mkdir(exist_ok=True)
        for item in version.glob("*.pickle"):
            os.replace(item, target / item.name)
