/* Replays seeded histories through theme/static/js/fsrs.js for tests/srs/test_seed.py.
   stdin: {"config": {...}, "cases": [{"seed": [last ms, due ms, stability, difficulty], "history": [at, rating, ms, ...]}]}
   stdout: per case, the card: [state, step, stability, difficulty, due ms, last review ms]. */
"use strict";
require("./fsrs_job.js")((job, scheduler) =>
  job.cases.map(({ seed, history }) => {
    const card = scheduler.replay(history, seed);
    return [card.state, card.step, card.stability, card.difficulty, card.due, card.lastReview];
  }));
