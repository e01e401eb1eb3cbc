from django.urls import path

from .views import document, files, library, links

app_name = "documents"

urlpatterns = [
    path("", library.library_index, name="index"),
    path("document/<int:pk>/", document.document_detail, name="detail"),
    path("document/<int:pk>/telecharger/", files.download, name="download"),
    path("document/<int:pk>/versions/<int:number>/telecharger/", files.download_version, name="download_version"),
    path("document/<int:pk>/versions/<int:number>/restaurer/", document.version_restore, name="version_restore"),
    path("document/<int:pk>/apercu/", files.preview, name="preview"),
    path("document/<int:pk>/vignette/", files.thumbnail, name="thumbnail"),
    path("document/<int:pk>/nouvelle-version/", document.version_create, name="version_create"),
    path("document/<int:pk>/modifier/", document.document_update, name="update"),
    path("document/<int:pk>/corbeille/", document.document_delete, name="delete"),
    path("document/<int:pk>/restaurer/", document.document_restore, name="restore"),
    path("document/<int:pk>/verrou/", document.document_lock, name="lock"),
    path("document/<int:pk>/partage/", document.document_sharing, name="sharing"),
    path("document/<int:pk>/liens/", document.link_create, name="link_create"),
    path("document/<int:pk>/liens/<int:link_id>/revoquer/", document.link_revoke, name="link_revoke"),
    path("lien/<str:token>/", links.link_page, name="link"),
    path("lien/<str:token>/telecharger/", links.link_download, name="link_download"),
    path("lien/<str:token>/dossier/<int:pk>/", links.link_folder, name="link_folder"),
    path(
        "lien/<str:token>/document/<int:pk>/telecharger/", links.link_document_download, name="link_document_download"
    ),
    path("<slug:slug>/", library.library, name="library"),
    path("<slug:slug>/envoyer/", library.upload, name="upload"),
    path("<slug:slug>/nouveau-dossier/", library.folder_create, name="folder_create"),
    path("<slug:slug>/partages-recus/", library.shares_received, name="shares_received"),
    path("<slug:slug>/corbeille/", library.bin_list, name="bin"),
    path("<slug:slug>/journal/", library.audit_log, name="audit"),
    path("<slug:slug>/dossier/<int:pk>/", library.folder_detail, name="folder"),
    path("<slug:slug>/dossier/<int:pk>/modifier/", library.folder_update, name="folder_update"),
    path("<slug:slug>/dossier/<int:pk>/corbeille/", library.folder_delete, name="folder_delete"),
    path("<slug:slug>/dossier/<int:pk>/restaurer/", library.folder_restore, name="folder_restore"),
    path("<slug:slug>/dossier/<int:pk>/partage/", library.folder_sharing, name="folder_sharing"),
    path("<slug:slug>/dossier/<int:pk>/liens/", library.folder_link_create, name="folder_link_create"),
    path(
        "<slug:slug>/dossier/<int:pk>/liens/<int:link_id>/revoquer/",
        library.folder_link_revoke,
        name="folder_link_revoke",
    ),
]
