// Search box typeahead: titles from /api/v1/search/suggest as the reader types, offered through a
// <datalist>; a chosen title that names one occupation or read goes straight to its page. Without
// this file every search form still submits to /search/ (progressive enhancement, strict CSP).
(function () {
  "use strict";
  if (!window.fetch) return;
  var forms = document.querySelectorAll("form[data-typeahead]");
  Array.prototype.forEach.call(forms, function (form, n) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var list = document.createElement("datalist");
    list.id = "typeahead-options-" + n;
    form.appendChild(list);
    input.setAttribute("list", list.id);
    var urls = {};
    var timer = null;
    var latest = "";

    function suggest() {
      var q = input.value.trim();
      if (q.length < 2 || q === latest) return;
      latest = q;
      fetch("/api/v1/search/suggest?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (body) {
          if (q !== latest) return;
          list.textContent = "";
          urls = {};
          var seen = {};
          body.suggestions.forEach(function (s) {
            urls[s.text] = seen[s.text] ? null : s.url; // a title naming two occupations goes to /search/
            seen[s.text] = true;
            var option = document.createElement("option");
            option.value = s.text;
            if (s.title !== s.text) option.label = s.title;
            list.appendChild(option);
          });
        })
        .catch(function () { /* the form still submits to /search/ */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    form.addEventListener("submit", function (event) {
      var url = urls[input.value.trim()];
      if (url && url.charAt(0) === "/") {
        event.preventDefault();
        window.location.assign(url);
      }
    });
  });
})();
