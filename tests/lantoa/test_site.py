"""Site-wide behaviour: robots, sitemap, error pages, dates, privacy and scheduled publishing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone
from wagtail.models import PageViewRestriction

from lantoa.urls import urlpatterns as site_urlpatterns
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, make_story):
    live = make_story("Bài đã đăng")
    draft = make_story("Bài nháp", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert live.slug in xml
    assert draft.slug not in xml


def _boom(request):
    raise RuntimeError("database down")


urlpatterns = [path("boom/", _boom), *site_urlpatterns]
handler500 = "lantoa.views.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_friendly_500_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống đang gặp sự cố" in html
    assert "database down" not in html


def test_private_column_stays_private_and_out_of_listings(client, column, make_story):
    story = make_story("Bài trong chuyên mục nội bộ")
    assert client.get(story.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=column, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.all()[:1])

    response = client.get(story.url)
    assert response.status_code == 302 and "/login" in response["Location"]
    assert "Bài trong chuyên mục nội bộ" not in client.get("/").content.decode()
    assert "Bài trong chuyên mục nội bộ" not in client.get("/sitemap.xml").content.decode()

    restriction.delete()
    assert client.get(story.url).status_code == 200


def test_scheduled_story_goes_live_when_the_scheduler_runs(make_story):
    story = make_story("Bài hẹn giờ", live=False)
    story.go_live_at = timezone.now() + timedelta(hours=1)
    revision = story.save_revision()
    revision.publish()
    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision is not None
    call_command("run_scheduler", "--once", verbosity=0)
    assert not StoryPage.objects.get(pk=story.pk).live

    # An hour passes: the scheduled time is now in the past.
    revision.refresh_from_db()
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("run_scheduler", "--once", verbosity=0)
    assert StoryPage.objects.get(pk=story.pk).live


def test_menu_follows_publishing(client, home, column):
    column.show_in_menus = True
    column.save_revision().publish()
    assert f'href="{column.url}"' in client.get("/").content.decode()
    column.unpublish()
    assert f'href="{column.url}"' not in client.get("/").content.decode()
