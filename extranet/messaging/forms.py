import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from extranet.core.forms import IdsChoiceField
from extranet.organisations.models import Organisation

from . import selectors
from .models import BODY_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": BODY_MAX_LENGTH}),
    )
    attachment = forms.FileField(label=_("Attach a file (optional)"), required=False)
    # A new key per displayed form: submitting it twice (a double click, a resent form) stores one message.
    key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if "body" in self.errors:  # too long: that error is enough, the message is not empty
            return cleaned
        if not (cleaned.get("body") or "").strip() and not cleaned.get("attachment"):
            raise forms.ValidationError(_("Write a message first."), code="empty")
        return cleaned


class PersonChoiceField(IdsChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.email})"


class ConversationForm(forms.Form):
    recipients = PersonChoiceField(
        label=_("People"),
        queryset=get_user_model().objects.none(),
        help_text=_("One person for a direct conversation, several for a group."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    title = forms.CharField(
        label=_("Title of the group"), max_length=120, required=False, help_text=_("Required for a group.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = (
            selectors.recipients(user=user).exclude(pk=user.pk).order_by("last_name", "first_name")
        )

    def clean(self):
        cleaned = super().clean()
        if len(cleaned.get("recipients") or []) > 1 and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Give the group conversation a title."))
        return cleaned


class TopicRoomForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    organisations = IdsChoiceField(
        label=_("Organisations"),
        queryset=Organisation.objects.all(),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Their members take part in the room."),
    )


class PreferenceForm(forms.Form):
    show_presence = forms.BooleanField(
        label=_("Show when I am online"),
        required=False,
        help_text=_("Others in your conversations see you online or away."),
    )
