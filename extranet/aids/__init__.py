"""The aid directory (répertoire des aides): the aids the département and its partners offer to local authorities.

/aides/ lists every provider's aids with facets (beneficiary, theme, aid type, provider, open today); closed
aids (closing date past) are hidden unless asked for. /aides/<organisation>/ lists one provider's aids;
both have an Atom feed at `flux/`.

Open-data export: /aides/export.csv and /aides/export.json take the listing's filters (same query string)
and give one row per aid. Column names follow the Aides-territoires "dispositifs d'aide" schema where it has
the field; CSV cells holding several values separate them with "|", JSON gives arrays; dates are ISO 8601;
rich text is HTML.

    id                            the aid's page id on this platform
    name                          the aid's name
    url                           the aid's page on this platform (absolute address)
    description                   description (HTML)
    financers                     names of the provider, then of the co-financers
    targeted_audiences            beneficiaries: commune, epci, department, region, public_org, association,
                                  private_sector, private_person
    aid_types                     grant, technical_engineering, loan, recoverable_advance, call_for_projects, other
    categories                    themes: amenagement, culture, eau-assainissement, education, energie,
                                  environnement, mobilite, numerique, sport, tourisme, urbanisme, sante, social,
                                  economie
    subvention_rate_lower_bound   minimum subsidy rate, in percent (0-100), or empty
    subvention_rate_upper_bound   maximum subsidy rate, in percent (0-100), or empty
    recurrence                    oneoff (one-off), ongoing (permanent) or recurring
    start_date                    opening date, or empty
    submission_deadline           closing date, or empty (permanent aids have none)
    eligibility                   eligibility conditions (HTML)
    perimeter                     territory covered, as text
    perimeter_organisations       names of the organisations whose territory is covered (not in Aides-territoires)
    application_url               address where to apply
    application_instructions      how to apply (HTML; not in Aides-territoires)
    contact                       contact (HTML)
    date_published                first publication on this platform
    date_updated                  last publication on this platform
"""
