"""Pages of messaging: they work without JavaScript; messaging.js adds live delivery over the socket."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.views.files import file_response
from extranet.core.ratelimit import rate_limit

from . import realtime, selectors, services
from .forms import ConversationForm, MessageForm, PreferenceForm, TopicRoomForm
from .models import ConversationKind, MessagingPreference


def _before(request) -> int | None:
    value = request.GET.get("before", "")
    return int(value) if value.isdecimal() and len(value) < 19 else None


@login_required
def index(request):
    preference = MessagingPreference.objects.filter(user=request.user).first()
    return render(
        request,
        "messaging/index.html",
        {
            "conversations": selectors.conversation_list_for_member(user=request.user),
            "abilities": selectors.messaging_abilities(user=request.user),
            "preference_form": PreferenceForm(
                initial={"show_presence": preference.show_presence if preference else True}
            ),
        },
    )


def _conversation_page(request, conversation, form=None, status=200):
    before = _before(request)
    page, has_earlier = selectors.message_page(conversation=conversation, before=before)
    if before is None:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    conversation.participants_list = list(conversation.participants.filter(listed=True).select_related("user"))
    conversation.display_title = selectors.display_title(conversation=conversation, user=request.user)
    return render(
        request,
        "messaging/conversation.html",
        {
            "conversation": conversation,
            "page": page,
            "has_earlier": has_earlier,
            "earlier_before": page[0].pk if page else None,
            "form": form or MessageForm(),
            "read_positions": selectors.read_positions(conversation=conversation),
            "edit_window_minutes": int(services.EDIT_WINDOW.total_seconds() // 60),
        },
        status=status,
    )


@login_required
def conversation_detail(request, pk):
    conversation = selectors.conversation_get_for_member(user=request.user, pk=pk)
    return _conversation_page(request, conversation)


@login_required
@rate_limit("message")
def message_post(request, pk):
    conversation = selectors.conversation_get_for_member(user=request.user, pk=pk)
    if request.method != "POST":
        # Back from the login page after a session ended mid-message: the conversation, not a bare 405.
        return redirect(conversation.get_absolute_url())
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            message, _created = services.message_send(
                conversation=conversation,
                author=request.user,
                body=form.cleaned_data["body"],
                key=form.cleaned_data["key"],
                upload=form.cleaned_data["attachment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(message.get_absolute_url())
    return _conversation_page(request, conversation, form=form, status=400)


@login_required
def history(request, pk):
    """Earlier messages for the page's scroll (JSON of the same payloads as the socket's)."""
    conversation = selectors.conversation_get_for_member(user=request.user, pk=pk)
    page, has_earlier = selectors.message_page(conversation=conversation, before=_before(request))
    return JsonResponse(
        {"messages": [realtime.message_payload(message) for message in page], "has_earlier": has_earlier}
    )


@login_required
@rate_limit("message")
def conversation_new(request):
    form = ConversationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        people = list(form.cleaned_data["recipients"])
        try:
            if len(people) == 1 and not form.cleaned_data["title"].strip():
                conversation = services.conversation_create_direct(user=request.user, other=people[0])
            else:
                conversation = services.conversation_create_group(
                    creator=request.user, title=form.cleaned_data["title"], members=people
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(conversation.get_absolute_url())
    return render(request, "messaging/conversation_form.html", {"form": form})


@login_required
@rate_limit("message")
def topic_new(request):
    if not selectors.messaging_abilities(user=request.user)["create_topic"]:
        raise Http404
    form = TopicRoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            room = services.topic_room_create(
                creator=request.user, title=form.cleaned_data["title"], organisations=form.cleaned_data["organisations"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(room.get_absolute_url())
    return render(request, "messaging/topic_form.html", {"form": form})


@login_required
@require_POST
def message_delete(request, pk):
    message = selectors.message_get_for_author(user=request.user, pk=pk)
    try:
        services.message_delete(message=message, user=request.user)
        messages.success(request, _("The message has been deleted."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(message.conversation.get_absolute_url())


@login_required
@require_POST
def conversation_leave(request, pk):
    conversation = selectors.conversation_get_for_member(user=request.user, pk=pk)
    if conversation.kind != ConversationKind.GROUP:
        raise Http404
    services.conversation_leave(conversation=conversation, user=request.user)
    messages.success(request, _("You have left the conversation."))
    return redirect("messaging:index")


@login_required
@require_POST
def preference(request):
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.preference_set(user=request.user, show_presence=form.cleaned_data["show_presence"])
        messages.success(request, _("Your preference has been saved."))
    return redirect(reverse("messaging:index"))


@login_required
def attachment(request, pk):
    item = selectors.attachment_get_for_member(user=request.user, pk=pk)
    return file_response(file=item.file, name=item.name, content_type=item.content_type, size=item.size)
