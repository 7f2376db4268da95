"""`manage.py load_demo`: what it promises, that every page renders, and that it is idempotent."""

import io
import re
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from campaigns.models import (
    ExemplarIndexPage,
    ExemplarPage,
    LegalDocumentIndexPage,
    LegalDocumentPage,
)
from core import roles
from core.models import Locality, SiteSettings
from lantoa.demo import builder
from lantoa.demo.content import load
from lantoa.models import HomeFeaturedStory, HomePage
from media_pipeline.models import LanToaImage
from stories.models import (
    Author,
    ColumnIndexPage,
    SeriesIndexPage,
    SeriesPage,
    StoryAuthor,
    StoryCorrection,
    StoryExemplar,
    StoryPage,
    StoryRelatedLink,
    StoryTag,
)
from syndication.models import Outlet
from vietnamese.text import fold

SAMPLES = Path(settings.BASE_DIR).parent / "shared" / "samples" / "legacy-articles"
USERNAMES = ["admin", "phongvien", "bientap", "lanhdao", "thidua"]

# What the command promises to build on a fresh database.
PROMISED = {
    "columns": 4,
    "series": 1,
    "series_parts": 3,
    "stories": 13,
    "exemplars": 8,
    "legal_documents": 2,
    "document_files": 2,
    "localities": 11,
    "users": 5,
    "authors": 5,
    "images": 27,
    "featured": 3,
    "corrections": 1,
    "outlets": 3,
}


def load_demo(**options) -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo_output(demo_rendered, db) -> str:
    """What `load_demo` printed on a fresh database; the demo is loaded and its pages rendered
    once for this file (tests/conftest.py), each test rolls its own changes back. The tests
    that need an empty database are in test_demo_fresh.py."""
    return demo_rendered


def counts() -> dict[str, int]:
    return {
        "columns": ColumnIndexPage.objects.count(),
        "series": SeriesPage.objects.count(),
        "series_parts": StoryPage.objects.filter(series__isnull=False).count(),
        "stories": StoryPage.objects.count(),
        "exemplars": ExemplarPage.objects.count(),
        "legal_documents": LegalDocumentPage.objects.count(),
        "document_files": get_document_model().objects.count(),
        "localities": Locality.objects.count(),
        "users": User.objects.count(),
        "authors": Author.objects.count(),
        "images": LanToaImage.objects.count(),
        "featured": HomeFeaturedStory.objects.count(),
        "corrections": StoryCorrection.objects.count(),
        "outlets": Outlet.objects.count(),
    }


def everything_else() -> dict[str, int]:
    """Rows a careless second run would duplicate without changing the headline counts."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "tags": StoryTag.objects.count(),
        "story_authors": StoryAuthor.objects.count(),
        "story_exemplars": StoryExemplar.objects.count(),
        "related_links": StoryRelatedLink.objects.count(),
        "site_settings": SiteSettings.objects.count(),
        "user_groups": User.groups.through.objects.count(),
    }


# --- What is built -------------------------------------------------------------------------


def test_builds_the_promised_counts(demo_output):
    assert counts() == PROMISED
    assert len(load().stories) == PROMISED["stories"]
    assert len(load().exemplars) == PROMISED["exemplars"]
    assert SeriesIndexPage.objects.count() == 1
    assert ExemplarIndexPage.objects.count() == 1
    assert LegalDocumentIndexPage.objects.count() == 1


def test_columns_and_index_pages_hang_under_the_home_page(demo_output):
    home = HomePage.objects.get()
    titles = set(ColumnIndexPage.objects.child_of(home).values_list("title", flat=True))
    assert {"Gương sáng đời thường", "Người tốt việc tốt", "Điển hình tiên tiến"} <= titles
    for column in ColumnIndexPage.objects.all():
        assert column.intro, column.title
        assert column.show_in_menus
        assert StoryPage.objects.child_of(column).live().count() >= 3, column.title
    assert SeriesIndexPage.objects.child_of(home).get().title == "Loạt bài"


def test_localities_form_one_fictional_province(demo_output):
    province = Locality.objects.get(level=Locality.Level.PROVINCE)
    assert province.name == load().province
    assert Locality.objects.filter(level=Locality.Level.DISTRICT, parent=province).count() == 3
    communes = Locality.objects.filter(level=Locality.Level.COMMUNE)
    assert communes.count() == 7
    assert all(commune.lineage()[0] == province for commune in communes)


def test_stories_are_complete_and_spread_over_time(demo_output):
    stories = list(StoryPage.objects.all())
    for story in stories:
        assert story.live and not story.has_unpublished_changes, story.title
        assert story.sapo and story.hero_image_id and story.locality_id, story.title
        assert len([b for b in story.body if b.block_type == "paragraph"]) >= 3, story.title
        assert story.story_authors.exists(), story.title
        assert story.tags.exists(), story.title
        assert story.channels.exists(), story.title
        assert story.live_revision_id is not None, story.title
    assert len({story.publication_date.date() for story in stories}) == len(stories)
    block_types = {block.block_type for story in stories for block in story.body}
    assert {"paragraph", "image", "quote", "fact_box"} <= block_types
    assert sum(1 for story in stories if story.radio_script) >= 2
    assert StoryExemplar.objects.values("story").distinct().count() >= 6
    organisations = set(Author.objects.values_list("organisation", flat=True))
    assert {person.organisation for person in load().authors} == organisations
    assert len(organisations) == 3
    assert set(StoryPage.channels.through.objects.values_list("channel__code", flat=True)) == {
        "newspaper",
        "radio_tv",
        "portal",
        "loudspeaker",
    }


def test_exemplars_mix_kinds_and_fields(demo_output):
    exemplars = list(ExemplarPage.objects.live())
    assert len({exemplar.kind for exemplar in exemplars}) == 4
    assert len({exemplar.field for exemplar in exemplars}) == len(exemplars)
    for exemplar in exemplars:
        assert exemplar.summary and exemplar.achievements and exemplar.photo_id, exemplar.title
        assert exemplar.locality is not None, exemplar.title


def test_legal_documents_carry_a_pdf(demo_output):
    types = set(LegalDocumentPage.objects.values_list("document_type", flat=True))
    assert types == {"plan", "decision"}
    for page in LegalDocumentPage.objects.live():
        assert page.number and page.issuing_body and page.signer and page.summary
        with page.document.open_file() as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-"), page.number
        assert data.rstrip().endswith(b"%%EOF"), page.number


def test_home_page_features_demo_stories_and_settings_are_filled(demo_output):
    home = HomePage.objects.get()
    featured = [link.story.title for link in home.featured_stories.all()]
    titles = {spec.key: spec.title for spec in load().stories}
    assert featured == [titles[key] for key in load().featured_stories]
    assert home.intro
    site_settings = SiteSettings.objects.get()
    assert site_settings.tagline == load().site_settings.tagline
    assert site_settings.publisher == load().site_settings.publisher
    assert "dữ liệu minh họa" in site_settings.footer_text
    assert site_settings.default_share_image is not None
    site = home.get_site()
    assert site.is_default_site
    assert site.root_url == "http://127.0.0.1:8000"


def test_images_are_real_jpeg_files_with_alt_text_and_credit(demo_output):
    for image in LanToaImage.objects.all():
        with image.open_file() as handle:
            picture = PILImage.open(handle)
            picture.load()
        assert picture.format == "JPEG", image.title
        assert picture.size == (image.width, image.height), image.title
        assert image.width >= 900 and image.height >= 600, image.title
        assert image.description and image.credit, image.title


# --- Users ---------------------------------------------------------------------------------


def test_one_demo_user_per_group_with_the_demo_password(demo_output):
    users = {user.username: user for user in User.objects.all()}
    assert sorted(users) == sorted(USERNAMES)
    for name in USERNAMES:
        assert users[name].check_password(builder.DEFAULT_PASSWORD), name
    expected_groups = {
        "admin": roles.ADMINISTRATOR,
        "phongvien": roles.JOURNALIST,
        "bientap": roles.EDITOR,
        "lanhdao": roles.EDITOR_IN_CHIEF,
        "thidua": roles.CAMPAIGN_OFFICER,
    }
    for name, group in expected_groups.items():
        assert list(users[name].groups.values_list("name", flat=True)) == [group]
    assert users["admin"].is_superuser
    assert not any(users[name].is_superuser for name in USERNAMES if name != "admin")
    assert {"phongvien", "bientap", "lanhdao"} <= set(
        Author.objects.filter(user__isnull=False).values_list("user__username", flat=True)
    )


def test_existing_passwords_survive_unless_reset(demo_output):
    user = User.objects.get(username="bientap")
    user.set_password("mat-khau-rieng")
    user.save()

    output = load_demo()
    user.refresh_from_db()
    assert user.check_password("mat-khau-rieng")
    assert "--reset-passwords" in output

    load_demo(reset_passwords=True)
    user.refresh_from_db()
    assert user.check_password(builder.DEFAULT_PASSWORD)


# --- Output --------------------------------------------------------------------------------


def test_output_shows_where_to_go_and_how_to_log_in(demo_output):
    assert "http://127.0.0.1:8000/" in demo_output
    assert "http://127.0.0.1:8000/admin/" in demo_output
    assert re.search(r"admin\s+/ lantoa-demo / Quản trị hệ thống", demo_output)
    for name in USERNAMES:
        assert re.search(rf"^\s+{name}\s+/ lantoa-demo / ", demo_output, re.MULTILINE), name
    assert "Bài viết: 13" in demo_output


# --- Idempotence and atomicity ---------------------------------------------------------------


def test_second_run_changes_nothing(demo_output):
    before, before_rest = counts(), everything_else()
    passwords = dict(User.objects.values_list("username", "password"))
    latest = dict(Page.objects.values_list("pk", "latest_revision_id"))

    output = load_demo()

    assert counts() == before == PROMISED
    assert everything_else() == before_rest
    assert dict(User.objects.values_list("username", "password")) == passwords
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == latest
    assert "tạo mới 1)" not in output and "Bài viết: 13 (tạo mới 0)" in output


def test_editors_changes_are_kept(demo_output):
    site_settings = SiteSettings.objects.get()
    site_settings.tagline = "Khẩu hiệu do tòa soạn tự đặt"
    site_settings.save()
    story = StoryPage.objects.get(slug="ba-nguoi-tre-ve-ban-lam-man-say")
    story.unpublish()

    load_demo(verbosity=0)

    assert SiteSettings.objects.get().tagline == "Khẩu hiệu do tòa soạn tự đặt"
    story.refresh_from_db()
    assert not story.live
    assert StoryPage.objects.count() == PROMISED["stories"]


# --- Rendering -----------------------------------------------------------------------------


def test_every_story_renders(demo_output, client):
    for story in StoryPage.objects.live():
        response = client.get(story.url)
        assert response.status_code == 200, story.url
        html = response.content.decode()
        assert story.title in html, story.url
        assert story.sapo in html, story.url


def test_series_parts_are_in_order_and_render(demo_output, client):
    series = SeriesPage.objects.get()
    parts = list(series.parts())
    assert [part.part_number for part in parts] == [1, 2, 3]
    expected = [
        spec.title
        for spec in sorted(
            (spec for spec in load().stories if spec.part_number),
            key=lambda spec: spec.part_number,
        )
    ]
    assert [part.title for part in parts] == expected
    assert len({part.get_parent().pk for part in parts}) > 1  # parts live in their columns

    response = client.get(series.url)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.find(title) for title in expected]
    assert -1 not in positions and positions == sorted(positions)


def test_exemplar_pages_render_and_list_their_stories(demo_output, client):
    for exemplar in ExemplarPage.objects.live():
        stories = StoryPage.objects.live().filter(exemplar_links__exemplar=exemplar)
        assert stories.exists(), exemplar.title
        response = client.get(exemplar.url)
        assert response.status_code == 200, exemplar.url
        html = response.content.decode()
        for story in stories:
            assert story.title in html, (exemplar.title, story.title)


def test_index_pages_and_documents_render(demo_output, client):
    urls = ["/"]
    for model in (ColumnIndexPage, SeriesIndexPage, ExemplarIndexPage, LegalDocumentIndexPage):
        urls += [page.url for page in model.objects.live()]
    urls += [page.url for page in LegalDocumentPage.objects.live()]
    for url in urls:
        assert client.get(url).status_code == 200, url

    document = LegalDocumentPage.objects.first().document
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


# --- Originality ---------------------------------------------------------------------------


def _sentences(text: str) -> set[str]:
    """Sentences of four words or more, compared case- and spacing-insensitively."""
    text = unicodedata.normalize("NFC", text)
    found = set()
    for piece in re.split(r"(?<=[.!?…])\s+|\n+", text):
        sentence = " ".join(piece.split()).strip(" .!?…“”\"'–-").casefold()
        if len(sentence.split()) >= 4:
            found.add(sentence)
    return found


def test_no_demo_sentence_is_copied_from_the_samples():
    if not SAMPLES.is_dir():
        pytest.skip(f"sample articles not found at {SAMPLES}")
    sample_text = "\n".join(path.read_text(encoding="utf-8") for path in SAMPLES.glob("*.txt"))
    sample_sentences = _sentences(sample_text)
    assert sample_sentences, "the sample folder has no readable sentences"

    demo_sentences = set()
    for text in load().iter_text():
        demo_sentences |= _sentences(text)
    assert len(demo_sentences) > 200
    assert demo_sentences.isdisjoint(sample_sentences), demo_sentences & sample_sentences
    # The province is invented: no sample mentions it.
    province = load().place_name
    assert fold(province) not in fold(sample_text)


def test_outlets_poll_their_feeds(demo_output, client):
    """A newcomer can open each demo outlet's feed; private ones need their token."""
    radio = Outlet.objects.get(kind="radio")
    assert radio.token and radio.is_radio
    assert client.get(f"/feeds/outlet/{radio.pk}/radio.rss").status_code == 403
    response = client.get(f"/feeds/outlet/{radio.pk}/radio.rss", {"token": radio.token})
    assert response.status_code == 200
    assert b"<item>" in response.content
    newspaper = Outlet.objects.get(kind="newspaper")
    assert not newspaper.token
    assert b"<item>" in client.get(f"/feeds/outlet/{newspaper.pk}.rss").content


# Long: started first so the workers end together (tests/conftest.py).
pytestmark = pytest.mark.slow
