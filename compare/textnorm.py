"""The normalised form reports are matched on, and the map back to the original.

``fold`` is length-preserving: character i of ``fold(text)`` stands for character i of
``text``. So every offset found on the folded form is an offset into the original text,
and ``Report.text`` is never altered. Folding does, per character:

- NFKC where it gives one character (full-width ＡＢ１２％（） -> half-width AB12%());
- traditional -> simplified (OpenCC's single-character table: 與 -> 与, 發 -> 发);
- every kind of space (U+3000 ideographic, NBSP, tab) -> " ".

Characters whose NFKC form is longer than one character (㎡, ½) are kept as they are.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

_SPACES = {"\u3000", "\xa0", "\t", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff"}
# Full-width and East Asian dashes that reports use interchangeably for ranges and bullets.
_DASHES = {"—": "—", "－": "-", "–": "-", "―": "—", "─": "—"}


@functools.cache
def _t2s_table() -> dict[str, str]:
    """OpenCC's traditional->simplified character table, single characters only."""
    table: dict[str, str] = {}
    ref = resources.files("opencc").joinpath("dictionary/TSCharacters.txt")
    for line in ref.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        trad, simp = parts[0], parts[1].split(" ")[0]
        if len(trad) == 1 and len(simp) == 1:
            table[trad] = simp
    return table


@functools.cache
def _fold_char(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _DASHES:
        return _DASHES[ch]
    n = unicodedata.normalize("NFKC", ch)
    if len(n) != 1:
        n = ch
    return _t2s_table().get(n, n)


def fold(text: str) -> str:
    """The matching form of ``text``, with exactly the same length (see the module docstring)."""
    if text.isascii():
        return text.replace("\t", " ")
    return "".join(_fold_char(ch) for ch in text)


_WS_RUN = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Folded text without any white space: for comparing wording, not for offsets."""
    return _WS_RUN.sub("", fold(text))
