from django import template

from ..amounts import euros
from ..eligibility import aid_is_open
from ..selectors import applicant_organisations

register = template.Library()


@register.simple_tag
def can_apply(aid, user) -> bool:
    """Whether the user may start an application to the aid for one of their organisations."""
    if not user.is_authenticated or not aid_is_open(aid=aid):
        return False
    return any(not errors for _organisation, errors in applicant_organisations(user=user, aid=aid))


register.filter("euros", euros)
