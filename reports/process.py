"""The per-document stage: read one file and run everything that needs only that file."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from audit.findings import Finding
from audit.run import audit_document
from extract.entities import tag_entities
from extract.errors import ReadError
from extract.limits import DEFAULT_LIMITS, Limits
from extract.model import Document
from extract.read import doc_id_for, file_format, read_file
from normalize.events import EventRecord, document_events
from normalize.people import PersonRecord
from normalize.records import person_records, school_records
from normalize.schools import SchoolRecord


@dataclass
class DocResult:
    document: Document
    errors: list[tuple[str, str]] = field(default_factory=list)  # (stage, message)
    findings: list[Finding] = field(default_factory=list)
    schools: list[SchoolRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    transient: bool = False  # failed by a limit or a crash: not cached, tried again next run
    seconds: dict[str, float] = field(default_factory=dict)  # time per stage, for the benchmark


def failed_result(path: Path, rel: str, stage: str, message: str, transient: bool = False) -> DocResult:
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        sha = ""
    doc = Document(doc_id=doc_id_for(sha) if sha else "", path=rel, format=file_format(path) or "", sha256=sha)
    doc.status = "failed"
    return DocResult(doc, [(stage, message)], transient=transient)


def process_bytes(data: bytes, rel: str, suffix: str, limits: Limits = DEFAULT_LIMITS) -> DocResult:
    """The per-document stage on a file's bytes (for engines whose workers cannot see the disk)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="edu-reports-doc-") as work:
        path = Path(work) / f"document{suffix}"
        path.write_bytes(data)
        return process_file(path, rel, limits)


def process_file(path: Path, rel: str, limits: Limits = DEFAULT_LIMITS) -> DocResult:
    """Never raises: a file that cannot be processed comes back as a failed result with its error."""
    clock = time.perf_counter()
    try:
        doc = read_file(path, rel, limits)
    except ReadError as exc:
        return failed_result(path, rel, exc.stage, str(exc))
    except OSError as exc:
        return failed_result(path, rel, "read", f"cannot open the file: {exc.strerror or exc}")
    except RecursionError:
        return failed_result(path, rel, "parse", "structure nested too deeply to read")
    except MemoryError:
        return failed_result(path, rel, "parse", "out of memory while reading the file")
    except Exception as exc:  # a library's unexpected failure must not stop the batch
        return failed_result(path, rel, "parse", f"unexpected failure while reading ({type(exc).__name__}: {exc})")
    result = DocResult(doc)
    result.seconds["read"] = time.perf_counter() - clock
    clock = time.perf_counter()
    try:
        tag_entities(doc)
    except Exception as exc:  # entities are lost for this document, its tables and text are not
        result.errors.append(("ner", f"entity extraction failed ({type(exc).__name__}: {exc})"))
        doc.status = "partial"
    result.seconds["entities"] = time.perf_counter() - clock
    clock = time.perf_counter()
    try:
        result.schools, result.people = school_records(doc), person_records(doc)
        result.events = document_events(doc)
    except Exception as exc:
        result.errors.append(("normalize", f"records for the registry failed ({type(exc).__name__}: {exc})"))
        doc.status = "partial"
    result.seconds["records+events"] = time.perf_counter() - clock
    clock = time.perf_counter()
    try:
        result.findings = audit_document(doc)
    except Exception as exc:  # the document stays readable even if a check breaks on it
        result.errors.append(("audit", f"audit failed ({type(exc).__name__}: {exc}); the tables are still written"))
        doc.status = "partial"
    result.seconds["audit"] = time.perf_counter() - clock
    return result
