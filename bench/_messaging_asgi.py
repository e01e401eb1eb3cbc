"""The project's ASGI application as messaging_fanout.py serves it: `config.asgi` with the memory probe."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _memory_probe import with_memory_probe  # noqa: E402

from config.asgi import application as project  # noqa: E402

application = with_memory_probe(project)
