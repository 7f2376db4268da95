"""Shared fixtures: a real site tree, real images and real users in the newsroom's groups."""

import fcntl
import io
import itertools
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connection, transaction
from PIL import Image as PILImage
from wagtail.models import Site

from campaigns.models import ExemplarIndexPage, LegalDocumentIndexPage
from core import roles
from lantoa.models import HomePage
from media_pipeline.models import LanToaImage
from stories.models import ColumnIndexPage, SeriesIndexPage, StoryPage
from tests.sites import environment, manage

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


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """A migrated SQLite file for the tests that run the project's own processes (copy it with
    `tests.sites.copy_database`, never write to it). On SQLite it is a copy of this worker's
    test database, which pytest-django has just migrated (the sqlite3 backup API, well under a
    second); on PostgreSQL the first xdist worker to need it runs `manage.py migrate` into a
    file the others wait for (a lock) and share. Either way no test migrates for itself: one
    `migrate` took 25–90 s."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            path = tmp_path_factory.mktemp("migrated") / "template.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            _check_migrated(path)
            return path
    # The parent of a worker's base folder is shared by every worker of the run.
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    folder = shared / "migrated-template"
    folder.mkdir(exist_ok=True)
    path = folder / "template.sqlite3"
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "done").exists():
            path.unlink(missing_ok=True)
            manage(environment(folder, path), "migrate", "--no-input", "-v", "0")
            (folder / "done").touch()
    _check_migrated(path)
    return path


def _check_migrated(path: Path) -> None:
    """A template copied after a flush (a `transactional` test) would lack what the data
    migrations made; every process test would then fail far from the cause."""
    with sqlite3.connect(path) as db:
        groups = db.execute("SELECT COUNT(*) FROM auth_group").fetchone()[0]
        homes = db.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth = 2").fetchone()[0]
    assert groups and homes, f"{path}: not a freshly migrated database (flushed before the copy?)"


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker) -> str:
    """The demo site (`manage.py load_demo`) loaded once for a whole test file, for the tests
    that only read it: inside a transaction that is rolled back when the file is done, so each
    test still rolls back to the fresh demo (its own savepoint) and the next file gets the
    database as migrated. Loading it takes 5–10 s; per test that was minutes per file. Gives
    what the command printed. A test file that also needs an empty database keeps those tests
    in a file of their own: the demo stays loaded until the file's last test."""
    out = io.StringIO()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=out)
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_rendered(demo_module, django_db_blocker) -> str:
    """`demo_module` with every live page rendered once, so the picture renditions (AVIF, WebP
    and JPEG in three sizes each, 15–20 s for the demo's images) are made once per file and not
    again in every test that renders pages: a test's renditions roll back with it. A page that
    fails to render fails here, in the set-up of each test that asks for it."""
    from django.test import Client, override_settings
    from wagtail.models import Page

    client = Client()
    uncached = override_settings(PAGE_CACHE_ENABLED=False, ROUTE_CACHE_ENABLED=False)
    with django_db_blocker.unblock(), uncached:
        for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
            client.get(page.url)
    cache.clear()
    return demo_module


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
