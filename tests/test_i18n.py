"""The bilingual interface: language choice, catalogs, and every command in Korean and English."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from glossary import i18n
from glossary.cli import cli
from glossary.cli_i18n import display_width
from glossary.locales import format_number, language_name

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "glossary" / "locale"
CATALOGS = [(lang, domain) for lang in ("ko",) for domain in i18n.DOMAINS]
COMMANDS = sorted(cli.commands)
NO_LANG_ENV = {"GLOSSARY_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None, "LANGUAGE": None}


def run(args: list[str], env: dict[str, str | None] | None = None, **kwargs: object) -> click.testing.Result:
    return CliRunner().invoke(cli, args, env={**NO_LANG_ENV, **(env or {})}, prog_name="glossary", **kwargs)


# --- choosing the language ----------------------------------------------------


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        (None, {}, "en"),
        ("ko", {}, "ko"),
        ("en", {"GLOSSARY_LANG": "ko", "LANG": "ko_KR.UTF-8"}, "en"),  # --lang beats everything
        ("xx", {"LANG": "ko_KR.UTF-8"}, "en"),  # an unknown --lang is English, not an error
        (None, {"GLOSSARY_LANG": "ko", "LC_ALL": "en_US.UTF-8"}, "ko"),  # GLOSSARY_LANG beats the locale
        (None, {"GLOSSARY_LANG": "", "LANG": "ko_KR.UTF-8"}, "ko"),  # empty means unset
        (None, {"LANG": "ko_KR.UTF-8"}, "ko"),
        (None, {"LANG": "ko_KR.eucKR"}, "ko"),
        (None, {"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),  # LC_MESSAGES beats LANG
        (None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ko_KR.UTF-8"}, "en"),  # LC_ALL beats LC_MESSAGES
        (None, {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ko_KR.UTF-8"}, "ko"),  # first non-empty wins
        (None, {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),  # C is English
        (None, {"LANG": "POSIX"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # no French catalog: English
        (None, {"GLOSSARY_LANG": "ko-KR"}, "ko"),
        (None, {"LANGUAGE": "ko"}, "en"),  # GNU LANGUAGE is not consulted
    ],
)
def test_choose_language(option: str | None, env: dict[str, str], expected: str) -> None:
    assert i18n.choose_language(option, env) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "ko", "lookup", "以旧换新"], "ko"),
        (["lookup", "以旧换新", "--lang=ko"], "ko"),
        (["--lang", "ko", "lookup", "--lang", "en", "x"], "en"),  # the last one wins, as click does
        (["lookup", "--", "--lang", "ko"], None),  # after --, a query
        (["lookup", "--lang"], None),
    ],
)
def test_find_lang_option(args: list[str], expected: str | None) -> None:
    assert i18n.find_lang_option(args) == expected


@pytest.mark.parametrize(
    ("args", "env", "usage"),
    [
        (["--lang", "ko", "--help"], {}, "사용법:"),
        (["--help", "--lang", "ko"], {}, "사용법:"),  # read before click parses, so order does not matter
        (["build", "--lang", "ko", "--help"], {}, "사용법:"),
        (["--help"], {"GLOSSARY_LANG": "ko"}, "사용법:"),
        (["--help"], {"LANG": "ko_KR.UTF-8"}, "사용법:"),
        (["--help"], {"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "Usage:"),
        (["--lang", "en", "--help"], {"GLOSSARY_LANG": "ko"}, "Usage:"),
        (["--lang", "fr", "--help"], {"GLOSSARY_LANG": "ko"}, "Usage:"),
        (["--help"], {}, "Usage:"),
    ],
)
def test_the_cli_follows_the_selection_order(args: list[str], env: dict[str, str], usage: str) -> None:
    result = run(args, env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(usage)


# --- every command, both languages ---------------------------------------------


def help_of(name: str, language: str) -> str:
    i18n.set_language(language)
    try:
        return cli.commands[name].help or ""
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_korean_help(name: str) -> None:
    english, korean = help_of(name, "en"), help_of(name, "ko")
    assert korean != english, f"{name}: help not translated"
    assert re.search("[가-힣]", korean.splitlines()[0])
    result = run(["--lang", "ko", name, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"사용법: glossary {name} [OPTIONS]")
    assert "옵션:" in result.output and "이 도움말을 보여 주고 끝냅니다." in result.output
    assert "예:" in result.output  # the Example: block, translated
    assert korean.split("\n\n")[0].split()[0] in result.output
    i18n.set_language("ko")
    untranslated = [p.name for p in cli.commands[name].params if isinstance(p, click.Option) and not re.search("[가-힣]", p.help or "가")]
    assert not untranslated, f"{name}: options with English help: {untranslated}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_english_help(name: str) -> None:
    result = run([name, "--help"], {"LANG": "en_US.UTF-8"})
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: glossary {name} [OPTIONS]")
    assert "Show this message and exit." in result.output and "Example:" in result.output
    assert not re.search("사용법|옵션|도움말", result.output)


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_help_fits_80_columns(name: str | None, language: str) -> None:
    result = run(["--lang", language, *([name] if name else []), "--help"], terminal_width=80)
    # example lines are printed as written; everything click wraps must fit the terminal
    prose = [line for line in result.output.splitlines() if not line.startswith("      ")]
    assert max(display_width(line) for line in prose) <= 80, "\n".join(prose)


@pytest.mark.parametrize(
    ("args", "korean", "english"),
    [
        # a library error, through the one error handler
        (["build", "--terms", "nope.yaml"], "glossary: 오류: nope.yaml: 파일이 없습니다", "glossary: error: nope.yaml: no such file"),
        # click's own parsing errors
        (["lookup"], "오류: 누락된 인수 'QUERY'.", "Error: Missing argument 'QUERY'."),
        (["lookup", "--nope", "x"], "오류: 그런 옵션이 없습니다: '--nope'.", "Error: No such option '--nope'."),
        (["lookup", "--limit", "0", "x"], "허용 범위(x>=1)를 벗어났습니다.", "is not in the range x>=1."),
        (["nope"], "오류: 그런 명령이 없습니다: 'nope'.", "Error: No such command 'nope'."),
        (["extract", "--format", "xml", "a.txt"], "다음 중 하나가 아닙니다: 'table', 'jsonl'.", "is not one of 'table', 'jsonl'."),
        (["reading"], "용어를 하나 이상 주거나, 표준 입력에서 읽으려면 -를 주십시오", "give one or more terms, or - to read standard input"),
        (["export", "--format", "csv", "--header", "names", "--locale", "xx"], "glossary: 오류: 알 수 없는 로캘 'xx'", "glossary: error: unknown locale 'xx'"),
        (["import", "partner.tbx"], "glossary: 오류: partner.tbx: 읽기 실패: 그런 파일이나 폴더가 없습니다", "glossary: error: partner.tbx: cannot read: no such file or folder"),
        (["export", "--format", "csv", "--separator", ""], "구분자는 비워 둘 수 없습니다", "Invalid value for --separator: the separator cannot be empty"),
        (["extract", "nope.txt"], "glossary: 오류: nope.txt: 그런 파일이나 폴더가 없습니다", "glossary: error: nope.txt: no such file or directory"),
        (["lookup", "x", "--index", "nope.sqlite"], "glossary: 오류: nope.sqlite에 검색 색인이 없습니다.", "glossary: error: no lookup index at nope.sqlite;"),
    ],
)
def test_errors_in_both_languages(tmp_path: Path, args: list[str], korean: str, english: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ko = run(args, {"LANG": "ko_KR.UTF-8"})
    en = run(args, {"LANG": "en_US.UTF-8"})
    assert ko.exit_code == en.exit_code == 2, (ko.output, en.output)
    assert korean in ko.output and english not in ko.output
    assert english in en.output
    if "Error:" in english:
        assert "도움말: 'glossary" in ko.output and "Try 'glossary" in en.output


def test_bad_term_base_in_korean(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  engl: Two Sessions\n  count: many\n", encoding="utf-8")
    result = run(["--lang", "ko", "build", "--terms", str(terms), "--out", str(tmp_path / "out"), str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.strip() == f"glossary: 오류: {terms}:2: 兩會: 알 수 없는 필드 'engl'('en'의 오타입니까?)"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A copy of seeds/ and terms.yaml, built once in Korean and once in English: (folder, ko output, en output)."""
    work = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copy(ROOT / "terms.yaml", work / "terms.yaml")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        mp.setenv("GLOSSARY_LANG", "en")
        outputs = []
        for lang in ("ko_KR.UTF-8", "en_US.UTF-8"):
            result = run(["build"], {"LANG": lang})
            assert result.exit_code == 0, result.output
            outputs.append(result.output)
    i18n.set_language("en")
    return work, outputs[0], outputs[1]


def test_build_speaks_korean(project: tuple[Path, str, str]) -> None:
    _, korean, english = project
    lines = korean.splitlines()
    assert re.fullmatch(r"파일 2개를 읽었습니다\(영어 1개, 한국어 1개\)\. 용어 \d+개, 출현 \d+회\.", lines[0])
    assert lines[1].startswith("영어 번역어: 용어 ") and lines[2].startswith("한국어: 용어 ")
    assert lines[3].startswith("용어 베이스: terms.yaml(검수 ")
    from glossary.export import OUTPUTS

    assert lines[4:] == [f"  저장: out/{name}" for name in (*(o.name for o in OUTPUTS), "glossary.sqlite")]
    assert not re.search("[A-Za-z]{3,}", "\n".join(lines[:4]).replace("terms.yaml", ""))  # no English left
    english_lines = english.splitlines()
    assert english_lines[0].startswith("Read 2 files (1 English, 1 Korean): ")
    assert english_lines[2].startswith("Korean: ")
    assert english_lines[4] == "  wrote out/glossary.csv"


def glossary(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The installed command line, through the launcher, in a process of its own."""
    base = {k: v for k, v in os.environ.items() if k not in NO_LANG_ENV}
    return subprocess.run(
        [sys.executable, "-m", "glossary", *args], cwd=cwd, env={**base, "PYTHONIOENCODING": "utf-8", **env},
        capture_output=True, text=True, encoding="utf-8", check=False,
    )


@pytest.mark.parametrize(
    ("args", "env", "korean"),
    [
        (["--lang", "ko", "lookup", "以旧换新"], {}, True),
        (["lookup", "以旧换新", "--lang", "ko"], {}, True),
        (["lookup", "以旧换新"], {"LANG": "ko_KR.UTF-8"}, True),
        (["lookup", "以旧换新"], {"GLOSSARY_LANG": "ko", "LANG": "en_US.UTF-8"}, True),
        (["lookup", "以旧换新"], {"LANG": "en_US.UTF-8"}, False),
        (["--lang", "en", "lookup", "以旧换新"], {"LANG": "ko_KR.UTF-8"}, False),
    ],
)
def test_lookup_fast_path_language(project: tuple[Path, str, str], args: list[str], env: dict[str, str], korean: bool) -> None:
    work = project[0]
    found = glossary(args, work, env)
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("以舊換新 · 以旧换新")
    missing = glossary([("없는말" if arg == "以旧换新" else arg) for arg in args], work, env)
    assert missing.returncode == 1
    expected = "일치하는 항목이 없습니다: '없는말'" if korean else "no entry matches '없는말'"
    assert missing.stderr.strip() == expected


def test_lookup_fast_path_imports_neither_click_nor_babel(project: tuple[Path, str, str]) -> None:
    code = (
        "import sys; from glossary.launcher import main; code = main(['--lang', 'ko', 'lookup', '以旧换新']);"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'click', 'babel'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=project[0], capture_output=True, text=True, encoding="utf-8", check=True)
    assert out.stdout.splitlines()[-1] == "0 []"


def test_extract_add_report_in_korean(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("정부는 이구환신(以舊換新) 정책을 폈다.\n", encoding="utf-8")
    terms = tmp_path / "terms.yaml"
    result = run(["--lang", "ko", "extract", "--add", "--terms", str(terms), str(text)])
    assert result.exit_code == 0, result.output
    assert f"{terms}: 수정했습니다: 추가 1개, 갱신 0개, 건너뜀 0개." in result.output


def test_version_in_both_languages() -> None:
    assert run(["--lang", "ko", "--version"]).output.startswith("glossary, 버전 ")
    assert run(["--version"]).output.startswith("glossary, version ")


def test_click_messages_are_routed_through_our_catalog() -> None:
    import click.exceptions

    i18n.set_language("ko")
    assert click.exceptions._ is i18n.gettext
    assert click.UsageError("x").format_message() == "x"
    assert click.exceptions._("Usage:") == "사용법:"


# --- language names and numbers -------------------------------------------------


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("ko", "ko", "한국어"),
        ("ko", "en", "Korean"),
        ("en", "ko", "영어"),
        ("zh_Hant", "ko", "중국어(번체)"),
        ("zh_Hant", "en", "Traditional Chinese"),
        ("zh_Hans", "ko", "중국어(간체)"),
        ("zh-Hant", "en", "Traditional Chinese"),
        ("ja", "ko", "일본어"),
        ("zh_TW", "en", "Chinese (Taiwan)"),
        ("en", "xx", "English"),  # an unknown interface locale names in English
        ("qqq", "ko", "qqq"),  # an unknown code is given back
    ],
)
def test_language_name(code: str, locale: str, name: str) -> None:
    assert language_name(code, locale) == name


def test_language_name_follows_the_interface() -> None:
    i18n.set_language("ko")
    assert language_name("zh_Hant") == "중국어(번체)"
    i18n.set_language("en")
    assert language_name("zh_Hant") == "Traditional Chinese"


@pytest.mark.parametrize(("number", "locale", "text"), [(1234567, "ko", "1,234,567"), (1234.5, "en", "1,234.5"), (0, "ko", "0")])
def test_format_number(number: float, locale: str, text: str) -> None:
    assert format_number(number, locale) == text


# --- the catalogs ---------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\([A-Za-z_]+\)[sdrf]|%[sdrf]")


def placeholders(text: str) -> set[str]:
    """Named placeholders of a message: ``{path}``, ``{key!r}``, ``%(prog)s``.

    >>> sorted(placeholders("{path}:{line}: {key!r} %(prog)s {{literal}}"))
    ['%(prog)s', '{key!r}', '{line}', '{path}']
    """
    return set(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def read_catalog(path: Path):  # noqa: ANN201
    with path.open("rb") as fh:
        return read_po(fh) if path.suffix in {".po", ".pot"} else read_mo(fh)


@pytest.mark.parametrize(("language", "domain"), CATALOGS)
def test_catalog_is_complete(language: str, domain: str) -> None:
    catalog = read_catalog(LOCALE / language / "LC_MESSAGES" / f"{domain}.po")
    template = read_catalog(LOCALE / f"{domain}.pot")
    assert {m.id for m in template if m.id} <= {m.id for m in catalog if m.id}, "run scripts/update_catalogs.py"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = set().union(*map(placeholders, ids))
        for string in strings:
            # one Korean form stands for singular and plural: it may use the names of either
            if placeholders(string) != wanted and not (len(ids) > 1 and placeholders(string) <= wanted):
                problems.append(f"placeholders {sorted(placeholders(string))} != {sorted(wanted)}: {ids[0]!r}")
    assert not problems, "\n".join(problems)


def test_placeholder_check_catches_a_wrong_name() -> None:
    assert placeholders("{path}: 파일이 없습니다") != placeholders("{file}: 파일이 없습니다")


@pytest.mark.parametrize(("language", "domain"), CATALOGS)
def test_compiled_catalog_matches_the_po(language: str, domain: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    po, mo = read_catalog(folder / f"{domain}.po"), read_catalog(folder / f"{domain}.mo")

    def strings(catalog) -> dict:  # noqa: ANN001
        def hashable(value):  # noqa: ANN001, ANN202 - plural ids and strings come as lists or tuples
            return tuple(value) if isinstance(value, (list, tuple)) else value

        return {hashable(m.id): hashable(m.string) for m in catalog if m.id and not m.fuzzy}

    assert strings(mo) == strings(po), "run scripts/update_catalogs.py to compile"


def test_template_has_every_message_of_the_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message added to the code but not to the catalog fails here: run scripts/update_catalogs.py."""
    from babel.messages.extract import extract_from_dir

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))  # babel.cfg's extractor
    found = {
        (context, message)
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT / "glossary",
            method_map=[("**.py", "babel_extractors:extract_python_and_help")],
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None},
        )
    }
    template = {(m.context, m.id) for m in read_catalog(LOCALE / "glossary.pot") if m.id}
    assert found == template, f"missing: {found - template}; stale: {template - found}"


# --- the README's Korean section -----------------------------------------------


def test_readme_has_a_korean_section_that_matches_the_tool(project: tuple[Path, str, str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    korean = readme[readme.index("\n## 한국어\n"):]
    blocks = re.findall(r"```(?:sh)?\n(.*?)```", korean, re.DOTALL)
    assert any(".venv/bin/glossary build" in b and b.count("\n") == 1 for b in blocks)  # the two set-up commands
    assert any(".venv/bin/python -m pytest" in b and b.count("\n") == 1 for b in blocks)
    build = next(b for b in blocks if b.startswith("$ LANG=ko_KR.UTF-8 glossary build\n"))

    def shape(text: str) -> list[str]:  # counts change with the seeds; the wording must not
        return [re.sub(r"\d+", "N", line) for line in text.strip().splitlines()]

    assert shape(build)[1:] == shape(project[1])
    for command in ("glossary build", "glossary --lang ko lookup", "glossary --lang ko extract --add"):
        assert command in korean
