"""A person's own audit verdicts: reading and checking the overrides file (YAML or JSON).

The file maps each plan, by its id (``p3``) or by its text (the plan's first words are
enough), to the reader's status and note::

    # audit.yaml
    p4:
      status: partial
      note: 零售总额 missed (4% against 5%); the rest done.
    发挥政策引导保障支撑作用: delivered        # a status alone
    p9: {note: checked by hand, agree}          # a note alone

A list of entries is read too (``- {plan: p4, status: partial, note: ...}``), with the
list either at the top or under an ``overrides:`` key. JSON has the same shapes.
The computed verdict is never replaced: ``Verdict.override_status`` / ``override_note``
sit beside it.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from .errors import OverridesError
from .model import AuditStatus

STATUSES: tuple[str, ...] = get_args(AuditStatus)
"""The verdicts a person may record."""

_ENTRY_KEYS = {"status", "note"}
_LIST_KEYS = {"plan", "id", "text"}


def parse_overrides(content: bytes | str, name: str) -> dict[str, dict[str, str]]:
    """The overrides in ``content`` (the file named ``name``): plan key -> {"status", "note"}.

    Raises OverridesError, naming the file and the entry, when the content is not YAML/JSON
    or not of the shapes above, or a status is not one of delivered, partial, missed, not_found.
    """
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise OverridesError(f"{name}: is not UTF-8 text / an overrides file is YAML or JSON / "
                                 "re-save it as UTF-8") from None
    data = _load(content, name)
    if data is None:
        return {}
    if isinstance(data, dict) and set(data) == {"overrides"}:
        data = data["overrides"]
    if isinstance(data, list):
        return _from_list(data, name)
    if isinstance(data, dict):
        out: dict[str, dict[str, str]] = {}
        for key, entry in data.items():
            out[_key(key, name)] = _entry(entry, name, str(key))
        return out
    raise OverridesError(f"{name}: holds a {type(data).__name__}, not a mapping / the file maps plan ids or "
                         "texts to a status and note / see `yoy audit --help` for an example")


def _load(content: str, name: str) -> Any:
    lower = name.lower()
    if lower.endswith(".json"):
        try:
            return json.loads(content)
        except json.JSONDecodeError as exc:
            raise OverridesError(f"{name}: is not valid JSON (line {exc.lineno}: {exc.msg}) / fix the syntax "
                                 "or write the file as YAML (.yaml)") from None
    import yaml

    try:
        return yaml.safe_load(content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise OverridesError(f"{name}: is not valid YAML{where}: {problem} / fix the syntax; a Chinese key "
                             "with a colon in it needs quotes") from None


def _key(key: Any, name: str) -> str:
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise OverridesError(f"{name}: key {key!r} is not a plan id or text / keys are plan ids (p3) or the "
                             "plan's text / write the key as text")
    text = str(key).strip()
    if not text:
        raise OverridesError(f"{name}: an empty key / keys are plan ids (p3) or the plan's text / fill it in")
    return text


def _entry(entry: Any, name: str, key: str) -> dict[str, str]:
    if isinstance(entry, str):
        entry = {"status": entry}
    if not isinstance(entry, dict):
        raise OverridesError(f"{name}: entry {key!r} is a {type(entry).__name__} / an entry is a status or "
                             "{status: ..., note: ...} / rewrite it in that form")
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        fields = ", ".join(sorted(map(str, unknown)))
        raise OverridesError(f"{name}: entry {key!r} has unknown field(s) {fields} / an entry has only "
                             "status and note / remove or rename them")
    out: dict[str, str] = {}
    status = entry.get("status")
    if status is not None:
        if not isinstance(status, str) or status.strip() not in STATUSES:
            raise OverridesError(f"{name}: entry {key!r} has status {status!r} / a status is one of "
                                 f"{', '.join(STATUSES)} / correct it")
        out["status"] = status.strip()
    note = entry.get("note")
    if note is not None:
        if not isinstance(note, (str, int, float)) or isinstance(note, bool):
            raise OverridesError(f"{name}: entry {key!r} has a note that is not text / a note is one line or "
                                 "paragraph of text / quote it")
        out["note"] = str(note).strip()
    if not out:
        raise OverridesError(f"{name}: entry {key!r} has neither status nor note / give at least one / or "
                             "remove the entry")
    return out


def _from_list(items: list[Any], name: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise OverridesError(f"{name}: item {n} is a {type(item).__name__} / each item is "
                                 "{plan: p3, status: ..., note: ...} / rewrite it in that form")
        keys = [k for k in _LIST_KEYS if item.get(k) is not None]
        if len(keys) != 1:
            raise OverridesError(f"{name}: item {n} names its plan {len(keys)} times / give exactly one of "
                                 "plan, id or text / fix the item")
        key = _key(item[keys[0]], name)
        if key in out:
            raise OverridesError(f"{name}: plan {key!r} appears twice / one entry per plan / merge them")
        out[key] = _entry({k: v for k, v in item.items() if k not in _LIST_KEYS}, name, key)
    return out
