"""README and help stay true: every command has help with an example and is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_there_are_commands() -> None:
    assert {"build", "extract", "reading", "export", "lookup"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = cli.commands[name]
    assert command.help and "Example:" in command.help
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_with_output(name: str) -> None:
    # a heading for the command and a shell example that runs it
    assert re.search(rf"^#+ .*`glossary {name}", README, re.MULTILINE), f"README has no section for {name}"
    assert re.search(rf"^\$ glossary {name}\b", README, re.MULTILINE), f"README has no example run of {name}"


def test_readme_setup_commands_are_single_lines() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    setup = [b for b in blocks if "pip install" in b]
    assert any(".venv/bin/glossary build" in b and b.count("\n") == 1 for b in setup)
    assert any("pytest" in b and b.count("\n") == 1 for b in setup)


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_line = next(b for b in re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL) if "pytest" in b)
    assert test_line in ci
