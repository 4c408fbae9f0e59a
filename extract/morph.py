"""One pymorphy2 dictionary per process, shared by hyphenation repair and the entity stage.

natasha's MorphVocab is used rather than a bare pymorphy2.MorphAnalyzer: the latter's default
constructor calls inspect.getargspec, which Python 3.11 removed.
"""

from __future__ import annotations

import functools

from natasha import MorphVocab


@functools.lru_cache(maxsize=1)
def morph_vocab() -> MorphVocab:
    return MorphVocab()


@functools.lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    return morph_vocab().word_is_known(word.lower())


def to_nominative(parse):
    """pymorphy2's own inflect (OpenCorpora grammemes), which natasha's MorphForm hides behind UD names."""
    from pymorphy2.analyzer import Parse

    return Parse.inflect(parse, {"nomn"})
