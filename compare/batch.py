"""A folder of reports -> the library, a comparison of every consecutive pair, and an index page.

Parsing and comparing run in a process pool (``workers``); only this, the parent process,
writes to the library. A file that fails is reported and skipped, never fatal.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tqdm import tqdm

from . import nlp, pipeline, store
from .errors import CompareError, InputError
from .model import Comparison, IndicatorPair, Report, SectionPair, Verdict
from .settings import DEFAULT_SETTINGS, Settings
from .timeline import PairStats, build_timeline, pair_stats, render_timeline

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
"""The file types a batch picks up."""

T = TypeVar("T")


@dataclass(frozen=True)
class Failure:
    """A file (or a comparison) that failed, and why."""

    name: str
    """The file or the pair, e.g. "浙江省 2024→2025"."""
    message: str
    """The one-line error, starting with the name."""


def _failure(name: str, message: str) -> Failure:
    return Failure(name, message if message.startswith(name) else f"{name}: {message}")


@dataclass(frozen=True)
class PairRow:
    """One line of the index: a consecutive pair of years of a region."""

    region: str
    """The region."""
    kind: str | None
    """The report kind."""
    old_year: int
    """The earlier year."""
    new_year: int
    """The later year."""
    href: str | None
    """The comparison page, relative to the index; None when the comparison failed."""
    stats: PairStats | None
    """The summary figures; None when the comparison failed."""
    error: str | None = None
    """Why the comparison failed."""
    timeline: str | None = None
    """The region's timeline page, relative to the index, when one was written."""


@dataclass(frozen=True)
class IndexPage:
    """What ``templates/index.html`` shows."""

    title: str
    """The page title."""
    reports: int
    """Reports stored for the regions of the batch."""
    rows: tuple[PairRow, ...]
    """One row per comparison, by region and year."""
    failures: tuple[Failure, ...]
    """Files that could not be ingested."""


@dataclass(frozen=True)
class BatchResult:
    """What a batch run did."""

    files: int
    """Report files found under the folder."""
    ingested: tuple[store.IngestResult, ...]
    """One result per file stored (or found unchanged)."""
    failures: tuple[Failure, ...]
    """Files and comparisons that failed."""
    rows: tuple[PairRow, ...]
    """The comparisons made."""
    index: Path
    """The index page written."""


def find_reports(root: Path) -> list[Path]:
    """Every report file under ``root`` (recursively, hidden files and folders skipped), sorted."""
    if not root.is_dir():
        raise InputError(f"{root}: not a folder / batch reads every report under a folder / "
                         "pass a folder (use `yoy ingest FILE` for one file)")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def read_manifest(text: str, name: str = "manifest") -> dict[str, pipeline.MetaOverrides]:
    """A TSV manifest (columns ``file``, ``region`` or ``locality``, ``year`` or ``year_reported``,
    optional ``kind``) -> overrides by file path relative to the batch folder."""
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    if not rows:
        raise InputError(f"{name}: empty / a manifest has a header line and one line per file / "
                         "check the file")
    header = set(rows[0])
    region_col = next((c for c in ("region", "locality") if c in header), None)
    year_col = next((c for c in ("year", "year_reported") if c in header), None)
    if "file" not in header or region_col is None or year_col is None:
        raise InputError(f"{name}: needs tab-separated columns file, region (or locality) and year (or "
                         f"year_reported); it has {', '.join(sorted(header))} / fix the header line")
    out = {}
    for n, row in enumerate(rows, start=2):
        try:
            year = int(row[year_col])
        except (TypeError, ValueError):
            raise InputError(f"{name} line {n}: year {row[year_col]!r} is not a number / "
                             "write the year as 2024") from None
        kind = row.get("kind") or None
        if kind not in (None, "fazhi", "gwr"):
            raise InputError(f"{name} line {n}: kind {kind!r} / kind is fazhi or gwr / fix the line")
        out[row["file"]] = pipeline.MetaOverrides(region=row[region_col] or None, year=year,
                                                  kind=kind)  # type: ignore[arg-type]
    return out


def slug(text: str) -> str:
    """A file-name-safe form of a region name (Chinese kept)."""
    return re.sub(r"[\s/\\:*?\"<>|]+", "-", text).strip("-.") or "region"


# -- jobs (run in worker processes: top-level functions, picklable arguments) ------------------

def parse_job(data: bytes, name: str, overrides: pipeline.MetaOverrides | None,
              settings: Settings) -> store.Prepared | Failure:
    """Read and parse one file; a failure is returned, not raised."""
    try:
        return store.prepare(data, name, overrides=overrides, settings=settings,
                             how_to_fix="give it a line (file, region, year, kind) in a --manifest TSV")
    except CompareError as exc:
        return _failure(name, str(exc))
    except Exception as exc:  # a parser bug must not stop the batch: report it as this file's failure
        return _failure(name, f"internal error {type(exc).__name__}: {exc} / this is a bug in yoy / "
                             "please report it with the file")


@dataclass(frozen=True)
class Compared:
    """What a compare job sends back: the page, the figures, and the pairs (without the two reports,
    which the parent process already holds)."""

    html: str
    """The comparison page."""
    stats: PairStats
    """Its summary figures."""
    sections: tuple[SectionPair, ...]
    """The section pairs."""
    indicators: tuple[IndicatorPair, ...]
    """The indicator pairs."""
    audit: tuple[Verdict, ...]
    """The verdicts."""

    def comparison(self, old: Report, new: Report) -> Comparison:
        """The comparison again, with the two reports."""
        return Comparison(old=old, new=new, sections=self.sections, indicators=self.indicators,
                          audit=self.audit)


def compare_job(old: Report, new: Report, settings: Settings) -> Compared | Failure:
    """Compare two reports and render the HTML page; a failure is returned, not raised."""
    name = f"{new.meta.region} {old.meta.year}→{new.meta.year}"
    try:
        from . import render

        c = pipeline.compare_reports(old, new, settings=settings)
        return Compared(html=render.render(c, "html", settings=settings), stats=pair_stats(c),
                        sections=c.sections, indicators=c.indicators, audit=c.audit)
    except CompareError as exc:
        return _failure(name, str(exc))
    except Exception as exc:  # as in parse_job
        return _failure(name, f"internal error {type(exc).__name__}: {exc} / this is a bug in yoy / "
                             "please report it with the two files")


def _run(jobs: Iterable[tuple[Any, ...]], fn: Callable[..., T], pool: ProcessPoolExecutor | None,
         window: int = 4) -> Iterator[tuple[tuple[Any, ...], T]]:
    """(args, fn(*args)) for each job, in the jobs' order: in this process without a pool, else in the
    pool with at most ``window`` jobs in flight (jobs are drawn lazily, so memory stays bounded; results
    are taken in order, so that what is stored does not depend on timing)."""
    if pool is None:
        for args in jobs:
            yield args, fn(*args)
        return
    pending = iter(jobs)
    futures: deque[tuple[tuple[Any, ...], Future[T]]] = deque(
        (args, pool.submit(fn, *args)) for args in itertools.islice(pending, window))
    while futures:
        args, fut = futures.popleft()
        result = fut.result()
        for more in itertools.islice(pending, 1):
            futures.append((more, pool.submit(fn, *more)))
        yield args, result


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """The process pool for ``workers`` > 1, with the tokenizer loaded first so that forked workers
    share it instead of each building jieba's dictionary."""
    if workers <= 1:
        return None
    nlp.words("法治政府")
    return ProcessPoolExecutor(max_workers=workers)


def run_batch(root: Path, outdir: Path, lib: store.Library, *, workers: int = 1,
              manifest: dict[str, pipeline.MetaOverrides] | None = None,
              settings: Settings = DEFAULT_SETTINGS, progress: bool = True,
              on_failure: Callable[[Failure], None] | None = None) -> BatchResult:
    """Ingest every report under ``root`` into ``lib``, compare each region's consecutive years,
    write the comparison pages and ``index.html`` under ``outdir``."""
    files = find_reports(root)
    pool = _pool(workers)
    try:
        return _batch(root, outdir, lib, files, pool, workers=workers, manifest=manifest, settings=settings,
                      progress=progress, on_failure=on_failure)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _batch(root: Path, outdir: Path, lib: store.Library, files: list[Path],
           pool: ProcessPoolExecutor | None, *, workers: int,
           manifest: dict[str, pipeline.MetaOverrides] | None, settings: Settings, progress: bool,
           on_failure: Callable[[Failure], None] | None) -> BatchResult:
    failures: list[Failure] = []
    results: list[store.IngestResult] = []
    keys: set[tuple[str, str | None]] = set()
    window = 2 * workers  # jobs in flight: each worker busy, one more waiting

    def failed(f: Failure) -> None:
        failures.append(f)
        if on_failure is not None:
            on_failure(f)

    bar = tqdm(total=len(files), desc="ingest", unit="file", file=sys.stderr, disable=not progress)

    def parse_jobs() -> Iterator[tuple[bytes, str, pipeline.MetaOverrides | None, Settings]]:
        """Files not yet stored, read one at a time (stored ones are counted here and skipped)."""
        for path in files:
            name = str(path)
            overrides = (manifest or {}).get(path.relative_to(root).as_posix())
            try:
                data = path.read_bytes()
            except OSError as exc:
                failed(_failure(name, f"cannot be read ({exc.strerror}) / check its permissions"))
                bar.update()
                continue
            stored = lib.stored_content(store.content_hash(data), overrides)
            if stored is not None:
                results.append(store.IngestResult("unchanged", stored))
                keys.add((stored.region, stored.kind))
                bar.update()
                continue
            yield data, name, overrides, settings

    for args, out in _run(parse_jobs(), parse_job, pool, window):
        if isinstance(out, Failure):
            failed(out)
        else:
            try:
                res = lib.add(out)
            except CompareError as exc:
                failed(_failure(args[1], str(exc)))
            else:
                results.append(res)
                keys.add((res.entry.region, res.entry.kind))
        bar.update()
    bar.close()

    pairs: list[tuple[store.Entry, store.Entry]] = []
    stored_reports = 0
    for region, kind in sorted(keys, key=lambda k: (k[0], k[1] or "")):
        entries = sorted(lib.entries(region=region, kind=kind or ""), key=lambda e: e.year)
        stored_reports += len(entries)
        pairs.extend(itertools.pairwise(entries))
    outdir.mkdir(parents=True, exist_ok=True)
    rows: list[PairRow] = []
    bar = tqdm(total=len(pairs), desc="compare", unit="pair", file=sys.stderr, disable=not progress)

    def compare_jobs() -> Iterator[tuple[Report, Report, Settings]]:
        """The pairs with their reports, loaded lazily (the new side of one pair is the old side of
        the next: kept, not loaded twice)."""
        last: tuple[int, Report] | None = None
        for old, new in pairs:
            try:
                old_r = last[1] if last is not None and last[0] == old.id else lib.report(old)
                new_r = lib.report(new)
            except CompareError as exc:
                failed(_failure(f"{new.region} {old.year}→{new.year}", str(exc)))
                rows.append(PairRow(new.region, new.kind, old.year, new.year, None, None, str(exc)))
                bar.update()
                continue
            last = (new.id, new_r)
            yield old_r, new_r, settings

    timelines: dict[tuple[str, str | None], str] = {}
    chain: list[Comparison] = []  # the comparisons of the current region, for its timeline

    def write_timeline() -> None:
        if not chain:
            return
        region, kind = chain[0].new.meta.region or "?", chain[0].new.meta.kind
        href = f"{_folder(region, kind)}/timeline.html"
        try:
            (outdir / href).write_text(_timeline_page(chain, settings), encoding="utf-8")
        except CompareError as exc:
            failed(_failure(f"{region} timeline", str(exc)))
        else:
            timelines[(region, kind)] = href
        chain.clear()

    for args, done in _run(compare_jobs(), compare_job, pool, window):
        old_r, new_r = args[0], args[1]
        region, kind = new_r.meta.region or "?", new_r.meta.kind
        oy, ny = old_r.meta.year or 0, new_r.meta.year or 0
        if chain and (chain[0].new.meta.region, chain[0].new.meta.kind) != (new_r.meta.region, kind):
            write_timeline()
        if isinstance(done, Failure):
            failed(done)
            rows.append(PairRow(region, kind, oy, ny, None, None, done.message))
        else:
            href = f"{_folder(region, kind)}/{oy}-{ny}.html"
            target = outdir / href
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(done.html, encoding="utf-8")
            rows.append(PairRow(region, kind, oy, ny, href, done.stats))
            chain.append(done.comparison(old_r, new_r))
        bar.update()
    write_timeline()
    bar.close()
    rows = [dataclasses.replace(r, timeline=timelines.get((r.region, r.kind))) for r in rows]
    rows.sort(key=lambda r: (r.region, r.kind or "", r.old_year))
    page = IndexPage(title=f"yoy batch: {root.name or root}", reports=stored_reports, rows=tuple(rows),
                     failures=tuple(failures))
    index = outdir / "index.html"
    index.write_text(render_index(page), encoding="utf-8")
    return BatchResult(files=len(files), ingested=tuple(results), failures=tuple(failures), rows=tuple(rows),
                       index=index)


def _folder(region: str, kind: str | None) -> str:
    return f"{slug(region)}{'-' + kind if kind else ''}"


def _timeline_page(comparisons: list[Comparison], settings: Settings) -> str:
    """The timeline of the years the comparisons chain (a gap, where a comparison failed, splits it:
    the longest run of consecutive comparisons is shown)."""
    runs: list[list[Comparison]] = []
    for c in comparisons:
        if runs and runs[-1][-1].new.meta.year == c.old.meta.year:
            runs[-1].append(c)
        else:
            runs.append([c])
    chain = max(runs, key=len)
    by_years = {(c.old.meta.year, c.new.meta.year): c for c in chain}
    reports = [chain[0].old, *(c.new for c in chain)]
    tl = build_timeline(reports, settings=settings, compare=lambda a, b: by_years[(a.meta.year, b.meta.year)])
    return render_timeline(tl)


def render_index(page: IndexPage) -> str:
    """The index page as HTML."""
    from .timeline import render_page

    return render_page("index.html", page)
