// Completion for the header search box: fills its <datalist> with titles the visitor may read.
// Without JavaScript the box is a plain search form.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var controller = null;

  function show(suggestions) {
    list.replaceChildren.apply(list, suggestions.map(function (item) {
      var option = document.createElement("option");
      option.value = item.title;
      return option;
    }));
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var prefix = input.value.trim();
    if (prefix.length < 2) { show([]); return; }
    // Wait for a pause in typing: one request per word on a slow network, not one per key.
    timer = setTimeout(function () {
      if (controller) controller.abort();
      controller = new AbortController();
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(prefix);
      fetch(url, { signal: controller.signal, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { show(data.suggestions); })
        .catch(function () { /* offline or aborted: the box keeps working without suggestions */ });
    }, 250);
  });
})();
