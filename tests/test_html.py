"""graph.html in headless Chromium: what is drawn, search, filters, side panel, hostile text, big graphs.

Counting convention: the page draws one edge per (subject, object, predicate, factuality) and that
edge carries every evidence edge of the MultiDiGraph behind it, so "drawn edges" is compared with
the number of such groups and the evidence they carry with `kg.graph.number_of_edges()`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph
from kg.html import write_html

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = ["<img src=x onerror=alert(1)>", '"; alert(1); //', "</script><script>alert(2)</script>"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium")]


@dataclass
class Opened:
    """A loaded page plus everything it tried that it should not have."""

    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, code: str, arg=None):
        return self.page.evaluate(code, arg)

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))


def sample_graph() -> KnowledgeGraph:
    g = KnowledgeGraph()
    g.add_document({"id": "d1", "title": "Strike on the port", "source": "t"})
    g.add_document({"id": "d2", "source": "t"})
    biden = g.add_entity("Person", "Joe Biden", aliases=["Biden", "POTUS"], docs=["d1", "d2"])
    strike = g.add_entity("Attack", "d1 strike", label="strike", docs=["d1"])
    port = g.add_entity("Facility", "Hodeidah port", aliases=["the port"], docs=["d1"])
    yemen = g.add_entity("Country", "Yemen", docs=["d1", "d2"])
    houthis = g.add_entity("Group", "Houthis", aliases=["Ansar Allah"], docs=["d1", "d2"])
    kirby = g.add_entity("Person", "John Kirby", docs=["d2"])
    pentagon = g.add_entity("Organization", "Pentagon", docs=["d2"])
    g.add_entity("Spacecraft", "Odd type", docs=["d2"])  # a type the page has no style for
    hostile = g.add_entity("Organization", HOSTILE[0], aliases=HOSTILE[1:], docs=["d2"])
    rel = g.add_relation
    rel(biden, "authorized", strike, doc="d1", sentence="Biden authorized the strike.", start=0, end=28, confidence=0.9)
    rel(biden, "authorized", strike, doc="d2", sentence="The strike was approved by POTUS.", start=5, end=40,
        confidence=0.7)
    rel(strike, "locatedIn", port, doc="d1", sentence="The strike hit the port.", start=30, end=55, confidence=0.8)
    rel(port, "locatedIn", yemen, doc="d1", sentence="Hodeidah port in Yemen.", start=60, end=84, confidence=0.95)
    rel(houthis, "attacked", port, doc="d1", sentence="Houthis attacked the port.", start=90, end=116, confidence=0.6)
    rel(houthis, "attacked", port, doc="d2", sentence="Houthis may have attacked it.", start=10, end=40,
        confidence=0.4, factuality="hedged")
    rel(port, "attacked", houthis, doc="d2", sentence="The port did not attack.", start=50, end=75, confidence=0.5,
        factuality="negated")
    rel(kirby, "spokespersonFor", pentagon, doc="d2", sentence="Kirby, Pentagon spokesman, said.", start=80,
        end=110, confidence=0.85, factuality="attributed", attributed_to=kirby)
    rel(hostile, "hasAttacker", strike, doc="d2", sentence="<script>window.pwned=1</script> claimed it.",
        start=120, end=160, confidence=0.55)
    return g


def big_graph(n: int) -> KnowledgeGraph:
    """A chain with hubs: node i links to i+1 and to hub i % 7, so degrees differ clearly."""
    g = KnowledgeGraph()
    ids = [g.add_entity("Person" if i % 2 else "City", f"n{i:04d}", docs=["d"]) for i in range(n)]
    for i, s in enumerate(ids):
        for o in {ids[(i + 1) % n], ids[i % 7]} - {s}:
            g.add_relation(s, "locatedIn", o, doc="d", sentence=f"s{i}", start=i, end=i + 1, confidence=0.8)
    return g


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    kg = sample_graph()
    return kg, write_html(kg, tmp_path_factory.mktemp("html") / "graph.html")


def open_page(browser, path: Path, *, bypass_csp: bool = False) -> Opened:
    """Load the page offline: only its own file may load; anything else is aborted and counted."""
    context = browser.new_context(viewport={"width": 1400, "height": 850}, bypass_csp=bypass_csp)
    page = context.new_page()
    opened = Opened(page)
    url = path.resolve().as_uri()

    def route(r):
        if r.request.url == url:
            r.continue_()
        else:
            opened.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=30_000)
    return opened


@pytest.fixture
def opened(browser, sample):
    o = open_page(browser, sample[1])
    yield o
    o.page.context.close()


def drawn_edges(o: Opened) -> dict[str, dict]:
    """Edges vis-network has actually built (network.body.edges), with their evidence counts."""
    return o.js("""() => Object.fromEntries(Object.keys(kg.network.body.edges).map(id => {
        const e = kg.data.edges.find(x => x.id === id);
        return [id, {predicate: e.predicate, from: e.from, to: e.to, evidence: e.evidence.length}];
    }))""")


def node_dom_point(o: Opened, node: str) -> tuple[float, float]:
    """Page coordinates of a drawn node's centre."""
    xy = o.js("""(id) => { const p = kg.network.getPositions([id])[id];
        const d = kg.network.canvasToDOM(p); const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", node)
    return xy[0], xy[1]


def test_counts_match_graph(opened, sample):
    kg, _ = sample
    groups = {(s, o, d["predicate"], d["factuality"]) for s, o, d in kg.graph.edges(data=True)}
    nodes = opened.js("() => Object.keys(kg.network.body.nodes).sort()")
    edges = drawn_edges(opened)
    assert nodes == sorted(kg.graph)
    assert len(edges) == len(groups) == 8
    assert sum(e["evidence"] for e in edges.values()) == kg.graph.number_of_edges() == 9
    counts = opened.page.text_content("#kg-counts")
    assert "9 of 9 entities" in counts and "8 of 8 relations (9 evidence" in counts
    opened.shot("sample")


def test_search_focuses_node_by_alias(opened, sample):
    kg, _ = sample
    biden = kg.find("Joe Biden")[0]
    opened.page.fill("#kg-query", "potus")
    opened.page.press("#kg-query", "Enter")
    opened.page.wait_for_timeout(700)  # focus animation is 300 ms
    assert opened.js("() => kg.network.getSelectedNodes()") == [biden]
    view, pos = opened.js("(id) => [kg.network.getViewPosition(), kg.network.getPositions([id])[id]]", biden)
    assert math.dist((view["x"], view["y"]), (pos["x"], pos["y"])) < 2
    assert opened.page.text_content("#kg-panel h2") == "Joe Biden"
    opened.page.fill("#kg-query", "no such entity")
    opened.page.press("#kg-query", "Enter")
    assert "No entity named" in opened.page.text_content("#kg-search-status")
    opened.shot("search")


def test_relation_filter_hides_exactly_that_relation(opened, sample):
    before = drawn_edges(opened)
    opened.page.uncheck("#kg-relations input[value=attacked]")
    after = drawn_edges(opened)
    assert set(after) == {k for k, e in before.items() if e["predicate"] != "attacked"}
    assert len(after) < len(before)
    assert opened.js("() => Object.keys(kg.network.body.nodes).length") == len(sample[0].graph)
    opened.page.check("#kg-relations input[value=attacked]")
    assert set(drawn_edges(opened)) == set(before)


def test_type_confidence_and_factuality_filters(opened):
    opened.page.uncheck("#kg-types input[value=Person]")
    assert opened.js("() => Object.keys(kg.network.body.nodes).filter(id => kg.nodes.get(id).kgType === 'Person')") == []
    edges = drawn_edges(opened)
    persons = set(opened.js("() => kg.data.nodes.filter(n => n.type === 'Person').map(n => n.id)"))
    assert edges and not any(e["from"] in persons or e["to"] in persons for e in edges.values())
    opened.page.check("#kg-types input[value=Person]")
    opened.page.uncheck("#kg-factuality input[value=negated]")
    opened.page.fill("#kg-confidence", "0.8")
    kept = opened.js("""() => Object.keys(kg.network.body.edges).map(id => kg.edges.get(id))
                              .map(e => [e.factuality, e.confidence])""")
    assert kept and all(f != "negated" and c >= 0.8 for f, c in kept)
    assert len(kept) == 4  # authorized 0.9, locatedIn 0.8 and 0.95, spokespersonFor 0.85


def test_click_node_shows_relations_panel(opened, sample):
    kg, _ = sample
    port = kg.find("Hodeidah port")[0]
    opened.page.mouse.click(*node_dom_point(opened, port))
    assert opened.page.is_visible("#kg-panel")
    assert opened.page.text_content("#kg-panel h2") == "Hodeidah port"
    predicates = opened.page.eval_on_selector_all("#kg-panel-relations h3", "hs => hs.map(h => h.dataset.predicate)")
    assert predicates == ["attacked", "locatedIn"]
    listed = set(opened.page.eval_on_selector_all("#kg-panel-relations [data-edge]", "xs => xs.map(x => x.dataset.edge)"))
    expected = {k for k, e in drawn_edges(opened).items() if port in (e["from"], e["to"])}
    assert listed == expected and len(listed) == 5
    panel = opened.page.text_content("#kg-panel")
    assert "the port" in panel and "d1 — Strike on the port" in panel
    opened.shot("panel")


def test_hover_shows_node_and_edge_details(opened, sample):
    kg, _ = sample
    houthis, port = kg.find("Houthis")[0], kg.find("Hodeidah port")[0]
    opened.page.mouse.move(*node_dom_point(opened, houthis))
    opened.page.wait_for_selector("div.vis-tooltip", state="visible")
    tip = opened.page.text_content("div.vis-tooltip")
    assert "Houthis" in tip and "Ansar Allah" in tip and "Group" in tip
    opened.page.mouse.move(5, 5)
    opened.js("() => kg.network.setOptions({edges: {smooth: false}})")  # straight, so the midpoint is on it
    ids = opened.js("() => kg.data.edges.filter(e => e.predicate === 'locatedIn').map(e => [e.from, e.to])")
    a, b = next((f, t) for f, t in ids if f == port)
    (ax, ay), (bx, by) = node_dom_point(opened, a), node_dom_point(opened, b)
    opened.page.mouse.move((ax + bx) / 2, (ay + by) / 2)
    opened.page.wait_for_selector("div.vis-tooltip >> text=Hodeidah port in Yemen.", state="visible")
    tip = opened.page.text_content("div.vis-tooltip")
    assert "locatedIn" in tip and "asserted" in tip and "0.95" in tip and "d1 — Strike on the port" in tip
    opened.shot("hover-edge")


def test_hostile_labels_stay_text(browser, sample):
    kg, path = sample
    source = path.read_text(encoding="utf-8")
    assert source.count("</script") == 3  # only the page's own three script elements
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:|url\(\s*["']?https?:|@import""", source)
    o = open_page(browser, path, bypass_csp=True)  # the escaping must hold even without the CSP
    try:
        hostile = kg.find(HOSTILE[0])[0]
        for name in HOSTILE:
            o.page.fill("#kg-query", name)
            o.page.press("#kg-query", "Enter")
            assert o.js("() => kg.network.getSelectedNodes()") == [hostile]
        o.page.mouse.click(*node_dom_point(o, hostile))
        assert o.page.text_content("#kg-panel h2") == HOSTILE[0]
        aliases = o.page.eval_on_selector_all("#kg-panel-aliases li", "ls => ls.map(l => l.textContent)")
        assert aliases == sorted(HOSTILE[1:])
        edge = o.js("() => kg.data.edges.find(e => e.predicate === 'hasAttacker').id")
        o.js("(id) => kg.showEdge(id)", edge)
        assert "<script>window.pwned=1</script> claimed it." in o.page.text_content("#kg-panel")
        o.page.mouse.move(*node_dom_point(o, hostile))
        o.page.wait_for_selector("div.vis-tooltip", state="visible")
        assert HOSTILE[0] in o.page.text_content("div.vis-tooltip")
        o.page.wait_for_timeout(300)
        assert o.dialogs == []
        assert o.js("() => [window.pwned, document.querySelectorAll('img, #kg-panel script, .vis-tooltip *:not(div):not(strong)').length]") == [None, 0]
        assert o.errors == [] and o.blocked == []
        o.shot("hostile")
    finally:
        o.page.context.close()


def test_offline_and_no_console_errors(browser, sample):
    o = open_page(browser, sample[1])
    try:
        o.page.fill("#kg-query", "Ansar Allah")
        o.page.press("#kg-query", "Enter")
        o.page.uncheck("#kg-relations input[value=locatedIn]")
        o.page.fill("#kg-confidence", "0.5")
        o.page.check("#kg-relations input[value=locatedIn]")
        o.page.wait_for_timeout(500)
        assert o.blocked == []
        assert o.errors == []
        assert o.dialogs == []
    finally:
        o.page.context.close()


def test_big_graph_shows_most_connected_and_says_what_is_left_out(browser, tmp_path):
    kg = big_graph(400)
    path = write_html(kg, tmp_path / "graph.html", max_nodes=100)
    o = open_page(browser, path)
    try:
        shown = set(o.js("() => Object.keys(kg.network.body.nodes)"))
        left = set(kg.graph) - shown
        assert len(shown) == 100
        assert min(kg.graph.degree(n) for n in shown) >= max(kg.graph.degree(n) for n in left)
        groups = {(s, t, d["predicate"], d["factuality"]) for s, t, d in kg.graph.edges(data=True)}
        omitted = sum(1 for s, t, _, _ in groups if s in left or t in left)
        banner = o.page.text_content("#kg-omitted")
        assert o.page.is_visible("#kg-omitted")
        assert "100 most connected of 400 entities" in banner
        assert f"Left out: 300 entities and {omitted:,} relations" in banner
        assert len(drawn_edges(o)) == len(groups) - omitted
        assert o.js("() => kg.network.physics.options.enabled") is False  # frozen after stabilizing
        assert o.errors == [] and o.blocked == []
        o.shot("big")
    finally:
        o.page.context.close()


def test_small_graph_has_no_omission_banner(opened):
    assert not opened.page.is_visible("#kg-omitted")
    assert opened.js("() => kg.network.physics.options.enabled") is False


def test_seed_build_page_draws_the_whole_graph(browser, seed_out, seed_graph):
    """The page `make demo` writes, opened offline: every node and every relation is drawn."""
    o = open_page(browser, seed_out / "graph.html")
    try:
        groups = {(s, t, d["predicate"], d["factuality"]) for s, t, d in seed_graph.graph.edges(data=True)}
        nodes = o.js("() => Object.keys(kg.network.body.nodes).sort()")
        edges = drawn_edges(o)
        assert nodes == sorted(seed_graph.graph)
        assert len(edges) == len(groups)
        assert sum(e["evidence"] for e in edges.values()) == seed_graph.graph.number_of_edges()
        assert o.blocked == [] and o.errors == [] and o.dialogs == []
        o.shot("seeds")
    finally:
        o.page.context.close()
