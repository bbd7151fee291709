"""The library of ingested reports: one SQLite file.

Each stored report keeps its original bytes, its text, its metadata and its parse (the
``yoy.report/1`` JSON), keyed by (region, year, kind). Re-ingesting the same bytes changes
nothing (SHA-256 of the content); a different report for the same key becomes a new version,
and the latest version is the one used. Every write is one transaction (WAL journal, busy
timeout), so two processes can ingest at once and a killed process leaves what was committed.

The parse is stored with the parser version (a hash of the parsing code and the settings);
a report whose stored parse is older than the running parser is re-parsed from its stored
original bytes on load, and the refreshed parse is written back.

Tables (``pd.read_sql("select * from indicators", con)`` works as is):

- ``reports``: one row per stored version (region, year, kind, version, sha256, original, text,
  parse, parser_version, ingested_at...).
- ``latest_reports`` (view): the latest version of each key.
- ``indicator_rows``: one row per indicator of every stored version.
- ``indicators`` (view): one row per indicator of the latest versions, with the report's
  region, year and kind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from . import export, pipeline
from .errors import LibraryError, NotInLibraryError
from .model import Indicator, Meta, Plan, Report, ReportKind, Section, Span
from .settings import DEFAULT_SETTINGS, Settings

DEFAULT_DB = "yoy-library.sqlite"
"""The library file used when neither ``--db`` nor ``YOY_DB`` names one (in the working folder)."""
DB_ENV = "YOY_DB"
"""Environment variable naming the library file."""
SCHEMA_VERSION = 1
"""Layout of the tables; a library written by a newer yoy is refused rather than damaged."""
TEST_PAUSE_ENV = "YOY_TEST_PAUSE_IN_TRANSACTION"
"""Test hook, ``N:PATH``: at the N-th write transaction of the process, touch PATH and sleep, so
that a test can kill the process in the middle of a transaction."""

# Modules whose code does not change a report's parse: a change to them keeps stored parses valid.
_NOT_PARSER_MODULES = frozenset({"cli.py", "store.py", "timeline.py", "batch.py", "render.py", "align.py",
                                 "match.py", "audit.py", "__init__.py", "__main__.py"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS library_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL,              -- 'fazhi', 'gwr', or '' when unknown
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT,
  published TEXT,
  original BLOB NOT NULL,
  text TEXT NOT NULL,
  parse TEXT NOT NULL,             -- yoy.report/1 JSON without its "text"
  parser_version TEXT NOT NULL,
  flags TEXT NOT NULL,             -- the --region/--year/--kind given at ingest, as JSON
  ingested_at TEXT NOT NULL,
  UNIQUE (region, year, kind, version),
  UNIQUE (region, year, kind, sha256)
);
CREATE INDEX IF NOT EXISTS reports_sha ON reports (sha256);
CREATE VIEW IF NOT EXISTS latest_reports AS
  SELECT r.* FROM reports r
  WHERE r.version = (SELECT max(version) FROM reports v
                     WHERE v.region = r.region AND v.year = r.year AND v.kind = r.kind);
CREATE TABLE IF NOT EXISTS indicator_rows (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  qualifier TEXT,
  kind TEXT NOT NULL,
  base_value REAL NOT NULL,
  base_unit TEXT NOT NULL,
  direction TEXT,
  range_high REAL,
  parent TEXT,
  section TEXT,
  section_title TEXT,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (report_id, id)
);
CREATE VIEW IF NOT EXISTS indicators AS
  SELECT r.region AS region, r.year AS year, i.label AS label, i.value AS value, i.unit AS unit,
         i.base_value AS base_value, i.base_unit AS base_unit, i.kind AS kind,
         i.qualifier AS qualifier, i.direction AS direction, i.range_high AS range_high,
         r.kind AS report_kind, r.version AS version, i.id AS indicator_id, i.parent AS parent,
         i.section AS section, i.section_title AS section_title, i."start" AS "start", i."end" AS "end",
         r.id AS report_id
  FROM indicator_rows i JOIN latest_reports r ON i.report_id = r.id;
"""

_ENTRY_COLUMNS = ("id, region, year, kind, version, sha256, source, format, title, published, "
                  "parser_version, ingested_at")


@dataclass(frozen=True)
class Entry:
    """One stored version of a report (without its payload)."""

    id: int
    """Row id in the ``reports`` table."""
    region: str
    """The region the report is filed under."""
    year: int
    """The year the report reviews."""
    kind: ReportKind | None
    """The report kind, None when unknown."""
    version: int
    """1 for the first report stored under this key, then 2, 3... for changed reports."""
    sha256: str
    """SHA-256 of the original bytes."""
    source: str
    """The file name it was ingested from."""
    format: str
    """txt, html, docx or pdf."""
    title: str | None
    """The report's title, when found."""
    published: str | None
    """Publication date ``YYYY-MM-DD``, when found."""
    parser_version: str
    """The parser version of the stored parse."""
    ingested_at: str
    """When it was stored, ISO 8601 UTC."""
    versions: int = 1
    """How many versions are stored under this key (filled in listings)."""


@dataclass(frozen=True)
class Prepared:
    """A report read and parsed, ready to store (picklable: made in worker processes)."""

    data: bytes
    """The original bytes."""
    sha256: str
    """SHA-256 of ``data``."""
    report: Report
    """The parse, with the region, year and kind overrides applied."""
    overrides: pipeline.MetaOverrides = dataclasses.field(default_factory=pipeline.MetaOverrides)
    """The region, year and kind given by the user (the rest came from the report)."""


@dataclass(frozen=True)
class IngestResult:
    """What storing one report did."""

    status: Literal["added", "new_version", "unchanged"]
    """``added`` a new key, ``new_version`` a changed report for a stored key, ``unchanged`` the same
    bytes."""
    entry: Entry
    """The stored version (the existing one when unchanged)."""


class MissingKeyError(LibraryError):
    """A report cannot be filed: its region or year is unknown."""


@functools.cache
def _code_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name not in _NOT_PARSER_MODULES:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def parser_version(settings: Settings = DEFAULT_SETTINGS) -> str:
    """A short hash of the parsing code and the settings: a stored parse with another value is stale."""
    h = hashlib.sha256(_code_hash().encode())
    h.update(repr(settings).encode())
    return h.hexdigest()[:16]


def content_hash(data: bytes) -> str:
    """SHA-256 hex digest of a report's bytes."""
    return hashlib.sha256(data).hexdigest()


def key_text(region: str, year: int, kind: str | None = None) -> str:
    """A key as people read it: ``浙江省 2024 (gwr)``."""
    return f"{region} {year}" + (f" ({kind})" if kind else "")


def prepare(data: bytes, name: str, *, overrides: pipeline.MetaOverrides | None = None,
            encoding: str | None = None, settings: Settings = DEFAULT_SETTINGS,
            how_to_fix: str | None = None) -> Prepared:
    """Read and parse one report for the library; its region and year must be known.

    Raises ``MissingKeyError`` when neither the report nor the overrides give them (its message
    ends with ``how_to_fix``, by default: pass --region / --year).
    """
    report = pipeline.read_report(data, name, settings=settings, encoding=encoding, overrides=overrides)
    missing = [what for what, flag, value in (("region", "--region", report.meta.region),
                                               ("year", "--year", report.meta.year)) if value is None]
    if missing:
        flags = " and ".join(f"--{m}" for m in missing)
        raise MissingKeyError(f"{name}: no {' or '.join(missing)} found in the report / the library files "
                              f"reports by region and year / {how_to_fix or 'pass ' + flags}")
    return Prepared(data=data, sha256=content_hash(data), report=report,
                    overrides=overrides or pipeline.MetaOverrides())


# -- (de)serialising a parse ------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, Span):
        return [value.start, value.end]
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _add_missing_fields(obj: Any, d: dict[str, Any]) -> None:
    """Fields of a model dataclass that the contract leaves out (``Indicator.sentence``...), as extra keys."""
    for f in dataclasses.fields(obj):
        if f.name not in d:
            d[f.name] = _plain(getattr(obj, f.name))


def _parse_json(report: Report) -> str:
    """The parse as stored: ``yoy.report/1`` without the text, plus every model field it leaves out."""
    d = export.report_to_dict(report)
    del d["text"]
    d["meta"]["field_pairs"] = [list(pair) for pair in report.meta.fields]
    parts: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("sections", report.sections), ("indicators", report.indicators), ("plans", report.plans))
    for key, items in parts:
        for item, obj in zip(d[key], items, strict=True):
            _add_missing_fields(obj, item)
    return json.dumps(d, ensure_ascii=False)


def _flags_json(o: pipeline.MetaOverrides) -> str:
    return json.dumps(dataclasses.asdict(o), ensure_ascii=False, sort_keys=True)


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    """The keys of ``d`` that are fields of ``cls``; a [start, end] list where the field holds a Span."""
    out = {}
    for f in dataclasses.fields(cls):
        if f.name in d:
            value = d[f.name]
            if "Span" in str(f.type) and isinstance(value, list):
                value = Span(*value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            out[f.name] = value
    return out


def report_from_parse(parse: str, text: str) -> Report:
    """The stored parse (``yoy.report/1`` JSON without text) and the text -> a Report."""
    d = json.loads(parse)
    m = d["meta"]
    pairs = m.get("field_pairs")
    if pairs is None:  # a parse stored without the pairs: the contract's dict
        pairs = list((m.get("fields") or {}).items())
    fields = tuple((str(k), str(v)) for k, v in pairs)
    meta = Meta(title=m.get("title"), region=m.get("region"), year=m.get("year"), kind=m.get("kind"),
                published=m.get("published"), source=m.get("source") or "-", fields=fields)
    sections = tuple(Section(**_known(Section, s)) for s in d["sections"])
    indicators = tuple(Indicator(**_known(Indicator, i)) for i in d["indicators"])
    plans = tuple(Plan(**_known(Plan, p)) for p in d["plans"])
    return Report(meta=meta, text=text, sections=sections, indicators=indicators, plans=plans,
                  format=m.get("format") or "txt")


def _indicator_rows(report_id: int, report: Report) -> Iterator[tuple[Any, ...]]:
    titles = {s.id: s.title for s in report.sections}
    for i in report.indicators:
        yield (report_id, i.id, i.label, i.value, i.unit, i.qualifier, i.kind, i.base_value, i.base_unit,
               i.direction, i.range_high, i.parent, i.section, titles.get(i.section or ""), i.start, i.end)


_INSERT_INDICATOR = ('INSERT INTO indicator_rows (report_id, id, label, value, unit, qualifier, kind, '
                     'base_value, base_unit, direction, range_high, parent, section, section_title, '
                     '"start", "end") VALUES (' + ", ".join("?" * 16) + ")")


def _entry(row: Sequence[Any], versions: int = 1) -> Entry:
    return Entry(id=row[0], region=row[1], year=row[2], kind=cast(ReportKind, row[3]) if row[3] else None,
                 version=row[4], sha256=row[5], source=row[6], format=row[7], title=row[8], published=row[9],
                 parser_version=row[10], ingested_at=row[11], versions=versions)


class Library:
    """An open report library. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 30.0,
                 settings: Settings = DEFAULT_SETTINGS) -> None:
        self.path = Path(path)
        self.settings = settings
        self._transactions = 0
        if self.path.is_dir():
            raise LibraryError(f"{path}: is a directory / the library is one SQLite file / "
                               f"pass --db FILE, e.g. --db {Path(path) / DEFAULT_DB}")
        if not create and not self.path.exists():
            raise NotInLibraryError(f"{path}: no library here yet / nothing has been ingested into it / "
                                    "run `yoy ingest FILE…` first, or pass --db (or YOY_DB) to name the "
                                    "library")
        try:
            self.con = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"{path}: cannot open the library ({exc}) / check the path and its "
                               "permissions") from None
        try:
            self.con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self.con.execute("PRAGMA foreign_keys = ON")
            self._set_wal(timeout)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.con.close()
            raise LibraryError(f"{path}: not a yoy library ({exc}) / it is not an SQLite file or is "
                               "damaged / pass --db with another file name") from None

    def _set_wal(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.con.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        """Create the tables in a new library; refuse another program's database or a newer layout."""
        tables = sorted(name for (name,) in self.con.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"))
        if "library_info" in tables:
            row = self.con.execute("SELECT value FROM library_info WHERE key = 'schema_version'").fetchone()
            if row is not None and int(row[0]) > SCHEMA_VERSION:
                raise LibraryError(f"{self.path}: written by a newer yoy (library schema {row[0]}, this yoy "
                                   f"reads {SCHEMA_VERSION}) / upgrade yoy to use it")
            if row is not None and int(row[0]) == SCHEMA_VERSION:
                return  # nothing to write: a read-only library opens too
        elif tables:
            raise LibraryError(f"{self.path}: an SQLite database of another program (tables: "
                               f"{', '.join(tables[:5])}) / yoy keeps its library in a file of its own / "
                               "pass --db with a new file name")
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.con.execute(statement)
            self.con.execute("INSERT OR IGNORE INTO library_info VALUES ('schema_version', ?)",
                             (str(SCHEMA_VERSION),))

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------------

    @functools.cached_property
    def _pause(self) -> tuple[int, str] | None:
        hook = os.environ.get(TEST_PAUSE_ENV)
        if not hook:
            return None
        n, _, path = hook.partition(":")
        return int(n), path

    def transaction(self) -> _Transaction:
        """``with lib.transaction():`` one write transaction (BEGIN IMMEDIATE ... COMMIT / ROLLBACK)."""
        return _Transaction(self)

    def _test_pause(self) -> None:
        """The test hook (``YOY_TEST_PAUSE_IN_TRANSACTION``), called inside each ingest transaction."""
        self._transactions += 1
        if self._pause is not None and self._transactions == self._pause[0]:
            Path(self._pause[1]).touch()
            time.sleep(600)

    # -- reading --------------------------------------------------------------------------------

    def entries(self, *, region: str | None = None, kind: str | None = None,
                all_versions: bool = False) -> list[Entry]:
        """Stored reports (the latest version of each key unless ``all_versions``), by region, kind, year."""
        table = "reports" if all_versions else "latest_reports"
        where, args = [], []
        if region is not None:
            where.append("region = ?")
            args.append(region)
        if kind is not None:
            where.append("kind = ?")
            args.append(kind)
        sql = (f"SELECT {_ENTRY_COLUMNS}, (SELECT count(*) FROM reports v WHERE v.region = r.region AND "
               f"v.year = r.year AND v.kind = r.kind) FROM {table} r"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY region, kind, year, version")
        return [_entry(row[:-1], row[-1]) for row in self._query(sql, args)]

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.con.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path}: cannot read the library ({exc}) / it may be damaged / "
                               "check it with `sqlite3 FILE 'PRAGMA integrity_check'`") from None

    def find(self, region: str, year: int, *, kind: str | None = None, version: int | None = None) -> Entry:
        """The stored report for a key (the latest version unless ``version``)."""
        candidates = [e for e in self.entries(region=region, kind=kind, all_versions=version is not None)
                      if e.year == year and (version is None or e.version == version)]
        if not candidates:
            raise NotInLibraryError(self._not_found(region, year, kind, version))
        kinds = sorted({e.kind or "" for e in candidates})
        if len(kinds) > 1:
            raise LibraryError(f"{key_text(region, year)}: {len(kinds)} reports of different kinds are "
                               f"stored ({', '.join(k or '?' for k in kinds)}) / a key names one report / "
                               "pass --kind")
        return candidates[0]

    def region(self, region: str, *, kind: str | None = None) -> list[Entry]:
        """The latest version of every year stored for a region (and kind), oldest first; raises
        ``NotInLibraryError`` when there is none."""
        entries = sorted(self.entries(region=region, kind=kind), key=lambda e: (e.year, e.kind or ""))
        if not entries:
            raise NotInLibraryError(self._not_found(region, None, kind, None))
        return entries

    def _not_found(self, region: str, year: int | None, kind: str | None, version: int | None) -> str:
        what = key_text(region, year, kind) if year is not None else region + (f" ({kind})" if kind else "")
        what += f" version {version}" if version is not None else ""
        same_region = self.entries(region=region)
        if same_region:
            years = ", ".join(sorted({str(e.year) for e in same_region}))
            return (f"{what}: not in the library {self.path} / {region} has {years} / "
                    "ingest it with `yoy ingest`")
        regions = sorted({e.region for e in self.entries()})
        close = [r for r in regions if region in r or r in region]
        shown = ", ".join(regions[:12]) + (", …" if len(regions) > 12 else "")
        hint = (f"did you mean {' or '.join(close[:5])}?" if close else
                f"stored regions: {shown}" if regions else "the library is empty")
        return (f"{what}: not in the library {self.path} / {hint} / "
                "ingest it with `yoy ingest FILE --region R --year Y`")

    def report(self, entry: Entry) -> Report:
        """The parsed report of a stored version; re-parsed (and re-stored) when the parser is newer."""
        rows = self._query("SELECT parse, text, parser_version FROM reports WHERE id = ?", (entry.id,))
        if not rows:
            raise NotInLibraryError(f"{key_text(entry.region, entry.year, entry.kind)}: removed from the "
                                    "library meanwhile / list what is stored with `yoy list`")
        parse, text, stored_version = rows[0]
        if stored_version == parser_version(self.settings):
            return report_from_parse(parse, text)
        return self.reparse(entry)

    def reparse(self, entry: Entry) -> Report:
        """Parse a stored version again from its original bytes and store the new parse.

        Storing it is a cache refresh: on a read-only library the fresh parse is still returned.
        """
        rows = self._query("SELECT original, source FROM reports WHERE id = ?", (entry.id,))
        if not rows:
            raise NotInLibraryError(f"{key_text(entry.region, entry.year, entry.kind)}: removed from the "
                                    "library meanwhile / list what is stored with `yoy list`")
        data, source = rows[0]
        overrides = pipeline.MetaOverrides(region=entry.region, year=entry.year, kind=entry.kind)
        report = pipeline.read_report(bytes(data), source, settings=self.settings, overrides=overrides)
        try:
            with self.transaction():
                self._store_parse(entry.id, report)
        except LibraryError:
            if not self._read_only():
                raise
        return report

    def _store_parse(self, report_id: int, report: Report) -> None:
        """Replace a stored version's parse (inside a transaction)."""
        self.con.execute("UPDATE reports SET parse = ?, parser_version = ?, title = ?, published = ? "
                         "WHERE id = ?", (_parse_json(report), parser_version(self.settings),
                                          report.meta.title, report.meta.published, report_id))
        self.con.execute("DELETE FROM indicator_rows WHERE report_id = ?", (report_id,))
        self.con.executemany(_INSERT_INDICATOR, _indicator_rows(report_id, report))

    def _read_only(self) -> bool:
        return not os.access(self.path, os.W_OK) or not os.access(self.path.parent, os.W_OK)

    def load(self, region: str, year: int, *, kind: str | None = None, version: int | None = None) -> Report:
        """The parsed report stored under a key."""
        return self.report(self.find(region, year, kind=kind, version=version))

    def stored_content(self, sha256: str, overrides: pipeline.MetaOverrides | None = None) -> Entry | None:
        """A stored version with these bytes that an ingest with ``overrides`` would leave unchanged.

        Either the flags name the stored key, or the version was stored with the same flags by
        the running parser (the same parser finds the same key in the same bytes).
        """
        o = overrides or pipeline.MetaOverrides()
        rows = self._query(f"SELECT {_ENTRY_COLUMNS}, flags FROM reports WHERE sha256 = ? ORDER BY id",
                           (sha256,))
        for row in rows:
            e = _entry(row[:-1])
            if (o.region is not None and o.region != e.region) or (o.year is not None and o.year != e.year) \
                    or (o.kind is not None and o.kind != e.kind):
                continue
            key_given = o.region is not None and o.year is not None
            same_flags = row[-1] == _flags_json(o) and e.parser_version == parser_version(self.settings)
            if key_given or same_flags:
                return e
        return None

    # -- writing --------------------------------------------------------------------------------

    def add(self, prepared: Prepared) -> IngestResult:
        """Store a prepared report in one transaction: added, a new version, or unchanged."""
        r = prepared.report
        if r.meta.region is None or r.meta.year is None:
            raise MissingKeyError(f"{r.meta.source}: no region or year / the library files reports by region "
                                  "and year / pass --region and --year")
        region, year, kind = r.meta.region, r.meta.year, r.meta.kind or ""
        with self.transaction():
            cur = self.con.execute(f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE region = ? AND year = ? AND "
                                   "kind = ? AND sha256 = ?", (region, year, kind, prepared.sha256))
            same = cur.fetchone()
            if same is not None:
                if _entry(same).parser_version != parser_version(self.settings):
                    self._store_parse(same[0], r)  # the same bytes, parsed by a newer parser: refresh
                return IngestResult("unchanged", _entry(same))
            (last,) = self.con.execute("SELECT coalesce(max(version), 0) FROM reports WHERE region = ? AND "
                                       "year = ? AND kind = ?", (region, year, kind)).fetchone()
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            cur = self.con.execute(
                "INSERT INTO reports (region, year, kind, version, sha256, source, format, title, published, "
                "original, text, parse, parser_version, flags, ingested_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (region, year, kind, last + 1, prepared.sha256, r.meta.source, r.format, r.meta.title,
                 r.meta.published, prepared.data, r.text, _parse_json(r), parser_version(self.settings),
                 _flags_json(prepared.overrides), now))
            report_id = cur.lastrowid
            if report_id is None:  # pragma: no cover - sqlite always sets it after an INSERT
                raise LibraryError(f"{self.path}: the insert returned no row id / retry the ingest")
            self.con.executemany(_INSERT_INDICATOR, _indicator_rows(report_id, r))
            self._test_pause()
            row = self.con.execute(f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE id = ?",
                                   (report_id,)).fetchone()
            return IngestResult("added" if last == 0 else "new_version", _entry(row, last + 1))

    def remove(self, region: str, year: int, *, kind: str | None = None,
               all_versions: bool = False) -> list[Entry]:
        """Remove the latest version of a key (the previous one becomes the latest), or all its versions."""
        entry = self.find(region, year, kind=kind)
        with self.transaction():
            if all_versions:
                rows = self.con.execute(f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE region = ? AND year = ? "
                                        "AND kind = ? ORDER BY version",
                                        (entry.region, entry.year, entry.kind or "")).fetchall()
            else:
                rows = self.con.execute(f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE id = ?",
                                        (entry.id,)).fetchall()
            self.con.executemany("DELETE FROM reports WHERE id = ?", [(row[0],) for row in rows])
        return [_entry(row) for row in rows]


class _Transaction:
    """BEGIN IMMEDIATE on enter; COMMIT on a clean exit, ROLLBACK on any exception."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib

    def __enter__(self) -> None:
        try:
            self.lib.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise LibraryError(f"{self.lib.path}: cannot write to the library ({exc}) / another process "
                               "holds it, or the file is read-only / retry, or check the file's "
                               "permissions") from None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        con = self.lib.con
        if exc_type is not None:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise LibraryError(f"{self.lib.path}: the write failed and was rolled back ({exc}) / "
                                   "nothing was changed / check free disk space and permissions, "
                                   "then retry") from None
            return
        try:
            con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise LibraryError(f"{self.lib.path}: the write could not be committed ({exc}) / nothing was "
                               "changed / check free disk space and permissions, then retry") from None


def open_library(path: str | os.PathLike[str] | None = None, *, create: bool = True,
                 settings: Settings = DEFAULT_SETTINGS) -> Library:
    """Open (or create) the library at ``path``, else ``$YOY_DB``, else ``./yoy-library.sqlite``."""
    return Library(path or os.environ.get(DB_ENV) or DEFAULT_DB, create=create, settings=settings)


__all__ = ["DB_ENV", "DEFAULT_DB", "Entry", "IngestResult", "Library", "MissingKeyError",
           "Prepared", "content_hash", "key_text", "open_library", "parser_version", "prepare",
           "report_from_parse"]
