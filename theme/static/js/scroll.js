/* A block that scrolls sideways (a long code line on a phone) joins the Tab order, so the
   keyboard can reach it and scroll it with the arrow keys. Only blocks that really overflow get
   a tab stop; a window resized wider gives it back. */
(function () {
  "use strict";
  var SCROLLERS = "pre";

  function update() {
    document.querySelectorAll(SCROLLERS).forEach(function (block) {
      if (block.scrollWidth > block.clientWidth) { block.tabIndex = 0; }
      else if (block.getAttribute("tabindex") === "0") { block.removeAttribute("tabindex"); }
    });
  }

  var pending = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  update();
})();
