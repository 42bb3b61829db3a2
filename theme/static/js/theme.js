/* Light or dark: follows the system until the learner picks one with the toggle; the pick is remembered. */
(function () {
  "use strict";
  var KEY = "studyfolio-theme";
  var root = document.documentElement;
  var query = window.matchMedia("(prefers-color-scheme: dark)");

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply(theme) { root.setAttribute("data-theme", theme); }
  function preferred() { return stored() || (query.matches ? "dark" : "light"); }

  apply(preferred());

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-theme-toggle]");
    if (!button) { return; }
    function label() {
      var dark = root.getAttribute("data-theme") === "dark";
      button.setAttribute("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
      button.setAttribute("title", dark ? "Switch to light theme" : "Switch to dark theme");
    }
    label();
    button.addEventListener("click", function () {
      var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      apply(next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: still switches */ }
      label();
    });
    query.addEventListener("change", function () {
      if (!stored()) { apply(preferred()); label(); }
    });
  });
})();
