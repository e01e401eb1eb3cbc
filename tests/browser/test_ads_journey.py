"""A small ad's journey in a real browser: a member posts it with a photo, the département approves it, it is public."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.ads.factories import departement
from tests.organisations.factories import OrganisationFactory, membership

# serialized_rollback: the live server needs a transactional database, whose flush would otherwise lose the
# pages created by the migrations (home page, spaces index).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def loiret():
    return departement()


@pytest.fixture
def jargeau(loiret):
    return OrganisationFactory(kind="commune", name="Jargeau", slug="jargeau", insee_code="45173", parent=loiret)


def jpeg_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (220, 120, 30)).save(buffer, "JPEG")
    return {"name": "chaises.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def has_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_a_member_posts_an_ad_the_departement_approves_it_and_it_is_public(new_page, live_server, log_in, jargeau):
    author = membership(jargeau, role="member").user
    moderator = membership(jargeau.parent, role="editor").user

    page = new_page()
    log_in(page, author)
    page.goto(f"{live_server.url}/annonces/")
    page.get_by_role("main").get_by_role("link", name="Déposer une annonce").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déposer une annonce")
    page.get_by_label("Type d'annonce").select_option(label="Don")
    page.get_by_label("Catégorie").select_option(label="Mobilier")
    page.get_by_label("Titre").fill("Don de 40 chaises de salle des fêtes")
    page.get_by_label("Description").fill("Chaises empilables en bois, en bon état, à retirer sur place.")
    page.get_by_label("Fichier de la photo").first.set_input_files(jpeg_photo())
    page.get_by_label("Alternative textuelle").first.fill("Pile de chaises en bois")
    page.get_by_role("button", name="Envoyer l'annonce").click()

    expect(page).to_have_url(f"{live_server.url}/annonces/mes-annonces/")
    expect(page.get_by_role("status")).to_contain_text("Votre annonce a été envoyée pour validation.")
    expect(page.get_by_role("row", name=re.compile("Don de 40 chaises"))).to_contain_text("En attente de validation")

    visitor = new_page()
    visitor.goto(f"{live_server.url}/annonces/")
    expect(visitor.get_by_role("link", name="Don de 40 chaises de salle des fêtes")).to_have_count(0)

    editor_page = new_page()
    log_in(editor_page, moderator)
    editor_page.goto(f"{live_server.url}/annonces/")
    editor_page.get_by_role("link", name="Annonces à valider").click()
    editor_page.get_by_role("link", name="Don de 40 chaises de salle des fêtes").click()
    expect(editor_page.get_by_role("img", name="Pile de chaises en bois")).to_be_attached()
    editor_page.get_by_role("button", name="Publier l'annonce").click()
    expect(editor_page.get_by_role("status")).to_contain_text("est publiée ; son auteur a été prévenu.")

    visitor.goto(f"{live_server.url}/annonces/?type=don")
    visitor.get_by_role("link", name="Don de 40 chaises de salle des fêtes").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Don de 40 chaises de salle des fêtes")
    expect(visitor.get_by_role("main")).to_contain_text(author.first_name)
    expect(visitor.get_by_role("main")).not_to_contain_text(author.email)
    expect(visitor.get_by_role("heading", name=f"Contacter {author.first_name}")).to_be_visible()


def test_the_ads_pages_fit_a_small_phone(new_page, live_server, log_in, jargeau):
    """The list and the posting form do not scroll sideways at 360 px."""
    author = membership(jargeau, role="member").user
    page = new_page(width=360, height=740)

    page.goto(f"{live_server.url}/annonces/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Petites annonces")
    assert not has_horizontal_scroll(page), "The list scrolls horizontally at 360 px"

    log_in(page, author)
    page.goto(f"{live_server.url}/annonces/deposer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Déposer une annonce")
    assert not has_horizontal_scroll(page), "The posting form scrolls horizontally at 360 px"
