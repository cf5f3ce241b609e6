// The evidence pack's "Print or save as PDF" button. It is hidden until this script runs (without the
// script, the browser's own print menu does the same), and the print stylesheet hides it on paper.
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
