from decimal import Decimal

from django import template
from django.utils.formats import number_format

from ..eligibility import aid_is_open
from ..selectors import applicant_organisations

register = template.Library()


@register.simple_tag
def can_apply(aid, user) -> bool:
    """Whether the user may start an application to the aid for one of their organisations."""
    if not user.is_authenticated or not aid_is_open(aid=aid):
        return False
    return any(not errors for _organisation, errors in applicant_organisations(user=user, aid=aid))


@register.filter
def euros(amount) -> str:
    """An amount in euros with two decimals, grouped the local way ("12 500,50 €"); computed on the Decimal."""
    if amount is None or amount == "":
        return "—"
    return f"{number_format(Decimal(amount), decimal_pos=2, use_l10n=True, force_grouping=True)} €"
