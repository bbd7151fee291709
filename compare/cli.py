"""The ``yoy`` command line: argv, files, stdout/stderr and exit codes; nothing else.

EXIT CODES
    0  the output was produced
    1  an input or processing error (one ``Error: what / why / how to fix`` line on stderr)
    2  a usage error (unknown option, missing argument)
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any, NoReturn

import click

from . import export, pipeline, store
from .errors import CompareError, InputTooLargeError, MissingInputError
from .model import Report
from .settings import DEFAULT_SETTINGS, Settings

KINDS = click.Choice(["fazhi", "gwr"])


def fail(exc: CompareError) -> NoReturn:
    """Print the one-line error and exit 1."""
    click.echo(f"Error: {exc}", err=True)
    sys.exit(1)


def read_input(path: str, settings: Settings) -> bytes:
    """The bytes of a report file, or of standard input for ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise MissingInputError(f"{path}: no such file / the path does not exist / check the path")
        if p.is_dir():
            raise MissingInputError(f"{path}: is a directory / a report is one file / name a .txt, .html, "
                                    ".docx or .pdf file inside it")
        if p.stat().st_size > settings.max_input_bytes:
            raise InputTooLargeError(
                f"{path}: {p.stat().st_size} bytes / larger than any annual report "
                f"({settings.max_input_bytes // (1024 * 1024)} MiB limit) / pass the report itself, not an archive")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise MissingInputError(f"{path}: cannot be read ({exc.strerror}) / check its permissions") from None
    if len(data) > settings.max_input_bytes:
        raise InputTooLargeError(f"{path}: more than {settings.max_input_bytes} bytes / larger than any "
                                 "annual report / pass the report itself")
    return data


def load_report(path: str, *, encoding: str | None = None, region: str | None = None,
                year: int | None = None, kind: str | None = None,
                settings: Settings = DEFAULT_SETTINGS) -> Report:
    """Read and parse one report file named on the command line."""
    data = read_input(path, settings)
    overrides = pipeline.MetaOverrides(region=region, year=year, kind=kind)  # type: ignore[arg-type]
    return pipeline.read_report(data, path, settings=settings, encoding=encoding, overrides=overrides)


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def write_output(content: str, output: str | None) -> None:
    """Write to ``output`` (creating its folder) or to stdout."""
    if output is None or output == "-":
        click.echo(content, nl=not content.endswith("\n"))
        return
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(content, encoding="utf-8")


def outline_text(report: Report) -> str:
    """A readable outline of a parsed report, for a person."""
    m = report.meta
    lines = [f"{m.title or '(no title)'}",
             f"region: {m.region or '?'}   year: {m.year or '?'}   kind: {m.kind or '?'}   "
             f"published: {m.published or '?'}   source: {m.source}", ""]
    for s in report.sections:
        role = f"  [{s.role}]" if s.role else ""
        lines.append(f"{'  ' * (s.level - 1)}{s.marker}{s.title}{role}")
    lines.append("")
    lines.append(f"{len(report.sections)} sections, {len(report.indicators)} indicators, {len(report.plans)} plans")
    return "\n".join(lines) + "\n"


encoding_option = click.option("--encoding", help="Character encoding of text input (e.g. gb18030), "
                               "when detection is unsure.")
db_option = click.option("--db", envvar=store.DB_ENV, default=store.DEFAULT_DB, show_default=True,
                         help="The library file (or set YOY_DB).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="yoy")
def cli() -> None:
    """yoy (年报比对): compare Chinese government annual reports year over year."""


@cli.command("parse")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@encoding_option
@click.option("--region", help="Override the region found in the report.")
@click.option("--year", type=int, help="Override the year the report reviews.")
@click.option("--kind", type=KINDS, help="Override the report kind.")
def parse_cmd(file: str, fmt: str, encoding: str | None, region: str | None, year: int | None,
              kind: str | None) -> None:
    """Parse one report (FILE, or - for stdin): outline, indicators, plans."""
    try:
        report = load_report(file, encoding=encoding, region=region, year=year, kind=kind)
    except CompareError as exc:
        fail(exc)
    if fmt == "json":
        emit_json(export.report_to_dict(report))
    else:
        click.echo(outline_text(report), nl=False)


@cli.command("compare")
@click.argument("old")
@click.argument("new")
@click.argument("year2", required=False)
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md", "csv"]), default="html",
              show_default=True)
@click.option("-o", "--output", help="Write here instead of stdout.")
@encoding_option
@click.option("--kind", "lib_kind", type=KINDS,
              help="With REGION YEAR1 YEAR2: which kind, when both are stored.")
@db_option
@click.option("--overrides", "overrides_file", help="Your own audit verdicts and notes (YAML or JSON), "
              "kept beside the computed ones; see `yoy audit --help`.")
def compare_cmd(old: str, new: str, year2: str | None, fmt: str, output: str | None, encoding: str | None,
                lib_kind: str | None, db: str, overrides_file: str | None) -> None:
    """Compare two reports: files OLD (earlier year) and NEW, or REGION YEAR1 YEAR2 from the library."""
    try:
        audit_overrides = read_overrides(overrides_file)
        old_report, new_report = (load_report(old, encoding=encoding), load_report(new, encoding=encoding)) \
            if year2 is None else library_pair(db, old, new, year2, lib_kind)
        comparison = pipeline.compare_reports(old_report, new_report, audit_overrides=audit_overrides)
    except CompareError as exc:
        fail(exc)
    if fmt == "json":
        write_output(json.dumps(export.comparison_to_dict(comparison), ensure_ascii=False, indent=2), output)
    else:
        from . import render

        write_output(render.render(comparison, fmt), output)
        if output:
            click.echo(f"wrote {output}", err=True)


def read_overrides(path: str | None) -> dict[str, dict[str, str]] | None:
    """The audit overrides file named by --overrides, parsed and checked (None without one)."""
    if path is None:
        return None
    from . import overrides

    p = Path(path)
    if not p.is_file():
        raise MissingInputError(f"{path}: no such overrides file / --overrides names a YAML or JSON file / "
                                "check the path")
    return overrides.parse_overrides(p.read_bytes(), path)


@cli.command("audit")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True)
@click.option("--overrides", "overrides_file", help="Your own verdicts and notes, YAML or JSON.")
@click.option("-o", "--output", help="Write here instead of stdout.")
@encoding_option
def audit_cmd(old: str, new: str, fmt: str, overrides_file: str | None, output: str | None,
              encoding: str | None) -> None:
    """Was OLD's plan delivered? One verdict per plan item of OLD, from the evidence in NEW.

    Status: delivered, partial, missed (a numeric target not met) or not_found (NEW is silent);
    `carried over` marks a plan NEW repeats as a plan. The overrides file keeps your own
    verdict beside the computed one, keyed by plan id or plan text:

    \b
        p4: {status: partial, note: 零售总额 4% against 5%}
        发挥政策引导保障支撑作用: delivered
    """
    from . import audit

    try:
        audit_overrides = read_overrides(overrides_file)
        old_report, new_report = load_report(old, encoding=encoding), load_report(new, encoding=encoding)
        comparison = pipeline.compare_reports(old_report, new_report, audit_overrides=audit_overrides)
    except CompareError as exc:
        fail(exc)
    rows = audit.audit_rows(old_report, new_report, comparison.audit)
    if fmt == "json":
        write_output(json.dumps(rows, ensure_ascii=False, indent=2), output)
    elif fmt == "csv":
        write_output(audit.rows_to_csv(rows), output)
    else:
        table = [[r["plan"], r["status"] + (f" ({r['override_status']})" if r["override_status"] else ""),
                  f"{r['score']:.2f}", "yes" if r["carried_over"] else "", short(r["text"] or "", 24),
                  short((f"note: {r['override_note']} | " if r["override_note"] else "")
                        + (f"{r['target']} -> {r['actual'] or '-'}" if r["target"] else r["reason"]), 60)]
                 for r in rows]
        counts = {s: sum(r["status"] == s for r in rows)
                  for s in ("delivered", "partial", "missed", "not_found")}
        summary = ", ".join(f"{n} {s}" for s, n in counts.items())
        write_output(text_table(["plan", "status", "score", "carried", "plan text", "target -> actual / why"],
                                table) + f"\n{len(rows)} plans: {summary}\n", output)


# -- the library: ingest, list, show, remove, timeline, batch (compare/store.py) ---------------



def open_db(db: str, *, create: bool = False) -> store.Library:
    """The library named by --db / YOY_DB, or exit with its error."""
    try:
        return store.open_library(db, create=create)
    except CompareError as exc:
        fail(exc)


def library_pair(db: str, region: str, year1: str, year2: str, kind: str | None) -> tuple[Report, Report]:
    """``yoy compare REGION YEAR1 YEAR2``: the two stored reports."""
    years = []
    for y in (year1, year2):
        if not y.isdigit():
            raise click.BadParameter(f"{y!r} is not a year; use `yoy compare OLD NEW` (files) or "
                                     "`yoy compare REGION YEAR1 YEAR2` (library)")
        years.append(int(y))
    if years[0] >= years[1]:
        raise click.BadParameter(f"YEAR1 ({years[0]}) must be earlier than YEAR2 ({years[1]}): "
                                 f"`yoy compare {region} {min(years)} {max(years)}`")
    with open_db(db) as lib:
        return lib.load(region, years[0], kind=kind), lib.load(region, years[1], kind=kind)


def text_table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain-text table, columns padded by display width (a Chinese character counts 2)."""
    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    widths = [max(width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [headers, *rows]]
    return "\n".join(lines) + "\n"


def short(text: str, n: int) -> str:
    """``text`` cut to ``n`` characters, with … when cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


@cli.command("ingest")
@click.argument("files", nargs=-1, required=True)
@click.option("--region", help="File the reports under this region (else the region found in each).")
@click.option("--year", type=int, help="The year the reports review (else the year found in each).")
@click.option("--kind", type=KINDS, help="The report kind (else the kind found in each).")
@encoding_option
@db_option
def ingest_cmd(files: tuple[str, ...], region: str | None, year: int | None, kind: str | None,
               encoding: str | None, db: str) -> None:
    """Store reports (FILE…) in the library: text, metadata and parse, one transaction each.

    The same content again changes nothing; a changed report for a stored region and year
    becomes its new version. A file that fails is reported and the others are stored; the
    exit code is 1 when any failed.
    """
    overrides = pipeline.MetaOverrides(region=region, year=year, kind=kind)  # type: ignore[arg-type]
    failed = 0
    with open_db(db, create=True) as lib:
        for file in files:
            try:
                data = read_input(file, DEFAULT_SETTINGS)
                stored = lib.stored_content(store.content_hash(data), overrides)
                result = store.IngestResult("unchanged", stored) if stored is not None else \
                    lib.add(store.prepare(data, file, overrides=overrides, encoding=encoding))
            except CompareError as exc:
                click.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            e = result.entry
            key = store.key_text(e.region, e.year, e.kind)
            click.echo(f"{result.status:<11}  {key}  v{e.version}  {file}")
    sys.exit(1 if failed else 0)


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def list_cmd(fmt: str, db: str) -> None:
    """The reports in the library: region, year, kind, versions, title, ingested at."""
    with open_db(db) as lib:
        try:
            entries = lib.entries()
        except CompareError as exc:
            fail(exc)
    if fmt == "json":
        emit_json([{"region": e.region, "year": e.year, "kind": e.kind, "versions": e.versions,
                    "version": e.version, "title": e.title, "source": e.source, "sha256": e.sha256,
                    "ingested_at": e.ingested_at} for e in entries])
        return
    if not entries:
        click.echo(f"the library {db} is empty: add reports with `yoy ingest FILE…`", err=True)
        return
    click.echo(text_table(["region", "year", "kind", "versions", "title", "ingested at"],
                          [[e.region, str(e.year), e.kind or "", str(e.versions), short(e.title or "", 30),
                            e.ingested_at] for e in entries]), nl=False)


@cli.command("show")
@click.argument("region")
@click.argument("year", type=int)
@click.option("--kind", type=KINDS, help="Which report, when both kinds are stored for the year.")
@click.option("--version", "version", type=int, help="An earlier stored version (default: the latest).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def show_cmd(region: str, year: int, kind: str | None, version: int | None, fmt: str, db: str) -> None:
    """A stored report: its outline and counts (--format json: yoy.report/1)."""
    with open_db(db) as lib:
        try:
            entry = lib.find(region, year, kind=kind, version=version)
            report = lib.report(entry)
        except CompareError as exc:
            fail(exc)
    if fmt == "json":
        emit_json(export.report_to_dict(report))
        return
    click.echo(f"{store.key_text(entry.region, entry.year, entry.kind)}  version {entry.version} of "
               f"{max(entry.versions, entry.version)}  ingested {entry.ingested_at}  "
               f"sha256 {entry.sha256[:12]}")
    click.echo(outline_text(report), nl=False)


@cli.command("remove")
@click.argument("region")
@click.argument("year", type=int)
@click.option("--kind", type=KINDS, help="Which report, when both kinds are stored for the year.")
@click.option("--all-versions", is_flag=True, help="Remove every stored version (default: the latest only, "
              "and the previous version becomes the latest).")
@db_option
def remove_cmd(region: str, year: int, kind: str | None, all_versions: bool, db: str) -> None:
    """Remove a report from the library."""
    with open_db(db) as lib:
        try:
            removed = lib.remove(region, year, kind=kind, all_versions=all_versions)
        except CompareError as exc:
            fail(exc)
    for e in removed:
        click.echo(f"removed  {store.key_text(e.region, e.year, e.kind)}  v{e.version}  {e.source}")


@cli.command("timeline")
@click.argument("region")
@click.option("--kind", type=KINDS, help="Which series, when both kinds are stored for the region.")
@click.option("-o", "--output", help="Write here instead of stdout.")
@db_option
def timeline_cmd(region: str, kind: str | None, output: str | None, db: str) -> None:
    """All the years of a region: indicator series, plan audits, section similarity (HTML)."""
    from . import timeline

    with open_db(db) as lib:
        try:
            entries = lib.region(region, kind=kind)
            kinds = sorted({e.kind or "" for e in entries})
            if len(kinds) > 1:
                raise CompareError(f"{region}: reports of {len(kinds)} kinds are stored "
                                   f"({', '.join(kinds)}) / a timeline follows one kind / pass --kind")
            page = timeline.render_timeline(timeline.build_timeline([lib.report(e) for e in entries]))
        except CompareError as exc:
            fail(exc)
    write_output(page, output)
    if output:
        click.echo(f"wrote {output}", err=True)


@cli.command("batch")
@click.argument("folder")
@click.option("-o", "--output", "outdir", required=True,
              help="The folder for index.html and the comparisons.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes parsing and comparing in parallel.")
@click.option("--manifest", help="A TSV file (file, region, year, kind) giving region and year per file, "
              "for reports whose metadata lacks them.")
@click.option("--progress/--no-progress", default=True, help="The progress bar on stderr.")
@db_option
def batch_cmd(folder: str, outdir: str, workers: int, manifest: str | None, progress: bool, db: str) -> None:
    """Ingest every report under FOLDER, compare each region's consecutive years, write an index.

    A file that fails is reported (one line) and skipped; the exit code is 1 when any failed.
    """
    from tqdm import tqdm

    from . import batch

    def report(f: batch.Failure) -> None:
        tqdm.write(f"Error: {f.message}", file=sys.stderr)

    try:
        overrides = None
        if manifest is not None:
            text = read_input(manifest, DEFAULT_SETTINGS).decode("utf-8-sig")
            overrides = batch.read_manifest(text, manifest)
        with open_db(db, create=True) as lib:
            result = batch.run_batch(Path(folder), Path(outdir), lib, workers=workers, manifest=overrides,
                                     progress=progress, on_failure=report)
    except CompareError as exc:
        fail(exc)
    stored = sum(r.status != "unchanged" for r in result.ingested)
    click.echo(f"{result.files} files: {stored} stored, {len(result.ingested) - stored} unchanged, "
               f"{len(result.failures)} failed; {len(result.rows)} comparisons; wrote {result.index}",
               err=True)
    sys.exit(1 if result.failures else 0)


@cli.command("indicators")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", help="Write here instead of stdout (required for xlsx).")
@encoding_option
def indicators_cmd(files: tuple[str, ...], fmt: str, output: str | None, encoding: str | None) -> None:
    """The figures of one report, or of several years side by side (one column per year)."""
    from . import tables

    if fmt == "xlsx" and (output is None or output == "-"):
        fail(CompareError("xlsx is a binary format / it cannot go to the terminal / pass -o FILE.xlsx"))
    try:
        reports = [load_report(f, encoding=encoding) for f in files]
        content = tables.export_table(tables.indicator_table(reports, settings=DEFAULT_SETTINGS),
                                      fmt)  # type: ignore[arg-type]
    except CompareError as exc:
        fail(exc)
    if isinstance(content, bytes):
        out = Path(output or "indicators.xlsx")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
        click.echo(f"wrote {out}", err=True)
    else:
        write_output(content, output)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
