"""Wagtail hooks of the acts: a section per organisation, the legal minimum of two months online, complete acts.

An act made executory by its publication stays online at least two months (CGCT, article R. 2131-1): the
admin refuses to unpublish, delete or move (which changes its address) a live act younger than that, alone
or with the pages above it, one by one or in bulk. An act keeps its organisation and its own signed PDF, so
it is never copied nor moved to another section. Bulk publication, which skips the editor's form, checks
each act the way the editor does.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from .models import ActPage, ActSectionPage, SessionPage
from .retention import online_until
from .selectors import act_list_still_protected, act_list_within
from .services import act_section_provision

PROTECTED_BULK_ACTIONS = {"delete", "unpublish", "move"}


@hooks.register("provision_organisation")
def provision_act_section(*, organisation):
    act_section_provision(organisation=organisation)


@hooks.register("before_unpublish_page")
def refuse_to_unpublish_recent_acts(request, page):
    return _refuse_if_still_protected(request, [page], action="unpublish")


@hooks.register("before_delete_page")
def refuse_to_delete_recent_acts(request, page):
    return _refuse_if_still_protected(request, [page], action="delete")


@hooks.register("before_move_page")
def refuse_to_move_acts(request, page, destination):
    if isinstance(page.specific_deferred, (ActPage, SessionPage)) and page.get_parent().pk != destination.pk:
        return _back(request, page, _("Acts and sessions stay in the section of their organisation."))
    return _refuse_if_still_protected(request, [page], action="move")


@hooks.register("before_copy_page")
def refuse_to_copy_acts(request, page):
    if isinstance(page.specific_deferred, ActSectionPage) or act_list_within(pages=[page]).exists():
        return _back(
            request,
            page,
            _("An act is not copied: each act has its own number and signed PDF. Create a new act instead."),
        )
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_recent_acts(request, action_type, objects, action_class_instance):
    if not objects or not hasattr(objects[0], "path"):
        return None
    if action_type == "publish":
        return _refuse_incomplete_acts(request, objects)
    if action_type not in PROTECTED_BULK_ACTIONS:
        return None
    if action_type == "move" and act_list_within(pages=objects).exists():
        return _back(request, objects[0], _("Acts and sessions stay in the section of their organisation."))
    return _refuse_if_still_protected(request, objects, action=action_type)


def _refuse_if_still_protected(request, pages, *, action):
    """Refuse the action (an error message and a redirect) when it would take a recent act offline."""
    protected = list(act_list_still_protected(pages=pages)[:2])
    if not protected:
        return None
    act = protected[0]
    templates = {
        "unpublish": _("“%(title)s” went online on %(published)s and cannot be unpublished before %(until)s."),
        "delete": _("“%(title)s” went online on %(published)s and cannot be deleted before %(until)s."),
        "move": _("“%(title)s” went online on %(published)s and cannot change address before %(until)s."),
    }
    message = templates[action] % {
        "title": act.title,
        "published": _local_date(act.first_published_at),
        "until": _local_date(online_until(act.first_published_at)),
    }
    message += " " + _("An official act stays online at least two months (CGCT, article R. 2131-1).")
    if len(protected) > 1:
        message += " " + _("Other recent acts are concerned too.")
    return _back(request, pages[0], message)


def _refuse_incomplete_acts(request, pages):
    """Bulk publication skips the editor's validation: check each act's draft as the editor would."""
    for act in act_list_within(pages=pages).filter(Q(live=False) | Q(has_unpublished_changes=True)):
        try:
            act.get_latest_revision_as_object().full_clean()
        except ValidationError as error:
            message = _("“%(title)s” cannot be published as it is: open it in the editor to complete it.") % {
                "title": act.title
            }
            return _back(request, pages[0], f"{message} {_describe(error)}")
    return None


def _describe(error: ValidationError) -> str:
    """The errors of a page's validation, each after the name of its field."""
    parts = []
    for field, field_messages in error.message_dict.items():
        if field == NON_FIELD_ERRORS:
            parts += field_messages
        else:
            label = capfirst(ActPage._meta.get_field(field).verbose_name)
            parts += [_("%(field)s: %(message)s") % {"field": label, "message": text} for text in field_messages]
    return " ".join(parts)


def _back(request, page, message):
    messages.error(request, message)
    parent = page.get_parent()
    fallback = reverse("wagtailadmin_explore", args=[parent.pk]) if parent else reverse("wagtailadmin_explore_root")
    return redirect(get_valid_next_url_from_request(request) or fallback)


def _local_date(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")
