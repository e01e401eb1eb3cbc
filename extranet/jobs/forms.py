from wagtail.admin.forms import WagtailAdminPageForm


class JobOfferPageForm(WagtailAdminPageForm):
    """The admin form of a job offer: a new offer belongs to the organisation of the section it is created in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.parent_page is not None:
            self.instance.organisation = self.parent_page.specific.organisation
