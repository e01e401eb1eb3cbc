"""The aid directory's fixed lists, stored as rows so that aids link to them portably (no ArrayField on SQLite).

Each row's primary key is its code, so filters and facet counts read the link tables only; the labels come
from the translated choices, not from the database.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import AidTypeCode, AudienceCode, ThemeCode


class Audience(models.Model):
    code = models.CharField(_("code"), max_length=40, primary_key=True, choices=AudienceCode.choices)

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        ordering = ["code"]

    def __str__(self):
        return self.get_code_display()


class AidType(models.Model):
    code = models.CharField(_("code"), max_length=40, primary_key=True, choices=AidTypeCode.choices)

    class Meta:
        verbose_name = _("aid type")
        verbose_name_plural = _("aid types")
        ordering = ["code"]

    def __str__(self):
        return self.get_code_display()


class Theme(models.Model):
    code = models.CharField(_("code"), max_length=40, primary_key=True, choices=ThemeCode.choices)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["code"]

    def __str__(self):
        return self.get_code_display()


from .pages import AidCoFinancer, AidIndexPage, AidPage, AidPerimeterOrganisation, AidSectionPage  # noqa: E402, F401
