"""`glossary build` and `lookup` on a small folder of Korean news-style texts: the Korean side end to end.

The texts are written for the test, in the style of Korean wire copy.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli

TEXTS = {
    "a.ko.txt": (
        "시진핑(習近平) 국가주석은 3일 베이징(北京)에서 열린 회의에서 '신품질 생산력(新質生産力)'을 거듭 강조했다.\n"
        "정부는 이구환신(以舊換新) 보조금을 늘리고, 당 대회에서는 '중국의 꿈(中國夢)'이 다시 등장했다.\n"
    ),
    "b.ko.txt": (
        "시진핑(习近平) 주석은 헤이룽장(黑龍江) 지역 시찰에서 신품질생산력(新质生产力)의 발전을 주문했다.\n"
        "이구환신(以旧换新) 정책은 올해도 이어지며, 왕이(王毅) 외교부장은 같은 날 기자회견을 열었다.\n"
    ),
    "c.ko.txt": "신품질 생산력(新質生產力)이라는 표현은 지난해 처음 나왔다. 이구환신(以舊換新)도 마찬가지다.\n",
    "d.en.txt": "Xi Jinping (習近平) spoke of new quality productive forces (新質生產力) in Beijing.\n",
}


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("news")
    (work / "texts").mkdir()
    for name, text in TEXTS.items():
        (work / "texts" / name).write_text(text, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["--lang", "en", "build", "texts"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return work, result.output


def entries(work: Path) -> dict[str, dict]:
    """Entries by every form they were met in (which form is traditional is normalize's business)."""
    found = json.loads((work / "out" / "glossary.json").read_text(encoding="utf-8"))
    return {form: e for e in found for form in (e["trad"], *e["forms"])}


@pytest.mark.parametrize(
    ("trad", "ko", "ko_hanja", "kind"),
    [
        ("習近平", "시진핑", "습근평", "transcription"),
        ("北京", "베이징", "북경", "transcription"),
        ("黑龍江", "헤이룽장", "흑룡강", "transcription"),
        ("王毅", "왕이", "왕의", "transcription"),
        ("新質生產力", "신품질 생산력", "신질생산력", "translation"),  # 産, 產 and 产: one entry
        ("中國夢", "중국의 꿈", "중국몽", "translation"),
        ("以舊換新", "이구환신", "이구환신", "reading"),
    ],
)
def test_korean_terms_are_what_the_texts_print(news: tuple[Path, str], trad: str, ko: str, ko_hanja: str, kind: str) -> None:
    entry = entries(news[0])[trad]
    assert (entry["ko"], entry["ko_hanja"]) == (ko, ko_hanja)
    first = entry["ko_renderings"][0]
    assert (first["text"], first["source"], first["kind"]) == (ko, "context", kind)


def test_counts_and_documents_follow_the_texts(news: tuple[Path, str]) -> None:
    renderings = entries(news[0])["新質生產力"]["ko_renderings"]
    assert renderings[0]["count"] == 3  # 신품질 생산력 twice, 신품질생산력 once: one rendering
    assert [Path(d).name for d in renderings[0]["documents"]] == ["a.ko.txt", "b.ko.txt", "c.ko.txt"]
    assert [r["source"] for r in renderings] == ["context", "reading"]


def test_the_summary_counts_korean_terms(news: tuple[Path, str]) -> None:
    assert "\nKorean: 7 of 7 terms (7 from the texts, 0 transcribed).\n" in news[1]


@pytest.mark.parametrize(
    ("query", "field"),
    [("시진핑", "ko"), ("습근평", "ko_hanja"), ("신품질생산력", "ko"), ("신질생산력", "ko_hanja"), ("신품질 생산력", "ko")],
)
def test_lookup_finds_an_entry_by_any_korean_rendering(news: tuple[Path, str], query: str, field: str) -> None:
    index = str(news[0] / "out" / "glossary.sqlite")
    result = CliRunner().invoke(cli, ["--lang", "en", "lookup", query, "--json", "--index", index])
    assert result.exit_code == 0, result.output
    hit = json.loads(result.output)[0]
    assert hit["match"]["kind"] == "exact" and hit["match"]["field"] == field
    assert {"習近平", "新質生產力"} & {hit["trad"], *hit["forms"]}


def test_lookup_shows_ko_with_its_source_and_the_hanja_reading(news: tuple[Path, str]) -> None:
    index = str(news[0] / "out" / "glossary.sqlite")
    result = CliRunner().invoke(cli, ["--lang", "en", "lookup", "습근평", "--index", index])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "習近平 · 习近平  exact ko_hanja"
    assert lines[1] == "  ko      시진핑 [context ×2, transcription]  sijinping"  # the table agrees with the texts
    assert lines[2] == "  hanja   습근평"
    other = CliRunner().invoke(cli, ["--lang", "en", "lookup", "신품질 생산력", "--index", index]).output.splitlines()
    assert other[1] == "  ko      신품질 생산력 [context ×3]  sinpumjil saengsallyeok"
    assert other[2] == "  hanja   신질생산력"


def test_the_json_export_reads_back_every_korean_form(news: tuple[Path, str]) -> None:
    from glossary.export import read_export

    path = news[0] / "out" / "glossary.json"
    back = {e.trad: e for e in read_export(path)}
    written = {e["trad"]: e for e in json.loads(path.read_text(encoding="utf-8"))}
    for trad, data in written.items():
        entry = back[trad]
        assert (entry.ko, entry.ko_hanja) == (data["ko"], data["ko_hanja"])
        assert [(r.text, r.source, r.kind, r.count) for r in entry.ko_renderings] == [
            (r["text"], r["source"], r["kind"], r["count"]) for r in data["ko_renderings"]
        ]
