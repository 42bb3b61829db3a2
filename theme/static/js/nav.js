/* The main menu: on narrow screens the Menu button opens and closes it below the header (Esc or a
   click outside closes it too, focus back on the button); wide screens show it always. And the
   count of cards due beside "Review". */
(function () {
  "use strict";
  /* The number of cards due beside "Review": its script (FSRS and the review log) once the page is idle. */
  var due = document.querySelector("[data-review-due-link][data-due-script]");
  if (due && window.fetch) {
    var later = window.requestIdleCallback || function (then) { setTimeout(then, 200); };
    var load = function () {
      later(function () {
        var script = document.createElement("script");
        script.src = due.getAttribute("data-due-script");
        document.head.appendChild(script);
      });
    };
    if (document.readyState === "complete") { load(); } else { window.addEventListener("load", load); }
  }

  var header = document.querySelector("[data-site-header]");
  var button = header && header.querySelector("[data-nav-toggle]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) { return; }

  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("nav-open", open);
  }
  function isOpen() { return button.getAttribute("aria-expanded") === "true"; }

  button.addEventListener("click", function () { set(!isOpen()); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen() && header.contains(document.activeElement)) {
      set(false);
      button.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !header.contains(event.target)) { set(false); }
  });
})();
