"""The members' views of procurement: asking a question on a notice, and answering them for one's organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import AnswerForm, QuestionForm
from .selectors import notice_get_to_question, question_get_to_answer, question_list_to_answer
from .services import question_answer, question_ask


def _add_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


@login_required
def question_ask_view(request, pk):
    notice = notice_get_to_question(pk=pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question_ask(notice=notice, user=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Your question has been sent to the buyer."))
            return redirect(notice.url + "#questions")
    return render(request, "procurement/question_ask.html", {"notice": notice, "form": form})


@login_required
def question_list_view(request):
    return render(request, "procurement/question_list.html", {"questions": question_list_to_answer(user=request.user)})


@login_required
def question_answer_view(request, pk):
    question = question_get_to_answer(user=request.user, pk=pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question_answer(user=request.user, pk=question.pk, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The answer has been published on the notice."))
            return redirect("procurement:questions")
    return render(request, "procurement/question_answer.html", {"question": question, "form": form})
