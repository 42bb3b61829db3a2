/* Roadmap marks: the learner marks a topic done, learning or skipped. Kept in localStorage under
   "studyfolio-roadmap-v1" as {"format": "studyfolio-roadmap", "version": 1, "topics": {"roadmap/topic": mark}};
   exported and imported as the same JSON. A newer version is never overwritten.
   The graph: a topic pointed at or focused lights up what it builds on and what builds on it;
   "Show at full size" appears when the drawing, fitted to its box, has labels under 14px. */
(function () {
  "use strict";
  var KEY = "studyfolio-roadmap-v1";
  var FORMAT = "studyfolio-roadmap";
  var VERSION = 1;
  var MARKS = ["done", "learning", "skipped"];

  function empty() { return { format: FORMAT, version: VERSION, topics: {} }; }

  /* Returns {state, error}: error says why a document cannot be used. */
  function parse(text) {
    var doc;
    try { doc = JSON.parse(text); } catch { return { error: "this is not JSON" }; }
    if (!doc || typeof doc !== "object" || doc.format !== FORMAT) {
      return { error: "this is not a Studyfolio roadmap export" };
    }
    if (typeof doc.version !== "number" || doc.version > VERSION) {
      return { error: "it was written by a newer version (" + doc.version + "); update the site first" };
    }
    var topics = {};
    var given = doc.topics && typeof doc.topics === "object" ? doc.topics : {};
    Object.keys(given).forEach(function (key) {
      if (MARKS.indexOf(given[key]) >= 0) { topics[key] = given[key]; }
    });
    return { state: { format: FORMAT, version: VERSION, topics: topics } };
  }

  function load() {
    var text = null;
    try { text = localStorage.getItem(KEY); } catch { return { state: empty(), locked: true }; }
    if (text === null) { return { state: empty() }; }
    var read = parse(text);
    if (read.error) { return { state: empty(), locked: true, error: read.error }; }
    return { state: read.state };
  }

  var MIN_LABEL_PX = 14;

  /* Every topic reached from `start` by following `next` (a map of topic -> topics). */
  function reach(start, next) {
    var seen = {};
    var queue = [start];
    while (queue.length) {
      (next[queue.shift()] || []).forEach(function (node) {
        if (!seen[node]) { seen[node] = true; queue.push(node); }
      });
    }
    return seen;
  }

  function traceGraph(svg) {
    var before = {};
    var after = {};
    var edges = svg.querySelectorAll(".graph-edge");
    edges.forEach(function (edge) {
      var from = edge.getAttribute("data-from");
      var to = edge.getAttribute("data-to");
      (before[to] = before[to] || []).push(from);
      (after[from] = after[from] || []).push(to);
    });
    var nodes = svg.querySelectorAll(".graph-node");

    function clear() {
      svg.classList.remove("is-tracing");
      svg.querySelectorAll(".is-focus, .is-before, .is-after").forEach(function (el) {
        el.classList.remove("is-focus", "is-before", "is-after");
      });
    }

    function trace(topic) {
      clear();
      var up = reach(topic, before);
      var down = reach(topic, after);
      svg.classList.add("is-tracing");
      nodes.forEach(function (node) {
        var name = node.getAttribute("data-node");
        node.classList.toggle("is-focus", name === topic);
        node.classList.toggle("is-before", !!up[name]);
        node.classList.toggle("is-after", !!down[name]);
      });
      edges.forEach(function (edge) {
        var to = edge.getAttribute("data-to");
        var from = edge.getAttribute("data-from");
        edge.classList.toggle("is-before", to === topic || !!up[to]);
        edge.classList.toggle("is-after", from === topic || !!down[from]);
      });
    }

    svg.querySelectorAll(".graph-nodes a").forEach(function (link) {
      var topic = link.querySelector(".graph-node").getAttribute("data-node");
      link.addEventListener("pointerenter", function () { trace(topic); });
      link.addEventListener("focus", function () { trace(topic); });
      link.addEventListener("pointerleave", function () { if (!link.contains(document.activeElement)) { clear(); } });
      link.addEventListener("blur", clear);
    });
  }

  /* The label size of the drawing shown, as rendered: its font size times its scale. */
  function labelPixels(box) {
    var shown = Array.prototype.filter.call(box.querySelectorAll("svg[data-graph]"), function (svg) {
      return svg.getBoundingClientRect().width > 0;
    })[0];
    if (!shown) { return null; }
    var text = shown.querySelector(".graph-node text");
    var scale = shown.getBoundingClientRect().width / shown.viewBox.baseVal.width;
    return text ? parseFloat(getComputedStyle(text).fontSize) * scale : null;
  }

  function initGraph(root) {
    root.querySelectorAll("svg[data-graph]").forEach(traceGraph);
    var box = root.querySelector("[data-graph-box]");
    var zoom = root.querySelector("[data-graph-zoom]");
    if (!box || !zoom) { return; }
    function check() {
      if (box.classList.contains("is-full")) { return; }
      var size = labelPixels(box);
      zoom.hidden = size === null || size >= MIN_LABEL_PX - 0.01;
    }
    zoom.addEventListener("click", function () {
      var full = box.classList.toggle("is-full");
      zoom.setAttribute("aria-pressed", String(full));
      zoom.textContent = full ? "Fit to the page" : "Show at full size";
      if (!full) { check(); }
    });
    if (window.ResizeObserver) { new ResizeObserver(check).observe(box); }
    check();
  }

  /* A topic reached by its link (from the graph, "Next up" or "Builds on") opens its details. */
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.querySelector(".topic-details");
    if (details) { details.open = true; }
  }

  function init() {
    var root = document.querySelector("[data-roadmap]");
    if (!root) { return; }
    initGraph(root);
    openTarget();
    window.addEventListener("hashchange", openTarget);
    var loaded = load();
    var state = loaded.state;
    var message = root.querySelector("[data-roadmap-message]");

    function say(text, isError) {
      if (!message) { return; }
      message.textContent = text;
      message.classList.toggle("is-error", !!isError);
    }

    function save() {
      if (loaded.locked) { return false; }
      try { localStorage.setItem(KEY, JSON.stringify(state)); return true; } catch { return false; }
    }

    function apply() {
      var counts = { done: 0, learning: 0, skipped: 0 };
      root.querySelectorAll("[data-topic]").forEach(function (el) {
        var mark = state.topics[el.getAttribute("data-topic")];
        if (mark) { el.setAttribute("data-mark", mark); } else { el.removeAttribute("data-mark"); }
        if (el.classList.contains("topic-card") && mark) { counts[mark] += 1; }
        el.querySelectorAll("[data-mark]").forEach(function (button) {
          if (button.tagName === "BUTTON") {
            button.setAttribute("aria-pressed", String(button.getAttribute("data-mark") === mark));
          }
        });
      });
      Object.keys(counts).forEach(function (mark) {
        var out = root.querySelector('[data-mark-count="' + mark + '"]');
        if (out) { out.textContent = String(counts[mark]); }
      });
    }

    root.querySelectorAll("[data-topic-mark]").forEach(function (group) {
      group.hidden = false;
      var card = group.closest("[data-topic]");
      group.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-mark]");
        if (!button || !card) { return; }
        var key = card.getAttribute("data-topic");
        var mark = button.getAttribute("data-mark");
        if (state.topics[key] === mark) { delete state.topics[key]; } else { state.topics[key] = mark; }
        apply();
        if (!save()) { say("Your marks cannot be saved in this browser" + (loaded.error ? ": the saved data " + loaded.error + "." : "."), true); }
      });
    });

    var tools = root.querySelector("[data-roadmap-tools]");
    if (tools) { tools.hidden = false; }
    var exportButton = root.querySelector("[data-roadmap-export]");
    if (exportButton) {
      exportButton.addEventListener("click", function () {
        var blob = new Blob([JSON.stringify(state, null, 2) + "\n"], { type: "application/json" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "studyfolio-roadmap.json";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
        say("Exported " + Object.keys(state.topics).length + " topic marks.");
      });
    }
    var importInput = root.querySelector("[data-roadmap-import]");
    if (importInput) {
      importInput.addEventListener("change", function () {
        var file = importInput.files && importInput.files[0];
        if (!file) { return; }
        file.text().then(function (text) {
          var read = parse(text);
          importInput.value = "";
          if (read.error) { say("Not imported: " + read.error + ".", true); return; }
          if (loaded.locked) { say("Not imported: the saved marks in this browser cannot be replaced safely.", true); return; }
          var keys = Object.keys(read.state.topics);
          keys.forEach(function (key) { state.topics[key] = read.state.topics[key]; });
          apply();
          save();
          say("Imported " + keys.length + " topic mark" + (keys.length === 1 ? "" : "s") + ".");
        });
      });
    }
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { loaded = load(); state = loaded.state; apply(); }
    });
    apply();
    if (loaded.error) { say("Your saved marks are not shown: " + loaded.error + ".", true); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
