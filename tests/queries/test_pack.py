"""Every pack query on the corpus graph, in every store, with exact rows for known facts."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.queries import get_query, load_pack, run_cypher, run_query, write_clause

LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"
CHANGZHI = "changzhi-2022-innovation-ecosystem-plan.txt"

STORES = ["embedded", "bolt"]


@pytest.fixture(params=STORES)
def store(request):
    """The corpus graph loaded in each store: embedded FalkorDB, and the Neo4j adapter over Bolt."""
    return request.getfixturevalue("embedded" if request.param == "embedded" else "bolt_store")


def test_pack_has_every_question_with_headers():
    pack = load_pack()
    assert {
        "chain_leaders", "chain_profile", "chain_gaps", "platforms", "collaboration", "cross_city_chains",
        "entity_profile", "path", "city_overview", "targets", "programmes", "policies", "search",
        "most_connected", "evidence",
    } <= set(pack)
    for q in pack.values():
        assert q.title["zh"] and q.title["en"] and q.description and q.columns
        assert write_clause(q.cypher) is None


def test_chain_leaders(store):
    rows = run_query(store, "chain_leaders", {"city": "临汾市"})
    assert {"enterprise": "晋南钢铁集团", "chain": "氢能产业链", "city": "临汾市", "doc": LINFEN, "line": 248,
            "quote": "依托晋南钢铁集团作为氢能产业链“链主”企业"} in rows
    assert all(r["city"] == "临汾市" for r in rows)


def test_chain_profile_hydrogen(store):
    rows = run_query(store, "chain_profile", {"chain": "氢能"})
    assert {r["chain"] for r in rows} == {"氢能产业链"}
    got = {(r["relation"], r["name"], r["city"]) for r in rows}
    assert ("LEADS_CHAIN", "晋南钢铁集团", "临汾市") in got
    assert {("DEVELOPS_CHAIN", "临汾市", "临汾市"), ("DEVELOPS_CHAIN", "长治市", "长治市")} <= got
    # Changzhi line 246: 制氢—储运—加氢站—燃料电池—氢能综合利用, in order
    stages = sorted((r["detail"], r["name"]) for r in rows if r["relation"] == "HAS_STAGE" and r["city"] == "长治市")
    sequence = ["制氢", "储运", "加氢站", "燃料电池", "氢能综合利用"]
    assert [n for _, n in stages if n in sequence] == sequence


def test_cross_city_chains_include_hydrogen(store):
    rows = {r["chain"]: r for r in run_query(store, "cross_city_chains")}
    assert {"临汾市", "长治市"} <= set(rows["氢能产业链"]["cities"])
    assert "晋南钢铁集团（临汾市）" in rows["氢能产业链"]["leaders"]
    assert all(r["n_cities"] >= 2 for r in rows.values())


def test_evidence_for_a_fact(store):
    rows = run_query(store, "evidence", {"source": "晋南钢铁集团", "target": "氢能产业链", "relation": "LEADS_CHAIN"})
    assert [(r["doc"], r["line"]) for r in rows] == [(LINFEN, 248)]


def test_entity_profile_by_short_name(store):
    rows = run_query(store, "entity_profile", {"name": "晋南钢铁"})
    assert {r["entity"] for r in rows} == {"晋南钢铁集团"}
    assert ("out", "LEADS_CHAIN", "氢能产业链") in {(r["direction"], r["relation"], r["other"]) for r in rows}


def test_path_between_leader_and_other_city(store):
    rows = run_query(store, "path", {"a": "晋南钢铁集团", "b": "长治市", "max_hops": 2})
    assert {"hops": 2, "names": ["晋南钢铁集团", "氢能产业链", "长治市"], "relations": ["LEADS_CHAIN", "DEVELOPS_CHAIN"]} in rows
    assert all(r["hops"] <= 2 for r in rows)


def test_search_chinese_substring(store):
    rows = run_query(store, "search", {"q": "钢铁", "type": "Enterprise"})
    assert "晋南钢铁集团" in {r["name"] for r in rows}
    assert all("钢铁" in r["name"] or any("钢铁" in a for a in r["aliases"]) for r in rows)


def test_targets_linfen_high_tech_enterprises(store):
    rows = run_query(store, "targets", {"city": "临汾市", "indicator": "高新技术企业"})
    hit = [r for r in rows if r["line"] == 150]
    assert hit and hit[0]["value"] == 150 and hit[0]["year"] == 2025 and hit[0]["baseline"] == 106


def test_policies_include_the_plans_themselves(store):
    rows = run_query(store, "policies", {"city": "临汾市"})
    plan = [r for r in rows if r["doc_number"] == "临政发〔2022〕27号"]
    assert plan and plan[0]["issuer"] == "临汾市人民政府"


def test_programmes_111(store):
    rows = run_query(store, "programmes", {"city": "临汾市", "name": "111"})
    assert rows and all("111" in r["programme"] for r in rows)


def test_city_overview_counts_match_graph(store, corpus):
    rows = run_query(store, "city_overview", {"city": "临汾市"})
    counts = {r["name"]: r["value"] for r in rows if r["section"] == "count"}
    expected: dict[str, int] = {}
    for n in corpus.graph.nodes:
        if n.city == "临汾市":
            expected[n.type] = expected.get(n.type, 0) + 1
    assert counts == expected
    chains = {r["name"] for r in rows if r["section"] == "chain actors"}
    assert "氢能产业链" in chains


def test_chain_gaps_are_chains_without_leader(store, corpus):
    rows = run_query(store, "chain_gaps", {"city": "临汾市"})
    no_leader = {r["chain"] for r in rows if r["gap"] == "no leader"}
    assert "氢能产业链" not in no_leader
    idx = corpus.graph.node_index()
    developed = {idx[e.target].name for e in corpus.graph.edges if e.type == "DEVELOPS_CHAIN" and idx[e.source].name == "临汾市"}
    led = {idx[e.target].name for e in corpus.graph.edges if e.type == "LEADS_CHAIN" and e.properties.get("city") == "临汾市"}
    assert no_leader == developed - led


def test_most_connected_degrees_match_graph(store, corpus):
    rows = run_query(store, "most_connected", {"city": "临汾市", "limit": 5})
    assert 0 < len(rows) <= 5
    degree: dict[str, int] = {}
    for e in corpus.graph.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    by_name = {n.name: n.id for n in corpus.graph.nodes if n.city == "临汾市"}
    for r in rows:
        assert r["degree"] == degree[by_name[r["name"]]]
    assert [r["degree"] for r in rows] == sorted((r["degree"] for r in rows), reverse=True)


def test_platforms_and_collaboration_run(store, corpus):
    plats = run_query(store, "platforms", {})
    assert {r["platform"] for r in plats} == {n.name for n in corpus.graph.nodes if n.type == "Platform"}
    idx = corpus.graph.node_index()
    hosted = {(idx[e.target].name, idx[e.source].name) for e in corpus.graph.edges if e.type == "HOSTS"}
    assert hosted <= {(r["platform"], r["host"]) for r in plats}
    collab = run_query(store, "collaboration", {"city": "临汾市"})
    pairs = {(r["a"], r["b"]) for r in collab} | {(r["b"], r["a"]) for r in collab}
    assert ("晋南钢铁集团", "中国华能") in pairs


# ---------------------------------------------------------------- parameters and read-only


def test_missing_required_parameter():
    with pytest.raises(QueryError, match="needs parameter chain"):
        get_query("chain_profile").bind({})


def test_wrong_type_parameter():
    with pytest.raises(QueryError, match="max_hops must be int"):
        get_query("path").bind({"a": "x", "b": "y", "max_hops": "four"})


def test_unknown_parameter_and_query():
    with pytest.raises(QueryError, match="has no parameter town"):
        get_query("chain_leaders").bind({"town": "临汾市"})
    with pytest.raises(QueryError, match="no query named 'leaders'; did you mean chain_leaders"):
        get_query("leaders")


def test_cli_strings_are_converted():
    assert get_query("path").bind({"a": "x", "b": "y", "max_hops": "3"})["max_hops"] == 3


def test_writes_are_refused_on_every_store(store):
    before = store.counts()
    for text in ("MATCH (n:Entity) DETACH DELETE n", "CREATE (:Evil {name: 'x'})", "MATCH (n) SET n.name = 'x'"):
        with pytest.raises(QueryError, match="read-only"):
            run_cypher(store, text)
    assert store.counts() == before


def test_hostile_parameter_is_data_not_code(store):
    rows = run_query(store, "search", {"q": "\"}) DETACH DELETE n //"})
    assert rows == []
    assert run_query(store, "chain_leaders", {"chain": "氢能"})
