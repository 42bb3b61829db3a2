/* A note's deck: a "Show all answers" switch; and on every page with cards (a note, its deck),
   every answer opened while printing. Cards are <details>, so all works without this script. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var cards = Array.prototype.slice.call(document.querySelectorAll("details.card"));
    var toggle = document.querySelector("[data-cards-toggle]");
    if (toggle && cards.length) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-pressed") !== "true";
        cards.forEach(function (card) { card.open = open; });
        toggle.setAttribute("aria-pressed", String(open));
        toggle.textContent = open ? "Hide all answers" : "Show all answers";
      });
    }
    var before = [];
    window.addEventListener("beforeprint", function () {
      before = cards.map(function (card) { return card.open; });
      cards.forEach(function (card) { card.open = true; });
    });
    window.addEventListener("afterprint", function () {
      cards.forEach(function (card, i) { card.open = before[i]; });
    });
  });
})();
