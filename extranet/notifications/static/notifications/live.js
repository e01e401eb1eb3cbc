// Keeps the header's unread count up to date over a WebSocket; without it, the count is right at each page load.
(function () {
  "use strict";
  var bell = document.querySelector("[data-live-url]");
  if (!bell || !window.WebSocket) return;
  var count = bell.querySelector("[data-unread-count]");
  var delay = 1000;
  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + bell.getAttribute("data-live-url"));
    socket.onopen = function () { delay = 1000; };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === "notification" && typeof data.unread === "number") {
        count.textContent = String(data.unread);
      }
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 60000);
    };
  }
  connect();
})();
