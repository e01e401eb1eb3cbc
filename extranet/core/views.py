from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from extranet.accounts.services import user_set_language
from extranet.broadcast.selectors import user_can_broadcast
from extranet.organisations.selectors import membership_cards_for_user


@login_required
def dashboard(request):
    """A member's home: their organisations, with a link to each private space."""
    memberships = membership_cards_for_user(user=request.user)
    can_broadcast = user_can_broadcast(user=request.user)
    return render(request, "core/dashboard.html", {"memberships": memberships, "can_broadcast": can_broadcast})


@require_POST
def set_language(request):
    """Django's language switch, remembered on the account of a logged-in user."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        user_set_language(user=request.user, language=language)
    return response
