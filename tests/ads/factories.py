"""Ads made through the services, and image files to upload."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from extranet.ads import services
from extranet.ads.models import AdCategory, AdKind
from extranet.ads.photos import NewPhoto, photo_clean
from extranet.organisations.models import Organisation, OrganisationKind
from tests.organisations.factories import OrganisationFactory, membership


def image_bytes(*, size=(64, 48), image_format="JPEG", colour=(200, 40, 40), mode="RGB", **save_options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, image_format, **save_options)
    return buffer.getvalue()


def upload(content: bytes, *, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def new_photo(*, alt_text="Nacelle élévatrice orange", **image_options) -> NewPhoto:
    return NewPhoto(photo=photo_clean(upload(image_bytes(**image_options))), alt_text=alt_text)


def ad(organisation, *, author=None, photos=0, **fields):
    """Post an ad through the service (pending unless the organisation is trusted); a new member by default."""
    values = {
        "kind": AdKind.LOAN,
        "category": AdCategory.EQUIPMENT,
        "title": "Prêt d'une nacelle élévatrice",
        "description": "Nacelle de 12 mètres, révisée en mars.",
        **fields,
    }
    if values["kind"] == AdKind.SALE:
        values.setdefault("price", Decimal("100.00"))
    return services.ad_create(
        author=author or membership(organisation).user,
        organisation=organisation,
        photos=[new_photo(alt_text=f"Photo {number}") for number in range(photos)],
        **values,
    )


def published_ad(organisation, *, moderator=None, **fields):
    """An ad approved by a moderator (a platform superuser by default)."""
    from tests.accounts.factories import UserFactory

    posted = ad(organisation, **fields)
    return services.ad_approve(ad=posted, moderator=moderator or UserFactory(is_superuser=True))


def departement(*, slug="loiret", name="Département du Loiret") -> Organisation:
    return OrganisationFactory(kind=OrganisationKind.DEPARTEMENT, slug=slug, name=name, insee_code="")
