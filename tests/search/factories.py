"""Content of every indexed kind, all mentioning the same word, to check who finds what."""

from extranet.acts.models import ActSectionPage
from tests.acts.factories import act
from tests.ads.factories import published_ad
from tests.aids.factories import aid, provider
from tests.jobs.factories import offer
from tests.notices.factories import notice
from tests.organisations.factories import space_article

WORD = "voirie"


def searchable_world(*, commune, other_commune) -> dict:
    """Public items of `commune` (the aid is the département's), a private article in each space; keyed by kind."""
    return {
        "act": act(ActSectionPage.objects.get(organisation=commune), title="Réfection de la voirie communale"),
        "notice": notice(commune, title="Travaux de voirie rue Gambetta"),
        "aid": aid(provider(slug="loiret", name="Département du Loiret"), title="Aide à la voirie rurale"),
        "job": offer(commune, title="Agent d'entretien de la voirie"),
        "ad": published_ad(commune, title="Prêt d'une balayeuse de voirie"),
        "private": space_article(commune.space_page, title="Réunion des agents de voirie de Jargeau"),
        "other_private": space_article(other_commune.space_page, title="Planning voirie de Darvoy"),
    }
