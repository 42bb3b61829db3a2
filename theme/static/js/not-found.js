/* The 404 page: the words of the missing address's last part go into the search box, and the notes
   whose address or title come closest to them are offered as "Did you mean" links. The notes are
   listed in the page itself (a JSON script: address and title of each), so nothing else is loaded. */
(function () {
  "use strict";

  var MIN_LIKENESS = 0.5; /* average over the address's words, 1 = every word found as it is */
  var MAX_GUESSES = 3;
  var IGNORED = ["index", "html", "htm", "404"];
  var FILLERS = ["a", "an", "and", "the", "of", "in", "on", "to", "for", "with", "my", "is"];

  /* The last meaningful part of a path, decoded: /notes/eigen-vectors-intro/ -> "eigen-vectors-intro". */
  function lastPart(path) {
    var parts = path.split("/").filter(Boolean).map(function (part) {
      try { return decodeURIComponent(part); } catch { return part; }
    }).map(function (part) { return part.replace(/\.html?$/i, ""); });
    while (parts.length && IGNORED.indexOf(parts[parts.length - 1].toLowerCase()) >= 0) { parts.pop(); }
    return parts.length ? parts[parts.length - 1] : "";
  }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function meaningful(list) {
    return list.filter(function (word) { return word.length > 1 && FILLERS.indexOf(word) < 0; });
  }

  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) { row.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  /* How alike two words are, 0 to 1: a word that starts or is inside the other counts nearly whole
     (eigen ~ eigenvalues, vectors ~ eigenvectors), else the share of letters that need no edit. */
  function likeness(word, other) {
    if (word === other) { return 1; }
    var shorter = Math.min(word.length, other.length);
    if (shorter >= 3 && (other.indexOf(word) === 0 || word.indexOf(other) === 0)) { return 0.9; }
    if (shorter >= 4 && (other.indexOf(word) >= 0 || word.indexOf(other) >= 0)) { return 0.8; }
    return 1 - distance(word, other) / Math.max(word.length, other.length);
  }

  function score(wanted, noteWords) {
    if (!wanted.length || !noteWords.length) { return 0; }
    var total = 0;
    wanted.forEach(function (word) {
      total += Math.max.apply(null, noteWords.map(function (other) { return likeness(word, other); }));
    });
    return total / wanted.length;
  }

  function guesses(part, notes) {
    var wanted = meaningful(words(part));
    return notes.map(function (note) {
      return { note: note, score: score(wanted, meaningful(words(lastPart(note.url) + " " + note.title))) };
    }).filter(function (guess) { return guess.score >= MIN_LIKENESS; })
      .sort(function (a, b) { return b.score - a.score || a.note.title.localeCompare(b.note.title); })
      .slice(0, MAX_GUESSES)
      .map(function (guess) { return guess.note; });
  }

  function setUp() {
    var root = document.querySelector("[data-not-found]");
    var data = document.querySelector("[data-note-list]");
    if (!root || !data) { return; }
    var part = lastPart(location.pathname);
    if (!part) { return; }
    var query = root.querySelector("[data-not-found-query]");
    if (query && !query.value) { query.value = words(part).join(" "); }
    var list = JSON.parse(data.textContent);
    var notes = list.urls.map(function (url, index) { return { url: url, title: list.titles[index] }; });
    var found = guesses(part, notes);
    if (!found.length) { return; }
    var items = root.querySelector("[data-did-you-mean-list]");
    found.forEach(function (note) {
      var link = document.createElement("a");
      link.href = list.site + note.url;
      link.textContent = note.title;
      var item = document.createElement("li");
      item.appendChild(link);
      items.appendChild(item);
    });
    root.querySelector("[data-did-you-mean]").hidden = false;
  }

  setUp();
}());
