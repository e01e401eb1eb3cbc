"""Printable PDFs of a session: the attendance sheet to sign and each present participant's certificate.

ReportLab's standard Helvetica fonts are drawn with the WinAnsi encoding, which holds every French letter
(é, è, à, ç, œ, « »…): no font file to ship. Texts go through gettext, dates are shown in the platform's time zone.
"""

from datetime import datetime, timedelta
from io import BytesIO
from xml.sax.saxutils import escape  # nosec B406 # quotes text for reportlab, parses nothing

from django.utils import formats, timezone
from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .models import Registration, TrainingSession

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["Normal"], fontName="Helvetica", fontSize=11, leading=15)
TITLE = ParagraphStyle("title", parent=STYLES["Title"], fontName="Helvetica-Bold", fontSize=20, leading=26)
CENTERED = ParagraphStyle("centered", parent=BODY, alignment=TA_CENTER, fontSize=12, leading=18)


def _text(value) -> str:
    """A value for a Paragraph, which reads a small markup language: escape what people typed."""
    return escape(str(value))


def _paris(value: datetime) -> datetime:
    return timezone.localtime(value, get_default_timezone())


def _when(session: TrainingSession) -> str:
    start, end = _paris(session.event.start), _paris(session.event.end)
    if start.date() == end.date():
        return _("%(day)s, from %(start)s to %(end)s") % {
            "day": formats.date_format(start, "l j F Y"),
            "start": formats.time_format(start, "H:i"),
            "end": formats.time_format(end, "H:i"),
        }
    return _("from %(start)s to %(end)s") % {
        "start": formats.date_format(start, "l j F Y, H:i"),
        "end": formats.date_format(end, "l j F Y, H:i"),
    }


# Longer than this and spread over several dates, a session is a course counted in days; shorter, an evening
# session running past midnight still counts its hours.
COURSE_MIN_SPAN = timedelta(hours=12)


def _duration(session: TrainingSession) -> str:
    """Hours for a session within a day or an evening; days for a course over several (nights are not training time)."""
    start, end = _paris(session.event.start), _paris(session.event.end)
    days = (end.date() - start.date()).days + 1
    if days > 1 and end - start > COURSE_MIN_SPAN:
        return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}
    hours, seconds = divmod(int((end - start).total_seconds()), 3600)
    minutes = seconds // 60
    return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"


def _place(session: TrainingSession) -> str:
    return session.event.details.place or session.event.details.organisation.name


def _document(buffer: BytesIO, *, title: str) -> SimpleDocTemplate:
    margin = 1.8 * cm
    return SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin
    )


def attendance_sheet_pdf(*, session: TrainingSession, registrations: list[Registration]) -> bytes:
    """The A4 sheet the participants sign on the day: the session's facts, then one row per registered person."""
    buffer = BytesIO()
    title = _("Attendance sheet")
    facts = [
        (_("Date"), _when(session)),
        (_("Place"), _place(session)),
        (_("Trainer"), session.trainer.full_name),
        (_("Organised by"), session.event.details.organisation.name),
    ]
    story = [
        Paragraph(_text(title), TITLE),
        Paragraph(f"<b>{_text(session.event.title)}</b>", CENTERED),
        Spacer(1, 0.4 * cm),
        *[Paragraph(f"<b>{_text(label)} :</b> {_text(value)}", BODY) for label, value in facts],
        Spacer(1, 0.6 * cm),
    ]
    rows = [[_("Name"), _("Organisation"), _("Signature")]]
    rows += [
        [Paragraph(_text(r.user.full_name), BODY), Paragraph(_text(r.organisation.name), BODY), ""]
        for r in registrations
    ]
    table = Table(rows, colWidths=[6.2 * cm, 5.8 * cm, 5.4 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 11),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                # Room for a handwritten signature.
                ("ROWHEIGHT", (0, 1), (-1, -1), 1.3 * cm),
                ("TOPPADDING", (0, 1), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 10),
            ]
        )
    )
    story.append(table)
    if not registrations:
        story.append(Paragraph(_text(_("Nobody is registered.")), BODY))
    _document(buffer, title=f"{title} — {session.event.title}").build(story)
    return buffer.getvalue()


def certificate_pdf(*, registration: Registration) -> bytes:
    """The certificate of attendance of a present participant; the number is issued by `certificate_issue`."""
    session = registration.session
    buffer = BytesIO()
    title = _("Certificate of attendance")
    intro = _("I, the undersigned, %(trainer)s, trainer, certify that") % {"trainer": session.trainer.full_name}
    attended = _("of %(organisation)s attended the training session") % {"organisation": registration.organisation.name}
    # Issued where the organising authority sits, as French certificates say ("Fait à Jargeau, le …").
    issued = _("Issued at %(place)s on %(date)s.") % {
        "place": session.event.details.organisation.name,
        "date": formats.date_format(_paris(timezone.now()), "j F Y"),
    }
    story = [
        Paragraph(_text(title), TITLE),
        Spacer(1, 1 * cm),
        Paragraph(_text(intro), CENTERED),
        Paragraph(f"<b>{_text(registration.user.full_name)}</b>", CENTERED),
        Paragraph(_text(attended), CENTERED),
        Paragraph(f"<b>« {_text(session.event.title)} »</b>", CENTERED),
        Paragraph(_text(_when(session)), CENTERED),
        Paragraph(_text(_("Duration: %(duration)s") % {"duration": _duration(session)}), CENTERED),
        Paragraph(_text(_("Place: %(place)s") % {"place": _place(session)}), CENTERED),
        Spacer(1, 1.2 * cm),
        Paragraph(_text(issued), BODY),
        Paragraph(_text(_("Certificate number: %(number)s") % {"number": registration.certificate_number}), BODY),
        Spacer(1, 1 * cm),
        Paragraph(_text(_("The trainer, %(trainer)s") % {"trainer": session.trainer.full_name}), BODY),
    ]
    _document(buffer, title=f"{title} — {registration.user.full_name}").build(story)
    return buffer.getvalue()
