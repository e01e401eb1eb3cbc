from wagtail.admin.forms import WagtailAdminPageForm

from extranet.core.page_forms import ChosenDocumentsFormMixin


class AidPageForm(ChosenDocumentsFormMixin, WagtailAdminPageForm):
    """The admin form of an aid: a new aid belongs to the organisation of the section it is created in; the
    documents its texts link to are the editor's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.parent_page is not None:
            self.instance.organisation = self.parent_page.specific.organisation
