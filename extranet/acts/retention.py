"""How long an act stays online: at least two months after it went online (CGCT, article R. 2131-1)."""

import calendar
from datetime import datetime

MINIMUM_ONLINE_MONTHS = 2


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (or earlier), kept within the month: 31 December + 2 months = 28/29 February."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def online_until(first_published_at: datetime) -> datetime:
    """The first moment an act that went online at `first_published_at` may leave the site."""
    return add_months(first_published_at, MINIMUM_ONLINE_MONTHS)


def published_since_cutoff(now: datetime) -> datetime:
    """Acts that went online after this moment must still stay online."""
    return add_months(now, -MINIMUM_ONLINE_MONTHS)
