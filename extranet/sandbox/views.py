"""The trainers' pages: their sandboxes, creation, the printable logins, reset and deletion.

The trainees' passwords live in the trainer's session from a create or reset until the trainer says the list
is printed (or the session ends); the database holds only their hashes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import SandboxForm


def _logins_key(sandbox) -> str:
    return f"sandbox_logins_{sandbox.pk}"


def _remember_logins(request, sandbox, logins) -> None:
    request.session[_logins_key(sandbox)] = [[login.number, login.email, login.password] for login in logins]


def _trainer_required(request) -> None:
    if not selectors.user_is_trainer(user=request.user):
        raise Http404


@login_required
def sandbox_list(request):
    _trainer_required(request)
    sandboxes = selectors.sandbox_list_for_trainer(user=request.user)
    return render(request, "sandbox/list.html", {"sandboxes": sandboxes})


@login_required
def sandbox_create(request):
    _trainer_required(request)
    form = SandboxForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sandbox, logins = services.sandbox_create(
                name=form.cleaned_data["name"],
                trainees=form.cleaned_data["trainees"],
                expires_at=form.expires_at(),
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, _for_form(error))
        else:
            _remember_logins(request, sandbox, logins)
            messages.success(request, _("The sandbox has been created. Print the trainees' logins now."))
            return redirect("sandbox:logins", sandbox.pk)
    return render(request, "sandbox/form.html", {"form": form})


def _for_form(error: ValidationError) -> ValidationError:
    """The service's errors on the form's fields; its `expires_at` is the form's date field."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {("expires_on" if field == "expires_at" else field): errors for field, errors in error.error_dict.items()}
    )


@login_required
def sandbox_detail(request, pk):
    sandbox = selectors.sandbox_get_for_trainer(user=request.user, pk=pk)
    context = {
        "sandbox": sandbox,
        "trainees": selectors.trainee_list(sandbox=sandbox),
        "has_logins": _logins_key(sandbox) in request.session,
    }
    return render(request, "sandbox/detail.html", context)


@login_required
def sandbox_logins(request, pk):
    sandbox = selectors.sandbox_get_for_trainer(user=request.user, pk=pk)
    logins = request.session.get(_logins_key(sandbox))
    return render(request, "sandbox/logins.html", {"sandbox": sandbox, "logins": logins})


@login_required
@require_POST
def sandbox_logins_forget(request, pk):
    sandbox = selectors.sandbox_get_for_trainer(user=request.user, pk=pk)
    request.session.pop(_logins_key(sandbox), None)
    messages.success(request, _("The passwords are no longer shown. Reset the sandbox to get new ones."))
    return redirect("sandbox:detail", sandbox.pk)


@login_required
def sandbox_reset(request, pk):
    sandbox = selectors.sandbox_get_for_trainer(user=request.user, pk=pk)
    if request.method == "POST":
        logins = services.sandbox_reset(sandbox=sandbox, by=request.user)
        _remember_logins(request, sandbox, logins)
        messages.success(request, _("The sandbox is back to its initial state, with new passwords."))
        return redirect("sandbox:logins", sandbox.pk)
    return render(request, "sandbox/confirm.html", {"sandbox": sandbox, "action": "reset"})


@login_required
def sandbox_delete(request, pk):
    sandbox = selectors.sandbox_get_for_trainer(user=request.user, pk=pk)
    if request.method == "POST":
        request.session.pop(_logins_key(sandbox), None)
        services.sandbox_delete(sandbox=sandbox)
        messages.success(request, _("The sandbox and its trainees' accounts have been deleted."))
        return redirect("sandbox:list")
    return render(request, "sandbox/confirm.html", {"sandbox": sandbox, "action": "delete"})
