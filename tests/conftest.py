"""Shared fixtures: a real site tree, real images and real users in the newsroom's groups."""

import io
import itertools

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Site

from campaigns.models import ExemplarIndexPage, LegalDocumentIndexPage
from core import roles
from lantoa.models import HomePage
from media_pipeline.models import LanToaImage
from stories.models import ColumnIndexPage, SeriesIndexPage, StoryPage

_counter = itertools.count(1)


def flushes_database(item: pytest.Item) -> bool:
    """Tests that end by flushing the database (a live server or `transaction=True`): the flush
    also wipes what the data migrations made (home page, groups, site), so every test that the
    same process runs after them would fail. pytest-django runs them last in one process;
    under xdist a worker would go on with other files, so `make test` runs them in a phase of
    their own (marker `transactional`)."""
    fixtures = getattr(item, "fixturenames", ())
    if "live_server" in fixtures or "transactional_db" in fixtures:
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Marks the flushing tests before `-m` selects (hence tryfirst), and puts the files with
    slow tests first so the xdist workers end together."""
    slow_files = set()
    for item in items:
        if flushes_database(item):
            item.add_marker(pytest.mark.transactional)
        if item.get_closest_marker("slow"):
            slow_files.add(item.path)
    # Whole files move (module fixtures stay set up once); sort() keeps the order within them.
    # A test that reloads the serialised database (serialized_rollback) runs before any flush:
    # a flush's post_migrate makes the content types again under new ids, which the reload
    # then collides with.
    items.sort(
        key=lambda item: (
            flushes_database(item),
            not _reloads_serialized_data(item),
            item.path not in slow_files,
        )
    )


def _reloads_serialized_data(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: what a rolled-back test cached must not leak (feeds,
    outlet directory, delivery marks, menus)."""
    cache.clear()
    yield


@pytest.fixture
def no_page_cache(settings):
    """For tests that measure or inspect a page's own rendering (queries, templates), cold:
    neither the page cache nor the route cache (core.routecache) answers."""
    settings.PAGE_CACHE_ENABLED = False
    settings.ROUTE_CACHE_ENABLED = False


def make_image(title: str = "Ảnh thử", color: str = "#2a6f97", size=(64, 48)) -> LanToaImage:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="JPEG")
    buffer.seek(0)
    return LanToaImage.objects.create(
        title=title, file=ImageFile(buffer, name=f"test-{next(_counter)}.jpg")
    )


@pytest.fixture
def image(db) -> LanToaImage:
    return make_image()


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def site(home) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def column(home) -> ColumnIndexPage:
    page = ColumnIndexPage(title="Gương sáng đời thường")
    home.add_child(instance=page)
    return page


@pytest.fixture
def series_index(home) -> SeriesIndexPage:
    page = SeriesIndexPage(title="Loạt bài")
    home.add_child(instance=page)
    return page


@pytest.fixture
def exemplar_index(home) -> ExemplarIndexPage:
    page = ExemplarIndexPage(title="Gương điển hình tiên tiến")
    home.add_child(instance=page)
    return page


@pytest.fixture
def document_index(home) -> LegalDocumentIndexPage:
    page = LegalDocumentIndexPage(title="Văn bản chỉ đạo")
    home.add_child(instance=page)
    return page


@pytest.fixture
def make_story(column, image):
    """Creates a published story under `column` (or `parent=`); pass live=False for a draft."""

    def _make(title: str | None = None, *, parent=None, live: bool = True, **fields) -> StoryPage:
        fields.setdefault("sapo", "Một câu chuyện đẹp về người tốt việc tốt ở địa phương.")
        fields.setdefault("hero_image", image)
        fields.setdefault(
            "body",
            [("paragraph", "<p>Anh là người đầu tiên trong xã trồng bưởi theo hướng hữu cơ.</p>")],
        )
        story = StoryPage(title=title or f"Bài viết số {next(_counter)}", live=live, **fields)
        (parent or column).add_child(instance=story)
        revision = story.save_revision()
        if live:
            revision.publish()
            story.refresh_from_db()
        return story

    return _make


def _user_in(group_name: str | None, username: str, **extra) -> User:
    user = User.objects.create_user(username=username, password="mat-khau-thu", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def journalist(db) -> User:
    return _user_in(roles.JOURNALIST, "phongvien")


@pytest.fixture
def editor(db) -> User:
    return _user_in(roles.EDITOR, "bientap")


@pytest.fixture
def editor_in_chief(db) -> User:
    return _user_in(roles.EDITOR_IN_CHIEF, "lanhdao")


@pytest.fixture
def campaign_officer(db) -> User:
    return _user_in(roles.CAMPAIGN_OFFICER, "thidua")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("quantri", password="mat-khau-thu")
