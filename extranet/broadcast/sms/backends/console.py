import sys
import uuid


class SmsBackend:
    """Development: print each SMS on the standard output."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, *, to: str, text: str, sender: str) -> str:
        message_id = uuid.uuid4().hex
        self.stream.write(f"SMS {message_id} from {sender} to {to}:\n{text}\n{'-' * 40}\n")
        self.stream.flush()
        return message_id
