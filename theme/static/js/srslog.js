/* Review entries in the browser, shared by the review page and the deck pages' mastery:
   checking an entry ({"card", "at", "rating", "ms"}) and a review file, reading this browser's
   saved log, and uniting a card's published history with it. The same rules as
   plugins/studyfolio/srs/log.py: times in UTC to the millisecond, a set union on (card, at),
   the lower (rating, ms) kept when two entries share that key. */
(function (root) {
  "use strict";
  var STORE = "studyfolio-reviews";
  var FORMAT = "studyfolio-reviews";
  var VERSION = 1;
  var FIELDS = ["card", "at", "rating", "ms"];
  var AT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?:Z|\+00:00)$/;

  /* Epoch milliseconds of `2026-10-01T09:30:00Z` (or .123, or +00:00); NaN for anything else. */
  function parseAt(text) {
    var m = typeof text === "string" ? AT.exec(text) : null;
    if (!m || +m[1] < 2000 || +m[1] > 2099) { return NaN; }  /* a review is dated from 2000 to 2099, as in log.py */
    var ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], m[7] ? +(m[7] + "00").slice(0, 3) : 0);
    var d = new Date(ms);
    var real = d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] &&
      d.getUTCHours() === +m[4] && d.getUTCMinutes() === +m[5] && d.getUTCSeconds() === +m[6];
    return real ? ms : NaN;
  }

  function formatAt(ms) {
    var text = new Date(ms).toISOString();
    return text.slice(20, 23) === "000" ? text.slice(0, 19) + "Z" : text;
  }

  /* What is wrong with one entry, or "" when it is a review. */
  function entryProblem(e) {
    if (!e || typeof e !== "object" || Array.isArray(e)) { return "expected an object with card, at, rating, ms"; }
    for (var k in e) {
      if (Object.prototype.hasOwnProperty.call(e, k) && FIELDS.indexOf(k) < 0) { return "unknown key '" + k + "'"; }
    }
    for (var i = 0; i < FIELDS.length; i++) {
      if (!(FIELDS[i] in e)) { return "missing '" + FIELDS[i] + "'"; }
    }
    if (typeof e.card !== "string" || !e.card.trim() || e.card !== e.card.trim()) { return "'card' must be a card id"; }
    if (isNaN(parseAt(e.at))) { return "'at' must be a UTC time from 2000 to 2099 like 2026-10-01T09:30:00Z, got " + JSON.stringify(e.at); }
    if ([1, 2, 3, 4].indexOf(e.rating) < 0) { return "'rating' must be 1, 2, 3 or 4, got " + JSON.stringify(e.rating); }
    if (typeof e.ms !== "number" || e.ms < 0 || Math.floor(e.ms) !== e.ms) { return "'ms' must be a whole number of milliseconds"; }
    return "";
  }

  /* A review file (an export or the saved log) as its document, or an Error saying why not. */
  function readDocument(text) {
    var doc;
    try { doc = JSON.parse(text); } catch {
      throw new Error("This file is not valid JSON (it may be cut short). Nothing was imported.");
    }
    if (!doc || typeof doc !== "object" || doc.format !== FORMAT) {
      throw new Error("This is not a Studyfolio review export (no \"format\": \"" + FORMAT + "\"). Nothing was imported.");
    }
    if (typeof doc.version !== "number" || Math.floor(doc.version) !== doc.version || doc.version < 1) {
      throw new Error("This export has no valid version number. Nothing was imported.");
    }
    if (doc.version > VERSION) {
      throw new Error("This export was made by a newer Studyfolio (format version " + doc.version +
        "); this page reads version " + VERSION + ". Update the site, then import again. Nothing was imported.");
    }
    if (!Array.isArray(doc.reviews)) { throw new Error("This export has no list of reviews. Nothing was imported."); }
    return doc;
  }

  function keyOf(card, at) { return card + "\n" + at; }

  /* A map keyed by card id: no prototype, so ids such as "constructor" or "__proto__" are
     ordinary keys. With `from` (an object parsed from JSON), a copy of its own entries. */
  function idMap(from) {
    var map = Object.create(null);
    if (from && typeof from === "object") {
      Object.keys(from).forEach(function (k) { map[k] = from[k]; });
    }
    return map;
  }

  /* Of two entries [at, rating, ms] for one card and instant, the one every merge keeps. */
  function wins(a, b) { return a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2]); }

  /* A card's published history (flat: [at, rating, ms, ...]) united with entries [at, rating, ms]. */
  function mergeFlat(pub, mine) {
    if (!mine || !mine.length) { return pub; }
    var seen = {}, items = [], flat = [], i, e;
    for (i = 0; i < pub.length; i += 3) { seen[pub[i]] = items.length; items.push([pub[i], pub[i + 1], pub[i + 2]]); }
    for (i = 0; i < mine.length; i++) {
      e = mine[i];
      if (seen[e[0]] === undefined) { seen[e[0]] = items.length; items.push(e); }
      else if (wins(e, items[seen[e[0]]])) { items[seen[e[0]]] = e; }
    }
    items.sort(function (a, b) { return a[0] - b[0]; });
    for (i = 0; i < items.length; i++) { flat.push(items[i][0], items[i][1], items[i][2]); }
    return flat;
  }

  /* This browser's saved reviews by card ({id: [[at, rating, ms], ...]}), read only; {} when
     there are none or they cannot be read (the review page reports and keeps those aside). */
  function savedByCard() {
    var byCard = idMap();
    try {
      var raw = root.localStorage.getItem(STORE);
      var items = raw === null ? [] : readDocument(raw).reviews;
      for (var i = 0; i < items.length; i++) {
        var e = items[i];
        if (!entryProblem(e)) { (byCard[e.card] = byCard[e.card] || []).push([parseAt(e.at), e.rating, e.ms]); }
      }
    } catch { return idMap(); }
    return byCard;
  }

  root.StudyfolioReviews = {
    STORE: STORE, FORMAT: FORMAT, VERSION: VERSION,
    parseAt: parseAt, formatAt: formatAt, entryProblem: entryProblem, readDocument: readDocument,
    keyOf: keyOf, idMap: idMap, wins: wins, mergeFlat: mergeFlat, savedByCard: savedByCard
  };
})(typeof window !== "undefined" ? window : globalThis);
