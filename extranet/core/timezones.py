"""The platform's time zone, and its name for the people who type times in.

Every time is read and shown in `settings.TIME_ZONE` (read from the environment, Europe/Paris by default),
whatever zone a request activates: a commune's council at 18:00 is at 18:00 for every member, and a
deployment in an overseas département sets its own zone once.
"""

from django.conf import settings
from django.utils.translation import pgettext, pgettext_lazy

# The zones of the départements and collectivités, named as their people say it ("heure de Paris").
ZONE_NAMES = {
    "Europe/Paris": pgettext_lazy("time zone", "Paris time"),
    "America/Guadeloupe": pgettext_lazy("time zone", "Guadeloupe time"),
    "America/Martinique": pgettext_lazy("time zone", "Martinique time"),
    "America/Cayenne": pgettext_lazy("time zone", "French Guiana time"),
    "Indian/Reunion": pgettext_lazy("time zone", "Réunion time"),
    "Indian/Mayotte": pgettext_lazy("time zone", "Mayotte time"),
    "America/Miquelon": pgettext_lazy("time zone", "Saint-Pierre-and-Miquelon time"),
    "Pacific/Noumea": pgettext_lazy("time zone", "New Caledonia time"),
    "Pacific/Tahiti": pgettext_lazy("time zone", "Tahiti time"),
}


def time_zone_name() -> str:
    """The platform's zone as its users name it, or as "<zone> time" for one without a name here."""
    name = ZONE_NAMES.get(settings.TIME_ZONE)
    return str(name) if name else pgettext("time zone", "%(zone)s time") % {"zone": settings.TIME_ZONE}
