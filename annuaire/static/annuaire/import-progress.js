// Import progress, enhanced: poll the small JSON endpoint and move the bar; reload the page when the step ends.
// Without this script the page shows the progress when it was drawn and a link to refresh it.
(function () {
  "use strict";

  var POLL_MS = 1500;

  function start(section) {
    var url = section.getAttribute("data-import-progress");
    var bar = section.querySelector("progress");
    var text = section.querySelector("[data-template]");

    function poll() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          if (!progress.running) {
            window.location.reload();
            return;
          }
          if (progress.total) {
            bar.max = progress.total;
            bar.value = progress.done;
            bar.textContent = progress.percent + " %";
          }
          text.textContent = text
            .getAttribute("data-template")
            .replace("__DONE__", progress.done)
            .replace("__TOTAL__", progress.total);
          window.setTimeout(poll, POLL_MS);
        })
        .catch(function () {
          // Leave the refresh link to the user: a network hiccup must not loop on errors.
        });
    }

    window.setTimeout(poll, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-import-progress]").forEach(start);
  });
})();
