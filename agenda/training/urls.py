from . import urls_run

app_name = "training"
urlpatterns = [*urls_run.urlpatterns]
