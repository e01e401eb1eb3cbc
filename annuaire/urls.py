from django.urls import path

from .views import directory, editing, exports, imports

app_name = "annuaire"

urlpatterns = [
    path("", directory.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", directory.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/modifier/", editing.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/organigramme/", directory.org_chart, name="org_chart"),
    path(
        "organisations/<slug:slug>/organigramme/imprimer/",
        directory.org_chart,
        {"printable": True},
        name="org_chart_print",
    ),
    path("organisations/<slug:slug>/contacts.vcf", exports.organisation_vcards, name="organisation_vcards"),
    path("organisations/<slug:slug>/export.csv", exports.organisation_csv, name="organisation_csv"),
    path("organisations/<slug:slug>/services/", editing.service_manage, name="service_manage"),
    path(
        "organisations/<slug:slug>/services/<int:service_id>/supprimer/",
        editing.service_delete,
        name="service_delete",
    ),
    path("organisations/<slug:slug>/import/", imports.people_import, name="people_import"),
    path(
        "organisations/<slug:slug>/import/<int:import_id>/",
        imports.people_import_detail,
        name="people_import_detail",
    ),
    path(
        "organisations/<slug:slug>/import/<int:import_id>/progression.json",
        imports.people_import_progress,
        name="people_import_progress",
    ),
    path(
        "organisations/<slug:slug>/import/<int:import_id>/confirmer/",
        imports.people_import_confirm,
        name="people_import_confirm",
    ),
    path("personnes/", directory.person_list, name="person_list"),
    path("personnes/<int:card_id>/", directory.person_detail, name="person_detail"),
    path("personnes/<int:card_id>/photo.jpg", directory.person_photo, name="person_photo"),
    path("personnes/<int:card_id>/contact.vcf", exports.person_vcard, name="person_vcard"),
    path("personnes/<int:card_id>/modifier/", editing.person_edit, name="person_edit"),
    path("ma-fiche/", editing.my_card, name="my_card"),
]
