/* Light, dark or the system's choice (the default): the toggle goes round the three, always first to
   the look the page does not have, and the choice is remembered in localStorage ("light", "dark", or
   nothing for the system's). The theme is applied before the first paint by
   partials/theme_early.html, whose functions (window.StudyfolioTheme) this deferred script uses. */
(function () {
  "use strict";
  var theme = window.StudyfolioTheme;
  var button = document.querySelector("[data-theme-toggle]");
  if (!theme || !button) { return; }
  var mode = theme.mode(); /* kept here too: a browser that stores nothing still switches */

  /* The mode after `mode`: from the system's, its opposite; from the opposite, the system's own
     look chosen for good; from that, back to following the system. */
  function next(from) {
    var system = theme.system();
    if (from === "system") { return system === "dark" ? "light" : "dark"; }
    return from === system ? "system" : system;
  }

  function label() {
    var after = next(mode);
    var now = mode === "system" ? "following the system, " + theme.system() : mode;
    var action = after === "system" ? "Follow the system theme" : "Switch to " + after + " theme";
    button.setAttribute("aria-label", action + " (now " + now + ")");
    button.setAttribute("title", "Theme: " + now + ". Click to " + action.toLowerCase().replace(" theme", "") + ".");
  }

  function choose(chosen) {
    mode = chosen;
    try {
      if (mode === "system") { localStorage.removeItem(theme.key); } else { localStorage.setItem(theme.key, mode); }
    } catch { /* private mode: the page still switches, the choice is not kept */ }
    theme.apply(mode === "system" ? theme.system() : mode, mode);
    label();
  }

  label();
  button.addEventListener("click", function () { choose(next(mode)); });
  theme.query.addEventListener("change", function () {
    if (mode === "system") { theme.apply(theme.system(), mode); }
    label();
  });
  window.addEventListener("storage", function (event) {
    if (event.key === theme.key) { mode = theme.mode(); theme.apply(theme.preferred(), mode); label(); }
  });
})();
