"""The session's day and after: attendance, sheet, certificates, feedback (included by `agenda.training.urls`)."""

from django.urls import path

from .views import attendance, feedback

urlpatterns = [
    path("<int:pk>/presences/", attendance.attendance, name="attendance"),
    path("<int:pk>/presences.csv", attendance.attendance_csv, name="attendance_csv"),
    path("<int:pk>/feuille-emargement.pdf", attendance.attendance_pdf, name="attendance_pdf"),
    path("<int:pk>/attestation/<int:registration_pk>.pdf", attendance.certificate, name="certificate"),
    path("<int:pk>/avis/", feedback.feedback, name="feedback"),
    path("<int:pk>/avis/resultats/", feedback.feedback_results, name="feedback_results"),
]
