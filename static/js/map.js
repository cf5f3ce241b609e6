// Progressive enhancement for the drawn map and the explorer: the name of the mark under the pointer
// or keyboard focus is drawn last (on top of every other mark), so it is never hidden behind a neighbour.
// Without this script the same label still shows (CSS :hover/:focus), possibly under other marks.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  document.querySelectorAll("svg.read-map-svg, svg.explorer-svg").forEach(function (svg) {
    var tip = document.createElementNS(NS, "g");
    tip.setAttribute("class", "map-tip");
    tip.setAttribute("aria-hidden", "true");
    var text = document.createElementNS(NS, "text");
    tip.appendChild(text);
    svg.appendChild(tip);
    function show(event) {
      var mark = event.target.closest && event.target.closest("a");
      if (!mark || !svg.contains(mark)) return;
      var label = mark.querySelector("text");
      if (!label) return;
      text.textContent = label.textContent;
      text.setAttribute("x", label.getAttribute("x"));
      text.setAttribute("y", label.getAttribute("y"));
      text.setAttribute("text-anchor", label.classList.contains("end") ? "end" : "start");
      tip.hidden = false;
    }
    function hide() { text.textContent = ""; }
    svg.addEventListener("mouseover", show);
    svg.addEventListener("focusin", show);
    svg.addEventListener("mouseleave", hide);
    svg.addEventListener("focusout", hide);
  });
})();
