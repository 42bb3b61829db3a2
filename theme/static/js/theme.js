/* Light or dark: follows the system until the learner picks one with the toggle; the pick is
   remembered. The theme is applied before the first paint by partials/theme_early.html, whose
   functions (window.StudyfolioTheme) this deferred script uses. */
(function () {
  "use strict";
  var theme = window.StudyfolioTheme;
  var root = document.documentElement;
  var button = document.querySelector("[data-theme-toggle]");
  if (!theme || !button) { return; }

  function label() {
    var dark = root.getAttribute("data-theme") === "dark";
    button.setAttribute("aria-label", dark ? "Switch to light theme" : "Switch to dark theme");
    button.setAttribute("title", dark ? "Switch to light theme" : "Switch to dark theme");
  }
  label();
  button.addEventListener("click", function () {
    var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    theme.apply(next);
    try { localStorage.setItem(theme.key, next); } catch { /* private mode: still switches */ }
    label();
  });
  theme.query.addEventListener("change", function () {
    if (!theme.stored()) { theme.apply(theme.preferred()); label(); }
  });
})();
