"""The registry of notification kinds: what each app may send, and how a member hears of it by default.

Apps name a kind by its code when they call `notification_send`; a new kind is one line here.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IN_APP = "in_app", _("In the notification centre only")
    EMAIL = "email", _("By e-mail at once")
    DIGEST = "digest", _("In a daily e-mail digest")
    OFF = "off", _("Off")


@dataclass(frozen=True)
class Kind:
    label: str
    default: str
    # The forums send their own e-mails (with their own preference): their kind offers no e-mail here.
    email_elsewhere: bool = False

    @property
    def choices(self) -> list[tuple[str, str]]:
        if self.email_elsewhere:
            return [(Delivery.IN_APP, Delivery.IN_APP.label), (Delivery.OFF, Delivery.OFF.label)]
        return list(Delivery.choices)


KINDS: dict[str, Kind] = {
    "forum_reply": Kind(_("A reply in a forum topic I follow"), Delivery.IN_APP, email_elsewhere=True),
    # The agenda always e-mails an invitation with its answer links: no second e-mail from here.
    "event_invitation": Kind(_("An invitation to an event"), Delivery.IN_APP, email_elsewhere=True),
    # The training sessions always e-mail the promoted person.
    "session_promoted": Kind(
        _("My training registration confirmed from the waiting list"), Delivery.IN_APP, email_elsewhere=True
    ),
    "document_shared": Kind(_("A document or folder shared with my organisation"), Delivery.DIGEST),
    # Wagtail's workflow already e-mails its approvers (per their admin account settings).
    "notice_approval": Kind(_("A notice awaiting my approval"), Delivery.IN_APP),
    "mention": Kind(_("A mention of me in a conversation"), Delivery.EMAIL),
    # The subsidies app always e-mails the applicant (`subsidies.services.notify`).
    "subsidy_status": Kind(_("A change of status of a subsidy application"), Delivery.IN_APP, email_elsewhere=True),
}
