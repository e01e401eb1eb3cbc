"""machina's attachment forms, with each file checked by its content and its size (forums.attachments)."""

from django.forms.models import modelformset_factory
from machina.apps.forum_conversation.forum_attachments.forms import (
    AttachmentForm as MachinaAttachmentForm,
)
from machina.apps.forum_conversation.forum_attachments.forms import (
    BaseAttachmentFormset,
)
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.conf import settings as machina_settings

from documents.uploads import sanitize_file_name
from forums.attachments import attachment_check

# machina's file column holds 100 characters, with the folder and the suffix the storage may add.
STORED_NAME_MAX_LENGTH = 100 - len(machina_settings.ATTACHMENT_FILE_UPLOAD_TO) - 1 - 8


class AttachmentForm(MachinaAttachmentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A long name is shortened below rather than refused.
        self.fields["file"].max_length = None

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload is not getattr(self.instance, "file", None):
            # Stored and served under the checked name: no path, no control character, a bounded length.
            upload.name = sanitize_file_name(attachment_check(upload).name, max_length=STORED_NAME_MAX_LENGTH)
        return upload


AttachmentFormset = modelformset_factory(
    Attachment,
    AttachmentForm,
    formset=BaseAttachmentFormset,
    can_delete=True,
    extra=1,
    max_num=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
    validate_max=True,
)
