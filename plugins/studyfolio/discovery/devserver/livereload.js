/* Live reload for `make serve` (development builds only; the dev server serves this file).
   Listens to the dev server's build events: reloads this tab when its page changed, keeping
   the scroll position, and shows the build's problems (path:line) in a panel on the page. */
(function () {
  "use strict";
  var KEY = "studyfolio-livereload-scroll";
  var DISMISSED = "studyfolio-livereload-dismissed";
  var root = document.documentElement;
  var known = null;

  function currentPath() {
    var path = location.pathname;
    return /\/index\.html$/.test(path) ? path.slice(0, -"index.html".length) : path;
  }

  /* Scroll: saved before a reload, restored after it (the browser's own restoration is off). */
  function restoreScroll() {
    var saved;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch { saved = null; }
    if (!saved || saved.path !== currentPath()) { return; }
    sessionStorage.removeItem(KEY);
    if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
    var apply = function () { window.scrollTo(saved.x, saved.y); };
    apply();
    window.addEventListener("load", apply);
  }

  function reload() {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ path: currentPath(), x: window.scrollX, y: window.scrollY }));
    } catch { /* private mode: the browser restores what it can */ }
    root.setAttribute("data-livereload", "reloading");
    location.reload();
  }

  /* The panel lives in a shadow root so the page's styles and the panel's never mix. */
  var host = null;
  var shadow = null;
  var STYLE =
    ":host{all:initial}" +
    ".box{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;max-width:min(46rem,calc(100vw - 2rem));" +
    "max-height:60vh;overflow:auto;font:14px/1.45 system-ui,sans-serif;color:var(--text,#1d1f23);" +
    "background:var(--surface,#fff);border:1px solid var(--border,#dedad0);border-left:4px solid var(--danger,#b3261e);" +
    "border-radius:10px;box-shadow:0 10px 40px rgba(0,0,0,.25);padding:.8rem 1rem}" +
    ".box.warn{border-left-color:var(--warn,#8a5a00)}" +
    ".head{display:flex;align-items:center;justify-content:space-between;gap:1rem;font-weight:700}" +
    "button{font:inherit;cursor:pointer;border:1px solid var(--border,#dedad0);background:var(--surface-2,#f2f0ea);" +
    "color:inherit;border-radius:6px;padding:.1rem .5rem}" +
    "ol{margin:.5rem 0 0;padding-left:1.2rem}li{margin:.35rem 0}" +
    "code{font:12.5px/1.4 ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}" +
    ".hint{display:block;color:var(--muted,#565b66);font-size:13px}" +
    ".badge{position:fixed;left:1rem;bottom:1rem;z-index:2147483000;font:13px system-ui,sans-serif;" +
    "background:var(--surface,#fff);color:var(--muted,#565b66);border:1px solid var(--border,#dedad0);" +
    "border-radius:999px;padding:.25rem .7rem;box-shadow:0 2px 10px rgba(0,0,0,.15)}";

  function ensureHost() {
    if (host) { return; }
    host = document.createElement("div");
    host.setAttribute("data-livereload-panel", "");
    shadow = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent = STYLE;
    shadow.appendChild(style);
    document.body.appendChild(host);
  }

  function clearPanel() {
    if (!shadow) { return; }
    var old = shadow.querySelector(".box");
    if (old) { old.remove(); }
  }

  function showBuilding(on) {
    ensureHost();
    var badge = shadow.querySelector(".badge");
    if (on && !badge) {
      badge = document.createElement("div");
      badge.className = "badge";
      badge.setAttribute("role", "status");
      badge.textContent = "Rebuilding…";
      shadow.appendChild(badge);
    } else if (!on && badge) {
      badge.remove();
    }
  }

  function showProblems(status) {
    var problems = status.problems || [];
    var signature = JSON.stringify([status.ok, problems]);
    clearPanel();
    if (!problems.length && status.ok) { return; }
    if (status.ok && sessionStorage.getItem(DISMISSED) === signature) { return; }
    ensureHost();
    var errors = problems.filter(function (p) { return p.level === "error" || p.level === "critical"; });
    var box = document.createElement("section");
    box.className = "box" + (errors.length || !status.ok ? "" : " warn");
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Build problems");
    var head = document.createElement("div");
    head.className = "head";
    var title = document.createElement("span");
    title.textContent = status.ok
      ? "Build problems (" + problems.length + ")"
      : "Build failed: the page shows the last good build";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    close.addEventListener("click", function () {
      try { sessionStorage.setItem(DISMISSED, signature); } catch { /* still closes */ }
      clearPanel();
    });
    head.appendChild(title);
    head.appendChild(close);
    box.appendChild(head);
    var list = document.createElement("ol");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var text = document.createElement("code");
      text.textContent = problem.text;
      item.appendChild(text);
      if (problem.hint) {
        var hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = "hint: " + problem.hint;
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    shadow.appendChild(box);
  }

  function pageChanged(status) {
    var path = currentPath();
    return (status.changed || []).some(function (changed) { return changed === "*" || changed === path; });
  }

  function onBuilt(event) {
    var status = JSON.parse(event.data);
    showBuilding(false);
    if (known === null || known.server !== status.server) {
      var first = known === null;
      known = status;
      if (!first || status.stale) { reload(); return; }
      showProblems(status);
      root.setAttribute("data-livereload", "connected");
      return;
    }
    if (status.number <= known.number) { return; }
    known = status;
    if (status.ok && (status.stale || pageChanged(status) || document.body.hasAttribute("data-livereload-missing"))) {
      reload();
      return;
    }
    showProblems(status);
  }

  function connect() {
    var url = "/_studyfolio/events?page=" + encodeURIComponent(currentPath()) +
      "&loaded=" + Math.floor(performance.timeOrigin);
    var source = new EventSource(url);
    source.addEventListener("built", onBuilt);
    source.addEventListener("building", function () { showBuilding(true); });
    source.addEventListener("error", function () { root.setAttribute("data-livereload", "waiting"); });
  }

  function start() {
    restoreScroll();
    connect();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
