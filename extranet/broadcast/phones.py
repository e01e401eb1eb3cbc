"""French mobile numbers and SMS length: what a number must be, how many segments a message costs."""

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# 06 / 07 numbers, written nationally (0612345678) or internationally (+33 6…, 0033 6…), with separators.
_SEPARATORS = re.compile(r"[\s.\-()]")
_FRENCH_MOBILE = re.compile(r"^(?:\+33|0033|0)([67]\d{8})$")

# GSM 03.38: the basic set costs one septet a character, the extension set two (escape + character).
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€\f")


def french_mobile_normalise(raw: str) -> str:
    """The number in E.164 (+336…/+337…); a clear French error for anything that is not a French mobile."""
    digits = _SEPARATORS.sub("", raw or "")
    match = _FRENCH_MOBILE.match(digits)
    if match is None:
        raise ValidationError(
            _("“%(number)s” is not a French mobile number (06 or 07, e.g. 06 12 34 56 78).") % {"number": raw},
            code="bad_mobile",
        )
    return "+33" + match.group(1)


@dataclass(frozen=True)
class SmsSize:
    encoding: str  # "GSM-7" or "UCS-2"
    length: int  # characters as the network counts them (septets, or UTF-16 units)
    segments: int

    @property
    def cost(self) -> Decimal:
        return Decimal(settings.SMS_COST_PER_SEGMENT) * self.segments


def sms_size(text: str) -> SmsSize:
    """How the network will carry the text: one segment up to 160 GSM-7 / 70 UCS-2, then 153 / 67 each."""
    if all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text):
        length = sum(2 if char in GSM7_EXTENSION else 1 for char in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        length = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    segments = 1 if length <= single else math.ceil(length / multi)
    return SmsSize(encoding=encoding, length=length, segments=segments if text else 0)
