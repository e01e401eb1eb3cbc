from django.urls import path, re_path

from .views import applicant, instruction, opendata

app_name = "subsidies"

urlpatterns = [
    path("", applicant.application_list, name="list"),
    path("demander/<int:aid_pk>/", applicant.application_start, name="start"),
    path("demande/<int:pk>/", applicant.application_detail, name="detail"),
    path("demande/<int:pk>/modifier/", applicant.application_update, name="update"),
    path("demande/<int:pk>/deposer/", applicant.application_submit, name="submit"),
    path("demande/<int:pk>/pieces/<int:document_pk>/", applicant.application_document, name="document"),
    re_path(
        r"^demande/(?P<pk>\d+)/instruction/(?P<action>request_documents|review_start|grant|refuse|payment|close)/$",
        instruction.application_instruct,
        name="instruct",
    ),
    path("instruction/<slug:slug>/", instruction.provider_dashboard, name="provider_dashboard"),
    path("instruction/aide/<int:aid_pk>/", instruction.aid_dashboard, name="aid_dashboard"),
    path("instruction/aide/<int:aid_pk>/export.csv", instruction.aid_export, name="aid_export"),
    path("attribuees/", opendata.granted_index, name="granted_index"),
    re_path(r"^attribuees/export\.(?P<export_format>csv|json)$", opendata.granted_export, name="granted_export"),
    path("attribuees/<slug:slug>/", opendata.provider_granted, name="provider_granted"),
    re_path(
        r"^attribuees/(?P<slug>[-\w]+)/export\.(?P<export_format>csv|json)$",
        opendata.granted_export,
        name="provider_granted_export",
    ),
]
