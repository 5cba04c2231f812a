// Suggestions as you type in the place field: the names of the dossier's
// places that match what is typed, in any spelling, alias or script,
// asked of the server and offered through the field's <datalist>. The
// form works the same without this script.
(function () {
  "use strict";
  var input = document.getElementById("place");
  var list = document.getElementById("place-list");
  if (!input || !list || !window.fetch) {
    return;
  }
  var url = input.getAttribute("data-suggest");
  var timer = 0;
  var last = "";
  var pending = null;

  function show(items) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    items.forEach(function (s) {
      var o = document.createElement("option");
      o.value = s.name;
      if (s.match) {
        o.label = s.name + " (" + s.match + ")";
      }
      list.appendChild(o);
    });
  }

  function ask() {
    var q = input.value.trim();
    if (q === last) {
      return;
    }
    last = q;
    if (q === "") {
      show([]);
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var sep = url.indexOf("?") < 0 ? "?" : "&";
    fetch(url + sep + "q=" + encodeURIComponent(q), {signal: pending.signal, headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) { if (input.value.trim() === q) { show(items); } })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
})();
