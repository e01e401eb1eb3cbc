from wagtail import hooks

from .pages import NoticePage
from .services import notice_approvers_notify, notice_section_provision


@hooks.register("provision_organisation")
def provision_notice_section(organisation):
    """Every organisation gets its section under /communiques/, where its editors write their notices."""
    notice_section_provision(organisation=organisation)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def notify_notice_approvers(request, page):
    """The admin's "Submit for moderation" button: the approvers get a notification, as with the service."""
    if isinstance(page.specific, NoticePage) and "action-submit" in request.POST:
        notice_approvers_notify(notice=page.specific, user=request.user)
