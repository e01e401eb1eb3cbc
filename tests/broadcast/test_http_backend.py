"""The HTTP SMS gateway adapter, with a fake transport: the request it makes and how it reads the answers."""

import pytest
import requests

from extranet.broadcast.sms import SmsError
from extranet.broadcast.sms.backends.http import SmsBackend


class FakeResponse:
    def __init__(self, status_code, payload):
        self.status_code, self.payload, self.text = status_code, payload, str(payload)

    def json(self):
        return self.payload


class FakeSession:
    def __init__(self, response=None, error=None):
        self.response, self.error, self.calls = response, error, []

    def post(self, url, **kwargs):
        self.calls.append((url, kwargs))
        if self.error:
            raise self.error
        return self.response


@pytest.fixture(autouse=True)
def _gateway(settings):
    settings.SMS_API_URL = "https://sms.example/v1/send"
    settings.SMS_API_KEY = "secret"


def test_posts_json_with_the_bearer_key_and_returns_the_id():
    """The adapter posts sender, receiver and text with the key, and returns the provider's id."""
    session = FakeSession(FakeResponse(201, {"ids": [4242]}))

    assert SmsBackend(session=session).send(to="+33612345678", text="Bonjour", sender="Loiret") == "4242"
    url, kwargs = session.calls[0]
    assert url == "https://sms.example/v1/send" and kwargs["headers"]["Authorization"] == "Bearer secret"
    assert kwargs["json"]["receivers"] == ["+33612345678"] and kwargs["json"]["message"] == "Bonjour"


def test_refusals_and_network_errors_become_sms_errors_with_a_reason():
    """A 4xx answer and an unreachable gateway each raise SmsError with a short reason."""
    with pytest.raises(SmsError, match="gateway answered 400"):
        SmsBackend(session=FakeSession(FakeResponse(400, {"message": "invalid receiver"}))).send(
            to="+33612345678", text="x", sender="Loiret"
        )
    with pytest.raises(SmsError, match="unreachable"):
        SmsBackend(session=FakeSession(error=requests.ConnectionError())).send(to="+33612345678", text="x", sender="L")
