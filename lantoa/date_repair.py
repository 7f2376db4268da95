"""Dates stored with day and month swapped, and their repair (`manage.py repair_swapped_dates`).

Before `core.formats`, admin forms read dates month first (Django's global defaults) while
the pickers wrote and showed them day first. So a date typed with a day up to 12 was stored
swapped (05/11 → 11 May), a day above 12 was refused, and every untouched save of a form that
held such a date swapped it again: the form showed the stored value day first and read it back
month first. This module finds values that were probably stored that way and proposes the
other reading; nothing changes until an operator applies a candidate.

What counts as evidence, strongest first (docs/operations.md says it for operators):

- ``certain`` — pages: the revision history replays exactly how the old form read each save.
  A value that first appears in a user's revision saved before the fix was typed day first
  and stored swapped; a later revision holding the swap of the previous value is an
  untouched re-save. Replaying gives the value the user meant.
- ``likely`` — a stage event or an award decision dated after it was recorded (a stage
  change or a decision is recorded after it happens) while the other reading is not; a
  campaign whose period leaves out some of its own stage events and awards while the other
  reading of one bound takes them all in.
- ``possible`` — a stage event whose other reading lies close to the day it was recorded
  while the stored day is far from it; a campaign start whose other reading is the first of
  a month.

Only values that went through an admin form are considered: page revisions with a user, and
snippets (campaigns, participations) with an admin log entry by a user, before the cut-off
(when `campaigns.0006_stage_event_corrections` was applied, i.e. when this fix was deployed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, Revision
from wagtail.signals import page_published

from campaigns.models import Campaign, Participation, Recognition, StageEvent

logger = logging.getLogger("lantoa.date_repair")

CERTAIN, LIKELY, POSSIBLE = "certain", "likely", "possible"
CONFIDENCE_ORDER = {CERTAIN: 0, LIKELY: 1, POSSIBLE: 2}
REPAIRED_ACTION = "lantoa.date_repaired"
FIX_MIGRATION = ("campaigns", "0006_stage_event_corrections")
REPAIR_REASON = "Sửa ngày bị đảo ngày và tháng khi nhập (lệnh repair_swapped_dates)"
# A stage event's other reading this close to the day it was recorded, the stored day farther.
NEAR_DAYS = 45
# How far apart a snippet's admin log entry and a stage event recorded by that save may be.
SAVE_WINDOW = timedelta(minutes=2)

Value = date | datetime


def confidence_label(confidence: str) -> str:
    return {CERTAIN: _("certain"), LIKELY: _("likely"), POSSIBLE: _("possible")}[confidence]


def show(value: Value | None, tz: tzinfo | None = None) -> str:
    """A value the way the admin shows it (dd/mm/yyyy, with HH:MM for a moment)."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value, tz):%d/%m/%Y %H:%M}"
    return f"{value:%d/%m/%Y}"


def _local(value: Value, tz: tzinfo) -> Value:
    return timezone.localtime(value, tz) if isinstance(value, datetime) else value


def ambiguous(value: Value | None, tz: tzinfo) -> bool:
    """Whether a month-first reading of the shown value gives another valid date."""
    if value is None:
        return False
    local = _local(value, tz)
    return local.day <= 12 and local.day != local.month


def swap(value: Value, tz: tzinfo) -> Value:
    """Day and month exchanged, on the local date of a moment (time kept)."""
    local = _local(value, tz)
    swapped = local.replace(month=local.day, day=local.month)
    return swapped.astimezone(value.tzinfo) if isinstance(value, datetime) else swapped


def fix_cutoff() -> datetime:
    """When day-first input reached this site: the time its migration was applied."""
    recorder = MigrationRecorder(connection)
    applied = (
        recorder.migration_qs.filter(app=FIX_MIGRATION[0], name=FIX_MIGRATION[1])
        .values_list("applied", flat=True)
        .first()
    )
    return applied or timezone.now()


@dataclass
class Candidate:
    """One stored value that was probably swapped, with the evidence and how to fix it."""

    key: str
    label: str
    current: Value
    proposed: Value
    confidence: str
    evidence: list[str]
    warnings: list[str] = field(default_factory=list)
    tz: tzinfo | None = None
    fix: Callable[[], list[str]] | None = field(default=None, repr=False)

    def apply(self) -> list[str]:
        """Apply the fix; returns what was changed, one line per change."""
        lines = self.fix() if self.fix else []
        logger.info(
            "repaired %s: %s -> %s (%s)",
            self.key,
            show(self.current, self.tz),
            show(self.proposed, self.tz),
            self.confidence,
        )
        return lines


def find_candidates(
    *, cutoff: datetime | None = None, progress: Callable[[Iterable, int], Iterable] | None = None
) -> list[Candidate]:
    """Every candidate, most certain first. `progress(iterable, total)` wraps the long loops."""
    cutoff = cutoff or fix_cutoff()
    wrap = progress or (lambda iterable, total: iterable)
    zones = _user_zones()
    found = list(_page_candidates(cutoff, zones, wrap))
    found += _campaign_candidates(cutoff, wrap)
    found.sort(key=lambda c: (CONFIDENCE_ORDER[c.confidence], c.key))
    return found


def _user_zones() -> dict[int, tzinfo]:
    from wagtail.users.models import UserProfile

    default = ZoneInfo(settings.TIME_ZONE)
    zones: dict[int, tzinfo] = {}
    for user_id, name in UserProfile.objects.exclude(current_time_zone="").values_list(
        "user_id", "current_time_zone"
    ):
        try:
            zones[user_id] = ZoneInfo(name)
        except (KeyError, ValueError):
            zones[user_id] = default
    return zones


# --- Pages: replaying the revision history ---------------------------------------------------


@dataclass
class _Step:
    revision_id: int
    created_at: datetime
    user_id: int | None
    username: str
    value: Value | None


@dataclass
class _Replay:
    intended: list[Value | None]  # after each step
    typed_at: list[_Step | None]  # the step where the intended value was last typed swapped


def replay(
    steps: list[_Step], *, old_form: Callable[[_Step], bool], zone: Callable[[_Step], tzinfo]
) -> _Replay:
    """What the user meant after each revision, given how the old form read each save.

    A value new in a revision saved through the old form was typed day first and read month
    first: the user meant its swap. The swap of the previous value is an untouched re-save
    (the form showed the stored value and read it back swapped): the meaning is unchanged.
    Values from other saves (after the fix, or by code) are taken as they are.
    """
    intended: list[Value | None] = []
    typed_at: list[_Step | None] = []
    meant: Value | None = None
    typed: _Step | None = None
    previous: Value | None = None
    for index, step in enumerate(steps):
        value = step.value
        changed = index == 0 or value != previous
        if changed:
            tz = zone(step)
            if value is None:
                meant, typed = None, None
            elif not old_form(step) or not ambiguous(value, tz):
                meant, typed = value, None
            elif previous is not None and value == swap(previous, tz):
                pass  # an untouched re-save through the old form: the meaning stays
            else:
                meant, typed = swap(value, tz), step
        intended.append(meant)
        typed_at.append(typed)
        previous = value
    return _Replay(intended, typed_at)


@dataclass(frozen=True)
class _Tracked:
    """A date the page form edits: a page field, or a field of one inline child."""

    field: str
    is_datetime: bool
    relation: str = ""
    identity: tuple = ()  # the child's other form fields, which tell it apart

    def key_part(self, index: int | None) -> str:
        return f"{self.relation}.{index}.{self.field}" if self.relation else self.field


def _form_dates(model: type[Page]) -> tuple[list[tuple[str, bool]], dict[str, tuple]]:
    """The date fields of the page's editor form, and of its inline formsets.

    Returns (page fields, {relation: (child model, [(field, is_datetime)], [identity fields])}).
    """
    form_class = model.get_edit_handler().get_form_class()

    def dated(target: type[models.Model], names: Iterable[str]) -> list[tuple[str, bool]]:
        found = []
        for name in names:
            try:
                model_field = target._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, models.DateField):
                found.append((name, isinstance(model_field, models.DateTimeField)))
        return found

    own = dated(model, form_class.base_fields)
    children = {}
    for relation, formset in getattr(form_class, "formsets", {}).items():
        fields = dated(formset.model, formset.form.base_fields)
        if fields:
            names = {name for name, _is_datetime in fields}
            identity = [n for n in formset.form.base_fields if n not in names]
            children[relation] = (formset.model, fields, identity)
    return own, children


def _read(raw, is_datetime: bool) -> Value | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, (date, datetime)):
        return raw
    if is_datetime:
        value = parse_datetime(raw)
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value, ZoneInfo("UTC"))
        return value
    return parse_date(raw[:10])


def _children(content: dict, relation: str) -> list[dict]:
    items = content.get(relation) or []
    return [item for item in items if isinstance(item, dict)]


def _identity(item: dict, identity_fields: list[str]) -> tuple:
    return tuple((name, str(item.get(name, ""))) for name in identity_fields)


def _values(content: dict, tracked: _Tracked) -> Value | None:
    if not tracked.relation:
        return _read(content.get(tracked.field), tracked.is_datetime)
    for item in _children(content, tracked.relation):
        if tracked.identity == item["__identity__"]:
            return _read(item.get(tracked.field), tracked.is_datetime)
    return None


def _page_candidates(cutoff: datetime, zones: dict[int, tzinfo], wrap) -> Iterator[Candidate]:
    default = ZoneInfo(settings.TIME_ZONE)
    touched = (
        Revision.page_revisions.filter(user__isnull=False, created_at__lt=cutoff)
        .values_list("object_id", flat=True)
        .distinct()
    )
    page_ids = sorted({int(pk) for pk in touched})
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    shapes: dict[type, tuple] = {}
    for page_id in wrap(page_ids, len(page_ids)):
        page = pages.get(page_id)
        if page is None:
            continue
        model = type(page)
        if model not in shapes:
            shapes[model] = _form_dates(model)
        own, children = shapes[model]
        if not own and not children:
            continue
        yield from _candidates_for_page(page, own, children, cutoff, zones, default)


def _candidates_for_page(page, own, children, cutoff, zones, default) -> Iterator[Candidate]:
    revisions = list(
        Revision.page_revisions.filter(object_id=str(page.pk))
        .select_related("user")
        .order_by("created_at", "pk")
    )
    contents = []
    for revision in revisions:
        content = dict(revision.content or {})
        for relation, (_model, _fields, identity_fields) in children.items():
            content[relation] = [
                {**item, "__identity__": _identity(item, identity_fields)}
                for item in _children(content, relation)
            ]
        contents.append(content)
    latest_content = contents[-1] if contents else {}

    tracked: list[tuple[_Tracked, int | None]] = [
        (_Tracked(name, is_datetime), None) for name, is_datetime in own
    ]
    for relation, (_model, fields, _identity_fields) in children.items():
        for index, item in enumerate(_children(latest_content, relation)):
            for name, is_datetime in fields:
                tracked.append((_Tracked(name, is_datetime, relation, item["__identity__"]), index))

    def old_form(step: _Step) -> bool:
        return step.user_id is not None and step.created_at < cutoff

    def zone(step: _Step) -> tzinfo:
        return zones.get(step.user_id, default)

    live_index = next((i for i, r in enumerate(revisions) if r.pk == page.live_revision_id), None)
    for item, index in tracked:
        steps = [
            _Step(
                r.pk,
                r.created_at,
                r.user_id,
                r.user.get_username() if r.user else "",
                _values(content, item),
            )
            for r, content in zip(revisions, contents, strict=True)
        ]
        result = replay(steps, old_form=old_form, zone=zone)
        current, meant = steps[-1].value, result.intended[-1]
        if current is None or meant is None or current == meant:
            continue
        typed = result.typed_at[-1]
        tz = zone(typed) if typed else default
        later_saves = [s for s in steps if typed and s.created_at > typed.created_at]
        evidence = [
            _(
                "Revision #%(revision)s saved at %(at)s by %(user)s, while the form still read the "
                "month before the day, stored %(stored)s: the person typed %(typed)s."
            )
            % {
                "revision": typed.revision_id,
                "at": show(typed.created_at, tz),
                "user": typed.username or "?",
                "stored": show(typed.value, tz),
                "typed": show(swap(typed.value, tz), tz),
            }
        ]
        if later_saves:
            evidence.append(
                _(
                    "%(count)d saves followed; each save that did not correct it swapped the value "
                    "again."
                )
                % {"count": len(later_saves)}
            )
        live_fix = None
        if live_index is not None:
            live_value, live_meant = steps[live_index].value, result.intended[live_index]
            if live_value is not None and live_meant is not None and live_value != live_meant:
                live_fix = (live_value, live_meant)
        warnings = _page_warnings(page, item, meant, typed, revisions)
        key = f"page:{page.pk}:{item.key_part(index)}"
        label = _("%(type)s «%(title)s» (page %(id)s): %(field)s") % {
            "type": type(page)._meta.verbose_name,
            "title": page.get_admin_display_title(),
            "id": page.pk,
            "field": _field_label(type(page), item),
        }
        yield Candidate(
            key=key,
            label=label,
            current=current,
            proposed=meant,
            confidence=CERTAIN,
            evidence=evidence,
            warnings=warnings,
            tz=tz,
            fix=_page_fix(page.pk, item, current, meant, live_fix, key),
        )


def _field_label(model, item: _Tracked) -> str:
    if item.relation:
        child = model._meta.get_field(item.relation).related_model
        return f"{child._meta.verbose_name} — {child._meta.get_field(item.field).verbose_name}"
    return str(model._meta.get_field(item.field).verbose_name)


def _page_warnings(page, item: _Tracked, meant: Value, typed, revisions) -> list[str]:
    """What the fix leaves to people: a page published at once by a go-live read swapped into
    the past, and an older revision scheduled at a swapped time."""
    if item.field != "go_live_at" or item.relation or typed is None:
        return []
    warnings = []
    published = page.first_published_at
    if page.live and published and typed.created_at <= published < meant:
        warnings.append(
            _(
                "The page went live at %(published)s, before its correct go-live time "
                "(%(go_live)s): the command does not unpublish it; if the embargo must hold, "
                "unpublish it in the admin."
            )
            % {"published": show(published), "go_live": show(meant)}
        )
    for revision in revisions[:-1]:
        if revision.approved_go_live_at is not None:
            warnings.append(
                _(
                    "Revision #%(id)s is scheduled to publish at %(at)s; the command does not "
                    "change that schedule: reschedule it in the admin."
                )
                % {"id": revision.pk, "at": show(revision.approved_go_live_at)}
            )
    return warnings


def _set(obj, item: _Tracked, value: Value, expected: Value) -> bool:
    """Set the tracked value on a page object (or its matching child) if it still holds
    `expected`; returns whether it did."""
    if not item.relation:
        if getattr(obj, item.field) != expected:
            return False
        setattr(obj, item.field, value)
        return True
    identity_fields = [name for name, _value in item.identity]
    for child in getattr(obj, item.relation).all():
        seen = tuple((name, str(_form_value(child, name))) for name in identity_fields)
        if seen == item.identity and getattr(child, item.field) == expected:
            setattr(child, item.field, value)
            return True
    return False


def _form_value(obj, name: str):
    model_field = obj._meta.get_field(name)
    return model_field.value_from_object(obj) if model_field.concrete else getattr(obj, name)


def _page_fix(page_id, item: _Tracked, current, meant, live_fix, key) -> Callable[[], list[str]]:
    def fix() -> list[str]:
        done: list[str] = []
        published_again = None
        with transaction.atomic():
            page = Page.objects.select_for_update().get(pk=page_id).specific
            latest = page.latest_revision
            draft = latest.as_object()
            in_step = (
                page.live
                and page.live_revision_id == latest.pk
                and not page.has_unpublished_changes
            )
            if _set(draft, item, meant, current):
                approved = latest.approved_go_live_at
                if approved is not None and item.field == "go_live_at" and not item.relation:
                    approved = meant
                revision = draft.save_revision(
                    user=None, approved_go_live_at=approved, changed=False, clean=False
                )
                if latest.approved_go_live_at is not None:
                    Revision.objects.filter(pk=latest.pk).update(approved_go_live_at=None)
                if in_step:
                    Page.objects.filter(pk=page_id).update(live_revision=revision)
                done.append(_("new revision #%(id)s") % {"id": revision.pk})
            # A live page's row holds the live revision; a draft's row follows its latest one.
            row = live_fix if page.live else (current, meant)
            if row is not None and _fix_row(page, item, *row):
                done.append(_("the page's stored copy"))
                if page.live:
                    published_again = page
            if not done:
                raise ValidationError(
                    _("The value has changed since the list was made; run the command again.")
                )
            log(
                instance=page,
                action=REPAIRED_ACTION,
                data={
                    "key": key,
                    "field": item.key_part(None),
                    "old": current.isoformat(),
                    "new": meant.isoformat(),
                },
            )
        if published_again is not None:
            # Caches, feeds and the search index follow published pages (docs/architecture.md).
            published_again.refresh_from_db()
            page_published.send(
                sender=type(published_again),
                instance=published_again,
                revision=published_again.live_revision,
            )
        return done

    return fix


def _fix_row(page, item: _Tracked, old: Value, new: Value) -> bool:
    model = type(page)
    if not item.relation:
        return bool(
            model.objects.filter(pk=page.pk, **{item.field: old}).update(**{item.field: new})
        )
    child_model = model._meta.get_field(item.relation).related_model
    parent = model._meta.get_field(item.relation).field.name
    identity_fields = [name for name, _value in item.identity]
    for child in child_model.objects.filter(**{parent: page.pk, item.field: old}):
        seen = tuple((name, str(_form_value(child, name))) for name in identity_fields)
        if seen == item.identity:
            child_model.objects.filter(pk=child.pk).update(**{item.field: new})
            return True
    return False


# --- Campaigns, participations, stage events, awards ----------------------------------------


def _form_saves(model: type[models.Model], cutoff: datetime) -> dict[str, list[datetime]]:
    """When each object of a snippet model was saved through the admin by a user (log entries)."""
    from django.contrib.contenttypes.models import ContentType

    saves: dict[str, list[datetime]] = {}
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        user__isnull=False,
        timestamp__lt=cutoff,
        action__in=["wagtail.create", "wagtail.edit"],
    ).values_list("object_id", "timestamp")
    for object_id, timestamp in entries:
        saves.setdefault(object_id, []).append(timestamp)
    return saves


def _campaign_candidates(cutoff: datetime, wrap) -> list[Candidate]:
    tz = ZoneInfo(settings.TIME_ZONE)
    found: list[Candidate] = []
    participation_saves = _form_saves(Participation, cutoff)
    events = list(
        StageEvent.objects.filter(
            participation_id__in=[int(pk) for pk in participation_saves],
            recorded_at__lt=cutoff,
            corrections__isnull=True,  # an officer already put it right
        ).select_related("participation__exemplar", "participation__campaign")
    )
    for event in wrap(events, len(events)):
        saves = participation_saves.get(str(event.participation_id), [])
        if not any(abs(save - event.recorded_at) <= SAVE_WINDOW for save in saves):
            continue  # not recorded by a form save (the demo loader, a script)
        candidate = _stage_event_candidate(event, tz)
        if candidate is not None:
            found.append(candidate)

    recognitions = Recognition.objects.filter(
        participation_id__in=[int(pk) for pk in participation_saves]
    ).select_related("participation__exemplar")
    for recognition in recognitions:
        last_save = max(participation_saves[str(recognition.participation_id)])
        candidate = _recognition_candidate(recognition, last_save, tz)
        if candidate is not None:
            found.append(candidate)

    campaign_saves = _form_saves(Campaign, cutoff)
    campaigns = Campaign.objects.filter(pk__in=[int(pk) for pk in campaign_saves])
    for campaign in campaigns.prefetch_related(
        "participations__stage_events", "participations__recognitions"
    ):
        found.extend(_campaign_period_candidates(campaign, tz))
    return found


def _stage_event_candidate(event: StageEvent, tz: tzinfo) -> Candidate | None:
    stored = event.effective_on
    if not ambiguous(stored, tz):
        return None
    other = swap(stored, tz)
    recorded = timezone.localtime(event.recorded_at, tz).date()
    try:
        event.check_correction(other, REPAIR_REASON)
    except ValidationError:
        return None  # the other reading would break the history's order: not a swap
    if stored > recorded >= other:
        confidence = LIKELY
        evidence = _(
            "Recorded at %(recorded)s but dated %(stored)s (after it was recorded); read the other "
            "way round it is %(other)s."
        )
    elif abs((recorded - other).days) <= NEAR_DAYS < abs((recorded - stored).days):
        confidence = POSSIBLE
        evidence = _(
            "Recorded at %(recorded)s; the date %(other)s (read the other way round) is close to "
            "it, while %(stored)s is far away."
        )
    else:
        return None
    participation = event.participation
    key = f"stage-event:{event.pk}"
    return Candidate(
        key=key,
        label=_("Stage %(stage)s of %(exemplar)s in %(campaign)s")
        % {
            "stage": event.get_stage_display(),
            "exemplar": participation.exemplar.title,
            "campaign": participation.campaign.code,
        },
        current=stored,
        proposed=other,
        confidence=confidence,
        evidence=[
            evidence
            % {
                "recorded": show(event.recorded_at, tz),
                "stored": show(stored),
                "other": show(other),
            }
        ],
        warnings=[_("Fixed by a correction (the stage history is not overwritten).")],
        fix=_stage_event_fix(event.pk, other),
    )


def _stage_event_fix(event_id: int, day: date) -> Callable[[], list[str]]:
    def fix() -> list[str]:
        event = StageEvent.objects.select_related("participation").get(pk=event_id)
        correction = event.correct(day, reason=REPAIR_REASON, by=None)
        log(
            instance=event.participation,
            action=REPAIRED_ACTION,
            data={
                "key": f"stage-event:{event_id}",
                "old": correction.previous_on.isoformat(),
                "new": day.isoformat(),
            },
        )
        return [_("correction #%(id)s") % {"id": correction.pk}]

    return fix


def _recognition_candidate(recognition: Recognition, last_save: datetime, tz) -> Candidate | None:
    stored = recognition.decision_date
    if not ambiguous(stored, tz):
        return None
    other = swap(stored, tz)
    saved_on = timezone.localtime(last_save, tz).date()
    if not stored > saved_on >= other:
        return None
    participation = recognition.participation
    discovered = participation.discovered_on()
    if discovered and other < discovered:
        return None
    return Candidate(
        key=f"recognition:{recognition.pk}",
        label=_("Recognition %(number)s of %(exemplar)s: decision date")
        % {"number": recognition.decision_number, "exemplar": participation.exemplar.title},
        current=stored,
        proposed=other,
        confidence=LIKELY,
        evidence=[
            _(
                "The last save through the admin was %(saved)s, yet the decision is dated "
                "%(stored)s (later); read the other way round it is %(other)s."
            )
            % {"saved": show(last_save, tz), "stored": show(stored), "other": show(other)}
        ],
        fix=_model_fix(Recognition, recognition.pk, "decision_date", stored, other, participation),
    )


def _campaign_period_candidates(campaign: Campaign, tz) -> list[Candidate]:
    dated = [
        event.effective_on
        for participation in campaign.participations.all()
        for event in participation.stage_events.all()
    ] + [
        recognition.decision_date
        for participation in campaign.participations.all()
        for recognition in participation.recognitions.all()
    ]
    found = []
    for name in ("start_date", "end_date"):
        stored = getattr(campaign, name)
        if not ambiguous(stored, tz):
            continue
        other = swap(stored, tz)
        start, end = (
            (other, campaign.end_date) if name == "start_date" else (campaign.start_date, other)
        )
        if start > end:
            continue
        outside_now = [d for d in dated if not campaign.start_date <= d <= campaign.end_date]
        outside_then = [d for d in dated if not start <= d <= end]
        if outside_now and not outside_then:
            confidence = LIKELY
            evidence = _(
                "%(count)d stage change or recognition decision dates of the campaign fall outside "
                "its stored period (%(start)s – %(end)s); read the other way round, they fall "
                "inside."
            ) % {
                "count": len(outside_now),
                "start": show(campaign.start_date),
                "end": show(campaign.end_date),
            }
        elif name == "start_date" and other.day == 1 and stored.day != 1 and not outside_then:
            confidence = POSSIBLE
            evidence = _(
                "Read the other way round, the campaign starts on the first of a month (%(other)s)."
            ) % {"other": show(other)}
        else:
            continue
        found.append(
            Candidate(
                key=f"campaign:{campaign.pk}:{name}",
                label=_("Campaign %(code)s: %(field)s")
                % {"code": campaign.code, "field": Campaign._meta.get_field(name).verbose_name},
                current=stored,
                proposed=other,
                confidence=confidence,
                evidence=[evidence],
                fix=_model_fix(Campaign, campaign.pk, name, stored, other, None),
            )
        )
    return found


def _model_fix(model, pk, name, old, new, log_on) -> Callable[[], list[str]]:
    def fix() -> list[str]:
        with transaction.atomic():
            obj = model.objects.select_for_update().get(pk=pk)
            if getattr(obj, name) != old:
                raise ValidationError(
                    _("The value has changed since the list was made; run the command again.")
                )
            setattr(obj, name, new)
            obj.full_clean()
            obj.save(update_fields=[name])
            log(
                instance=log_on or obj,
                action=REPAIRED_ACTION,
                data={
                    "key": f"{model._meta.model_name}:{pk}:{name}",
                    "old": old.isoformat(),
                    "new": new.isoformat(),
                },
            )
        return [_("saved")]

    return fix
