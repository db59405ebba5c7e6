"""Build ``glossary/data/char_forms.tsv``: Korean and Japanese character forms -> the standard traditional form.

Korean texts write 産 敎 硏 淸 竝 値 (the forms of Korean dictionaries and
of KS X 1001) and Japanese ones their shinjitai, where Chinese texts write
產 教 研 清 並 值. OpenCC converts some of these (産 -> 产), not all
(硏, 淸, 竝, 値 are left alone), so 新質生産力 / 新質生產力 or 硏究 / 研究
would not share one merge key.

A character ``c`` maps to a variant ``v`` when Unihan links them
(kZVariant, kSemanticVariant; not the specialized ones), OpenCC jp2t
converts ``c`` to ``v``, or the hand table of Korean forms in
``build_hanja_dict.py`` pairs them (淸/清, 靑/青: Unihan links neither);
OpenCC's s2t leaves ``c`` alone and its t2s gives ``c`` and ``v`` one
simplified form or none (so the merge key of a standard form never
changes: 産 and 產 are both 产 already, 硏 and 研 are not), ``v`` is a traditional form (s2t keeps it) and the form
Chinese dictionaries write: CC-CEDICT's traditional headwords use ``v`` at
least 10 times and 20 times as often as its headwords (both columns) use
``c``. So a variant with a sense of its own in Chinese
(余/餘, 着/著: common in simplified headwords) never maps. A Korean
dictionary form that is also a simplified character (强 for 強) maps when
``hanja.tsv`` names it the Korean form of ``v``, t2s gives it back, and
traditional headwords write ``v`` 20 times as often as ``c``.

Needs Debian ``unicode-data`` (``/usr/share/unicode/Unihan_Variants.txt.bz2``)
and opencc. Run: ``python scripts/build_char_forms.py``; review the diff.
"""

from __future__ import annotations

import gzip
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_hanja_dict import KOREAN_FORMS, UNIHAN_VARIANTS  # noqa: E402

# Variants with a use of their own, never folded: financial numerals (仟 玖 佰),
# 妳 (Taiwanese "you", not 奶), radicals as characters (勹 犭 亻).
KEEP = frozenset("仟佰玖拾妳勹犭亻彳氵扌忄纟讠钅饣")

OUT = ROOT / "glossary" / "data" / "char_forms.tsv"
CEDICT = ROOT / "glossary" / "data" / "cedict.tsv.gz"


def variants() -> dict[str, set[str]]:
    """kZVariant and kSemanticVariant links of each character, both ways."""
    import bz2
    from collections import defaultdict

    links: dict[str, set[str]] = defaultdict(set)
    with bz2.open(UNIHAN_VARIANTS, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] in ("kZVariant", "kSemanticVariant"):
                a = chr(int(parts[0][2:], 16))
                for item in parts[2].split():
                    b = chr(int(item.split("<")[0][2:], 16))
                    links[a].add(b)
                    links[b].add(a)
    return links


def korean_forms(path: Path = ROOT / "glossary" / "data" / "hanja.tsv") -> dict[str, str]:
    """Character -> the form Korean dictionaries write for it, from the ``=X`` flags of ``hanja.tsv`` (強 -> 强)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) > 4 and "=" in fields[4]:
                out[fields[0]] = fields[4].partition("=")[2]
    return out


def main() -> None:
    """Write the table."""
    import opencc

    t2s, s2t, jp2t = opencc.OpenCC("t2s.json"), opencc.OpenCC("s2t.json"), opencc.OpenCC("jp2t.json")
    count: Counter[str] = Counter()  # both headwords
    trad_count: Counter[str] = Counter()
    for line in gzip.decompress(CEDICT.read_bytes()).decode("utf-8").splitlines():
        if not line.startswith("#"):
            trad, simp, _ = line.split("\t", 2)
            count.update(trad + simp)
            trad_count.update(trad)
    links = variants()
    hand = {korean: chinese for chinese, korean in KOREAN_FORMS.items()}
    korean = korean_forms()
    out = {}
    for ch in sorted(set(links) | set(count) | set(hand)):
        if len(ch) != 1 or ch in KEEP:
            continue
        if s2t.convert(ch) != ch:
            # A Korean dictionary form that is also the simplified character (强 for 強,
            # 脚 for 腳): mixed into a traditional term (富國强兵) it stands for the
            # traditional one. Only where libhangul's table names it the Korean form of
            # that character, t2s gives it back (merge keys never change) and Chinese
            # traditional headwords rarely write it. Japanese forms that are also
            # simplified (会, 党, 余) are left alone: several are traditional
            # characters of their own in names (余光中, 党 as a surname).
            v = s2t.convert(ch)
            if len(v) == 1 and t2s.convert(v) == ch and korean.get(v) == ch \
                    and trad_count[v] >= 10 and trad_count[v] >= 20 * trad_count[ch]:
                out[ch] = (v, "korean-simplified")
            continue
        candidates = {(v, "unihan") for v in links.get(ch, ())}
        if jp2t.convert(ch) != ch:
            candidates.add((jp2t.convert(ch), "opencc-jp2t"))
        if ch in hand:
            candidates.add((hand[ch], "korean-forms"))
        candidates = {
            (v, src)
            for v, src in candidates
            if v != ch and s2t.convert(v) == v and (t2s.convert(ch) == ch or t2s.convert(ch) == t2s.convert(v))
        }
        best = max(candidates, key=lambda c: (trad_count[c[0]], c[0] == jp2t.convert(ch), c[0], c[1]), default=None)
        if best is None:
            continue
        v, source = best
        if trad_count[v] >= 10 and trad_count[v] >= 20 * count[ch]:
            out[ch] = (v, source)
    lines = [
        "# form\tstandard traditional form\tsource: Korean and Japanese character forms (産 硏 淸 値) for merge keys;"
        " built by scripts/build_char_forms.py from Unihan variants and OpenCC jp2t (notices in README.md)"
    ]
    lines += [f"{ch}\t{v}\t{src}" for ch, (v, src) in sorted(out.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(out)} forms)")


if __name__ == "__main__":
    main()
