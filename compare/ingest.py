"""bytes -> Document. (Temporary: UTF-8 text only; the full reader lands with issue #2.)"""

from __future__ import annotations

from .model import Document, Meta
from .settings import Settings


def read_document(data: bytes, name: str, *, settings: Settings, encoding: str | None = None) -> Document:
    text = data.decode(encoding or "utf-8-sig")
    return Document(text=text, meta=Meta(None, None, None, None, None, source=name), format="txt",
                    encoding=encoding or "utf-8")
