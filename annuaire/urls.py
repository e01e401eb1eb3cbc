from django.urls import path

from . import views

app_name = "annuaire"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/modifier/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/organigramme/", views.org_chart, name="org_chart"),
    path(
        "organisations/<slug:slug>/organigramme/imprimer/",
        views.org_chart,
        {"printable": True},
        name="org_chart_print",
    ),
    path("organisations/<slug:slug>/contacts.vcf", views.organisation_vcards, name="organisation_vcards"),
    path("organisations/<slug:slug>/export.csv", views.organisation_csv, name="organisation_csv"),
    path("organisations/<slug:slug>/services/", views.service_manage, name="service_manage"),
    path(
        "organisations/<slug:slug>/services/<int:service_id>/supprimer/",
        views.service_delete,
        name="service_delete",
    ),
    path("organisations/<slug:slug>/import/", views.people_import, name="people_import"),
    path("organisations/<slug:slug>/import/confirmer/", views.people_import_confirm, name="people_import_confirm"),
    path("personnes/", views.person_list, name="person_list"),
    path("personnes/<int:card_id>/", views.person_detail, name="person_detail"),
    path("personnes/<int:card_id>/contact.vcf", views.person_vcard, name="person_vcard"),
    path("personnes/<int:card_id>/modifier/", views.person_edit, name="person_edit"),
    path("ma-fiche/", views.my_card, name="my_card"),
]
