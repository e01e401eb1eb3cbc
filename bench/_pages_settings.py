"""Settings of bench/pages.py and bench/sqlite_writers.py: the project's own, with the benchmark's URLconf.

The URLconf adds the bare baseline views (bench/_pages_urls.py) in front of the site's; the product's URLs are
untouched. BENCH_TEMPLATES names the folder holding the bare views' templates (written by the setup helper).
"""

import os

from config.settings import *  # noqa: F403
from config.settings import RATE_LIMITS, TEMPLATES

ROOT_URLCONF = "_pages_urls"
if os.environ.get("BENCH_TEMPLATES"):
    TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], os.environ["BENCH_TEMPLATES"]]
# The benchmarks measure the pages, not the rate limiter: 20 users sending hundreds of searches and replies a
# minute would get 429 answers past the production limits.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, "1000000/60")
