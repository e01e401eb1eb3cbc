"""Training sandboxes: a throw-away practice organisation, its trainee accounts and its expiry date.

A sandbox's organisation is an ordinary organisation (kind "other") whose only members are its trainees;
the permission core keeps them out of every other organisation's private content, and the features that
open content to "every member of the platform" leave sandbox memberships out
(`extranet.organisations.selectors.user_roles` tells them apart).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_TRAINEES = 50
MAX_LIFETIME_DAYS = 30


class Sandbox(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="training_sandbox",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="sandboxes_created",
    )
    trainee_count = models.PositiveSmallIntegerField(_("number of trainees"))
    expires_at = models.DateTimeField(_("expires at"))
    created_at = models.DateTimeField(pgettext_lazy("sandbox", "created at"), default=timezone.now, editable=False)
    reset_at = models.DateTimeField(_("last reset at"), null=True, blank=True)

    class Meta:
        verbose_name = _("training sandbox")
        verbose_name_plural = _("training sandboxes")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.organisation)


class Trainee(models.Model):
    """A practice account, member of its sandbox's organisation only; deleted with the sandbox."""

    sandbox = models.ForeignKey(Sandbox, on_delete=models.CASCADE, related_name="trainees")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainee")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["sandbox", "number"], name="sandbox_trainee_unique_number")]

    def __str__(self):
        return self.user.email
