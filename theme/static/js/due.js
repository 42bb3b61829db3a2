/* The number of cards due now beside "Review" in the main menu, counted in this browser: each
   card's published state (review/index.json) carried on through this browser's own later
   reviews (the saved log), as the review page counts them. A card with an own review older
   than its published ones is replayed from its whole history (reviews.json, read only then).
   Bundled with fsrs.js and srslog.js as js/review-due.js, which nav.js loads once the page is
   idle, so no page waits for it. */
(function () {
  "use strict";
  var FSRS = window.StudyfolioFSRS, LOG = window.StudyfolioReviews;
  var link = document.querySelector("[data-review-due-link]");
  var badge = link && link.querySelector("[data-review-due]");
  if (!FSRS || !LOG || !badge) { return; }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(url + " answered " + response.status); }
      return response.json();
    });
  }

  function scheduler(config) {
    config = config || {};
    return new FSRS.Scheduler({
      desiredRetention: config.desired_retention, learningSteps: config.learning_steps,
      relearningSteps: config.relearning_steps, maximumInterval: config.maximum_interval
    });
  }

  /* A row's published state ([due, state, step, stability, difficulty, last review] or null). */
  function published(row) {
    var s = row[5];
    return s ? { state: s[1], step: s[2], stability: s[3], difficulty: s[4], due: s[0], lastReview: s[5] } : null;
  }

  /* On phones the menu is closed: its button carries a dot (and says so) while cards are due. */
  var menuButton = document.querySelector("[data-nav-toggle]");
  var menuLabel = menuButton && menuButton.querySelector(".nav-toggle-label");

  function cardsDue(count) { return count + (count === 1 ? " card due" : " cards due"); }

  function show(count) {
    badge.textContent = "";
    if (menuButton) { menuButton.classList.toggle("has-due", count > 0); }
    if (menuLabel) { menuLabel.textContent = count ? "Menu (" + cardsDue(count) + ")" : "Menu"; }
    if (!count) { badge.hidden = true; link.removeAttribute("title"); return; }
    var number = document.createElement("span");
    number.setAttribute("aria-hidden", "true");
    number.textContent = count > 99 ? "99+" : String(count);
    var words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = "(" + cardsDue(count) + ")";
    badge.appendChild(number);
    badge.appendChild(words);
    badge.hidden = false;
    link.title = cardsDue(count) + " now";
  }

  function count(index) {
    var fsrs = scheduler(index.scheduler), mine = LOG.savedByCard(), now = Date.now(), due = 0, replay = [];
    index.cards.forEach(function (row) {
      var pub = published(row), own = mine[row[0]];
      var card = own && own.length ? fsrs.resume(pub, own) : pub;
      if (card === null && own && own.length) { replay.push(row[0]); } else if (card && card.due <= now) { due++; }
    });
    if (!replay.length) { return Promise.resolve(due); }
    return getJSON(link.getAttribute("data-history-url")).then(function (doc) {
      var history = LOG.idMap(doc && doc.history), seeds = LOG.idMap(doc && doc.seeds);
      replay.forEach(function (id) {
        if (fsrs.replay(LOG.mergeFlat(history[id] || [], mine[id]), seeds[id]).due <= now) { due++; }
      });
      return due;
    });
  }

  getJSON(link.getAttribute("data-index-url")).then(function (index) {
    if (!index || index.format !== "studyfolio-review-index" || !Array.isArray(index.cards)) { return; }
    return count(index).then(show);
  }).catch(function () { /* no count: the menu item still leads to the review page */ });
})();
