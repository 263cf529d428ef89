"""The notebooks in notebooks/ run start to finish on the bundled corpus (real build, real embedded
FalkorDB, real pyvis pages, real matplotlib) and show facts the plans state.

Each notebook is executed from a temporary copy (its folder is the working directory, as in
Jupyter), with a per-cell timeout and a limit for the whole notebook. The three run at the same
time: each mostly waits on its kernel and its store, so together they take about as long as the
slowest one alone.
"""

from __future__ import annotations

import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat
import pytest

from kg.pipeline import BuildResult

from .execute import CELL_TIMEOUT, NOTEBOOKS, Run, execute, notebook_paths

NOTEBOOK_LIMIT = 60.0
"""Seconds a whole notebook may take (about 20-30 s here)."""
MAX_BYTES = 2 * 1024 * 1024
EXPECTED = ["01_build_and_explore", "02_chain_analysis", "03_targets_and_cities"]
LINFEN = "linfen-2022-innovation-ecosystem-plan.txt"
CHANGZHI = "changzhi-2022-innovation-ecosystem-plan.txt"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notebooks")
    for path in notebook_paths():
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def runs(workdir: Path) -> dict[str, Run | BaseException]:
    """Every notebook executed once (concurrently); a failure is kept for its own test to report."""

    def one(path: Path) -> Run | BaseException:
        try:
            return execute(path, workdir, timeout=CELL_TIMEOUT)
        except BaseException as exc:  # noqa: BLE001 - reported by the notebook's test
            return exc

    paths = sorted(workdir.glob("*.ipynb"))
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return dict(zip((p.stem for p in paths), pool.map(one, paths)))


def _run(runs: dict[str, Run | BaseException], name: str) -> Run:
    result = runs[name]
    if isinstance(result, BaseException):
        pytest.fail(f"{name}.ipynb failed: {result}")
    return result


def _output_text(output: dict[str, Any]) -> str:
    if output["output_type"] == "stream":
        return output["text"]
    if output["output_type"] in ("execute_result", "display_data"):
        data = output["data"]
        return data.get("text/plain", "") + "\n" + data.get("text/html", "")
    if output["output_type"] == "error":
        return f"{output['ename']}: {output['evalue']}"
    return ""


def cell_text(nb: nbformat.NotebookNode, marker: str) -> str:
    """All output text of the code cell whose source contains `marker` (exactly one such cell)."""
    cells = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
    assert len(cells) == 1, f"{len(cells)} code cells contain {marker!r}"
    return "\n".join(_output_text(o) for o in cells[0].outputs)


def stderr_text(nb: nbformat.NotebookNode) -> str:
    return "\n".join(o["text"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
                     if o["output_type"] == "stream" and o["name"] == "stderr")


def rows_with(text: str, *words: str) -> list[str]:
    """Rows of a table (HTML `<tr>` of a DataFrame, or a line of text) that hold all `words`."""
    rows = re.findall(r"<tr>(.*?)</tr>", text, re.S) + text.splitlines()
    return [r for r in rows if all(w in r for w in words)]


def cjk_font_installed() -> bool:
    from matplotlib import font_manager

    return any("NotoSansCJK" in Path(p).name for p in font_manager.findSystemFonts())


# ------------------------------------------------------------------ every notebook


def test_the_three_notebooks_are_there() -> None:
    assert [p.stem for p in notebook_paths()][:3] == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_runs_clean_within_the_limits(runs: dict[str, Run | BaseException], name: str) -> None:
    run = _run(runs, name)
    errors = [o for c in run.notebook.cells if c.cell_type == "code" for o in c.outputs if o["output_type"] == "error"]
    assert not errors
    assert run.seconds < NOTEBOOK_LIMIT, f"{name} took {run.seconds:.1f} s"
    assert "missing from font" not in stderr_text(run.notebook)
    assert "Traceback" not in stderr_text(run.notebook)


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_copy_has_its_outputs(runs: dict[str, Run | BaseException], name: str) -> None:
    """The committed notebook was executed top to bottom, every cell that shows something shows it,
    it stays small and names no per-run temporary path."""
    path = NOTEBOOKS / f"{name}.ipynb"
    assert path.stat().st_size < MAX_BYTES
    committed = nbformat.read(path, as_version=4)
    nbformat.validate(committed)
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    fresh = [c for c in _run(runs, name).notebook.cells if c.cell_type == "code"]
    assert [c.source for c in code] == [c.source for c in fresh]
    for old, new in zip(code, fresh):
        assert bool(old.outputs) == bool(new.outputs), f"outputs of {old.id} differ from a fresh run: re-run " \
                                                       "`python -m tests.notebooks.execute`"
    text = json.dumps([c.outputs for c in code], ensure_ascii=False)
    assert not re.search(r"/tmp/|/var/folders/|kg-nb-\w{6}", text)
    assert "error" not in {o["output_type"] for c in code for o in c.outputs}


# ------------------------------------------------------------------ 01 build and explore


def test_01_shows_the_build_and_the_chain_leaders(runs: dict[str, Run | BaseException], corpus: BuildResult,
                                                  workdir: Path) -> None:
    nb = _run(runs, "01_build_and_explore").notebook
    g = corpus.graph
    assert f"5 documents → {len(g.nodes)} entities, {len(g.edges)} relationships" in cell_text(nb, "result = build()")
    counts = cell_text(nb, "by_class = ")
    for cls, n in g.counts()["nodes"].items():
        assert rows_with(counts, cls, str(n)), f"{cls} {n} missing from the counts table"
    assert f"loaded {len(g.nodes)} nodes" in cell_text(nb, "store.load(graph)")
    # the leader table: 晋南钢铁集团 leads 氢能产业链 in 临汾市, linfen plan line 248
    leaders = cell_text(nb, 'run_query(store, "chain_leaders")')
    assert rows_with(leaders, "晋南钢铁集团", "氢能产业链", "临汾市", LINFEN)
    assert "248" in leaders
    # and the evidence line read back from the plan says so
    evidence = cell_text(nb, "PLANS / row")
    assert f"{LINFEN}:248" in evidence and "依托晋南钢铁集团作为氢能产业链“链主”企业" in evidence
    # one pyvis view, written next to the notebook and shown in an IFrame
    view = cell_text(nb, "views.graph_view(graph)")
    assert f"{len(g.nodes)} nodes" in view and 'src="out/01_graph.html"' in view
    page = (workdir / "out" / "01_graph.html").read_text(encoding="utf-8")
    assert "晋南钢铁集团" in page and "new vis.Network" in page and "<script src=" not in page


# ------------------------------------------------------------------ 02 chain analysis


def test_02_compares_the_hydrogen_chain_in_linfen_and_changzhi(runs: dict[str, Run | BaseException]) -> None:
    nb = _run(runs, "02_chain_analysis").notebook
    assert rows_with(cell_text(nb, '"cross_city_chains"'), "氢能产业链", "临汾市", "长治市", "晋南钢铁集团（临汾市）")
    assert rows_with(cell_text(nb, '"chain_leaders"'), "晋南钢铁集团", "氢能产业链", "临汾市")
    # Changzhi's plan names 山西省氢能安全装备工程研究中心 for the chain (line 250)
    assert rows_with(cell_text(nb, '"platforms"'), "山西省氢能安全装备工程研究中心", "长治市")
    # the stage sequence of line 246: 制氢—储运—加氢站—燃料电池—氢能综合利用
    assert rows_with(cell_text(nb, "run_cypher(store"), "长治市", "制氢 → 储运 → 加氢站 → 燃料电池 → 氢能综合利用")
    gaps = cell_text(nb, '"chain_gaps"')
    assert rows_with(gaps, "长治市", "no leader", CHANGZHI)
    comparison = cell_text(nb, "comparison = ")
    assert rows_with(comparison, "链主 leader", "晋南钢铁集团")
    assert rows_with(comparison, "平台 platforms", "山西省氢能安全装备工程研究中心")
    assert rows_with(cell_text(nb, "per_chain = "), "氢能产业链", "临汾市")


def test_02_and_03_plot_with_a_cjk_font(runs: dict[str, Run | BaseException]) -> None:
    for name, marker in (("02_chain_analysis", "plot.plot.barh"), ("03_targets_and_cities", "plt.subplots(")):
        nb = _run(runs, name).notebook
        cells = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
        assert any("image/png" in o.get("data", {}) for o in cells[0].outputs), f"{name}: no plot"
        font = cell_text(nb, "Chinese labels drawn with")
        if cjk_font_installed():
            assert "Noto Sans CJK SC" in font or "Noto Sans CJK" in font
        else:  # the notebook warns and goes on
            assert "None" in font


# ------------------------------------------------------------------ 03 targets and cities


def test_03_compares_targets_and_exports_a_report(runs: dict[str, Run | BaseException]) -> None:
    nb = _run(runs, "03_targets_and_cities").notebook
    # 高新技术企业 2025: 临汾 150 家 (linfen line 150), 运城 300 家 (yuncheng line 117)
    table = cell_text(nb, "table = (")
    assert rows_with(table, "高新技术企业", "150家", "300家")
    # 技术合同: one keyword finds the three cities' differently named indicators
    contracts = cell_text(nb, '"indicator": "技术合同"')
    assert rows_with(contracts, "临汾市", "年技术合同成交额", "60", "30.0", LINFEN)
    assert rows_with(contracts, "运城市", "年技术合同交易额", "60")
    # 晋南钢铁与中国华能合作 (linfen line 250)
    assert rows_with(cell_text(nb, '"collaboration"'), "中国华能", "晋南钢铁集团", "临汾市")
    assert 'src="out/03_collaboration.html"' in cell_text(nb, "views.collaboration_view(graph)")
    files = cell_text(nb, "export.select(graph")
    for name in ("chain-氢能产业链.md", "chain-氢能产业链.html", "chain-氢能产业链-csv/nodes.csv",
                 "chain-氢能产业链-csv/edges.csv"):
        assert name in files
    head = cell_text(nb, 'written["md"]')
    assert head.startswith("# 氢能产业链") and "## 概要 Summary" in head
    assert rows_with(cell_text(nb, "nodes.csv"), "Enterprise", "晋南钢铁集团", "临汾市")
