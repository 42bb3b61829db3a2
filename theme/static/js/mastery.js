/* Deck mastery, now: the mean chance of recalling this page's cards (a note's deck shows them
   whole, the other decks their questions; both carry data-card-id) at this moment, from the
   published history (reviews.json) and this browser's own reviews, replayed with fsrs.js.
   Without JavaScript the page keeps the figure the build computed. */
(function () {
  "use strict";
  var FSRS = window.StudyfolioFSRS, LOG = window.StudyfolioReviews;
  var box = document.querySelector("[data-deck-mastery]");
  if (!box || !FSRS || !LOG || !window.fetch) { return; }
  var seen = LOG.idMap(), ids = [];
  document.querySelectorAll("[data-card-id]").forEach(function (card) {
    var id = card.getAttribute("data-card-id");
    if (!seen[id]) { seen[id] = true; ids.push(id); }
  });
  if (!ids.length) { return; }
  fetch(box.getAttribute("data-history-url"), { credentials: "same-origin" }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (doc) {
    var config = doc && doc.scheduler || {};
    var scheduler = new FSRS.Scheduler({
      desiredRetention: config.desired_retention, learningSteps: config.learning_steps,
      relearningSteps: config.relearning_steps, maximumInterval: config.maximum_interval
    });
    var published = LOG.idMap(doc && doc.history), seeds = LOG.idMap(doc && doc.seeds), own = LOG.savedByCard();
    var now = Date.now(), sum = 0, studied = 0, due = 0;
    for (var i = 0; i < ids.length; i++) {
      var history = LOG.mergeFlat(published[ids[i]] || [], own[ids[i]]);
      if (!history.length && !seeds[ids[i]]) { continue; }
      var state = scheduler.replay(history, seeds[ids[i]]);
      studied++;
      sum += scheduler.retrievability(state, now);
      if (state.due <= now) { due++; }
    }
    var percent = Math.round(100 * sum / ids.length);
    box.querySelector("[data-mastery-meter]").value = percent;
    box.querySelector("[data-mastery-meter]").textContent = percent + "%";
    box.querySelector("[data-mastery-value]").textContent = percent + "%";
    box.querySelector("[data-mastery-detail]").textContent = "now: " + studied + " of " + ids.length + " card" +
      (ids.length === 1 ? "" : "s") + " studied" + (due ? ", " + due + " due for review" : "");
  }, function () { /* offline or no history: the build's figure stays */ });
})();
