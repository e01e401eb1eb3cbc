"""The conversation page on a weak network, in Chromium against uvicorn: a long absence replayed in batches without
flooding the socket, and the heartbeat under a background tab's throttled timers."""

import sqlite3

import pytest

from extranet.messaging.models import Message
from tests.messaging.servers import colleagues_in_conversation, database_copy, uvicorn_servers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.real_servers,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Records the frames the page sends and the sockets it opens; `__block` makes the next connections fail.
SPY = """
window.__frames = []; window.__closes = []; window.__opened = 0; window.__block = false;
const Native = window.WebSocket;
function Spy(url, protocols) {
  if (url.indexOf("notifications") !== -1) return new Native(url, protocols);
  const socket = new Native(window.__block ? "ws://127.0.0.1:9/" : url, protocols);
  if (!window.__block) window.__opened += 1;
  const send = socket.send.bind(socket);
  socket.send = function (data) { window.__frames.push(JSON.parse(data)); return send(data); };
  socket.addEventListener("close", function (e) { window.__closes.push(e.code); });
  socket.addEventListener("message", function (e) {
    const f = JSON.parse(e.data);
    if (f.type === "error") window.__closes.push("error:" + f.code);
  });
  window.__last = socket;
  return socket;
}
Spy.prototype = Native.prototype;
Spy.OPEN = Native.OPEN; Spy.CLOSED = Native.CLOSED; Spy.CONNECTING = Native.CONNECTING;
window.WebSocket = Spy;
"""


@pytest.fixture
def server(tmp_path):
    """Alice has seen the first 5 of Bob's 260 messages; the others are kept aside until her link drops."""
    (alice, alice_key), (bob, bob_key), conversation = colleagues_in_conversation()
    Message.objects.bulk_create([Message(conversation=conversation, author=bob, body=f"m{i}") for i in range(260)])
    first_ids = list(Message.objects.order_by("pk").values_list("pk", flat=True)[:5])
    path = database_copy(tmp_path / "db.sqlite3")
    with sqlite3.connect(path) as db:  # the page will only know the first 5; the rest come while it is away
        db.execute("CREATE TABLE stash AS SELECT * FROM messaging_message WHERE id > ?", (first_ids[-1],))
        db.execute("DELETE FROM messaging_message WHERE id > ?", (first_ids[-1],))
    with uvicorn_servers(database=path, extra_env={"DEBUG": "1"}) as (port,):
        yield {"url": f"http://127.0.0.1:{port}/messages/{conversation.pk}/", "alice": alice_key, "path": path}


def open_page(browser, server, clock=False):
    # bypass_csp: the spy is an init script, which the site's policy (no inline script) would block.
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    context.set_default_timeout(15_000)
    context.add_cookies([{"name": "sessionid", "value": server["alice"], "url": server["url"]}])
    context.add_init_script(SPY)
    page = context.new_page()
    if clock:
        page.clock.install()
    page.goto(server["url"])
    page.wait_for_function("document.getElementById('chat-status').textContent.length > 0 && window.__opened === 1")
    return page


def test_a_long_absence_is_replayed_without_flooding(browser, server):
    """255 messages missed come back in batches, marked read once: no read frame each, no flood, no reconnection."""
    page = open_page(browser, server)
    page.wait_for_function("window.__frames.some(f => f.type === 'subscribe')")
    page.evaluate("window.__block = true; window.__last.close()")
    page.wait_for_timeout(300)
    with sqlite3.connect(server["path"]) as db:
        db.execute("INSERT INTO messaging_message SELECT * FROM stash")
    page.evaluate("window.__block = false")
    page.wait_for_function("document.querySelectorAll('#chat-messages li[data-id]').length >= 260", timeout=30_000)
    page.wait_for_timeout(2000)
    frames = page.evaluate("window.__frames")
    closes = page.evaluate("window.__closes")
    reads = [f for f in frames if f["type"] == "read"]
    subscribes = [f for f in frames if f["type"] == "subscribe"]
    assert len(reads) <= 2, f"{len(reads)} read frames sent during the replay; closes={closes}"
    assert "error:flood" not in closes and len(subscribes) == 2
    page.context.close()


def test_heartbeat_survives_a_throttled_timer(browser, server):
    """A background tab's timers may fire once a minute: a socket that answered every ping is kept."""
    page = open_page(browser, server, clock=True)
    for _ in range(3):
        page.clock.fast_forward(60_000)  # one (throttled) tick after a minute, the pong came back long ago
        page.wait_for_timeout(1500)
    opened = page.evaluate("window.__opened")
    assert opened == 1, f"{opened} connections for a link that never failed"
    page.context.close()
