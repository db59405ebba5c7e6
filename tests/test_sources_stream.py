"""Big texts read in windows (glossary.sources.stream): the same occurrences as the whole text, memory flat."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import limits
from glossary.extract import extract_occurrences
from glossary.model import InputError
from glossary.pipeline import _extract_file
from glossary.sources import html_to_text, iter_windows, read_source
from glossary.sources import stream
from glossary.sources.html import iter_html_text
from glossary.sources.stream import MARGIN, safe_cut, windows

TERMS = [
    "the Two Sessions (兩會)", "이구환신(以舊換新) 정책", "the new normal (新常態)", "dual circulation (雙循環)",
    "《政府工作報告》(Government Work Report)", "쌍순환(雙循環)",
]
WORDS = ["the", "plan", "was", "discussed", "at", "length", "by", "delegates", "회의", "에서", "논의"]


def filler(n: int) -> str:
    """About ``n`` characters of prose without brackets."""
    out, size, i = [], 0, 0
    while size < n:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        i += 7
    return " ".join(out)


def whole(path: Path) -> list:
    source = read_source(path)
    return list(extract_occurrences(source.text, source.path, source.encoding))


# Paragraphs of prose with a term now and then; terms are always more than 2 x MARGIN apart, so that
# every window (12,000 characters, cut in its second half) has a stretch it may be cut in safely.
_PARAGRAPHS = st.lists(
    st.tuples(st.sampled_from(TERMS), st.integers(2 * MARGIN + 400, 7000), st.sampled_from([" ", "\n", "\n\n", ". "])),
    min_size=3, max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_PARAGRAPHS, st.sampled_from(["utf-8", "cp949", "utf-8-sig"]), st.booleans())
def test_windows_give_the_occurrences_of_the_whole_text(tmp_path: Path, paragraphs: list, codec: str, crlf: bool) -> None:
    text = "".join(f"{term} {filler(n)}{sep}" for term, n, sep in paragraphs)
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode(codec))
    expected = whole(path)
    with limits.override(text_window=12_000):
        parts = list(iter_windows(path))
        _, _, found = _extract_file(path)
    assert len(parts) > 1 or len(text) <= 12_000
    assert "".join(p.text for p in parts) == read_source(path).text
    assert {p.encoding for p in parts} == {read_source(path).encoding}
    assert found == expected


def test_one_huge_line_is_read_in_windows_with_every_occurrence(tmp_path: Path) -> None:
    text = "".join(f"{filler(5000)} {TERMS[i % 4]} " for i in range(60))  # 300,000 characters, no line break
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    with limits.override(text_window=20_000):
        parts = list(iter_windows(path))
        _, _, found = _extract_file(path)
    assert len(parts) >= 15 and max(len(p.text) for p in parts) <= 20_000 and {p.line for p in parts} == {1}
    assert found == whole(path) and len(found) == 60


def test_windows_after_the_first_carry_their_file_line(tmp_path: Path) -> None:
    text = "".join(f"line {i}: {TERMS[0]}\n\n" for i in range(3000))
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    with limits.override(text_window=10_000):
        _, _, found = _extract_file(path)
    assert [o.line for o in found] == [1 + 2 * i for i in range(3000)]


@pytest.mark.parametrize("text", ["(兩" * 30_000, "兩)" * 30_000, "a" * 60_000, "。" * 60_000])
def test_hostile_lines_are_cut_anyway_and_nothing_is_lost(tmp_path: Path, text: str) -> None:
    parts = list(windows([text[i:i + 7000] for i in range(0, len(text), 7000)], 10_000))
    assert "".join(parts) == text and max(map(len, parts)) <= 10_000


def test_a_cut_inside_a_line_is_far_from_any_bracket() -> None:
    text = f"{filler(3000)} {TERMS[0]} {filler(6000)} {TERMS[2]} {filler(3000)}"
    cut = safe_cut(text, 10_000)
    assert text[cut - 1] == " " and all(text.find(ch, cut - MARGIN, cut + MARGIN) == -1 for ch in "()")


def test_a_crlf_split_between_two_reads_is_one_line_break(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "_READ", 7)
    monkeypatch.setattr(stream, "_HEAD", 5)
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"abcd\r\nefghij\r\nklm\r\n" * 50 + "양회(兩會)\r\n".encode("utf-8"))
    parts = list(stream.stream_source(path, "text", 100))
    assert "".join(p.text for p in parts) == read_source(path).text


@pytest.mark.parametrize(("data", "message"), [
    (b"\x00" * 100_000, "binary file, not text (NUL bytes)"),
    (bytes(range(1, 32)) * 5000, "binary file, not text (control characters)"),
    (b"plain text " * 10_000 + b"\x00\x01\x02" * 10, "binary file, not text (NUL"),
])
def test_a_big_binary_file_is_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with limits.override(text_window=10_000), pytest.raises(InputError, match=re.escape(message)):
        list(iter_windows(path))


def test_a_big_text_is_not_refused_by_the_whole_read_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(f"# Title\n\n**{TERMS[0]}** {filler(40_000)}\n", encoding="utf-8")
    with limits.override(text_window=10_000, text_bytes=1000):
        with pytest.raises(InputError, match="text_bytes"):
            read_source(path)
        text = "".join(p.text for p in iter_windows(path))
    assert text.startswith("Title\n\nthe Two Sessions (兩會) the delegates")


_HTML_PIECES = st.lists(st.sampled_from([
    "<p>", "</p>", "\n", "the Two Sessions (兩會)", " words ", "<script>x(兩會)</script>", "<nav>Home</nav>",
    "&amp;", "<br>", "양회(兩會)", "<div hidden>gone</div>", "\t", "&nbsp;",
]), max_size=60)


@given(_HTML_PIECES, st.integers(1, 40))
def test_the_html_parser_fed_in_chunks_gives_the_whole_page_text(pieces: list, chunk: int) -> None:
    page = "".join(pieces)
    chunks = [page[i:i + chunk] for i in range(0, len(page), chunk)]
    assert "".join(iter_html_text(chunks, 1 << 20)).rstrip("\n") == html_to_text(page).rstrip("\n")


def test_a_huge_html_text_node_is_handed_on_in_parts(tmp_path: Path) -> None:
    page = "<html><body><p>" + " ".join(f"{filler(3000)} {TERMS[i % 4]}" for i in range(40)) + "</p></body></html>\n"
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    with limits.override(text_window=20_000):
        parts = list(iter_windows(path))
        _, _, found = _extract_file(path)
    assert max(len(p.text) for p in parts) <= 20_000 and len(found) == 40
    assert [o.term for o in found] == [o.term for o in whole(path)]


def test_utf16_with_a_bom_streams(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + (f"{TERMS[0]} {filler(3000)}\n\n" * 10).encode("utf-16-le"))
    with limits.override(text_window=10_000):
        parts = list(iter_windows(path))
    assert len(parts) > 1 and "".join(p.text for p in parts) == read_source(path).text


def test_a_big_page_with_nothing_visible_is_one_empty_text(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    path.write_text("<html><head><script>" + "x = 1;\n" * 5000 + "</script></head></html>", encoding="utf-8")
    with limits.override(text_window=10_000):
        read, _, found = _extract_file(path)
    assert found == [] and read.path == str(path)


@pytest.mark.parametrize("where", [10, 30_000, 95_000])
def test_a_stray_byte_in_a_big_text_is_read_as_in_a_small_one(tmp_path: Path, where: int,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """Before the encoding is chosen (in the first bytes), after it, or near the end: the text of the whole read."""
    body = ("\n\n".join(f"{filler(3000)} {TERMS[n % len(TERMS)]}" for n in range(30))).encode()
    path = tmp_path / "stray.txt"
    at = next(i for i in range(where, len(body)) if body[i] < 0x80)  # between two characters
    path.write_bytes(body[:at] + b"\xff" + body[at:])
    with caplog.at_level("WARNING", logger="glossary.sources"):
        with limits.override(text_window=10_000):
            parts = list(iter_windows(path))
        whole_text = read_source(path).text
    assert len(parts) > 3 and "".join(p.text for p in parts) == whole_text
    assert whole_text.count("\ufffd") == 1 and {p.encoding for p in parts} == {"utf-8"}
    assert [r.getMessage() for r in caplog.records] == [f"{path}: 1 byte is not UTF-8; read as U+FFFD"] * 2
    with limits.override(text_window=10_000):
        assert [o.term for o in _extract_file(path)[2]] == [o.term for o in whole(path)]
