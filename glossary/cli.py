"""Command line: parse arguments, call the library, print. Nothing else.

Heavy libraries (OpenCC, pykakasi, lxml, YAML, ...) are imported inside the
commands that need them, so ``glossary lookup`` starts fast.
Exit codes: 0 success, 1 nothing found, 2 bad usage or bad input.

Every message goes through :mod:`glossary.i18n` (``_``); help texts are
translated when click shows them (:mod:`glossary.cli_i18n`), since the
language is only known once ``--lang`` and the environment are read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from glossary.cli_i18n import Group, lang_option, option, version_option
from glossary.i18n import N_, _
from glossary.index import FIELD_CHOICES
from glossary.model import GlossaryError

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

DEFAULT_SOURCES = ("seeds",)
DEFAULT_TERMS = "terms.yaml"
DEFAULT_OUT = "out"


class _Group(Group):
    """Turns every library error into one clear line on stderr and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:  # noqa: D102
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            click.echo(_("glossary: error: {message}").format(message=exc), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except BrokenPipeError:  # `glossary extract ... | head`
            sys.stderr.close()
            ctx.exit(EXIT_OK)
        except KeyboardInterrupt:  # Ctrl-C: outputs and terms.yaml are as they were
            click.echo("\n" + _("glossary: interrupted; nothing was changed"), err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except RecursionError:
            click.echo(_("glossary: error: {message}").format(message=_("the input is nested too deeply")), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except MemoryError:
            click.echo(_("glossary: error: {message}").format(message=_("out of memory; see --limit")), err=True)
            ctx.exit(EXIT_BAD_INPUT)


def _set_limits(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    if not value:
        return
    from glossary import limits

    try:
        limits.set_limits(limits.parse(",".join(value), limits.current()))
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option()
@lang_option()
@option("--limit", "limit", multiple=True, metavar="NAME=N", expose_value=False, callback=_set_limits,
        help=N_("Raise or lower a limit on hostile input, e.g. rows=500000 (see README, Limits)."))
def cli() -> None:
    """Korean-English terminology for texts about China.

    Finds the Chinese terms quoted in brackets in English and Korean texts,
    reads them in hangul, pinyin and Japanese, gathers their English
    renderings, and exports a term base for CAT tools and spreadsheets.
    """


def _terms_path(terms: str | None) -> tuple[Path, bool]:
    """The term base path and whether the user named it (then it must exist)."""
    return (Path(terms), True) if terms else (Path(DEFAULT_TERMS), False)


def _text_paths(paths: tuple[str, ...], terms_missing: bool = False) -> list[Path]:
    """The texts named, or ``seeds/``; outside a project folder, say how to name them.

    A term base named but missing is reported first (by the pipeline), as it always was.
    """
    if not paths and not terms_missing and not all(Path(p).exists() for p in DEFAULT_SOURCES):
        raise click.UsageError(_("no texts named, and no seeds/ folder here (the default): name the files or "
                                 "folders to read, e.g. `glossary build reports/ notes.docx`"))
    return [Path(p) for p in paths or DEFAULT_SOURCES]


def _collect(paths: tuple[str, ...], terms: str | None, quiet: bool = True, jobs: int | None = None,  # noqa: ANN202
             occurrences: tuple[str, ...] = (), stream: bool = False):
    from glossary.pipeline import run_pipeline
    from glossary.progress import ProgressBar

    path, explicit = _terms_path(terms)
    texts = [] if occurrences and not paths else _text_paths(paths, terms_missing=explicit and not path.exists())
    with ProgressBar(enabled=False if quiet else None) as bar:
        return run_pipeline(texts, path, terms_required=explicit, progress=bar, jobs=jobs,
                            occurrence_files=[Path(p) for p in occurrences], stream=stream)


def _jobs_option():  # noqa: ANN202
    return option(
        "--jobs", "-j", "jobs", type=click.IntRange(min=1), metavar="N",
        help=N_("Worker processes reading and extracting files [default: the machine's cores]."),
    )


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@option("--terms", "terms", metavar="FILE", help=N_("Curated term base [default: terms.yaml if present]."))
@option("--out", "out", default=DEFAULT_OUT, show_default=True, metavar="DIR", help=N_("Output folder."))
@option("--occurrences", "occurrences", multiple=True, type=click.Path(), metavar="FILE",
        help=N_("Also merge these occurrences (JSON lines of `glossary extract --format jsonl`); repeatable."))
@_jobs_option()
@option("--allow-empty", is_flag=True, help=N_("Write the outputs even when no text was read or no term found."))
@option("-q", "--quiet", is_flag=True, help=N_("No progress bar (it shows only on a terminal anyway)."))
@lang_option()
def build(paths: tuple[str, ...], terms: str | None, out: str, occurrences: tuple[str, ...], jobs: int | None,
          allow_empty: bool, quiet: bool) -> None:
    """Build the glossary from texts: CSV, XLSX, TBX, OmegaT, JSON and the lookup index.

    PATHS are files or folders (walked recursively): .txt, .md, .html, .pdf,
    .docx, .odt, .hwpx, .epub; default: seeds/, unless --occurrences gives
    occurrences extracted elsewhere. Files in folders that cannot be read
    are skipped and listed.

    Example:

        $ glossary build
        Read 2 files (1 English, 1 Korean): 33 occurrences of 18 terms.
        ...
    """
    from glossary.build import check_output_folder, write_build
    from glossary.memo import cache_file, commit, drop_new

    out_dir = Path(out)
    check_output_folder(out_dir, [])  # `--out afile` fails before the texts are read
    with cache_file(out_dir):  # per-term readings and glosses, and each text's occurrences, kept for the next build
        result = _collect(paths, terms, quiet, jobs, occurrences, stream=True)
        check_output_folder(out_dir, result.inputs)
        nothing = (not result.files and not occurrences or not result.entries) and not allow_empty
        if nothing:
            drop_new()  # no output, so no folder made for the cache either
        else:
            # The entries are made as the writers read them; the cache's new rows
            # are written once they are all made, before it is carried into the new set.
            written = write_build(result.entries, out_dir, inputs=result.inputs, folders=result.folders,
                                  before_swap=commit)
    if nothing:
        click.echo(result.summary())
        if not result.entries and (result.files or occurrences):
            reason = _("the texts hold no bracketed CJK term")
        else:
            reason = _("no text was read")
        click.echo(_("Nothing written: {reason}; {out} is unchanged (--allow-empty writes empty files).").format(
            reason=reason, out=out_dir), err=True)
        sys.exit(EXIT_NOT_FOUND)
    click.echo(result.summary())
    for target in written:
        click.echo("  " + _("wrote {path}").format(path=target))
    if not result.entries:
        sys.exit(EXIT_NOT_FOUND)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
    help=N_("table for people, jsonl for scripts (one JSON object per occurrence)."),
)
@option("--add", is_flag=True, help=N_("Add new terms to the term base as candidates and refresh counts."))
@option("--terms", "terms", metavar="FILE", help=N_("Term base for --add [default: terms.yaml]."))
@option("--dry-run", is_flag=True, help=N_("With --add: print the change as a diff, write nothing."))
@_jobs_option()
@option("-q", "--quiet", is_flag=True, help=N_("No progress bar (it shows only on a terminal anyway)."))
@lang_option()
def extract(paths: tuple[str, ...], fmt: str, add: bool, terms: str | None, dry_run: bool, jobs: int | None,
            quiet: bool) -> None:
    """List every bracketed CJK term in the texts, with the rendering beside it.

    With --add, new terms go into terms.yaml as candidates, and the counts
    and sources of known terms are refreshed; curated fields, comments and
    order are never changed.

    Example:

        $ glossary extract seeds/two-sessions-2025.en.txt --format jsonl | head -1
        {"term": "两会", "trad": "兩會", "simp": "两会", "gloss": "Two Sessions", ...}
    """
    from glossary.pipeline import extract_paths, stream_jsonl
    from glossary.progress import ProgressBar
    from glossary.sources import skipped_summary

    skipped: list = []
    texts = [Path(p) for p in paths]
    with ProgressBar(enabled=False if quiet else None) as bar:
        if fmt == "jsonl" and not (add or dry_run):  # streamed: memory flat whatever the corpus
            found = stream_jsonl(texts, sys.stdout, jobs=jobs, skipped=skipped, progress=bar)
            occurrences = None
        else:
            occurrences = extract_paths(texts, jobs=jobs, skipped=skipped, progress=bar)
    if skipped:
        click.echo(skipped_summary(skipped), err=True)
        for item in sorted(skipped, key=lambda s: s.path):
            click.echo(f"  {item.path}: {item.reason}", err=True)
    if occurrences is None:
        sys.stdout.flush()
        if not found:
            sys.exit(EXIT_NOT_FOUND)
        return
    if add or dry_run:
        _add_to_termbase(occurrences, terms, dry_run)
    else:
        from glossary.report import format_occurrence_table

        click.echo(format_occurrence_table(occurrences), nl=False)
    if not occurrences:
        sys.exit(EXIT_NOT_FOUND)


def _add_to_termbase(occurrences: list, terms: str | None, dry_run: bool) -> None:
    from glossary.merge import term_updates
    from glossary.termbase import update_termbase

    path, _ = _terms_path(terms)
    report = update_termbase(path, term_updates(occurrences), dry_run=dry_run)
    if dry_run:
        click.echo(report.diff, nl=False)
    _echo_report(path, report, dry_run)


def _echo_report(path: Path, report, dry_run: bool, more_skipped: list[str] | None = None) -> None:  # noqa: ANN001
    """What an update of the term base did (or would do, in a dry run)."""
    from glossary.locales import format_number

    skipped = [f"{key}: {reason}" for key, reason in report.skipped] + list(more_skipped or [])
    counts = {
        "added": format_number(len(report.added)),
        "refreshed": format_number(len(report.updated)),
        "skipped": format_number(len(skipped)),
    }
    if dry_run and not report.added and not report.updated:
        line = _("{path}: nothing would change ({skipped} skipped).") if skipped else _("{path}: nothing would change.")
    elif dry_run:
        line = _("{path}: would change: {added} added, {refreshed} refreshed, {skipped} skipped.")
    else:
        line = _("{path}: updated: {added} added, {refreshed} refreshed, {skipped} skipped.")
    click.echo(line.format(path=path, **counts), err=dry_run)
    if report.added:
        click.echo("  " + _("added: {keys}").format(keys=", ".join(report.added)), err=dry_run)
    for reason in skipped:
        click.echo("  " + _("skipped {reason}").format(reason=reason), err=dry_run)


@cli.command()
@click.argument("texts", nargs=-1)
@option("--hanja", is_flag=True, help=N_("Print the strict hanja reading (習近平 -> 습근평) instead."))
@option("--romanize", is_flag=True, help=N_("Add the Revised Romanization of each reading."))
@option("--json", "as_json", is_flag=True, help=N_("Print every form the tool knows, as JSON lines."))
@lang_option()
def reading(texts: tuple[str, ...], hanja: bool, romanize: bool, as_json: bool) -> None:
    """Print each CJK term in Korean, as a Korean writer prints it.

    A modern Chinese person or a current place is written by its Mandarin
    sound (외래어 표기법), anything else by its hanja reading; a Chinese
    clause or title prints an empty line. --json says which rule chose it.
    With "-", read one term per line from standard input; blank lines stay
    blank, and each answer is printed as soon as its line is read.

    Example:

        $ glossary reading 習近平 北京 以舊換新
        시진핑
        베이징
        이구환신
        $ glossary reading --hanja 習近平 北京
        습근평
        북경
    """
    from glossary import readings

    if texts == ("-",):
        items: Any = _stdin_lines()
    elif texts:
        items = (_utf8_argument(text) for text in texts)
    else:
        raise click.UsageError(_("give one or more terms, or - to read standard input"))
    for item in items:
        term = item.strip()
        if not term:
            line = ""
        elif as_json:
            line = json.dumps(readings.reading_forms(term), ensure_ascii=False)
        else:
            korean = readings.hangul_reading(term) if hanja else readings.korean_reading(term).ko
            line = f"{korean}\t{readings.romanize(korean)}" if romanize else korean
        click.echo(line)
        if texts == ("-",):
            sys.stdout.flush()


def _stdin_lines() -> Iterator[str]:
    """Standard input line by line, as UTF-8 (a BOM dropped); a line that is not UTF-8 is an InputError."""
    from glossary.model import InputError

    for number, raw in enumerate(sys.stdin.buffer, 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(_("standard input, line {number}: not UTF-8 text ({byte} at byte {offset})").format(
                number=number, byte=f"0x{raw[exc.start]:02x}", offset=exc.start + 1)) from None
        yield line.rstrip("\r\n")


def _utf8_argument(text: str) -> str:
    """A command-line argument; one the terminal gave in another encoding is an InputError."""
    from glossary.model import InputError

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise InputError(_("argument {text} is not UTF-8 text; set a UTF-8 locale (LANG=C.UTF-8)").format(
            text=shown)) from None
    return text


#: Keys of glossary.export.WRITERS / READERS (kept here so --help needs no import).
EXPORT_FORMATS = ("csv", "tsv", "tbx", "tbx2", "xlsx", "json")
IMPORT_FORMATS = ("csv", "xlsx", "tbx", "tbx2", "json")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
        help=N_("tbx2: TBX 2008 (OmegaT, Weblate, memoQ, MultiTerm); tbx: TBX-Basic v3; csv/xlsx: spreadsheets, "
                "memoQ, Phrase, Trados; tsv: OmegaT glossary for one pair; json: every field."))
@option("-o", "--output", metavar="FILE", help=N_("Write here instead of standard output."))
@option("--terms", "terms", metavar="FILE", help=N_("Curated term base [default: terms.yaml if present]."))
@option("--bom/--no-bom", default=True, show_default=True,
        help=N_("CSV: start with a UTF-8 byte-order mark (Excel on a CJK Windows needs it)."))
@option("--separator", default=" | ", show_default=True, help=N_("CSV/XLSX: between several values in one cell."))
@option("--header", "header", type=click.Choice(["codes", "names"]), default="codes", show_default=True,
        help=N_("CSV/XLSX: language columns headed by code (zh-Hant) or by name (중국어(번체))."))
@option("--locale", default="en", show_default=True, help=N_("Language of the names for --header names (ko, zh_Hant...)."))
@option("--pair", metavar="SRC-TGT", help=N_("TSV: language pair, e.g. en-ko, zh-ko, ko-en, zh-Hant-en [default: ko-en]."))
@option("--langs", metavar="LIST", help=N_("Only these languages, comma-separated: zh-Hant,ko,en."))
@option("--one-per-row", is_flag=True,
        help=N_("CSV/XLSX: one term per cell; other English and Korean terms on rows of their own."))
@option("--date", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
        help=N_("Date to record in the file header (none by default, so output is reproducible)."))
@option("-q", "--quiet", is_flag=True, help=N_("No progress bar (it shows only on a terminal anyway)."))
@lang_option()
def export(
    paths: tuple[str, ...], fmt: str, output: str | None, terms: str | None, bom: bool, separator: str,
    header: str, locale: str, pair: str | None, langs: str | None, one_per_row: bool, date: Any,
    quiet: bool = False,
) -> None:
    """Export the glossary of PATHS (default: seeds/) in one format.

    Example:

    \b
        $ glossary export --format tsv --pair en-ko -o omegat/glossary/en-ko.txt
        $ glossary export --format csv --header names --locale ko -o glossary.csv
    """
    from glossary.export import ExportOptions, normalize_langs, write_export
    from glossary.export.common import parse_pair

    if not separator:
        raise click.BadParameter(_("the separator cannot be empty"), param_hint="--separator")
    if fmt == "xlsx" and output in (None, "-") and sys.stdout.isatty():  # before the texts are read
        raise click.UsageError(_("xlsx is a binary format: give a file with -o, or pipe standard output"))
    options = ExportOptions(
        bom=bom,
        separator=separator,
        header=header,
        locale=locale,
        pair=parse_pair(pair) if pair else None,
        langs=normalize_langs([t for t in langs.split(",") if t.strip()]) if langs else None,
        date=date.date().isoformat() if date else None,
        one_per_row=one_per_row,
    )
    if header == "names":
        from glossary.export.common import language_name

        language_name("en", locale)  # an unknown locale fails before the pipeline runs
    result = _collect(paths, terms, quiet)
    target = Path(output) if output and output != "-" else None  # -o -: standard output
    if target is not None:
        _refuse_overwriting_inputs(target, result.inputs)
    write_export(result.entries, target, fmt, options)
    if not result.entries:
        sys.exit(EXIT_NOT_FOUND)


def _refuse_overwriting_inputs(target: Path, inputs: Any) -> None:
    """An output path that is an input (terms.yaml, a text, an index being read) is an error."""
    import os

    from glossary.model import OutputError

    if target.is_dir():
        raise OutputError(_("-o {path}: a folder; give a file name").format(path=target))
    real = os.path.realpath(target)
    for name in inputs:
        if os.path.realpath(name) == real:
            raise OutputError(_("-o {path}: that is an input of this command ({input}); nothing written").format(
                path=target, input=name))


@cli.command("import")
@click.argument("file", type=click.Path())
@option("--terms", "terms", default=DEFAULT_TERMS, show_default=True, metavar="FILE",
        help=N_("Term base to add the candidates to."))
@option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), help=N_("File format [default: from content]."))
@option("--dry-run", is_flag=True, help=N_("Print the change to the term base; write nothing."))
@lang_option()
def import_(file: str, terms: str, fmt: str | None, dry_run: bool) -> None:
    """Add the terms of a glossary file (CSV, XLSX, TBX v3 or v2, JSON) to the
    term base as candidates. Curated fields are never overwritten.

    Reads our own exports and other tools' files (TBX-Basic samples, martif
    files from CAT tools, tables with zh-TW/ko-KR/en-US columns).

    Example:

    \b
        $ glossary import partner-glossary.tbx --terms terms.yaml
        terms.yaml: updated: 2 added, 0 refreshed, 1 skipped.
          added: 兩會, 一帶一路
          skipped c1 (alpha smoothing factor): no Chinese term
    """
    from glossary.export import read_export
    from glossary.termbase import add_entries

    skipped: list[str] = []
    entries = read_export(Path(file), fmt, skipped=skipped)
    report = add_entries(Path(terms), entries, dry_run=dry_run)
    if dry_run:
        click.echo(report.diff, nl=False)
    _echo_report(Path(terms), report, dry_run, skipped)
    if not entries:
        sys.exit(EXIT_NOT_FOUND)


@cli.command()
@click.argument("query")
@option("--json", "as_json", is_flag=True, help=N_("Print the matching entries as JSON."))
@option(
    "--limit", default=10, show_default=True, type=click.IntRange(min=1), metavar="N", help=N_("At most N entries.")
)
@option(
    "--field", type=click.Choice(FIELD_CHOICES), metavar="FIELD",
    help=N_("Match one form only: {fields}."), help_values={"fields": ", ".join(FIELD_CHOICES)},
)
@option("--index", "index", default=f"{DEFAULT_OUT}/glossary.sqlite", show_default=True, metavar="FILE",
        help=N_("The lookup index written by `glossary build`."))
@lang_option()
def lookup(query: str, as_json: bool, limit: int, field: str | None, index: str) -> None:
    """Find entries by any form: 以旧换新, 以舊換新, 이구환신, "product renewal", "yijiu huanxin".

    Exact matches first, then prefix, substring and, when those find
    nothing, fuzzy matches (typos, a missing space). A hanja term that is in
    no entry is answered with the forms the tool computes for it.

    Example: (the index of `glossary build` on seeds/)

    \b
        $ glossary lookup "yijiu huanxin"
        以舊換新 · 以旧换新  exact pinyin
          ko      이구환신 [context, reading]  iguhwansin
          pinyin  yǐ jiù huàn xīn
          ja      以旧換新  いきゅうかんしん  i kyuu kan shin
          en      product renewal subsidy scheme [context]; use + old + replace with something new [literal]
          seen    seeds/two-sessions-2025.en.txt:8, seeds/two-sessions-2025.ko.txt:5
    """
    from glossary.lookup_output import run_lookup

    sys.exit(run_lookup(query, limit=limit, field=field, index=index, as_json=as_json))


def main() -> None:
    """Console entry point."""
    cli()
