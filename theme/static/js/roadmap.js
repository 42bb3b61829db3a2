/* Roadmap marks: the learner marks a topic done, learning or skipped. Kept in localStorage under
   "studyfolio-roadmap-v1" as {"format": "studyfolio-roadmap", "version": 1, "topics": {"roadmap/topic": mark}};
   exported and imported as the same JSON. A newer version is never overwritten. */
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

  function init() {
    var root = document.querySelector("[data-roadmap]");
    if (!root) { return; }
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
