// Draws the inlined knowledge graph. Every graph string is untrusted: it reaches the page only
// through textContent (never innerHTML), and tooltips are DOM elements, not HTML strings.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const SYMBOLS = { dot: "●", square: "■", hexagon: "⬢", triangle: "▲", triangleDown: "▼", diamond: "◆", star: "★" };
  const FACTUALITY = ["asserted", "attributed", "hedged", "negated"];
  const DASHES = { asserted: false, attributed: [8, 4], hedged: [4, 4], negated: [2, 6] };
  const LINE_STYLE = { asserted: "solid", attributed: "dashed", hedged: "dashed", negated: "dotted" };
  const UNKNOWN = { color: "#9e9e9e", shape: "dot" };
  const fmt = (n) => n.toLocaleString("en-US");
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const typeStyle = (t) => data.types[t] || UNKNOWN;
  const labelOf = (id) => (byId.get(id) || { label: id }).label;
  const docName = (id) => (data.docs[id] ? id + " — " + data.docs[id] : id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function short(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function evidenceBlock(edge, limit) {
    const box = el("div");
    edge.evidence.slice(0, limit).forEach((ev) => {
      const item = el("div", null, "kg-evidence");
      item.append(el("div", "“" + ev.sentence + "”", "kg-quote"));
      let meta = docName(ev.doc) + " · confidence " + ev.confidence.toFixed(2);
      if (ev.attributedTo) meta += " · according to " + ev.attributedTo;
      item.append(el("div", meta, "kg-muted"));
      box.append(item);
    });
    if (edge.evidence.length > limit) {
      box.append(el("div", "… and " + (edge.evidence.length - limit) + " more (click the relation)", "kg-muted"));
    }
    return box;
  }

  function nodeTip(n) {
    const box = el("div", null, "kg-tip");
    box.append(el("strong", n.label), el("div", n.type, "kg-muted"));
    if (n.aliases.length) box.append(el("div", "Also: " + n.aliases.join(", ")));
    box.append(el("div", n.mentions + " mention(s) in " + n.docs.length + " document(s)", "kg-muted"));
    return box;
  }

  function edgeTitle(e) {
    return labelOf(e.from) + " — " + e.predicate + " → " + labelOf(e.to);
  }

  function edgeTip(e) {
    const box = el("div", null, "kg-tip");
    box.append(el("strong", edgeTitle(e)));
    box.append(el("div", "relation " + e.predicate + " · " + e.factuality + " · confidence " + e.confidence.toFixed(2) +
      " · " + e.evidence.length + " evidence", "kg-muted"));
    box.append(evidenceBlock(e, 3));
    return box;
  }

  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const s = typeStyle(n.type);
    return {
      id: n.id, kgType: n.type, label: short(n.label, 40), title: nodeTip(n), shape: s.shape, value: n.degree, x: n.x, y: n.y,
      color: { background: s.color, border: "#37474f", highlight: { background: s.color, border: "#000" },
               hover: { background: s.color, border: "#000" } },
    };
  }));
  const edges = new vis.DataSet(data.edges.map((e) => {
    const color = data.relations[e.predicate];
    return {
      id: e.id, from: e.from, to: e.to, predicate: e.predicate, factuality: e.factuality, confidence: e.confidence,
      label: e.predicate, title: edgeTip(e), dashes: DASHES[e.factuality] || [2, 2], width: 1 + 2 * e.confidence,
      color: { color: color, highlight: color, hover: color },
      smooth: e.curve ? { enabled: true, type: "curvedCW", roundness: 0.18 * e.curve } : false,
    };
  }));

  const hidden = { types: new Set(), relations: new Set(), factuality: new Set(), minConfidence: 0 };
  const nodeShown = (id) => { const n = byId.get(id); return !!n && !hidden.types.has(n.type); };
  const nodesView = new vis.DataView(nodes, { filter: (n) => !hidden.types.has(n.kgType) });
  const edgesView = new vis.DataView(edges, {
    filter: (e) => !hidden.relations.has(e.predicate) && !hidden.factuality.has(e.factuality) &&
      e.confidence >= hidden.minConfidence && nodeShown(e.from) && nodeShown(e.to),
  });

  const big = data.nodes.length > 300;
  const network = new vis.Network($("kg-network"), { nodes: nodesView, edges: edgesView }, {
    layout: { randomSeed: 7, improvedLayout: !big },
    nodes: {
      borderWidth: 1, font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { min: 8, max: 34, label: { enabled: true, min: 12, max: 22, drawThreshold: 7 } },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } }, selectionWidth: 2, smooth: false,
      // Rotated, outlined canvas text is what makes redraws slow: big graphs get plain
      // horizontal edge labels, drawn only once zoomed in.
      font: { size: 10, align: big ? "horizontal" : "middle", color: "#333", strokeWidth: big ? 0 : 3, strokeColor: "#fff" },
      scaling: { label: { drawThreshold: big ? 16 : 5 } },
    },
    physics: {
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, springLength: 110, springConstant: 0.04, damping: 0.35, avoidOverlap: big ? 0 : 0.1 },
      stabilization: { enabled: true, iterations: big ? 10 : 200, updateInterval: big ? 5 : 25, fit: true },
    },
    interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
  });

  network.on("stabilizationProgress", (p) => {
    $("kg-progress").textContent = "Laying out the graph… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    $("kg-progress").remove();
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.body.dataset.ready = "true";
  });

  // Positions live in the network; copy them to the DataSet so nodes that come back after a
  // filter reappear where they were instead of at random (physics is off).
  function keepPositions() {
    const pos = network.getPositions();
    nodes.update(Object.keys(pos).map((id) => ({ id: id, x: pos[id].x, y: pos[id].y })));
  }

  function updateCounts() {
    const evidence = edgesView.get().reduce((sum, e) => sum + edgeById.get(e.id).evidence.length, 0);
    $("kg-counts").textContent = "Showing " + fmt(nodesView.length) + " of " + fmt(data.nodes.length) +
      " entities, " + fmt(edgesView.length) + " of " + fmt(data.edges.length) + " relations (" + fmt(evidence) +
      " evidence sentences).";
  }

  function applyFilters() {
    keepPositions();
    nodesView.refresh();
    edgesView.refresh();
    updateCounts();
  }

  function checkbox(container, set, value, swatch, count) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", () => {
      if (box.checked) set.delete(value); else set.add(value);
      applyFilters();
    });
    label.append(box, swatch, el("span", value), el("span", count === undefined ? "" : fmt(count), "kg-count"));
    container.append(label);
  }

  function buildLegend() {
    const typeCounts = {}, relCounts = {}, factCounts = {};
    data.nodes.forEach((n) => { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
    data.edges.forEach((e) => {
      relCounts[e.predicate] = (relCounts[e.predicate] || 0) + 1;
      factCounts[e.factuality] = (factCounts[e.factuality] || 0) + 1;
    });
    Object.keys(data.types).forEach((t) => {
      const s = typeStyle(t);
      const sym = el("span", SYMBOLS[s.shape] || "●", "kg-symbol");
      sym.style.color = s.color;
      checkbox($("kg-types"), hidden.types, t, sym, typeCounts[t]);
    });
    Object.keys(data.relations).filter((p) => relCounts[p]).forEach((p) => {
      const line = el("span", null, "kg-line");
      line.style.borderTopColor = data.relations[p];
      checkbox($("kg-relations"), hidden.relations, p, line, relCounts[p]);
    });
    FACTUALITY.concat(Object.keys(factCounts).filter((f) => !FACTUALITY.includes(f))).forEach((f) => {
      const line = el("span", null, "kg-line");
      line.style.borderTopStyle = LINE_STYLE[f] || "dotted";
      line.style.borderTopColor = "#555";
      checkbox($("kg-factuality"), hidden.factuality, f, line, factCounts[f] || 0);
    });
    $("kg-confidence").addEventListener("input", (ev) => {
      hidden.minConfidence = Number(ev.target.value);
      $("kg-confidence-value").textContent = hidden.minConfidence.toFixed(2);
      applyFilters();
    });
  }

  function showOmitted() {
    const o = data.omitted;
    if (!o.nodes) return;
    const p = $("kg-omitted");
    p.textContent = "Large graph: showing the " + fmt(data.nodes.length) + " most connected of " + fmt(data.total.nodes) +
      " entities. Left out: " + fmt(o.nodes) + " entities and " + fmt(o.edges) + " relations (" + fmt(o.evidence) +
      " evidence sentences). The other exports of this build hold the full graph.";
    p.hidden = false;
  }

  // -- side panel ----------------------------------------------------------------------------
  const panel = $("kg-panel"), panelBody = $("kg-panel-body");

  function openPanel(children) {
    panelBody.replaceChildren(...children);
    panel.hidden = false;
  }

  function list(items) {
    const ul = el("ul");
    items.forEach((item) => { const li = el("li"); li.append(item); ul.append(li); });
    return ul;
  }

  function nodeLink(id) {
    const b = el("button", labelOf(id), "kg-link");
    b.type = "button";
    b.addEventListener("click", () => focusNode(id));
    return b;
  }

  function showNode(id) {
    const n = byId.get(id);
    if (!n) return;
    const parts = [el("h2", n.label), el("div", n.type, "kg-muted"), el("div", n.id, "kg-muted")];
    if (n.date) parts.push(el("div", "Date: " + n.date));
    if (n.geonames) parts.push(el("div", "GeoNames: " + n.geonames, "kg-muted"));
    const aliases = n.aliases.length ? list(n.aliases.map((a) => el("span", a))) : el("div", "—", "kg-muted");
    aliases.id = "kg-panel-aliases";
    parts.push(el("h3", "Also known as"), aliases);
    const groups = new Map();
    data.edges.filter((e) => e.from === id || e.to === id).forEach((e) => {
      if (!groups.has(e.predicate)) groups.set(e.predicate, []);
      groups.get(e.predicate).push(e);
    });
    parts.push(el("h3", "Relations"));
    if (!groups.size) parts.push(el("div", "none drawn", "kg-muted"));
    const section = el("div");
    section.id = "kg-panel-relations";
    [...groups.keys()].sort().forEach((p) => {
      const head = el("h3", p + " (" + groups.get(p).length + ")");
      head.style.color = data.relations[p];
      head.dataset.predicate = p;
      section.append(head, list(groups.get(p).map((e) => {
        const row = el("span");
        row.dataset.edge = e.id;
        const outgoing = e.from === id;
        row.append(el("span", outgoing ? "→ " : "← "), nodeLink(outgoing ? e.to : e.from));
        let meta = " · " + e.evidence.length + " evidence · " + e.confidence.toFixed(2);
        if (e.factuality !== "asserted") meta += " · " + e.factuality;
        if (edgesView.get(e.id) === null) { meta += " · hidden by filters"; row.className = "kg-filtered"; }
        row.append(el("span", meta, "kg-muted"));
        return row;
      })));
    });
    parts.push(section, el("h3", "Source documents"), list(n.docs.map((d) => el("span", docName(d)))));
    openPanel(parts);
  }

  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const head = el("h3", e.predicate);
    head.style.color = data.relations[e.predicate];
    openPanel([el("h2", edgeTitle(e)), head,
      el("div", e.factuality + " · best confidence " + e.confidence.toFixed(2), "kg-muted"),
      el("div", "From: "), nodeLink(e.from), el("div", "To: "), nodeLink(e.to),
      el("h3", "Evidence (" + e.evidence.length + ")"), evidenceBlock(e, e.evidence.length)]);
  }

  $("kg-panel-close").addEventListener("click", () => { panel.hidden = true; });
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // -- search --------------------------------------------------------------------------------
  const names = new Map();
  data.nodes.forEach((n) => [n.label].concat(n.aliases).forEach((name) => {
    const key = name.toLowerCase();
    if (!names.has(key)) names.set(key, []);
    names.get(key).push(n);
  }));
  const byDegree = (a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1);

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.4, animation: { duration: 300 } });
    showNode(id);
  }

  // Exact name or alias first (case-insensitive), then any name containing the query.
  function search(query) {
    const q = query.trim().toLowerCase();
    const status = $("kg-search-status");
    if (!q) { status.textContent = ""; return null; }
    let found = names.get(q) || [];
    if (!found.length) found = data.nodes.filter((n) => [n.label].concat(n.aliases).some((x) => x.toLowerCase().includes(q)));
    if (!found.length) { status.textContent = "No entity named “" + query.trim() + "” is drawn."; return null; }
    const n = found.slice().sort(byDegree)[0];
    if (!nodeShown(n.id)) { status.textContent = n.label + " is hidden by the entity-type filter."; return null; }
    focusNode(n.id);
    status.textContent = "Found " + n.label + (found.length > 1 ? " (" + found.length + " matches, most connected shown)" : "");
    return n.id;
  }

  $("kg-search").addEventListener("submit", (ev) => { ev.preventDefault(); search($("kg-query").value); });

  buildLegend();
  showOmitted();
  updateCounts();
  window.kg = { data, network, nodes, edges, nodesView, edgesView, applyFilters, search, showNode, showEdge };
})();
