from django.urls import path

from .views import author, moderation, public

app_name = "ads"

urlpatterns = [
    path("", public.ad_list, name="list"),
    path("<int:pk>/", public.ad_detail, name="detail"),
    path("deposer/", author.ad_create, name="create"),
    path("mes-annonces/", author.ad_mine, name="mine"),
    path("mes-annonces/<int:pk>/modifier/", author.ad_update, name="update"),
    path("mes-annonces/<int:pk>/terminer/", author.ad_mark_done, name="mark_done"),
    path("mes-annonces/<int:pk>/retirer/", author.ad_withdraw, name="withdraw"),
    path("mes-annonces/<int:pk>/renouveler/", author.ad_renew, name="renew"),
    path("moderation/", moderation.moderation_queue, name="moderation_queue"),
    path("moderation/<int:pk>/", moderation.ad_moderate, name="moderate"),
    path("moderation/<int:pk>/publier/", moderation.ad_approve, name="approve"),
    path("moderation/<int:pk>/refuser/", moderation.ad_reject, name="reject"),
]
