"""Industry chains, innovation chains and the ordered stages of innovation chains.

- IndustryChain: canonical ``<industry>产业链`` (煤炭工业 / 煤炭产业 / 煤炭 -> 煤炭产业链), the
  plan's wording kept as an alias. Global: 氢能产业链 of two cities is one node.
- InnovationChain: titled as the plan titles it (构建氢能产业科技创新链 -> 氢能产业科技创新链),
  scoped to its city.
- ChainStage: the dash/arrow sequences of 专栏 chain tables (钢铁-焦化-化工-氢能) and quoted
  inline sequences (“中药材种植—中药饮片—中成药”); members joined by 、 are parallel stages at the
  same order. Scoped to their innovation chain.
"""

from __future__ import annotations

import re

from kg.extract.context import ChainContext, DocContext, Sentence, mask_titles
from kg.extract.lexicon import LEGAL_SUFFIXES, SUFFIXES, clean_name, is_generic, is_place, norm_text, place_prefix
from kg.extract.names import NameSpan, find_names, place_title
from kg.extract.rules import CHAIN_MEMBERS
from kg.ingest.tables import industry_columns, is_county_table
from kg.models import EntityMention, Evidence, Table

# 构建煤炭工业转型升级科技创新链 / 构建中医药工业快速发展科技创新链。
BUILD_ICHAIN = re.compile(r"^(?:\d+[.、．]\s*)?(?:统筹)?构建(?P<name>[^，。,；:：]{2,30}?科技创新链)")
ICHAIN_TITLE = re.compile(r"(?P<name>[\u4e00-\u9fff()（）]{2,30}?科技创新链)")
# X产业链 named in prose
CHAIN_RE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,14}?)产业链(?!图|上中下游|上下游|现代化|水平|整合|协同|供应链|创新链|关键|核心|短板|安全|稳定|韧性)")
# a heading about one industry chain: （一）氢能产业链 / 1. 做强煤机装备产业链 / 打造光伏产业链条
_HEADING_VERBS = r"(?:打造|做强|做优|做大|做精|做特|壮大|培育|发展|构建|延伸|完善|提升|升级|做新|提档|推动|建设|加快|大力|推进|擦亮|叫响|振兴|前瞻|布局)"
HEADING_CHAIN = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]?\s*)?(?:" + _HEADING_VERBS + r"|突破)*"
                           r"(?P<name>[\u4e00-\u9fff]{1,14}?(?:\([\u4e00-\u9fff]{1,8}\))?)(?:产业链|产业链条|产业)"
                           # 推动钢铁及新型建材产业链高端化 / 推进现代煤化工产业链延伸: what is done to the chain
                           r"(?:(?:(?:高端|智能|绿色|数字)化)+(?:发展)?|延伸|升级|科技含量)?(?:[。,，]|$)")
# a heading on an industry's innovation chain: 一、做强先进装备制造创新链 / （二）打造氢能产业科技创新链
# an item headed by an industry's innovation chain: （一）数字经济创新链。 / 2.生物医药科技创新链：
RUN_IN_ICHAIN = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、．])\s*"
                           r"(?P<name>(?P<x>[\u4e00-\u9fff]{2,12}?)(?:产业)?(?:科技)?创新链)[。:：]")
HEADING_ICHAIN = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]?\s*)?" + _HEADING_VERBS + r"+"
                            r"(?P<name>[\u4e00-\u9fff]{2,12}?)(?P<kind>(?:产业)?(?:科技)?创新链)(?:[。,，]|$)")
# a heading on two industries: （三）发展新一代信息技术与数字经济 / （四）发展节能环保与新能源产业
HEADING_PAIR = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]?\s*)?" + _HEADING_VERBS + r"+"
                          r"(?P<a>[\u4e00-\u9fff]{2,10}?)(?:产业)?与(?P<b>[\u4e00-\u9fff]{2,10}?)(?:产业)?(?:[。,，]|$)")
# a development verb on a list of industries ending in 等产业: 培育发展智能传感器、工业软件、数据服务等产业
DEVELOP_LIST_ETC = re.compile(r"(?:培育发展|重点发展|大力发展|加快发展|培育壮大|发展壮大|发展|培育|壮大|布局|打造)"
                              r"(?P<list>[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12}){1,12})等(?:新兴|未来|特色|优势|高端)?"
                              r"产业(?:集群)?(?![\u4e00-\u9fff])")
# what a place develops: (3) 南溪区：依托南溪经济开发区，发展智能装备和新能源汽车零部件， / 临湘市聚焦
# 浮标钓具和化工新材料； (a county's or zone's industries, read only where the place is the subject)
FOCUS_LIST = re.compile(r"(?:重点|加快|积极|大力|着力)?(?:发展|布局|聚焦)(?P<list>[\u4e00-\u9fff]{2,12}(?:[、和及][\u4e00-\u9fff]{2,12}){0,8})"
                        r"(?=[,，。；;]|$)")
# lists of chains sharing the word 产业链: 打造氢能、光伏、新材料等十大产业链
CHAIN_LIST = re.compile(r"(?P<list>[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){1,20})(?:等)?"
                        r"(?:[一二三四五六七八九十两\d]+(?:条|大|个))?(?:重点|主导|特色|优势|新兴|标志性|支柱)?(?:产业)?产业链(?!的)")
# 在A、B、C等产业领域 / 聚焦A、B等重点产业 / 围绕A、B等产业领域
FIELD_LIST = re.compile(r"(?:在|围绕|聚焦|针对|面向|涉及)(?P<list>[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12}){1,14})等"
                        r"(?:重点|主导|优势|特色|新兴|标志性)?(?:产业领域|产业|领域)")
DEVELOP_VERB = re.compile(r"(?:打造|构建|培育|发展|壮大|做强|做大|做优|延伸|完善|聚焦|围绕|布局|建设|形成|重点发展|着力打造)$")
# lists of industries ending in 等(传统|新兴)优势产业 / 等核心产业
INDUSTRY_LIST = re.compile(r"(?P<list>[\u4e00-\u9fff、]{2,80}?)(?:等|(?<=[\u4e00-\u9fff])[两三四五六七八九十]大)(?P<kind>传统优势|新兴优势|核心|"
                           r"重点|主导|支柱|战略性新兴|优势特色|优势|特色|新兴|未来|先导|前沿)产(?:\(企\))?业(?!领域|园|基地|技术)")
# a development verb on a list of industries: 推进半导体材料、特种金属材料和智能制造装备产业创新发展
PROSE_CHAIN_LIST = re.compile(r"(?:推进|推动|发展|培育|壮大|加快|做强|做大|打造)(?P<list>[\u4e00-\u9fff]{2,14}(?:[、和及][\u4e00-\u9fff]{2,14}){1,12})"
                              r"产业(?=创新发展|高质量发展|发展|集群|做大做强|转型升级|集聚|[。；;]|$)")
# 推动日用陶瓷、艺术陶瓷、先进陶瓷协同发展: industries (by their heads) developed together, no 产业 printed
JOINT_DEVELOP_LIST = re.compile(r"(?:推进|推动|促进)(?P<list>[\u4e00-\u9fff]{2,10}(?:[、和及][\u4e00-\u9fff]{2,10}){1,8})"
                                r"(?:协同|融合|联动|集群|集聚)发展")
# words of a prose list that name no industry developed
_NOT_DEVELOPED = re.compile(r"^(?:[市县省]|区(?!块链))|局|部门|政府|统筹|要")
# 六大农产品精深加工产业集群: a counted cluster names its industry
COUNTED_CLUSTER = re.compile(r"[一二三四五六七八九十两\d]+大(?P<x>[\u4e00-\u9fff]{2,14}?)产业集群")
# a development verb on one industry in prose: 壮大我市半导体材料产业集群 / 打造新能源汽车全产业链 /
# 推动轨道交通产业高质量发展 / 全面提升苹果产业发展水平
PROSE_CHAIN = re.compile(r"(?P<verb>打造|培育|壮大|做强|做大|做优|推动|促进|提升|发展|重点发展|加快发展|建设)"
                         r"(?:[\u4e00-\u9fff]{0,2}(?:我市|全市|本市|本地))?(?P<x>[\u4e00-\u9fff]{2,12}?)"
                         r"(?:产业集群|全产业链|产业(?=高质量发展|做大做强|做强做优|发展|技术突破|转型升级|提质增效|集聚发展|规模))")
# a technology area heading an item: ——新能源汽车技术。 / ——半导体产业新技术。 / ——轨道交通技术及智能制造装备。
TECH_AREA = re.compile(r"^[—-]{1,2}\s*(?P<x>[\u4e00-\u9fff]{2,20}?)(?:产业)?(?:新)?技术(?:及[\u4e00-\u9fff]{2,10})?[。:：]")
QUALIFIERS = ("转型升级", "快速发展", "加快发展", "高质量发展", "创新发展", "提质增效", "融合发展", "高端化", "科技创新", "融合创新",
              "科技示范", "技术示范")
INDUSTRY_SYNONYMS = {"文旅": "文化旅游", "装备工业": "装备制造", "装备": "装备制造"}
_LEAD = ("新一代", "现代化", "战略性")
_NOT_INDUSTRY = re.compile(
    r"^(?:全|整个|完整|完整的|上下游|产业|延伸|现代化|现代|首位|未来|高端|关键|优势|主导|重点|相关|各|本地|该|其|新兴|传统|未来|"
    r"传统优势|新兴优势|战略性新兴|传统产业|新兴产业|优势产业|主导产业|支柱产业|特色优势|"
    r"循环经济|实体经济|全闭环低碳|低碳|一体化|区域|地方|特色|支柱|龙头|标志性|各行业各领域|领域|行业|科技|大|小|强|补|延|链|双创|运维|配套|基础|形势|"
    r"县区|高新区|开发区|经济技术开发区|经开区|园区|新区|高新技术|"
    r"[\u4e00-\u9fff]?等)$"
)
_BAD_CHAIN_HEAD = re.compile(r"(?:和|及|与|、|等|的|在|了|为|是|将|把|对|从|各|推动|促进|形成|打造|构建|延伸|完善|提升|"
                             r"强化|增强|布局|紧扣|围绕|聚焦|提前|擦亮|叫响|前瞻|现代化|支撑|推进|实现|拉长|做强|做大|做优|建链|补链|"
                             r"强链|延链|提链|着力|打通|贯通|依托|发挥|带动|引领|融入|嵌入|参与|攀登|瞄准|突破|研究制定|制定|研究|"
                             r"企业|具有|较强|竞争力|引入|引进|一批|吸引|招引|集聚|加速|加快|促进|增强|优化|保障|稳定|整合|拓展|补齐|补强|"
                             r"健全|服务|对接|畅通|深化|夯实|锻造|锻长|提高|围绕|聚焦|推动|发展)")


def lead_cut(word: str) -> int:
    """Where an industry word starts after its lead-in verbs and particles (紧扣装备制造 -> 2,
    提前布局氢能重卡 -> 4): the end of the last lead-in word found in it."""
    return max((w.end() for w in _BAD_CHAIN_HEAD.finditer(word)), default=0)


_ZONE_OR_COUNTY = re.compile(r"(?:开发区|高新区|经开区|园区|示范区|集聚区|[\u4e00-\u9fff]{1,3}县|[\u4e00-\u9fff]{2}区)(?:\([^()]{0,12}\)|为主体|为核心|为重点)?[,，]?(?:要)?$|"
                             r"(?:开发区|高新区|经开区|园区|示范区|集聚区|县)[^,，。；;]{0,20}[,，]")
# industries named by one character (延伸铝产业链, 钢产业): the only one-character industry words
ONE_CHARACTER_INDUSTRIES = set("铝钢铁铜镁锌钛煤茶酒醋盐硅锂棉麻丝粮油气")
# words a heading pairs that are not industries (第一章 发展基础与形势)
_NOT_PAIR_WORD = re.compile(r"(?:基础|形势|机遇|挑战|成效|成就|问题|目标|任务|要求|思路|原则|现状|环境|趋势|保障|措施|机制|体制|改革|开放|合作|人才)$")
_NOT_INDUSTRY_WORD = re.compile(r"向$|[^地]区$|试点|改革|增储|上产|方面|工作|改造提升|^县域|脱胎换骨|动能转换|深度融合|^一个|(?<!高)等|产品$|[两三四五六七八九十]大|优势产业|产业和|一批|平台|载体|项目|"
                                r"中试|基地|成果转化|小巨人|创新型|[两三四五六七八九十]个|千亿级|等$|"
                                r"^(?:建设|突破|做强|做大|做优|打造|推动|推进|加快|培育|壮大|发展)")
# the group an umbrella innovation chain is named for (做强优势产业科技创新链, 构建“四强”产业科技创新链)
_GROUP_WORD = re.compile(r"(?:传统)?优势|新兴|战略性新兴|传统|重点|主导|支柱|特色|现代|“[^“”]{1,6}”")
# the heads industry names end in (a bare heading 3.现代农业。 names an industry only when it ends in one)
SECTOR_HEADS = ("材料", "装备", "制造", "医药", "药物", "制剂", "器械", "能源", "氢能", "储能", "光伏", "风电", "汽车", "零部件",
                "信息", "信息技术", "经济", "农业", "种业", "食品", "饮料", "饮品", "化工", "化学品", "电子", "健康", "康养",
                "旅游", "文旅", "显示", "终端", "元器件", "芯片", "半导体", "集成电路", "船舶", "机械", "设备", "钢铁", "有色金属",
                "冶金", "建材", "纺织", "服装", "大数据", "软件", "物联网", "人工智能", "环保", "节能环保", "中医药", "白酒", "酒类",
                "航空", "航天", "轨道交通", "机器人", "陶瓷", "玻璃", "稀土", "锂电", "电池", "光电", "生物", "煤化工", "石化",
                "煤层气", "服务业", "物流", "家电", "家居", "纸业", "茶叶")
# a parent section whose bare sub-headings are industries: 二、培育壮大战略性新兴产业 / 三、实施关键核心技术攻关
_INDUSTRY_PARENT = re.compile(r"产业|制造|技术攻关|攻关方向|科技专项|创新链|关键核心技术")
SEQ_SPLIT = re.compile(r"\s*(?:-{1,2}|—{1,2}|–|→|－|─|>)\s*")
_SEQ_MARK = re.compile(r"[-—–→－─>]")
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")


# what 现代 makes a term of (modern agriculture is not agriculture): kept with 现代 in a longer name
_MODERN_TERMS = ("农业", "煤化工", "化工", "种业", "物流", "服务业", "纺织", "家居", "家具", "食品", "材料")
# words before an industry that are not its name: 构建安化黑茶, 我市铜, 服务…
_LEAD_WORDS = re.compile(r"^(?:构建|聚焦|升级|做新|提档|我市|全市|本市|我县|全县|本县|我区|全区|服务)(?=[\u4e00-\u9fff])")


def wording_alias(wording: str | None) -> str | None:
    """The plan's name for a chain, without the phrase around it: 我市新材料 -> 新材料, (有竞)争力的X产业链 -> X产业链."""
    if not wording:
        return None
    w = _LEAD_WORDS.sub("", wording.rsplit("的", 1)[-1])
    return w if len(w) >= 2 else None


def industry_of(text: str) -> str | None:
    """The industry word of a chain title or wording: 煤炭工业转型升级 -> 煤炭, 新一代装备制造业 -> 装备制造."""
    s = clean_name(text)
    s = re.sub(r"(?:科技创新链|创新链|产业链|链条)$", "", s)
    s = _LEAD_WORDS.sub("", s)
    s = re.sub(r"[和及与](?:未来|新兴)$", "", s)  # 数字经济和未来(产业), …和新兴产业: a category
    changed = True
    while changed:
        changed = False
        for q in QUALIFIERS:
            if s.endswith(q) and len(s) > len(q):
                s, changed = s[: -len(q)], True
        for lead in _LEAD:
            if s.startswith(lead) and len(s) > len(lead) + 1:
                s, changed = s[len(lead) :], True
        # 现代生物医药和大健康 is 生物医药和大健康; 现代农业, 现代煤化工 are terms (现代农业和食品加工 stays whole)
        if s.startswith("现代") and len(s) >= 6 and not s.startswith(_MODERN_TERMS, 2):
            s, changed = s[2:], True
        for end in ("产业集群", "制造业", "工业", "产业", "行业"):
            if s.endswith(end) and (len(s) > len(end) + 1 or s[: -len(end)] in ONE_CHARACTER_INDUSTRIES):  # 茶产业 -> 茶
                s = s[: -len(end)] + ("制造" if end == "制造业" else "")
                changed = True
    s = re.sub(r"全$", "", s)  # 新能源汽车全产业链
    s = re.sub(r"\([^()]{1,10}\)$", "", s)  # 高端装备(两机叶片): the segment in brackets
    s = re.sub(r"等?(?:重点|主导|优势|特色|新兴|支柱|传统)+$", "", s)  # 铝基新材料等重点(产业链)
    s = re.sub(r"^(?:超|近)?[一二三四五六七八九十两\d]*[百千万]?亿(?:元)?级?", "", s)  # 千亿级新材料(产业链), 五百亿级绿色化工
    p = place_prefix(s, min_rest=2)
    if p and not s.startswith(("中国", "国家")):
        s = s[len(p):]  # 吕梁氢能 -> 氢能
    s = re.sub(r"^[\u4e00-\u9fff]{0,4}(?:经开区|高新区|开发区|新区)(?=[\u4e00-\u9fff]{2})", "", s)  # 龙南经开区电子信息
    # adjectives of a chain, not its industry: 完整信创产业链, 整体垂直化产业链
    s = re.sub(r"^(?:较为完整的|完整的|较为完整|完整|整体|垂直化|垂直|一体化|全)+", "", s)
    if "的" in s:
        s = s.rsplit("的", 1)[1]
    s = INDUSTRY_SYNONYMS.get(s, s)
    if len(s) < 2 and s not in ONE_CHARACTER_INDUSTRIES or _NOT_INDUSTRY.match(s) or "链" in s.replace("区块链", "") \
            or _NOT_INDUSTRY_WORD.search(s):
        return None  # 以创新链提升产业链: a slogan; 能源革命综合改革试点: a programme, not an industry
    return s


def short_enough(industry: str) -> bool:
    """An industry word of a chain name: up to 10 characters, or two joined by 及/与/和 of up to 8 each
    (生物医药及新型医疗器械, 高技术船舶及海洋工程装备 name one chain)."""
    if len(industry) <= 10:
        return True
    parts = re.split(r"[及与和]", industry)
    return len(industry) <= 14 and len(parts) == 2 and all(2 <= len(p) <= 8 for p in parts)


def industry_chain_name(industry: str) -> str:
    return f"{industry}产业链"


def is_industrial(title: str) -> bool:
    """A chain title that names an industry (工业/产业/制造业), not a field of work (环保工作)."""
    return bool(re.search(r"(?:工业|产业|制造业|制造)", title))


class ChainRules:
    """Chain rules of one document; keeps the innovation chain the current text is about."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.sequence_no: dict[str, int] = {}
        self.stages: dict[tuple[str, str], EntityMention] = {}
        self.umbrella: ChainContext | None = None
        self.chains_by_name: dict[str, ChainContext] = {}
        self.pending_inline: list[tuple[EntityMention, list[list[str]], Evidence]] = []
        self.inline_scopes: set[str] = set()
        self.table_sequences: dict[str, list[list[list[str]]]] = {}  # scope -> stage groups of its table rows
        self.ichain_of: dict[str, EntityMention] = {}  # industry chain -> the innovation chain the plan names for it
        # industry chain -> the innovation chain a stage sequence in prose was named for (贯通“…”的X产业科技创新链)
        self.staged_ichain: dict[str, EntityMention] = {}
        self.open_chains: list[ChainContext] = []  # chain contexts opened by the headings above the text

    # ------------------------------------------------------------------ mentions
    def industry_chain(self, industry: str, ev: Evidence, wording: str | None, rule: str) -> EntityMention:
        aliases = [w for w in {wording_alias(wording), industry} if w]
        return self.ctx.entity(industry_chain_name(industry), "IndustryChain", ev, rule=rule, city=None,
                               aliases=aliases)

    def innovation_chain(self, name: str, ev: Evidence, rule: str, aliases: list[str] | None = None) -> EntityMention:
        bare = re.sub(r"^(?:全流程|全链条|全产业链)的?(?=[\u4e00-\u9fff]{4})", "", name)  # 全流程的冶金新材料创新链
        if bare != name:
            name, aliases = bare, [*(aliases or []), name]
        return self.ctx.entity(name, "InnovationChain", ev, rule=rule, scope=self.ctx.city, aliases=aliases)

    def _pair(self, ichain: EntityMention, chain: EntityMention, ev: Evidence, rule: str) -> None:
        """An innovation chain named for one industry is that industry chain's: a 专栏 row or a
        passage giving the industry chain's stages later gives them to it (the plan named it)."""
        self.ctx.relation("INNOVATION_CHAIN_OF", ichain, chain, ev, rule=rule)
        self.ichain_of.setdefault(chain.name, ichain)

    # ------------------------------------------------------------------ context
    def heading(self, title: str, para, level_line: int) -> None:
        """A heading ends the chain context it does not nest in (the context of a heading above it
        comes back: （三）风电装备 under 一、做强清洁能源装备产业链 is in that chain's text again after
        a sub-section that named its own). 构建X科技创新链 headings open an umbrella innovation chain;
        headings naming an industry chain (（一）氢能产业链, 1. 做强煤机装备产业链) open that
        chain's context for the section below."""
        ctx = self.ctx
        depth = len(para.section_path) or 1
        self.open_chains = [c for c in self.open_chains if c.depth < depth]
        if ctx.chain is not None and depth <= ctx.chain.depth:
            ctx.chain = self.open_chains[-1] if self.open_chains else None
        self._heading(title, para, depth)
        if ctx.chain is not None and ctx.chain.depth == depth and ctx.chain not in self.open_chains:
            self.open_chains.append(ctx.chain)
            if self.umbrella is not None and self.umbrella.depth < depth:
                for chain in (ctx.chain.industry_mention, *ctx.chain.also):
                    self._under_umbrella(chain, chain.evidence)

    def _heading(self, title: str, para, depth: int) -> None:
        ctx = self.ctx
        t = norm_text(title)
        m = BUILD_ICHAIN.match(t) or (ICHAIN_TITLE.search(t) if "构建" in t else None)
        if m and not re.search(r"其他|各行业", m.group("name")):
            name = clean_name(m.group("name"))
            start = para.text.find(m.group("name")[:4]) if m.group("name")[:4] in para.text else 0
            ev = ctx.ev(para, max(start, 0), max(start, 0) + len(name))
            self._open_umbrella(name, ev, depth, "ichain_heading")
            return
        if self.umbrella is not None and depth <= self.umbrella.depth:
            self.umbrella = None
        im = HEADING_ICHAIN.search(t)
        if im and _GROUP_WORD.fullmatch(clean_name(im.group("name"))):
            # 一、做强优势产业科技创新链: an innovation chain over the industries of the sections below it
            name = clean_name(im.group("name")) + im.group("kind")
            s0 = max(para.text.find(im.group("name")), 0)
            ev = ctx.ev(para, s0, s0 + len(name))
            self._open_umbrella(name, ev, depth, "ichain_group")
            return
        industry = industry_of(im.group("name")) if im and "、" not in im.group("name") else None
        if industry and (is_generic(im.group("name")) or _is_activity(im.group("name"))):
            industry = None  # 三、构建一流创新链: no industry
        if im and industry and short_enough(industry) and not re.search(r"其他|各行业|全链条|重点产业", im.group("name")):
            # 一、做强先进装备制造创新链: the section is about that industry, and names its innovation chain
            name = clean_name(im.group("name")) + im.group("kind")
            s0 = para.text.find(im.group("name")) if im.group("name") in para.text else 0
            ev = ctx.ev(para, max(s0, 0), max(s0, 0) + len(name))
            self._open_industry_ichain(name, industry, clean_name(im.group("name")), ev, "ichain_heading",
                                       "ichain_heading", depth)
            return
        pm = HEADING_PAIR.search(t)
        if pm and not HEADING_CHAIN.search(t):
            city = ctx.city_entity()
            pair: list[EntityMention] = []
            for g in ("a", "b"):
                industry = industry_of(pm.group(g))
                if industry and len(industry) <= 10 and not _is_activity(industry) and not _NOT_PAIR_WORD.search(industry):
                    s0 = para.text.find(pm.group(g))
                    ev = ctx.ev(para, max(s0, 0), max(s0, 0) + len(pm.group(g)))
                    chain = self.industry_chain(industry, ev, clean_name(pm.group(g)), rule="chain_heading")
                    pair.append(chain)
                    if city is not None:
                        ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_heading")
            if pair:  # the section is about both: its actors are in both chains
                ctx.chain = ChainContext(name=pair[0].name, industry=pair[0].name, mention=pair[0],
                                         industry_mention=pair[0], line=pair[0].evidence.line, depth=depth,
                                         also=pair[1:])
            return
        hm = HEADING_CHAIN.search(t)
        if not hm:
            self._bare_heading(t, para, depth)
            return
        if "、" not in hm.group("name"):
            industry = industry_of(hm.group("name"))
            if industry and short_enough(industry):
                s0 = para.text.find(hm.group("name")) if hm.group("name") in para.text else 0
                ev = ctx.ev(para, max(s0, 0), max(s0, 0) + len(hm.group(0)))
                chain = self.industry_chain(industry, ev, clean_name(hm.group("name")), rule="chain_heading")
                ctx.chain = ChainContext(name=chain.name, industry=chain.name, mention=chain, industry_mention=chain,
                                         line=ev.line, depth=depth)
                city = ctx.city_entity()
                if city is not None:
                    ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_heading")

    def _open_industry_ichain(self, name: str, industry: str, wording: str, ev: Evidence, rule: str, chain_rule: str,
                              depth: int = 99) -> ChainContext:
        """A heading or item naming one industry's innovation chain: the section below is about that
        industry (its chain, developed by the city, paired with the innovation chain)."""
        ctx = self.ctx
        ichain = self.innovation_chain(name, ev, rule=rule)
        chain = self.industry_chain(industry, ev, wording, rule=chain_rule)
        self._pair(ichain, chain, ev, chain_rule)
        city = ctx.city_entity()
        if city is not None:
            ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule=rule)
        ctx.chain = ChainContext(name=name, industry=chain.name, mention=ichain, industry_mention=chain, line=ev.line,
                                 depth=depth)
        self.chains_by_name[name] = ctx.chain
        return ctx.chain

    def _open_umbrella(self, name: str, ev: Evidence, depth: int, rule: str) -> None:
        """An innovation chain over the industries of the sections below its heading."""
        ichain = self.innovation_chain(name, ev, rule=rule)
        self.umbrella = ChainContext(name=name, industry="", mention=ichain, industry_mention=ichain, line=ev.line,
                                     depth=depth)

    def _under_umbrella(self, chain: EntityMention, ev: Evidence) -> None:
        """A chain a section opens under an umbrella innovation chain's heading is one of its industries."""
        if self.umbrella is not None and chain.type == "IndustryChain":
            self.ctx.relation("INNOVATION_CHAIN_OF", self.umbrella.mention, chain, ev, rule="umbrella_section")

    def _bare_heading(self, title: str, para, depth: int) -> None:
        """1.氢能。 / （二）电子信息与电力电子 / (5) 新材料领域：: a heading that is nothing but an
        industry's name (its head a sector word), under a section about industries or their key
        technologies, is about that industry (each of an 与/和/及 pair): its actors are in the chain;
        an item of a key-technology list names its chain but opens no section (its text names
        technologies, not actors)."""
        parents = para.section_path[:-1]
        if not parents or not any(_INDUSTRY_PARENT.search(norm_text(p)) for p in parents[-2:]):
            return
        if self.ctx.chain is not None:
            return  # 稀土功能材料 under 做强稀土新材料产业链: a segment of the open chain, not another one
        core = re.sub(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]?\s*)?" + _HEADING_VERBS + "*(?:开发)?", "", title)
        core = re.sub(r"(?:领域|产业)$", "", re.sub(r"[。:：,，]$", "", core))
        words = re.split(r"[与和及]", core)
        if not 2 <= len(core) <= 16 or len(words) > 2 or any(
                not re.fullmatch(r"[\u4e00-\u9fff]{2,10}", w) or lead_cut(w) or not w.endswith(SECTOR_HEADS)
                or _NOT_PAIR_WORD.search(w) or _is_activity(w) for w in words):
            return
        industries = [industry_of(w) for w in words]
        if any(not i or len(i) > 10 for i in industries):
            return
        city = self.ctx.city_entity()
        chains: list[EntityMention] = []
        for w, industry in zip(words, industries):
            s0 = max(para.text.find(w), 0)
            ev = self.ctx.ev(para, s0, s0 + len(w))
            chain = self.industry_chain(industry, ev, clean_name(w), rule="chain_bare_heading")
            chains.append(chain)
            if city is not None:
                self.ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_bare_heading")
        if not re.search(r"技术攻关|攻关方向|科技专项|关键核心技术", norm_text(parents[-1])):
            self.ctx.chain = ChainContext(name=chains[0].name, industry=chains[0].name, mention=chains[0],
                                          industry_mention=chains[0], line=chains[0].evidence.line, depth=depth,
                                          also=chains[1:])

    def run_in(self, sent: Sentence) -> ChainContext | None:
        """构建X科技创新链。 opening a paragraph: the paragraph (and the 专栏 after it) is about X; so is an
        item headed by the innovation chain of an industry (（一）数字经济创新链。建设…)."""
        if sent.start != 0:
            return None
        item = RUN_IN_ICHAIN.match(sent.text)
        if item and not _GROUP_WORD.fullmatch(item.group("x")) and not re.search(r"重点|主导|优势|新兴|未来|各", item.group("x")):
            industry = industry_of(item.group("x"))
            if industry and len(industry) <= 10 and not _is_activity(item.group("x")):
                ev = self.ctx.ev(sent.para, sent.at(item.start("name")), sent.at(item.end("name")))
                return self._open_industry_ichain(clean_name(item.group("name")), industry, clean_name(item.group("x")),
                                                  ev, "ichain_run_in", "ichain_industry")
        m = BUILD_ICHAIN.match(sent.text)
        if not m:
            return None
        name = clean_name(m.group("name"))
        if re.search(r"其他|各行业", name):
            self.ctx.chain = None
            return None
        ctx = self.ctx
        ev = ctx.ev(sent.para, sent.at(m.start("name") - 2), sent.at(m.end("name")))
        ichain = self.innovation_chain(name, ev, rule="ichain_run_in")
        industry = industry_of(name)
        imention = None
        if industry and is_industrial(name):
            imention = self.industry_chain(industry, ev, industry_wording(name), rule="ichain_industry")
            self._pair(ichain, imention, ev, "ichain_industry")
        cc = ChainContext(name=name, industry=imention.name if imention else "", mention=ichain,
                          industry_mention=imention or ichain, line=ev.line)
        ctx.chain = cc
        self.chains_by_name[name] = cc
        return cc

    # ------------------------------------------------------------------ prose
    def sentence(self, sent: Sentence) -> None:
        self._tech_area(sent)
        self._prose_chains(sent)
        self._prose_chain_lists(sent)
        self._industry_lists(sent)
        self._field_lists(sent)
        self._chain_lists(sent)
        self._named_chains(sent)
        subjects = self._subject_chains(sent)
        self._inline_ichain(sent)
        self._inline_sequences(sent)
        self._from_to_sequences(sent, subjects)

    def _developed(self, word: str, sent: Sentence, start: int, end: int, rule: str,
                   longest: int = 10, list_ev: Evidence | None = None) -> EntityMention | None:
        """One industry the city develops, named in prose: its chain (evidence: the word) and the
        DEVELOPS_CHAIN (evidence: the whole list when the word is one member of it)."""
        industry = industry_of(word)
        if not industry or len(industry) > longest or _NOT_DEVELOPED.search(word) or is_place(clean_name(word)):
            return None  # 滑县, 市工业和信息化局…统筹产业(发展资金): a place or a body, not an industry
        ev = self.ctx.ev(sent.para, sent.at(start), sent.at(end))
        chain = self.industry_chain(industry, ev, clean_name(word), rule=rule)
        city = self.ctx.city_entity()
        if city is not None:
            self.ctx.relation("DEVELOPS_CHAIN", city, chain, list_ev or ev, rule=rule)
        return chain

    def _tech_area(self, sent: Sentence) -> None:
        """——新能源汽车技术。…: an item of a plan's key-technology list names an industry the
        city develops (the paragraph is about that industry's chain)."""
        if sent.start != 0:
            return
        m = TECH_AREA.match(sent.text)
        if m:
            chain = self._developed(m.group("x"), sent, m.start("x"), m.end() - 1, rule="tech_area", longest=14)
            if chain is not None:  # the item's text is that chain's text until the next item or heading
                self.ctx.chain = ChainContext(name=chain.name, industry=chain.name, mention=chain,
                                              industry_mention=chain, line=chain.evidence.line,
                                              depth=len(sent.para.section_path) or 1)
                return
        if sent.text.startswith(("——", "--")) and self.ctx.chain is not None and self.ctx.chain.mention.rule == "tech_area":
            self.ctx.chain = None  # another kind of item ends the technology list

    def _prose_chain_lists(self, sent: Sentence) -> None:
        """推进半导体材料、特种金属材料和智能制造装备产业创新发展 / 六大农产品精深加工产业集群."""
        for m in JOINT_DEVELOP_LIST.finditer(sent.masked):
            words = list(re.finditer(r"[^、和及]+", m.group("list")))
            if all(w.group(0).endswith(SECTOR_HEADS) and not lead_cut(w.group(0)) for w in words):
                for w in words:
                    s0 = m.start("list") + w.start()
                    self._developed(w.group(0), sent, s0, s0 + len(w.group(0)), rule="chain_joint_list")
        for m in PROSE_CHAIN_LIST.finditer(sent.masked):
            if _is_activity(m.group("list").split("、")[0]):
                continue
            pos = m.start("list")
            for mm in re.finditer(r"[^、和及]+", m.group("list")):
                cut = lead_cut(mm.group(0))  # 推动发展新一代机器人: the verb is not the industry
                word, s0 = mm.group(0)[cut:], pos + mm.start() + cut
                if word:
                    self._developed(word, sent, s0, pos + mm.end(), rule="chain_prose_list")
        for rx in (DEVELOP_LIST_ETC, FOCUS_LIST):
            for m in rx.finditer(sent.masked):
                if _is_activity(m.group("list").split("、")[0]) or m.group("list").endswith("产品"):
                    continue  # 重点发展核电主泵泵壳、…、高端阀门铸件等产品: products, not industries
                zones, loose = [], False
                if rx is FOCUS_LIST:
                    # the old form (重点发展 two or more) may follow a place anywhere before it; the others
                    # need the place as the clause's subject
                    lst = m.group("list")
                    loose = m.group(0).startswith("重点发展") and re.search(r"[、和]", lst) is not None \
                        and all(2 <= len(w) <= 12 for w in re.split(r"[、和]", lst))
                    zones = self._place_subject(sent, m.start(), loose)
                    if zones is not None and not loose and not self._opens_clause(sent, m.start()):
                        zones = None  # 科技城集中发展区加快建设, 形成…的发展格局: 发展 inside a noun
                    if zones is None or not loose and self.ctx.chain is not None:
                        continue  # only a place's 发展 list names industries (“材”就是新材料。重点发展特种钢…: products;
                        # in one chain's section, a place's list names its segments)
                pos = m.start("list")
                ev = self.ctx.ev(sent.para, sent.at(pos), sent.at(m.end()))
                split = r"[^、和]+" if rx is FOCUS_LIST and loose else r"[^、和及等]+" if rx is FOCUS_LIST else r"[^、和及]+"
                for mm in re.finditer(split, m.group("list")):
                    chain = self._developed(mm.group(0), sent, pos + mm.start(), pos + mm.end(), rule="chain_prose_list",
                                            longest=10 if rx is FOCUS_LIST else 8, list_ev=ev)
                    for zone in zones if chain is not None else []:  # 陵川经济技术开发区…重点发展中药材: in that chain
                        zev = self.ctx.ev(sent.para, sent.at(zone.start), sent.at(m.end()))
                        zm = self.ctx.entity(zone.name, "Zone", self.ctx.ev(sent.para, sent.at(zone.start), sent.at(zone.end)),
                                             rule="focus_zone")
                        self.ctx.relation("IN_CHAIN", zm, chain, zev, rule="focus_zone")
        for m in COUNTED_CLUSTER.finditer(sent.masked):
            if not re.search(r"标志性|引领性|[和及、的]", m.group("x")):
                self._developed(m.group("x"), sent, m.start(), m.end(), rule="chain_cluster")

    def _place_subject(self, sent: Sentence, verb: int, loose: bool) -> list[NameSpan] | None:
        """The zones of a clause whose subject is a place, or None when no place is its subject:
        a county or zone opening the clause (南溪区：依托南溪经济开发区，发展…, 全椒经济开发区位于全椒县，
        聚焦…). A zone named there is in the chains of the list."""
        clause_s = max(sent.masked.rfind(c, 0, verb) for c in "；;。") + 1
        head = re.match(r"\s*(?:[(（]?\d{1,2}[)）.、．]\s*)?", sent.masked[clause_s:verb])
        start = clause_s + (head.end() if head else 0)
        names = [n for n in find_names(sent.masked) if start <= n.start and n.end <= verb]
        zones = [n for n in names if n.type == "Zone"]
        if any(n.start == start and n.type in ("County", "Zone") for n in names):
            return zones
        if start == 0 and sent.start == 0 and place_title(sent.para.section_path):
            return zones  # （3）南溪区：依托南溪经济开发区，发展…: the item's heading is the place
        # 支持湘潭天易经济开发区（位于湘潭县）发展食品医药和新材料产业，湘乡经济开发区发展精细化工产业: a
        # zone right before the verb, opening its comma clause, is the subject of that clause
        cs = max(sent.masked.rfind(c, 0, verb) for c in ",，；;。:：") + 1
        lead = re.match(r"\s*(?:支持|推动|鼓励|引导)?", sent.masked[cs:verb])
        own = [n for n in names if n.type == "Zone" and n.start == cs + lead.end()
               and re.fullmatch(r"(?:\([^()]{0,12}\))?(?:要|应)?", sent.masked[n.end:verb])]
        if own:
            return own
        return zones if loose and _ZONE_OR_COUNTY.search(sent.masked[:verb]) else None

    @staticmethod
    def _opens_clause(sent: Sentence, verb: int) -> bool:
        """Does the verb at `verb` open a clause or follow its place (南溪区：发展…, 依托兴文经济开发区发展…)?"""
        if verb == 0 or sent.masked[verb - 1] in "：:，,；; ":
            return True
        bm = re.search(r"\([^()]{0,12}\)$", sent.masked[:verb])  # 湘潭天易经济开发区（位于湘潭县）发展…
        end = bm.start() if bm else verb
        return any(n.end == end and n.type in ("County", "Zone") for n in find_names(sent.masked))

    def _prose_chains(self, sent: Sentence) -> None:
        """壮大我市半导体材料产业集群 / 推动轨道交通产业高质量发展: a chain the city develops."""
        for m in PROSE_CHAIN.finditer(sent.masked):
            word = m.group("x")[lead_cut(m.group("x")):]
            if not word or re.search(r"[和及与、的]|领域|企业|集群$", word):
                continue
            s0 = m.end("x") - len(word)
            self._developed(word, sent, s0, m.end(), rule="chain_prose")

    def _field_lists(self, sent: Sentence) -> None:
        """在半导体光电、碳基新材料、光伏…等产业领域 / 聚焦半导体光电、碳基新材料等重点产业: the members
        name industries of the plan. They are kept only as wordings of chains the plan develops
        (碳基新材料 of 新材料); that decision is made at the end (kg.extract.tidy)."""
        for m in FIELD_LIST.finditer(sent.masked):
            start = m.start("list")
            ev = self.ctx.ev(sent.para, sent.at(start), sent.at(m.end()))
            for mm in re.finditer(r"[^、]+", m.group("list")):
                self._developed(mm.group(0), sent, start + mm.start(), start + mm.end(), rule="chain_list_member",
                                list_ev=ev)

    def _subject_chains(self, sent: Sentence) -> dict[int, EntityMention]:
        """半导体光电产业形成了从…到…的垂直一体化产业链 / 新能源汽车产业在全省率先形成了…较为完整的
        产业链: an industry that has built (or builds) a chain is a chain the city develops.
        Returns the chain of each clause (by its start offset) that has one."""
        ctx = self.ctx
        out: dict[int, EntityMention] = {}
        if "产业链" not in sent.text:
            return out
        for m in re.finditer(r"(?:^|[,，;；:：])(?P<x>[\u4e00-\u9fff]{2,12}?)产业(?:在[\u4e00-\u9fff]{1,8}?)?(?:率先|已经|已)?"
                             r"(?:形成|构建|打造|建成|完善|延伸)(?:了|起)?[^,，。;；]{0,80}?产业链", sent.masked):
            word = m.group("x")[lead_cut(m.group("x")):]
            industry = industry_of(word)
            if not industry or len(industry) > 10:
                continue
            s0 = m.start("x") + (len(m.group("x")) - len(word))
            ev = ctx.ev(sent.para, sent.at(s0), sent.at(m.end()))
            chain = self.industry_chain(industry, ev, clean_name(word) + "产业", rule="chain_subject")
            city = ctx.city_entity()
            if city is not None:
                ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_subject")
            out[m.start("x")] = chain
        return out

    def _from_to_sequences(self, sent: Sentence, subjects: dict[int, EntityMention]) -> None:
        """从蓝宝石衬底、外延及芯片、封装到显示屏、照明灯具的…产业链 / 从A,到B、C,再到D的…产业链:
        the stages of a chain in prose. Items before the first 到 follow one another; the items of
        each 到 part are parallel stages at the same order."""
        text = sent.text
        for m in re.finditer(r"从(?P<body>[^。;；从]{2,240}?到[^。;；]{1,200}?)(?P<tail>(?:的[\u4e00-\u9fff]{0,12}?|(?:整体|垂直化?|一体化|完整)+)(?:全)?产业链)",
                             text):
            body = m.group("body")
            if re.search(r"[“”《》]|\d", body):
                continue
            parts = re.split(r"[,，]?(?:再到|到)", body)
            if len(parts) < 2:
                continue
            last = re.split(r"的(?=[^的]*$)", parts[-1])[0]
            last = re.sub(r"(?:整体|垂直化?|一体化|完整)+$", "", last)
            parts[-1] = last
            groups: list[list[str]] = [[clean_name(x)] for x in re.split(r"、|以及", parts[0])]
            for p in parts[1:]:
                groups.append([clean_name(x) for x in re.split(r"、|以及", p)])
            if any(not x or len(x) > 12 or is_generic_stage(x) for g in groups for x in g) or \
                    sum(len(g) for g in groups) < 2:
                continue
            owner_chain = next((c for off, c in sorted(subjects.items()) if off <= m.start()), None)
            owner = self._owner_for_inline(sent, owner_chain)
            if owner is None:
                continue
            ev = self.ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            self.add_sequence(owner, groups, ev, table_key=owner.name)

    def _chain_lists(self, sent: Sentence) -> None:
        """打造氢能、光伏、新材料等十大产业链: every member is an industry chain."""
        if "产业链" not in sent.text or "、" not in sent.text:
            return
        ctx = self.ctx
        for m in CHAIN_LIST.finditer(sent.masked):
            lst = m.group("list")
            start = m.start("list") + lead_cut(lst.split("、", 1)[0])
            lead = sent.text[max(0, start - 6) : start]
            develop = bool(DEVELOP_VERB.search(lead)) or bool(DEVELOP_VERB.search(sent.text[max(0, start - 2) : start]))
            ev = ctx.ev(sent.para, sent.at(start), sent.at(m.end()))
            city = ctx.city_entity()
            members = list(re.finditer(r"[^、]+", sent.text[start : m.end("list")]))
            tail = sent.text[m.end("list") : m.end()]
            if sent.text[start - 1 : start] == "集" or "于一体" in sent.text[start : m.end()]:
                continue  # 打造集制氢、储运、加注、应用于一体的氢能全产业链: its steps
            if "全产业链" in tail or sum(_is_activity(mm.group(0)) for mm in members) * 2 >= len(members):
                # 研发、制造、运维产业链 / 收储、运输、加工、销售等全产业链: steps, not chains; but
                # 风力发电机研发、制造、运维产业链 names its product before the first step
                first = members[0].group(0)
                act = next((a for a in ACTIVITIES if first.endswith(a) and len(first) - len(a) >= 2), None)
                if act and "全产业链" not in sent.text[max(0, m.end() - 4) : m.end()]:
                    self._developed(first[: -len(act)], sent, start, m.end(), rule="chain_product")
                continue
            for mm in members:
                word = mm.group(0)
                industry = industry_of(word)
                if not industry or len(industry) > 10:
                    continue
                mev = ctx.ev(sent.para, sent.at(start + mm.start()), sent.at(start + mm.end()))
                chain = self.industry_chain(industry, mev, clean_name(word), rule="chain_list")
                if develop and city is not None:
                    ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_list")

    def _inline_ichain(self, sent: Sentence) -> None:
        """构建/打造X科技创新链 inside a sentence (not a run-in title): the chain and its industry."""
        if sent.start == 0 and BUILD_ICHAIN.match(sent.text):
            return
        ctx = self.ctx
        for m in re.finditer(r"(?:构建|打造|完善|布局|建设)(?:提升)?(?:现有的?)?(?P<name>[\u4e00-\u9fff]{2,20}?(?:科技)?创新链)(?:条)?",
                             sent.masked):
            name = clean_name(m.group("name"))
            if re.search(r"其他|各行业|一流|全链条|产业链|的", name) or is_generic_chain(name) or \
                    re.match(r"支撑|支持|服务|面向|引领", name):
                continue
            ev = ctx.ev(sent.para, sent.at(m.start()), sent.at(m.end()))
            ichain = self.innovation_chain(name, ev, rule="ichain_inline")
            industry = industry_of(name)
            if industry and is_industrial(name) and len(industry) <= 10:
                ic = self.industry_chain(industry, ev, industry_wording(name), rule="ichain_industry")
                self._pair(ichain, ic, ev, "ichain_industry")
            elif ctx.chain is not None and ctx.chain.mention.type == "IndustryChain":
                # 完善提升现有固废综合利用创新链 in the 固废利用产业 section: that chain's innovation chain
                ctx.relation("INNOVATION_CHAIN_OF", ichain, ctx.chain.mention, ev, rule="ichain_in_section")
                continue
            if ctx.chain is None or ctx.chain.mention.type != "InnovationChain":
                ctx.chain = ChainContext(name=name, industry="", mention=ichain, industry_mention=ichain, line=ev.line,
                                         depth=len(sent.para.section_path) or 1)

    def _industry_lists(self, sent: Sentence) -> None:
        """紧扣煤炭、焦化、钢铁、煤电等传统优势产业…: every member is a chain the city develops."""
        ctx = self.ctx
        for m in INDUSTRY_LIST.finditer(sent.text):
            lst = m.group("list")
            if "等" not in sent.text[m.end("list") : m.start("kind")] and "、" not in lst:
                continue  # 培育生物医药、数字经济两大新兴产业 needs a list (not …LED显示为两大核心产业)
            # the list starts after the last verb/preposition before it (…转型升级和装备制造、…)
            head = lst.split("、", 1)[0]  # only the first member carries the lead-in (高档数控机床及机器人 is one)
            cut = max((head.rfind(w) + len(w) for w in ("紧扣", "聚焦", "围绕", "立足", "针对", "和", "对", "支持", "引导", "提升",
                                                          "推进", "重点", "促进", "发展", "培育", "以及", "及", "布局",
                                                          "面向", "谋划", "瞄准")
                       if w in head), default=0)
            lst_start = m.start("list") + cut
            members = [(mm.start() + lst_start, mm.end() + lst_start, mm.group(0))
                       for mm in re.finditer(r"[^、]+", sent.text[lst_start : m.end("list")])]
            ev = ctx.ev(sent.para, sent.at(lst_start), sent.at(m.end()))
            for s, e, word in members:
                lead = re.match(r"^(?:我市|全市|本市)", word)
                if lead:
                    s, word = s + lead.end(), word[lead.end():]
                chain = self._developed(word, sent, s, e, rule="industry_list", longest=99, list_ev=ev)
                if chain is None:
                    continue
                if self.umbrella is not None and sent.para.line - self.umbrella.line < 6:
                    ctx.relation("INNOVATION_CHAIN_OF", self.umbrella.mention, chain, ev, rule="umbrella_list")

    def _named_chains(self, sent: Sentence) -> None:
        """X产业链 in prose; 紧扣X产业链 inside an innovation chain's text links the two."""
        ctx = self.ctx
        for m in CHAIN_RE.finditer(sent.masked):
            raw = m.group("name")
            # cut lead-in words: 紧扣装备制造 -> 装备制造, 提前布局氢能重卡 -> 氢能重卡
            start = m.start("name") + lead_cut(raw)
            word = sent.text[start : m.end("name")]
            if sent.text[start - 1 : start] == "、":
                continue  # 研发、制造、运维产业链: a list of stages, not a chain's name
            if not word or sent.text[start - 1 : start] in ("-", "—", "”") and "-" in sent.text[max(0, start - 12) : start]:
                continue
            if re.search(r"[-—”“]", sent.text[max(0, start - 1) : m.end()]):
                continue
            industry = industry_of(word)
            if not industry or len(industry) > 10:
                continue
            ev = ctx.ev(sent.para, sent.at(start), sent.at(m.end()))
            chain = ctx.entity(f"{industry}产业链", "IndustryChain", ev, rule="chain_named", city=None,
                               aliases=[f"{w}产业链"] if (w := wording_alias(clean_name(word))) and w != industry else [])
            lead = sent.text[max(0, start - 5) : start]
            # 紧扣煤焦油精深加工产业链和焦炉煤气精深加工产业链: 紧扣 governs the whole list
            governed = re.search(r"紧扣(?:[^,，。；;]{1,20}?产业链(?:和|、|及|与|以及))*$", sent.text[:start])
            if ctx.chain is not None and ctx.chain.mention.type == "InnovationChain" and governed:
                ctx.relation("INNOVATION_CHAIN_OF", ctx.chain.mention, chain,
                             ctx.ev(sent.para, sent.at(start - 2), sent.at(m.end())), rule="ichain_named_chain")
            if re.search(r"(?:打造|构建|发展|培育|壮大|完善|延伸|做强|做大|做优|形成)了?$", lead):
                city = ctx.city_entity()
                if city is not None:
                    ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_develop_verb")
            elif re.search(r"布局$", lead):
                # 提前布局氢能重卡产业链: a chain laid out for later (by whoever the text is about) is a
                # chain, but not one the city develops now
                ctx.notes.kept_chains.add(chain.name)

    def _inline_sequences(self, sent: Sentence) -> None:
        """“中药材种植—中药饮片—中成药”产业链 or 制氢—储运—加氢站—燃料电池 in prose: a dash
        sequence of three or more steps."""
        if not any(c in sent.text for c in "—→－-"):
            return
        for m in re.finditer(r"“(?P<seq>[^“”]{3,60})”(?:、)?|(?P<bare>[\u4e00-\u9fff]{1,10}(?:\s*[—→－]{1,2}\s*"
                             r"[\u4e00-\u9fff]{1,10}){2,})", sent.text):
            if m.group("bare"):
                seq, s0, e0 = m.group("bare"), m.start("bare"), m.end("bare")
                lead_cut = re.match(r"^.*?(?:形成|构建|打造|延伸|完善|覆盖|贯通|打通|围绕|包括|即)", seq.split("—")[0])
                if lead_cut:
                    seq, s0 = seq[lead_cut.end():], s0 + lead_cut.end()
                parts = [p for p in SEQ_SPLIT.split(seq) if p]
                if parts:  # 制氢—储氢—…—用氢全产业链: the chain word closes the sequence
                    parts[-1] = re.sub(r"(?:全)?(?:产业链条?|链条|产业|等)$", "", parts[-1])
                    # …—光伏组件全链条开展技(术攻关): the run of characters goes on past the last stage
                    parts[-1] = re.sub(r"(?:全链条|全产业链|产业链|链条|等|开展|进行|实施).*$", "", parts[-1])
                parts = [p for p in parts if p]
                if len(parts) < 3 or any(len(clean_name(p)) > 10 for p in parts):
                    continue
                owner = self._owner_for_inline(sent)
                if owner is None:
                    continue
                ev = self.ctx.ev(sent.para, sent.at(s0), sent.at(e0))
                self.pending_inline.append((owner, [[clean_name(p)] for p in parts], ev))
                continue
            seq = m.group("seq")
            if len(_SEQ_MARK.findall(seq)) < 1 or re.search(r"[，。；,]", seq):
                continue
            parts = [p for p in SEQ_SPLIT.split(seq) if p]
            if len(parts) < 3 or any(len(clean_name(p)) > 10 for p in parts):
                continue
            owner = self._named_after(sent, m.end()) or self._named_later(sent, m.end()) or self._owner_for_inline(sent)
            if owner is None:
                continue
            ev = self.ctx.ev(sent.para, sent.at(m.start("seq")), sent.at(m.end("seq")))
            self.pending_inline.append((owner, [[clean_name(p)] for p in parts], ev))

    def _named_later(self, sent: Sentence, pos: int) -> EntityMention | None:
        """围绕“勘查—…—综合回收”全链条开展技术攻关，打造…铜金产业科技创新链: the innovation chain the
        sentence builds after the sequence it lays out."""
        m = _ICHAIN_BUILT_LATER.search(sent.text, pos)
        return self._named_after(sent, m.start("name"), m) if m else None

    def _named_after(self, sent: Sentence, pos: int, m: re.Match | None = None) -> EntityMention | None:
        """贯通“资源评价—…—终端利用”的煤层气产业科技创新链: the innovation chain a quoted sequence
        qualifies, named right after it (and the industry chain it belongs to)."""
        m = m or _ICHAIN_AFTER.match(sent.text, pos)
        if not m:
            return None
        name = clean_name(m.group("name"))
        ev = self.ctx.ev(sent.para, sent.at(m.start("name")), sent.at(m.end("name")))
        ichain = self.innovation_chain(name, ev, rule="ichain_after_sequence")
        industry = industry_of(name)
        if industry and is_industrial(name):
            ic = self.industry_chain(industry, ev, industry_wording(name), rule="ichain_industry")
            self._pair(ichain, ic, ev, "ichain_industry")
            self.staged_ichain.setdefault(ic.name, ichain)
        return ichain

    def finish(self) -> None:
        """Inline sequences count only for chains whose 专栏 gives no stages (the table is the
        fuller statement: “钢-焦-化-氢” repeats 专栏8's 钢铁-焦化-化工-氢能)."""
        for owner, groups, ev in self.pending_inline:
            scope = f"{self.ctx.city}/{owner.name}" if self.ctx.city else owner.name
            if any(_repeats(groups, seq) for seq in self.table_sequences.get(scope, [])):
                continue
            self.inline_scopes.add(scope)
            self.add_sequence(owner, groups, ev, table_key=owner.name)

    def _owner_for_inline(self, sent: Sentence, subject: EntityMention | None = None) -> EntityMention | None:
        """The chain a prose sequence belongs to: the innovation chain the text is about; in an
        industry chain's text (a heading 氢能产业链, an industry that forms the chain, or a paragraph
        naming one chain) that industry chain. No innovation chain is invented where the plan names
        none."""
        ctx = self.ctx
        if subject is None and ctx.chain is not None and ctx.chain.mention.type == "InnovationChain":
            return ctx.chain.mention
        industry_chain = subject or (ctx.chain.industry_mention if ctx.chain is not None else None)
        if industry_chain is None:
            para_chains = {ind for ind, _, _, _ in named_chains(mask_titles(norm_text(sent.para.text)))}
            if len(para_chains) != 1:
                return None
            ind = next(iter(para_chains))
            industry_chain = self.industry_chain(ind, ctx.ev(sent.para, sent.start, sent.end), None,
                                                 rule="chain_named")
        # the plan named this industry's innovation chain (一、打造绿色硅光伏产业科技创新链 over （一）做强
        # 绿色硅光伏产业链): the stages are that innovation chain's; else no innovation chain is invented
        return self.ichain_of.get(industry_chain.name, industry_chain)

    # ------------------------------------------------------------------ tables
    def table(self, table: Table) -> None:
        """A 专栏 of an innovation chain: its dash sequences are the chain's ordered stages."""
        if is_county_table(table):
            self._county_table(table)
            return
        if not is_chain_table(table):
            return
        if {"industry", "ichain"} & set(table.columns):
            self._chains_table(table)
            return
        ctx = self.ctx
        title = clean_name(table.title)
        tline = table.line
        owner_ctx = ctx.chain if ctx.chain is not None and tline - ctx.chain.line < 40 else None
        tev = ctx.line_ev(tline, table.title.strip() or None)
        if owner_ctx is not None:
            owner = owner_ctx.mention
            if title and title != owner.name and title.endswith("创新链"):
                ctx.entity(owner.name, "InnovationChain", tev, rule="ichain_table_title", scope=ctx.city,
                           aliases=[title])
        else:
            name = title if title.endswith("创新链") else f"{title}"
            owner = self.innovation_chain(name, tev, rule="ichain_table")
            industry = industry_of(name)
            if industry and is_industrial(name):
                ic = self.industry_chain(industry, tev, industry_wording(name), rule="ichain_industry")
                self._pair(owner, ic, tev, "ichain_industry")
        roles = list(getattr(table, "columns", []) or [])
        for row in table.rows:
            raw_line = ctx.doc.lines[row.line - 1]
            cells = _verbatim_cells(row, raw_line)
            if roles and "chain" in roles:
                chain_cells = [c for i, c in enumerate(cells) if i < len(roles) and roles[i] == "chain"]
            else:
                chain_cells = cells[1:] if len(cells) > 1 else cells
            for cell in chain_cells:
                self._cell_sequences(owner, cell, row.line, raw_line, table)

    def _chains_table(self, table: Table) -> None:
        """A 专栏 of several chains, one a row: the row's industry chain (developed by the city)
        or innovation chain, its 链主 enterprises, and the stage sequences of the row."""
        ctx = self.ctx
        ctx.chain = None  # each row names its own chain: the section's chain does not reach into the box
        roles = table.columns
        city = ctx.city_entity()
        for row in table.rows:
            raw_line = ctx.doc.lines[row.line - 1]
            cells = _verbatim_cells(row, raw_line)
            by_role: dict[str, list[str]] = {}
            for role, cell in zip(roles, cells):
                if cell.strip():
                    by_role.setdefault(role, []).append(cell.strip())
            owner: EntityMention | None = None
            chain: EntityMention | None = None
            # 固废综合利用产业科技创新链 in the 产业链 column names the row's innovation chain
            named = [c for c in by_role.get("industry", []) if clean_name(c).endswith("创新链")]
            for cell in by_role.get("ichain", []) + named:
                name = clean_name(cell)
                ev = ctx.line_ev(row.line, cell)
                owner = self.innovation_chain(name, ev, rule="ichain_table_row")
                industry = industry_of(name)
                if industry and is_industrial(name):
                    chain = self.industry_chain(industry, ev, industry_wording(name), rule="ichain_industry")
                    self._pair(owner, chain, ev, "ichain_industry")
            for cell in by_role.get("industry", []):
                if clean_name(cell).endswith("创新链"):
                    continue  # read above as the row's innovation chain
                industry = industry_of(cell)
                if not industry:
                    continue
                ev = ctx.line_ev(row.line, cell)
                chain = self.industry_chain(industry, ev, clean_name(cell), rule="chain_table_row")
                if city is not None:
                    ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_table_row")
            if chain is not None:
                for cell in by_role.get("leader", []):
                    for name in _leader_names(cell):
                        lev = ctx.line_ev(row.line, name)
                        leader = ctx.entity(name, _leader_type(name), lev, rule="chain_table_leader")
                        if leader.type not in CHAIN_MEMBERS:
                            continue  # an agency leads a chain's work, it is not in the chain
                        if leader.type == "Enterprise":
                            ctx.relation("LEADS_CHAIN", leader, chain, lev, rule="chain_table_leader",
                                         properties={"city": ctx.city} if ctx.city else {})
                        ctx.relation("IN_CHAIN", leader, chain, lev, rule="chain_table_leader")
                for cell in by_role.get("site", []):
                    for zone in self._site_zones(cell, row.line):  # 主要承载地: 经开区、鸠江区
                        ctx.relation("IN_CHAIN", zone, chain, zone.evidence, rule="chain_table_site")
                for cell in by_role.get("support", []):  # 主要支撑单位: 湘钢技术中心、湘潭大学
                    for m in self._cell_names(norm_text(cell), row.line, CHAIN_MEMBERS, "chain_table_support"):
                        ctx.relation("IN_CHAIN", m, chain, m.evidence, rule="chain_table_support")
            # a 重点产业科技创新链 专栏's rows give the stages of each industry's innovation chain where the
            # plan named one; a 产业链及创新链 table's rows are the industry chains' own, unless the
            # prose gave the innovation chain its stages already
            own_ichain = None
            if chain is not None:
                own_ichain = self.staged_ichain.get(chain.name) or \
                    (self.ichain_of.get(chain.name) if "产业链" not in table.title else None)
            owner = owner or own_ichain or chain
            if owner is None:
                continue
            for cell in by_role.get("chain", []):
                self._cell_sequences(owner, cell, row.line, raw_line, table)

    def _county_table(self, table: Table) -> None:
        """县（市、区） | 重点产业 | 创新载体: the industries of a county's row are wordings of the chains
        the city develops (kept as such where the plan develops that chain; kg.extract.tidy)."""
        ctx = self.ctx
        city = ctx.city_entity()
        cols = industry_columns(table)
        for row in table.rows:
            cells = [norm_text(c) for c in row.cells]
            line = ctx.doc.lines[row.line - 1]
            for i in cols:
                if i >= len(cells):
                    continue
                for word in re.split(r"[、,，;；/]", cells[i]):
                    word = word.strip()
                    industry = industry_of(word) if 2 <= len(word) <= 12 else None
                    if not industry or len(industry) > 10 or is_generic(word):
                        continue
                    ev = ctx.line_ev(row.line, word if word in line else None)
                    chain = self.industry_chain(industry, ev, clean_name(word), rule="chain_list_member")
                    if city is not None:
                        ctx.relation("DEVELOPS_CHAIN", city, chain, ev, rule="chain_list_member")

    def _cell_names(self, text: str, line: int, types: tuple[str, ...], rule: str) -> list[EntityMention]:
        """The names of `types` a table cell's text holds, each with the cell's line as evidence."""
        return [self.ctx.entity(n.name, n.type, self.ctx.line_ev(line, n.name), subtype=n.subtype, rule=rule)
                for n in find_names(text) if n.type in types]

    def _site_zones(self, cell: str, line: int) -> list[EntityMention]:
        """The zones of a 主要承载地 cell: named ones, and the city's own 经开区 / 高新区 by their short
        names (the plan's 高新区 is 芜湖高新区); counties there say where, which IN_CHAIN does not hold."""
        ctx = self.ctx
        out: list[EntityMention] = []
        for part in re.split(r"[、,，;；/和及]", norm_text(cell)):
            part = part.strip()
            if not part:
                continue
            named = self._cell_names(part, line, ("Zone",), "chain_table_site")
            if named:
                out += named
            elif part in ("经开区", "高新区", "综保区") and ctx.city:
                name = ctx.city[:-1] + part if len(ctx.city) > 2 else ctx.city + part
                out.append(ctx.entity(name, "Zone", ctx.line_ev(line, part), rule="chain_table_site", aliases=[part]))
        return out

    def _cell_sequences(self, owner: EntityMention, cell: str, line: int, raw_line: str, table: Table) -> None:
        """The stage sequences of one table cell, each quoted as printed on its line."""
        for seq_text in split_sequences(cell):
            groups = sequence_groups(seq_text)
            if len(groups) >= 2:
                ev = self.ctx.line_ev(line, seq_text if seq_text in raw_line else cell.strip())
                self.add_sequence(owner, groups, ev, table_key=f"{owner.name}#{table.number or table.line}", raw=seq_text)

    def add_sequence(self, owner: EntityMention, groups: list[list[str]], ev: Evidence, *, table_key: str,
                     raw: str | None = None) -> None:
        ctx = self.ctx
        self.sequence_no[table_key] = self.sequence_no.get(table_key, 0) + 1
        seq = self.sequence_no[table_key]
        scope = f"{ctx.city}/{owner.name}" if ctx.city else owner.name
        if "#" in table_key:
            self.table_sequences.setdefault(scope, []).append(groups)
        prev: list[EntityMention] = []
        for order, group in enumerate(groups, 1):
            cur: list[EntityMention] = []
            for raw_name in group:
                name, aliases = stage_name(raw_name)
                if not name:
                    continue
                key = (scope, name)
                first = self.stages.get(key)
                props = {"chain": owner.name, "order": order, "sequence": seq}
                if first is not None:
                    props = {"chain": owner.name, "order": first.properties["order"],
                             "sequence": first.properties["sequence"]}
                sev = ctx.line_ev(ev.line, raw_name if raw_name in ctx.doc.lines[ev.line - 1] else ev.quote)
                m = ctx.entity(name, "ChainStage", sev, rule="chain_stage", scope=scope, properties=props,
                               aliases=aliases)
                if first is None:
                    self.stages[key] = m
                ctx.relation("HAS_STAGE", owner, m, ev, rule="chain_stage",
                             properties={"order": props["order"], "sequence": props["sequence"]})
                cur.append(m)
            for a in prev:
                for b in cur:
                    ctx.relation("NEXT_STAGE", a, b, ev, rule="chain_stage",
                                 properties={"chain": owner.name, "sequence": seq})
            if cur:
                prev = cur


def _verbatim_cells(row, raw_line: str) -> list[str]:
    """Cells as printed (spaces kept: they separate sequences inside a cell)."""
    raw = list(getattr(row, "raw", None) or [])
    if raw:
        return raw
    cells = raw_line.split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


# “…—…”的煤层气产业科技创新链 / ”光机电产业创新链
_ICHAIN_AFTER = re.compile(r"(?:的|等)?(?P<name>[\u4e00-\u9fff]{2,16}?(?:产业)?(?:科技)?创新链)")
_ICHAIN_BUILT_LATER = re.compile(r"(?:打造|构建|形成|建设|完善|贯通)(?:具有|具备)?[^，,。；;“”]{0,14}?的?"
                                 r"(?P<name>(?:(?!的)[\u4e00-\u9fff]){2,12}?产业科技创新链)(?=[。；;，,]|$)")


def _repeats(inline: list[list[str]], table: list[list[str]]) -> bool:
    """“钢-焦-化-氢” in prose repeats the table's 钢铁-焦化-化工-氢能: as many stages, each an
    abbreviation of the table's stage at the same place."""
    if len(inline) != len(table):
        return False
    return all(any(a and a[0] in b for a in ia for b in tb) for ia, tb in zip(inline, table))


def _leader_names(cell: str) -> list[str]:
    """The bodies a 链主 cell lists (兰花科创、天泽集团). Notes in brackets ((培育中)), descriptions
    (江华稀土产业园骨干企业, 蓝山、道县皮具制鞋骨干企业) and bare places are none; 和/及 part two names
    unless a place stands before them (四川和邦生物科技股份有限公司 is one)."""
    s = re.sub(r"[(（][^()（）]*[)）](?=$|[、,，;；/和及])", "", norm_text(cell))  # not 开封制药(集团)有限公司
    names: list[str] = []
    for piece in re.split(r"[、,，;；/]", s):
        parts = re.split(r"[和及]", piece)
        if len(parts) > 1 and is_place(clean_name(parts[0])):
            parts = [piece]
        names.extend(clean_name(x) for x in parts)
    if names and names[-1].endswith("企业"):  # 蓝山、道县皮具制鞋骨干企业: the places of a description
        names = [n for n in names if n.endswith(LEGAL_SUFFIXES)]
    return [n for n in names if len(n) >= 2 and not is_generic(n) and not n.endswith("企业") and not is_place(n)]


# agencies a 链主 column may name (抚州高新区管委会, 金溪县人民政府); a bare 局 may end a firm's name (中铁十二局)
_AGENCY_LEADERS = tuple(suffix for suffix, type_, _ in SUFFIXES if type_ == "Agency" and len(suffix) >= 3)


def _leader_type(name: str) -> str:
    """A 链主 is an enterprise unless its name says it is a university, an institute or an agency."""
    if name.endswith(_AGENCY_LEADERS):
        return "Agency"
    for suffix, type_, _ in SUFFIXES:
        if name.endswith(suffix) and type_ in ("University", "ResearchInstitute"):
            return type_
    return "Enterprise"


def industry_wording(name: str) -> str | None:
    """煤炭工业转型升级科技创新链 -> 煤炭工业 (the plan's word for the industry)."""
    s = re.sub(r"科技创新链$", "", clean_name(name))
    for q in QUALIFIERS:
        s = s.removesuffix(q)
    return s or None


def is_chain_table(table: Table) -> bool:
    if table.kind == "chain":
        return True
    if table.kind == "indicator":
        return False
    head = "".join(table.header) + table.title
    if "创新链" in head or "产业链" in head:
        return any(_SEQ_MARK.search(c) for r in table.rows for c in r.cells)
    return False


def split_sequences(cell: str) -> list[str]:
    """A cell may hold several sequences: split on commas and on a space before a new sequence."""
    text = norm_text(cell).strip()
    out: list[str] = []
    for part in re.split(r"\s*[,，;；]\s*", text):
        if not part:
            continue
        # "铁-铸造生铁、球墨铸铁、高纯铁等 铁-钢-钢材…": a space followed by a new dash sequence
        pieces = re.split(r"(?<=[\u4e00-\u9fff)等])\s+(?=[^\s(（][^\s]*[-—–→－─>])", part)
        out.extend(p for p in pieces if p.strip())
    return [p for p in out if _SEQ_MARK.search(p)]


def sequence_groups(seq: str) -> list[list[str]]:
    """煤-煤制气-煤基新材料 -> [[煤],[煤制气],[煤基新材料]]; 铁-铸造生铁、球墨铸铁等 ->
    [[铁],[铸造生铁,球墨铸铁]]."""
    steps = [s for s in SEQ_SPLIT.split(seq.strip()) if s.strip()]
    groups: list[list[str]] = []
    for step in steps:
        step = re.sub(r"等$", "", step.strip())
        members = [m.strip() for m in _split_parallel(step) if m.strip()]
        if members:
            groups.append(members)
    return groups


def _split_parallel(step: str) -> list[str]:
    """Split on 、 outside brackets (文旅资源(文化遗迹、自然景观等) stays one stage)."""
    out, depth, cur = [], 0, ""
    for ch in step:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def stage_name(raw: str) -> tuple[str, list[str]]:
    """Canonical stage name and the wording kept as alias: 研究 (考古发掘、内容研究等) -> 研究;
    石墨电极 或其他含碳高性能电极材料 -> 石墨电极."""
    full = clean_name(raw)
    name = _PAREN_TAIL.sub("", norm_text(raw)).strip()
    name = re.split(r"\s+或", name)[0]
    name = re.sub(r"等$", "", clean_name(name))
    aliases = [full] if full != name else []
    return name, aliases


ACTIVITIES = ("研发", "制造", "生产", "运维", "安装", "运输", "加工", "销售", "收储", "储运", "种植", "养殖", "回收",
              "利用", "应用", "服务", "设计", "检测", "维修", "流通", "仓储", "物流", "营销", "推广", "开发", "标准化生产")


# kinds of manufacturing that are industries, not steps of a chain (智能制造 beside 设备制造)
MANUFACTURING_INDUSTRIES = ("智能制造", "先进制造", "高端制造", "增材制造", "绿色制造", "装备制造")


def _is_activity(word: str) -> bool:
    w = re.sub(r"(?:等|全)+$", "", clean_name(word))
    if w in MANUFACTURING_INDUSTRIES:
        return False
    return w in ACTIVITIES or any(w.endswith(a) and len(w) - len(a) <= 3 for a in ("研发", "制造", "加工", "销售"))


def named_chains(text: str) -> list[tuple[str, str, int, int]]:
    """(industry, wording, start, end) of every X产业链 in a (masked) sentence, lead-in verbs cut."""
    out = []
    for m in CHAIN_RE.finditer(text):
        raw = m.group("name")
        start = m.start("name") + lead_cut(raw)
        word = text[start : m.end("name")]
        if not word or text[start - 1 : start] == "、" or re.search(r"[-—”“]", text[max(0, start - 1) : m.end()]):
            continue
        industry = industry_of(word)
        if industry and len(industry) <= 10:
            out.append((industry, word, start, m.end()))
    return out


def is_generic_chain(name: str) -> bool:
    core = re.sub(r"(?:科技)?创新链$", "", name)
    return len(core) < 2 or bool(re.fullmatch(r"(?:全|完整|现代|高效|一体化|开放|协同|区域|特色)*", core))


_GENERIC_STAGE = re.compile(r"^(?:研发|生产|制造|应用|服务|销售|产业化|等|其他|各类|相关)$")


def is_generic_stage(name: str) -> bool:
    return bool(_GENERIC_STAGE.match(name))


_INDUSTRY_WORD = re.compile(r"(?P<w>[\u4e00-\u9fff]{2,16}?)产业(?!链|园|基地|研究|技术|创新|联盟|项目|化|工人|用地|投资|基金|资金|政策)")


def industry_words(text: str) -> list[str]:
    """Industry words a (masked) sentence names: X产业链 and X产业 (智能制造及信创产业 -> 智能制造, 信创)."""
    out = [ind for ind, _, _, _ in named_chains(text)]
    for m in INDUSTRY_LIST.finditer(text):  # 围绕新材料、电子信息产业、生物医药等优势产业: all of them
        out += [ind for mm in re.finditer(r"[^、]+", m.group("list")) if (ind := industry_of(mm.group(0)))]
    for m in _INDUSTRY_WORD.finditer(text):
        word = m.group("w")[lead_cut(m.group("w")):]
        for part in re.split(r"及|、|和|与", word):
            ind = industry_of(part)
            if ind and len(ind) <= 10:
                out.append(ind)
    return out
