"""Deliveries from the records kept so far: airing confirmations, script downloads and pulls.

A feed pull (200/304) of an outlet's own feed is taken, as the old reach rule did, to deliver
every story meant for the outlet's channels that was published before the pull: the first
such pull is the first delivery, the last one the last. Pulls already pruned are gone; the
outlets they reached then are not recovered.
"""

from bisect import bisect_left

from django.db import migrations
from django.db.models import Max, Min

# Frozen copy of syndication.models.CHANNELS_FOR_KIND at the time of this migration.
CHANNELS_FOR_KIND = {
    "newspaper": ["newspaper"],
    "radio": ["radio_tv"],
    "television": ["radio_tv"],
    "portal": ["portal"],
    "loudspeaker": ["loudspeaker"],
}
PULLED = (200, 304)


def backfill(apps, schema_editor):
    Delivery = apps.get_model("syndication", "Delivery")
    FeedPull = apps.get_model("syndication", "FeedPull")
    AiringConfirmation = apps.get_model("syndication", "AiringConfirmation")
    Outlet = apps.get_model("syndication", "Outlet")
    StoryPage = apps.get_model("stories", "StoryPage")
    found: dict[tuple[int, int, str], list] = {}

    def add(outlet_id, story_id, kind, first, last):
        times = found.setdefault((outlet_id, story_id, kind), [first, last])
        times[0], times[1] = min(times[0], first), max(times[1], last)

    for outlet_id, story_id, at in AiringConfirmation.objects.values_list(
        "outlet_id", "story_id", "confirmed_at"
    ):
        add(outlet_id, story_id, "airing", at, at)

    published = dict(
        StoryPage.objects.filter(first_published_at__isnull=False).values_list(
            "pk", "first_published_at"
        )
    )
    existing = set(StoryPage.objects.values_list("pk", flat=True))
    scripts = (
        FeedPull.objects.filter(feed__startswith="script:", status__in=PULLED, outlet__isnull=False)
        .values("outlet_id", "feed")
        .annotate(first=Min("pulled_at"), last=Max("pulled_at"))
    )
    for row in scripts:
        ident = row["feed"].split(":", 1)[1]
        if ident.isdigit() and int(ident) in existing:
            add(row["outlet_id"], int(ident), "script", row["first"], row["last"])

    codes_of: dict[int, set[str]] = {}
    through = StoryPage.channels.through
    for story_id, code in through.objects.values_list("storypage_id", "channel__code"):
        codes_of.setdefault(story_id, set()).add(code)
    for outlet in Outlet.objects.all():
        codes = set(CHANNELS_FOR_KIND.get(outlet.kind, []))
        pulls = sorted(
            FeedPull.objects.filter(
                outlet_id=outlet.pk,
                feed__in=[f"outlet:{outlet.pk}", f"radio:{outlet.pk}"],
                status__in=PULLED,
            ).values_list("pulled_at", flat=True)
        )
        if not pulls:
            continue
        for story_id, story_codes in codes_of.items():
            since = published.get(story_id)
            if since is None or not codes & story_codes:
                continue
            index = bisect_left(pulls, since)
            if index < len(pulls):
                add(outlet.pk, story_id, "feed", pulls[index], pulls[-1])

    Delivery.objects.bulk_create(
        [
            Delivery(
                outlet_id=outlet_id,
                story_id=story_id,
                kind=kind,
                first_reached_at=first,
                last_reached_at=last,
            )
            for (outlet_id, story_id, kind), (first, last) in found.items()
        ],
        batch_size=500,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("syndication", "0004_deliveries"), ("stories", "0003_pronunciation_notes")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
