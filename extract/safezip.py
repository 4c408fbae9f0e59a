"""Open OOXML/ODF packages without trusting them: no zip bombs, no XML entity expansion."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from extract.errors import ReadError
from extract.limits import Limits

_BOMB_FLOOR = 10 * 1024 * 1024  # small parts may compress very well; only large ones are judged by ratio


def open_package(data: bytes, kind: str, limits: Limits) -> zipfile.ZipFile:
    """Check every member's declared size before anything is inflated.

    zipfile never inflates a member past its declared size, so checking declared sizes bounds memory.
    """
    if not data.startswith(b"PK"):
        raise ReadError(f"not a {kind} file (not a ZIP archive)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError(f"damaged {kind} file: the ZIP archive is broken or truncated ({exc})") from None
    total = 0
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.max_zip_member_bytes or (
            info.file_size > _BOMB_FLOOR and ratio > limits.max_zip_ratio
        ):
            raise ReadError(
                f"archive member too large: {info.filename} inflates to {info.file_size} bytes "
                f"(ratio {ratio:.0f}:1); refusing a possible zip bomb"
            )
        total += info.file_size
    if total > limits.max_zip_total_bytes:
        raise ReadError(f"archive too large: {total} bytes uncompressed in all (limit {limits.max_zip_total_bytes})")
    return zf


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, dtd_validation=False)


def read_part(zf: zipfile.ZipFile, name: str) -> bytes:
    """Inflate one XML part; any DTD or entity declaration is refused outright."""
    try:
        raw = zf.read(name)
    except KeyError:
        raise ReadError(f"damaged package: part {name} is missing") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ReadError(f"damaged package: part {name} cannot be inflated ({exc})") from None
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise ReadError(f"XML entity declarations not allowed (in {name}); refusing a possible entity-expansion attack")
    return raw


def check_xml_parts(zf: zipfile.ZipFile) -> None:
    """Refuse the package if any XML part declares a DTD, before a library parses it."""
    for name in zf.namelist():
        if name.endswith((".xml", ".rels")):
            read_part(zf, name)


def read_xml(zf: zipfile.ZipFile, name: str) -> etree._Element:
    """Parse one package part with a parser that never resolves entities or touches the network."""
    raw = read_part(zf, name)
    try:
        return etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"damaged package: part {name} is not well-formed XML ({exc})") from None
