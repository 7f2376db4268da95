"""Localities and the site settings moved from lantoa to core without moving a row.

core/0001 and the apps' state-only migrations change Django's state, not the tables: a database
migrated on the old layout keeps its rows, and the groups keep their permissions, because the
content types are renamed rather than created anew.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from core import roles
from core.models import Locality, SiteSettings

BEFORE_THE_MOVE = [
    ("lantoa", "0008_vi_sort_key_in_one_expression"),
    ("stories", "0006_vietnamese_inline_names"),
    ("campaigns", "0007_merge_corrections_ordering"),
    ("syndication", "0005_backfill_deliveries"),
]


def content_type_labels() -> list[tuple[str, str]]:
    ContentType.objects.clear_cache()
    return sorted(
        ContentType.objects.filter(model__in=["locality", "sitesettings"]).values_list(
            "app_label", "model"
        )
    )


@pytest.mark.django_db
def test_the_tables_keep_their_names_and_the_groups_their_permissions(journalist, campaign_officer):
    assert Locality._meta.db_table == "lantoa_locality"
    assert SiteSettings._meta.db_table == "lantoa_sitesettings"
    assert content_type_labels() == [("core", "locality"), ("core", "sitesettings")]
    assert journalist.has_perm("core.view_locality")
    assert not journalist.has_perm("core.add_locality")
    assert campaign_officer.has_perm("core.add_locality")
    assert campaign_officer.has_perm("core.change_locality")
    chief = Group.objects.get(name=roles.EDITOR_IN_CHIEF)
    assert chief.permissions.filter(
        content_type__app_label="core", codename="change_sitesettings"
    ).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_written_before_the_move_are_kept():
    call_command("migrate", "core", "zero", verbosity=0)  # back to the old layout
    try:
        labels = content_type_labels()
        assert ("lantoa", "locality") in labels and ("lantoa", "sitesettings") in labels
        old = MigrationExecutor(connection).loader.project_state(BEFORE_THE_MOVE, at_end=True)
        OldLocality = old.apps.get_model("lantoa", "Locality")
        OldSettings = old.apps.get_model("lantoa", "SiteSettings")
        province = OldLocality.objects.create(name="Tỉnh Sơn Hà", level="province")
        OldLocality.objects.create(name="Huyện Mường Khoa", level="district", parent=province)
        site_id = Site.objects.get(is_default_site=True).pk
        OldSettings.objects.update_or_create(
            site_id=site_id, defaults={"tagline": "Khẩu hiệu trước khi chuyển"}
        )
        officer = Group.objects.get(name=roles.CAMPAIGN_OFFICER)
        assert officer.permissions.filter(
            content_type__app_label="lantoa", codename="add_locality"
        ).exists()
    finally:
        call_command("migrate", verbosity=0)

    assert content_type_labels() == [("core", "locality"), ("core", "sitesettings")]
    district = Locality.objects.select_related("parent").get(name="Huyện Mường Khoa")
    assert district.parent.name == "Tỉnh Sơn Hà"
    assert str(district) == "Huyện Mường Khoa, Tỉnh Sơn Hà"
    assert SiteSettings.objects.get(site_id=site_id).tagline == "Khẩu hiệu trước khi chuyển"
    officer = Group.objects.get(name=roles.CAMPAIGN_OFFICER)
    assert officer.permissions.filter(
        content_type__app_label="core", codename="add_locality"
    ).exists()
