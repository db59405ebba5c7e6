"""glossary/launcher.py and the `lookup` command: the fast path and the click path print the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli
from glossary.index import build_index
from glossary.launcher import _parse_lookup, main
from glossary.model import Entry, Occurrence, Rendering

ENTRIES = [
    Entry("两会", "兩會", "两会", ko="양회", ko_romanized="yanghoe", pinyin="liǎng huì",
          en=(Rendering("Two Sessions", "context", count=2),),
          occurrences=(Occurrence("兩會", "seeds/a.en.txt", 4, "the Two Sessions (兩會)"),)),
    Entry("以旧换新", "以舊換新", "以旧换新", ko="이구환신", ko_romanized="igu hwansin", pinyin="yǐ jiù huàn xīn",
          en=(Rendering("trade-in", "curated"),)),
    Entry("两重建设", "兩重建設", "两重建设", ko="양중건설", en=(Rendering("two major projects", "context"),)),
]


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={})
    return path


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "glossary", *args], capture_output=True, text=True, cwd=cwd)


def test_lookup_as_a_process(index: Path) -> None:
    done = _run("lookup", "이구 환신", "--index", str(index))
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "以舊換新 · 以旧换新  exact ko"
    assert "\x1b[" not in done.stdout  # not a terminal: no colour


def test_json_limit_field(index: Path) -> None:
    done = _run("lookup", "两", "--json", "--limit=1", "--index", str(index))
    data = json.loads(done.stdout)
    assert len(data) == 1 and data[0]["match"]["kind"] == "prefix"
    done = _run("lookup", "yanghoe", "--field", "pinyin", "--json", "--index", str(index))
    assert (done.returncode, json.loads(done.stdout)) == (1, [])
    done = _run("lookup", "yanghoe", "--field", "rr", "--json", "--index", str(index))
    assert [e["trad"] for e in json.loads(done.stdout)] == ["兩會"]


def test_nothing_found_exits_1(index: Path) -> None:
    done = _run("lookup", "zzzzqqqq", "--index", str(index))
    assert (done.returncode, done.stdout) == (1, "")
    assert "no entry matches" in done.stderr


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda path: None, "no lookup index at"),
        (lambda path: path.write_bytes(b"garbage" * 1000), "is not a glossary index"),
    ],
)
def test_bad_index_exits_2_without_traceback(tmp_path: Path, prepare, message: str) -> None:
    path = tmp_path / "glossary.sqlite"
    prepare(path)
    for runner in (_process, _click):
        code, stderr = runner("lookup", "两会", "--index", str(path))
        assert code == 2
        assert message in stderr and "run `glossary build`" in stderr and str(path) in stderr
        assert "Traceback" not in stderr


def test_stale_index_exits_2(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("兩會", encoding="utf-8")
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={str(text): "sha"})
    text.write_text("兩會 changed", encoding="utf-8")
    done = _run("lookup", "两会", "--index", str(path))
    assert done.returncode == 2
    assert "is stale" in done.stderr and "a.txt changed" in done.stderr and "Traceback" not in done.stderr


def test_default_index_is_out_glossary_sqlite(tmp_path: Path) -> None:
    build_index(ENTRIES, tmp_path / "out" / "glossary.sqlite", inputs={})
    assert _run("lookup", "两会", cwd=tmp_path).returncode == 0
    assert "out/glossary.sqlite" in _run("lookup", "两会", cwd=tmp_path / "out").stderr


def _process(*args: str) -> tuple[int, str]:
    done = _run(*args)
    return done.returncode, done.stderr


def _click(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


def test_click_command_prints_the_same(index: Path) -> None:
    result = CliRunner().invoke(cli, ["lookup", "两会", "--index", str(index)])
    assert result.exit_code == 0
    assert result.output == _run("lookup", "两会", "--index", str(index)).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["两会", "--limit", "x"],  # bad value: click explains
        ["两会", "--limit", "0"],
        ["两会", "--field", "colour"],
        ["两会", "--unknown"],
        [],
        ["a", "b"],
    ],
)
def test_fast_path_defers_to_click(args: list[str]) -> None:
    assert _parse_lookup(args) is None


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["lookup", "--help"], 0, "--field"),
        (["lookup", "两会", "--limit", "x"], 2, "--limit"),
        (["lookup", "两会", "--field", "colour"], 2, "--field"),
    ],
)
def test_deferred_arguments_get_click_messages(args: list[str], code: int, text: str) -> None:
    done = _run(*args)
    assert done.returncode == code
    assert text in done.stdout + done.stderr


def test_main_returns_the_exit_code(index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "Two Sesions", "--index", str(index)]) == 0
    assert capsys.readouterr().out.startswith("兩會 · 两会  fuzzy en")


def test_other_commands_go_to_click() -> None:
    done = _run("--help")
    assert done.returncode == 0 and "lookup" in done.stdout


def test_fast_path_imports_nothing_heavy(index: Path) -> None:
    code = (
        "import sys; from glossary.launcher import main; main(['lookup', 'Two Sesions', '--index', sys.argv[1]]);"
        "heavy = {'click', 'glossary.cli', 'glossary.model', 'opencc', 'hanja', 'pykakasi', 'pypinyin', 'babel',"
        " 'lxml', 'ruamel', 'yaml', 'dataclasses'}; print(sorted(heavy & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(index)], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("兩會 · 两会  fuzzy en")
    assert done.stderr.strip() == "[]"


def test_computed_answer_for_an_unknown_term_exits_1(index: Path) -> None:
    done = _run("lookup", "經濟", "--index", str(index))
    assert done.returncode == 1
    assert "경제" in done.stdout and "not in the glossary" in done.stdout


def test_console_script_is_the_launcher() -> None:
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nglossary = "glossary.launcher:run"\n' in pyproject  # the fast path, not click


@pytest.mark.parametrize("args, code", [(["reading", "兩會"], 0), (["reading", "--no-such-option"], 2)])
def test_the_fast_exit_still_flushes_output_and_runs_atexit_functions(args: list[str], code: int) -> None:
    # run() ends the process with os._exit to skip the heap's teardown: what an exit owes must still happen.
    script = ("import atexit, sys; from glossary import launcher; atexit.register(print, 'atexit ran');"
              f"sys.argv = ['glossary', *{args!r}]; print('before', end=''); launcher.run()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == code
    assert done.stdout.startswith("before") and done.stdout.rstrip().endswith("atexit ran")
    assert ("양회" in done.stdout) == (code == 0)


def _imported_modules(path: Path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_imports_run_one_way() -> None:
    # cli and launcher share the lookup printing through glossary.lookup_output;
    # only the console entry point (launcher) hands over to cli, and nothing imports launcher but __main__.
    package = Path(__file__).resolve().parent.parent / "glossary"
    for path in sorted(package.rglob("*.py")):
        imported = _imported_modules(path)
        name = path.relative_to(package.parent).with_suffix("").as_posix().replace("/", ".")
        if name != "glossary.launcher":
            assert "glossary.cli" not in imported, name
        if name != "glossary.__main__":
            assert "glossary.launcher" not in imported, name


@pytest.mark.parametrize("where", ["glossary.i18n.choose_language", "glossary.lookup_output.run_lookup"])
def test_ctrl_c_before_a_command_handles_it_exits_130_with_one_line(
    where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], index: Path
) -> None:
    """Ctrl-C during start-up (the language, the imports) or a lookup: exit 130, one line, no traceback."""
    import importlib

    module, name = where.rsplit(".", 1)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib.import_module(module), name, interrupted)
    assert main(["lookup", "以旧换新", "--index", str(index)]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "interrupted" in err[0]
