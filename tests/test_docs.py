"""The README documents every command by its real name, and every command has help."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from compare.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)  # type: ignore[attr-defined]


def test_readme_opens_with_the_two_setup_commands() -> None:
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block
    assert "make test" in first_block


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    assert f"yoy {name}" in README, f"`yoy {name}` is not documented in README.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str, runner: CliRunner) -> None:
    r = runner.invoke(cli, [name, "--help"], catch_exceptions=False)
    assert r.exit_code == 0
    assert "Usage:" in r.stdout
    assert len(r.stdout.splitlines()) > 3
