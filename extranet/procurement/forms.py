"""The forms of procurement: the admin forms of notices and contracts, and the question and answer forms."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from extranet.core.page_forms import ChosenDocumentsFormMixin

QUESTION_MAX_LENGTH = 3000


class ProcurementNoticePageForm(ChosenDocumentsFormMixin, WagtailAdminPageForm):
    """A new notice belongs to the organisation of the section it is created in; its documents are the editor's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.parent_page is not None:
            self.instance.organisation = self.parent_page.specific.organisation


class AwardedContractPageForm(WagtailAdminPageForm):
    """A new contract belongs to the notice it is created under, and to that notice's organisation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.parent_page is not None:
            notice = self.parent_page.specific
            self.instance.notice = notice
            self.instance.organisation_id = notice.organisation_id


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The answer is published on the notice for every candidate, without your name."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=QUESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Published on the notice with the question, without the name of who asked it."),
    )
