"""vCard 4.0 (RFC 6350) written by hand: escaping, UTF-8 line folding at 75 octets, CRLF line ends.

Only fields the viewer may read ever reach these functions (see `visibility.py`).
"""

import base64

from .validators import phone_digits

MAX_LINE_OCTETS = 75


def escape(value: str) -> str:
    """Escape a text value (RFC 6350 §3.4): backslash, comma, semicolon and newlines."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a UTF-8 character."""
    chunks, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        limit = MAX_LINE_OCTETS if not chunks else MAX_LINE_OCTETS - 1
        if size + width > limit:
            chunks.append(current)
            current, size = "", 0
        current += character
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def _line(name: str, value: str) -> str:
    return fold(f"{name}:{value}") + "\r\n"


def person_vcard(*, first_name: str, last_name: str, fields: dict, photo: bytes | None = None) -> str:
    """One person's vCard from the fields visible to the viewer; `photo` (JPEG) only if its field is visible."""
    full_name = fields.get("name") or " ".join(part for part in (first_name, last_name) if part)
    lines = [
        "BEGIN:VCARD\r\n",
        "VERSION:4.0\r\n",
        "KIND:individual\r\n",
        _line("FN", escape(full_name)),
        _line("N", f"{escape(last_name)};{escape(first_name)};;;"),
    ]
    organisation = fields.get("organisation")
    if organisation is not None:
        unit = fields.get("service", "")
        lines.append(_line("ORG", escape(organisation.name) + (f";{escape(unit)}" if unit else "")))
    if fields.get("function"):
        lines.append(_line("TITLE", escape(fields["function"])))
    if fields.get("phone"):
        lines.append(_line("TEL;TYPE=work,voice;VALUE=uri", f"tel:{phone_digits(fields['phone'])}"))
    if fields.get("mobile"):
        lines.append(_line("TEL;TYPE=cell;VALUE=uri", f"tel:{phone_digits(fields['mobile'])}"))
    if fields.get("email"):
        lines.append(_line("EMAIL;TYPE=work", escape(fields["email"])))
    if photo and fields.get("photo"):
        # RFC 6350 §6.2.4: a URI; a data: URI keeps the card usable offline and outside the platform.
        lines.append(_line("PHOTO", "data:image/jpeg;base64," + base64.b64encode(photo).decode()))
    lines.append("END:VCARD\r\n")
    return "".join(lines)


def organisation_vcard(*, organisation, fields: dict) -> str:
    """An organisation's own vCard (KIND:org) from its visible directory fields."""
    lines = [
        "BEGIN:VCARD\r\n",
        "VERSION:4.0\r\n",
        "KIND:org\r\n",
        _line("FN", escape(organisation.name)),
        _line("ORG", escape(organisation.name)),
    ]
    if any(fields.get(name) for name in ("address", "postal_code", "city")):
        street, city, code = (escape(fields.get(name, "")) for name in ("address", "city", "postal_code"))
        # ADR components: post office box; extended address; street; locality; region; postal code; country.
        lines.append(_line("ADR;TYPE=work", f";;{street};{city};;{code};France"))
    for name, kind in (("phone", "work,voice"), ("internal_phone", "work,voice")):
        if fields.get(name):
            lines.append(_line(f"TEL;TYPE={kind};VALUE=uri", f"tel:{phone_digits(fields[name])}"))
    for name in ("email", "internal_email"):
        if fields.get(name):
            lines.append(_line("EMAIL;TYPE=work", escape(fields[name])))
    if fields.get("website"):
        lines.append(_line("URL", fields["website"]))
    lines.append("END:VCARD\r\n")
    return "".join(lines)
