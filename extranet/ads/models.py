"""Small ads that organisations' members post for each other: equipment to lend, give or sell, services."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_PHOTOS_PER_AD = 5


class AdKind(models.TextChoices):
    LOAN = "pret", pgettext_lazy("small ads", "Loan")
    GIFT = "don", pgettext_lazy("small ads", "Gift")
    SALE = "vente", pgettext_lazy("small ads", "Sale")
    SERVICE = "service", pgettext_lazy("small ads", "Service")
    WANTED = "recherche", pgettext_lazy("small ads", "Wanted")


class AdCategory(models.TextChoices):
    EQUIPMENT = "materiel", pgettext_lazy("small ads", "Technical equipment")
    FURNITURE = "mobilier", pgettext_lazy("small ads", "Furniture")
    VEHICLES = "vehicules", pgettext_lazy("small ads", "Vehicles")
    COMPUTING = "informatique", pgettext_lazy("small ads", "IT equipment")
    GREEN_SPACES = "espaces-verts", pgettext_lazy("small ads", "Green spaces")
    EVENTS = "evenementiel", pgettext_lazy("small ads", "Events")
    OTHER = "autre", pgettext_lazy("small ads", "Other")


class AdStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("small ad status", "Awaiting moderation")
    PUBLISHED = "published", pgettext_lazy("small ad status", "Published")
    REJECTED = "rejected", pgettext_lazy("small ad status", "Rejected")
    DONE = "done", pgettext_lazy("small ad status", "Done")
    EXPIRED = "expired", pgettext_lazy("small ad status", "Expired")
    WITHDRAWN = "withdrawn", pgettext_lazy("small ad status", "Withdrawn")


class Ad(models.Model):
    """An ad posted by a member on behalf of one of their organisations."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=pgettext_lazy("small ads", "organisation"),
        on_delete=models.CASCADE,
        related_name="ads",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("small ads", "author"),
        on_delete=models.CASCADE,
        related_name="ads",
    )
    kind = models.CharField(pgettext_lazy("small ads", "type of ad"), max_length=10, choices=AdKind.choices)
    title = models.CharField(pgettext_lazy("small ads", "title"), max_length=120)
    description = models.TextField(pgettext_lazy("small ads", "description"), max_length=5000)
    category = models.CharField(pgettext_lazy("small ads", "category"), max_length=20, choices=AdCategory.choices)
    price = models.DecimalField(
        pgettext_lazy("small ads", "price (euros)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For a sale only."),
    )
    location = models.CharField(
        pgettext_lazy("small ads", "location"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the organisation's name."),
    )
    status = models.CharField(
        pgettext_lazy("small ads", "status"), max_length=10, choices=AdStatus.choices, default=AdStatus.PENDING
    )
    created_at = models.DateTimeField(pgettext_lazy("small ads", "created at"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(pgettext_lazy("small ads", "published at"), null=True, blank=True)
    expires_at = models.DateTimeField(pgettext_lazy("small ads", "expires at"), null=True, blank=True)
    renewed_at = models.DateTimeField(pgettext_lazy("small ads", "renewed at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("small ads", "moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(pgettext_lazy("small ads", "moderated at"), null=True, blank=True)
    moderation_note = models.TextField(pgettext_lazy("small ads", "moderation note"), blank=True)

    class Meta:
        verbose_name = pgettext_lazy("small ads", "small ad")
        verbose_name_plural = pgettext_lazy("small ads", "small ads")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "expires_at"], name="ads_status_expiry_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=AdKind.SALE, price__gte=0)
                | (~models.Q(kind=AdKind.SALE) & models.Q(price=None)),
                name="ads_price_only_for_sales",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=AdStatus.PUBLISHED)
                | models.Q(published_at__isnull=False, expires_at__isnull=False),
                name="ads_published_has_dates",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ads:detail", args=[self.pk])

    def get_moderation_url(self):
        return reverse("ads:moderate", args=[self.pk])

    def get_mine_url(self):
        return reverse("ads:mine")

    def clean(self):
        if self.kind == AdKind.SALE and self.price is None:
            raise ValidationError({"price": _("Give a price for a sale (0 is accepted).")})
        if self.kind != AdKind.SALE and self.price is not None:
            raise ValidationError({"price": _("Only a sale has a price: clear the price or choose “Sale”.")})

    @property
    def is_expired(self) -> bool:
        """Expired by status, or published past its date before `ads_expire` marked it."""
        if self.status == AdStatus.EXPIRED:
            return True
        return self.status == AdStatus.PUBLISHED and self.expires_at <= timezone.now()

    @property
    def shown_status(self) -> str:
        """The status as the author should read it, counting an ad past its date as expired."""
        return AdStatus.EXPIRED.label if self.is_expired else self.get_status_display()

    @property
    def can_renew(self) -> bool:
        return self.is_expired and self.renewed_at is None


class AdPhoto(models.Model):
    """A photo of an ad, re-encoded without metadata; its names are generated (`annonces/<uuid>.<ext>`)."""

    ad = models.ForeignKey(Ad, on_delete=models.CASCADE, related_name="photos")
    # photos.py names the files (a random UUID), never the upload.
    image = models.ImageField(pgettext_lazy("small ads", "photo"), upload_to="annonces/", max_length=200)
    thumbnail = models.ImageField(
        pgettext_lazy("small ads", "thumbnail"), upload_to="annonces/vignettes/", max_length=200
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    alt_text = models.CharField(
        pgettext_lazy("small ads", "text alternative"),
        max_length=200,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = pgettext_lazy("small ads", "photo")
        verbose_name_plural = pgettext_lazy("small ads", "photos")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.alt_text


class TrustedOrganisation(models.Model):
    """An organisation whose ads are published at once, without the département's moderation."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=pgettext_lazy("small ads", "organisation"),
        on_delete=models.CASCADE,
        related_name="ads_trust",
    )
    note = models.CharField(
        pgettext_lazy("small ads", "note"),
        max_length=255,
        blank=True,
        help_text=_("Why its ads need no moderation, for the other admins."),
    )
    created_at = models.DateTimeField(pgettext_lazy("small ads", "trusted since"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = pgettext_lazy("small ads", "trusted organisation for small ads")
        verbose_name_plural = pgettext_lazy("small ads", "trusted organisations for small ads")
        ordering = ["organisation__name"]

    def __str__(self):
        return str(self.organisation)
