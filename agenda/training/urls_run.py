"""The session's day and after: attendance, sheet, certificates, feedback (included by `agenda.training.urls`)."""

from django.urls import path

from .views import attendance, feedback

urlpatterns = [
    path("session/<int:pk>/presences/", attendance.attendance, name="attendance"),
    path("session/<int:pk>/presences.csv", attendance.attendance_csv, name="attendance_csv"),
    path("session/<int:pk>/feuille-emargement.pdf", attendance.attendance_pdf, name="attendance_pdf"),
    path("session/<int:pk>/attestation/<int:registration_pk>.pdf", attendance.certificate, name="certificate"),
    path("session/<int:pk>/avis/", feedback.feedback, name="feedback"),
    path("session/<int:pk>/avis/resultats/", feedback.feedback_results, name="feedback_results"),
]
