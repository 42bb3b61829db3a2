/* Replays histories through theme/static/js/fsrs.js for tests/srs/test_fsrs_parity.py.
   stdin: {"config": {...}, "histories": [[[at_ms, rating], ...], ...]}
   stdout: per history, per review: [state, step, stability, difficulty, due_ms, retrievability a day later]. */
"use strict";
require("./fsrs_job.js")((job, scheduler) =>
  job.histories.map((history) => {
    let card = scheduler.newCard();
    const states = history.map(([at, rating]) => {
      card = scheduler.review(card, rating, at);
      const later = scheduler.retrievability(card, at + 86400000 * 3 + 1234);
      return [card.state, card.step, card.stability, card.difficulty, card.due, later];
    });
    // the page replays a whole history in place from reviews.json's flat shape: same end state
    const replayed = scheduler.replay(history.flatMap(([at, rating]) => [at, rating, 0]));
    if (JSON.stringify(replayed) !== JSON.stringify(card)) {
      throw new Error("replay differs from review by review: " + JSON.stringify([replayed, card]));
    }
    return states;
  }));
