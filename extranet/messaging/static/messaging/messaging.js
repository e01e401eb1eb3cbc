/* Live conversation: delivery over the messaging socket, reconnection with backoff and resume, an offline
   queue with idempotency keys, typing, presence, read receipts and earlier messages on scroll.
   The page works without this file: the form posts and the "earlier messages" link paginates. */
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  if (!chat || !window.WebSocket) return;

  var conversation = Number(chat.dataset.conversation);
  var me = Number(chat.dataset.user);
  var list = document.getElementById("chat-messages");
  var form = document.getElementById("chat-form");
  var statusLine = document.getElementById("chat-status");
  var typingLine = document.getElementById("chat-typing");
  var receipts = document.getElementById("chat-receipts");
  var presence = document.getElementById("chat-presence");
  var earlier = document.getElementById("chat-earlier");
  var body = form.querySelector("textarea");
  var fileInput = form.querySelector("input[type=file]");
  var text = chat.dataset;

  var socket = null;
  var attempts = 0;
  var stopped = false;
  var queue = []; // {key, body}: sent again on every (re)connection until acknowledged
  var typingSentAt = 0;
  var typingTimer = null;
  var lastFrameAt = 0;
  var pingSentAt = 0;
  var HEARTBEAT_MS = 25000; // a ping this often; one unanswered for 10 s means a dead link
  var keptAliveAt = Date.now();
  var KEEP_ALIVE_MS = 5 * 60000;

  function lastId() {
    var items = list.querySelectorAll("li[data-id]");
    var highest = Number(chat.dataset.lastId) || 0;
    items.forEach(function (item) { highest = Math.max(highest, Number(item.dataset.id) || 0); });
    return highest;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function setStatus(message) { statusLine.textContent = message; }

  // The session has ended (idle expiry elsewhere): stop reconnecting and offer to log in again, back here.
  function loggedOut(message) {
    stopped = true;
    setStatus(message + " ");
    var link = document.createElement("a");
    link.href = chat.dataset.loginUrl;
    link.textContent = text.textLogin;
    statusLine.append(link);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function render(payload) {
    var item = document.createElement("li");
    item.id = "message-" + payload.id;
    item.dataset.id = payload.id;
    item.className = "chat-message" + (payload.author === me ? " chat-message--mine" : "");
    var meta = document.createElement("p");
    meta.className = "chat-message__meta";
    var author = document.createElement("strong");
    author.textContent = payload.author_name;
    var time = document.createElement("time");
    time.dateTime = payload.created_at;
    time.textContent = payload.time;
    meta.append(author, " ", time);
    if (payload.edited && !payload.deleted) {
      var edited = document.createElement("span");
      edited.className = "chat-message__edited";
      edited.textContent = " (" + text.textEdited + ")";
      meta.append(edited);
    }
    var content = document.createElement("div");
    content.className = "chat-message__body";
    if (payload.deleted) {
      var gone = document.createElement("em");
      gone.textContent = text.textDeleted;
      content.append(gone);
    } else {
      content.innerHTML = payload.html; // escaped by the server (mentions highlighted)
    }
    item.append(meta, content);
    if (!payload.deleted && payload.attachments.length) {
      var files = document.createElement("ul");
      files.className = "chat-message__attachments";
      payload.attachments.forEach(function (attachment) {
        var link = document.createElement("a");
        link.href = attachment.url;
        link.textContent = attachment.name;
        var entry = document.createElement("li");
        entry.append(link);
        files.append(entry);
      });
      item.append(files);
    }
    return item;
  }

  function addEditButton(item) {
    if (!item.classList.contains("chat-message--mine") || !item.dataset.id || item.querySelector("em, .chat-edit")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button chat-edit";
    button.textContent = text.textEdit;
    item.querySelector(".chat-message__meta").append(" ", button);
    // A message that arrived live has no server-rendered delete form: give it a button that asks the socket.
    if (!item.querySelector(".chat-message__actions")) {
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button chat-delete";
      remove.textContent = text.textDelete;
      item.querySelector(".chat-message__meta").append(" ", remove);
    }
  }

  function removeEmptyNote() {
    var empty = list.querySelector(".chat__empty");
    if (empty) empty.remove();
  }

  function place(payload) {
    removeEmptyNote();
    var existing = document.getElementById("message-" + payload.id);
    var item = render(payload);
    addEditButton(item);
    if (existing) {
      existing.replaceWith(item);
      return item;
    }
    var after = Array.prototype.find.call(list.querySelectorAll("li[data-id]"), function (other) {
      return Number(other.dataset.id) > payload.id;
    });
    list.insertBefore(item, after || list.querySelector("li[data-key]"));
    return item;
  }

  function pendingItem(key) { return list.querySelector('li[data-key="' + key + '"]'); }

  function acknowledged(key, id) {
    queue = queue.filter(function (entry) { return entry.key !== key; });
    var pending = pendingItem(key);
    if (!pending) return;
    if (document.getElementById("message-" + id)) pending.remove();
    else {
      pending.id = "message-" + id;
      pending.dataset.id = id;
      pending.removeAttribute("data-key");
      pending.classList.remove("chat-message--pending");
    }
  }

  function markRead(id) {
    if (document.visibilityState === "visible") send({ type: "read", conversation: conversation, message: id });
  }

  function showReceipt(frame) {
    if (frame.user === me) return;
    var entry = receipts.querySelector('li[data-user="' + frame.user + '"]');
    if (!entry) {
      entry = document.createElement("li");
      entry.dataset.user = frame.user;
      receipts.append(entry);
    }
    var target = document.getElementById("message-" + frame.message);
    var time = target ? target.querySelector("time").textContent : "";
    entry.textContent = frame.name + " — ";
    var link = document.createElement("a");
    link.href = "#message-" + frame.message;
    link.textContent = text.textRead.replace("{time}", time);
    entry.append(link);
  }

  function showPresence(frame) {
    var entry = presence.querySelector('li[data-user="' + frame.user + '"]');
    if (frame.status === "offline") {
      if (entry) entry.remove();
      return;
    }
    if (!entry) {
      entry = document.createElement("li");
      entry.dataset.user = frame.user;
      presence.append(entry);
    }
    entry.textContent = frame.name + " (" + (frame.status === "away" ? text.textAway : text.textOnlineUser) + ")";
  }

  function onError(frame) {
    if (frame.code === "duplicate") return acknowledged(frame.key, frame.id);
    if (frame.code === "rate_limited") {
      setStatus(frame.message);
      setTimeout(flushQueue, (frame.retry_after || 10) * 1000);
      return;
    }
    if (frame.key) {
      var refused = queue.find(function (entry) { return entry.key === frame.key; });
      queue = queue.filter(function (entry) { return entry.key !== frame.key; });
      // The refused text goes back in the empty box, to be corrected and sent again.
      if (refused && !body.value.trim()) body.value = refused.body;
      var pending = pendingItem(frame.key);
      if (pending) pending.querySelector(".chat-message__meta").textContent = frame.message;
      return;
    }
    if (frame.code === "session_expired") return loggedOut(frame.message);
    if (frame.code === "closed" || frame.code === "not_member") stopped = true;
    setStatus(frame.message);
  }

  var handlers = {
    subscribed: function () { setStatus(text.textOnline); flushQueue(); },
    message: function (frame) {
      place(frame);
      if (!frame.replay) markRead(frame.id); // a replay is marked read once complete, in one frame
    },
    replayed: function (frame) {
      // A long absence is replayed in batches: ask for the next one before marking anything read.
      if (frame.complete === false) send({ type: "replay", conversation: conversation, last_id: lastId() });
      else markRead(lastId());
    },
    revoked: function (frame) {
      if (frame.conversation !== conversation) return;
      stopped = true;
      setStatus(text.textRevoked);
    },
    message_changed: place,
    ack: function (frame) { acknowledged(frame.key, frame.id); },
    read: showReceipt,
    presence: showPresence,
    typing: function (frame) {
      typingLine.textContent = text.textTyping.replace("{name}", frame.name);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typingLine.textContent = ""; }, 4000);
    },
    error: onError,
  };

  function flushQueue() {
    queue.forEach(function (entry) {
      send({ type: "send", conversation: conversation, body: entry.body, key: entry.key });
    });
  }

  function reconnectLater() {
    socket = null;
    if (stopped) return;
    setStatus(text.textOffline);
    // Exponential backoff with jitter: 1 s, 2 s, 4 s… up to 30 s.
    var delay = Math.min(30000, 1000 * Math.pow(2, attempts)) * (0.5 + Math.random() / 2);
    attempts += 1;
    // A handshake refused again and again may be a session that ended: the history answers a redirect then.
    if (attempts > 2) {
      fetch(chat.dataset.historyUrl, { credentials: "same-origin", redirect: "manual" })
        .then(function (response) {
          if (response.type === "opaqueredirect") loggedOut(text.textSessionEnded);
          else setTimeout(connect, delay);
        })
        .catch(function () { setTimeout(connect, delay); });
      return;
    }
    setTimeout(connect, delay);
  }

  function connect() {
    if (stopped) return;
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var opened = new WebSocket(scheme + location.host + chat.dataset.socketPath);
    socket = opened;
    opened.addEventListener("open", function () {
      attempts = 0;
      lastFrameAt = Date.now();
      send({ type: "subscribe", conversation: conversation, last_id: lastId() });
    });
    opened.addEventListener("message", function (event) {
      lastFrameAt = Date.now();
      var frame = JSON.parse(event.data);
      var handler = handlers[frame.type];
      if (handler) handler(frame);
    });
    opened.addEventListener("close", function () {
      if (socket === opened) reconnectLater(); // a socket given up by the heartbeat is already replaced
    });
  }

  // A phone changing networks can leave the socket open but silent: ping it, and give it up when nothing comes.
  // Only an answer missing since the last ping counts: a background tab's timers may fire a minute apart.
  setInterval(function () {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (pingSentAt > lastFrameAt && Date.now() - pingSentAt > 10000) {
      var dead = socket;
      reconnectLater();
      dead.close();
    } else {
      pingSentAt = Date.now();
      send({ type: "ping" });
    }
  }, HEARTBEAT_MS);

  // The login lasts as long as the person is active: writing here counts, though the socket carries no cookie.
  function keepAlive() {
    if (Date.now() - keptAliveAt < KEEP_ALIVE_MS) return;
    keptAliveAt = Date.now();
    fetch(chat.dataset.historyUrl + "?before=1", { credentials: "same-origin" }).catch(function () {});
  }

  list.querySelectorAll("li[data-id]").forEach(addEditButton);
  list.addEventListener("click", function (event) {
    var removal = event.target.closest(".chat-delete");
    if (removal && window.confirm(text.textDeleteConfirm)) {
      var id = Number(removal.closest("li[data-id]").dataset.id);
      if (!send({ type: "delete", message: id })) setStatus(text.textEditOffline);
      return;
    }
    var button = event.target.closest(".chat-edit");
    if (!button) return;
    var item = button.closest("li[data-id]");
    var current = item.querySelector(".chat-message__body").innerText;
    var changed = window.prompt(text.textEditPrompt, current);
    if (changed !== null && changed.trim() && changed !== current) {
      if (!send({ type: "edit", message: Number(item.dataset.id), body: changed })) setStatus(text.textEditOffline);
      keepAlive();
    }
  });

  form.addEventListener("submit", function (event) {
    if (fileInput && fileInput.files.length) return; // attachments go through the plain form
    event.preventDefault();
    var message = body.value.trim();
    if (!message) return;
    var entry = { key: newKey(), body: message };
    queue.push(entry);
    var pending = render({
      id: 0, author: me, author_name: "", html: "", created_at: "", time: text.textQueued,
      edited: false, deleted: false, attachments: [],
    });
    pending.removeAttribute("id");
    pending.removeAttribute("data-id");
    pending.dataset.key = entry.key;
    pending.classList.add("chat-message--pending");
    pending.querySelector(".chat-message__body").textContent = message;
    removeEmptyNote();
    list.append(pending);
    body.value = "";
    send({ type: "send", conversation: conversation, body: entry.body, key: entry.key });
    keepAlive();
  });

  body.addEventListener("input", function () {
    if (Date.now() - typingSentAt > 3000) {
      typingSentAt = Date.now();
      send({ type: "typing", conversation: conversation });
    }
  });

  document.addEventListener("visibilitychange", function () {
    var visible = document.visibilityState === "visible";
    send({ type: "presence", status: visible ? "online" : "away" });
    if (visible) markRead(lastId());
  });

  function loadEarlier(event) {
    if (event) event.preventDefault();
    if (!earlier || earlier.dataset.loading) return;
    earlier.dataset.loading = "1";
    fetch(chat.dataset.historyUrl + "?before=" + earlier.dataset.before, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var first = list.querySelector("li[data-id]");
        data.messages.forEach(function (payload) {
          if (!document.getElementById("message-" + payload.id)) list.insertBefore(render(payload), first);
        });
        if (data.has_earlier && data.messages.length) {
          earlier.dataset.before = data.messages[0].id;
          earlier.href = "?before=" + data.messages[0].id;
          delete earlier.dataset.loading;
        } else {
          earlier.parentNode.remove();
          earlier = null;
        }
      })
      .catch(function () { if (earlier) delete earlier.dataset.loading; });
  }

  if (earlier) {
    earlier.textContent = text.textEarlier;
    earlier.addEventListener("click", loadEarlier);
    if (window.IntersectionObserver) {
      new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) loadEarlier();
      }).observe(earlier);
    }
  }

  connect();
})();
