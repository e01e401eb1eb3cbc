"""Who is a trainer, and which sandboxes they manage.

A trainer is a platform superuser or staff member, or anyone holding the `sandbox.add_sandbox` permission
(the platform's administrators grant it to a "Formateurs" group in the Wagtail admin). A trainer manages the
sandboxes they created; superusers manage them all. Missing and forbidden both raise Http404.
"""

from django.http import Http404

from .models import Sandbox


def user_is_trainer(*, user) -> bool:
    if not user.is_authenticated or not user.is_active or hasattr(user, "trainee"):
        return False
    return user.is_superuser or user.is_staff or user.has_perm("sandbox.add_sandbox")


def sandbox_list_for_trainer(*, user):
    sandboxes = Sandbox.objects.select_related("organisation", "created_by")
    return sandboxes if user.is_superuser else sandboxes.filter(created_by=user)


def sandbox_get_for_trainer(*, user, pk: int) -> Sandbox:
    """The sandbox if the user is a trainer who manages it; Http404 otherwise."""
    if not user_is_trainer(user=user):
        raise Http404
    sandbox = sandbox_list_for_trainer(user=user).filter(pk=pk).first()
    if sandbox is None:
        raise Http404
    return sandbox


def trainee_list(*, sandbox: Sandbox):
    return sandbox.trainees.select_related("user").order_by("number")
