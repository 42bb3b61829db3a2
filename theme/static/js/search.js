/* Search: the header dialog (opened with / or Ctrl+K) and the /search/ page, on Pagefind's
   index served from this site (pagefind/). Fully usable by keyboard: type, ↑/↓ to move through
   the results, Enter to open one, Tab to the filters, Esc to close. */
(function () {
  "use strict";

  var FILTERS = [["type", "Type"], ["area", "Area"], ["topic", "Topic"], ["tag", "Tag"], ["level", "Level"]];
  var TYPE_NAMES = { note: "Note", page: "Page", roadmap: "Roadmap", resource: "Resource" };
  var PAGE_SIZE = 8;
  var WIDE = window.matchMedia("(min-width: 40rem)");
  var engines = {};

  function loadEngine(bundle, site) {
    if (!engines[bundle]) {
      engines[bundle] = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: site, excerptLength: 26 }).then(function () { return pagefind; });
      });
    }
    return engines[bundle];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function isEditable(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function Panel(root) {
    this.root = root;
    this.input = root.querySelector("[data-search-input]");
    this.filtersBox = root.querySelector("[data-search-filters]");
    this.filterGrid = root.querySelector("[data-search-filter-grid]");
    this.filterCount = root.querySelector("[data-search-filter-count]");
    this.status = root.querySelector("[data-search-status]");
    this.list = root.querySelector("[data-search-results]");
    this.more = root.querySelector("[data-search-more]");
    this.notice = root.querySelector("[data-search-notice]");
    this.mode = root.getAttribute("data-mode");
    this.selects = {};
    this.results = [];
    this.shown = 0;
    this.active = -1;
    this.sequence = 0;
    this.timer = null;
    this.engine = null;
    this.bind();
  }

  Panel.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("input", function () { self.schedule(); });
    this.input.addEventListener("keydown", function (event) { self.onKey(event); });
    this.more.addEventListener("click", function () { self.showMore(); });
  };

  Panel.prototype.start = function () {
    var self = this;
    if (this.engine) { return this.engine; }
    this.engine = loadEngine(this.root.getAttribute("data-bundle"), this.root.getAttribute("data-site"))
      .then(function (pagefind) {
        self.pagefind = pagefind;
        return pagefind.filters().then(function (filters) { self.renderFilters(filters); return pagefind; });
      }, function (error) {
        self.showNotice("The search index could not be loaded. Build the site with `make html` (it writes " +
          "the index into output/pagefind/) and serve it again.");
        throw error;
      });
    this.engine.catch(function () { /* shown above */ });
    return this.engine;
  };

  Panel.prototype.showNotice = function (text) {
    this.notice.textContent = text;
    this.notice.hidden = false;
    this.input.disabled = true;
    this.input.setAttribute("aria-describedby", this.notice.id || "");
    this.status.textContent = "";
  };

  Panel.prototype.renderFilters = function (filters) {
    var self = this;
    this.filterGrid.textContent = "";
    FILTERS.forEach(function (pair) {
      var key = pair[0];
      var values = filters[key] ? Object.keys(filters[key]) : [];
      if (!values.length) { return; }
      values.sort(function (a, b) { return a.localeCompare(b); });
      var label = element("label", "search-filter");
      label.appendChild(element("span", "search-filter-name", pair[1]));
      var select = element("select");
      select.name = key;
      select.setAttribute("data-search-filter", key);
      var any = element("option", "", "Any " + pair[1].toLowerCase());
      any.value = "";
      select.appendChild(any);
      values.forEach(function (value) {
        var shown = key === "type" ? (TYPE_NAMES[value] || value) : key === "tag" ? "#" + value : value;
        var option = element("option", "", shown + " (" + filters[key][value] + ")");
        option.value = value;
        select.appendChild(option);
      });
      select.addEventListener("change", function () { self.run(); });
      label.appendChild(select);
      self.filterGrid.appendChild(label);
      self.selects[key] = select;
    });
    this.filtersBox.hidden = !Object.keys(this.selects).length;
    this.filtersBox.open = WIDE.matches;
    WIDE.addEventListener("change", function (event) { if (event.matches) { self.filtersBox.open = true; } });
    this.restore();
  };

  Panel.prototype.restore = function () {
    if (this.mode !== "page") { return; }
    var params = new URLSearchParams(location.search);
    var self = this;
    Object.keys(this.selects).forEach(function (key) {
      var wanted = params.get(key);
      if (wanted && Array.prototype.some.call(self.selects[key].options, function (o) { return o.value === wanted; })) {
        self.selects[key].value = wanted;
      }
    });
    if (params.get("q")) { this.input.value = params.get("q"); }
    this.run();
  };

  Panel.prototype.chosenFilters = function () {
    var chosen = {};
    var self = this;
    Object.keys(this.selects).forEach(function (key) {
      if (self.selects[key].value) { chosen[key] = self.selects[key].value; }
    });
    var count = Object.keys(chosen).length;
    this.filterCount.textContent = count ? "(" + count + " on)" : "";
    if (count) { this.filtersBox.open = true; }
    return chosen;
  };

  Panel.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.run(); }, 120);
  };

  Panel.prototype.remember = function (query, filters) {
    if (this.mode !== "page") { return; }
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    Object.keys(filters).forEach(function (key) { params.set(key, filters[key]); });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  };

  Panel.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    var filters = this.chosenFilters();
    var sequence = ++this.sequence;
    this.remember(query, filters);
    if (!query && !Object.keys(filters).length) {
      this.clear("");
      return;
    }
    this.status.textContent = "Searching…";
    this.start().then(function (pagefind) {
      return pagefind.search(query || null, { filters: filters });
    }).then(function (search) {
      if (sequence !== self.sequence) { return; }
      self.results = search.results;
      self.shown = 0;
      self.list.textContent = "";
      self.active = -1;
      return self.showMore().then(function () {
        var count = search.results.length;
        var about = query ? " for “" + query + "”" : "";
        self.status.textContent = count
          ? count + (count === 1 ? " result" : " results") + about
          : "No results" + about + ". Try fewer words or clear a filter.";
      });
    }).catch(function () { /* the notice says why */ });
  };

  Panel.prototype.clear = function (text) {
    this.results = [];
    this.list.textContent = "";
    this.more.hidden = true;
    this.active = -1;
    this.status.textContent = text;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Panel.prototype.showMore = function () {
    var self = this;
    var batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    var sequence = this.sequence;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (sequence !== self.sequence) { return; }
      pages.forEach(function (page) { self.renderResult(page); });
      self.shown += batch.length;
      self.more.hidden = self.shown >= self.results.length;
      self.input.setAttribute("aria-expanded", self.list.children.length ? "true" : "false");
      if (self.active < 0 && self.list.children.length) { self.setActive(0); }
    });
  };

  Panel.prototype.option = function (href, className) {
    /* The link is the option (an option holding a link would be a control inside a control);
       it is reached from the search box with the arrow keys, not by Tab. */
    var item = element("li", "search-result " + className);
    item.setAttribute("role", "none");
    var link = element("a", "search-result-link");
    link.href = href;
    link.tabIndex = -1;
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    link.id = this.list.id + "-" + this.list.children.length;
    item.appendChild(link);
    this.list.appendChild(item);
    return link;
  };

  Panel.prototype.renderResult = function (page) {
    var filters = page.filters || {};
    var type = (filters.type && filters.type[0]) || "page";
    var link = this.option(page.url, "is-" + type);
    var head = element("span", "search-result-head");
    head.appendChild(element("span", "search-result-type", TYPE_NAMES[type] || type));
    head.appendChild(element("span", "search-result-title", page.meta.title || page.url));
    link.appendChild(head);
    var facts = [].concat(filters.area || [], filters.level || []);
    if (facts.length) { link.appendChild(element("span", "search-result-facts", facts.join(" · "))); }
    var excerpt = element("span", "search-result-excerpt");
    excerpt.innerHTML = page.excerpt; /* Pagefind's excerpt: escaped text with <mark> around the terms */
    link.appendChild(excerpt);
    var self = this;
    (page.sub_results || []).filter(function (sub) {
      return sub.url !== page.url && sub.url.indexOf("#") > 0;
    }).slice(0, 2).forEach(function (sub) {
      var subLink = self.option(sub.url, "is-section");
      subLink.appendChild(element("span", "search-result-title", sub.title));
      var subExcerpt = element("span", "search-result-excerpt");
      subExcerpt.innerHTML = sub.excerpt;
      subLink.appendChild(subExcerpt);
    });
  };

  Panel.prototype.setActive = function (index) {
    var items = this.list.querySelectorAll("[role=option]");
    if (!items.length) { return; }
    index = (index + items.length) % items.length;
    if (this.active >= 0 && items[this.active]) { items[this.active].setAttribute("aria-selected", "false"); }
    this.active = index;
    items[index].setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", items[index].id);
    items[index].scrollIntoView({ block: "nearest" });
  };

  Panel.prototype.onKey = function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.setActive(this.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(this.timer);
      var item = this.list.children[Math.max(this.active, 0)];
      if (item) { item.querySelector("a").click(); } else { this.run(); }
    }
  };

  function setUp() {
    if (location.protocol === "file:") { return; } /* the early theme script explains why not */
    var panels = Array.prototype.map.call(document.querySelectorAll("[data-search-panel]"), function (root) {
      return new Panel(root);
    });
    var dialog = document.querySelector("[data-search-dialog]");
    var opener = document.querySelector("[data-search-open]");
    if (!panels.length) { return; } /* a site built without search: `/` stays the browser's */
    var pagePanel = panels.filter(function (p) { return p.mode === "page"; })[0];
    var dialogPanel = panels.filter(function (p) { return p.mode === "dialog"; })[0];
    if (pagePanel) { pagePanel.start(); pagePanel.input.focus(); }

    var returnTo = null; /* what had focus before the dialog opened: it gets focus back */

    function open() {
      if (pagePanel) { pagePanel.input.focus(); pagePanel.input.select(); return; }
      if (!dialog || !dialogPanel) { return; }
      if (!dialog.open) {
        var before = document.activeElement;
        returnTo = before && before !== document.body && before !== document.documentElement ? before : opener;
        dialog.showModal();
      }
      dialogPanel.start();
      dialogPanel.input.focus();
      dialogPanel.input.select();
    }

    if (opener) {
      opener.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
        event.preventDefault();
        open();
      });
    }
    function giveFocusBack() {
      var target = returnTo;
      returnTo = null;
      if (target && target.isConnected) { target.focus({ preventScroll: true }); }
    }

    function close() {
      dialog.close();
      giveFocusBack(); /* at once: the close event comes a task later */
    }

    if (dialog) {
      dialog.addEventListener("click", function (event) { if (event.target === dialog) { close(); } });
      /* One Esc closes, also with text typed (a search field would first spend it on clearing itself). */
      dialog.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); close(); }
      });
      dialog.addEventListener("close", giveFocusBack);
      var closeButton = dialog.querySelector("[data-search-close]");
      if (closeButton) { closeButton.addEventListener("click", close); }
    }
    document.addEventListener("keydown", function (event) {
      var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target);
      var ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K");
      if (slash || ctrlK) {
        event.preventDefault();
        open();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
