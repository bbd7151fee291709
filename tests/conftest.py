"""Shared fixtures: the bundled real reports (``reports/``), the gold copies (``tests/gold/``)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compare import pipeline
from compare.model import Report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
GOLD = Path(__file__).resolve().parent / "gold"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files and accuracy floors from the current output (review the diff!)")
    parser.addoption("--allow-regression", action="store_true", default=False,
                     help="let --update-golden lower a pinned accuracy floor")


@functools.cache
def parsed(relpath: str) -> Report:
    """A bundled report, read and parsed once per test session (``relpath`` as in MANIFEST.tsv)."""
    path = REPORTS / relpath
    return pipeline.read_report(path.read_bytes(), str(path))


def gold(name: str) -> dict[str, Any]:
    """A gold annotation file by name (``zhejiang_2024.report.json``)."""
    data: dict[str, Any] = json.loads((GOLD / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
