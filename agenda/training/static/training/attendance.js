// Enhancement of the attendance list: a tap records the presence without reloading the page.
// Without this script each row's form posts and the page comes back at the same row.
(function () {
  "use strict";
  const list = document.querySelector("[data-attendance]");
  if (!list || !window.fetch) return;

  list.addEventListener("submit", function (event) {
    const form = event.target;
    const button = event.submitter;
    if (!button) return;
    event.preventDefault();
    const data = new FormData(form);
    data.set("present", button.value);
    const buttons = form.querySelectorAll("button");
    buttons.forEach(function (other) { other.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        const state = form.closest(".attendance-row").querySelector(".attendance-state");
        if (!result.ok) {
          state.textContent = result.body.error;
          return;
        }
        buttons.forEach(function (other) {
          other.setAttribute("aria-pressed", String((other.value === "1") === result.body.present));
        });
        state.dataset.state = result.body.present ? "present" : "absent";
        state.textContent = result.body.label;
        document.getElementById("attendance-count").textContent = result.body.count;
      })
      // Network trouble: fall back to the plain form post, with the tapped button's value.
      .catch(function () {
        const fallback = document.createElement("input");
        fallback.type = "hidden";
        fallback.name = "present";
        fallback.value = button.value;
        form.appendChild(fallback);
        form.submit();
      })
      .finally(function () { buttons.forEach(function (other) { other.disabled = false; }); });
  });
})();
