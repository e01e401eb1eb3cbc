import json
import uuid
from pathlib import Path

from django.conf import settings


class SmsBackend:
    """Tests and staging: write each SMS as a JSON file in SMS_FILE_PATH."""

    def __init__(self):
        self.directory = Path(settings.SMS_FILE_PATH)
        self.directory.mkdir(parents=True, exist_ok=True)

    def send(self, *, to: str, text: str, sender: str) -> str:
        message_id = uuid.uuid4().hex
        payload = {"id": message_id, "to": to, "sender": sender, "text": text}
        (self.directory / f"{message_id}.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        return message_id
