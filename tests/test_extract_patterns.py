"""The patterns real writers use to bracket Chinese terms (issue 11), one table each.

Every row is a sentence written for this file, showing the pattern; the
comment above each table names the development records (../shared/dev/extract)
of the same pattern that the rule was written for.
"""

from __future__ import annotations

import pytest

from glossary.extract import extract_corpus, extract_occurrences
from glossary.model import Source


def one(text: str, term: str):
    """The occurrence of ``term`` in ``text`` (exactly one)."""
    found = [o for o in extract_occurrences(text, "t.txt") if o.term == term]
    assert len(found) == 1, [(o.term, o.gloss) for o in extract_occurrences(text, "t.txt")]
    return found[0]


# English and pinyin both given: the English is the rendering, the pinyin goes to `pinyin`.
# Development records: par-0001, par-0035, par-0074, par-0080.
@pytest.mark.parametrize(("text", "term", "gloss", "pinyin"), [
    ("Officials revived “shared affluence,” or gongtong fuyu (共同富裕), in 2021.", "共同富裕", "shared affluence",
     "gongtong fuyu"),
    ("The slogan ‘involution’—or *neijuan* (内卷) in Mandarin—spread fast.", "内卷", "involution", "neijuan"),
    ("Writers call it “lying flat,” or tangping (躺平), among the young.", "躺平", "lying flat", "tangping"),
    ("Xi praised the “Chinese dream” or zhongguo meng (中国梦) again.", "中国梦", "Chinese dream", "zhongguo meng"),
    # only pinyin: the pinyin is the rendering
    ("Young people speak of tangping (躺平) online.", "躺平", "tangping", "tangping"),
])
def test_english_and_pinyin_before(text, term, gloss, pinyin):
    occ = one(text, term)
    assert (occ.gloss, occ.pinyin) == (gloss, pinyin)
    assert occ.gloss_kind == ("pinyin" if gloss == pinyin else "translation")


# CJK outside the bracket, pinyin inside, English after it.
# Development records: par-0049, par-0113, par-0128.
@pytest.mark.parametrize(("text", "term", "gloss", "pinyin"), [
    ("The term “内卷” (nèijuǎn), literally meaning “involution,” went viral.", "内卷", "involution", "nèijuǎn"),
    ('A new label, "留守儿童" (liúshǒu értóng), or "left-behind children," appeared.', "留守儿童",
     "left-behind children", "liúshǒu értóng"),
    ("It is called “以旧换新” (yǐ jiù huàn xīn) – literally, “swap old for new.”", "以旧换新", "swap old for new",
     "yǐ jiù huàn xīn"),
    ("2. 文明互鉴 (wénmíng hùjiàn): “Learning among civilisations”", "文明互鉴", "Learning among civilisations",
     "wénmíng hùjiàn"),
])
def test_cjk_outside_english_after(text, term, gloss, pinyin):
    occ = one(text, term)
    assert (occ.gloss, occ.gloss_kind, occ.pinyin) == (gloss, "translation", pinyin)


# Tables: the English cell beside the term; flattened rows: the Title-Case words after the bracket.
# Development records: par-0037, par-0041..0043, par-0118..0125.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("| 内卷 (nèijuǎn) | Involution | endless competition | 9/10 |", "内卷", "Involution"),
    ("| 躺平 (Tang Ping) | Lying flat | opting out | 2021 |", "躺平", "Lying flat"),
    ("| 打工人 | Working person | a self-mocking word | 2020 |", "打工人", "Working person"),
    ("| Common prosperity | 共同富裕 | a goal of the 2021 plenum |", "共同富裕", "Common prosperity"),
    ("躺平 (Tang Ping) Lying Flat 2021 Rejecting the rat race", "躺平", "Lying Flat"),
    ("内卷 (Neijuan)\tInvolution\t2020", "内卷", "Involution"),
])
def test_table_cells(text, term, gloss):
    occ = one(text, term)
    assert (occ.gloss, occ.gloss_kind) == (gloss, "translation")


def test_table_header_and_numbers_are_not_renderings():
    text = "| 中文 | 2021 |\n|---|---|\n| 两会 | 3.5 |"
    assert [o.term for o in extract_occurrences(text, "t.txt")] == []


# An acronym in its own bracket, or a footnote mark, between the rendering and the term.
# Development records: par-0056, par-0063, par-0127.
@pytest.mark.parametrize(("text", "term", "gloss", "abbrev"), [
    ("The Central Military Commission (CMC) (Chinese: 中央军事委员会) met on Monday.", "中央军事委员会",
     "Central Military Commission", "CMC"),
    ("The National Development and Reform Commission (NDRC) [国家发展和改革委员会] set prices.",
     "国家发展和改革委员会", "National Development and Reform Commission", "NDRC"),
    ("It is known as the Two Centenaries[2](Chinese: 两个一百年) in Party texts.", "两个一百年", "Two Centenaries",
     None),
])
def test_aside_before_the_bracket(text, term, gloss, abbrev):
    occ = one(text, term)
    assert (occ.gloss, occ.abbrev) == (gloss, abbrev)


# Markdown emphasis is quoting; code spans are not prose.
# Development records: par-0035, par-0128 (emphasis); the issue's `code(不是术语)` example.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("The phrase *lying flat* (躺平) caught on.", "躺平", "lying flat"),
    ("The phrase **common prosperity** (共同富裕) returned.", "共同富裕", "common prosperity"),
    ("Her essay on _involution_ (内卷) was shared widely.", "内卷", "involution"),
])
def test_markdown_emphasis(text, term, gloss):
    assert one(text, term).gloss == gloss


def test_no_extraction_inside_code_spans():
    text = "Call `lookup(不是术语)` first, then read about the Two Sessions (两会)."
    assert [o.term for o in extract_occurrences(text, "t.md")] == ["两会"]


# A Korean reading inside the bracket beside the hanja wins over a translation outside it.
# Development record: par-0215.
def test_korean_reading_inside_bracket():
    occ = one("중국은 해마다 ‘두 개의 회의(양회, 兩會)’를 연다.", "兩會")
    assert (occ.gloss, occ.gloss_kind) == ("양회", "hangul")


def test_corpus_keeps_table_and_bracket_renderings_apart():
    occs = extract_corpus([Source("a.md", "| 内卷 (nèijuǎn) | Involution | x |\n\nThe word involution (内卷) is old.")])
    assert [o.gloss for o in occs] == ["Involution", "involution"]


# Labelled fields inside the bracket, with or without a space after the colon; two acronyms joined by "or".
# Development records: par-0053, par-0126.
@pytest.mark.parametrize(("text", "term", "gloss", "abbrev"), [
    ("Xi Jinping Thought on Diplomacy (XJTD or XTD; Simplified Chinese:习近平外交思想; Pinyin: Xí Jìnpíng wàijiāo "
     "sīxiǎng) guides envoys.", "习近平外交思想", "Xi Jinping Thought on Diplomacy", "XJTD"),
    ("The Belt and Road Initiative (BRI; Chinese: 一带一路) is a decade old.", "一带一路", "Belt and Road Initiative",
     "BRI"),
    # the generic head the term lacks (战略) is cut, as everywhere
    ("The dual circulation strategy (traditional Chinese: 雙循環) is older than it looks.", "雙循環",
     "dual circulation", None),
])
def test_labelled_fields(text, term, gloss, abbrev):
    occ = one(text, term)
    assert (occ.gloss, occ.abbrev) == (gloss, abbrev)


# Verb, title and clause material kept out of the rendering.
# Development records: par-0053 (concept of), par-0088 (KMT Chairman), par-0133 (to win …).
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("Analysts doubt the concept of whole-process people's democracy (全过程人民民主) travels well.", "全过程人民民主",
     "whole-process people's democracy"),
    ("He returned to the notion of common prosperity (共同富裕) in August.", "共同富裕", "common prosperity"),
    ("DPP Chairman Lai Ching-te (賴清德) spoke first.", "賴清德", "Lai Ching-te"),
    ("The reform aims to build an army able to win intelligentized (智能化) wars.", "智能化", "intelligentized"),
    # but a verb the term has stays: 提振 = boost
    ("The State Council issued a special action plan to boost consumption (提振消费专项行动).", "提振消费专项行动",
     "special action plan to boost consumption"),
])
def test_framing_and_verbs_trimmed(text, term, gloss):
    assert one(text, term).gloss == gloss


# A whole Chinese clause with commas in brackets, glossing a Korean (or English) paraphrase,
# is one occurrence of kind `other`, never split into "terms". Development: the snuac NPF document.
@pytest.mark.parametrize("text", [
    "자원을 통합하고, 전략 산업과 미래 산업을 이끌며, 새로운 생산력을 촉진(整合科技资源, 引领战略产业和未来产业, 加快形成新生产力)하는 것이다.",
    "자원을 통합하고, 미래 산업을 이끌며, 새 생산력을 키운다(整合科技资源，引领未来产业，加快形成新生产力)고 했다.",
    "He asked cadres to pool resources, lead industries and build new forces (整合科技资源, 引领未来产业, 加快形成新生产力).",
])
def test_clause_in_brackets_is_one_other(text):
    found = list(extract_occurrences(text, "t.txt"))
    assert [(o.kind, o.gloss) for o in found] == [("other", None)]


def test_list_of_terms_still_splits():
    found = list(extract_occurrences("탄소 정점·탄소 중립(碳達峰·碳中和) 목표와 쌍탄(碳達峰, 碳中和)", "t.txt"))
    assert [o.term for o in found][:2] == ["碳達峰", "碳中和"]


# Renderings inside the bracket after a term outside: inner quotes and editorial brackets kept.
# Development records: par-0098, par-0132.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("留守儿童 (the “left-behind” children) are a rural phenomenon.", "留守儿童", "“left-behind” children"),
    ('They kept the "dòngtài qīng líng 动态清零" ("dynamic zero [COVID]") line.', "动态清零", "dynamic zero [COVID]"),
])
def test_rendering_inside_after_term(text, term, gloss):
    assert one(text, term).gloss == gloss


# Source fidelity: terms and renderings as written, digits, signs and inner quotes kept;
# a Korean rendering stops at the particle; news style name·age gives the name only.
# Development records: par-0160, par-0198 (Korean); the 20차 당대회, 14·5 규획, 2+2 examples.
@pytest.mark.parametrize(("text", "term", "gloss", "gloss_kind"), [
    ("공산당은 21차 당대회(21次黨代會)를 앞두고 있다.", "21次黨代會", "21차 당대회", "translation"),
    ("정부는 15·5 규획(十五五規劃)의 초안을 냈다.", "十五五規劃", "15·5 규획", "translation"),
    ("한중 2+2 대화(2+2對話)가 재개됐다.", "2+2對話", "2+2 대화", "translation"),
    ("The 2+2 dialogue (2+2对话) resumed in May.", "2+2对话", "2+2 dialogue", "translation"),
    ("그는 '공동 부유(共同富裕)'를 거듭 말했다.", "共同富裕", "공동 부유", "hangul"),
    ("당은 '신질 생산력(新質生産力)'을 강조했다.", "新質生産力", "신질 생산력", "hangul"),
    ("리창(李强·66) 총리가 입국했다.", "李强", "리창", "name"),
    ("시진핑(習近平) 주석이 연설했다.", "習近平", "시진핑", "name"),
    ("네이쥬안(內卷)이라는 말이 돈다.", "內卷", "네이쥬안", "transcription"),
])
def test_source_fidelity(text, term, gloss, gloss_kind):
    occ = one(text, term)
    assert (occ.gloss, occ.gloss_kind) == (gloss, gloss_kind)


# Names: kind `name` for persons, places, companies, media; the text's form is a `name` rendering.
@pytest.mark.parametrize(("text", "term", "gloss", "gloss_kind", "kind"), [
    ("He toured Heilongjiang (黑龙江) in September.", "黑龙江", "Heilongjiang", "name", "name"),
    ("Deng Xiaoping (邓小平) opened the economy.", "邓小平", "Deng Xiaoping", "name", "name"),
    ("Huawei (华为) shipped more phones.", "华为", "Huawei", "name", "name"),
    ("The State Council (国务院) approved it.", "国务院", "State Council", "translation", "term"),
    ("the Great Leap Forward (大跃进) of 1958", "大跃进", "Great Leap Forward", "translation", "term"),
    ("후허하오터(呼和浩特)시에서 열렸다.", "呼和浩特", "후허하오터", "name", "name"),
    ("춘제(春節) 연휴가 끝났다.", "春節", "춘제", "transcription", "term"),
])
def test_names(text, term, gloss, gloss_kind, kind):
    occ = one(text, term)
    assert (occ.gloss, occ.gloss_kind, occ.kind) == (gloss, gloss_kind, kind)


# Pinyin before the bracket and the English inside it (lit.) or after it (", or …,"): the English is the rendering.
# The issue's `tāoguāng-yǎnghuì (Chinese: 韬光养晦; lit. …)` example.
@pytest.mark.parametrize(("text", "term", "gloss", "pinyin"), [
    ("Deng urged taoguang-yanghui (Chinese: 韬光养晦; lit. 'hide one's light and bide one's time') for decades.",
     "韬光养晦", "hide one's light and bide one's time", "taoguang-yanghui"),
    ('Deng urged taoguang yanghui (韬光养晦, literally "hide brightness, nourish obscurity").', "韬光养晦",
     "hide brightness, nourish obscurity", "taoguang yanghui"),
    ("The style of zhan-lang waijiao (战狼外交), or wolf warrior diplomacy, spread.", "战狼外交",
     "wolf warrior diplomacy", "zhan-lang waijiao"),
    ("Officials call it xin zhi shengchanli (新质生产力), or new quality productive forces.", "新质生产力",
     "new quality productive forces", "xin zhi shengchanli"),
    # an "or" that is not an apposition leaves the pinyin as the rendering
    ("Young people chose tangping (躺平) or simply quit.", "躺平", "tangping", "tangping"),
    ("Young people chose tangping (躺平), or they quit.", "躺平", "tangping", "tangping"),
])
def test_pinyin_with_english_inside_or_after(text, term, gloss, pinyin):
    occ = one(text, term)
    assert (occ.gloss, occ.pinyin) == (gloss, pinyin)


# Quoted titles and slogans: a long Chinese title in brackets after its quoted English is a title;
# a quoted imperative keeps only the words the term renders. Development records: par-0026, par-0097.
@pytest.mark.parametrize(("text", "term", "gloss", "kind"), [
    ("Titled “Build a Strong Country and Revive the Nation on All Fronts Through Modernization” "
     "(以中国式现代化全面推进强国建设民族复兴伟业), the report was long.", "以中国式现代化全面推进强国建设民族复兴伟业",
     "Build a Strong Country and Revive the Nation on All Fronts Through Modernization", "title"),
    ("The slogan ‘Accelerate the development of military intelligentization” (军事智能化) was repeated.", "军事智能化",
     "military intelligentization", "term"),
    ("The slogan ‘Accelerate the building of a modern industrial system” (加快建设现代化产业体系) was repeated.",
     "加快建设现代化产业体系", "Accelerate the building of a modern industrial system", "term"),
])
def test_quoted_titles_and_slogans(text, term, gloss, kind):
    occ = one(text, term)
    assert (occ.gloss, occ.kind) == (gloss, kind)


# Korean: a transcribed place with a class noun the hanzi lack, a name inside a compound,
# and a rendering that stops at 의. Development records: par-0156, par-0198, par-0239.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("총서기는 지린성(吉林) 시찰 때 처음 언급했다.", "吉林", "지린"),
    ("광둥성 선전시(深圳) 당국", "深圳", "선전"),
    ("장쑤우시(無錫)전자 직원이 말했다.", "無錫", "우시"),
    ("음력의 설(春節)을 앞두고", "春節", "설"),
])
def test_korean_edges(text, term, gloss):
    assert one(text, term).gloss == gloss


# Inner quotes of a term kept as written; a span of years between the rendering and the bracket is an aside.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("the 15th Five-Year Plan (2026–2030) (“十五五”规划) targets", "“十五五”规划", "15th Five-Year Plan"),
    ("그는 ‘15·5 규획(“十五五”規劃)’을 말했다.", "“十五五”規劃", "15·5 규획"),
    ("high-quality Belt and Road cooperation (高质量共建“一带一路”)", "高质量共建“一带一路”",
     "high-quality Belt and Road cooperation"),
    ("the “Two Sessions” (“两会”) opened", "两会", "Two Sessions"),  # quotes around the whole term go
])
def test_inner_quotes_kept(text, term, gloss):
    assert one(text, term).gloss == gloss


# Inside the bracket: English after a title bracket, a quoted rendering with commas, pinyin as the last resort;
# a framing noun alone ("the term") is never the rendering.
@pytest.mark.parametrize(("text", "term", "gloss", "gloss_kind"), [
    ("The idiom 一石二鸟 (yī shí èr niǎo, “one stone, two birds”) fits.", "一石二鸟", "one stone, two birds",
     "translation"),
    ("Read the report (《政府工作报告》, Government Work Report) first.", "政府工作报告", "Government Work Report",
     "translation"),
    ('People use the term (躺平, "tǎngpíng") a lot.', "躺平", "tǎngpíng", "pinyin"),
    ("The word (内卷) is new.", "内卷", None, None),
])
def test_inside_candidates(text, term, gloss, gloss_kind):
    occ = one(text, term)
    assert (occ.gloss, occ.gloss_kind) == (gloss, gloss_kind)


# A firm by its pinyin after the noun that says what it is, as a person after a title.
@pytest.mark.parametrize(("text", "term", "gloss", "kind"), [
    ("Orders moved to the food delivery platform Meituan (美团) this spring.", "美团", "Meituan", "name"),
    ("Shares of the robot maker Yushu (宇树) rose.", "宇树", "Yushu", "name"),
    ("The search giant Baidu (百度) answered.", "百度", "Baidu", "name"),
    ("Rival carmaker Geely (吉利) expanded abroad.", "吉利", "Geely", "name"),
    ("Young people speak of tangping (躺平) online.", "躺平", "tangping", "term"),  # pinyin of a term
])
def test_a_firm_by_its_pinyin(text, term, gloss, kind):
    occ = one(text, term)
    assert (occ.gloss, occ.kind) == (gloss, kind)


# A sentence's first word is capitalised, and "in" joins some names: the name the dictionary gives is kept.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("Protests in Hong Kong (香港) grew that summer.", "香港", "Hong Kong"),
    ("There were protests in Hong Kong (香港) that summer.", "香港", "Hong Kong"),
    ("Made in China 2025 (中国制造2025) set targets for ten sectors.", "中国制造2025", "Made in China 2025"),
])
def test_a_capitalised_word_before_in_is_no_part_of_a_name(text, term, gloss):
    assert one(text, term).gloss == gloss


# "No. N" numbers a document the term numbers: the number and "No." belong to the rendering.
@pytest.mark.parametrize(("text", "gloss"), [
    ("This year's No. 1 Central Document (中央一号文件) again put farming first.", "No. 1 Central Document"),
    ("The No. 1 central document (中央一号文件) came out in February.", "No. 1 central document"),
])
def test_a_numbered_document(text, gloss):
    assert one(text, "中央一号文件").gloss == gloss


# Firms in English text: a sentence's first word before "of" that renders nothing, a legal form
# with its full stop, the noun that says what a firm is before its name.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("Shares of Alibaba Group (阿里巴巴集团) fell on Monday.", "阿里巴巴集团", "Alibaba Group"),
    ("Ministry of Commerce (商务部) officials disagreed.", "商务部", "Ministry of Commerce"),
    ("Contemporary Amperex Technology Co. Ltd. (CATL, 宁德时代) leads the market.", "宁德时代",
     "Contemporary Amperex Technology Co. Ltd."),
    ("The EV maker BYD (比亚迪) sold more cars than ever.", "比亚迪", "BYD"),
])
def test_firms_in_english(text, term, gloss):
    assert one(text, term).gloss == gloss


def test_a_legal_form_keeps_the_acronym_beside_it():
    occ = one("Contemporary Amperex Technology Co. Ltd. (CATL, 宁德时代) leads the market.", "宁德时代")
    assert occ.abbrev == "CATL"


# A Korean text names the country before an organisation: no part of the name unless the term holds it.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("중국 공업정보화부(工業和信息化部)는 새 지침을 내놨다.", "工業和信息化部", "공업정보화부"),
    ("중국 공산당(中國共產黨)은 회의를 열었다.", "中國共產黨", "중국 공산당"),
])
def test_a_country_before_a_korean_rendering(text, term, gloss):
    assert one(text, term).gloss == gloss


# Titles after a place before a person's name: the name after the last title.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("Hong Kong Chief Executive John Lee (李家超) spoke first.", "李家超", "John Lee"),
    ("Shanghai Party Secretary Chen Jining (陈吉宁) toured the port.", "陈吉宁", "Chen Jining"),
    ("The Executive Yuan (行政院) approved the budget.", "行政院", "Executive Yuan"),
])
def test_titles_after_a_place(text, term, gloss):
    assert one(text, term).gloss == gloss


# A compound opened by a combining form renders what its parts render (bio + manufacturing), so the
# qualifier before it, which the term lacks, is no part of the rendering.
@pytest.mark.parametrize(("text", "term", "gloss"), [
    ("Beijing is betting on a burgeoning bioeconomy (生物经济) in the west.", "生物经济", "bioeconomy"),
    ("Funds flowed into the nascent biomanufacturing industry (生物制造).", "生物制造", "biomanufacturing"),
    ("Stricter cybersecurity (网络安全) reviews followed.", "网络安全", "cybersecurity"),
    ("The new cybersecurity law (网络安全法) took effect.", "网络安全法", "cybersecurity law"),
    ("A new development philosophy (新发展理念) guides planning.", "新发展理念", "new development philosophy"),
])
def test_a_combining_form_compound(text, term, gloss):
    assert one(text, term).gloss == gloss


def test_a_combining_form_covers_its_part_of_the_term():
    from glossary.extract.lexicon import lexicon

    assert set(lexicon("生物制造").keys("biomanufacturing")) == {0, 1}
    assert set(lexicon("网络安全").keys("cybersecurity")) == {0, 1}
    assert not lexicon("生物制造").keys("biography")  # a form needs a rest of its own: bio + graphy is not


# A term CC-CEDICT knows both as a name and as a word (安宁 Anning, "peaceful"; 大众 Volkswagen, "the masses")
# is a name only where the text names it so.
@pytest.mark.parametrize(("text", "term", "kind"), [
    ("Officials praised a peaceful (安宁) border.", "安宁", "term"),
    ("The city of Anning (安宁) grew.", "安宁", "name"),
    ("Volkswagen (大众) cut jobs.", "大众", "name"),
    ("He spoke of the public (大众) at length.", "大众", "term"),
    ("좁쌀(小米) 값이 올랐다.", "小米", "term"),
    ("샤오미(小米)는 새 차를 냈다.", "小米", "name"),
])
def test_a_name_that_is_also_a_word(text, term, kind):
    assert one(text, term).kind == kind
