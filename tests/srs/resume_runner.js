/* Resumes published states (review/index.json's state rows) with later reviews through
   theme/static/js/fsrs.js's Scheduler.resume, as the menu's count of cards due does for this
   browser's own reviews (the review page resumes states the same way).
   stdin: {"config": {...}, "cases": [{"state": [due, state, step, stability, difficulty, last] | null,
   "rest": [[at_ms, rating], ...]}, ...]}
   stdout: per case, the end state [state, step, stability, difficulty, due_ms, last_review_ms]. */
"use strict";
require("./fsrs_job.js")((job, scheduler) =>
  job.cases.map(({ state, rest }) => {
    const published = state === null ? null : {
      state: state[1], step: state[2], stability: state[3], difficulty: state[4], due: state[0], lastReview: state[5]
    };
    const card = scheduler.resume(published, rest); /* as the menu's count of cards due does */
    return card && [card.state, card.step, card.stability, card.difficulty, card.due, card.lastReview];
  }));
