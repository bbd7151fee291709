"""The ``yoy`` command line: argv, files, stdout/stderr and exit codes; nothing else.

EXIT CODES
    0  the output was produced
    1  an input or processing error (one ``Error: what / why / how to fix`` line on stderr)
    2  a usage error (unknown option, missing argument)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from . import export, pipeline
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
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md", "csv"]), default="html",
              show_default=True)
@click.option("-o", "--output", help="Write here instead of stdout.")
@encoding_option
def compare_cmd(old: str, new: str, fmt: str, output: str | None, encoding: str | None) -> None:
    """Compare two reports, OLD (earlier year) and NEW."""
    try:
        comparison = pipeline.compare_reports(load_report(old, encoding=encoding),
                                              load_report(new, encoding=encoding))
    except CompareError as exc:
        fail(exc)
    if fmt == "json":
        write_output(json.dumps(export.comparison_to_dict(comparison), ensure_ascii=False, indent=2), output)
    else:
        from . import render

        write_output(render.render(comparison, fmt), output)
        if output:
            click.echo(f"wrote {output}", err=True)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
