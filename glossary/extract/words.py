"""Word tables the extraction steps consult: data, not logic.

English function words by the part they play at the edge of a rendering
(determiners, prepositions, auxiliaries, verbs, qualifiers, generic heads),
Korean particles and apposition nouns, and Chinese title endings. A new word
is a one-line change here; the steps that read each table say why.
"""

from __future__ import annotations



#: Endings of Chinese document, law and book names.
TITLE_ENDINGS = (
    "決定", "决定", "決議", "决议", "意見", "意见", "通知", "條例", "条例", "法", "規劃", "规划", "綱要", "纲要",
    "報告", "报告", "白皮書", "白皮书", "公報", "公报", "辦法", "办法", "規定", "规定", "方案", "計劃", "计划",
    "宣言", "章程", "經", "经", "建議", "建议", "文件", "協定", "协定", "聲明", "声明", "指引", "細則", "细则", "選集", "选集", "文選", "文选",
)


#: Words ending in 法 that are not laws.
NOT_LAWS = ("方法", "看法", "做法", "說法", "说法", "想法", "手法", "用法", "技法", "立法", "司法", "執法", "执法", "守法", "違法", "违法")


# English words, by the part they play at the edge of a rendering.
DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your such any each every some no another "
    "which whose what both either neither".split())


PREPOSITIONS = frozenset(
    "of for to in on at by with from as into about through toward towards under over against between among "
    "within without via per amid despite including like upon onto beyond behind across around after before "
    "during since until than versus vs".split())


NAMING = frozenset("called dubbed named termed known so-called labelled labeled titled coined".split())


HARD = frozenset(
    "is are was were be been being am has have had will would shall should can could may might must do does did "
    "it we they he she i you who whom which there here said says say also".split()) | NAMING


CONNECTORS = frozenset("and of for the on in de to with a an".split())


DET_PREP = DETERMINERS | PREPOSITIONS


#: Verbs that open verb-object policy terms (提高低收入群体收入), whose rendering starts with a gerund.
VERB_HEADS = frozenset(
    "提高 扩大 擴大 取缔 取締 调节 調節 加强 加強 推进 推進 促进 促進 坚持 堅持 深化 完善 建设 建設 实施 實施 推动 推動 "
    "构建 構建 强化 強化 防范 防範 统筹 統籌 稳定 穩定 落实 落實 优化 優化 提升 降低 减少 減少 化解 打造 培育 保持 "
    "实现 實現 维护 維護 巩固 鞏固 加快 增强 增強 健全 规范 規範 整治 反对 反對 支持 鼓励 鼓勵 引导 引導".split())


AUXILIARIES = frozenset("is are was were be been being am has have had will would shall should can could may might "
                         "must do does did not".split())


#: Possessives that belong inside names: the People's Bank of China.
NAME_POSSESSIVES = frozenset("people's peoples' workers' women's children's".split())


COMPARATIVES = frozenset("stronger greater higher deeper broader wider closer better bigger larger smaller lower "
                          "faster further".split())


SUBORDINATORS = frozenset("though although because whereas while when where which who whom whose if unless whether "
                           "but yet so than".split())


NO_END = DETERMINERS | PREPOSITIONS | HARD | {"and", "or"}


CLAUSE_WORDS = frozenset(
    "when while after before but and or if although though since because where how why so then yet once "
    "as at in on of for by with from to into under over amid despite during following unlike like whether "
    "however meanwhile moreover furthermore thus hence also still even only now today yesterday last next "
    "this that these those the a an its their his her our my your it we they he she i you".split())


#: Verbs that often stand right before a rendering in reports ("invoked new
#: quality productive forces"); with their inflections they end a noun phrase.
VERB_STEMS = (
    "accept achieve add adopt advance advocate aim allow announce appear argue ask attract avoid back become begin "
    "believe blame boost bring build call cause champion change cite claim coin combat come consider continue "
    "counter create criticise criticize curb cut deepen defend deliver deny describe develop drive embrace "
    "emphasise emphasize enable encourage end endorse enforce ensure establish expand expect explain face favour "
    "favor follow force foster gain give grow hail halt help highlight hope impose improve include increase "
    "insist intend introduce invest invoke issue join keep label launch lead learn leave let lift limit list look "
    "lower maintain make mark mean mention move name need note offer open oppose order outline pass pay plan "
    "pledge point praise prefer prepare present press prevent produce promise promote propose protect prove "
    "provide publish pursue push put raise reach reaffirm receive recognise recognize reduce refer reflect "
    "reiterate reject release rely remain remove repeat replace report require resist restrict retain return "
    "reveal revive rule run say see seek sell send serve set share show sign speak spend stand start state "
    "stay step stop stress strengthen support suggest take talk target tell term tighten tout try turn "
    "underline underscore understand unveil urge use view vow want warn welcome widen win work write"
).split()


VERBS = frozenset(
    w for stem in VERB_STEMS
    for w in (stem, stem + "s", stem + "es", stem + "d", stem + "ed", stem[:-1] + "ed" if stem.endswith("e") else stem + "ed",
              stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem + "ing")
) | frozenset("built kept led set put sold cut made make makes making went go goes gave give gives took take takes "
              "sought seek seeks held hold holds brought bring brings saw see sees".split())


VERB_STEMS_SET = frozenset(VERB_STEMS)


#: Nouns that frame a rendering rather than render the term, left out before "of":
#: the concept of holistic national security (总体国家安全观), the notion of common prosperity.
FRAMING_NOUNS = frozenset("concept notion idea term phrase word expression slogan".split())
#: Generic heads after a quoted rendering: the "dual circulation" strategy.
GENERIC_HEADS = frozenset(
    "strategy policy policies initiative campaign concept slogan principle principles theory programme program "
    "plan model movement project idea phenomenon approach doctrine formula vision agenda line framework "
    "drive narrative discourse era measures measure efforts effort push reforms reform rules system mechanism "
    "principle pledge goal target mindset mentality logic model tactics".split())


HONORIFICS = frozenset(
    "president premier chairman chairwoman secretary general minister vice mr mr. ms ms. mrs mrs. dr dr. "
    "professor prof prof. comrade director ambassador spokesperson spokesman governor mayor former late "
    "foreign defense defence state councilor leader party chief executive".split())

#: Nouns that name a firm before its name: search giant Baidu, delivery platform Meituan, EV maker Xpeng.
FIRM_NOUNS = frozenset(
    "company companies firm giant platform maker carmaker automaker chipmaker startup start-up app group brand "
    "retailer rival operator developer unicorn conglomerate manufacturer supplier provider champion".split())


# Korean particles and endings that close a word after a rendering.
PARTICLES = ("에서는", "에서", "으로", "이라는", "라는", "이라", "에게", "까지", "부터", "처럼", "보다",
              "은", "는", "이", "가", "을", "를", "에", "의", "와", "과", "로", "도", "만", "란", "이란")


#: Words that name what kind of thing follows, not part of its name: 스타트업 딥시크(深度求索).
KO_APPOSITION = frozenset(
    "스타트업 기업 업체 회사 그룹 정부 당국 주석 국가주석 총리 부장 외교부장 교수 대변인 매체 관영 전문가 창업자 대표 의장 "
    "위원장 장관 대사 총서기 서기 시장 작가 소설가 감독 배우 선수 기자 특파원 연구원 부주석 총통 전 현".split())


#: Countries a Korean text names before an organisation (중국 공업정보화부): part of the rendering
#: only when the term holds the country's hanzi (중국 공산당, 中國共產黨).
KO_COUNTRIES = {"중국": "中", "미국": "美", "일본": "日", "한국": "韓", "북한": "朝北", "대만": "臺台", "홍콩": "港"}


KO_BREAK = ("은", "는", "이", "가", "을", "를", "에", "와", "과", "로", "도", "며", "고", "다", "서", "한", "된", "인", "던", "의")


NOT_ENDS = frozenset("u.s u.n u.k e.u mr ms mrs dr st no vs e.g i.e prof gen jan feb aug sept oct nov dec".split())


CONTINUES = frozenset("a an the of and or to in on for with by at from as that its their his her our".split())


#: Latin letters a romanised syllable may start with, by initial consonant.
ROMAN_FIRST = ["gk", "kg", "n", "dt", "td", "rln", "m", "bp", "pb", "s", "s", "aeiouwy", "jc", "jt", "cj", "k",
                "t", "p", "h"]


#: Common hanja with a second (or third) reading that reading tables often miss.
OTHER_READINGS = {
    "更": "경갱", "不": "불부", "樂": "락낙악요", "率": "률율솔", "北": "북배", "金": "금김", "復": "복부",
    "行": "행항", "說": "설세열", "度": "도탁", "讀": "독두", "易": "역이", "惡": "악오", "便": "편변",
    "車": "거차", "見": "견현", "切": "절체", "參": "참삼", "殺": "살쇄", "狀": "상장", "洞": "동통",
    "宅": "택댁", "省": "성생", "識": "식지", "索": "색삭", "塞": "색새", "數": "수삭", "暴": "폭포",
    "拓": "척탁", "宿": "숙수", "降": "강항", "茶": "다차", "布": "포보", "則": "칙즉", "沈": "침심",
    "推": "추퇴", "畫": "화획", "差": "차치", "糖": "당탕", "怒": "노로", "泌": "비필",
}


# Initial consonants of a hangul transcription for each pinyin initial
# (국립국어원 외래어 표기법, Chinese): index into ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ.
PINYIN_INITIAL = {
    "zh": "ㅈㅉ", "ch": "ㅊ", "sh": "ㅅㅆ", "b": "ㅂㅃ", "p": "ㅍ", "m": "ㅁ", "f": "ㅍㅎ", "d": "ㄷㄸ", "t": "ㅌ",
    "n": "ㄴ", "l": "ㄹㄴ", "g": "ㄱㄲ", "k": "ㅋ", "h": "ㅎ", "j": "ㅈㅉ", "q": "ㅊ", "x": "ㅅㅆ", "r": "ㄹㅇ",
    "z": "ㅉㅈ", "c": "ㅊㅉ", "s": "ㅆㅅ", "y": "ㅇ", "w": "ㅇ", "": "ㅇ",
}


CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


ADVERBS = frozenset("sometimes often usually commonly widely also still now generally variously".split())


#: Nouns in -ing, not verbs: "early warning system", "social housing".
ING_NOUNS = frozenset(
    "warning building housing funding training spending lending banking shipping manufacturing marketing planning "
    "financing pricing policing understanding meeting reading offering opening landing setting timing thinking "
    "wellbeing being beijing nanjing chongqing xinjiang qinghai shaoxing kunming harbin".split())


VERBS = VERBS - ING_NOUNS


#: Words CC-CEDICT senses use that say nothing about meaning.
SENSE_STOP = frozenset(
    "the a an of to and or for in on at by with from as be is are one one's oneself sb sth something somebody "
    "etc abbr bound form literary classifier used esp e.g. i.e. also variant see old archaic".split())


#: Demonyms and their countries match each other: Chinese ~ 中国 (China).
DEMONYMS = {"chinese": "china", "sino": "china", "korean": "korea", "japanese": "japan", "american": "america",
             "russian": "russia", "taiwanese": "taiwan", "european": "europe", "african": "africa",
             "asian": "asia", "indian": "india", "british": "britain"}


#: Combining forms that open an English compound, and a word CC-CEDICT's senses use for them:
#: biomanufacturing (生物制造) is biology + manufacturing, cybersecurity (网络安全) network + security.
COMBINING_FORMS = {"bio": "biology", "eco": "ecology", "cyber": "network", "hydro": "water", "geo": "earth",
                   "petro": "petroleum", "agri": "agriculture", "agro": "agriculture", "electro": "electric",
                   "nano": "nanometer", "aero": "aviation", "info": "information", "socio": "society"}


#: Hanzi that join the words of a term and need no English word: 的, 与, 和.
JOINING_HANZI = frozenset("的之与與和及、，")


#: Qualifiers a writer puts before a rendering that are not part of it (unless the term says so: 新 = new).
QUALIFIERS = frozenset(
    "new newly revised latest recent current ambitious controversial powerful so-called unofficial sweeping "
    "massive huge tighter stricter looser more further fresh long-awaited much-touted landmark flagship existing "
    "former proposed planned nationwide countrywide updated amended expanded beefed-up vaunted notorious "
    "sprawling fledgling ongoing upcoming renewed same similar other various several many numerous certain own "
    "entire growing rising mounting increasing continued continuing perceived alleged apparent possible potential "
    "eventual rapid strong big large vast broad significant important crucial critical key national local modest "
    "home-grown homegrown official emerging booming burgeoning thriving nascent flourishing fast-growing".split())


#: Nouns a writer adds around a rendering (a debt swap programme) that belong to it only when the term says so
#: (战略 strategy, 计划 plan, 工程 project, 制度 system).
GENERIC_NOUNS = frozenset(
    "sector sectors strategy strategies plan plans programme programmes program programs initiative initiatives "
    "policy policies campaign campaigns project projects system systems drive agenda framework industry industries"
    .split())


#: Generic nouns that are part of a set phrase rendering a word of the term: action plan (行动).
GENERIC_COMPOUNDS = frozenset(("action plan", "action plans", "work plan"))


#: Hanzi that open a term with a preposition or a verb: 为基层减负, 因地制宜.
LEAD_HANZI = frozenset("为為因以依按据據对對向从從减減扩擴降稳穩促防去补補抓破")


#: Adverbs that may come before a term's verb: 全方位扩大国内需求.
LEAD_ADVERBS = ("全方位", "全面", "大力", "进一步", "進一步", "持续", "持續", "积极", "積極", "切实", "切實", "着力", "不断", "不斷")


#: Multi-word prepositions that render a leading 因/依/按: according to local conditions (因地制宜).
LEAD_PREPOSITIONS = frozenset("according due owing thanks".split())


ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "-growing", "-running", "-standing", "-awaited", "-touted")


CUT_PREPOSITIONS = frozenset("at to into onto about".split())


CUT_DETERMINERS = frozenset("a an the its their his her".split())


IRREGULAR_PAST = frozenset("met told urged sent spent won lost found got began ran drew threw wrote".split())


#: The commonest Chinese surnames (simplified and traditional forms): a two- or
#: three-hanzi term the dictionary lacks, transcribed by sound (리창 for 李强) and
#: opening with one of these, is a person's name.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣"
    "蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎"
    "贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯习習温溫胥栗")


#: Korean class nouns glued to a transcribed place name, and the hanzi that would
#: carry them in the term: 헤이룽장성 is 黑龍江省, so 헤이룽장성(黑龍江) renders 黑龍江 as 헤이룽장.
PLACE_SUFFIXES = {"성": ("省",), "시": ("市",), "구": ("區", "区"), "현": ("縣", "县"), "진": ("鎮", "镇")}
