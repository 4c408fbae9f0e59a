"""Per-document limits: every input is treated as hostile, so each reader works within these."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024  # a report over 100 MB is refused before reading
    max_text_bytes: int = 20 * 1024 * 1024  # a .txt over 20 MB is not a report
    max_zip_member_bytes: int = 200 * 1024 * 1024  # one DOCX/ODT part, uncompressed
    max_zip_total_bytes: int = 400 * 1024 * 1024  # all parts together, uncompressed
    max_zip_ratio: int = 200  # a part inflating more than 200:1 (and over 10 MB) is a bomb
    max_pdf_pages: int = 2000
    max_table_cells: int = 2_000_000
    convert_seconds: int = 180  # one LibreOffice conversion
    ocr_dpi: int = 300  # scans are rendered at this resolution for Tesseract
    min_ocr_confidence: int = 40  # below this mean word confidence a scan is too poor to read
    document_seconds: int = 600  # wall time for one document, OCR and conversion included
    worker_memory_mb: int = 4096  # address space of one worker process

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"Limits.{name} must be a positive integer, got {value!r}")


DEFAULT_LIMITS = Limits()
