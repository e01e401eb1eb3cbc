from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import validate_insee_code, validate_siren, validate_siret


class OrganisationKind(models.TextChoices):
    DEPARTEMENT = "departement", _("Département")
    EPCI = "epci", _("Intercommunality (EPCI)")
    COMMUNE = "commune", _("Commune")
    SYNDICAT = "syndicat", _("Syndicate")
    AGENCY = "agency", _("Agency or partner body")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    EDITOR = "editor", _("Editor")
    ADMIN = "admin", _("Administrator")


ROLE_RANK = {Role.MEMBER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


class Article(models.TextChoices):
    """The article French sentences put before the organisation's name."""

    NONE = "", _("none (Jargeau, Orléans Métropole)")
    LE = "le", "le"
    LA = "la", "la"
    L = "l'", "l'"
    LES = "les", "les"


class Organisation(models.Model):
    """A local authority or public body with its own private space."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("official name"), max_length=200, unique=True)
    article = models.CharField(
        _("article"),
        max_length=3,
        choices=Article.choices,
        blank=True,
        help_text=_(
            "How sentences name it: “la bibliothèque du Département du Loiret” (le), “de la Communauté de "
            "communes des Loges” (la), “de l'Agence de l'eau” (l'), “de Jargeau” (none)."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the space's address."))
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren])
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[validate_siret])
    insee_code = models.CharField(_("INSEE code"), max_length=5, blank=True, validators=[validate_insee_code])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("A commune belongs to its EPCI, an EPCI to its département."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(_("public description"), blank=True)
    require_two_factor = models.BooleanField(
        _("require two-factor authentication"),
        default=False,
        help_text=_("Members must set up an authentication app before using the platform."),
    )
    # The Wagtail collection of the files its editors attach to their public pages (notices, consultations).
    documents_collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.SET_NULL, null=True, editable=False, related_name="organisation"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=OrganisationKind.COMMUNE) | ~models.Q(insee_code=""),
                name="organisations_commune_has_insee_code",
            ),
            # `clean()` names the holder; this also holds against concurrent saves and code that skips validation.
            models.UniqueConstraint(
                fields=["siret"],
                condition=~models.Q(siret=""),
                name="organisations_unique_siret",
                violation_error_message=_("Another organisation already has this SIRET."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind == OrganisationKind.COMMUNE and not self.insee_code:
            errors["insee_code"] = _("A commune needs its INSEE code.")
        if self.siren and self.siret and not self.siret.startswith(self.siren):
            errors["siret"] = _("The SIRET must start with the organisation's SIREN.")
        elif self.siret and (holder := self._siret_holder()):
            errors["siret"] = _("The organisation %(name)s already has this SIRET.") % {"name": holder}
        if self.parent_id and self._parent_chain_contains_self():
            errors["parent"] = _("An organisation cannot be its own parent, directly or through another one.")
        if errors:
            raise ValidationError(errors)

    def _siret_holder(self) -> str | None:
        """The name of another organisation with this SIRET: the open-data exports would confuse the two."""
        return Organisation.objects.filter(siret=self.siret).exclude(pk=self.pk).values_list("name", flat=True).first()

    def _parent_chain_contains_self(self):
        seen, ancestor = set(), self.parent
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                return True
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return False


class Membership(models.Model):
    """A person's role in an organisation; one person may belong to several."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("member since"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="organisations_membership_unique"),
        ]

    def __str__(self):
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class OrganisationGroup(models.Model):
    """The auth group that mirrors one role of one organisation, for Wagtail's permissions."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="role_groups")
    role = models.CharField(max_length=10, choices=Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="organisation_role")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "role"], name="organisations_group_unique_role"),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_role_display()}"


class Invitation(models.Model):
    """A single-use, expiring invitation to join an organisation; only the token's hash is stored."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


from .pages import OrganisationSpacePage, SpaceArticlePage, SpacesIndexPage  # noqa: E402, F401
