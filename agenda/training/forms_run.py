"""The participant's feedback form; the rules (once, present only, after the start) are the service's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .attendance import COMMENT_MAX_LENGTH, SCORES

SCORE_CHOICES = [(score, str(score)) for score in SCORES]


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Overall, how would you rate this session?"),
        help_text=_("From 1 (poor) to 5 (excellent)."),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=_("How useful is it for your work?"),
        help_text=_("From 1 (not at all) to 5 (very useful)."),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        help_text=_("Optional. The trainer reads it without your name."),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
