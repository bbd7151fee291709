"""The one Chinese tokenizer every stage uses: spaCy's blank ``zh`` pipeline with jieba.

spaCy's blank Chinese pipeline splits one character per token by default
(``Segmenter.char``); we set the jieba segmenter explicitly. Loading takes about a
second (jieba builds its prefix dictionary), so it happens once per process, lazily.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@functools.cache
def nlp() -> Language:
    """The shared blank zh pipeline with the jieba segmenter (loaded once)."""
    import jieba
    import spacy

    jieba.setLogLevel(logging.WARNING)  # jieba prints its dictionary build on stderr otherwise
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def words(text: str) -> list[str]:
    """The jieba words of ``text`` without white space tokens, via spaCy's tokenizer."""
    return [t.text for t in nlp().tokenizer(text) if not t.is_space]


def segment_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of ``text``, white space included, covering the whole text."""
    doc = nlp().tokenizer(text)
    return [(t.idx, t.idx + len(t.text_with_ws)) for t in doc]
