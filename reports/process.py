"""The per-document stage: read one file and run everything that needs only that file."""

from __future__ import annotations

import hashlib
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


def _failed(path: Path, rel: str, stage: str, message: str) -> DocResult:
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    except OSError:
        sha = ""
    doc = Document(doc_id=doc_id_for(sha) if sha else "", path=rel, format=file_format(path) or "", sha256=sha)
    doc.status = "failed"
    return DocResult(doc, [(stage, message)])


def process_file(path: Path, rel: str, limits: Limits = DEFAULT_LIMITS) -> DocResult:
    """Never raises: a file that cannot be processed comes back as a failed result with its error."""
    try:
        doc = read_file(path, rel, limits)
    except ReadError as exc:
        return _failed(path, rel, exc.stage, str(exc))
    except OSError as exc:
        return _failed(path, rel, "read", f"cannot open the file: {exc.strerror or exc}")
    except RecursionError:
        return _failed(path, rel, "parse", "structure nested too deeply to read")
    except MemoryError:
        return _failed(path, rel, "parse", "out of memory while reading the file")
    except Exception as exc:  # a library's unexpected failure must not stop the batch
        return _failed(path, rel, "parse", f"unexpected failure while reading ({type(exc).__name__}: {exc})")
    result = DocResult(doc)
    try:
        tag_entities(doc)
    except Exception as exc:  # entities are lost for this document, its tables and text are not
        result.errors.append(("ner", f"entity extraction failed ({type(exc).__name__}: {exc})"))
        doc.status = "partial"
    try:
        result.schools, result.people = school_records(doc), person_records(doc)
        result.events = document_events(doc)
    except Exception as exc:
        result.errors.append(("normalize", f"records for the registry failed ({type(exc).__name__}: {exc})"))
        doc.status = "partial"
    try:
        result.findings = audit_document(doc)
    except Exception as exc:  # the document stays readable even if a check breaks on it
        result.errors.append(("audit", f"audit failed ({type(exc).__name__}: {exc}); the tables are still written"))
        doc.status = "partial"
    return result
