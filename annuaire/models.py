"""What the directory adds to the foundation's organisations and users: contact details, cards, services."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from treebeard.mp_tree import MP_Node

from extranet.organisations.models import Organisation

from .storage import import_storage, photo_storage
from .validators import validate_phone


class Visibility(models.TextChoices):
    """Who may read a field, from the widest to the narrowest."""

    PUBLIC = "public", _("Everyone (public)")
    MEMBERS = "members", _("Members of any organisation")
    ORGANISATION = "organisation", _("My organisation only")


# Wider audiences rank higher: a field's choice may not rank above its organisation's limit.
VISIBILITY_RANK = {Visibility.ORGANISATION: 1, Visibility.MEMBERS: 2, Visibility.PUBLIC: 3}


class OrganisationProfile(models.Model):
    """The organisation's directory entry: public contact details, internal lines, and its members' limits."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="directory_profile", primary_key=True
    )
    address = models.TextField(_("address"), blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    head_name = models.CharField(_("elected head"), max_length=150, blank=True, help_text=_("Mayor, president…"))
    head_title = models.CharField(_("title of the elected head"), max_length=100, blank=True)
    internal_phone = models.CharField(
        _("direct line (members only)"), max_length=30, blank=True, validators=[validate_phone]
    )
    internal_email = models.EmailField(_("internal e-mail (members only)"), blank=True)
    widest_person_visibility = models.CharField(
        _("widest visibility of members' cards"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_("Members may not show their card's fields to a wider audience than this."),
    )

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")

    def __str__(self):
        return str(self.organisation)


class Service(MP_Node):
    """A node of an organisation's org chart: a direction, a service, a unit, at any depth."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class PersonCard(models.Model):
    """A person's directory card, published under one of their organisations, with per-field visibility."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directory_card")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation of the card"),
        on_delete=models.CASCADE,
        related_name="person_cards",
    )
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.SET_NULL, null=True, blank=True, related_name="people"
    )
    function = models.CharField(_("function"), max_length=150, blank=True)
    phone = models.CharField(_("office phone"), max_length=30, blank=True, validators=[validate_phone])
    mobile = models.CharField(_("mobile phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("contact e-mail"), blank=True)
    # Re-encoded by `photos.photo_clean` and named by the service (`annuaire/photos/<uuid>.jpg`), in private
    # storage without URL: only the person_photo view reads it, after the visibility check.
    photo = models.FileField(_("photo"), storage=photo_storage, max_length=200, blank=True, editable=False)
    card_visibility = models.CharField(
        _("who sees the card"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    function_visibility = models.CharField(
        _("who sees the function and service"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    phone_visibility = models.CharField(
        _("who sees the office phone"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    mobile_visibility = models.CharField(
        _("who sees the mobile phone"), max_length=20, choices=Visibility.choices, default=Visibility.ORGANISATION
    )
    email_visibility = models.CharField(
        _("who sees the e-mail"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    photo_visibility = models.CharField(
        _("who sees the photo"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person's card")
        verbose_name_plural = _("person cards")
        indexes = [models.Index(fields=["organisation", "card_visibility"])]

    def __str__(self):
        return str(self.user)

    @property
    def photo_version(self) -> str:
        """Changes with each new photo, so that addresses of a replaced photo are not served from a cache."""
        return self.photo.name.rpartition("/")[2].partition(".")[0] if self.photo else ""


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Checking the file")
    CHECKED = "checked", _("Checked")
    IMPORTING = "importing", _("Importing")
    DONE = "done", pgettext_lazy("people import status", "Imported")
    REPLACED = "replaced", _("Replaced by a newer file")
    EXPIRED = "expired", _("Not confirmed in time")
    FAILED = "failed", _("Failed")


class PeopleImport(models.Model):
    """One CSV import of people: its file until written, its progress, and the line-by-line report.

    The background tasks check the file, then (once an admin confirms a clean report) write it; the import
    page reads `done`/`total` to draw its progress bar.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people_imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Named by the service (`annuaire/imports/<uuid>.csv`), deleted once written, refused or replaced.
    file = models.FileField(storage=import_storage, max_length=200, blank=True, editable=False)
    file_name = models.CharField(max_length=255)
    file_size = models.PositiveBigIntegerField(default=0)
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKING)
    # Progress of the current step: lines checked, then people written.
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    is_clean = models.BooleanField(default=False)
    written = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0
