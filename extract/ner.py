"""natasha, loaded once per process: segmentation, morphology and PER/ORG/LOC spans of a text piece."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

from extract.morph import morph_vocab


@dataclass
class Models:
    segmenter: Segmenter
    morph: NewsMorphTagger
    ner: NewsNERTagger


@functools.lru_cache(maxsize=1)
def models() -> Models:
    """The models ship inside the natasha/navec/slovnet packages: nothing is downloaded."""
    emb = NewsEmbedding()
    return Models(Segmenter(), NewsMorphTagger(emb), NewsNERTagger(emb))


def analyse(text: str) -> Doc:
    """A natasha Doc of one segment, with tokens and NER spans; morphology comes on demand."""
    m = models()
    doc = Doc(text)
    doc.segment(m.segmenter)
    doc.tag_ner(m.ner)
    return doc


def with_morph(doc: Doc) -> Doc:
    """Tag morphology (case, gender) only for segments that hold a name to normalise: most table
    cells and many sentences hold none, and the tagger is the costliest model."""
    if not getattr(doc, "_edu_morph", False):
        doc.tag_morph(models().morph)
        doc._edu_morph = True
    return doc


def normal_of(doc: Doc, start: int, stop: int) -> str:
    """natasha's normal form (nominative, agreeing in gender) of the tokens inside [start, stop)."""
    from natasha.doc import DocSpan

    tokens = [t for t in doc.tokens if t.start >= start and t.stop <= stop]
    if not tokens:
        return doc.text[start:stop]
    span = DocSpan(start, stop, "PER", doc.text[start:stop], tokens)
    span.normalize(morph_vocab())
    return span.normal or doc.text[start:stop]
