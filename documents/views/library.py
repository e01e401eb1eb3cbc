"""Browsing and managing an organisation's library: folders, uploads, shares received, the bin, the audit log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from extranet.organisations.models import Organisation

from .. import selectors, services, sharing
from ..forms import MoveForm, NameForm, ShareLinkForm, UploadForm, sharing_form

# A folder's listing is cached under a fingerprint of its library (`selectors.folder_listing_version`): a change
# shows at once. People's names in it are not in the fingerprint: a renamed author shows within this lifetime.
LISTING_CACHE_SECONDS = 10 * 60


def _library_for(user, slug: str, action: str = "view") -> tuple[Organisation, selectors.Access]:
    """The organisation whose library the user opens, with the user's access to its root; Http404 otherwise."""
    organisation = Organisation.objects.filter(slug=slug).first()
    role = selectors.user_roles(user=user).get(organisation.pk) if organisation else None
    access = selectors.OWNER_ACCESS[role] if role else selectors.Access.NONE
    if access < max(selectors.ACTIONS[action], selectors.Access.READ):
        raise Http404
    return organisation, access


def _back(organisation, folder):
    return redirect(folder.get_absolute_url() if folder else organisation_root_url(organisation))


def organisation_root_url(organisation) -> str:
    return reverse("documents:library", args=[organisation.slug])


@login_required
def library_index(request):
    return render(
        request, "documents/library_index.html", {"libraries": selectors.libraries_for_user(user=request.user)}
    )


def _folder_page(request, organisation, folder, access, link_token=None, forms=None):
    """The folder's page; `forms` are refused forms to show again, with their errors and what was typed."""
    contents = selectors.folder_contents(organisation=organisation, folder=folder)
    if access == selectors.Access.PUBLIC:
        # A visitor in a public folder: its contents, read-only, from the highest public folder down.
        context = {
            "organisation": organisation,
            "folder": folder,
            "breadcrumbs": selectors.folder_public_breadcrumbs(folder=folder),
            **contents,
        }
        return render(request, "documents/folder_readonly.html", context)
    context = {
        "organisation": organisation,
        "folder": folder,
        "breadcrumbs": selectors.folder_breadcrumbs_for_reader(folder=folder) if folder else [],
        "abilities": selectors.abilities_of(
            access,
            in_library=folder.in_library if folder else True,
            is_shared_top=bool(folder) and folder.pk == folder.shared_top_id,
        ),
        "upload_form": UploadForm(),
        "max_upload": settings.DOCUMENTS_MAX_UPLOAD_BYTES,
        "new_folder_form": NameForm(),
        "rename_form": NameForm(initial={"name": folder.name} if folder else None),
        "listing_version": selectors.folder_listing_version(organisation=organisation, folder=folder),
        "listing_seconds": LISTING_CACHE_SECONDS,
        "script_prefix": get_script_prefix(),
        **contents,
    }
    if folder and access >= selectors.Access.MANAGE:
        context["link_form"] = ShareLinkForm()
        context["links"] = selectors.active_links(folder=folder)
        context["link_token"] = link_token
    if folder and context["abilities"]["organise"]:
        context["move_targets"] = selectors.folder_move_targets(organisation=organisation, moved=folder)
    context.update(forms or {})
    return render(request, "documents/folder.html", context, status=400 if forms else 200)


def library(request, slug):
    organisation, access = _library_for(request.user, slug)
    return _folder_page(request, organisation, None, access)


def folder_detail(request, slug, pk):
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk)
    return _folder_page(request, folder.organisation, folder, folder.access)


def _target_folder(request, organisation, action="write"):
    """The folder named by the form's `folder` field (the library's root if empty), checked for the user."""
    folder_id = request.POST.get("folder") or ""
    if not folder_id:
        _library_for(request.user, organisation.slug, action)
        return None
    if not folder_id.isdecimal():  # not isdigit: "²" is a digit that int() refuses
        raise Http404
    return selectors.folder_get_for_user(user=request.user, slug=organisation.slug, pk=int(folder_id), action=action)


@require_POST
def upload(request, slug):
    """Store each accepted file as a new document; refused files are named with the reason, the others kept.

    The page's script sends one file per request and asks for JSON, to show each file's progress. A session that
    ended while the page was open is told so (in JSON for the script), and sent to log in and back to the library.
    """
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if not request.user.is_authenticated:
        if wants_json:
            message = _("Your session has ended: log in again, then send the file again.")
            return JsonResponse({"created": [], "errors": [message]}, status=401)
        return redirect_to_login(reverse("documents:library", args=[slug]))
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    folder = _target_folder(request, organisation)
    form = UploadForm(request.POST, request.FILES)
    accepted, refused = form.checked_files() if form.is_valid() else ([], [_("Choose at least one file.")])
    created = [
        services.document_upload(organisation=organisation, folder=folder, checked=checked, user=request.user)
        for checked in accepted
    ]
    if wants_json:
        return JsonResponse(
            {"created": [{"title": item.title, "url": item.get_absolute_url()} for item in created], "errors": refused},
            status=400 if refused else 201,
        )
    if created:
        messages.success(
            request,
            ngettext("%(count)d document added.", "%(count)d documents added.", len(created)) % {"count": len(created)},
        )
    for error in refused:
        messages.error(request, error)
    return _back(organisation, folder)


@require_POST
def folder_create(request, slug):
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    parent = _target_folder(request, organisation)
    form = NameForm(request.POST)
    if form.is_valid():
        try:
            folder = services.folder_create(
                organisation=organisation, parent=parent, name=form.cleaned_data["name"], user=request.user
            )
        except ValidationError as error:
            form.add_error("name", error.messages)
        else:
            messages.success(request, _("Folder “%(name)s” created.") % {"name": folder.name})
            return redirect(folder.get_absolute_url())
    access = parent.access if parent else _library_for(request.user, slug, "write")[1]
    return _folder_page(request, organisation, parent, access, forms={"new_folder_form": form})


@require_POST
def folder_update(request, slug, pk):
    """Rename or move a folder, whichever the posted form holds."""
    action = "rename" if "name" in request.POST else "organise"
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action=action)
    if "name" in request.POST:
        return _folder_rename(request, folder)
    form = MoveForm(request.POST, folders=selectors.folder_choices(organisation=folder.organisation))
    if not form.is_valid():
        messages.error(request, _("Choose the destination in the list."))
        return redirect(folder.get_absolute_url())
    try:
        services.folder_move(folder=folder, parent=form.cleaned_data["folder"], user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Folder moved."))
    return redirect(folder.get_absolute_url())


def _folder_rename(request, folder):
    """Rename; a refused name is shown again on the folder's page with the reason."""
    form = NameForm(request.POST)
    if form.is_valid():
        try:
            services.folder_rename(folder=folder, name=form.cleaned_data["name"], user=request.user)
        except ValidationError as error:
            form.add_error("name", error.messages)
        else:
            messages.success(request, _("Folder renamed."))
            return redirect(folder.get_absolute_url())
    return _folder_page(request, folder.organisation, folder, folder.access, forms={"rename_form": form})


@require_POST
def folder_delete(request, slug, pk):
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action="organise")
    services.folder_delete(folder=folder, user=request.user)
    messages.success(request, _("Folder “%(name)s” moved to the bin with its contents.") % {"name": folder.name})
    return _back(folder.organisation, folder.parent)


@require_POST
def folder_restore(request, slug, pk):
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action="organise", in_bin=True)
    services.folder_restore(folder=folder, user=request.user)
    messages.success(request, _("Folder “%(name)s” restored.") % {"name": folder.name})
    return redirect("documents:bin", slug=slug)


def folder_sharing(request, slug, pk):
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action="manage")
    shares = selectors.shares_of(folder=folder)
    form = sharing_form(
        request.POST or None,
        target=folder,
        shares=shares,
        organisations=selectors.share_target_choices(organisation=folder.organisation),
    )
    if request.method == "POST" and form.is_valid():
        services.folder_sharing_set(
            folder=folder, is_public=form.cleaned_data["is_public"], shares=form.shares(), user=request.user
        )
        messages.success(request, _("Sharing saved."))
        return redirect(folder.get_absolute_url())
    return render(
        request,
        "documents/sharing.html",
        {"form": form, "target": folder, "organisation": folder.organisation},
        status=400 if form.errors else 200,
    )


@require_POST
def folder_link_create(request, slug, pk):
    """A share link to the folder's subtree; its address is shown once, on the page answered here."""
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action="manage")
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["days"]))
        return redirect(folder.get_absolute_url())
    _link, token = sharing.share_link_create(folder=folder, days=form.cleaned_data["days"], user=request.user)
    messages.success(request, _("Link created: copy it now, it will not be shown again."))
    return _folder_page(request, folder.organisation, folder, folder.access, link_token=token)


@require_POST
def folder_link_revoke(request, slug, pk, link_id):
    folder = selectors.folder_get_for_user(user=request.user, slug=slug, pk=pk, action="manage")
    sharing.share_link_revoke(folder=folder, link_id=link_id, user=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect(folder.get_absolute_url())


def shares_received(request, slug):
    organisation, _access = _library_for(request.user, slug)
    return render(
        request,
        "documents/shares_received.html",
        {"organisation": organisation, **selectors.shares_received(organisation=organisation)},
    )


def bin_list(request, slug):
    organisation, _access = _library_for(request.user, slug, "write")
    return render(
        request,
        "documents/bin.html",
        {
            "organisation": organisation,
            **selectors.bin_contents(organisation=organisation),
        },
    )


def audit_log(request, slug):
    organisation, _access = _library_for(request.user, slug, "admin")
    page = Paginator(selectors.audit_events(organisation=organisation), 50).get_page(request.GET.get("page"))
    return render(request, "documents/audit.html", {"organisation": organisation, "page_obj": page})
