"""SMS gateways, chosen like Django's e-mail backends: SMS_BACKEND names a class by its dotted path.

A backend is a class built without arguments (it reads its settings) with one method:

    send(*, to: str, text: str, sender: str) -> str

`to` is an E.164 number (+33612345678); the method returns the provider's message id (or "") and raises
`SmsError` with a short reason when the message was not accepted. See docs/broadcast.md.
"""

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    """The gateway refused or failed to take the message; str(error) is the reason logged on the delivery."""


def sms_backend():
    return import_string(settings.SMS_BACKEND)()
