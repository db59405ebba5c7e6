from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.extract import extract_occurrences
from glossary.model import InputError
from glossary.sources import Skipped, decode_bytes, html_to_text, iter_sources, markdown_to_text, read_source, skipped_summary
from glossary.sources.text import mostly_utf8

KOREAN = "중국의 연례 최대 정치 행사인 양회(兩會)가 11일 폐막했다. 이구환신(以舊換新) 정책에 3000억 위안을 배정했다.\n"
TRADITIONAL = "中國政府在今年兩會上提出以舊換新政策，並強調新質生產力的發展。\n"
SIMPLIFIED = "中国政府在今年两会上提出以旧换新政策，并强调新质生产力的发展。\n"
ENGLISH = "China's 2025 Two Sessions(兩會) and a product renewal subsidy scheme (以舊換新).\n"


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (KOREAN, "utf-8", "utf-8"),
        (ENGLISH, "utf-8", "utf-8"),
        (KOREAN, "cp949", "cp949"),
        (KOREAN, "euc-kr", "cp949"),
        ("양회(兩會)가 열렸다\n", "cp949", "cp949"),  # short Korean: detectors often guess wrong
        ("쌍순환", "cp949", "cp949"),
        (TRADITIONAL, "big5", "big5"),
        ("以舊換新", "big5", "big5"),
        (ENGLISH, "big5", "big5"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        ("两会期间，政府工作报告提出以旧换新。\n", "gb18030", "gb18030"),
    ],
)
def test_legacy_and_utf8_round_trip(tmp_path: Path, text: str, codec: str, reported: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode(codec))
    src = read_source(path)
    assert src.text == text
    assert src.encoding == reported


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    ],
)
def test_bom_round_trip(tmp_path: Path, bom: bytes, codec: str, reported: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(bom + KOREAN.encode(codec))
    src = read_source(path)
    assert src.text == KOREAN
    assert src.encoding == reported


def test_crlf_becomes_lf() -> None:
    assert decode_bytes("a\r\nb\rc".encode())[0] == "a\nb\nc"


@pytest.mark.parametrize(
    "payload",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        bytes(range(256)) * 4,
    ],
)
def test_binary_file_is_refused_with_its_name(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError, match=r"image\.txt: (binary file|a zip archive), not text"):
        read_source(path)


def test_missing_path_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        read_source(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="nowhere.txt"):
        list(iter_sources([tmp_path / "nowhere.txt"]))


def test_directories_walked_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.md").write_text("양회(兩會)", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Two Sessions (兩會)", encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>Two Sessions (两会)</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    skipped: list[Skipped] = []
    names = [Path(s.path).relative_to(tmp_path).as_posix() for s in iter_sources([tmp_path], skipped=skipped)]
    assert names == ["a.txt", "b/z.md", "c.html"]
    assert sorted((Path(s.path).name, s.reason) for s in skipped) == [("d.pdf", "damaged"), ("notes.csv", "not supported")]
    assert skipped_summary(skipped) == "skipped 2 files: 1 .csv (not supported), 1 .pdf (damaged)"
    formats = [s.format for s in iter_sources([tmp_path], skipped=[])]
    assert formats == ["text", "markdown", "html"]
    # Without a list to report to, a file that cannot be read stops the walk, naming it.
    with pytest.raises(InputError, match=r"d\.pdf: not a readable PDF"):
        list(iter_sources([tmp_path]))
    # A file named explicitly is read whatever its extension.
    assert [s.text for s in iter_sources([tmp_path / "notes.csv"])] == ["x"]


HTML = """<!DOCTYPE html>
<html><head><title>Title (標題)</title>
<style>p::before { content: "(樣式)"; }</style>
<script>var x = "(腳本)";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/cn">China (中國)</a></nav></header>
<main>
<p>China's 2025 Two Sessions(兩會), held from March 4,
laid out policy &amp; a product renewal subsidy scheme (以舊換新).</p>
<div>DeepSeek<span> (深度求索)</span></div><p>second block</p>
</main>
<aside>Related: (共同富裕)</aside>
<footer>(版權所有)</footer>
</body></html>
"""


def test_html_visible_text_keeps_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    src = read_source(path)
    assert src.format == "html"
    for hidden in ("標題", "樣式", "腳本", "中國", "共同富裕", "版權所有", "Home"):
        assert hidden not in src.text
    occs = list(extract_occurrences(src.text, src.path))
    assert [(o.term, o.line, o.gloss) for o in occs] == [
        ("兩會", 8, "Two Sessions"),
        ("以舊換新", 9, "product renewal subsidy scheme"),
        ("深度求索", 10, "DeepSeek"),
    ]
    assert "policy & a product" in src.text.splitlines()[8]
    # Blocks on one line stay apart: a tab is a hard boundary for renderings.
    assert src.text.splitlines()[9] == "DeepSeek (深度求索)\tsecond block"


def test_html_sniffed_from_doctype_in_txt(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(HTML, encoding="utf-8")
    assert read_source(path).format == "html"


def test_html_hidden_attributes() -> None:
    text = html_to_text('<p>a</p>\n<div hidden>(隱藏)</div>\n<div role="navigation">(導航)</div>\n<p>b (乙)</p>')
    assert text == "a\n\n\nb (乙)"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("# 양회(兩會) 개막", "양회(兩會) 개막"),
        ("**Two Sessions** (两会)", "Two Sessions (两会)"),
        ("[DeepSeek](https://deepseek.com) (深度求索)", "DeepSeek (深度求索)"),
        ("> 이구환신(以舊換新) 정책", "이구환신(以舊換新) 정책"),
        ("- *common prosperity* (共同富裕)", "common prosperity (共同富裕)"),
        ("| 탕핑 | 躺平 | 드러눕기 |", "탕핑\t躺平\t드러눕기"),
        ("|---|:---:|---|", ""),
        ("titled <Decision: 關於進一步全面深化改革的決定>", "titled <Decision: 關於進一步全面深化改革的決定>"),
        ("Peng Zhen [彭真] and `code`", "Peng Zhen [彭真] and code"),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_markdown_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\n| a | b |\n|---|---|\n| x | y |\n\n양회(兩會)가 열렸다.\n", encoding="utf-8")
    src = read_source(path)
    assert [o.line for o in extract_occurrences(src.text, src.path)] == [7]


# --- bounded work for hostile folders and files (issue 12) -------------------------------------

import os as _os  # noqa: E402

from glossary import limits as _limits  # noqa: E402


def _tree(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("양회(兩會)", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("the Two Sessions (两会)", encoding="utf-8")
    return tmp_path


def test_symlink_loops_are_walked_once(tmp_path):
    root = _tree(tmp_path)
    _os.symlink(".", root / "self1")
    _os.symlink(".", root / "self2")
    _os.symlink("..", root / "sub" / "up")
    _os.symlink("a.txt", root / "again.txt")
    _os.symlink("loop.txt", root / "loop.txt")
    skipped: list = []
    paths = [s.path for s in iter_sources([root], skipped=skipped)]
    assert sorted(_os.path.basename(p) for p in paths) == ["a.txt", "b.txt"]
    assert [(s.path, s.reason) for s in skipped] == [(str(root / "loop.txt"), "a symbolic link loop")]


def test_a_fifo_in_a_folder_is_skipped_never_opened(tmp_path):
    root = _tree(tmp_path)
    _os.mkfifo(root / "c.txt")
    skipped: list = []
    paths = [s.path for s in iter_sources([root], skipped=skipped)]
    assert len(paths) == 2
    assert [(s.path, s.reason) for s in skipped] == [(str(root / "c.txt"), "not a regular file; not opened")]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _os.symlink(p.name, p), "a symbolic link loop"),
        (lambda p: _os.symlink("missing.txt", p), "a symbolic link to nothing"),
    ],
)
def test_a_named_broken_link_says_what_it_is(tmp_path, make, message):
    path = tmp_path / "x.txt"
    make(path)
    with pytest.raises(InputError, match=message):
        read_source(path)


def test_a_text_beyond_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("양회(兩會)" * 10, encoding="utf-8")
    with _limits.override(text_bytes=20), pytest.raises(InputError, match="more than the limit of 20"):
        read_source(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["China's Two Sessions (兩會) open in March.", "중국의 양회(兩會)가 3월 초에 열린다."])
def test_utf16_without_bom_is_read(tmp_path, codec, text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    src = read_source(path)
    assert (src.text, src.encoding) == (text, codec)


# A UTF-8 text with stray bytes: read with each run of them as U+FFFD, and a warning; a legacy text is not.
_REAL_TEXTS = [Path(__file__).parent / "data" / "documents" / name for name in ("brief.ko.txt", "report.en.txt")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(_REAL_TEXTS), st.floats(0, 1), st.sampled_from([b"\xff", b"\xe9", b"\xc0", b"\xed\x95"]))
def test_a_stray_byte_in_utf8_is_read_as_replacement(path: Path, where: float, stray: bytes) -> None:
    text = path.read_text(encoding="utf-8")
    cut = int(where * len(text))
    data = text[:cut].encode() + stray + text[cut:].encode()
    got, codec = decode_bytes(data, "stray.txt")
    assert codec == "utf-8"
    assert got == text[:cut] + "\ufffd" + text[cut:]


def test_a_stray_byte_is_warned_of_with_the_file_name(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(KOREAN.encode() + "이구환신".encode()[:-1])  # the file ends inside a character
    with caplog.at_level("WARNING", logger="glossary.sources"):
        src = read_source(path)
    assert src.text == KOREAN + "이구환\ufffd"
    assert [r.getMessage() for r in caplog.records] == [f"{path}: 2 bytes are not UTF-8; read as U+FFFD"]
    assert [o.term for o in extract_occurrences(src.text, src.path, src.encoding)] == ["兩會", "以舊換新"]


@pytest.mark.parametrize(("text", "codec"), [(KOREAN, "cp949"), ("양회(兩會)가 열렸다\n", "cp949"), (TRADITIONAL, "big5"),
                                             (SIMPLIFIED, "gb18030"), (ENGLISH, "big5")])
def test_a_legacy_text_is_not_taken_for_utf8_with_stray_bytes(text: str, codec: str) -> None:
    assert mostly_utf8(text.encode(codec)) is None
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_many_stray_bytes_are_not_a_text() -> None:
    data = ("이구환신(以舊換新) " * 20).encode() + b"\xff" * 10
    with pytest.raises(InputError, match="binary file, not text"):
        decode_bytes(data, "x.txt")
