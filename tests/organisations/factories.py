import re

import factory
from django.core import mail

from extranet.organisations import services
from extranet.organisations.models import Organisation, Role, SpaceArticlePage
from tests.accounts.factories import UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    """Organisations made through the service, so that their groups and space page exist."""

    class Meta:
        model = Organisation

    kind = "commune"
    name = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.Sequence(lambda n: f"commune-{n}")
    insee_code = factory.Sequence(lambda n: f"45{n % 1000:03d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.organisation_create(**kwargs)


def membership(organisation, *, role="member", user=None):
    """Add a user (a new one by default) to the organisation through the service."""
    return services.membership_set(organisation=organisation, user=user or UserFactory(), role=Role(role))


def invitation(organisation, *, email, role="member", invited_by=None):
    """Invite someone through the service; return the invitation and the raw token read from the e-mail's link."""
    invitation = services.invitation_create(
        organisation=organisation, email=email, role=Role(role), invited_by=invited_by or UserFactory()
    )
    return invitation, token_from_email(email)


def token_from_email(email):
    """The token of the last invitation link e-mailed to this address (the only copy of the token)."""
    message = [message for message in mail.outbox if message.to == [email.lower()]][-1]
    return re.search(r"/invitations/([^/\s]+)/", message.body).group(1)


def space_article(space, *, title="Compte rendu du conseil", body="<p>Ordre du jour.</p>"):
    """Publish an article in an organisation's private space."""
    article = space.add_child(instance=SpaceArticlePage(title=title, body=body))
    article.save_revision().publish()
    return article
