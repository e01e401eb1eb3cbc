"""machina's "mark forums read" page, answering 404 for a forum the reader may not read (machina showed its name)."""

from machina.apps.forum_tracking import views as machina_views

from forums.selectors import forum_get_for_reader


class MarkForumsReadView(machina_views.MarkForumsReadView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and kwargs.get("pk") is not None:
            forum_get_for_reader(user=request.user, pk=kwargs["pk"], handler=request.forum_permission_handler)
        return super().dispatch(request, *args, **kwargs)
