"""Subsidy applications (suivi des subventions): a member organisation applies online to an aid of the directory,
the aid's provider instructs the application, and granted subsidies are published as open data.

Life cycle (`services.ALLOWED_TRANSITIONS`): draft → submitted → incomplete ⇄ submitted → under review →
granted or refused → paid (one step per payment) → closed. Each step is logged (`StatusChange`) and notifies the
applicant (`services.notify.notify_applicant`). Submission gives the receipt number SUB-<year>-<id on 6 digits>.

Who sees what (`selectors.application_abilities`): the applicant organisation's members read its applications,
its editors and admins write and submit them; the aid's provider reads them once submitted, its editors and
admins instruct them; anyone else gets a 404.

Open data: /subventions/attribuees/ lists the providers; /subventions/attribuees/<organisation>/ lists what one
granted; `export.csv` and `export.json` (all providers, or one) follow the SCDL "Subventions" schema, whose
columns are documented in `exports.py`.
"""
