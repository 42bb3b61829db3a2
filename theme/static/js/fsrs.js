/* FSRS-6 scheduling for the review page: a line-by-line mirror of the Python `fsrs` package
   (version 6), which is the reference. Times are epoch milliseconds; ratings 1-4
   (Again, Hard, Good, Easy); states 1 Learning, 2 Review, 3 Relearning, as in the package.
   Every formula keeps the package's order of operations, so results agree to the last bits;
   tests/srs/test_fsrs_parity.py checks that for thousands of random histories.
   Loads as a plain script (window.StudyfolioFSRS) or as a CommonJS module (node). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) { module.exports = factory(); }
  else { root.StudyfolioFSRS = factory(); }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DEFAULT_PARAMETERS = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
  ];
  var STABILITY_MIN = 0.001;
  var MIN_DIFFICULTY = 1.0;
  var MAX_DIFFICULTY = 10.0;
  var DAY = 86400000;
  var LEARNING = 1, REVIEW = 2, RELEARNING = 3;
  var AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;

  /* Python's round(): halves go to the even neighbour. */
  function roundHalfEven(x) {
    var floor = Math.floor(x);
    var diff = x - floor;
    if (diff > 0.5) { return floor + 1; }
    if (diff < 0.5) { return floor; }
    return floor % 2 === 0 ? floor : floor + 1;
  }

  /* Python's `a ** b` for floats, and math.e ** x, which the package writes instead of exp. */
  function pow(a, b) { return Math.pow(a, b); }
  function epow(x) { return Math.pow(Math.E, x); }

  /* timedelta(...).days: whole days, rounded down. */
  function wholeDays(ms) { return Math.floor(ms / DAY); }

  function Scheduler(options) {
    options = options || {};
    this.w = (options.parameters || DEFAULT_PARAMETERS).slice();
    this.desiredRetention = options.desiredRetention === undefined ? 0.9 : options.desiredRetention;
    this.learningSteps = (options.learningSteps || [60, 600]).map(function (s) { return s * 1000; });
    this.relearningSteps = (options.relearningSteps || [600]).map(function (s) { return s * 1000; });
    this.maximumInterval = options.maximumInterval === undefined ? 36500 : options.maximumInterval;
    this.decay = -this.w[20];
    this.factor = pow(0.9, 1 / this.decay) - 1;
    /* Terms that depend on the parameters alone, computed once as the package computes them
       each time (same operations, same bits). */
    var w = this.w;
    this.intervalTerm = pow(this.desiredRetention, 1 / this.decay) - 1;
    this.easyDifficulty = this.initialDifficulty(EASY, false);
    this.recallBase = epow(w[8]);
    this.forgetShortTerm = epow(w[17] * w[18]);
    this.shortTermBase = [0, 1, 2, 3, 4].map(function (rating) { return epow(w[17] * (rating - 3 + w[18])); });
  }

  Scheduler.prototype.newCard = function () {
    return { state: LEARNING, step: 0, stability: null, difficulty: null, due: null, lastReview: null };
  };

  Scheduler.prototype.clampDifficulty = function (d) {
    return Math.min(Math.max(d, MIN_DIFFICULTY), MAX_DIFFICULTY);
  };

  Scheduler.prototype.clampStability = function (s) { return Math.max(s, STABILITY_MIN); };

  Scheduler.prototype.retrievability = function (card, now) {
    if (card.lastReview === null || card.stability === null) { return 0; }
    var elapsedDays = Math.max(0, wholeDays(now - card.lastReview));
    return pow(1 + this.factor * elapsedDays / card.stability, this.decay);
  };

  Scheduler.prototype.initialStability = function (rating) {
    return this.clampStability(this.w[rating - 1]);
  };

  Scheduler.prototype.initialDifficulty = function (rating, clamp) {
    var d = this.w[4] - epow(this.w[5] * (rating - 1)) + 1;
    return clamp ? this.clampDifficulty(d) : d;
  };

  Scheduler.prototype.nextInterval = function (stability) {
    var days = (stability / this.factor) * this.intervalTerm;
    days = roundHalfEven(days);
    days = Math.max(days, 1);
    return Math.min(days, this.maximumInterval);
  };

  Scheduler.prototype.shortTermStability = function (stability, rating) {
    var w = this.w;
    var increase = this.shortTermBase[rating] * pow(stability, -w[19]);
    if (rating !== AGAIN) { increase = Math.max(increase, 1.0); }
    return this.clampStability(stability * increase);
  };

  Scheduler.prototype.nextDifficulty = function (difficulty, rating) {
    var w = this.w;
    var arg1 = this.easyDifficulty;
    var delta = -(w[6] * (rating - 3));
    var arg2 = difficulty + (10.0 - difficulty) * delta / 9.0;
    return this.clampDifficulty(w[7] * arg1 + (1 - w[7]) * arg2);
  };

  Scheduler.prototype.nextStability = function (difficulty, stability, r, rating) {
    var w = this.w, next;
    if (rating === AGAIN) {
      var longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) *
        epow((1 - r) * w[14]);
      var shortTerm = stability / this.forgetShortTerm;
      next = Math.min(longTerm, shortTerm);
    } else {
      var hardPenalty = rating === HARD ? w[15] : 1;
      var easyBonus = rating === EASY ? w[16] : 1;
      next = stability * (1 + this.recallBase * (11 - difficulty) * pow(stability, -w[9]) *
        (epow((1 - r) * w[10]) - 1) * hardPenalty * easyBonus);
    }
    return this.clampStability(next);
  };

  /* Learning and Relearning share one shape; `steps` are that state's steps in ms. */
  Scheduler.prototype.stepInterval = function (card, rating, steps) {
    var days;
    if (steps.length === 0 || (card.step >= steps.length && rating !== AGAIN)) {
      card.state = REVIEW; card.step = null;
      return this.nextInterval(card.stability) * DAY;
    }
    if (rating === AGAIN) { card.step = 0; return steps[0]; }
    if (rating === HARD) {
      if (card.step === 0 && steps.length === 1) { return steps[0] * 1.5; }
      if (card.step === 0 && steps.length >= 2) { return (steps[0] + steps[1]) / 2.0; }
      return steps[card.step];
    }
    if (rating === GOOD && card.step + 1 !== steps.length) {
      card.step += 1;
      return steps[card.step];
    }
    card.state = REVIEW; card.step = null;
    days = this.nextInterval(card.stability);
    return days * DAY;
  };

  /* The card after a review with `rating` at time `at`; the given card is not changed. */
  Scheduler.prototype.review = function (given, rating, at) {
    var card = {
      state: given.state, step: given.step, stability: given.stability,
      difficulty: given.difficulty, due: given.due, lastReview: given.lastReview
    };
    this.apply(card, rating, at);
    return card;
  };

  /* `review` in place: the replay of a long history makes no garbage. */
  Scheduler.prototype.apply = function (card, rating, at) {
    var sinceLast = card.lastReview === null ? null : wholeDays(at - card.lastReview);
    var interval;
    if (card.state === REVIEW) {
      if (sinceLast !== null && sinceLast < 1) {
        card.stability = this.shortTermStability(card.stability, rating);
      } else {
        card.stability = this.nextStability(card.difficulty, card.stability,
          this.retrievability(card, at), rating);
      }
      card.difficulty = this.nextDifficulty(card.difficulty, rating);
      if (rating === AGAIN && this.relearningSteps.length > 0) {
        card.state = RELEARNING; card.step = 0;
        interval = this.relearningSteps[0];
      } else {
        interval = this.nextInterval(card.stability) * DAY;
      }
    } else {
      if (card.stability === null || card.difficulty === null) {
        card.stability = this.initialStability(rating);
        card.difficulty = this.initialDifficulty(rating, true);
      } else if (sinceLast !== null && sinceLast < 1) {
        card.stability = this.shortTermStability(card.stability, rating);
        card.difficulty = this.nextDifficulty(card.difficulty, rating);
      } else {
        card.stability = this.nextStability(card.difficulty, card.stability,
          this.retrievability(card, at), rating);
        card.difficulty = this.nextDifficulty(card.difficulty, rating);
      }
      interval = this.stepInterval(card, rating,
        card.state === LEARNING ? this.learningSteps : this.relearningSteps);
    }
    card.due = at + Math.round(interval);
    card.lastReview = at;
  };

  /* A card's state after its history, flat and in time order: [at, rating, ms, at, rating, ms, ...]
     (the shape of reviews.json). `seed` ([last review, due, stability, difficulty], reviews.json's
     "seeds": a schedule carried over from Obsidian) is the state the history starts from; its
     reviews up to the seed's last review are in the seed already (srs/seed.py). */
  Scheduler.prototype.replay = function (history, seed) {
    var card = this.newCard(), from = -Infinity;
    if (seed) {
      card.state = REVIEW; card.step = null; card.lastReview = seed[0]; card.due = seed[1];
      card.stability = seed[2]; card.difficulty = seed[3]; from = seed[0];
    }
    for (var i = 0; i < history.length; i += 3) {
      if (history[i] > from) { this.apply(card, history[i + 1], history[i]); }
    }
    return card;
  };

  /* A published state (a card as newCard() gives, or null for one never reviewed) carried on
     through later reviews [[at, rating, ...], ...]; null when a review is not later than the
     published one's last: then only a replay of the whole history gives the card's state. */
  Scheduler.prototype.resume = function (published, later) {
    var card = this.newCard(), k, i;
    if (published) { for (k in card) { card[k] = published[k]; } }
    later = later.slice().sort(function (a, b) { return a[0] - b[0]; });
    for (i = 0; i < later.length; i++) {
      if (published && later[i][0] <= published.lastReview) { return null; }
      this.apply(card, later[i][1], later[i][0]);
    }
    return card;
  };

  /* The four cards the four ratings would give at time `at`: index 0 is Again. */
  Scheduler.prototype.preview = function (card, at) {
    var out = [];
    for (var rating = AGAIN; rating <= EASY; rating++) { out.push(this.review(card, rating, at)); }
    return out;
  };

  return {
    Scheduler: Scheduler,
    DEFAULT_PARAMETERS: DEFAULT_PARAMETERS,
    LEARNING: LEARNING, REVIEW: REVIEW, RELEARNING: RELEARNING,
    roundHalfEven: roundHalfEven
  };
});
