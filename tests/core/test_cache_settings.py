"""CACHE_URL → CACHES, the embedded default's place, and the generation's guarantees."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from core import cache as site_cache
from lantoa.settings import cache_from_url

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = Path("/srv/lantoa/cache")


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("", "core.backends.DiskCache", str(DEFAULT_DIR)),
        ("diskcache:///var/cache/lantoa", "core.backends.DiskCache", "/var/cache/lantoa"),
        (
            "redis://127.0.0.1:6379/2",
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/2",
        ),
        (
            "rediss://:secret@cache.internal:6380/0",
            "django.core.cache.backends.redis.RedisCache",
            "rediss://:secret@cache.internal:6380/0",
        ),
        (
            "unix:///run/redis/redis.sock?db=1",
            "django.core.cache.backends.redis.RedisCache",
            "unix:///run/redis/redis.sock?db=1",
        ),
        (
            "memcached://10.0.0.5:11211",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            "10.0.0.5:11211",
        ),
        ("db://", "django.core.cache.backends.db.DatabaseCache", "lantoa_cache"),
        (
            "file:///tmp/lantoa-cache",
            "django.core.cache.backends.filebased.FileBasedCache",
            "/tmp/lantoa-cache",
        ),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", None),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache", None),
    ],
)
def test_cache_url_names_the_backend(url, backend, location):
    config = cache_from_url(url, DEFAULT_DIR)
    assert config["BACKEND"] == backend
    assert config.get("LOCATION") == location


@pytest.mark.parametrize("url", ["mysql://localhost/cache", "file://", "redis"])
def test_an_unknown_cache_url_stops_the_start_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_from_url(url, DEFAULT_DIR)


def _production_caches(**env) -> str:
    """settings.CACHES as the production settings compute them in a fresh interpreter."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CACHE")}
    code = "import lantoa.settings as s; print(s.CACHES['default'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_default_cache_lives_beside_the_sqlite_database(tmp_path):
    """So a test, benchmark or e2e database never reads another site's cached pages."""
    caches = _production_caches(DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}")
    assert "core.backends.DiskCache" in caches
    assert f"{tmp_path / 'site.sqlite3'}-cache" in caches
    assert "'KEY_PREFIX': 'lantoa'" in caches


def test_cache_dir_and_prefix_come_from_the_environment(tmp_path):
    caches = _production_caches(
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        CACHE_DIR=str(tmp_path / "shared"),
        CACHE_KEY_PREFIX="tinh-a",
    )
    assert str(tmp_path / "shared") in caches and "'KEY_PREFIX': 'tinh-a'" in caches


def test_a_lost_generation_counter_restarts_above_every_number_used_before():
    """An evicted counter must not come back as 1 and revive entries of an old generation."""
    first = site_cache.read_generation()
    site_cache.site_changed()
    bumped = site_cache.read_generation()
    assert bumped > first
    cache.delete(site_cache.GENERATION_KEY)
    assert site_cache.read_generation() > bumped


def test_remember_builds_once_per_generation():
    calls = []

    def build():
        calls.append(1)
        return len(calls)

    assert site_cache.remember("test:built", build) == 1
    assert site_cache.remember("test:built", build) == 1
    site_cache.site_changed()
    assert site_cache.remember("test:built", build) == 2


def test_a_change_inside_a_transaction_bumps_again_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    """A process that rendered between the first bump and the commit stored old rows under
    the new number: the bump after the commit retires them."""
    start = site_cache.read_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        site_cache.site_changed()
        site_cache.site_changed()
        assert site_cache.read_generation() == start + 2
    assert len(callbacks) == 1  # one bump after the commit, however many changes
    assert site_cache.read_generation() == start + 3
