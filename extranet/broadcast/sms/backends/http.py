"""A generic JSON-over-HTTPS SMS gateway, as most French providers offer (adapt the payload for another one).

POST SMS_API_URL with `Authorization: Bearer SMS_API_KEY` and {"sender", "receivers": [to], "message"};
a 2xx answer with {"id": …} (or {"ids": […]}) means accepted; anything else is a failure with its reason.
"""

import requests
from django.conf import settings

from .. import SmsError

TIMEOUT_SECONDS = 10


class SmsBackend:
    def __init__(self, session=None):
        if not settings.SMS_API_URL or not settings.SMS_API_KEY:
            raise SmsError("SMS_API_URL and SMS_API_KEY must be set for the HTTP SMS backend.")
        self.session = session or requests.Session()

    def send(self, *, to: str, text: str, sender: str) -> str:
        try:
            response = self.session.post(
                settings.SMS_API_URL,
                json={"sender": sender, "receivers": [to], "message": text, "noStopClause": False},
                headers={"Authorization": f"Bearer {settings.SMS_API_KEY}"},
                timeout=TIMEOUT_SECONDS,
            )
        except requests.RequestException as error:
            raise SmsError(f"gateway unreachable: {error.__class__.__name__}") from error
        if not 200 <= response.status_code < 300:
            raise SmsError(f"gateway answered {response.status_code}: {response.text[:200]}")
        try:
            data = response.json()
        except ValueError:
            return ""
        ids = data.get("ids") or [data.get("id", "")]
        return str(ids[0]) if ids else ""
