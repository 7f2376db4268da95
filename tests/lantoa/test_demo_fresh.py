"""`manage.py load_demo` on an empty database: the password options, a quiet run, and a failure
that leaves nothing half built (test_demo.py shares one loaded demo between its tests)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from wagtail.models import Page

from core.models import Locality
from lantoa.demo import builder
from media_pipeline.models import LanToaImage
from stories.models import StoryPage
from tests.lantoa.test_demo import PROMISED, load_demo


def test_password_comes_from_the_option_then_the_environment(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "mat-khau-moi-truong")
    load_demo(verbosity=0)
    assert User.objects.get(username="phongvien").check_password("mat-khau-moi-truong")

    output = load_demo(password="mat-khau-tuy-chon", reset_passwords=True)
    assert User.objects.get(username="admin").check_password("mat-khau-tuy-chon")
    assert "mat-khau-tuy-chon" in output


def test_verbosity_zero_is_quiet(db):
    assert load_demo(verbosity=0) == ""
    assert StoryPage.objects.count() == PROMISED["stories"]


def _media_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_a_failure_leaves_nothing_half_built(db, monkeypatch):
    pages_before = Page.objects.count()
    files_before = _media_files()

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(builder, "ensure_home", broken)
    with pytest.raises(RuntimeError):
        load_demo(verbosity=0)

    assert Page.objects.count() == pages_before
    assert not StoryPage.objects.exists()
    assert not Locality.objects.exists()
    assert not User.objects.exists()
    assert not LanToaImage.objects.exists()
    assert _media_files() == files_before  # the drawn pictures and PDFs were removed too


# Each test loads the demo: started first so the workers end together (tests/conftest.py).
pytestmark = pytest.mark.slow
