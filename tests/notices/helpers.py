"""Helpers of the notices tests: the Wagtail admin's page forms as a browser would submit them."""

import html

from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html


def page_text(response) -> str:
    """The page as the user reads it: HTML entities (the escaped apostrophes of French) decoded."""
    return html.unescape(response.content.decode())


def admin_form(client, url, **fields):
    """The page form of a Wagtail admin view as the browser would post it, with `fields` filled in.

    The StreamField body is drawn by JavaScript, so its (empty) block count is added here.
    """
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.setdefault("body-count", "0")
    for name, value in fields.items():
        data[name] = value
    return data


def add_url(section) -> str:
    return reverse("wagtailadmin_pages:add", args=["notices", "noticepage", section.pk])


def edit_url(notice) -> str:
    return reverse("wagtailadmin_pages:edit", args=[notice.pk])
