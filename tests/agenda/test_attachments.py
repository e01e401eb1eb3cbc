"""Documents attached to an event: each reader sees only those they may download, and the download checks again."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda import invitations
from tests.agenda.factories import event
from tests.documents.factories import document, folder, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(commune, editor, other_commune):
    """A private document of Jargeau's, and one in a folder Jargeau shares with Darvoy."""
    shared_folder = folder(commune, user=editor, name="Intercommunalité")
    share(shared_folder, other_commune, user=editor)
    return {
        "private": document(commune, user=editor, name="budget-interne.pdf"),
        "shared": document(commune, user=editor, name="ordre-du-jour.pdf", folder=shared_folder),
    }


@pytest.fixture
def council(calendar, editor, outsider, documents):
    """A council with both documents, to which Darvoy's administrator is invited."""
    council = event(calendar, user=editor, attachments=[documents["private"], documents["shared"]])
    invitations.event_invite(event=council, inviter=editor, users=[outsider])
    return council


def test_a_member_sees_every_attached_document(client, council, member, documents):
    client.force_login(member)

    page = client.get(f"/agenda/evenement/{council.pk}/").content.decode()

    assert "budget-interne" in page and "ordre-du-jour" in page
    assert f"/bibliotheque/document/{documents['private'].pk}/telecharger/" in page


def test_a_foreign_invitee_sees_only_the_shared_document_and_gets_404_for_the_other(
    client, council, outsider, documents
):
    """Darvoy's invitee reads the event, sees the shared agenda only; the private budget answers 404."""
    client.force_login(outsider)

    page = client.get(f"/agenda/evenement/{council.pk}/").content.decode()

    assert "ordre-du-jour" in page and "budget-interne" not in page
    assert client.get(f"/bibliotheque/document/{documents['private'].pk}/telecharger/").status_code == 404
    assert client.get(f"/bibliotheque/document/{documents['shared'].pk}/telecharger/").status_code == 200


def test_an_event_cannot_list_another_organisations_document(calendar, editor, other_commune, outsider):
    """A document of Darvoy's library is refused for a Jargeau event, and no event is left behind."""
    foreign = document(other_commune, user=outsider, name="darvoy.pdf")

    with pytest.raises(ValidationError):
        event(calendar, user=editor, title="Réunion", attachments=[foreign])

    assert not calendar.calendar.event_set.exists()


def test_the_event_page_runs_the_same_queries_whatever_the_number_of_documents(client, calendar, editor, commune):
    few = event(calendar, user=editor, title="Peu", attachments=[document(commune, user=editor, name="a.pdf")])
    many = event(
        calendar,
        user=editor,
        title="Beaucoup",
        attachments=[document(commune, user=editor, name=f"{n}.pdf") for n in range(4)],
    )
    client.force_login(editor)
    client.get(f"/agenda/evenement/{few.pk}/")  # warm the caches (session, site, translations)

    counts = []
    for item in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/agenda/evenement/{item.pk}/").status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_the_form_offers_only_the_organisations_documents(client, calendar, editor, commune, other_commune, outsider):
    """Jargeau's document is attached through the form; a Darvoy document's id is refused as an invalid choice."""
    own = document(commune, user=editor, name="plan.pdf")
    foreign = document(other_commune, user=outsider, name="darvoy.pdf")
    client.force_login(editor)
    form = {"title": "Réunion", "start": "2027-01-05T18:00", "end": "2027-01-05T19:00"}

    refused = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**form, "attachments": [foreign.pk]})
    created = client.post(f"/agenda/calendrier/{calendar.pk}/nouvel-evenement/", {**form, "attachments": [own.pk]})

    assert refused.status_code == 200 and "darvoy.pdf" not in refused.content.decode()
    event = calendar.calendar.event_set.get()
    assert created["Location"] == f"/agenda/evenement/{event.pk}/"
    assert list(event.details.attachments.all()) == [own]


def test_the_readable_filter_agrees_with_the_permission_core(commune, editor, member, other_commune, outsider):
    """For a private, a shared (in a subfolder), a public and a root document, the filter the event page uses
    opens exactly what `document_access` opens, to a member, a foreign administrator and a visitor."""
    from django.contrib.auth.models import AnonymousUser

    from documents.models import Document
    from documents.selectors import Access, document_access, document_readable_q
    from extranet.organisations.selectors import user_roles

    shared_folder = folder(commune, user=editor, name="Partagé")
    share(shared_folder, other_commune, user=editor)
    public_document = document(commune, user=editor, name="public.pdf")
    share(public_document, None, user=editor, is_public=True)
    document(commune, user=editor, name="racine.pdf")
    document(commune, user=editor, name="prive.pdf", folder=folder(commune, user=editor, name="Privé"))
    document(commune, user=editor, name="sous-dossier.pdf", folder=folder(commune, user=editor, parent=shared_folder))
    all_documents = list(Document.objects.select_related("folder"))

    seen = {}
    for name, user in (("member", member), ("outsider", outsider), ("visitor", AnonymousUser())):
        readable = set(Document.objects.filter(document_readable_q(roles=user_roles(user=user))))
        expected = {item for item in all_documents if document_access(user=user, document=item) >= Access.PUBLIC}
        assert readable == expected, name
        seen[name] = {item.title for item in readable}
    assert seen["outsider"] == {"public.pdf", "sous-dossier.pdf"} and seen["visitor"] == {"public.pdf"}
    assert len(seen["member"]) == 4
