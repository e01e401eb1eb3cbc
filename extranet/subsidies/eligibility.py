"""Who may apply to an aid: an organisation whose kind is among the aid's beneficiaries, while the aid is open.

Aids code their beneficiaries like Aides-territoires (`targeted_audiences`); organisations have a kind. An aid
listing organisations covered (its perimeter) is also limited to them and to the organisations under them.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.aids.choices import AudienceCode
from extranet.organisations.models import OrganisationKind

# The beneficiary code each kind of organisation answers to; "other" organisations answer to none.
AUDIENCE_OF_KIND = {
    OrganisationKind.COMMUNE: AudienceCode.COMMUNE,
    OrganisationKind.EPCI: AudienceCode.EPCI,
    OrganisationKind.DEPARTEMENT: AudienceCode.DEPARTMENT,
    OrganisationKind.SYNDICAT: AudienceCode.PUBLIC_ORG,
    OrganisationKind.AGENCY: AudienceCode.PUBLIC_ORG,
}


def aid_is_open(*, aid, today=None) -> bool:
    """Live, opened (or without opening date) and not closed."""
    today = today or timezone.localdate()
    return (
        aid.live
        and (aid.start_date is None or aid.start_date <= today)
        and (aid.submission_deadline is None or aid.submission_deadline >= today)
    )


def eligibility_errors(*, aid, organisation, today=None) -> list[str]:
    """Why the organisation may not apply to the aid (in the user's language); empty when it may."""
    errors = []
    if not aid_is_open(aid=aid, today=today):
        errors.append(_("This aid is not open to applications."))
    if aid.organisation_id == organisation.pk:
        errors.append(_("An organisation cannot apply to its own aid."))
    audiences = {audience.code for audience in aid.targeted_audiences.all()}
    if AUDIENCE_OF_KIND.get(organisation.kind) not in audiences:
        errors.append(
            _("%(organisation)s is not among the beneficiaries of this aid (%(beneficiaries)s).")
            % {
                "organisation": organisation.name,
                "beneficiaries": ", ".join(str(AudienceCode(code).label) for code in sorted(audiences)),
            }
        )
    covered = {link.organisation_id for link in aid.perimeter_organisations.all()}
    if covered and not covered & _self_and_ancestors(organisation):
        errors.append(_("%(organisation)s is outside the territory of this aid.") % {"organisation": organisation.name})
    return errors


def eligibility_check(*, aid, organisation) -> None:
    if errors := eligibility_errors(aid=aid, organisation=organisation):
        raise ValidationError(errors)


def _self_and_ancestors(organisation) -> set[int]:
    ids, current = set(), organisation
    while current is not None and current.pk not in ids:
        ids.add(current.pk)
        current = current.parent
    return ids
