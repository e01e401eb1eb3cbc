"""Audience, preview, test-send and sending through the file SMS backend and the e-mail outbox, with the log."""

import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from extranet.broadcast import selectors, services
from extranet.broadcast.contacts import Contact
from extranet.broadcast.models import Delivery
from extranet.broadcast.sending import Throttle, broadcast_deliver, unsubscribe_url
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db


def draft(sender, user, **audience):
    fields = {
        "subject": "Coupure d'eau",
        "body": "Coupure d'eau demain de 8h a 12h.",
        "by_email": True,
        "by_sms": False,
    }
    return services.broadcast_create(sender=sender, user=user, **(fields | audience))


def test_audience_by_organisation_kind_role_and_csv(
    departement, departement_admin, commune, other_commune, admin, member, outsider
):
    """Organisations, kinds and roles add up, cut by the role; imported contacts are added; nobody twice."""
    by_org = draft(departement, departement_admin, organisations=[commune])
    assert {r.email for r in selectors.broadcast_recipients(broadcast=by_org)} == {admin.email, member.email}

    by_kind_and_role = draft(departement, departement_admin, organisation_kinds=["commune"], role="admin")
    assert {r.email for r in selectors.broadcast_recipients(broadcast=by_kind_and_role)} == {
        admin.email,
        outsider.email,
    }

    contacts = [
        Contact(name="Marie", email="marie@example.fr", phone=""),
        Contact(name="", email=member.email, phone=""),
    ]
    with_csv = draft(departement, departement_admin, organisations=[commune], contacts=contacts)
    assert sorted(r.email for r in selectors.broadcast_recipients(broadcast=with_csv)) == sorted(
        [admin.email, member.email, "marie@example.fr"]
    )


def test_an_epci_reaches_only_its_own_communes(epci, commune, other_commune, member):
    """The EPCI's admin may not target a commune outside the EPCI, and kinds stay within it."""
    epci_admin = membership(epci, role="admin").user
    with pytest.raises(Exception, match="vos propres organisations membres"):
        draft(epci, epci_admin, organisations=[other_commune])

    by_kind = draft(epci, epci_admin, organisation_kinds=["commune"])
    assert [r.email for r in selectors.broadcast_recipients(broadcast=by_kind)] == [member.email]
    with pytest.raises(ValidationError, match="les organisations et types choisis n'ont aucun membre dans votre"):
        draft(epci, epci_admin, organisation_kinds=["departement"])


def test_preview_counts_recipients_and_sms_cost(settings, departement, departement_admin, commune, member):
    """The preview counts e-mails and SMS, and prices the segments."""
    settings.SMS_COST_PER_SEGMENT = "0.05"
    member.phone = "0612345678"
    member.save()
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True, body="x" * 200)

    preview = selectors.broadcast_preview(broadcast=broadcast)

    assert (preview.recipients, preview.emails, preview.sms, preview.without_mobile) == (1, 1, 1, 0)
    assert (preview.sms_size.segments, str(preview.sms_cost)) == (2, "0.10")


def test_send_logs_each_delivery_and_honours_unsubscribe(
    client, departement, departement_admin, commune, admin, member, sms_outbox
):
    """E-mails (with an unsubscribe link) and SMS go out through the queue; an unsubscribed address is skipped."""
    member.phone = "07 98 76 54 32"
    member.save()
    client.post(unsubscribe_url(admin.email).split("8000", 1)[-1])
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True)
    contacts_phone = "+33612345678"
    broadcast.contacts.create(name="Externe", phone=contacts_phone)

    assert services.broadcast_send(broadcast=broadcast) == 3

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "/diffusion/desinscription/" in mail.outbox[0].body and "List-Unsubscribe" in mail.outbox[0].extra_headers
    sent_sms = sorted(json.loads(path.read_text())["to"] for path in sms_outbox.iterdir())
    assert sent_sms == [contacts_phone, "+33798765432"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert all(delivery.sent_at for delivery in Delivery.objects.all())
    response = client.get("/diffusion/1/")
    assert response.status_code == 302  # the log is for the senders only; anonymous users log in first


def test_an_english_account_unsubscribes_on_an_english_page(client, member):
    """The unsubscribe link opens in the account's language; an address without an account gets French."""
    member.preferred_language = "en"
    member.save()

    page = client.get(unsubscribe_url(member.email.upper()).split("8000", 1)[-1]).content.decode()
    unknown = client.get(unsubscribe_url("externe@example.fr").split("8000", 1)[-1]).content.decode()

    assert '<html lang="en"' in page and "Stop receiving the announcements" in page
    assert '<html lang="fr"' in unknown


def test_a_failing_gateway_is_logged_with_its_reason(settings, departement, departement_admin, commune, member):
    """An SMS refused by the gateway is a failed delivery with the gateway's reason, and the rest still goes out."""
    settings.SMS_BACKEND = "tests.broadcast.test_sending.RefusingBackend"
    member.phone = "0612345678"
    member.save()
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True)

    services.broadcast_send(broadcast=broadcast)

    outcome = dict(Delivery.objects.values_list("channel", "status"))
    assert outcome == {"email": "sent", "sms": "failed"}
    assert Delivery.objects.get(channel="sms").reason == "gateway answered 400: invalid number"


class RefusingBackend:
    def send(self, *, to, text, sender):
        from extranet.broadcast.sms import SmsError

        raise SmsError("gateway answered 400: invalid number")


def test_throttling_spaces_messages_without_sleeping(settings, departement, departement_admin, commune, admin, member):
    """At 2 messages a second, three deliveries wait 0.5 s twice, on an injected clock."""
    settings.BROADCAST_RATE = 2
    broadcast = draft(departement, departement_admin, organisations=[commune])
    services_sent = Delivery.objects.bulk_create(
        [Delivery(broadcast=broadcast, channel="email", address=a) for a in ("a@x.fr", "b@x.fr", "c@x.fr")]
    )
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    broadcast_deliver(broadcast_id=broadcast.pk, clock=lambda: now[0], sleep=sleep)

    assert len(services_sent) == 3 and slept == [0.5, 0.5] and len(mail.outbox) == 3
    assert Throttle(rate=0).interval == 0


def test_test_send_goes_to_the_author_only(departement, departement_admin, commune, member, sms_outbox):
    """The test e-mail and SMS reach the author alone, marked as a test; no delivery is logged."""
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True)

    services.broadcast_test_send(broadcast=broadcast, user=departement_admin)

    assert [message.to for message in mail.outbox] == [[departement_admin.email]]
    assert mail.outbox[0].subject.startswith("[TEST]")
    assert [json.loads(p.read_text())["to"] for p in sms_outbox.iterdir()] == ["+33611223344"]
    assert not Delivery.objects.exists()


def test_without_a_mobile_the_test_e_mail_still_goes_and_the_page_says_why_no_sms(
    client, departement, departement_admin, commune, member, sms_outbox
):
    """An author without a mobile number gets the test e-mail, and is told how to get the SMS too."""
    departement_admin.phone = ""
    departement_admin.save(update_fields=["phone"])
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True)
    client.force_login(departement_admin)

    page = client.post(f"/diffusion/{broadcast.pk}/test/", follow=True).content.decode()

    assert [message.to for message in mail.outbox] == [[departement_admin.email]]
    assert "Ajoutez votre numéro de mobile français à votre profil pour recevoir aussi le SMS de test." in page
    assert not sms_outbox.exists() or not list(sms_outbox.iterdir())


def test_a_broadcast_by_sms_alone_needs_the_authors_mobile_for_its_test(
    departement, departement_admin, commune, member
):
    """Without a mobile number there is nothing to send the test by: it is refused in French."""
    departement_admin.phone = ""
    broadcast = draft(departement, departement_admin, organisations=[commune], by_sms=True, by_email=False)

    with pytest.raises(ValidationError, match="Ajoutez votre numéro de mobile"):
        services.broadcast_test_send(broadcast=broadcast, user=departement_admin)
    assert mail.outbox == []
