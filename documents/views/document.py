"""One document: its page with versions and previews, new versions, restore, rename, move, bin, lock, sharing."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services, sharing
from ..forms import MoveForm, NameForm, NewVersionForm, ShareLinkForm, sharing_form
from ..previews import INLINE_FORMATS


def document_detail(request, pk, version_form=None, name_form=None, link_token=None, status=200):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    abilities = selectors.abilities_of(document.access, in_library=document.in_library)
    context = {
        "document": document,
        "version": document.current_version,
        "download_name": document.current_version
        and selectors.version_download_name(document=document, version=document.current_version),
        "abilities": abilities,
        "inline_preview": document.current_version and document.current_version.file_format in INLINE_FORMATS,
        "link_token": link_token,
    }
    if abilities["history"]:
        context["versions"] = document.versions.select_related("created_by")
        context["breadcrumbs"] = selectors.document_breadcrumbs_for_reader(document=document)
    if abilities["write"]:
        context["version_form"] = version_form or NewVersionForm(
            initial={"base_number": document.current_version.number if document.current_version else 0}
        )
        context["name_form"] = name_form or NameForm(initial={"name": document.title})
        context["lock_is_mine"] = document.is_locked and document.locked_by_id == request.user.pk
    if abilities["organise"]:
        context["move_targets"] = selectors.folder_move_targets(organisation=document.organisation)
    if abilities["manage"]:
        context["link_form"] = ShareLinkForm()
        context["links"] = selectors.active_links(document=document)
        context["shares"] = selectors.shares_of(document=document)
    return render(request, "documents/document_detail.html", context, status=status)


@require_POST
def version_create(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="write")
    form = NewVersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version, overtaken = services.document_add_version(
                document=document,
                checked=form.cleaned_data["file"],
                user=request.user,
                comment=form.cleaned_data["comment"],
                base_number=form.cleaned_data["base_number"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if overtaken:
                messages.warning(
                    request,
                    _(
                        "%(name)s added version %(other)s while you were sending yours. Both are kept: "
                        "yours is version %(number)s, the current one. Compare them in the history."
                    )
                    % {"name": overtaken.created_by, "other": overtaken.number, "number": version.number},
                )
            else:
                messages.success(request, _("Version %(number)s added.") % {"number": version.number})
            return redirect(document.get_absolute_url())
    return document_detail(request, pk, version_form=form, status=400)


@require_POST
def version_restore(request, pk, number):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="write")
    version = selectors.version_get(document=document, number=number)
    restored = services.document_restore_version(document=document, version=version, user=request.user)
    messages.success(
        request,
        _("Version %(old)s is current again, as version %(new)s.") % {"old": number, "new": restored.number},
    )
    return redirect(document.get_absolute_url())


@require_POST
def document_update(request, pk):
    """Rename or move the document, whichever the posted form holds."""
    action = "write" if "name" in request.POST else "organise"
    document = selectors.document_get_for_user(user=request.user, pk=pk, action=action)
    if "name" in request.POST:
        return _document_rename(request, document)
    form = MoveForm(request.POST, folders=selectors.folder_choices(organisation=document.organisation))
    if not form.is_valid():
        messages.error(request, _("Choose the destination in the list."))
        return redirect(document.get_absolute_url())
    try:
        services.document_move(document=document, folder=form.cleaned_data["folder"], user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Document moved."))
    return redirect(document.get_absolute_url())


def _document_rename(request, document):
    """Rename; a refused title is shown again on the document's page with the reason."""
    form = NameForm(request.POST)
    if form.is_valid():
        try:
            services.document_rename(document=document, title=form.cleaned_data["name"], user=request.user)
        except ValidationError as error:
            form.add_error("name", error.messages)
        else:
            messages.success(request, _("Document renamed."))
            return redirect(document.get_absolute_url())
    return document_detail(request, document.pk, name_form=form, status=400)


@require_POST
def document_delete(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="organise")
    services.document_delete(document=document, user=request.user)
    messages.success(
        request,
        _("“%(title)s” is in the bin; it can be restored for %(days)s days.")
        % {"title": document.title, "days": settings.DOCUMENTS_BIN_DAYS},
    )
    if document.folder_id:
        return redirect(document.folder.get_absolute_url())
    return redirect("documents:library", slug=document.organisation.slug)


@require_POST
def document_restore(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="organise", in_bin=True)
    services.document_restore(document=document, user=request.user)
    messages.success(request, _("“%(title)s” restored.") % {"title": document.title})
    return redirect(document.get_absolute_url())


@require_POST
def document_lock(request, pk):
    """Take the lock, or release it (its holder, or an administrator for anyone's)."""
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="write")
    try:
        if request.POST.get("lock") == "1":
            services.document_lock(document=document, user=request.user)
            messages.success(request, _("The others now see that you are editing this document."))
        else:
            services.document_unlock(
                document=document, user=request.user, as_admin=document.access >= selectors.Access.ADMIN
            )
            messages.success(request, _("The document is released."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(document.get_absolute_url())


def document_sharing(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="manage")
    shares = selectors.shares_of(document=document)
    form = sharing_form(
        request.POST or None,
        target=document,
        shares=shares,
        organisations=selectors.share_target_choices(organisation=document.organisation),
    )
    if request.method == "POST" and form.is_valid():
        services.document_sharing_set(
            document=document, is_public=form.cleaned_data["is_public"], shares=form.shares(), user=request.user
        )
        messages.success(request, _("Sharing saved."))
        return redirect(document.get_absolute_url())
    return render(
        request,
        "documents/sharing.html",
        {"form": form, "target": document, "organisation": document.organisation},
        status=400 if form.errors else 200,
    )


@require_POST
def link_create(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="manage")
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["days"]))
        return redirect(document.get_absolute_url())
    _link, token = sharing.share_link_create(document=document, days=form.cleaned_data["days"], user=request.user)
    messages.success(request, _("Link created: copy it now, it will not be shown again."))
    return document_detail(request, pk, link_token=token)


@require_POST
def link_revoke(request, pk, link_id):
    document = selectors.document_get_for_user(user=request.user, pk=pk, action="manage")
    sharing.share_link_revoke(document=document, link_id=link_id, user=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect(document.get_absolute_url())
