"""The command line's contract: exit codes, one-line errors, the JSON schema keys."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from compare.cli import cli

from .conftest import REPORTS


def test_parse_json_has_contract_keys_and_text_unchanged(runner: CliRunner) -> None:
    path = REPORTS / "fazhi/beijing_2022.txt"
    r = runner.invoke(cli, ["parse", str(path), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "yoy.report/1"
    assert set(data) >= {"meta", "text", "sections", "indicators", "plans"}
    assert set(data["meta"]) >= {"title", "region", "year", "kind", "published", "source"}
    assert data["text"] == path.read_text(encoding="utf-8")


def test_missing_file_is_one_error_line(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["parse", "no/such/report.txt"])
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("Error: no/such/report.txt")
    assert r.stderr.count("\n") == 1


def test_usage_error_exits_2(runner: CliRunner) -> None:
    r = runner.invoke(cli, ["parse"])
    assert r.exit_code == 2


def test_installed_entry_point_runs() -> None:
    r = subprocess.run([sys.executable, "-m", "compare.cli", "--help"], capture_output=True, text=True, check=False)
    assert r.returncode == 0
    assert "parse" in r.stdout
    assert "compare" in r.stdout
