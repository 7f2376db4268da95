"""Radio pages (script download, print, rundown, airing confirmation), the admin report and
the outlet token admin, the editor's live read time and feed autodiscovery."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from stories.models import SeriesPage
from syndication.models import AiringConfirmation, FeedPull, Outlet
from syndication.sources import airing_token, confirm_url

pytestmark = pytest.mark.django_db


def test_plain_text_script_download(client, radio_story, radio_outlet):
    response = client.get(f"/radio/script/{radio_story.pk}.txt?outlet={radio_outlet.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Ủy ban nhân dân xã trao bằng khen ngày 2 tháng 12 năm 2021." in text
    assert "<" not in text and "http" not in text
    pull = FeedPull.objects.get()
    assert (pull.outlet, pull.feed, pull.status) == (radio_outlet, f"script:{radio_story.pk}", 200)


def test_drafts_have_no_script(client, make_story):
    draft = make_story("Bản nháp", live=False)
    assert client.get(f"/radio/script/{draft.pk}.txt").status_code == 404


def test_presenter_print_page(client, radio_story, radio_outlet):
    radio_story.pronunciation_notes = "Páo: đọc là “Pạo”."
    radio_story.save_revision().publish()
    response = client.get(f"/radio/outlet/{radio_outlet.pk}/script/{radio_story.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Páo: đọc là “Pạo”." in page
    assert re.search(r'radio-script__duration">\d+ giây<', page)
    assert "<svg" in page  # the QR code
    assert confirm_url(radio_outlet.pk, radio_story.pk) in page


def test_print_page_and_rundown_follow_the_token(client, radio_story, loudspeaker_outlet):
    base = f"/radio/outlet/{loudspeaker_outlet.pk}"
    assert client.get(f"{base}/script/{radio_story.pk}/").status_code == 403
    assert client.get(f"{base}/rundown/").status_code == 403
    token = loudspeaker_outlet.token
    assert client.get(f"{base}/script/{radio_story.pk}/?token={token}").status_code == 200
    assert client.get(f"{base}/rundown/?token={token}").status_code == 200


def test_daily_rundown_orders_scripts_and_totals_them(client, make_story, channel, radio_outlet):
    today = timezone.localtime().replace(hour=6, minute=0, second=0, microsecond=0)
    for hour, title, words in [(9, "Bản tin sáng", 110), (7, "Tin đầu ngày", 220)]:
        story = make_story(
            title, radio_script="một " * words, publication_date=today.replace(hour=hour)
        )
        story.channels.set([channel("radio_tv")])
        story.save_revision().publish()
    yesterday = make_story("Hôm qua", publication_date=today - timedelta(days=1))
    yesterday.channels.set([channel("radio_tv")])
    yesterday.save_revision().publish()

    response = client.get(
        f"/radio/outlet/{radio_outlet.pk}/rundown/?date={today.date().isoformat()}"
    )
    page = response.content.decode()
    assert page.index("Tin đầu ngày") < page.index("Bản tin sáng")
    assert "Hôm qua" not in page
    assert 'rundown__total">1 phút 30 giây<' in page  # 60 s + 30 s at 220 syllables/min
    assert (
        client.get(f"/radio/outlet/{radio_outlet.pk}/rundown/?date=2021-13-45").status_code == 400
    )


def test_airing_is_confirmed_once_per_outlet_and_story(client, radio_story, radio_outlet):
    url = f"/radio/confirm/{airing_token(radio_outlet.pk, radio_story.pk)}/"
    shown = client.get(url)
    assert shown.status_code == 200
    assert AiringConfirmation.objects.count() == 0  # opening the link shows a button only
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200
    confirmation = AiringConfirmation.objects.get()
    assert (confirmation.outlet, confirmation.story_id) == (radio_outlet, radio_story.pk)
    assert "Đã ghi nhận phát sóng" in client.get(url).content.decode()
    radio_story.unpublish()  # aired before an unpublish: the link still works
    assert "Đã ghi nhận phát sóng" in client.get(url).content.decode()


def test_forged_airing_links_are_refused(client, radio_story, radio_outlet):
    token = airing_token(radio_outlet.pk, radio_story.pk)
    forged = token.replace(token[-4:], "AAAA")
    assert client.post(f"/radio/confirm/{forged}/").status_code == 404
    assert AiringConfirmation.objects.count() == 0


def test_story_report_shows_pulls_and_airing(
    client, superuser, radio_story, radio_outlet, loudspeaker_outlet, newspaper_outlet
):
    client.get(f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    client.post(f"/radio/confirm/{airing_token(radio_outlet.pk, radio_story.pk)}/")
    client.force_login(superuser)
    response = client.get(f"/admin/syndication/story/{radio_story.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert radio_outlet.name in page and loudspeaker_outlet.name in page
    assert newspaper_outlet.name not in page  # not meant for the newspaper
    assert 'reach-outlets">1<' in page
    assert 'reach-aired">1<' in page


def test_story_report_needs_edit_permission(client, campaign_officer, journalist, radio_story):
    client.force_login(campaign_officer)  # may not edit stories
    response = client.get(f"/admin/syndication/story/{radio_story.pk}/")
    assert response.status_code in (302, 403)
    assert radio_story.title not in response.content.decode()
    client.force_login(journalist)
    assert client.get(f"/admin/syndication/story/{radio_story.pk}/").status_code == 200


def test_story_header_links_to_the_report(client, superuser, radio_story):
    client.force_login(superuser)
    page = client.get(f"/admin/pages/{radio_story.pk}/edit/").content.decode()
    assert f"/admin/syndication/story/{radio_story.pk}/" in page
    column_page = client.get(f"/admin/pages/{radio_story.get_parent().pk}/edit/").content
    assert b"/admin/syndication/story/" not in column_page  # stories only


def test_editor_gets_the_live_read_time_script(client, superuser, radio_story):
    client.force_login(superuser)
    page = client.get(f"/admin/pages/{radio_story.pk}/edit/").content.decode()
    assert re.search(r'read_time[.\w]*\.js" data-syllables-per-minute="220"', page)
    assert 'name="radio_script"' in page


def test_outlet_token_is_regenerated_and_removed_in_the_admin(client, superuser, radio_outlet):
    client.force_login(superuser)
    url = f"/admin/snippets/syndication/outlet/edit/{radio_outlet.pk}/"
    data = {"name": radio_outlet.name, "kind": "radio", "locality": "", "contact": ""}
    assert client.post(url, {**data, "token_action": "regenerate"}).status_code == 302
    radio_outlet.refresh_from_db()
    first = radio_outlet.token
    assert len(first) >= 32
    client.post(url, {**data, "token_action": "keep"})
    radio_outlet.refresh_from_db()
    assert radio_outlet.token == first
    client.post(url, {**data, "token_action": "remove"})
    assert Outlet.objects.get(pk=radio_outlet.pk).token == ""


def test_pages_advertise_their_feeds(client, make_story, column, series_index, exemplar_index):
    from campaigns.models import ExemplarPage

    exemplar = ExemplarPage(title="Lò Văn Pọm", kind="individual", field="economy")
    exemplar_index.add_child(instance=exemplar)
    exemplar.save_revision().publish()
    story = make_story("Bài có từ khóa")
    story.tags.add("Nông thôn mới")
    story.save_revision().publish()
    series = SeriesPage(title="Loạt bài thử")
    series_index.add_child(instance=series)
    series.save_revision().publish()
    expectations = {
        "/": ["/feeds/all.rss", "/feeds/all.atom"],
        column.url: [f"/feeds/column/{column.slug}.rss", f"/feeds/column/{column.slug}.atom"],
        series.url: [f"/feeds/series/{series.slug}.rss", f"/feeds/series/{series.slug}.atom"],
        "/tu-khoa/nong-thon-moi/": ["/feeds/tag/nong-thon-moi.rss", "/feeds/all.rss"],
        exemplar.url: [f"/feeds/exemplar/{exemplar.slug}.atom", "/feeds/all.atom"],
    }
    for url, feed_urls in expectations.items():
        page = client.get(url).content.decode()
        for feed_url in feed_urls:
            kind = "rss" if feed_url.endswith(".rss") else "atom"
            assert re.search(
                rf'<link rel="alternate" type="application/{kind}\+xml" title="[^"]+" '
                rf'href="{re.escape(feed_url)}">',
                page,
            ), (url, feed_url)
        assert client.get(feed_urls[0]).status_code == 200


def test_editor_in_chief_manages_outlets_journalist_does_not(client, editor_in_chief, journalist):
    client.force_login(editor_in_chief)
    assert client.get("/admin/snippets/syndication/outlet/").status_code == 200
    response = client.post(
        "/admin/snippets/syndication/outlet/add/",
        {"name": "Đài truyền thanh xã Tả Van", "kind": "loudspeaker", "token_action": "regenerate"},
    )
    assert response.status_code == 302
    outlet = Outlet.objects.get(name="Đài truyền thanh xã Tả Van")
    assert outlet.token and outlet.channel_codes == ["loudspeaker"]
    client.force_login(journalist)
    assert client.get("/admin/snippets/syndication/outlet/add/").status_code in (302, 403)


def test_outlet_listing_counts_pulls_and_airings(client, superuser, radio_story, radio_outlet):
    for _ in range(3):
        client.get(f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    client.post(f"/radio/confirm/{airing_token(radio_outlet.pk, radio_story.pk)}/")
    outlet = Outlet.objects.with_activity().get(pk=radio_outlet.pk)
    assert (outlet.recent_pulls, outlet.airing_count) == (3, 1)
    FeedPull.objects.update(pulled_at=timezone.now() - timedelta(days=8))
    assert Outlet.objects.with_activity().get(pk=radio_outlet.pk).recent_pulls == 0
    client.force_login(superuser)
    page = client.get("/admin/snippets/syndication/outlet/").content.decode()
    assert "Lượt lấy tin (7 ngày)" in page and radio_outlet.name in page
