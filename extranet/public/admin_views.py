"""Wagtail's page views, with one check added: approving in a workflow publishes only a version that validates.

Approval publishes the submitted version without the editor's form, so a rule that held when it was submitted and
no longer does (an act's number since given to another act) would fail inside the publication with an error 500.
The moderator is told why instead, and the version stays in moderation for changes to be asked.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet


class CheckedWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        if self.action_name == "approve" and self.task_state.revision_id:
            try:
                self.task_state.revision.as_object().full_clean()
            except ValidationError as error:
                messages.error(
                    request,
                    _("This version cannot be approved: %(errors)s Request changes from its author instead.")
                    % {"errors": " ".join(error.messages)},
                )
                if request.headers.get("x-requested-with") == "XMLHttpRequest":
                    return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
                return redirect(self.redirect_url)
        return super().post(request, *args, **kwargs)


class CheckedPageViewSet(PageViewSet):
    """Wagtail's views of every page type, with the checked workflow approval."""

    workflow_action_view_class = CheckedWorkflowActionView
