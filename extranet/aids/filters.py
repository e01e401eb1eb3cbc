"""The aid listing's filters, read from the query string of its GET form (it works without JavaScript).

Values of one facet are alternatives (a theme OR another); facets combine (a theme AND a beneficiary).
Unknown values are ignored rather than refused: a stale bookmark still shows a listing.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import AidTypeCode, AudienceCode, ThemeCode


@dataclass(frozen=True)
class ChoiceFacetSpec:
    """A facet over one of the fixed lists: its query parameter, the aid's many-to-many field, its choices."""

    param: str
    field_name: str
    legend: str
    choices: type


CHOICE_FACETS = (
    ChoiceFacetSpec("beneficiaire", "targeted_audiences", _("Beneficiaries"), AudienceCode),
    ChoiceFacetSpec("theme", "themes", _("Themes"), ThemeCode),
    ChoiceFacetSpec("type", "aid_types", _("Aid types"), AidTypeCode),
)
PROVIDER_PARAM = "porteur"
PROVIDER_LEGEND = _("Providers")
OPEN_PARAM = "ouvertes"
CLOSED_PARAM = "cloturees"


@dataclass(frozen=True)
class AidFilters:
    """What the visitor asked for: selected codes per facet, providers (organisation slugs) and status."""

    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    providers: tuple[str, ...] = ()
    open_today: bool = False
    include_closed: bool = False

    @classmethod
    def from_query(cls, query):
        codes = {}
        for spec in CHOICE_FACETS:
            valid = set(spec.choices.values)
            codes[spec.param] = tuple(dict.fromkeys(code for code in query.getlist(spec.param) if code in valid))
        return cls(
            codes=codes,
            providers=tuple(dict.fromkeys(query.getlist(PROVIDER_PARAM))),
            open_today=query.get(OPEN_PARAM) == "1",
            include_closed=query.get(CLOSED_PARAM) == "1",
        )

    def selected(self, param: str) -> tuple[str, ...]:
        return self.codes.get(param, ())

    @property
    def is_active(self) -> bool:
        return any(self.codes.values()) or bool(self.providers) or self.open_today or self.include_closed
