// One submission per tap: on a slow network a second tap on "Envoyer" would post the reply or the file twice.
// A form that handles its own submission (the chat, the library's uploads) prevents the default and is left alone.
(function () {
  "use strict";
  var RETRY_AFTER_MS = 10000; // a request that seems stuck may be sent again after this

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.method.toLowerCase() !== "post" || form.target) return;
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "1";
    setTimeout(function () { delete form.dataset.submitting; }, RETRY_AFTER_MS);
  });

  // A page restored by the Back button submits again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) { delete form.dataset.submitting; });
  });
})();
