"""Legacy Word (.doc), RTF and ODT through LibreOffice: converted to DOCX, then read by the DOCX reader.

Converting rather than scraping keeps tables and merged cells. Each conversion runs headless in a
private profile folder (so parallel runs and a user's own LibreOffice never collide), under a
timeout, and its result is cached by the file's content hash, so a re-run converts nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from extract.errors import ReadError
from extract.limits import Limits
from extract.safezip import check_xml_parts, open_package

_MAGIC = {"doc": (b"\xd0\xcf\x11\xe0", b"{\\rtf"), "rtf": (b"{\\rtf",), "odt": (b"PK\x03\x04",)}
_NAMES = {"doc": "a Word 97–2003 (.doc)", "rtf": "an RTF", "odt": "an ODT"}


def cache_dir() -> Path:
    """Where converted files are kept: $EDU_REPORTS_CACHE, else ~/.cache/edu-reports."""
    root = os.environ.get("EDU_REPORTS_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "edu-reports")
    return Path(root) / "converted"


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ReadError("LibreOffice is not installed, so .doc/.rtf/.odt cannot be read; `make setup` installs it "
                    "(Debian package libreoffice-writer-nogui)")


def _check_input(data: bytes, fmt: str, limits: Limits) -> None:
    if not data.startswith(_MAGIC[fmt]):
        raise ReadError(f"not {_NAMES[fmt]} file (its content does not start as one); check the file's extension")
    if fmt == "odt":  # a ZIP package: the same bomb and entity checks as DOCX, before LibreOffice sees it
        zf = open_package(data, "ODT", limits)
        if "content.xml" not in zf.namelist():
            raise ReadError("not an ODT file: the package has no content.xml")
        check_xml_parts(zf)


def convert_to_docx(data: bytes, fmt: str, limits: Limits) -> bytes:
    """The DOCX LibreOffice makes of a .doc/.rtf/.odt file, from the cache when it was made before."""
    _check_input(data, fmt, limits)
    digest = hashlib.sha256(data).hexdigest()
    cached = cache_dir() / f"{digest}.docx"
    if cached.is_file():
        return cached.read_bytes()
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="edu-reports-lo-") as work:
        src = Path(work) / f"input.{fmt}"
        src.write_bytes(data)
        profile = Path(work) / "profile"
        cmd = [program, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
               f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "docx", "--outdir", work, str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=limits.convert_seconds, check=False,
                                  env={**os.environ, "HOME": work}, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice did not finish converting in {limits.convert_seconds} s "
                            "(the file may be password-protected or damaged)") from None
        out = Path(work) / "input.docx"
        if not out.is_file() or out.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            why = f": {detail[-1]}" if detail else ""
            raise ReadError(f"LibreOffice cannot open this {fmt.upper()} file (damaged or password-protected){why}")
        converted = out.read_bytes()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(converted)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs speed
    return converted
