import pytest
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def test_scratch(page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate("""() => { const i = document.createElement('img'); i.src = 'https://cdn.example.com/x.png'; document.body.append(i); return new Promise(r => i.onerror = r); }""")
