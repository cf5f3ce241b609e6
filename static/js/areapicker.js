// Area picker, enhanced: suggestions from /api/v1/areas as the reader types, and a chosen
// suggestion goes straight to the page for that area. Without this file the form still works
// (it submits to /areas/, which finds the area server-side).
(function () {
  "use strict";
  var form = document.querySelector("form.area-picker");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var next = form.querySelector("input[name=next]");
  var list = document.createElement("datalist");
  list.id = "area-options";
  form.appendChild(list);
  input.setAttribute("list", list.id);
  var codes = {};
  var timer = null;
  var latest = "";

  function suggest() {
    var q = input.value.trim();
    if (q.length < 2 || q === latest) return;
    latest = q;
    fetch("/api/v1/areas?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (areas) {
        if (q !== latest) return;
        list.textContent = "";
        areas.forEach(function (area) {
          codes[area.name] = area.code;
          var option = document.createElement("option");
          option.value = area.name;
          list.appendChild(option);
        });
      })
      .catch(function () { /* the form still submits to /areas/ */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  form.addEventListener("submit", function (event) {
    var code = codes[input.value.trim()];
    if (code && next && next.value.charAt(0) === "/") {
      event.preventDefault();
      window.location.assign(next.value.split("?")[0] + "?area=" + code);
    }
  });
})();
