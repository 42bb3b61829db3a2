/* Resumes published states (review/index.json's state rows) with later reviews through
   theme/static/js/fsrs.js, as the review page does for this browser's own reviews.
   stdin: {"config": {...}, "cases": [{"state": [due, state, step, stability, difficulty, last] | null,
   "rest": [[at_ms, rating], ...]}, ...]}
   stdout: per case, the end state [state, step, stability, difficulty, due_ms, last_review_ms]. */
"use strict";
require("./fsrs_job.js")((job, scheduler) =>
  job.cases.map(({ state, rest }) => {
    const card = state === null ? scheduler.newCard() : {
      state: state[1], step: state[2], stability: state[3], difficulty: state[4], due: state[0], lastReview: state[5]
    };
    for (const [at, rating] of rest) { scheduler.apply(card, rating, at); }
    return [card.state, card.step, card.stability, card.difficulty, card.due, card.lastReview];
  }));
