"""The admin form of the pages that live in an organisation's section of the acts."""

from wagtail.admin.forms import WagtailAdminPageForm


class SectionChildPageForm(WagtailAdminPageForm):
    """Give a new act or session the organisation of the section it is created in, before validation needs it."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        section_organisation_id = (
            getattr(parent_page.specific_deferred, "organisation_id", None) if parent_page else None
        )
        if self.instance.organisation_id is None and section_organisation_id is not None:
            self.instance.organisation_id = section_organisation_id
