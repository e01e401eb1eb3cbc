from wagtail import hooks

from extranet.search.services import search_refresh_later

from .models import PersonCard
from .viewsets import ServiceViewSet


@hooks.register("register_admin_viewset")
def register_service_viewset():
    return ServiceViewSet("annuaire_services")


@hooks.register("membership_removed")
def refresh_cards_of_a_departed_member(*, organisation, user):
    """A card published under the organisation the person left leaves the search (its index drops it)."""
    pks = list(PersonCard.objects.filter(user=user).values_list("pk", flat=True))
    search_refresh_later(model=PersonCard, pks=pks)


@hooks.register("membership_added")
def refresh_cards_of_a_new_member(*, organisation, user):
    """The person's cards are readable by members of any of their organisations: re-index them with the new one."""
    pks = list(PersonCard.objects.filter(user=user).values_list("pk", flat=True))
    search_refresh_later(model=PersonCard, pks=pks)


@hooks.register("user_changed")
def refresh_cards_of_a_changed_user(*, user):
    """Re-index the person's cards: their entries carry the name, and a deactivated account's cards leave the index."""
    pks = list(PersonCard.objects.filter(user=user).values_list("pk", flat=True))
    search_refresh_later(model=PersonCard, pks=pks)
