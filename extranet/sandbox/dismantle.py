"""Taking apart what `organisation_provision` built for an organisation, so that the organisation can be deleted.

Only sandboxes are deleted this way: a real organisation's pages and records are kept (they PROTECT it).
"""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from machina.apps.forum.models import Forum
from schedule.models import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Page

from extranet.organisations.models import Organisation


def _organisation_pages(organisation: Organisation) -> list[Page]:
    """Every page of a class that belongs to one organisation (space, public sections), deepest first."""
    pages = []
    for model in apps.get_models():
        if issubclass(model, Page) and any(field.name == "organisation" for field in model._meta.fields):
            pages += model.objects.filter(organisation=organisation)
    return sorted(pages, key=lambda page: -page.depth)


@transaction.atomic
def organisation_dismantle(*, organisation: Organisation) -> None:
    """Delete the organisation's pages (with what lies below them), forums, calendars, Wagtail documents and their
    collection, role groups, then itself."""
    for page in _organisation_pages(organisation):
        # A page below another one of the organisation went with it.
        if Page.objects.filter(pk=page.pk).exists():
            Page.objects.get(pk=page.pk).specific.delete()
    forums = Forum.objects.filter(audience__organisation=organisation, parent__isnull=True)
    for forum in forums:
        forum.get_descendants(include_self=True).delete()
    Calendar.objects.filter(agenda__organisation=organisation).delete()
    collection = organisation.documents_collection
    if collection is not None:
        for document in get_document_model().objects.filter(collection=collection):
            # One by one: Wagtail deletes each file with its document.
            document.delete()
        collection.delete()
    Group.objects.filter(organisation_role__organisation=organisation).delete()
    organisation.delete()
