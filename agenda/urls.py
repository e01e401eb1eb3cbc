from django.urls import include, path

from .views import calendars, events, feeds, imports, invitations

app_name = "agenda"

urlpatterns = [
    path("", calendars.agenda_list, name="index"),
    path("mois/<int:year>/<int:month>/", calendars.month_view, name="month"),
    path("semaine/<int:year>/<int:month>/<int:day>/", calendars.week_view, name="week"),
    path("calendrier/<int:pk>/", calendars.agenda_list, name="calendar"),
    path("calendrier/<int:pk>/mois/<int:year>/<int:month>/", calendars.month_view, name="calendar_month"),
    path("calendrier/<int:pk>/semaine/<int:year>/<int:month>/<int:day>/", calendars.week_view, name="calendar_week"),
    path("calendrier/<int:pk>/nouvel-evenement/", events.event_create, name="event_create"),
    path("calendrier/<int:pk>/importer/", imports.calendar_import, name="calendar_import"),
    path("evenement/<int:pk>/", events.event_detail, name="event"),
    path("evenement/<int:pk>/modifier/", events.event_update, name="event_update"),
    path("evenement/<int:pk>/supprimer/", events.event_delete, name="event_delete"),
    path("evenement/<int:pk>/occurrence/<int:stamp>/", events.occurrence_update, name="occurrence_update"),
    path("evenement/<int:pk>/occurrence/<int:stamp>/annuler/", events.occurrence_cancel, name="occurrence_cancel"),
    path("evenement/<int:pk>/occurrence/<int:stamp>/retablir/", events.occurrence_restore, name="occurrence_restore"),
    path("evenement/<int:pk>/inviter/", invitations.event_invite, name="event_invite"),
    path("evenement/<int:pk>/repondre/", invitations.event_answer, name="event_answer"),
    path("evenement/<int:pk>/ecrire/", invitations.event_email, name="event_email"),
    path("formations/", include("agenda.training.urls")),
    path("reponse/<str:token>/", invitations.rsvp, name="rsvp"),
    path("abonnement/", feeds.feeds, name="feeds"),
    path("abonnement/nouvelle-cle/", feeds.feed_reset, name="feed_reset"),
    path("flux/<str:token>/mon-agenda.ics", feeds.my_agenda_feed, name="my_feed"),
    path("flux/<str:token>/calendrier/<int:pk>.ics", feeds.calendar_feed, name="calendar_feed"),
]
