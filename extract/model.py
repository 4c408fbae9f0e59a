"""The one document model every reader produces and every later stage consumes.

Readers emit *raw* items (`RawParagraph`, `RawTable`) in reading order; `extract.layout.assemble`
turns them into a `Document` whose `text` is the single string all offsets point into.
Records follow natasha's style: plain dataclasses with `start`/`stop` offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
RowRole = Literal["header", "body", "total"]
Status = Literal["ok", "partial", "failed"]


@dataclass
class RawParagraph:
    """A paragraph as a reader saw it; `kind` is the reader's best hint."""

    text: str
    kind: BlockKind = "paragraph"
    page: int = 1


@dataclass
class RawCell:
    text: str
    spanned: bool = False  # text copied here from a merged (gridSpan/vMerge) origin cell
    rowspan: int = 1  # on a merge's origin cell: how many grid rows / columns it covers
    colspan: int = 1


@dataclass
class RawTable:
    """A rectangular grid as a reader saw it (one physical table part)."""

    rows: list[list[RawCell]]
    page_start: int = 1
    page_end: int = 1
    header_rows: int = 1
    col_edges: tuple[float, ...] = ()  # PDF geometry, used to stitch parts across pages
    top: float = 0.0  # PDF: y of the table's top edge on page_start
    bottom: float = 0.0  # PDF: y of the table's bottom edge on page_end
    infer_merges: bool = False  # plain text: merged group cells show as a value then empty cells


@dataclass
class Cell:
    text: str
    row: int
    col: int
    spanned: bool = False
    rowspan: int = 1
    colspan: int = 1
    value: float | None = None  # the number, when the cell is one
    start: int = 0  # char offsets of the cell text in Document.text
    stop: int = 0


@dataclass
class Table:
    table_id: str
    n: int  # 1-based order in the document
    rows: list[list[Cell]]
    roles: list[RowRole]
    caption: str = ""
    page_start: int = 1
    page_end: int = 1
    continued: bool = False
    parts: int = 1  # how many physical parts were stitched into this logical table

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def n_body_rows(self) -> int:
        return sum(1 for role in self.roles if role != "header")

    def _n_header(self) -> int:
        """Header rows lead the table."""
        n = 0
        while n < len(self.roles) and self.roles[n] == "header":
            n += 1
        return n

    @property
    def header(self) -> list[str]:
        heads = self.rows[: self._n_header()]  # header rows lead the table; never scan all 20 000 rows
        if not heads:
            return []
        # several header rows: join distinct texts per column, top to bottom
        cols = []
        for c in range(self.n_cols):
            parts: list[str] = []
            for r in heads:
                t = r[c].text
                if t and t not in parts:
                    parts.append(t)
            cols.append(" / ".join(parts))
        return cols


MentionType = Literal["SCHOOL", "PERSON", "ORG", "LOC", "DATE"]


@dataclass
class Mention:
    """An entity found in the text, with provenance: char offsets, and the cell when in a table."""

    type: MentionType
    start: int
    stop: int
    text: str
    normal: str = ""
    table_id: str = ""
    row: int | None = None
    col: int | None = None
    role: str = ""  # PERSON: the position stated next to the name
    attrs: dict[str, str] = field(default_factory=dict)  # SCHOOL: kind, number, legal_form, city, …; PERSON: gender, …
    entity_id: str = ""
    mention_id: str = ""  # DOC_ID-mN, in text order


@dataclass
class Block:
    kind: BlockKind
    start: int
    stop: int
    page: int = 1
    table: int | None = None  # index into Document.tables for table blocks


@dataclass
class Document:
    doc_id: str
    path: str  # relative to the run's input root
    format: str
    sha256: str
    text: str = ""
    pages: int = 0
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    status: Status = "ok"
    meta: dict[str, str] = field(default_factory=dict)  # title, issuer, city, … (entity stage)
    mentions: list[Mention] = field(default_factory=list)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.stop]
