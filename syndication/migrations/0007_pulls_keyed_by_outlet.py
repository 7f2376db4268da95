"""Pulls of an outlet's own feeds were keyed by strings such as "outlet:5" and "radio:5"; the
outlet is the foreign key, so they become "outlet" and "radio" with the outlet set (rows
whose outlet was cleared get it back when the outlet still exists). Pulls of an outlet since
deleted keep their old key: no outlet row is left to point at. Two updates per outlet."""

from django.db import migrations

OUTLET_SCOPES = ("outlet", "radio")


def key_by_outlet(apps, schema_editor):
    FeedPull = apps.get_model("syndication", "FeedPull")
    Outlet = apps.get_model("syndication", "Outlet")
    for outlet_id in Outlet.objects.values_list("pk", flat=True):
        for scope in OUTLET_SCOPES:
            FeedPull.objects.filter(feed=f"{scope}:{outlet_id}").update(
                feed=scope, outlet_id=outlet_id
            )


def key_by_string(apps, schema_editor):
    FeedPull = apps.get_model("syndication", "FeedPull")
    Outlet = apps.get_model("syndication", "Outlet")
    for outlet_id in Outlet.objects.values_list("pk", flat=True):
        for scope in OUTLET_SCOPES:
            FeedPull.objects.filter(feed=scope, outlet_id=outlet_id).update(
                feed=f"{scope}:{outlet_id}"
            )


class Migration(migrations.Migration):
    dependencies = [("syndication", "0006_locality_in_core")]

    operations = [migrations.RunPython(key_by_outlet, key_by_string)]
