/* The review page: the DOM, keys and buttons of one review session at a time. The queue, undo and
   counters are review-session.js's (the order of plugins/studyfolio/srs/session.py); this
   browser's log in localStorage is review-store.js's; states come from replaying through fsrs.js.
   History = the build's reviews.json (from content/reviews.jsonl) united with this browser's
   own log. The first card comes quickly: the build publishes each card's state after the
   published log (review/cards-N.json: a hundred cards with their HTML; review/index.json: every
   card), so only this browser's own later reviews are replayed on top of it; the index,
   cards.json and reviews.json load once that card is shown (a card with an own review no later
   than its published ones waits for them, and is replayed from its whole history).
   Each rating is saved as it is made; Undo takes it back out of the saved log. */
(function () {
  "use strict";
  var FSRS = window.StudyfolioFSRS, LOG = window.StudyfolioReviews;
  var SESSION = window.StudyfolioSession, STORE = window.StudyfolioReviewStore;
  var root = document.getElementById("review");
  if (!root || !FSRS || !LOG || !SESSION || !STORE) { return; }

  var FORMAT = LOG.FORMAT, VERSION = LOG.VERSION;
  var formatAt = LOG.formatAt, entryProblem = LOG.entryProblem;
  var readDocument = LOG.readDocument, idMap = LOG.idMap, dayStart = SESSION.dayStart;
  var MINUTE = 60000, DAY = SESSION.DAY;
  var NAMES = ["Again", "Hard", "Good", "Easy"];

  function $(selector) { return root.querySelector(selector); }
  var ui = {
    progress: $("[data-progress]"), notices: $("[data-notices]"), stage: $("[data-stage]"),
    card: $("[data-card]"), meta: $("[data-meta]"), question: $("[data-question]"),
    answer: $("[data-answer]"), reveal: $("[data-reveal]"), ratings: $("[data-ratings]"),
    intervals: root.querySelectorAll("[data-interval]"), undo: $("[data-undo]"),
    skip: $("[data-skip]"), done: $("[data-done]"), deck: $("[data-deck]"),
    filters: $("[data-filters]"), filterLabel: $("[data-filter-label]"),
    exportButton: $("[data-export]"), importInput: $("[data-import]"), status: $("[data-data-status]")
  };
  var site = root.getAttribute("data-site") || "";
  var dateFormat = root.getAttribute("data-date-format") || "%-d %B %Y";
  root.setAttribute("aria-busy", "true"); /* "false" once the whole session is counted */

  function notice(kind, text) {
    var p = document.createElement("p");
    p.className = "review-notice review-notice-" + kind;
    p.setAttribute("role", kind === "error" ? "alert" : "status");
    p.textContent = text;
    ui.notices.appendChild(p);
  }

  var own = new STORE.Store({ notice: notice }); /* this browser's log */

  /* ---------- cards, history and states ---------- */

  var scheduler, newPerDay = 20, learnAhead = 0;
  var cards = [], byId = idMap(), published = idMap(), seeds = idMap(), reviewsOf = idMap(), states = idMap();
  var index = null, base = idMap(); /* review/index.json, and the states it publishes by card id */

  /* A card's history, flat as in reviews.json: [at, rating, ms, ...], with this browser's own. */
  function mergedHistory(id) { return LOG.mergeFlat(published[id] || [], own.byCard[id]); }

  /* A card's state from the published one and this browser's reviews made after it (null for a
     card never reviewed); undefined when an own review is not later than the last published
     one: then only a replay of the card's whole history gives its state. */
  function quickState(id) {
    var pub = base[id] || null, mine = own.byCard[id];
    if (!mine || !mine.length) { return pub; }
    var card = scheduler.newCard(), i;
    if (pub) { for (i in card) { card[i] = pub[i]; } }
    mine = mine.slice().sort(function (a, b) { return a[0] - b[0]; });
    for (i = 0; i < mine.length; i++) {
      if (pub && mine[i][0] <= pub.lastReview) { return undefined; }
      scheduler.apply(card, mine[i][1], mine[i][0]);
    }
    return card;
  }

  function replayCard(id) {
    var h = mergedHistory(id);
    if (!h.length && !seeds[id]) { return; }
    reviewsOf[id] = h;
    states[id] = (index && quickState(id)) || scheduler.replay(h, seeds[id]);
  }

  function rebuild() {
    reviewsOf = idMap(); states = idMap();
    for (var i = 0; i < cards.length; i++) { replayCard(cards[i].id); }
  }

  /* ---------- the session ---------- */

  var filters = { note: "", tag: "", level: "" };
  var session = null, current = null, revealed = false, shownAt = 0;

  function now() { return Math.floor(Date.now() / 1000) * 1000; }

  function inDeck(card) {
    return (!filters.note || card.note.slug === filters.note) &&
      (!filters.tag || card.tags.indexOf(filters.tag) >= 0) &&
      (!filters.level || card.level === filters.level);
  }

  function startSession(first) {
    session = new SESSION.Session({
      deck: cards.filter(inDeck).map(function (card) { return card.id; }),
      states: states, histories: reviewsOf, scheduler: scheduler,
      newPerDay: newPerDay, learnAhead: learnAhead, now: now(), first: first
    });
    busy = false;
    root.setAttribute("aria-busy", "false");
    ui.undo.disabled = true;
    show();
  }

  /* Ends the time the last rating can be taken back (a new deck, an export, an import, another tab). */
  function endUndo() {
    if (session) { session.forgetUndo(); }
    ui.undo.disabled = true;
  }

  /* The published state of a row of review/index.json or review/cards-N.json (null: never reviewed). */
  function rowState(row) {
    var s = row[5];
    return s ? { state: s[1], step: s[2], stability: s[3], difficulty: s[4], due: s[0], lastReview: s[5] } : null;
  }

  /* The first card of `doc` (an index or a cards-N file) in deck order that is in the deck and
     due now: its row number, or -1 when there is none (or only cards that need their whole
     history). The rows' published states join `base` on the way. */
  function firstDue(doc) {
    var t = now(), rows = doc.cards;
    for (var i = 0; i < rows.length; i++) {
      if (!inDeck(rowCard(rows[i], doc.notes, null))) { continue; }
      if (!(rows[i][0] in base)) { base[rows[i][0]] = rowState(rows[i]); }
      var state = quickState(rows[i][0]);
      if (state && state.due <= t) { return i; }
    }
    return -1;
  }

  /* A card as cards.json has it, from its row, its file's notes and its [question, answer]. */
  function rowCard(row, notes, html) {
    var note = notes[row[1]] || ["", "", ""];
    return {
      id: row[0], note: { slug: note[0], title: note[1], url: note[2] }, level: row[2],
      tags: row[3] || [], video_url: row[4], question: html ? html[0] : "", answer: html ? html[1] : ""
    };
  }

  /* Show the first card before the rest is read; the session is counted and ordered once
     cards.json and reviews.json are in (the card stays first). Until then the card can be
     revealed, not rated. */
  function showFirst(card) {
    busy = true;
    current = card.id;
    states[card.id] = quickState(card.id);
    showCard(card);
    ui.done.hidden = true; ui.stage.hidden = false;
    ui.card.focus({ preventScroll: true });
    markReady();
  }

  function showProgress() {
    var t = now(), c = session.counts(t);
    ui.progress.textContent = "";
    var parts = [[c.due, " due"], [c.fresh, " new"], [c.done, " done today"]];
    for (var i = 0; i < parts.length; i++) {
      if (i) { ui.progress.appendChild(document.createTextNode(" · ")); }
      var strong = document.createElement("strong");
      strong.textContent = parts[i][0];
      ui.progress.appendChild(strong);
      ui.progress.appendChild(document.createTextNode(parts[i][1]));
    }
    var m = document.createElement("span");
    m.className = "review-mastery";
    m.textContent = "Deck mastery " + session.mastery(t) + "%";
    m.title = "The chance, on average, that you recall a card of this deck right now";
    ui.progress.appendChild(m);
  }

  function noteLink(card) {
    var url = card.note.url || "";
    if (url && !/^(?:[a-z]+:|\/)/i.test(url)) { url = site + "/" + url; }
    var a = document.createElement("a");
    a.href = url; a.textContent = card.note.title || card.note.slug;
    return a;
  }

  function showCard(card) {
    ui.meta.textContent = "";
    ui.meta.appendChild(noteLink(card));
    if (card.level) {
      var badge = document.createElement("span");
      badge.className = "badge level-" + card.level;
      badge.textContent = card.level;
      ui.meta.appendChild(badge);
    }
    for (var i = 0; i < card.tags.length; i++) {
      var tag = document.createElement("span");
      tag.className = "review-tag"; tag.textContent = "#" + card.tags[i];
      ui.meta.appendChild(tag);
    }
    ui.question.innerHTML = card.question; /* the site's own build output */
    ui.answer.innerHTML = card.answer;
    if (card.video_url) {
      var p = document.createElement("p"), a = document.createElement("a");
      p.className = "review-video"; a.href = card.video_url; a.rel = "noopener";
      a.textContent = "Watch this moment in the video";
      p.appendChild(a); ui.answer.appendChild(p);
    }
    ui.answer.hidden = true; ui.ratings.hidden = true; ui.reveal.hidden = false;
    revealed = false; shownAt = Date.now();
  }

  var ready = false, busy = false, loaded = false;

  /* The next frame paints the first card (or the summary): a mark for the benchmark as that
     frame starts (the card is then in the page; it is on screen at the first contentful paint). */
  function markReady() {
    if (ready) { return; }
    ready = true;
    if (window.performance && performance.mark) {
      requestAnimationFrame(function () {
        performance.mark("studyfolio-review-ready");
      });
    }
  }

  function show() {
    var id = session.pick(now());
    showProgress();
    markReady();
    if (!id) { current = null; finish(); return; }
    ui.done.hidden = true; ui.stage.hidden = false;
    if (current !== id) {
      current = id; showCard(byId[id]);
      if (ui.card.getBoundingClientRect().top < 0) { ui.card.scrollIntoView({ block: "start" }); } /* after a long answer */
    }
    ui.card.focus({ preventScroll: true });
  }

  function label(ms) {
    var m = ms / MINUTE;
    function short(v) { return v < 10 && Math.abs(v - Math.round(v)) >= 0.05 ? v.toFixed(1) : String(Math.round(v)); }
    if (m < 1) { return "<1m"; }
    if (m < 60) { return short(m) + "m"; }
    if (m < 1440) { return short(m / 60) + "h"; }
    var d = ms / DAY;
    if (d < 31) { return short(d) + "d"; }
    if (d < 365) { return short(d / 30.4375) + "mo"; }
    return short(d / 365.25) + "y";
  }

  function reveal() {
    if (!current || revealed || (busy && !states[current])) { return; } /* the first card can, while the rest loads */
    revealed = true;
    var t = now(), state = states[current] || scheduler.newCard();
    var next = scheduler.preview(state, t);
    for (var i = 0; i < 4; i++) { ui.intervals[i].textContent = label(next[i].due - t); }
    ui.answer.hidden = false; ui.ratings.hidden = false; ui.reveal.hidden = true;
  }

  function rate(rating) {
    if (busy || !current || !revealed) { return; }
    var review = session.rate(current, rating, now(), Math.max(0, Date.now() - shownAt));
    var entry = { card: current, at: formatAt(review[0]), rating: rating, ms: review[2] };
    own.add(entry);
    own.append([entry]);
    revealed = false; current = null;
    ui.undo.disabled = false;
    show();
  }

  function undo() {
    var back = busy ? null : session && session.undo();
    if (!back) { return; }
    own.drop({ card: back.card, at: formatAt(back.review[0]), rating: back.review[1], ms: back.review[2] });
    current = null; ui.undo.disabled = true;
    show();
  }

  function skip() {
    if (busy || !current) { return; }
    session.skip(current);
    current = null;
    show();
  }

  /* `ms` as a date in the site's format (DEFAULT_DATE_FORMAT: %d %-d %m %-m %B %b %A %a %Y %y %%). */
  function siteDate(ms) {
    var d = new Date(ms);
    function name(options) { return d.toLocaleDateString("en-GB", options); }
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var parts = {
      d: two(d.getDate()), "-d": String(d.getDate()), m: two(d.getMonth() + 1), "-m": String(d.getMonth() + 1),
      B: name({ month: "long" }), b: name({ month: "short" }).slice(0, 3), A: name({ weekday: "long" }),
      a: name({ weekday: "short" }), Y: String(d.getFullYear()), y: two(d.getFullYear() % 100), "%": "%"
    };
    return dateFormat.replace(/%(-?[a-zA-Z%])/g, function (all, code) { return code in parts ? parts[code] : all; });
  }

  function when(ms) {
    var d = new Date(ms), t = now();
    var time = d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    var tomorrow = new Date(t);
    tomorrow.setDate(tomorrow.getDate() + 1);
    var day = dayStart(ms) === dayStart(t) ? "today" : dayStart(ms) === dayStart(tomorrow.getTime()) ? "tomorrow" : siteDate(ms);
    return day + " at " + time + " (in " + label(ms - t) + ")";
  }

  function finish() {
    ui.stage.hidden = true;
    ui.done.hidden = false;
    ui.done.textContent = "";
    var total = session.total(), rated = session.rated;
    function para(text, cls) {
      var p = document.createElement("p");
      if (cls) { p.className = cls; }
      p.textContent = text; ui.done.appendChild(p); return p;
    }
    var h = document.createElement("h2");
    h.textContent = total ? "Session complete" : session.deck.length ? "Nothing to review right now" : "No cards in this deck";
    ui.done.appendChild(h);
    if (total) {
      var minutes = Math.max(1, Math.round((now() - session.start) / MINUTE));
      para("You rated " + total + " card" + (total === 1 ? "" : "s") + " in about " + minutes + " min: " +
        NAMES.map(function (n, i) { return n + " " + rated[i]; }).join(" · ") + "." +
        (session.skipped ? " Skipped " + session.skipped + "." : ""));
    }
    var outlook = session.outlook(), next = outlook.next, unseen = outlook.unseen;
    if (next !== null && next > now()) { para("Next card due " + when(next) + "."); }
    else if (next !== null) { para("Some cards are still due: they were skipped. Reload to see them again."); }
    if (unseen) { para(unseen + " new card" + (unseen === 1 ? "" : "s") + " wait for another day (" + newPerDay + " new cards a day)."); }
    var links = para("", "review-done-links");
    if (filters.note || filters.tag || filters.level) {
      var all = document.createElement("a");
      all.href = location.pathname; all.textContent = "Review all cards";
      links.appendChild(all);
      links.appendChild(document.createTextNode(" · "));
    }
    var decks = document.createElement("a");
    decks.href = site + "/cards/"; decks.textContent = "Browse the decks";
    links.appendChild(decks);
    if (session.canUndo()) {
      var back = document.createElement("button");
      back.type = "button"; back.className = "review-link"; back.textContent = "Undo the last rating ";
      var kbd = document.createElement("kbd"); kbd.textContent = "U"; back.appendChild(kbd);
      back.addEventListener("click", undo);
      para("", "review-done-hint").appendChild(back);
    }
    ui.done.focus({ preventScroll: true });
  }

  /* ---------- deck filters ---------- */

  /* The folded filters' summary: "Filter: all cards", or the choices made. */
  function showFilters() {
    if (!ui.filterLabel) { return; }
    var chosen = [];
    ["note", "tag", "level"].forEach(function (name) {
      var select = ui.deck.elements[name];
      if (filters[name] && select && select.selectedIndex >= 0) {
        chosen.push(select.options[select.selectedIndex].getAttribute("data-name") || filters[name]);
      }
    });
    ui.filterLabel.textContent = chosen.length ? chosen.join(" · ") : "all cards";
  }

  function readFilters() {
    var params = new URLSearchParams(location.search);
    filters = { note: params.get("note") || "", tag: params.get("tag") || "", level: params.get("level") || "" };
    ["note", "tag", "level"].forEach(function (name) {
      var select = ui.deck.elements[name];
      if (!select) { return; }
      if (filters[name] && !select.querySelector("option[value=\"" + CSS.escape(filters[name]) + "\"]")) {
        notice("warning", "No cards match " + name + " “" + filters[name] + "”; showing the other choices.");
        filters[name] = "";
      }
      select.value = filters[name];
    });
    showFilters();
  }

  function changeDeck() {
    endUndo();
    var params = new URLSearchParams();
    ["note", "tag", "level"].forEach(function (name) {
      filters[name] = ui.deck.elements[name].value;
      if (filters[name]) { params.set(name, filters[name]); }
    });
    showFilters();
    var query = params.toString();
    window.history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    if (loaded) { startSession(null); } /* else the session starts with this deck once loaded */
  }

  /* ---------- export and import ---------- */

  function exportReviews() {
    endUndo();
    var list = own.entries();
    var text = JSON.stringify({ format: FORMAT, version: VERSION, reviews: list }, null, 1) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = "studyfolio-reviews-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    ui.status.textContent = "Exported " + list.length + " review" + (list.length === 1 ? "" : "s") + ".";
  }

  function importReviews(text) {
    var doc, i, bad = [];
    try { doc = readDocument(text); } catch (problem) {
      ui.status.textContent = problem.message;
      ui.status.className = "review-data-status is-error";
      return;
    }
    for (i = 0; i < doc.reviews.length; i++) {
      var why = entryProblem(doc.reviews[i]);
      if (why) { bad.push("review " + (i + 1) + ": " + why); }
    }
    if (bad.length) {
      ui.status.textContent = bad.length + " broken review(s) in this file, so nothing was imported: " +
        bad.slice(0, 3).join("; ") + (bad.length > 3 ? "; …" : "") + ".";
      ui.status.className = "review-data-status is-error";
      return;
    }
    endUndo();
    var fresh = [];
    for (i = 0; i < doc.reviews.length; i++) {
      var e = doc.reviews[i];
      var entry = { card: e.card, at: e.at, rating: e.rating, ms: e.ms };
      if (own.add(entry)) { fresh.push(entry); }
    }
    own.append(fresh);
    ui.status.className = "review-data-status";
    ui.status.textContent = "Imported " + fresh.length + " new review" + (fresh.length === 1 ? "" : "s") +
      " (" + (doc.reviews.length - fresh.length) + " already here).";
    if (loaded) { rebuild(); startSession(null); }
  }

  /* ---------- keys and buttons ---------- */

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var target = event.target, tag = target && target.tagName;
    if (event.key === "Escape" && ui.filters && ui.filters.open) { closeFilters(true); return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (target && target.isContentEditable)) { return; }
    var key = event.key;
    if (key === " " || (key === "Enter" && tag !== "BUTTON" && tag !== "A" && tag !== "SUMMARY")) {
      if (current && !revealed) { event.preventDefault(); reveal(); }
      else if (key === " " && current) { event.preventDefault(); }
    } else if (key >= "1" && key <= "4" && key.length === 1) {
      if (revealed) { event.preventDefault(); rate(+key); }
    } else if (key === "u" || key === "U") {
      event.preventDefault(); undo();
    } else if (key === "s" || key === "S") {
      if (current) { event.preventDefault(); skip(); }
    }
  }

  /* The folded filters close with Escape or a click elsewhere, as a menu does. */
  function closeFilters(refocus) {
    ui.filters.open = false;
    if (refocus) { ui.filters.querySelector("summary").focus(); }
  }

  function wire() {
    document.addEventListener("keydown", onKey);
    if (ui.filters) {
      document.addEventListener("click", function (event) {
        if (ui.filters.open && !ui.filters.contains(event.target)) { closeFilters(false); }
      });
    }
    ui.reveal.addEventListener("click", reveal);
    ui.ratings.addEventListener("click", function (event) {
      var button = event.target.closest("[data-rating]");
      if (button) { rate(+button.getAttribute("data-rating")); }
    });
    ui.undo.addEventListener("click", undo);
    ui.skip.addEventListener("click", skip);
    ui.deck.addEventListener("change", changeDeck);
    ui.deck.addEventListener("submit", function (event) { event.preventDefault(); changeDeck(); });
    var submit = ui.deck.querySelector("[data-deck-submit]");
    if (submit) { submit.hidden = true; }
    ui.exportButton.addEventListener("click", exportReviews);
    ui.importInput.addEventListener("change", function () {
      var file = ui.importInput.files[0];
      if (!file) { return; }
      file.text().then(importReviews, function () {
        ui.status.textContent = "This file could not be read. Nothing was imported.";
      });
      ui.importInput.value = "";
    });
    window.addEventListener("beforeunload", function (event) {
      if (own.unstored.length) { event.preventDefault(); event.returnValue = ""; } /* export first */
    });
    window.addEventListener("storage", function (event) {
      if (event.key === LOG.STORE) { endUndo(); own.load(); if (loaded) { rebuild(); startSession(null); } }
    });
  }

  function getJSON(url, optional) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (response.status === 404 && optional) { return null; }
      if (!response.ok) { throw new Error(url + " answered " + response.status); }
      return response.json();
    });
  }

  /* The scheduler, the daily limit and the learn-ahead window, as the build published them (a
     site built without a learn-ahead window shows no learning card before it is due). */
  function useScheduler(config) {
    config = config || {};
    scheduler = new FSRS.Scheduler({
      desiredRetention: config.desired_retention,
      learningSteps: config.learning_steps,
      relearningSteps: config.relearning_steps,
      maximumInterval: config.maximum_interval
    });
    if (typeof config.new_per_day === "number") { newPerDay = config.new_per_day; }
    if (typeof config.learn_ahead === "number") { learnAhead = config.learn_ahead * 1000; }
  }

  var setUp = false;
  function setUpOnce() {
    if (setUp) { return; }
    setUp = true;
    own.load();
    readFilters();
    wire();
  }
  function failed(error) {
    root.setAttribute("aria-busy", "false");
    ui.progress.textContent = "";
    notice("error", "The cards could not be loaded (" + error.message + "). Build the site with `make html`, then reload.");
  }

  function readable(doc, format) {
    return !!doc && doc.format === format && doc.version === 1 && Array.isArray(doc.cards) && Array.isArray(doc.notes);
  }

  /* review/index.json: every card's published state (null when it cannot be read: then every
     card with a history is replayed from it). */
  var indexRead = null;
  function readIndex() {
    if (!indexRead) {
      indexRead = getJSON(root.getAttribute("data-index-url"), true).then(function (doc) {
        return readable(doc, "studyfolio-review-index") ? doc : null;
      }, function () { return null; });
    }
    return indexRead;
  }

  /* Everything: cards.json, reviews.json and the index, every card's state, then the session. */
  function loadAll(first) {
    Promise.all([
      getJSON(root.getAttribute("data-cards-url"), false),
      getJSON(root.getAttribute("data-history-url"), true),
      readIndex()
    ]).then(function (docs) {
      var cardsDoc = docs[0], historyDoc = docs[1], i;
      index = docs[2];
      base = idMap();
      if (index) { for (i = 0; i < index.cards.length; i++) { base[index.cards[i][0]] = rowState(index.cards[i]); } }
      useScheduler(historyDoc && historyDoc.scheduler || index && index.scheduler);
      if (!historyDoc) { notice("warning", "reviews.json is missing, so only this browser's reviews are used: rebuild the site."); }
      published = idMap(historyDoc && historyDoc.history);
      seeds = idMap(historyDoc && historyDoc.seeds);
      cards = cardsDoc.cards || [];
      byId = idMap();
      for (i = 0; i < cards.length; i++) { byId[cards[i].id] = cards[i]; cards[i].tags = cards[i].tags || []; }
      setUpOnce();
      rebuild();
      loaded = true;
      startSession(first);
    }).catch(failed);
  }

  /* Show row `i` of a cards-N file as the first card, then read the rest. */
  function showFrom(part, i) {
    showFirst(rowCard(part.cards[i], part.notes, part.html[i]));
    var id = part.cards[i][0];
    afterFirstPaint(function () { loadAll(id); });
  }

  /* The rest (megabytes of JSON to fetch and parse) waits until the first card is on screen:
     started earlier, it competes with drawing that card. */
  function afterFirstPaint(then) {
    var done = false;
    function once() { if (!done) { done = true; then(); } }
    if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("paint") >= 0) {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); once(); }
      }).observe({ type: "paint", buffered: true });
    }
    setTimeout(once, 500);  // no paint timing (or nothing painted yet): do not wait longer
  }

  function chunkUrl(number) {
    return root.getAttribute("data-index-url").replace(/index\.json$/, "cards-" + number + ".json");
  }

  /* The quick start. review/cards-0.json (asked for at the top of the page's head, and often
     read before this script runs: then the card is in the page's first paint) holds the first
     hundred cards with their states; when none of them is due in this deck, the index finds
     the first due card and its file. Without these files (a site built before them) everything
     is read first. */
  function begin(part) {
    if (!readable(part, "studyfolio-review-cards") || !Array.isArray(part.html)) { loadAll(null); return; }
    useScheduler(part.scheduler);
    setUpOnce();
    var first = firstDue(part);
    if (first >= 0) { showFrom(part, first); return; }
    if (part.total <= part.cards.length) { loadAll(null); return; }
    readIndex().then(function (doc) {
      first = doc ? firstDue(doc) : -1;
      if (first < 0) { loadAll(null); return; }
      return getJSON(chunkUrl(Math.floor(first / doc.chunk)), false).then(function (found) {
        showFrom(found, first - found.first);
      });
    }).catch(function () { loadAll(null); });
  }

  var early = window.StudyfolioReviewStart;
  if (early && early.chunkDoc !== undefined) {
    begin(early.chunkDoc);
  } else {
    (early ? early.chunk : getJSON(chunkUrl(0), true)).then(begin, function () { loadAll(null); });
  }
})();
