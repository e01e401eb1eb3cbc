// Library uploads, enhanced: drop files on the form, send them one after the other with a progress bar each
// (one at a time: on a weak mobile network parallel uploads only share the same bandwidth).
// Without this script the form posts every file at once and the page reloads with the result.
(function () {
  "use strict";

  function row(list, file) {
    var item = document.createElement("li");
    var label = document.createElement("span");
    var bar = document.createElement("progress");
    var status = document.createElement("span");
    label.textContent = file.name + " ";
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    status.className = "upload-status";
    item.append(label, bar, status);
    list.appendChild(item);
    return { bar: bar, status: status, item: item };
  }

  function send(form, file, folder, view) {
    return new Promise(function (resolve) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      data.append("folder", folder);
      data.append("files", file);
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("Accept", "application/json");
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) view.bar.value = Math.round((event.loaded / event.total) * 100);
      });
      request.addEventListener("load", function () {
        var body = {};
        try { body = JSON.parse(request.responseText); } catch (error) { body = {}; }
        if (request.status === 201) {
          view.bar.value = 100;
          view.status.textContent = " " + form.dataset.labelSent;
          view.item.classList.add("upload-done");
        } else {
          view.status.textContent = " " + ((body.errors || []).join(" ") || form.dataset.labelFailed);
          view.item.classList.add("upload-failed");
        }
        resolve();
      });
      request.addEventListener("error", function () {
        view.status.textContent = " " + form.dataset.labelFailed;
        view.item.classList.add("upload-failed");
        resolve();
      });
      request.send(data);
    });
  }

  function enhance(form) {
    var input = form.querySelector("input[type=file]");
    var list = form.querySelector("[data-progress]");
    var hint = form.querySelector("[data-drop-hint]");
    var folder = form.querySelector("[name=folder]").value;
    var dropped = null;
    var busy = false; // a second tap while files are on their way would send them twice
    if (hint) hint.hidden = false;
    // Dropped files do not fill the input: its `required` would block their submission.
    input.required = false;

    form.addEventListener("dragover", function (event) {
      event.preventDefault();
      form.classList.add("is-dragging");
    });
    form.addEventListener("dragleave", function () { form.classList.remove("is-dragging"); });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      form.classList.remove("is-dragging");
      dropped = event.dataTransfer.files;
      form.requestSubmit();
    });

    form.addEventListener("submit", function (event) {
      var files = Array.prototype.slice.call(dropped || input.files);
      dropped = null;
      if (busy) {
        event.preventDefault();
        return;
      }
      if (!files.length) return;
      event.preventDefault();
      busy = true;
      list.innerHTML = "";
      var views = files.map(function (file) { return row(list, file); });
      var queue = Promise.resolve();
      files.forEach(function (file, index) {
        queue = queue.then(function () { return send(form, file, folder, views[index]); });
      });
      queue.then(function () {
        busy = false;
        input.value = "";
        var done = document.createElement("li");
        var link = document.createElement("a");
        link.href = window.location.href;
        link.textContent = form.dataset.labelRefresh;
        done.appendChild(link);
        list.appendChild(done);
      });
    });
  }

  document.querySelectorAll("form[data-upload]").forEach(enhance);
})();
