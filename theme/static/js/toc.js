/* "On this page" on long notes: the section being read is marked in the list (aria-current), the
   last heading above the top fifth of the window. Without scripts the list works as plain links. */
(function () {
  "use strict";
  var lists = document.querySelectorAll(".note-toc-list");
  if (!lists.length) { return; }
  var links = Array.prototype.slice.call(document.querySelectorAll(".note-toc-list a[href^='#']"));
  var headings = [];
  links.forEach(function (link) {
    var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (heading && headings.indexOf(heading) < 0) { headings.push(heading); }
  });
  var current = null;

  function mark() {
    var line = window.innerHeight / 5;
    var reading = null;
    headings.forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= line) { reading = heading; }
    });
    if (reading === current) { return; }
    current = reading;
    links.forEach(function (link) {
      if (reading && link.getAttribute("href") === "#" + reading.id) {
        link.setAttribute("aria-current", "location");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  var pending = false;
  window.addEventListener("scroll", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; mark(); });
  }, { passive: true });
  mark();
}());
