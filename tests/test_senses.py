"""Tests for glossary/senses.py: real CC-CEDICT senses, cleaned and ranked."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.senses import SENSE_KINDS, CleanSense, clean_sense, from_stored, offered, to_stored


def texts(raw: str) -> list[str]:
    return [c.text for c in clean_sense(raw)]


# (raw sense as CC-CEDICT prints it, renderings, note of the first one)
@pytest.mark.parametrize(
    ("raw", "renderings", "note"),
    [
        # life dates and a description after a comma go to the note
        ("Xi Jinping (1953–), PRC politician, General Secretary of the CCP from 2012, president of the PRC from 2013",
         ["Xi Jinping"], "1953–; PRC politician, General Secretary of the CCP from 2012, president of the PRC from 2013"),
        ("Zheng He (1371-1433), famous early Ming dynasty admiral and explorer",
         ["Zheng He"], "1371-1433; famous early Ming dynasty admiral and explorer"),
        ("Mao Zedong (1893–1976), leader of the Chinese Communist Party 1935–1976",
         ["Mao Zedong"], "1893–1976; leader of the Chinese Communist Party 1935–1976"),
        ("Li Keqiang (1955–2023), PRC politician, premier 2013–2023", ["Li Keqiang"], "1955–2023; PRC politician, premier 2013–2023"),
        ("King Wen of Zhou state (c. 1152-1056 BC), reigned c. 1099-1056 BC as king of Zhou state",
         ["King Wen of Zhou state"], "c. 1152-1056 BC; reigned c. 1099-1056 BC as king of Zhou state"),
        # a description after a name
        ("Legislative Yuan, the unicameral legislature of the Republic of China",
         ["Legislative Yuan"], "the unicameral legislature of the Republic of China"),
        ("Essen, city in the Ruhr 魯爾區|鲁尔区[Lu3 er3 Qu1], Germany", ["Essen"], "city in the Ruhr 魯爾區, Germany"),
        ("North Atlantic Treaty Organization, NATO", ["North Atlantic Treaty Organization"], "NATO"),
        ("Hong Kong, special administrative region (SAR) of the PRC (abbr. to 港[Gang3])",
         ["Hong Kong"], "special administrative region of the PRC; SAR; abbr. to 港"),
        ("Heilongjiang Province, capital Harbin 哈爾濱市|哈尔滨市[Ha1 er3 bin1 Shi4] (abbr. to 黑[Hei1])",
         ["Heilongjiang Province"], "capital Harbin 哈爾濱市; abbr. to 黑"),
        ("1992 Consensus, statement issued after 1992 talks between PRC and Taiwan representatives",
         ["1992 Consensus"], "statement issued after 1992 talks between PRC and Taiwan representatives"),
        ("isoleucine (Ile), an essential amino acid", ["isoleucine"], "Ile; an essential amino acid"),
        ("turtle jelly, medicine made with powdered turtle shell and herbs", ["turtle jelly"],
         "medicine made with powdered turtle shell and herbs"),
        ("Three Alls Policy (kill all, burn all, loot all), Japanese policy in China during WWII",
         ["Three Alls Policy"], "kill all, burn all, loot all; Japanese policy in China during WWII"),
        # commas that belong to the rendering
        ("one country, two systems (PRC proposal regarding Hong Kong, Macau and Taiwan)",
         ["one country, two systems"], "PRC proposal regarding Hong Kong, Macau and Taiwan"),
        ("Crouching Tiger, Hidden Dragon, movie by Ang Lee 李安[Li3 An1]", ["Crouching Tiger, Hidden Dragon"], "movie by Ang Lee 李安"),
        ("you win some, you lose some (idiom)", ["you win some, you lose some"], "idiom"),
        ("class, rate or grade", ["class, rate or grade"], None),
        ("to change buses, trains etc", ["to change buses, trains etc"], None),
        # abbr. for ...
        ("Central Committee of the Communist Party of China, abbr. for 中國共產黨中央委員會|中国共产党中央委员会[Zhong1 guo2 Gong4 chan3 dang3 Zhong1 yang1 Wei3 yuan2 hui4]",
         ["Central Committee of the Communist Party of China"], "abbr. for 中國共產黨中央委員會"),
        ("abbr. for 中國共產黨|中国共产党[Zhong1 guo2 Gong4 chan3 dang3], Chinese Communist Party",
         ["Chinese Communist Party"], "abbr. for 中國共產黨"),
        ("the Communist Youth League, abbr. for 共產主義青年團|共产主义青年团[Gong4 chan3 zhu3 yi4 Qing1 nian2 tuan2]",
         ["Communist Youth League"], "abbr. for 共產主義青年團"),
        ("National People's Congress (NPC) (abbr. for 全國人民代表大會|全国人民代表大会[Quan2 guo2 Ren2 min2 Dai4 biao3 Da4 hui4])",
         ["National People's Congress"], "NPC; abbr. for 全國人民代表大會"),
        ("standing committee (abbr. for 常務委員會|常务委员会[chang2 wu4 wei3 yuan2 hui4])", ["standing committee"], "abbr. for 常務委員會"),
        # an acronym with its expansion: the expansion is the rendering
        ("CPPCC (Chinese People's Political Consultative Conference)", ["Chinese People's Political Consultative Conference"], "CPPCC"),
        ("Renminbi (RMB)", ["Renminbi"], "RMB"),
        ("United Front Work Department of CCP Central Committee (UFWD)", ["United Front Work Department of CCP Central Committee"], "UFWD"),
        # region markers
        ("(PRC) State Council", ["State Council"], "PRC"),
        ("(USA) State Department", ["State Department"], "USA"),
        ("(Tw) taxi; cab", ["taxi", "cab"], "Tw"),
        ("Parliament (UK)", ["Parliament"], "UK"),
        # register and domain labels, leading or trailing, for every part
        ("(embryology) to involute; involution", ["to involute", "involution"], "embryology"),
        ("(neologism c. 2017) (of a society) to become more and more of a rat race; to become increasingly competitive (due to limited resources)",
         ["to become more and more of a rat race", "to become increasingly competitive"], "neologism c. 2017; of a society"),
        ("(neologism c. 2021) to opt out of the rat race", ["to opt out of the rat race"], "neologism c. 2021"),
        ("(fig.) any Tom, Dick or Harry", ["any Tom, Dick or Harry"], "fig."),
        ("(coll.) to hang out", ["to hang out"], "coll."),
        ("(bound form) a moment (Taiwan pr. [hui3])", ["a moment"], "bound form"),
        ("(economic) bubble", ["bubble"], "economic"),
        ("(literary) to reign over", ["to reign over"], "literary"),
        # usage notes
        ("president (of a country)", ["president"], "of a country"),
        ("general secretary (of the Communist Party)", ["general secretary"], "of the Communist Party"),
        ("secretary (chief official of a branch of a socialist or communist party)", ["secretary"],
         "chief official of a branch of a socialist or communist party"),
        ("People's Liberation Army (PRC armed forces)", ["People's Liberation Army"], "PRC armed forces"),
        # classifiers dropped from a sense, sth/sb spelled out
        ("potato (CL:個|个[ge4])", ["potato"], None),
        ("to search for sth", ["to search for something"], None),
        ("friend(s)", ["friend"], None),
        # synonyms joined by ";" and two names joined by "or"
        ("prosperous; well-to-do; well-off", ["prosperous", "well-to-do", "well-off"], None),
        ("Heilong River or Amur River, forming the border between northeast China and Russia",
         ["Heilong River", "Amur River"], "forming the border between northeast China and Russia"),
        ("king or monarch", ["king or monarch"], None),
        ("one or two", ["one or two"], None),
        # no hanzi, no pipes in the rendering
        ("tribe of the Xianbei 鮮卑|鲜卑 nomadic people", ["tribe of the Xianbei nomadic people"], None),
        ("see you next time", ["see you next time"], None),
    ],
)
def test_clean_sense(raw, renderings, note):
    cleaned = clean_sense(raw)
    assert [c.text for c in cleaned] == renderings
    assert cleaned[0].note == note
    assert all(c.raw == raw for c in cleaned)


@pytest.mark.parametrize(
    ("raw", "markers"),
    [
        ("(PRC) State Council", ("PRC",)),
        ("(USA) State Department", ("USA",)),
        ("House of Representatives (USA)", ("USA",)),
        ("(Tw, HK) bus", ("Tw", "HK")),
        ("Congress (US)", ("USA",)),
        ("(embryology) involution", ("embryology",)),
        ("(idiom, from Mencius) to do sth", ("idiom",)),
        ("lit. Zhang Three and Li Four (idiom)", ("idiom", "lit.")),
        ("(fig.) any Tom, Dick or Harry", ("fig.",)),
        ("(dialect) to chat", ("dialect",)),
        ("(TCM) qi stagnation", ("TCM",)),
        ("(of a society) to become more competitive", ()),  # a usage note is no label
    ],
)
def test_markers(raw, markers):
    assert clean_sense(raw)[0].markers == markers


@pytest.mark.parametrize(
    ("raw", "kind", "ref"),
    [
        ("CL:個|个[ge4]", "classifier", None),
        ("classifier for flat objects", "classifier", None),
        ("variant of 週|周[zhou1]", "reference", "週"),
        ("old variant of 綫|线[xian4]", "reference", "綫"),
        ("erhua variant of 一點|一点[yi1 dian3]", "reference", "一點"),
        ("see 黑龍江省|黑龙江省[Hei1 long2 jiang1 Sheng3]", "reference", "黑龍江省"),
        ("(Tw) see 基尼係數|基尼系数[Ji1 ni2 xi4 shu4]", "reference", "基尼係數"),
        ("see 3C[san1 C]", "reference", "3C"),
        ("same as 孫逸仙|孙逸仙", "reference", "孫逸仙"),
        ("abbr. of 中國人民政治協商會議|中国人民政治协商会议[Zhong1 guo2 Ren2 min2 Zheng4 zhi4 Xie2 shang1 Hui4 yi4]",
         "reference", "中國人民政治協商會議"),
        ("see also 社會主義|社会主义[she4 hui4 zhu3 yi4]", "related", "社會主義"),
        ("abbr. to 世博[Shi4 bo2]", "related", "世博"),
        ("used in 葡萄[pu2 tao5]", "explanation", None),
        ("(used after an attribute when it modifies a noun)", "explanation", None),
        ("refers to Deng Xiaoping's policies from around 1980", "explanation", None),
        ("also pr. [di4] or [di5] in poetry and songs", "pronunciation", None),
        ("Taiwan pr. [zuo2 liao4]", "pronunciation", None),
        ("coll. pr. [zuo2 liao5]", "pronunciation", None),
        ("surname Wang", "surname", None),
        ("lit. Zhang Three and Li Four (idiom)", "literal", None),
        ("to reform and open to the outside world", "rendering", None),
    ],
)
def test_kinds(raw, kind, ref):
    first = clean_sense(raw)[0]
    assert (first.kind, first.ref) == (kind, ref)


def test_surname_is_the_name():
    assert clean_sense("surname Wang") == (CleanSense("Wang", "surname", (), "surname", "surname Wang"),)


def test_figurative_part_makes_the_first_literal():
    first, second = clean_sense("one day's sun, ten days' frost (idiom, from Mencius); fig. to work for a bit then skimp")
    assert (first.kind, first.text) == ("literal", "one day's sun, ten days' frost")
    assert (second.kind, second.text, second.markers) == ("rendering", "to work for a bit then skimp", ("fig.",))
    glued = clean_sense("lit. orders are carried out (idiom)fig. to execute every order without fail")
    assert [c.kind for c in glued] == ["literal", "rendering"]


def offer(*raws: str, is_name: bool = False) -> list[tuple[str, str | None]]:
    return [(c.text, c.note) for c in offered([c for raw in raws for c in clean_sense(raw)], is_name=is_name)]


@pytest.mark.parametrize(
    ("raws", "expected"),
    [
        # 國務院: the American sense is not what a text about China means
        (("(PRC) State Council", "(USA) State Department"), [("State Council", "PRC")]),
        # 眾議院
        (("lower house of bicameral assembly", "House of Representatives (USA)", "Chamber of Deputies"),
         [("lower house of bicameral assembly", None), ("Chamber of Deputies", None)]),
        # 國會: every sense is regional, so all stay
        (("Parliament (UK)", "Congress (US)", "Diet (Japan)", "Legislative Yuan (Taiwan)"),
         [("Parliament", "UK"), ("Congress", "US"), ("Diet", "Japan"), ("Legislative Yuan", "Taiwan")]),
        # 張三李四: the literal words go to the note
        (("lit. Zhang Three and Li Four (idiom)", "(fig.) any Tom, Dick or Harry"),
         [("any Tom, Dick or Harry", "fig.; lit. Zhang Three and Li Four")]),
        # 臥虎藏龍 (common-word entry)
        (("lit. hidden dragon, crouching tiger (idiom)", "fig. talented individuals in hiding", "concealed talent"),
         [("talented individuals in hiding", "lit. hidden dragon, crouching tiger"), ("concealed talent", None)]),
        # a literal translation alone is offered
        (("lit. to wait for dawn, one's head resting on a spear (idiom)",), [("to wait for dawn, one's head resting on a spear", "idiom")]),
        # 內卷: the social sense before the embryology one
        (("(embryology) to involute; involution",
          "(neologism c. 2017) (of a society) to become more and more of a rat race"),
         [("to become more and more of a rat race", "neologism c. 2017; of a society"),
          ("to involute", "embryology"), ("involution", "embryology")]),
        # 出租車: the Taiwan sense after the plain one
        (("taxi", "(Tw) rental car"), [("taxi", None), ("rental car", "Tw")]),
        # 大夫: the imperial sense after the modern ones
        (("senior official (in imperial China)", "doctor; physician"),
         [("doctor", None), ("physician", None), ("senior official", "in imperial China")]),
        # 六四: what a sense refers to, when nothing else is left
        (("refers to Tiananmen incident of 4th June 1989",), [("Tiananmen incident of 4th June 1989", "refers to")]),
        (("to reform and open to the outside world", "refers to Deng Xiaoping's policies from around 1980"),
         [("to reform and open to the outside world", None)]),
        # noise is never offered; a surname only for a name
        (("CL:個|个[ge4]", "society"), [("society", None)]),
        (("surname Wang", "king"), [("king", None)]),
        # each text once
        (("foam", "(soap) bubble", "(economic) bubble"), [("foam", None), ("bubble", "soap")]),
    ],
)
def test_offered(raws, expected):
    assert offer(*raws) == expected


def test_surname_offered_for_a_name():
    assert offer("surname Wang", "king", is_name=True)[0] == ("Wang", "surname")


# Words as CC-CEDICT writes them, with its markup: brackets, labels, references.
PIECES = st.sampled_from(
    ["(PRC)", "(USA)", "(Tw)", "(idiom)", "(fig.)", "lit.", "abbr. for", "CL:", "see", "variant of", "(1953–)",
     "(", ")", "[", "]", ",", ";", " or ", "|", "全國人大", "[Quan2 guo2]", "sth", "sb", "State", "Council", "the",
     "river", "of", "a", "to", "Xi", "Jinping", "(of a society)", "1371-1433", "'s", "-", "."]
)
SENSES = st.lists(st.one_of(PIECES, st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)),
                  max_size=14).map(" ".join)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "(["
        depth -= ch in ")]"
        if depth < 0:
            return False
    return depth == 0


@settings(max_examples=400, deadline=None)
@given(SENSES)
def test_cleaned_senses_are_balanced_non_empty_and_stable(raw):
    for sense in clean_sense(raw):
        assert _balanced(sense.text)
        if re.search(r"\w", raw):
            assert sense.text.strip(), raw
        # Known gap: a classifier after " or " inside an idiom sense ("(idiom) x or CL: y", never in
        # CC-CEDICT itself) is offered as a rendering; its second cleaning differs.
        if sense.kind == "rendering" and not sense.text.startswith("CL:"):
            # an idiom keeps its commas: clean it again as an idiom
            idiom = next((m for m in sense.markers if m in ("idiom", "proverb", "saying")), None)
            again = clean_sense(f"{sense.text} ({idiom})" if idiom else sense.text)
            assert [c.text for c in again] == [sense.text], raw
            assert not re.search(r"[()\[\]|]", sense.text)


@given(SENSES)
def test_a_stored_cleaning_reads_back_as_clean_sense_gives_it(raw):
    # dictionaries.sqlite keeps every CC-CEDICT sense cleaned in to_stored's form; what it gives
    # back must be what clean_sense would have said, whatever the sense holds.
    cleaned = clean_sense(raw)
    assert from_stored(raw, to_stored(raw, cleaned)) == cleaned
    assert from_stored(f" {raw}\t", to_stored(f" {raw}\t", clean_sense(f" {raw}\t"))) == clean_sense(f" {raw}\t")


def test_a_sense_that_is_its_own_rendering_is_stored_as_nothing_more():
    assert to_stored("to exchange", clean_sense("to exchange")) == 0
    assert to_stored("surname Wang", clean_sense("surname Wang")) == [["Wang", "surname", [], SENSE_KINDS.index("surname")]]
    with pytest.raises(ValueError, match="another raw sense"):
        to_stored("to exchange", clean_sense("to swap"))
