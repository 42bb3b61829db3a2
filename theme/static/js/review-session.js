/* One review session over a deck, without the page: which card comes next, rating, undo, skip
   and the session's counters. The order is plugins/studyfolio/srs/session.py's: cards due now,
   soonest first (ties in deck order); then new cards, up to what is left of the daily limit;
   then cards in a learning step due within the learn-ahead window the build publishes
   (scheduler.learn_ahead in its JSON), so a session ends with nothing left hanging.
   Times are epoch milliseconds; `today` is the start of the learner's local day.
   Loads as a plain script (window.StudyfolioSession) or under node (globalThis). */
(function (root) {
  "use strict";
  var DAY = 86400000;

  /* The start of the local day of `ms`. */
  function dayStart(ms) { var d = new Date(ms); d.setHours(0, 0, 0, 0); return d.getTime(); }

  /* options: deck (card ids in deck order), states and histories (maps by card id, shared with
     the caller and changed in place: a card's FSRS state, and its history flat as in
     reviews.json, [at, rating, ms, ...]; a card with neither was never reviewed), scheduler
     (fsrs.js), newPerDay, learnAhead (ms), now, first (a card id to show first, or null). */
  function Session(options) {
    var t = options.now, today = dayStart(t), introduced = 0, id, i;
    this.deck = options.deck.slice();
    this.states = options.states;
    this.histories = options.histories;
    this.scheduler = options.scheduler;
    this.newPerDay = options.newPerDay;
    this.learnAhead = options.learnAhead;
    this.start = t;
    for (id in this.histories) {
      if (this.histories[id][0] >= today) { introduced++; }
    }
    var due = [], fresh = [], left = Math.max(0, this.newPerDay - introduced);
    this.doneToday = 0;
    for (i = 0; i < this.deck.length; i++) {
      id = this.deck[i];
      var h = this.histories[id];
      if (!h) { if (fresh.length < left) { fresh.push(id); } continue; }
      if (this.states[id].due <= t) { due.push(id); }
      for (var j = h.length - 3; j >= 0 && h[j] >= today; j -= 3) { this.doneToday++; }
    }
    var states = this.states;
    due.sort(function (a, b) { return states[a].due - states[b].due; });
    this.pending = due.concat(fresh);
    this.forced = options.first && this.pending.indexOf(options.first) >= 0 ? options.first : null;
    this.rated = [0, 0, 0, 0];
    this.skipped = 0;
    this.last = null; /* the last rating, while it can be taken back */
  }

  /* The card to show at `t`, or null when the session is over. */
  Session.prototype.pick = function (t) {
    if (this.forced && this.pending.indexOf(this.forced) >= 0) { return this.forced; }
    var best = null, ahead = null, fresh = null;
    for (var i = 0; i < this.pending.length; i++) {
      var id = this.pending[i], s = this.states[id];
      if (!s) { if (fresh === null) { fresh = id; } continue; }
      if (s.due <= t) { if (best === null || s.due < this.states[best].due) { best = id; } }
      else if (s.due <= t + this.learnAhead && (ahead === null || s.due < this.states[ahead].due)) { ahead = id; }
    }
    return best || fresh || ahead;
  };

  /* {due, fresh, done}: cards due now and new cards left in the session, reviews done today. */
  Session.prototype.counts = function (t) {
    var due = 0, fresh = 0;
    for (var i = 0; i < this.pending.length; i++) {
      var s = this.states[this.pending[i]];
      if (!s) { fresh++; } else if (s.due <= t) { due++; }
    }
    return { due: due, fresh: fresh, done: this.doneToday };
  };

  /* Rates card `id` at `t` (moved a second past the card's last review when not later: one card,
     one review per instant), `ms` after it was shown. The card leaves the session unless it comes
     back within a day. Returns the review [at, rating, ms]. */
  Session.prototype.rate = function (id, rating, t, ms) {
    var before = this.states[id] || null;
    if (before && t <= before.lastReview) { t = before.lastReview + 1000; }
    this.last = { id: id, before: before, history: this.histories[id], pending: this.pending.slice(), review: [t, rating, ms] };
    /* `t` is later than every review of the card (its state's last one), so it goes last */
    this.histories[id] = (this.histories[id] || []).concat([t, rating, ms]);
    this.states[id] = this.scheduler.review(before || this.scheduler.newCard(), rating, t);
    if (this.states[id].due - t >= DAY) { this.pending.splice(this.pending.indexOf(id), 1); }
    this.rated[rating - 1]++; this.doneToday++;
    this.forced = null;
    return [t, rating, ms];
  };

  Session.prototype.canUndo = function () { return this.last !== null; };

  /* Ends the time the last rating can be taken back. */
  Session.prototype.forgetUndo = function () { this.last = null; };

  /* Takes back the last rating: every state, history, the queue and the counters as they were
     before it, and its card shown next. Returns {card, review: [at, rating, ms]}, or null when
     there is nothing to take back. */
  Session.prototype.undo = function () {
    var last = this.last;
    if (!last) { return null; }
    if (last.history) { this.histories[last.id] = last.history; } else { delete this.histories[last.id]; }
    if (last.before) { this.states[last.id] = last.before; } else { delete this.states[last.id]; }
    this.pending = last.pending; this.forced = last.id;
    this.rated[last.review[1] - 1]--; this.doneToday--;
    this.last = null;
    return { card: last.id, review: last.review };
  };

  /* Puts card `id` aside for the rest of the session, unrated. */
  Session.prototype.skip = function (id) {
    var at = this.pending.indexOf(id);
    if (at >= 0) { this.pending.splice(at, 1); this.skipped++; }
    this.forced = null;
  };

  Session.prototype.total = function () { return this.rated[0] + this.rated[1] + this.rated[2] + this.rated[3]; };

  /* The deck's mastery at `t`: the mean chance of recall, in whole percent (new cards count 0). */
  Session.prototype.mastery = function (t) {
    if (!this.deck.length) { return 0; }
    var sum = 0;
    for (var i = 0; i < this.deck.length; i++) {
      var s = this.states[this.deck[i]];
      if (s) { sum += this.scheduler.retrievability(s, t); }
    }
    return Math.round(100 * sum / this.deck.length);
  };

  /* {next, unseen}: when the deck's next card is due (null when none was ever reviewed) and how
     many of its cards were never reviewed. */
  Session.prototype.outlook = function () {
    var next = null, unseen = 0;
    for (var i = 0; i < this.deck.length; i++) {
      var s = this.states[this.deck[i]];
      if (!s) { unseen++; } else if (next === null || s.due < next) { next = s.due; }
    }
    return { next: next, unseen: unseen };
  };

  root.StudyfolioSession = { Session: Session, dayStart: dayStart, DAY: DAY };
})(typeof window !== "undefined" ? window : globalThis);
