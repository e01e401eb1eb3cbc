"""The Wagtail admin's form of notice pages: library documents limited to what the editor's chooser offers."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from extranet.core.page_forms import ChosenDocumentsFormMixin

from .validators import validate_library_document_for_user


def _library_document_ids(page) -> frozenset[int]:
    """The library documents already on the page (its latest draft): attachments and body blocks."""
    ids = {attachment.document_id for attachment in page.library_attachments.all()}
    for child in page.body or []:
        if child.block_type == "library_document" and child.value["document"] is not None:
            ids.add(child.value["document"].pk)
    return frozenset(ids)


class NoticePageForm(ChosenDocumentsFormMixin, WagtailAdminPageForm):
    """Typing another organisation's document number is refused as the chooser would, with a French message
    (library documents here, Wagtail documents in `ChosenDocumentsFormMixin`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_library_documents = _library_document_ids(self.instance) if self.instance.pk else frozenset()

    def _check(self, document) -> None:
        # A form built without its user (outside the admin's views) may only keep what the page has.
        user = self.for_user or AnonymousUser()
        validate_library_document_for_user(document, user=user, kept=self.kept_library_documents)

    def clean(self):
        cleaned_data = super().clean()
        block_errors = {}
        for index, child in enumerate(cleaned_data.get("body") or []):
            if child.block_type == "library_document":
                try:
                    self._check(child.value["document"])
                except ValidationError as error:
                    block_errors[index] = StructBlockValidationError(block_errors={"document": error})
        if block_errors:
            self.add_error("body", StreamBlockValidationError(block_errors=block_errors))
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("library_attachments")
        for form in formset.forms if formset is not None else []:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE") or "document" in form.errors:
                continue
            try:
                self._check(form.cleaned_data.get("document"))
            except ValidationError as error:
                form.add_error("document", error)
                valid = False
        return valid
