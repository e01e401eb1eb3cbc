"""The Wagtail documents a page may use: those its editor may choose, whatever number the form posts.

A live page makes the documents it uses downloadable by its readers (`documents.selectors.
wagtail_document_readable`), so the admin's chooser is not enough: a typed or forged number would publish another
organisation's unpublished file. Every page form that takes Wagtail documents (an attachment's `document`, a rich
text's document link, a body's document block) checks each new one against the editor's "choose" permission;
documents the page already holds are kept, so that a colleague may edit a page whose files they could not have
chosen.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import ForeignKey
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.permissions import policy_registry

from .ids import pk_in_range

DOCUMENT_REFUSED = _("This document cannot be chosen: choose one of your organisation's documents.")


def _document_foreign_key(model) -> str | None:
    """The name of the model's foreign key to Wagtail's documents, if any."""
    document_model = get_document_model()
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey) and field.related_model is document_model:
            return field.name
    return None


def _document_ids(field, value) -> set[int]:
    """The Wagtail documents a rich text or stream field's value refers to (a number no row can have is kept as
    -1, refused like any document the editor cannot choose)."""
    document_model = get_document_model()
    return {
        int(object_id) if pk_in_range(document_model, object_id) else -1
        for model, object_id, _path, _content_path in field.extract_references(value)
        if model is document_model and object_id is not None
    }


class ChosenDocumentsFormMixin:
    """For Wagtail page forms: refuse, on its field, a document the editor could not choose in the admin."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_documents = self._documents_of_instance() if self.instance.pk else frozenset()

    def _content_fields(self) -> list:
        """The rich text and stream fields of the form, which may refer to documents."""
        return [
            field
            for field in self._meta.model._meta.get_fields()
            if isinstance(field, (RichTextField, StreamField)) and field.name in self.fields
        ]

    def _documents_of_instance(self) -> frozenset[int]:
        ids = set()
        for field in self._content_fields():
            ids |= _document_ids(field, getattr(self.instance, field.name))
        for formset in self.formsets.values():
            key = _document_foreign_key(formset.model)
            if key:
                ids |= {getattr(form.instance, f"{key}_id") for form in formset.initial_forms}
        return frozenset(pk for pk in ids if pk is not None and pk > 0)

    def _refused(self, ids: set[int]) -> set[int]:
        """Of these documents, those neither on the page already nor choosable by the editor."""
        new = set(ids) - self.kept_documents
        if not new:
            return set()
        user = self.for_user or AnonymousUser()
        policy = policy_registry.get_by_type(get_document_model())
        if not user.is_authenticated:
            return new
        choosable = policy.instances_user_has_any_permission_for(user, ["choose"])
        return new - set(choosable.filter(pk__in=new).values_list("pk", flat=True))

    def is_valid(self):
        valid = super().is_valid()
        if not self.is_bound:  # the preview builds an empty form
            return valid
        for field in self._content_fields():
            if field.name in self.cleaned_data and self._refused(_document_ids(field, self.cleaned_data[field.name])):
                is_stream = isinstance(field, StreamField)
                self.add_error(
                    field.name,
                    StreamBlockValidationError(non_block_errors=[DOCUMENT_REFUSED]) if is_stream else DOCUMENT_REFUSED,
                )
                valid = False
        for formset in self.formsets.values():
            key = _document_foreign_key(formset.model)
            if not key:
                continue
            for form in formset.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE") or key in form.errors:
                    continue
                document = form.cleaned_data.get(key)
                if document is not None and self._refused({document.pk}):
                    form.add_error(key, DOCUMENT_REFUSED)
                    valid = False
        return valid
