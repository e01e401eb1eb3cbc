"""Who may see and do what with subsidy applications, and permission-aware reads.

The applicant organisation's members read its applications (its editors and admins write and submit them);
the aid's provider reads every application but drafts (its editors and admins instruct them). Nobody else
sees anything: missing and forbidden both raise Http404.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from extranet.aids.pages import AidPage
from extranet.organisations.models import Organisation, Role
from extranet.organisations.selectors import user_roles

from .eligibility import eligibility_errors
from .models import GRANTED_STATUSES, Application, Payment, Status

WRITER_ROLES = {Role.EDITOR, Role.ADMIN}
APPLICANT_EDITABLE = {Status.DRAFT, Status.INCOMPLETE}
ZERO = Decimal("0.00")


def application_abilities(*, application: Application, roles: dict[int, str]) -> dict[str, bool]:
    """What the user holding `roles` may do with the application, for views and templates."""
    applicant_role = roles.get(application.organisation_id)
    provider_role = roles.get(application.aid.organisation_id)
    provider_reads = provider_role is not None and application.status != Status.DRAFT
    edit = applicant_role in WRITER_ROLES and application.status in APPLICANT_EDITABLE
    return {
        "view": applicant_role is not None or provider_reads,
        "edit": edit,
        "submit": edit,
        "instruct": provider_reads and provider_role in WRITER_ROLES,
    }


def _applications() -> QuerySet:
    return Application.objects.select_related("aid", "aid__organisation", "organisation", "created_by")


def application_get_for_viewer(*, user, pk: int, action: str = "view") -> Application:
    """The application if the user may take `action` ("view", "edit", "submit", "instruct"); Http404 otherwise."""
    application = _applications().filter(pk=pk).first()
    if application is None:
        raise Http404
    application.abilities = application_abilities(application=application, roles=user_roles(user=user))
    if not application.abilities[action]:
        raise Http404
    return application


def application_history(*, application: Application):
    return application.status_changes.select_related("actor")


def application_list_for_member(*, user) -> QuerySet:
    """The applications of every organisation the user belongs to, newest first."""
    return _applications().filter(organisation_id__in=list(user_roles(user=user))).order_by("-updated_at")


def provider_organisations_for_member(*, user) -> QuerySet:
    """The user's organisations that offer aids: each has a dashboard of the applications it receives."""
    return Organisation.objects.filter(pk__in=list(user_roles(user=user)), aids__isnull=False).distinct()


def applicant_organisations(*, user, aid: AidPage) -> list[tuple[Organisation, list[str]]]:
    """The organisations where the user may write an application, each with why it may not apply to `aid`."""
    writable = [pk for pk, role in user_roles(user=user).items() if role in WRITER_ROLES]
    organisations = Organisation.objects.filter(pk__in=writable).select_related("parent").order_by("name")
    return [(organisation, eligibility_errors(aid=aid, organisation=organisation)) for organisation in organisations]


def aid_get_for_applicant(*, pk: int) -> AidPage:
    aid = AidPage.objects.live().public().select_related("organisation").filter(pk=pk).first()
    if aid is None:
        raise Http404
    return aid


def provider_get_for_member(*, user, slug: str) -> Organisation:
    """A providing organisation whose dashboard the user may read (any member); Http404 otherwise."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or organisation.pk not in user_roles(user=user):
        raise Http404
    return organisation


def aid_get_for_provider(*, user, pk: int) -> AidPage:
    """An aid of an organisation the user belongs to; Http404 otherwise."""
    aid = AidPage.objects.select_related("organisation").filter(pk=pk).first()
    if aid is None or aid.organisation_id not in user_roles(user=user):
        raise Http404
    aid.can_instruct = user_roles(user=user).get(aid.organisation_id) in WRITER_ROLES
    return aid


def _paid_subquery():
    paid = Payment.objects.filter(application=OuterRef("pk")).values("application").annotate(total=Sum("amount"))
    return Coalesce(
        Subquery(paid.values("total")), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2)
    )


@dataclass(frozen=True)
class DashboardFilters:
    status: str = ""
    applicant: str = ""

    @classmethod
    def from_query(cls, query) -> "DashboardFilters":
        status = query.get("status", "")
        return cls(status=status if status in Status.values else "", applicant=query.get("applicant", "").strip())


def provider_applications(*, aid: AidPage, filters: DashboardFilters = DashboardFilters()) -> QuerySet:
    """The applications to an aid its provider sees (never drafts), filtered, with the amount paid of each."""
    applications = _applications().filter(aid=aid).exclude(status=Status.DRAFT)
    if filters.status:
        applications = applications.filter(status=filters.status)
    if filters.applicant:
        applications = applications.filter(organisation__name__icontains=filters.applicant)
    return applications.annotate(amount_paid=_paid_subquery()).order_by("-submitted_at", "-pk")


def application_totals(*, applications: QuerySet) -> dict[str, Decimal | int]:
    """Count, requested, granted and paid for these applications, in two aggregate queries whatever their number."""
    pks = applications.values("pk")
    totals = Application.objects.filter(pk__in=pks).aggregate(
        count=Count("pk"),
        requested=Coalesce(Sum("amount_requested"), Value(ZERO)),
        granted=Coalesce(Sum("amount_granted", filter=Q(status__in=GRANTED_STATUSES)), Value(ZERO)),
    )
    totals["paid"] = Payment.objects.filter(application__in=pks).aggregate(paid=Coalesce(Sum("amount"), Value(ZERO)))[
        "paid"
    ]
    return totals


def provider_aid_summaries(*, organisation: Organisation) -> list[dict]:
    """The provider's aids with their applications' count and totals, in three queries."""
    aids = list(AidPage.objects.filter(organisation=organisation).order_by("title").values("pk", "title"))
    applications = Application.objects.filter(aid__organisation=organisation).exclude(status=Status.DRAFT)
    rows = {
        row["aid"]: row
        for row in applications.values("aid").annotate(
            count=Count("pk"),
            requested=Sum("amount_requested"),
            granted=Sum("amount_granted", filter=Q(status__in=GRANTED_STATUSES)),
        )
    }
    paid = dict(
        Payment.objects.filter(application__in=applications)
        .values_list("application__aid")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [
        {
            **aid,
            "count": rows.get(aid["pk"], {}).get("count", 0),
            "requested": rows.get(aid["pk"], {}).get("requested") or ZERO,
            "granted": rows.get(aid["pk"], {}).get("granted") or ZERO,
            "paid": paid.get(aid["pk"]) or ZERO,
        }
        for aid in aids
    ]


def granted_list_public(*, provider: Organisation | None = None) -> QuerySet:
    """Granted subsidies, for the open data: what any visitor may read."""
    applications = (
        Application.objects.filter(status__in=GRANTED_STATUSES, amount_granted__isnull=False)
        .select_related("aid", "aid__organisation", "organisation")
        .prefetch_related("payments")
        .order_by("-decision_date", "-pk")
    )
    return applications.filter(aid__organisation=provider) if provider is not None else applications


def provider_get_public(*, slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug, aids__isnull=False).distinct().first()
    if organisation is None:
        raise Http404
    return organisation
