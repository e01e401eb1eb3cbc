"""machina's attachment download (shadowed in forums/urls.py), answered like the library's files.

machina writes `Content-Disposition: attachment; filename=<name>` unquoted: a name with a semicolon, a quote
or an accent made a broken header. The library's response quotes it (RFC 6266, filename* in UTF-8), forbids
type sniffing and sandboxes the file.
"""

import mimetypes
from pathlib import PurePosixPath

from machina.apps.forum_conversation.forum_attachments.views import AttachmentView as MachinaAttachmentView

from documents.views.files import file_response


class AttachmentView(MachinaAttachmentView):
    def render_to_response(self, context, **response_kwargs):
        name = PurePosixPath(self.object.file.name).name
        # The upload check made sure the extension agrees with the content.
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        # The file is in MEDIA_ROOT, not in the documents' storage that nginx's X-Accel location serves.
        file = self.object.file
        return file_response(file=file, name=name, content_type=content_type, size=file.size, accel=False)
