/* Runs theme/static/js/review-session.js for tests/srs/test_review_session.py.
   stdin: {"config": fsrs.js options, "session": {"deck": [ids], "histories": {id: [at, rating, ms, ...]},
   "newPerDay", "learnAhead" (ms), "now", "first"}, "steps": [{"do": "rate"|"skip"|"undo"|"look", "at", "rating"}]}.
   A step acts at `at` on the card the page shows then (pick at `at`).
   stdout: the session after it starts and after each step: {"acted", "next" (pick at the step's time),
   "counts", "pending", "rated", "skipped", "canUndo", "mastery", "states", "histories", "review", "undone"}. */
"use strict";
const path = require("path");
require(path.resolve(__dirname, "../../theme/static/js/review-session.js"));
const S = globalThis.StudyfolioSession;

function sorted(map) {
  const out = {};
  Object.keys(map).sort().forEach((k) => { out[k] = map[k]; });
  return out;
}

require("./fsrs_job.js")((job, scheduler) => {
  const given = job.session, states = Object.create(null), histories = Object.create(null);
  Object.keys(given.histories).forEach((id) => {
    histories[id] = given.histories[id];
    states[id] = scheduler.replay(given.histories[id]);
  });
  const session = new S.Session({
    deck: given.deck, states: states, histories: histories, scheduler: scheduler,
    newPerDay: given.newPerDay, learnAhead: given.learnAhead, now: given.now, first: given.first || null,
  });
  function look(t, extra) {
    return Object.assign({
      next: session.pick(t), counts: session.counts(t), pending: session.pending.slice(),
      rated: session.rated.slice(), skipped: session.skipped, canUndo: session.canUndo(),
      mastery: session.mastery(t), outlook: session.outlook(),
      states: JSON.parse(JSON.stringify(sorted(states))), histories: JSON.parse(JSON.stringify(sorted(histories))),
    }, extra);
  }
  const out = [look(given.now, {})];
  job.steps.forEach((step) => {
    const acted = session.pick(step.at), extra = { acted: acted };
    if (step.do === "rate" && acted) { extra.review = session.rate(acted, step.rating, step.at, step.ms || 0); }
    else if (step.do === "skip" && acted) { session.skip(acted); }
    else if (step.do === "undo") { extra.undone = session.undo(); }
    out.push(look(step.at, extra));
  });
  return out;
});
