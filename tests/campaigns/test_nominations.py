"""Readers nominate exemplars over real HTTP; a campaign officer turns one into a draft
exemplar at the Discovered stage of a campaign, or rejects or archives it."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from campaigns.choices import Stage
from campaigns.models import ExemplarPage, Nomination, NominationStatus, Participation
from tests.admin_language import english_phrases, response_fragments
from tests.comments.conftest import reader_form

URL = "/gioi-thieu-guong-dien-hinh/"
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
STORY = "Chị tự bỏ tiền làm đường bê tông vào bản, dạy chữ cho trẻ em vào buổi tối."


def nominate(client, commune, **changes):
    page = client.get(URL)
    assert page.status_code == 200
    action, data = reader_form(page.content.decode())
    data.update(
        name="Chị Lò Thị Mai",
        kind="individual",
        locality=str(commune.pk),
        field="good_deeds",
        story=STORY,
        contact="0912 345 678",
    )
    data.update(changes)
    return client.post(action, data, **ORIGIN)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_form_is_cached_without_a_cookie_and_a_nomination_lands(client, commune):
    first = client.get(URL)
    assert client.get(URL)["X-Page-Cache"] == "hit" and not first.cookies
    labels = [label.text.strip() for label in soup(first).select(".reader-form__field label")]
    assert labels[0].startswith("Tên") and "giữ kín" in labels[-1]
    response = nominate(client, commune)
    assert response.status_code == 200
    assert "Cảm ơn" in soup(response).select_one(".reader-result__ok").text
    nomination = Nomination.objects.get()
    assert (nomination.name, nomination.locality, nomination.status) == (
        "Chị Lò Thị Mai",
        commune,
        NominationStatus.NEW,
    )
    assert nomination.contact == "0912 345 678"


def test_the_contact_never_appears_on_public_pages(client, commune):
    nominate(client, commune)
    assert "0912 345 678" not in client.get(URL).content.decode()


def test_spam_is_held_with_the_rule(client, commune):
    nominate(client, commune, story="Chơi cá cược bóng đá tại đây, " + STORY)
    nomination = Nomination.objects.get()
    assert nomination.status == NominationStatus.HELD and "gambling" in nomination.hold_reason


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"name": ""}, "name"), ({"field": "nonsense"}, "field"), ({"story": "Ngắn"}, "story")],
)
def test_bad_input_is_explained_and_kept(client, commune, changes, field):
    response = nominate(client, commune, **changes)
    assert response.status_code == 400
    page = soup(response)
    error = page.select_one(f"#id_{field}").find_parent("p").select_one(".reader-form__error")
    assert error is not None and not english_phrases([error.text])
    assert page.select_one("#id_contact")["value"] == "0912 345 678"
    assert not Nomination.objects.exists()


def test_hostile_requests_store_nothing(client, commune, settings):
    assert nominate(client, commune, website="x").status_code == 200  # honeypot
    assert nominate(client, commune, token="sai").status_code == 400
    action, data = reader_form(client.get(URL).content.decode())
    assert client.post(action, {**data, "name": "A"}).status_code == 403  # no Origin
    huge = nominate(client, commune, story="Rất dài " * 2000)
    assert huge.status_code == 400 and "Tối đa 4.000 ký tự" in huge.content.decode()
    assert not Nomination.objects.exists()
    settings.READER_SUBMISSION_RATE_LIMIT = 1
    assert nominate(client, commune).status_code == 429
    assert "vài phút" in soup(nominate(client, commune)).select_one(".reader-result__error").text


def test_officer_makes_an_exemplar_at_the_discover_stage(
    client, commune, campaign, exemplar_index, campaign_officer
):
    nominate(client, commune)
    nomination = Nomination.objects.get()
    officer = Client()
    officer.force_login(campaign_officer)
    queue = officer.get("/admin/gioi-thieu/")
    assert queue.status_code == 200
    assert not english_phrases(list(response_fragments(queue.content, queue["Content-Type"])))
    row = soup(queue).select_one(f"tr[data-nomination='{nomination.pk}']")
    assert "0912 345 678" in row.text  # the officers see the contact
    response = officer.post(
        f"/admin/gioi-thieu/{nomination.pk}/", {"action": "make", "campaign": campaign.pk}
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    exemplar = ExemplarPage.objects.get(pk=nomination.exemplar_id)
    assert (exemplar.title, exemplar.kind, exemplar.field, exemplar.locality) == (
        "Chị Lò Thị Mai",
        "individual",
        "good_deeds",
        commune,
    )
    assert not exemplar.live and exemplar.get_parent().pk == exemplar_index.pk
    assert exemplar.summary == STORY
    participation = Participation.objects.get(exemplar=exemplar)
    assert participation.campaign == campaign and nomination.participation == participation
    event = participation.stage_events.get()
    assert (event.stage, event.happened_on, event.recorded_by) == (
        Stage.DISCOVERED,
        timezone.localdate(),
        campaign_officer,
    )
    assert nomination.status == NominationStatus.ACCEPTED
    assert list(exemplar.nominations.all()) == [nomination]
    # Done once: a second click makes nothing more.
    officer.post(f"/admin/gioi-thieu/{nomination.pk}/", {"action": "make", "campaign": campaign.pk})
    assert ExemplarPage.objects.count() == 1
    assert soup(officer.get("/admin/gioi-thieu/")).select("tr[data-nomination]") == []


def test_officer_must_choose_a_campaign_and_can_reject_or_archive(
    client, commune, exemplar_index, campaign_officer
):
    nominate(client, commune)
    nominate(client, commune, name="Hộ ông Vàng A Páo", kind="household")
    first, second = Nomination.objects.order_by("pk")
    officer = Client()
    officer.force_login(campaign_officer)
    response = officer.post(f"/admin/gioi-thieu/{first.pk}/", {"action": "make"}, follow=True)
    assert "Hãy chọn phong trào" in response.content.decode()
    assert not ExemplarPage.objects.exists()
    officer.post(f"/admin/gioi-thieu/{first.pk}/", {"action": "reject"})
    officer.post(f"/admin/gioi-thieu/{second.pk}/", {"action": "archive"})
    assert [n.status for n in Nomination.objects.order_by("pk")] == ["rejected", "archived"]
    archived = officer.get("/admin/gioi-thieu/?status=archived")
    assert [r["data-nomination"] for r in soup(archived).select("tr[data-nomination]")] == [
        str(second.pk)
    ]


def test_journalist_cannot_open_the_queue(client, commune, journalist):
    nominate(client, commune)
    reporter = Client()
    reporter.force_login(journalist)
    assert reporter.get("/admin/gioi-thieu/").status_code in (302, 403)
    reporter.post(f"/admin/gioi-thieu/{Nomination.objects.get().pk}/", {"action": "reject"})
    assert Nomination.objects.get().status == NominationStatus.NEW
