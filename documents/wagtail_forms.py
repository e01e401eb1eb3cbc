"""Wagtail's document form (public documents: notices' and procurement consultations' files), checked like the
library's uploads: by content, size, bombs and name (documents.uploads)."""

from wagtail.documents.forms import BaseDocumentForm

from .uploads import upload_check


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            upload.name = upload_check(upload).name
        return upload
