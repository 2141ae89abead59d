"""The README documents the whole command line: every command and every option `--help` shows.

Commands and options are read from click (packet.cli's `main` group), not from help text.
README's "Using the `packet` command" holds the reference: a block with one entry per
command — its `    packet NAME` line and the more indented lines under it — which must
name each of that command's options. Options every command takes (`--project`, `--help`)
and the group's own (`--debug`, `--version`) are named once in that section instead.
"""

from __future__ import annotations

import re

import click
import pytest

from conftest import REPO
from packet.cli import main

README = REPO / "README.md"
REFERENCE = "Using the `packet` command"
GROUP = click.Context(main, info_name="packet", **main.context_settings)


def options(command: click.Command, context: click.Context) -> set[str]:
    """Every option name `command --help` shows (`-j` and `--jobs`, `--single-sided` too)."""
    return {
        name
        for param in command.get_params(context)
        if isinstance(param, click.Option) and not param.hidden
        for name in (*param.opts, *param.secondary_opts)
    }


def command_options(name: str) -> set[str]:
    command = main.commands[name]
    return options(command, click.Context(command, info_name=name, parent=GROUP))


COMMON = set.intersection(*(command_options(name) for name in main.commands))


def section(title: str) -> str:
    """The README's `## title` section, up to the next section of the same level."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def entries() -> dict[str, str]:
    """Each command's entry in the reference block, by command name."""
    found: dict[str, str] = {}
    current = None
    for line in section(REFERENCE).splitlines():
        if heading := re.match(r" {4}packet ([\w-]+)", line):
            current = heading[1]
            found[current] = line
        elif current and line.startswith(" " * 8):
            found[current] += "\n" + line
        else:
            current = None
    return found


def named(option: str, text: str) -> bool:
    """Whether `text` names `option` as a whole word (`--out` is not named by `--outline`)."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def test_the_reference_block_is_read() -> None:
    assert {"--project", "--help"} <= COMMON
    assert "--jobs" in entries()["build"] and "--port" in entries()["serve"]
    assert named("--out", "a --out DIR") and not named("--out", "--outline")
    assert not named("-j", "--jobs") and named("-j", "(-j N)")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_an_entry(name: str) -> None:
    assert name in entries(), f"README's {REFERENCE!r} has no line `    packet {name} ...`"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_of_a_command_is_in_its_entry(name: str) -> None:
    entry = entries().get(name, "")
    missing = sorted(o for o in command_options(name) - COMMON if not named(o, entry))
    assert missing == [], f"`packet {name}` options missing from its README entry: {missing}"


def test_options_of_every_command_and_of_packet_itself_are_in_the_reference() -> None:
    text = section(REFERENCE)
    missing = sorted(o for o in options(main, GROUP) | COMMON if not named(o, text))
    assert missing == [], f"options missing from README's {REFERENCE!r}: {missing}"
