/* This browser's review log, as the review page keeps it in localStorage: read (a log it cannot
   read is kept aside under another key, never wiped), appended to, and a rating taken back.
   Ratings the browser refuses to store (a full quota) stay in memory, in every later write and
   in exports until a write succeeds. Every write reads the saved log first, so other tabs'
   ratings are kept. Problems are told through `notice(kind, text)`.
   Loads as a plain script (window.StudyfolioReviewStore) or under node (globalThis). */
(function (root) {
  "use strict";
  var LOG = root.StudyfolioReviews;
  var STORE = LOG.STORE, FORMAT = LOG.FORMAT, VERSION = LOG.VERSION;

  function defaultStorage() {
    try { return root.localStorage || null; } catch { return null; }
  }

  /* options: notice (function (kind, text)); storage (a function giving the Storage, or null
     when the browser refuses it; localStorage by default). */
  function Store(options) {
    this.notice = options.notice;
    this.storage = options.storage || defaultStorage;
    this.items = [];     /* the saved log as this tab knows it */
    this.unstored = [];  /* ratings the browser refused to store */
    this.byCard = LOG.idMap(); /* the usable entries by card: [[at ms, rating, ms], ...] */
    this.keys = LOG.idMap();
    this.unusable = 0;
    this.saving = true;
  }

  /* The saved log's items, keeping an unreadable one aside (never wiped) and starting afresh;
     `this.items` itself when there is no storage at all. */
  Store.prototype.read = function () {
    var store = this.storage(), raw = null;
    if (store) { try { raw = store.getItem(STORE); } catch { store = null; } }
    if (!store) {
      if (this.saving) {
        this.saving = false;
        this.notice("error", "This browser does not let the page save your reviews: export them before you leave.");
      }
      return this.items;
    }
    if (raw === null) { return []; }
    try {
      return LOG.readDocument(raw).reviews;
    } catch (problem) {
      var aside = STORE + "-unreadable-" + new Date().toISOString();
      try {
        store.setItem(aside, raw);
        store.setItem(STORE, JSON.stringify({ format: FORMAT, version: VERSION, reviews: [] }));
        this.notice("error", "The reviews saved in this browser could not be read, so they were kept aside, untouched, under the storage key “" +
          aside + "”; new ratings go to a fresh log. (" + problem.message.replace(/ Nothing was imported\.$/, "") + ")");
      } catch {
        this.saving = false;
        this.notice("error", "The reviews saved in this browser could not be read and could not be kept aside; nothing is saved until you export and reload.");
      }
      return [];
    }
  };

  Store.prototype.write = function (items) {
    var store = this.storage();
    if (!store || !this.saving) { return false; }
    try {
      store.setItem(STORE, JSON.stringify({ format: FORMAT, version: VERSION, reviews: items }));
      return true;
    } catch (e) {
      this.notice("error", "This browser refused to save your last rating (" + e.name + "). Export your reviews now so they are not lost.");
      return false;
    }
  };

  /* Reads the saved log (with what could not be stored) and indexes its usable entries. */
  Store.prototype.load = function () {
    var stored = this.read();
    this.items = stored === this.items ? stored : stored.concat(this.unstored);
    this.byCard = LOG.idMap(); this.keys = LOG.idMap(); this.unusable = 0;
    for (var i = 0; i < this.items.length; i++) {
      var e = this.items[i];
      if (LOG.entryProblem(e)) { this.unusable++; continue; }
      this.add(e);
    }
    if (this.unusable) {
      this.notice("warning", this.unusable + " saved review(s) in this browser could not be read; they are kept in the log but not used.");
    }
  };

  /* Indexes entry `e` (a checked {card, at, rating, ms}); false when (card, at) is already here. */
  Store.prototype.add = function (e) {
    var at = LOG.parseAt(e.at), k = LOG.keyOf(e.card, at);
    if (this.keys[k]) { return false; }
    this.keys[k] = true;
    (this.byCard[e.card] = this.byCard[e.card] || []).push([at, e.rating, e.ms]);
    return true;
  };

  /* The saved log changed by `change` (a function of its items), written back with what could
     not be stored before. */
  Store.prototype.change = function (change) {
    var stored = this.read();
    if (stored === this.items) { this.items = change(this.items); return; } /* no storage at all */
    var items = change(stored.concat(this.unstored)), before = this.unstored.length;
    if (this.write(items)) {
      this.unstored = [];
      if (before) { this.notice("status", "The " + before + " rating(s) this browser could not save before are saved now."); }
    } else {
      this.unstored = items.slice(stored.length);
    }
    this.items = items;
  };

  /* Saves `entries` (already indexed with add). */
  Store.prototype.append = function (entries) {
    this.change(function (items) { return items.concat(entries); });
  };

  /* Takes `entry` (the last one added) back out of the index and of the saved log. */
  Store.prototype.drop = function (entry) {
    var at = LOG.parseAt(entry.at), mine = this.byCard[entry.card];
    delete this.keys[LOG.keyOf(entry.card, at)];
    mine.splice(mine.length - 1, 1);
    if (!mine.length) { delete this.byCard[entry.card]; }
    this.change(function (items) {
      return items.filter(function (e) { return !(e.card === entry.card && e.at === entry.at); });
    });
  };

  /* The usable entries, oldest first: what an export holds. */
  Store.prototype.entries = function () {
    var list = [];
    for (var i = 0; i < this.items.length; i++) { if (!LOG.entryProblem(this.items[i])) { list.push(this.items[i]); } }
    return list.sort(function (a, b) {
      return LOG.parseAt(a.at) - LOG.parseAt(b.at) || (a.card < b.card ? -1 : a.card > b.card ? 1 : 0);
    });
  };

  root.StudyfolioReviewStore = { Store: Store };
})(typeof window !== "undefined" ? window : globalThis);
