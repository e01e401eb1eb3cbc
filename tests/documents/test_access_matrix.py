"""Every document URL, for each kind of visitor: the owner's members, a shared-with organisation, others, anonymous."""

from datetime import timedelta

import pytest
from django.utils import timezone

from documents import services, sharing
from documents.models import ShareLink

pytestmark = pytest.mark.django_db


def document_urls(document):
    """Every reading URL of a document: page, current download, each version, preview, thumbnail."""
    urls = [
        f"/bibliotheque/document/{document.pk}/",
        f"/bibliotheque/document/{document.pk}/telecharger/",
        f"/bibliotheque/document/{document.pk}/apercu/",
        f"/bibliotheque/document/{document.pk}/vignette/",
    ]
    urls += [f"/bibliotheque/document/{document.pk}/versions/{v.number}/telecharger/" for v in document.versions.all()]
    return urls


@pytest.fixture
def viewers(client, member, outsider, partner_member):
    def log_in_as(who):
        client.logout()
        user = {"member": member, "outsider": outsider, "partner": partner_member, "anonymous": None}[who]
        if user:
            client.force_login(user)
        return client

    return log_in_as


@pytest.mark.parametrize(
    ("who", "private_status", "shared_status"),
    [
        ("member", 200, 200),
        ("partner", 404, 200),
        ("outsider", 404, 404),
        ("anonymous", 404, 404),
    ],
)
def test_document_urls_answer_only_to_allowed_visitors(viewers, library, who, private_status, shared_status):
    """The private document answers to its organisation only; the shared one to the partner too; 404 otherwise."""
    client = viewers(who)
    for name, expected in (("private", private_status), ("shared", shared_status)):
        for url in document_urls(library[name]):
            response = client.get(url)
            assert response.status_code == expected, (who, url)
            if expected == 404:
                assert library[name].title not in response.content.decode()


@pytest.mark.parametrize(
    ("who", "root", "private_folder", "shared_folder"),
    [
        ("member", 200, 200, 200),
        ("partner", 404, 404, 200),
        ("outsider", 404, 404, 404),
        ("anonymous", 404, 404, 404),
    ],
)
def test_folder_listings_answer_only_to_allowed_visitors(
    viewers, commune, library, who, root, private_folder, shared_folder
):
    """The library's root is its members'; a shared folder is also the partner's."""
    client = viewers(who)
    assert client.get(f"/bibliotheque/{commune.slug}/").status_code == root
    assert (
        client.get(f"/bibliotheque/{commune.slug}/dossier/{library['private_folder'].pk}/").status_code
        == private_folder
    )
    response = client.get(f"/bibliotheque/{commune.slug}/dossier/{library['shared_folder'].pk}/")
    assert response.status_code == shared_folder
    if shared_folder == 200:
        assert library["shared"].title in response.content.decode()


def test_shares_received_list_what_is_shared_and_nothing_else(client, partner, partner_member, outsider, library):
    """The partner's "shared with us" page lists the shared folder, not the private one; others get 404."""
    client.force_login(partner_member)
    page = client.get(f"/bibliotheque/{partner.slug}/partages-recus/").content.decode()
    assert "Assainissement" in page and "Ressources humaines" not in page
    client.force_login(outsider)
    assert client.get(f"/bibliotheque/{partner.slug}/partages-recus/").status_code == 404


@pytest.mark.parametrize("who", ["partner", "outsider", "anonymous"])
def test_writes_are_refused_without_write_access(viewers, library, who):
    """Read-only partners, outsiders and visitors can change nothing: every write answers 404."""
    client = viewers(who)
    shared = library["shared"]
    for url in [
        f"/bibliotheque/document/{shared.pk}/corbeille/",
        f"/bibliotheque/document/{shared.pk}/modifier/",
        f"/bibliotheque/document/{shared.pk}/verrou/",
        f"/bibliotheque/document/{shared.pk}/partage/",
        f"/bibliotheque/document/{shared.pk}/liens/",
        f"/bibliotheque/document/{shared.pk}/versions/1/restaurer/",
        f"/bibliotheque/document/{shared.pk}/nouvelle-version/",
    ]:
        assert client.post(url, {"name": "Piraté", "lock": "1", "days": 3}).status_code == 404, url
    shared.refresh_from_db()
    assert (shared.title, shared.deleted_at, shared.locked_by, shared.versions.count()) == (
        "station.pdf",
        None,
        None,
        2,
    )


def test_a_read_write_share_lets_the_partner_add_versions(client, partner, partner_member, editor, library):
    """Shared read-write, the partner may add a version; it never may change the sharing."""
    from tests.documents.factories import pdf_bytes, share, upload_file

    share(library["shared_folder"], partner, user=editor, can_write=True)
    client.force_login(partner_member)
    url = f"/bibliotheque/document/{library['shared'].pk}/nouvelle-version/"
    assert client.post(url, {"file": upload_file("station.pdf", pdf_bytes("Partenaire"))}).status_code == 302
    assert library["shared"].versions.count() == 3
    assert client.get(f"/bibliotheque/document/{library['shared'].pk}/partage/").status_code == 404


def test_bin_and_audit_log_belong_to_the_library(client, commune, member, admin, outsider, library):
    """Members see the bin; only administrators read the audit log; other organisations get 404 for both."""
    client.force_login(member)
    assert client.get(f"/bibliotheque/{commune.slug}/corbeille/").status_code == 200
    assert client.get(f"/bibliotheque/{commune.slug}/journal/").status_code == 404
    client.force_login(admin)
    assert client.get(f"/bibliotheque/{commune.slug}/journal/").status_code == 200
    client.force_login(outsider)
    assert client.get(f"/bibliotheque/{commune.slug}/corbeille/").status_code == 404
    assert client.get(f"/bibliotheque/{commune.slug}/journal/").status_code == 404


def test_a_public_document_serves_its_current_version_to_anyone_but_not_its_history(client, editor, library):
    """Public: anonymous visitors download the current version; earlier versions stay private."""
    services.document_sharing_set(document=library["private"], is_public=True, shares={}, user=editor)
    pk = library["private"].pk
    assert client.get(f"/bibliotheque/document/{pk}/telecharger/").status_code == 200
    assert client.get(f"/bibliotheque/document/{pk}/").status_code == 200
    assert client.get(f"/bibliotheque/document/{pk}/versions/1/telecharger/").status_code == 404


class TestShareLinks:
    def link(self, library, editor, **changes):
        link, token = sharing.share_link_create(document=library["private"], days=3, user=editor)
        if changes:
            ShareLink.objects.filter(pk=link.pk).update(**changes)
        return token

    def test_an_active_link_serves_the_current_version_to_anyone(self, client, library, editor):
        """A visitor without an account opens the link's page and downloads the current version."""
        token = self.link(library, editor)
        assert client.get(f"/bibliotheque/lien/{token}/").status_code == 200
        response = client.get(f"/bibliotheque/lien/{token}/telecharger/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")

    @pytest.mark.parametrize("change", ["revoked", "expired"])
    def test_a_revoked_or_expired_link_answers_404(self, client, library, editor, change):
        """After revocation or expiry, the page and the download both answer 404."""
        now = timezone.now()
        token = self.link(
            library,
            editor,
            **({"revoked_at": now} if change == "revoked" else {"expires_at": now - timedelta(seconds=1)}),
        )
        assert client.get(f"/bibliotheque/lien/{token}/").status_code == 404
        assert client.get(f"/bibliotheque/lien/{token}/telecharger/").status_code == 404

    def test_revoking_through_the_page_stops_the_link(self, client, library, editor):
        """The editor's revoke button disables the link at once; only the token's hash was stored."""
        token = self.link(library, editor)
        link = ShareLink.objects.get()
        assert token not in link.token_hash
        client.force_login(editor)
        client.post(f"/bibliotheque/document/{library['private'].pk}/liens/{link.pk}/revoquer/")
        client.logout()
        assert client.get(f"/bibliotheque/lien/{token}/telecharger/").status_code == 404

    def test_an_unknown_token_answers_404(self, client, db):
        """A guessed token finds nothing."""
        assert client.get("/bibliotheque/lien/devine/").status_code == 404


@pytest.mark.parametrize("who", ["partner", "outsider", "anonymous"])
def test_uploads_and_folders_in_another_library_are_refused(viewers, commune, library, who):
    """Nobody outside the library (nor a read-only partner) can upload or create folders in it."""
    from documents.models import Document, Folder
    from tests.documents.factories import pdf_bytes, upload_file

    client = viewers(who)
    before = (Document.objects.count(), Folder.objects.count())
    for folder_id in ("", library["shared_folder"].pk, library["private_folder"].pk):
        upload = client.post(
            f"/bibliotheque/{commune.slug}/envoyer/",
            {"folder": folder_id, "files": [upload_file("intrus.pdf", pdf_bytes("Intrus"))]},
        )
        create = client.post(f"/bibliotheque/{commune.slug}/nouveau-dossier/", {"folder": folder_id, "name": "Intrus"})
        # A visitor without a session is sent to log in (a member whose session ended is told so), others get 404.
        assert (upload.status_code, create.status_code) == (302 if who == "anonymous" else 404, 404)
    assert (Document.objects.count(), Folder.objects.count()) == before


def test_a_read_write_partner_uploads_into_the_shared_folder_only(
    client, commune, partner, partner_member, editor, library
):
    """Read-write on a folder lets the partner add files there, not at the library's root."""
    from tests.documents.factories import pdf_bytes, share, upload_file

    share(library["shared_folder"], partner, user=editor, can_write=True)
    client.force_login(partner_member)
    url = f"/bibliotheque/{commune.slug}/envoyer/"
    shared = client.post(url, {"folder": library["shared_folder"].pk, "files": [upload_file("a.pdf", pdf_bytes())]})
    root = client.post(url, {"folder": "", "files": [upload_file("b.pdf", pdf_bytes())]})
    assert (shared.status_code, root.status_code) == (302, 404)
    assert library["shared_folder"].documents.filter(title="a.pdf").exists()


@pytest.mark.parametrize("who", ["partner", "outsider", "anonymous"])
def test_the_page_chooser_never_offers_another_organisations_documents(viewers, editor, library, who):
    """Even public, Jargeau's documents are neither listed nor choosable in others' page chooser; private never."""
    services.document_sharing_set(document=library["shared"], is_public=True, shares={}, user=editor)
    client = viewers(who)
    listing = client.get("/admin/library_document_chooser/")
    assert listing.status_code in (200, 302, 403)
    assert "station.pdf" not in listing.content.decode() and "salaires.pdf" not in listing.content.decode()
    for name in ("shared", "private"):
        chosen = client.get(f"/admin/library_document_chooser/chosen/{library[name].pk}/")
        assert chosen.status_code in (302, 403, 404)
        assert library[name].title not in chosen.content.decode()


@pytest.mark.parametrize("who", ["member", "partner", "outsider", "anonymous"])
def test_folder_links_cannot_be_made_or_revoked_without_manage_rights(viewers, commune, editor, library, who):
    """Members (who write but do not manage), partners, others and visitors: 404 for making or revoking links."""
    link, _token = sharing.share_link_create(folder=library["shared_folder"], days=3, user=editor)
    client = viewers(who)
    for target in ("shared_folder", "private_folder"):
        base = f"/bibliotheque/{commune.slug}/dossier/{library[target].pk}/liens/"
        assert client.post(base, {"days": 3}).status_code == 404
        assert client.post(f"{base}{link.pk}/revoquer/").status_code == 404
    assert ShareLink.objects.filter(folder__isnull=False).count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.mark.parametrize("who", ["member", "partner", "outsider", "anonymous"])
def test_a_folder_link_reaches_its_folder_only_whoever_holds_it(viewers, editor, library, who):
    """Logged in or not, a folder link opens that folder and its documents, never the private ones."""
    _link, token = sharing.share_link_create(folder=library["shared_folder"], days=3, user=editor)
    client = viewers(who)
    assert client.get(f"/bibliotheque/lien/{token}/").status_code == 200
    assert client.get(f"/bibliotheque/lien/{token}/document/{library['shared'].pk}/telecharger/").status_code == 200
    assert client.get(f"/bibliotheque/lien/{token}/dossier/{library['private_folder'].pk}/").status_code == 404
    assert client.get(f"/bibliotheque/lien/{token}/document/{library['private'].pk}/telecharger/").status_code == 404


@pytest.mark.parametrize("who", ["partner", "outsider", "anonymous"])
def test_a_public_folder_opens_to_anyone_and_nothing_else_does(viewers, commune, editor, library, who):
    """Public (and no longer shared), the folder lists its documents to anyone; all else stays 404."""
    services.folder_sharing_set(folder=library["shared_folder"], is_public=True, shares={}, user=editor)
    client = viewers(who)
    response = client.get(f"/bibliotheque/{commune.slug}/dossier/{library['shared_folder'].pk}/")
    assert response.status_code == 200 and "station.pdf" in response.content.decode()
    assert client.get(f"/bibliotheque/{commune.slug}/").status_code == 404
    private = client.get(f"/bibliotheque/{commune.slug}/dossier/{library['private_folder'].pk}/")
    assert private.status_code == 404 and "salaires.pdf" not in private.content.decode()
    assert client.get(f"/bibliotheque/document/{library['shared'].pk}/versions/1/telecharger/").status_code == 404
