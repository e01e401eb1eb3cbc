"""The blocks a notice's body is made of: paragraphs, quotations and linked documents."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from documents.chooser import LibraryDocumentChooserBlock

from .validators import validate_library_document, validate_notice_document

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False, help_text=_("Who said or wrote it."))

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "notices/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("link text"), max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "notices/blocks/document_link_block.html"

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_notice_document(value["document"])
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"document": error}) from error
        return value


class LibraryDocumentBlock(blocks.StructBlock):
    """A public document of a library, linked to its download address; shown only while it stays public."""

    document = LibraryDocumentChooserBlock(label=_("library document"))
    label = blocks.CharBlock(
        label=_("link text"), max_length=200, required=False, help_text=_("The document's title if empty.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Library document")
        template = "notices/blocks/library_document_block.html"

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_library_document(value["document"])
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"document": error}) from error
        return value

    def get_context(self, value, parent_context=None):
        from documents.selectors import document_list_public

        context = super().get_context(value, parent_context=parent_context)
        document = value["document"]
        context["document"] = document_list_public(pks=[document.pk]).get(document.pk) if document else None
        return context


class NoticeBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=PARAGRAPH_FEATURES)
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    library_document = LibraryDocumentBlock()
