"""glossary/index/: build_index, lookup, format_hits over a small index."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.index import FIELDS, SCHEMA_VERSION, Hit, _edit_distance, build_index, fold_key, format_hits, lookup
from glossary.model import Entry, LookupIndexError, Occurrence, Rendering


def _entry(trad: str, simp: str, ko: str, rr: str, pinyin: str, en: tuple[str, ...] = (), **kw) -> Entry:
    renderings = tuple(Rendering(text, "curated" if i == 0 else "context", count=i + 1) for i, text in enumerate(en))
    occurrences = (Occurrence(term=trad, source="seeds/a.en.txt", line=3, context=f"... ({trad}) ..."),)
    return Entry(key=simp, trad=trad, simp=simp, ko=ko, ko_romanized=rr, pinyin=pinyin, en=renderings,
                 occurrences=occurrences, **kw)


ENTRIES = [
    _entry("兩會", "两会", "양회", "yanghoe", "liǎng huì", ("Two Sessions",), ja="両会", forms=("兩會", "两会")),
    _entry("以舊換新", "以旧换新", "이구환신", "igu hwansin", "yǐ jiù huàn xīn",
           ("trade-in", "product renewal subsidy scheme")),
    _entry("兩重建設", "两重建设", "양중건설", "yangjung geonseol", "liǎng zhòng jiàn shè", ("two major projects",)),
    _entry("一帶一路", "一带一路", "일대일로", "ildaeillo", "yī dài yī lù", ("Belt and Road Initiative",),
           abbrev=("BRI",)),
    _entry("利用厚生", "利用厚生", "이용후생", "iyonghusaeng", "lì yòng hòu shēng",
           renderings_other=(("romanization", "I-yong Hu-seong"),)),
    _entry("共同富裕", "共同富裕", "공동부유", "gongdongbuyu", "gòng tóng fù yù", ("common prosperity",)),
    _entry("先富促共富", "先富促共富", "선부촉공부", "seonbuchokgongbu", "xiān fù cù gòng fù",
           ("let some get rich first to bring common prosperity",)),
    _entry("人類命運共同體", "人类命运共同体", "인류운명공동체", "illyuunmyeonggongdongche",
           "rén lèi mìng yùn gòng tóng tǐ", ("community with a shared future for mankind",)),
    _entry("綠色", "绿色", "녹색", "noksaek", "lǜ sè", ("green",)),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={})
    return path


def _first(query: str, index: Path, **kw) -> tuple[str, str, str]:
    hit = lookup(query, index, **kw)[0]
    return hit.entry["trad"], hit.match, hit.field


@pytest.mark.parametrize(
    ("query", "trad", "field"),
    [
        ("兩會", "兩會", "trad"),
        ("两会", "兩會", "simp"),
        ("両会", "兩會", "ja"),
        ("以舊換新", "以舊換新", "trad"),
        ("以旧换新", "以舊換新", "simp"),
        ("이구환신", "以舊換新", "ko"),
        ("이구 환신", "以舊換新", "ko"),  # hangul with a space
        ("igu hwansin", "以舊換新", "ko_romanized"),
        ("iguhwansin", "以舊換新", "ko_romanized"),
        ("Igu-Hwansin", "以舊換新", "ko_romanized"),
        ("yǐjiù huànxīn", "以舊換新", "pinyin"),
        ("yijiu huanxin", "以舊換新", "pinyin"),  # without tones
        ("yijiuhuanxin", "以舊換新", "pinyin"),
        ("lvse", "綠色", "pinyin"),  # ü typed as v
        ("lüsè", "綠色", "pinyin"),
        ("Two Sessions", "兩會", "en"),
        ("two sessions", "兩會", "en"),
        ("trade-in", "以舊換新", "en"),
        ("trade in", "以舊換新", "en"),
        ("BRI", "一帶一路", "abbrev"),
        ("bri", "一帶一路", "abbrev"),
        ("I-yong Hu-seong", "利用厚生", "ko_romanized"),  # romanisation met beside the term
        ("양중건설", "兩重建設", "ko"),
    ],
)
def test_exact_on_every_form(index: Path, query: str, trad: str, field: str) -> None:
    assert _first(query, index) == (trad, "exact", field)


@pytest.mark.parametrize(
    ("query", "trad", "kind"),
    [
        ("人類命運", "人類命運共同體", "prefix"),
        ("인류운명", "人類命運共同體", "prefix"),
        ("Belt and Ro", "一帶一路", "prefix"),
        ("命運共同", "人類命運共同體", "substring"),
        ("换新", "以舊換新", "substring"),
        ("구환", "以舊換新", "substring"),
        ("huanxin", "以舊換新", "substring"),
        ("renewal", "以舊換新", "substring"),  # an English word inside a rendering
        ("shared future", "人類命運共同體", "substring"),
        ("Two Sesions", "兩會", "fuzzy"),  # English typo
        ("commn prosperty", "共同富裕", "fuzzy"),
        ("yijiu huanxim", "以舊換新", "fuzzy"),  # romanisation typo
        ("igu hwansim", "以舊換新", "fuzzy"),
        ("ilyuunmyeonggongdongche", "人類命運共同體", "fuzzy"),
        ("이구한신", "以舊換新", "fuzzy"),  # hangul typo
        ("이구신환", "以舊換新", "fuzzy"),  # two syllables swapped: 3 of its 4 bigrams lost
        ("yagnhoe", "兩會", "fuzzy"),  # two letters swapped mid-word: 4 of 7 trigrams lost
        ("Tow Sessions", "兩會", "fuzzy"),  # in an English word
    ],
)
def test_tiers(index: Path, query: str, trad: str, kind: str) -> None:
    trad_found, kind_found, _ = _first(query, index)
    assert (trad_found, kind_found) == (trad, kind)


def test_exact_comes_before_substring(index: Path) -> None:
    hits = lookup("共同", index)
    assert [h.match for h in hits] == sorted((h.match for h in hits), key=["exact", "prefix", "substring"].index)
    assert hits[0].match == "prefix"
    assert {h.entry["trad"] for h in hits} >= {"共同富裕", "人類命運共同體"}


def test_computed_for_unknown_hanja(index: Path) -> None:
    hits = lookup("經濟", index)
    assert hits[0].match == "computed"
    entry = hits[0].entry
    assert (entry["trad"], entry["simp"], entry["ko"], entry["pinyin"], entry["in_glossary"]) == (
        "經濟", "经济", "경제", "jīng jì", False,
    )
    assert "not in the glossary" in format_hits(hits[:1])



@pytest.mark.parametrize(("query", "trad", "simp", "field"), [
    ("发展观念", "發展觀念", "发展观念", "simp"),
    ("萋萋憤填膺", "萋萋憤填膺", "萋萋愤填膺", "trad"),  # traditional as typed
    ("硏究", "研究", "研究", "trad"),  # a Korean character form: the standard one, as a build shows it
    ("経済", "經濟", "经济", "trad"),  # a Japanese form
])
def test_computed_forms_are_those_a_build_gives(index: Path, query: str, trad: str, simp: str, field: str) -> None:
    from glossary.merge import build_entry
    from glossary.model import Occurrence

    hit = lookup(query, index)[0]
    assert (hit.match, hit.entry["trad"], hit.entry["simp"], hit.field) == ("computed", trad, simp, field)
    built = build_entry(query, [Occurrence(query, "a.txt", 1, f"({query})")], None)
    assert (built.trad, built.simp) == (trad, simp)

@pytest.mark.parametrize("query", ["兩會", "換新", "命運共同"])  # an entry, or inside one
def test_hanja_in_an_entry_is_not_computed(index: Path, query: str) -> None:
    assert all(h.match != "computed" for h in lookup(query, index))


def test_computed_then_fuzzy(index: Path) -> None:
    hits = lookup("人類命運共同休", index)  # one character wrong
    assert [(h.match, h.entry["trad"]) for h in hits] == [("computed", "人類命運共同休"), ("fuzzy", "人類命運共同體")]


def test_nothing_found(index: Path) -> None:
    assert lookup("zzzzqqqq", index) == []
    assert lookup("  --  ", index) == []


@pytest.mark.parametrize(
    ("query", "field", "expected"),
    [
        ("两会", "simp", ["兩會"]),
        ("两会", "trad", []),  # 两会 is not a traditional form
        ("yanghoe", "rr", ["兩會"]),
        ("yanghoe", "pinyin", []),
        ("Two Sessions", "english", ["兩會"]),
        ("Two Sessions", "ko", []),
    ],
)
def test_field_restricts_the_form(index: Path, query: str, field: str, expected: list[str]) -> None:
    assert [h.entry["trad"] for h in lookup(query, index, field=field) if h.match != "computed"] == expected


def test_unknown_field(index: Path) -> None:
    with pytest.raises(ValueError, match="unknown field"):
        lookup("两会", index, field="colour")


def test_limit(index: Path) -> None:
    assert len(lookup("共", index, limit=10)) >= 3
    assert len(lookup("共", index, limit=2)) == 2


def test_hit_json_has_the_entry_shape(index: Path) -> None:
    data = lookup("이구환신", index)[0].to_json()
    assert {"trad", "simp", "ko", "en", "occurrences", "renderings", "match"} <= set(data)
    assert data["en"] == ["trade-in", "product renewal subsidy scheme"]
    (occurrence,) = data["occurrences"]
    assert {k: occurrence[k] for k in ("source", "line", "context")} == {
        "source": "seeds/a.en.txt", "line": 3, "context": "... (以舊換新) ...",
    }
    assert data["match"] == {"kind": "exact", "field": "ko", "score": 1.0}
    json.dumps(data)


def test_format_hits_block(index: Path) -> None:
    text = format_hits(lookup("两会", index, limit=1))
    assert text.splitlines() == [
        "兩會 · 两会  exact simp",
        "  ko      양회  yanghoe",
        "  pinyin  liǎng huì",
        "  ja      両会",
        "  en      Two Sessions [curated]",
        "  seen    seeds/a.en.txt:3",
    ]
    assert "\x1b[" not in text
    assert "\x1b[" in format_hits(lookup("两会", index, limit=1), color=True)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Liǎng Huì", "lianghui"),
        ("liang-hui", "lianghui"),
        ("이구 환신", "이구환신"),
        ("樂園", "樂園"),  # compatibility ideograph U+F914 folded
        ("ＢＲＩ", "bri"),  # full width
        ("がっこう", "がっこう"),  # kana keep their voicing marks
        ("xi'an", "xian"),
    ],
)
def test_fold_key(text: str, key: str) -> None:
    assert fold_key(text) == key


def test_fields_are_all_indexable() -> None:
    assert len(set(FIELDS)) == len(FIELDS)


# --- build: atomic, meta, freshness -----------------------------------------


def test_build_is_atomic_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "out" / "glossary.sqlite"
    build_index(ENTRIES[:1], path, inputs={})
    build_index(ENTRIES[1:2], path, inputs={})
    assert [p.name for p in path.parent.iterdir()] == ["glossary.sqlite"]  # no temporary file left
    assert lookup("两会", path) == [] or lookup("两会", path)[0].match != "exact"
    assert lookup("以旧换新", path)[0].match == "exact"


def test_meta_records_version_and_inputs(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("兩會", encoding="utf-8")
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={str(text): "abc"})
    meta = dict(sqlite3.connect(path).execute("SELECT name, value FROM meta"))
    assert meta["schema_version"] == SCHEMA_VERSION
    assert json.loads(meta["inputs"]) == {str(text): "abc"}
    assert json.loads(meta["input_signature"])[0]["size"] == len("兩會".encode())


def _built_with_input(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "a.txt"
    text.write_text("the Two Sessions (兩會)", encoding="utf-8")
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={str(text): "sha"})
    return path, text


def test_touched_but_same_input_is_fresh(tmp_path: Path) -> None:
    path, text = _built_with_input(tmp_path)
    os.utime(text, ns=(1, 1))  # stat differs, content does not: hashed, still fresh
    assert lookup("两会", path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.write_text("changed", encoding="utf-8"), "a.txt changed"),
        (lambda text: text.unlink(), "a.txt was removed"),
    ],
)
def test_stale_index(tmp_path: Path, change, message: str) -> None:
    path, text = _built_with_input(tmp_path)
    change(text)
    with pytest.raises(LookupIndexError, match=rf"stale: .*{message}.*run `glossary build`"):
        lookup("两会", path)


def test_absent_input_that_appears_makes_it_stale(tmp_path: Path) -> None:
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={str(tmp_path / "terms.yaml"): ""})
    assert lookup("两会", path)
    (tmp_path / "terms.yaml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(LookupIndexError, match="terms.yaml appeared"):
        lookup("两会", path)


def test_missing_index(tmp_path: Path) -> None:
    with pytest.raises(LookupIndexError, match=r"no lookup index at .*nothing.sqlite.*glossary build"):
        lookup("两会", tmp_path / "nothing.sqlite")


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_corrupt_index(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "glossary.sqlite"
    path.write_bytes(content)
    with pytest.raises(LookupIndexError, match=r"glossary.sqlite is not a glossary index.*glossary build"):
        lookup("两会", path)


def test_other_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={})
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = '0' WHERE name = 'schema_version'")
    with pytest.raises(LookupIndexError, match="another version"):
        lookup("两会", path)


def test_hit_is_frozen() -> None:
    hit = Hit({"trad": "兩會"}, "exact", "trad", 1.0)
    with pytest.raises(AttributeError):
        hit.score = 0.5  # type: ignore[misc]


def test_lookup_does_not_import_heavy_libraries(index: Path) -> None:
    code = (
        "import sys; from glossary.index import lookup; lookup('两会', sys.argv[1]); lookup('Two Sesions', sys.argv[1]);"
        "heavy = {'opencc', 'hanja', 'pykakasi', 'pypinyin', 'babel', 'lxml', 'ruamel', 'yaml', 'click', 'glossary.model'}"
        "; print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(index)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_computed_lookup_does_not_import_the_writers(index: Path) -> None:
    # The computed path needs the readings and CC-CEDICT, not the export package and its writers.
    code = (
        "import sys; from glossary.index import lookup; hits = lookup('鬱鬱蒼', sys.argv[1]);"
        "print(hits[0].match, hits[0].entry['ko'], sorted(m for m in sys.modules if m.startswith('glossary.export')))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(index)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["computed", "울울창", "[]"]


# --- every form of every seed term ------------------------------------------

SEED_TERMS = [
    ("兩會", "Two Sessions", None),
    ("以舊換新", "trade-in", None),
    ("兩重建設", None, None),
    ("深度求索", "DeepSeek", None),
    ("減稅降費", "tax and fee cuts", None),
    ("民生保障", None, None),
    ("正風反腐", None, None),
    ("社會治理", "social governance", None),
    ("強化宏觀政策民生導向", None, None),
    ("百年大變局", "changes unseen in a century", None),
    ("一帶一路", "Belt and Road Initiative", "BRI"),
    ("人類命運共同體", "community with a shared future for mankind", None),
    ("逆", "Reverse", None),
    ("利用厚生", None, None),
    ("先富促共富", "let some get rich first", None),
    ("共同富裕", "common prosperity", None),
    ("關於進一步全面深化改革、推進中國式現代化的決定", None, None),
]


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Entry]]:
    from glossary.normalize import to_japanese, to_simplified
    from glossary.readings import hangul_reading, pinyin_reading

    entries = [
        Entry(
            key=to_simplified(trad), trad=trad, simp=to_simplified(trad), ja=to_japanese(trad),
            ko=hangul_reading(trad), pinyin=pinyin_reading(to_simplified(trad)),
            en=(Rendering(en, "context"),) if en else (), abbrev=(abbrev,) if abbrev else (),
        )
        for trad, en, abbrev in SEED_TERMS
    ]
    path = tmp_path_factory.mktemp("seed") / "glossary.sqlite"
    build_index(entries, path, inputs={})
    return path, entries


def test_every_form_of_every_seed_term_finds_its_entry(seed_index: tuple[Path, list[Entry]]) -> None:
    path, entries = seed_index
    missed = []
    for entry in entries:
        toneless = "".join(c for c in __import__("unicodedata").normalize("NFD", entry.pinyin) if c.isascii())
        forms = [entry.trad, entry.simp, entry.ja, entry.ko, entry.pinyin, toneless, *entry.abbrev]
        forms += [r.text for r in entry.en]
        for form in forms:
            hits = lookup(form, path, limit=3)
            if not hits or hits[0].match != "exact" or hits[0].entry["trad"] != entry.trad:
                missed.append((entry.trad, form, [(h.entry["trad"], h.match) for h in hits]))
    assert missed == []


# --- properties ---------------------------------------------------------------

def _reference_distance(a: str, b: str) -> int:
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


# Long strings too: the bit vectors of a form longer than a machine word.
@given(st.text("abc한", max_size=12) | st.text("ab", min_size=60, max_size=80),
       st.text("abc한", max_size=12) | st.text("ab", min_size=60, max_size=80), st.integers(0, 4))
def test_bit_parallel_distance_agrees_with_the_full_table(a: str, b: str, bound: int) -> None:
    assert _edit_distance(a, b, bound) == min(_reference_distance(a, b), bound + 1)


@given(st.text())
def test_fold_key_is_idempotent(text: str) -> None:
    assert fold_key(fold_key(text)) == fold_key(text)


def test_format_hits_keeps_long_lists_short() -> None:
    entry = {
        "trad": "逆", "simp": "逆", "ko": "역", "ko_romanized": "yeok",
        "renderings": [{"text": f"sense {i}", "source": "dictionary", "count": 0} for i in range(8)],
        "renderings_other": [{"kind": "hangul", "text": "역"}, {"kind": "romanization", "text": "Yŏk"}],
        "occurrences": [{"source": "a.txt", "line": i, "context": ""} for i in range(1, 6)],
    }
    lines = format_hits([Hit(entry, "exact", "trad", 1.0)]).splitlines()
    assert lines[2].endswith("sense 4 [dictionary] (+3 more)")
    assert lines[3] == "  also    Yŏk [romanization]"  # the hangul reading is not repeated
    assert lines[4] == "  seen    a.txt:1, a.txt:2, a.txt:3 (+2 more)"


@pytest.mark.parametrize(
    ("ko", "ko_hanja", "renderings", "lines"),
    [
        # a transcribed name: the source beside ko, the strict reading on its own line
        ("시진핑", "습근평",
         [{"text": "시진핑", "source": "context", "count": 4, "also": ["transcription"]},
          {"text": "습근평", "source": "reading", "count": 0}],
         ["  ko      시진핑 [context ×4, transcription]  x", "  hanja   습근평"]),
        # the reading is the term: no hanja line; other renderings listed
        ("내권", "내권",
         [{"text": "내권", "source": "context", "count": 3, "also": ["reading"]},
          {"text": "인벌루션", "source": "context", "count": 1}, {"text": "네이쥬안", "source": "context", "count": 1}],
         ["  ko      내권 [context ×3, reading]  x", "  ko alt  인벌루션 [context]; 네이쥬안 [context]"]),
        # an attested reading that is not the term is listed with its count
        ("신품질 생산력", "신질생산력",
         [{"text": "신품질 생산력", "source": "context", "count": 3},
          {"text": "신질생산력", "source": "context", "count": 2, "also": ["reading"]}],
         ["  ko      신품질 생산력 [context ×3]  x", "  hanja   신질생산력", "  ko alt  신질생산력 [context ×2, reading]"]),
        # a title with no Korean term: only its hanja reading
        ("", "관어전면심화개혁", [], ["  hanja   관어전면심화개혁"]),
        # an entry written before ko_renderings existed
        ("양회", None, None, ["  ko      양회  x"]),
    ],
)
def test_format_hits_shows_the_korean_term_its_source_and_the_hanja_reading(
    ko: str, ko_hanja: str | None, renderings: list | None, lines: list[str]
) -> None:
    entry = {"trad": "甲", "simp": "甲", "ko": ko, "ko_romanized": "x" if ko else "", "en": []}
    if ko_hanja is not None:
        entry["ko_hanja"] = ko_hanja
    if renderings is not None:
        entry["ko_renderings"] = renderings
    assert format_hits([Hit(entry, "exact", "trad", 1.0)]).splitlines()[1:] == lines


def test_unwritable_target_is_an_output_error(tmp_path: Path) -> None:
    from glossary.model import OutputError

    (tmp_path / "out").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the lookup index"):
        build_index(ENTRIES, tmp_path / "out" / "glossary.sqlite", inputs={})


def test_mccune_reischauer_keys_come_from_the_readings_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary import readings

    def romanize(hangul: str, system: str = "rr") -> str:
        return {"이구환신": "igu hwanshin"}.get(hangul, "x") if system == "mr" else "rr"

    monkeypatch.setattr(readings, "romanize", romanize)
    path = tmp_path / "glossary.sqlite"
    build_index(ENTRIES, path, inputs={})
    assert _first("Igu Hwanshin", path) == ("以舊換新", "exact", "ko_mr")
    assert _first("hwanshin", path) == ("以舊換新", "substring", "ko_mr")


def test_exact_hit_skips_the_substring_tier(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    build_index(
        [Entry("两会", "兩會", "两会", ko="양회"), Entry("两会期间", "兩會期間", "两会期间", ko="양회기간"),
         Entry("十四届两会", "十四屆兩會", "十四届两会", ko="십사계양회")],
        target, inputs={},
    )
    assert [(h.entry["trad"], h.match) for h in lookup("兩會", target)] == [("兩會", "exact"), ("兩會期間", "prefix")]
    assert [h.entry["trad"] for h in lookup("屆兩", target)] == ["十四屆兩會"]


def _tables(path) -> dict:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta'")]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}
    finally:
        con.close()


def test_postings_spilled_in_chunks_are_the_postings_held_in_memory(tmp_path, monkeypatch) -> None:
    # A big build gathers its q-gram postings in chunks on disk; joined, they
    # must be exactly what a small build keeps in memory.
    from glossary.index import build as index_build
    from glossary.model import Entry, Occurrence, Rendering

    han, ko = "經濟社會發展改革開放國家治理現代化", "경제사회발전개혁개방국가치리현대화"
    entries = [
        Entry(
            key=f"k{i:04d}", trad=han[i % 16] + han[(i * 7) % 16] + han[(i * 3) % 16], simp=han[i % 16] + han[(i * 7) % 16],
            ko=ko[i % 16] + ko[(i * 7) % 16] + ko[(i * 3) % 16], pinyin=f"jing ji {i % 50}",
            en=(Rendering(f"reform item {i % 300}", "context", 1, ("a.txt",)),),
            occurrences=(Occurrence("經濟", "a.txt", i + 1, "context"),),
        )
        for i in range(600)
    ]
    build_index(entries, tmp_path / "held.sqlite", inputs={})
    monkeypatch.setattr(index_build, "_POSTINGS_HELD", 40)
    build_index(entries, tmp_path / "spilled.sqlite", inputs={})
    held, spilled = _tables(tmp_path / "held.sqlite"), _tables(tmp_path / "spilled.sqlite")
    assert held == spilled
    assert len(held["grams"]) > 100 and len(held["word_grams"]) > 20
    typo = entries[5].ko[:-1] + "깨"  # found through the spilled grams (fuzzy tier)
    assert entries[5].ko in {h.entry["ko"] for h in lookup(typo, tmp_path / "spilled.sqlite")}


# Forms over a tiny alphabet share most of their q-grams, as a million forms
# do: the shortcuts of the fuzzy and substring tiers (rarest grams first,
# candidates looked up in the common postings) must find what counting every
# posting and checking every form finds.
@st.composite
def _forms_and_query(draw: st.DrawFn) -> tuple[list[str], str]:
    """A query, forms a typo or two away from it, and other forms over the same few letters."""
    letters = draw(st.sampled_from(["abcd", "가나다"]))
    query = draw(st.text(letters, min_size=4 if letters.isascii() else 3, max_size=9))
    forms = draw(st.lists(st.text(letters, min_size=1, max_size=10), max_size=30))
    for _ in range(draw(st.integers(1, 12))):
        form = query
        for _ in range(draw(st.integers(1, 3))):
            at, ch = draw(st.integers(0, len(form))), draw(st.sampled_from(letters))
            form = draw(st.sampled_from([form[:at] + ch + form[at:], form[:at] + form[at + 1 :], form[:at] + ch + form[at + 1 :]]))
        forms.append(form)
    return sorted({f for f in forms if f}), query


@given(_forms_and_query())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzy_filter_loses_no_near_form(tmp_path: Path, case: tuple[list[str], str]) -> None:
    forms, query = case
    from glossary.index.fold import _gram_size, _grams
    from glossary.index.store import _open
    from glossary.index.tiers import _Searcher, _typo_bound

    target = tmp_path / "near.sqlite"
    build_index([Entry(f"k{i}", "x", "x", forms=(form,)) for i, form in enumerate(forms)], target, inputs={})
    bound = _typo_bound(query)
    con = _open(str(target))
    try:
        searcher = _Searcher(con, None, limit=1000)  # every near form wanted: no early stop
        texts = dict(con.execute("SELECT id, text FROM forms"))
        found = {texts[i]: d for i, d in searcher._near(query, "grams", "form_lengths", bound)}
        got_substring = {h.entry["forms"][0] for h in lookup(query, target, limit=1000, field="form")
                         if h.match == "substring"}
    finally:
        con.close()
    # What counting every posting finds: forms sharing `need` of the query's
    # grams (one edit destroys at most q of them) and within the bound; and
    # the forms one swap of neighbours away (a swap can destroy q + 1).
    grams = set(_grams(query, padded=True))
    need = len(grams) - _gram_size(query) * bound
    expected = {
        f: _reference_distance(query, f) for f in forms
        if need >= 1 and len(grams & set(_grams(f, padded=True))) >= need and _reference_distance(query, f) <= bound
    }
    swaps = {query[:i] + query[i + 1] + query[i] + query[i + 2 :] for i in range(len(query) - 1)} - {query}
    expected |= {f: 1 for f in forms if f in swaps and bound >= 1}
    assert found == expected
    if not any(f == query or f.startswith(query) for f in forms):  # substring tier runs only then (no exact hit)
        assert got_substring == {f for f in forms if query in f and not f.startswith(query)}



@given(_forms_and_query())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzy_checks_the_forms_that_share_most_grams(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[list[str], str]
) -> None:
    """With more candidates than are checked, the ones checked are those counting every posting ranks first.

    Only a few are checked here, so the common postings are counted last and
    only for the candidates that can still be checked (``_best_deferred``),
    as on a million forms.
    """
    forms, query = case
    from glossary.index import tiers
    from glossary.index.store import _open

    verify = 4
    monkeypatch.setattr(tiers, "_FUZZY_VERIFY", verify)
    monkeypatch.setattr(tiers, "_FUZZY_ROUNDS", (2, verify))
    target = tmp_path / f"few-{abs(hash((query, *forms)))}.sqlite"
    build_index([Entry(f"k{i}", "x", "x", forms=(form,)) for i, form in enumerate(forms)], target, inputs={})
    bound = tiers._typo_bound(query)
    con = _open(str(target))
    try:
        found = dict(tiers._Searcher(con, None, limit=1000)._near(query, "grams", "form_lengths", bound))
        texts = dict(con.execute("SELECT id, text FROM forms"))
    finally:
        con.close()
    assert found == _checked_near(texts, query, bound, verify)


def _checked_near(texts: dict[int, str], query: str, bound: int, verify: int) -> dict[int, int]:
    """Form id -> distance of the forms within ``bound`` among the ``verify`` that share most grams, counting every posting,
    and of the forms one swap of neighbours away."""
    from glossary.index.fold import _gram_size, _grams

    grams = set(_grams(query, padded=True))
    need = len(grams) - _gram_size(query) * bound
    shared = {i: len(grams & set(_grams(t, padded=True))) for i, t in texts.items() if abs(len(t) - len(query)) <= bound}
    checked = sorted((i for i, n in shared.items() if need >= 1 and n >= need), key=lambda i: (-shared[i], i))[:verify]
    near = {i: d for i in checked if (d := _reference_distance(query, texts[i])) <= bound}
    swaps = {query[:i] + query[i + 1] + query[i] + query[i + 2 :] for i in range(len(query) - 1)} - {query}
    return near | {i: 1 for i, t in texts.items() if t in swaps and bound >= 1 and i not in near}


def test_common_postings_are_counted_for_the_candidates_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.index import tiers
    from glossary.index.store import _open

    forms = [f"abcdef{n:03d}" for n in range(400)]  # every form holds "abc", "bcd", ...
    build_index([Entry(f"k{i}", "x", "x", forms=(f,)) for i, f in enumerate(forms)], tmp_path / "i.sqlite", inputs={})
    monkeypatch.setattr(tiers, "_FUZZY_VERIFY", 50)
    calls = []
    real = tiers._best_deferred
    monkeypatch.setattr(tiers, "_best_deferred", lambda *a: calls.append(len(a[0])) or real(*a))
    con = _open(str(tmp_path / "i.sqlite"))
    try:
        texts = dict(con.execute("SELECT id, text FROM forms"))
        near = tiers._Searcher(con, None, limit=10)._near("abcdef12", "grams", "form_lengths", 2)
    finally:
        con.close()
    assert calls == [400]  # the common grams were left to the end, the 400 forms all candidates
    assert dict(near) == _checked_near(texts, "abcdef12", 2, 50)
    assert {texts[i] for i, d in near if d == 1} >= {f"abcdef12{n}" for n in range(10)}

def _fold_walk(text: str) -> str:
    """fold_key without its shortcuts: the character walk alone."""
    import unicodedata

    out: list[str] = []
    for ch in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower()):
        if unicodedata.combining(ch):
            if not (out and out[-1].isascii()):
                out.append(ch)
        elif ch.isalnum():
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@given(st.text(st.sampled_from("aZ1 -'é經济한글かガ\u3099ｶＡ①ǚ\u0301\u3000、")) | st.text())
def test_fold_key_shortcuts_fold_as_the_walk(text: str) -> None:
    assert fold_key(text) == _fold_walk(text)
