from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from extranet.core.services import email_render
from extranet.core.tasks import send_email


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("Wrong e-mail address or password."),
        "inactive": _("This account has been deactivated."),
        "invalid_trainee_login": _(
            "Wrong e-mail address or password. A trainee account ends when its training sandbox expires or is "
            "reset: ask your trainer for the current logins."
        ),
    }

    def clean_username(self):
        """Compare addresses in lower case, so that changing capitals gives an attacker no extra guesses."""
        return get_user_model().objects.normalize_email(self.cleaned_data["username"])

    def get_invalid_login_error(self):
        """Trainees whose sandbox ended get told why (said of any trainee address, so it reveals no account)."""
        email = self.cleaned_data.get("username") or ""
        if email.endswith("@" + settings.SANDBOX_TRAINEE_EMAIL_DOMAIN):
            return ValidationError(self.error_messages["invalid_trainee_login"], code="invalid_login")
        return super().get_invalid_login_error()

    @sensitive_variables()
    def clean(self):
        """Authenticate with the address under the model's USERNAME_FIELD ("email").

        django-axes reads the user name from the credentials under AXES_USERNAME_FORM_FIELD, which defaults
        to USERNAME_FIELD: passed as `username=`, failures were recorded without a user name while the
        lockout check looked for the address, so a locked-out address could still log in.
        """
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            self.user_cache = authenticate(self.request, email=email, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("The 6-digit code of your authentication app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's password reset form, with the e-mail sent by the task worker instead of the request.

    People added by a directory import have no password yet: this form is how they choose their first one, so
    it serves accounts without a usable password too (Django's leaves them out). Deactivated accounts get nothing.
    """

    def get_users(self, email):
        User = get_user_model()
        return User.objects.filter(email__iexact=email, is_active=True)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        # In the account's language, like every other e-mail, not in the language of the browser that asked.
        with translation.override(context["user"].preferred_language or translation.get_language()):
            subject, body = email_render(
                subject_template=subject_template_name, body_template=email_template_name, context=context
            )
        send_email.enqueue(to=[to_email], subject=subject, body=body)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "phone", "job_title", "preferred_language"]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Colleagues find each other by name in the directory and the members' lists.
        self.fields["first_name"].required = self.fields["last_name"].required = True


class SignupForm(forms.Form):
    """The account a person creates when accepting an invitation; the e-mail comes from the invitation."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput({"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; avoid common passwords."),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            user = get_user_model()(email=self.email, first_name=cleaned.get("first_name", ""))
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
