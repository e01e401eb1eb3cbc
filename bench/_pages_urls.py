"""The benchmarks' URLconf: the bare baseline views, then every URL of the site."""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as site_urlpatterns


def bare_page(request, name):
    """A template of the measured page's size, rendered by Django and nothing else (the floor of a page)."""
    return render(request, f"bare/{name}.html")


@require_POST
def bare_insert(request):
    """One INSERT in its own transaction (table made by the setup helper): the floor of a write."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_bare (body) VALUES (%s)", [request.POST.get("body", "")[:1000]])
    return HttpResponse(status=201)


urlpatterns = [
    path("__bench__/bare/<slug:name>/", bare_page),
    path("__bench__/insert/", bare_insert),
    *site_urlpatterns,
]
