"""Markdown and HTML reports: counts, chain structure, tables, the view, numbered sources."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from kg.export import export, select
from kg.report import build_report, md_escape, to_html, to_markdown

from ..conftest import LINFEN
from .conftest import HOSTILE_NAMES


def source_number(md: str, doc: str, line: int, *words: str) -> int:
    """The number of the source citing `doc` line `line` with a quote containing `words`."""
    for m in re.finditer(rf"^\[\^(\d+)\]: {re.escape(md_escape(doc))}, 第 {line} 行 line {line}: 「(.*)」$", md, re.M):
        if all(w in m.group(2) for w in words):
            return int(m.group(1))
    raise AssertionError(f"no source {doc}:{line} quoting {words}")


def test_hydrogen_chain_report_cites_line_248_for_its_leader(corpus, tmp_path):
    path = export(select(corpus.graph, chain="氢能产业链"), tmp_path / "h.md", "md")
    md = path.read_text(encoding="utf-8")
    assert md.startswith("# 氢能产业链")
    n = source_number(md, LINFEN, 248, "晋南钢铁集团", "链主")
    leader_line = next(ln for ln in md.splitlines() if ln.startswith("- 链主 Leaders:"))
    assert "晋南钢铁集团" in leader_line and f"[^{n}]" in leader_line
    source = next(ln for ln in md.splitlines() if ln.startswith(f"[^{n}]:"))
    assert "依托晋南钢铁集团作为氢能产业链“链主”企业" in source
    # the chain structure: leader → chain → innovation chain → ordered stages (专栏 8 of the plan)
    assert "- 链主 Leaders: 晋南钢铁集团" in md
    stages = [re.sub(r"\[\^\d+\]", "", ln) for ln in md.splitlines() if ln.strip().startswith("- 环节 Stages:")]
    assert "  - 环节 Stages: 氢能制备 → 储存 → 运输 → 加注 → 终端利用" in stages
    # the LEADS_CHAIN row of the relationship table points at the same source
    table = md.split("### LEADS\\_CHAIN")[1].split("###")[0]
    row = next(ln for ln in table.splitlines() if ln.startswith("| 晋南钢铁集团 |"))
    assert "氢能产业链" in row and f"[^{n}]" in row
    # every footnote used is defined and numbered 1..N in order of first use
    used = [int(x) for x in re.findall(r"\[\^(\d+)\](?!:)", md)]
    defined = [int(x) for x in re.findall(r"^\[\^(\d+)\]:", md, re.M)]
    assert defined == list(range(1, len(defined) + 1)) == sorted(set(used))
    first_use = list(dict.fromkeys(used))
    assert first_use == sorted(first_use)


def test_report_counts_match_the_selection(corpus):
    sel = select(corpus.graph, chain="氢能产业链")
    r = build_report(sel.graph, sel.title)
    summary = dict(r.summary)
    assert summary["实体 Entities"] == str(len(sel.graph.nodes))
    assert summary["关系 Relationships"] == str(len(sel.graph.edges))
    assert dict(r.node_counts) == sel.graph.counts()["nodes"]
    statements = {ev.key() for item in [*sel.graph.nodes, *sel.graph.edges] for ev in item.evidence}
    assert {ev.key() for ev in r.sources} == statements  # every statement's evidence is listed


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.iframes: list[dict] = []
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "iframe":
            self.iframes.append(a)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a":
            self.hrefs.append(a.get("href", ""))

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_embeds_the_view_offline_and_cites_sources(corpus, tmp_path):
    page = export(select(corpus.graph, chain="氢能产业链"), tmp_path / "h.html", "html").read_text(encoding="utf-8")
    p = Collect()
    p.feed(page)
    assert p.tags.count("script") == 0, "the report page runs no script of its own"
    assert len(p.iframes) == 1 and p.iframes[0]["sandbox"] == "allow-scripts"
    view = p.iframes[0]["srcdoc"]
    assert "vis.Network" in view and ("晋南钢铁集团" in view or json.dumps("晋南钢铁集团")[1:-1] in view)
    assert "default-src 'none'" in page  # CSP: no network request from the page or the view
    text = "".join(p.text)
    assert "晋南钢铁集团" in text and "链主 Leaders" in text
    cites = [m.group(1) for m in re.finditer(rf'<li id="src-(\d+)">{re.escape(LINFEN)}, 第 248 行 line 248: 「([^」]*)」', page)
             if "晋南钢铁集团" in m.group(2) and "链主" in m.group(2)]
    assert len(cites) == 1 and f"#src-{cites[0]}" in p.hrefs
    assert all(h[1:] in p.ids for h in p.hrefs if h.startswith("#"))


def test_hostile_names_are_escaped_in_markdown(hostile):
    md = to_markdown(build_report(hostile, "<b>title</b> | x"))
    assert not re.search(r"(?<!\\)[<>]", md), "every < and > from a name is escaped"
    # every table row has as many cells as its header: no name broke out of its cell
    for block in re.split(r"\n\n", md):
        rows = [ln for ln in block.splitlines() if ln.startswith("|")]
        if rows:
            widths = {len(re.findall(r"(?<!\\)\|", ln)) for ln in rows}
            assert len(widths) == 1, block
    assert "\\[链接\\](http://x)" in md  # no link
    assert "first line second line third col" in md  # no line break inside a cell
    assert "\u202e" not in md and "rtl ⟨U+202E⟩gnp.exe" in md  # bidi controls shown, not obeyed


def test_hostile_names_are_escaped_in_html(hostile):
    page = to_html(build_report(hostile, "<b>title</b>"), view=False)
    p = Collect()
    p.feed(page)
    assert set(p.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "tr",
                           "th", "td", "sup", "a", "ul", "li", "ol"}
    text = "".join(p.text)
    for name in HOSTILE_NAMES[1:8]:
        assert name in text
    assert "\u202e" not in page


def test_html_view_of_hostile_names_stays_inside_its_iframe(hostile):
    page = to_html(build_report(hostile, "t"))
    p = Collect()
    p.feed(page)
    assert p.tags.count("script") == 0 and len(p.iframes) == 1


def test_chain_structure_orders_stages(hostile):
    r = build_report(hostile, "t")
    (c,) = r.chains
    assert c.path == [HOSTILE_NAMES[0], "测试'产业链\"|*", "测试科技创新链", "制氢", "储运|", "加氢站<", "燃料电池"]
    labels = {p.label: [s.name for s in p.items] for p in c.parts}
    assert labels["链主 Leaders"] == [HOSTILE_NAMES[0] + " (临汾市)"]
    assert len(labels["链上成员 Members"]) == len(HOSTILE_NAMES) - 1
    assert labels["创新平台 Platforms"] == [f"山西省<氢能>重点实验室 (依托 {HOSTILE_NAMES[0]})"]
    assert [[s.name for s in seq] for seq in c.innovation[0].sequences] == [["制氢", "储运|", "加氢站<", "燃料电池"]]


def test_big_selection_has_no_embedded_view(hostile, monkeypatch):
    import kg.views

    monkeypatch.setattr(kg.views, "MAX_NODES", 3)
    page = to_html(build_report(hostile, "t"))
    assert "<iframe" not in page and "GraphML or GEXF" in page
