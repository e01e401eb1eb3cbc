"""Questions of candidates on a notice; answered ones are published to all without who asked them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .forms import QUESTION_MAX_LENGTH


class NoticeQuestion(models.Model):
    notice = models.ForeignKey("procurement.ProcurementNoticePage", on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="procurement_questions"
    )
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now, editable=False)
    answer = models.TextField(_("answer"), max_length=QUESTION_MAX_LENGTH, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question on a notice")
        verbose_name_plural = _("questions on notices")
        ordering = ["asked_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True) | ~models.Q(answer=""),
                name="procurement_answered_question_has_an_answer",
            )
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
