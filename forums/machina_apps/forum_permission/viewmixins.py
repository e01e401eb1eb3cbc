"""machina's permission mixin, answering 404 rather than 403 to a logged-in user who may not see something."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from machina.apps.forum_permission.viewmixins import PermissionRequiredMixin as MachinaPermissionRequiredMixin


class PermissionRequiredMixin(MachinaPermissionRequiredMixin):
    """Forbidden and missing look the same from outside; a visitor who is not logged in is asked to log in."""

    def check_permissions(self, request):
        try:
            return super().check_permissions(request)
        except PermissionDenied:
            raise Http404 from None
