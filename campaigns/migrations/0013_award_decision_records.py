"""Recognitions recorded a decision's number and date; each distinct (number, date) becomes an
award decision record, and its recognitions point to it. The recognitions keep their number
and date, so nothing saved is lost (reversing unlinks and removes the records made here).
Campaign officers and administrators keep decisions; the newsroom reads them."""

from django.db import migrations

from core import roles

_KEEP = [f"{action}_awarddecision" for action in ("add", "change", "delete", "view")]
GRANTS = {
    roles.CAMPAIGN_OFFICER: _KEEP,
    roles.ADMINISTRATOR: _KEEP,
    roles.EDITOR_IN_CHIEF: ["view_awarddecision"],
    roles.EDITOR: ["view_awarddecision"],
    roles.JOURNALIST: ["view_awarddecision"],
}


def group_recognitions(apps, schema_editor):
    Recognition = apps.get_model("campaigns", "Recognition")
    AwardDecision = apps.get_model("campaigns", "AwardDecision")
    groups: dict[tuple, list] = {}
    for recognition in Recognition.objects.select_related("participation__campaign").order_by("pk"):
        key = (recognition.decision_number.strip(), recognition.decision_date)
        groups.setdefault(key, []).append(recognition)
    for (number, day), recognitions in groups.items():
        first = recognitions[0]
        campaigns = {r.participation.campaign_id for r in recognitions}
        decision, _created = AwardDecision.objects.get_or_create(
            number=number,
            decision_date=day,
            defaults={
                "issuer": first.participation.campaign.issuing_body,
                "form": first.form,
                "level": first.level,
                "campaign_id": first.participation.campaign_id if len(campaigns) == 1 else None,
            },
        )
        decision.exemplars.add(*{r.participation.exemplar_id for r in recognitions})
        Recognition.objects.filter(pk__in=[r.pk for r in recognitions]).update(decision=decision)


def ungroup(apps, schema_editor):
    Recognition = apps.get_model("campaigns", "Recognition")
    AwardDecision = apps.get_model("campaigns", "AwardDecision")
    linked = set(Recognition.objects.exclude(decision=None).values_list("decision_id", flat=True))
    Recognition.objects.update(decision=None)
    AwardDecision.objects.filter(pk__in=linked, scan=None).delete()


def grant(apps, schema_editor):
    roles.grant_app_permissions(apps, "campaigns", GRANTS)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0012_award_decisions")]

    operations = [
        migrations.RunPython(group_recognitions, ungroup),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
