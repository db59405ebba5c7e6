"""click, in the user's language: translated help, ``--lang``, width-aware help layout.

Input: the commands and options of :mod:`glossary.cli`, written in English.
Output: the same click objects, showing their help in the language chosen
by :mod:`glossary.i18n` at the moment click displays it.

Why at display time: click reads docstrings and ``help=`` when the module is
imported, long before ``--lang`` or the environment are read. So ``help``
is stored as written and looked up in the catalog each time click reads it.
Option help is marked ``help=N_("...")``; command docstrings are extracted
by ``scripts/babel_extractors.py``.

Why a formatter: click wraps help by counting characters, but a hangul or
hanzi takes two columns in a terminal, so Korean help would run past the
edge. :class:`HelpFormatter` measures display width instead, and keeps
indented paragraphs (the ``Example:`` blocks) line for line.
"""

from __future__ import annotations

import inspect
import sys
import unicodedata
from typing import Any

import click

from glossary.i18n import N_, _, choose_language, find_lang_option, set_language


# --- layout -------------------------------------------------------------------
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (hangul, hanzi, kana) characters count two.

    >>> display_width("ko 이구환신"), display_width("以旧换新")
    (11, 8)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns, at spaces.

    Korean is broken between words (어절), as Korean typesetting does; a word
    longer than the line stays whole.

    >>> wrap("새 용어를 용어 베이스에 후보로 추가합니다.", 20)
    ['새 용어를 용어', '베이스에 후보로', '추가합니다.']
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and display_width(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


class HelpFormatter(click.HelpFormatter):
    """click's formatter, measuring display width; indented paragraphs are kept as written."""

    def write_text(self, text: str) -> None:  # noqa: D102
        indent = " " * self.current_indent
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        out = []
        for paragraph in paragraphs:
            lines = paragraph.splitlines()
            if lines[0].strip() == "\b":
                out.append("\n".join(indent + line for line in lines[1:]))
            elif lines[0].startswith((" ", "\t")):  # an example: keep its lines
                out.append("\n".join(indent + line for line in lines))
            else:
                width = max(self.width - self.current_indent, 20)
                out.append("\n".join(indent + line for line in wrap(" ".join(lines), width)))
        self.write("\n\n".join(out) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:  # noqa: D102
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        text_width = max(self.width - first_col - self.current_indent, 20)
        for first, second in rows:
            self.write(" " * self.current_indent + first)
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, text_width) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


class Context(click.Context):
    """A context that lays out help with :class:`HelpFormatter`."""

    formatter_class = HelpFormatter



# --- translated commands and options -----------------------------------------------


class TranslatedHelp:
    """``help`` is stored as written (English) and translated each time it is read."""

    _help: str | None = None
    _help_values: dict[str, str] | None = None

    @property
    def help(self) -> str | None:
        """The help in the current language, placeholders filled from ``help_values``."""
        if not self._help:
            return self._help
        text = _(inspect.cleandoc(self._help))
        return text.format(**self._help_values) if self._help_values else text

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value


class TranslatedCommand(TranslatedHelp):
    """Docstring, ``--help`` and layout of a command or group in the chosen language."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:  # noqa: D102
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # click builds it once and caches it, in the language of that moment
            option.help = _("Show this message and exit.")
        return option


class Command(TranslatedCommand, click.Command):
    """A command whose help is shown in the chosen language."""


class Option(TranslatedHelp, click.Option):
    """An option whose help is shown in the chosen language.

    ``help_values`` fill named placeholders of the help after translation:
    ``help=N_("Match one form only: {fields}."), help_values={"fields": "..."}``.
    """

    def __init__(self, *args: Any, help_values: dict[str, str] | None = None, **kwargs: Any) -> None:
        self._help_values = help_values
        super().__init__(*args, **kwargs)


class Group(TranslatedCommand, click.Group):
    """The root group: chooses the language before click parses anything."""

    command_class = Command

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # noqa: D102
        args = sys.argv[1:] if args is None else list(args)
        set_language(choose_language(find_lang_option(args)))  # parse errors are translated too
        return super().main(args=args, prog_name=prog_name, **extra)


def option(*param_decls: str, **attrs: Any) -> Any:
    """``click.option`` whose help is translated when shown; mark it ``help=N_("...")``."""
    return click.option(*param_decls, cls=Option, **attrs)


def _choose(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        set_language(choose_language(value))


def lang_option() -> Any:
    """``--lang ko|en``, for the group and every command; unknown values mean English."""
    return option(
        "--lang", metavar="ko|en", expose_value=False, is_eager=True, callback=_choose,
        help=N_("Language of messages [default: GLOSSARY_LANG, else the locale, else en]."),
    )


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    click.echo(_("%(prog)s, version %(version)s") % {"prog": ctx.find_root().info_name, "version": version("glossary")})
    ctx.exit()


def version_option() -> Any:
    """``--version``, with its help and its message in the chosen language."""
    return option(
        "--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
        help=N_("Show the version and exit."),
    )
