"""Writes of small ads: posting, moderation, the author's actions, expiry and contact."""

import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.core.ratelimit import limit_of, rate_limit_take
from extranet.core.services import email_enqueue
from extranet.organisations.models import OrganisationGroup, OrganisationKind, Role
from extranet.organisations.selectors import membership_get
from extranet.search.services import search_refresh_later

from .models import MAX_PHOTOS_PER_AD, Ad, AdPhoto, AdStatus, TrustedOrganisation
from .photos import NewPhoto, photo_files_delete_on_commit, photo_store
from .selectors import ad_moderators, ad_organisation_is_trusted


def _lifetime() -> timedelta:
    return timedelta(days=settings.ADS_LIFETIME_DAYS)


def _absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def _check_membership(*, author, organisation) -> None:
    if membership_get(user=author, organisation=organisation) is None:
        raise ValidationError({"organisation": _("Choose one of the organisations you belong to.")})


def _check_photo_count(*, existing: int, added: int) -> None:
    if existing + added > MAX_PHOTOS_PER_AD:
        raise ValidationError(
            _("An ad may have up to %(limit)s photos."), code="too_many_photos", params={"limit": MAX_PHOTOS_PER_AD}
        )


def _publish(ad: Ad, *, now) -> None:
    ad.status = AdStatus.PUBLISHED
    ad.published_at = now
    ad.expires_at = now + _lifetime()


@transaction.atomic
def ad_create(
    *,
    author,
    organisation,
    kind: str,
    title: str,
    description: str,
    category: str,
    price=None,
    location: str = "",
    photos: list[NewPhoto] = (),
) -> Ad:
    """Post an ad: published at once for a trusted organisation, otherwise sent to the département's moderators."""
    _check_membership(author=author, organisation=organisation)
    _check_photo_count(existing=0, added=len(photos))
    ad = Ad(
        author=author,
        organisation=organisation,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        category=category,
        price=price,
        location=location.strip() or organisation.name,
    )
    if ad_organisation_is_trusted(organisation=organisation):
        _publish(ad, now=timezone.now())
    ad.full_clean()
    ad.save()
    for position, new_photo in enumerate(photos):
        photo_store(ad=ad, new_photo=new_photo, position=position)
    if ad.status == AdStatus.PENDING:
        _moderators_notify(ad=ad)
    return ad


def _moderators_notify(*, ad: Ad) -> None:
    for moderator in ad_moderators(organisation=ad.organisation):
        email_enqueue(
            to=moderator.email,
            template="ads/email/ad_pending",
            context={
                "title": ad.title,
                "organisation": ad.organisation,
                "url": _absolute_url(ad.get_moderation_url()),
            },
            language=moderator.preferred_language,
        )


@transaction.atomic
def ad_update(
    *,
    ad: Ad,
    organisation,
    kind: str,
    title: str,
    description: str,
    category: str,
    price=None,
    location: str = "",
    new_photos: list[NewPhoto] = (),
    removed_photos: list[AdPhoto] = (),
) -> Ad:
    """Change an ad that still awaits moderation; the caller got it from `ad_get_for_author`."""
    ad = Ad.objects.select_for_update().get(pk=ad.pk)
    if ad.status != AdStatus.PENDING:
        raise ValidationError(_("Only an ad awaiting moderation can be changed."), code="not_pending")
    _check_membership(author=ad.author, organisation=organisation)
    removed = [photo for photo in removed_photos if photo.ad_id == ad.pk]
    kept = ad.photos.exclude(pk__in=[photo.pk for photo in removed]).count()
    _check_photo_count(existing=kept, added=len(new_photos))
    ad.organisation = organisation
    ad.kind, ad.title, ad.description, ad.category = kind, title.strip(), description.strip(), category
    ad.price = price
    ad.location = location.strip() or organisation.name
    ad.full_clean()
    ad.save()
    if removed:
        AdPhoto.objects.filter(pk__in=[photo.pk for photo in removed]).delete()
        photo_files_delete_on_commit([name for photo in removed for name in (photo.image.name, photo.thumbnail.name)])
    last = max(ad.photos.values_list("position", flat=True), default=-1)
    for offset, new_photo in enumerate(new_photos, start=1):
        photo_store(ad=ad, new_photo=new_photo, position=last + offset)
    return ad


def _transition(*, ad: Ad, allowed: list[str], message: str, **changes) -> Ad:
    """Change the ad's status only if it is still in one of the `allowed` ones (two clicks cannot both win)."""
    changed = Ad.objects.filter(pk=ad.pk, status__in=allowed).update(**changes)
    if not changed:
        raise ValidationError(message, code="wrong_status")
    for field, value in changes.items():
        setattr(ad, field, value)
    # A queryset update sends no signal: the search index is told here.
    search_refresh_later(model=Ad, pks=[ad.pk])
    return ad


@transaction.atomic
def ad_approve(*, ad: Ad, moderator) -> Ad:
    """Publish a pending ad; the caller got it from `ad_get_for_moderation`. The author is told by e-mail."""
    now = timezone.now()
    _transition(
        ad=ad,
        allowed=[AdStatus.PENDING],
        message=_("This ad has already been moderated."),
        status=AdStatus.PUBLISHED,
        published_at=now,
        expires_at=now + _lifetime(),
        moderated_by=moderator,
        moderated_at=now,
        moderation_note="",
    )
    email_enqueue(
        to=ad.author.email,
        template="ads/email/ad_approved",
        context={"title": ad.title, "url": _absolute_url(ad.get_absolute_url()), "expires_at": ad.expires_at},
        language=ad.author.preferred_language,
    )
    return ad


@transaction.atomic
def ad_reject(*, ad: Ad, moderator, reason: str) -> Ad:
    """Refuse a pending ad with a reason that the author receives by e-mail."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Explain to the author why the ad is refused.")})
    _transition(
        ad=ad,
        allowed=[AdStatus.PENDING],
        message=_("This ad has already been moderated."),
        status=AdStatus.REJECTED,
        moderated_by=moderator,
        moderated_at=timezone.now(),
        moderation_note=reason,
    )
    email_enqueue(
        to=ad.author.email,
        template="ads/email/ad_rejected",
        context={"title": ad.title, "reason": reason, "url": _absolute_url(ad.get_mine_url())},
        language=ad.author.preferred_language,
    )
    return ad


@transaction.atomic
def ad_mark_done(*, ad: Ad) -> Ad:
    """The author's item found a taker: the ad leaves the public list."""
    return _transition(
        ad=ad,
        allowed=[AdStatus.PUBLISHED, AdStatus.EXPIRED],
        message=_("Only a published ad can be marked as done."),
        status=AdStatus.DONE,
    )


@transaction.atomic
def ad_withdraw(*, ad: Ad) -> Ad:
    """The author takes back an ad, published or still awaiting moderation."""
    return _transition(
        ad=ad,
        allowed=[AdStatus.PENDING, AdStatus.PUBLISHED],
        message=_("This ad can no longer be withdrawn."),
        status=AdStatus.WITHDRAWN,
    )


@transaction.atomic
def ad_renew(*, ad: Ad) -> Ad:
    """Publish an expired ad again for a full period; each ad may be renewed once."""
    ad = Ad.objects.select_for_update().get(pk=ad.pk)
    if not ad.can_renew:
        raise ValidationError(_("Only an expired ad that was never renewed can be renewed."), code="cannot_renew")
    now = timezone.now()
    return _transition(
        ad=ad,
        allowed=[AdStatus.PUBLISHED, AdStatus.EXPIRED],
        message=_("Only an expired ad that was never renewed can be renewed."),
        status=AdStatus.PUBLISHED,
        published_at=now,
        expires_at=now + _lifetime(),
        renewed_at=now,
    )


@transaction.atomic
def ad_expire_due() -> int:
    """Mark the published ads past their date as expired; the public list already hides them by date."""
    due = list(
        Ad.objects.select_for_update()
        .filter(status=AdStatus.PUBLISHED, expires_at__lte=timezone.now())
        .values_list("pk", flat=True)
    )
    Ad.objects.filter(pk__in=due).update(status=AdStatus.EXPIRED)
    search_refresh_later(model=Ad, pks=due)
    return len(due)


def ad_contact_author(*, ad: Ad, sender_name: str, sender_email: str, message: str, client_address: str) -> None:
    """E-mail a visitor's message to the author, who answers by replying; the visitor never sees their address.

    The name is one line: a line break in it would let the visitor write what looks like the e-mail's own lines.
    """
    if any(unicodedata.category(character) in {"Cc", "Zl", "Zp"} for character in sender_name):
        raise ValidationError(
            {"name": _("Write your name on one line, without line breaks or control characters.")}, code="name"
        )
    limit = limit_of("ad_contact")
    rate_limit_take(key=f"ads:contact:{client_address}", limit=limit.count, window_seconds=limit.seconds)
    email_enqueue(
        to=ad.author.email,
        template="ads/email/contact",
        context={
            "title": ad.title,
            "sender_name": sender_name.strip(),
            "sender_email": sender_email,
            "message": message.strip(),
            "url": _absolute_url(ad.get_absolute_url()),
        },
        language=ad.author.preferred_language,
        reply_to=sender_email,
    )


TRUST_PERMISSIONS = ("add", "change", "delete", "view")


def ads_trust_permissions_grant(*, organisation) -> None:
    """Let a département's administrators manage the trusted organisations in the Wagtail admin."""
    if organisation.kind != OrganisationKind.DEPARTEMENT:
        return
    group = OrganisationGroup.objects.select_related("group").get(organisation=organisation, role=Role.ADMIN).group
    content_type = ContentType.objects.get_for_model(TrustedOrganisation)
    group.permissions.add(
        *Permission.objects.filter(
            content_type=content_type, codename__in=[f"{action}_trustedorganisation" for action in TRUST_PERMISSIONS]
        )
    )
