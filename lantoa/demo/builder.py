"""Builds the demo newsroom from the data files that `lantoa.demo.content` reads.

Every step looks for what it would create (by slug, name, title or username) and creates only
what is missing, so a second run changes nothing. Existing rows are never edited beyond filling
blanks, and existing pages are never republished: an editor's work always wins over the demo.
Pages are added as drafts and published through a revision, like an editor would, so they pass
the same validation as the admin (a story needs its sapo and hero image).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from campaigns.choices import CampaignStatus, LegalDocumentType
from campaigns.models import (
    AwardDecision,
    Campaign,
    Criterion,
    CriterionAssessment,
    ExemplarIndexPage,
    ExemplarPage,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    Participation,
    Recognition,
    Target,
)
from core.models import Locality, SiteSettings
from lantoa.models import HomeFeaturedStory, HomePage
from media_pipeline.models import LanToaImage
from stories.models import (
    Author,
    Channel,
    ColumnIndexPage,
    SeriesIndexPage,
    SeriesPage,
    StoryAuthor,
    StoryCorrection,
    StoryExemplar,
    StoryPage,
    StoryRelatedLink,
)
from syndication.models import AiringConfirmation, Outlet
from vietnamese.slugs import slugify
from vietnamese.text import normalize

from .content import (
    DemoContent,
    DemoDataError,
    DocumentSpec,
    Facts,
    Figure,
    Para,
    Quote,
    Section,
    StorySpec,
    load,
    role_groups,
)
from .media import render_document_pdf, render_picture

DEFAULT_PASSWORD = "lantoa-demo"


class DemoError(Exception):
    """The database is not ready for the demo (run `manage.py migrate` first)."""


@dataclass
class Reporter:
    """Progress lines: one per section at verbosity 1, one per created object at 2."""

    write: Callable[[str], None] = print
    verbosity: int = 1

    def section(self, label: str, created: int, total: int) -> None:
        if self.verbosity >= 1:
            self.write(f"  {label}: {total} (tạo mới {created})")

    def item(self, text: str) -> None:
        if self.verbosity >= 2:
            self.write(f"    + {text}")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str | None  # None: the account already existed and kept its password


@dataclass
class DemoResult:
    site_url: str
    admin_url: str
    accounts: list[DemoAccount] = field(default_factory=list)


def build_demo(
    *,
    password: str = DEFAULT_PASSWORD,
    reset_passwords: bool = False,
    reporter: Reporter | None = None,
) -> DemoResult:
    """Create whatever part of the demo is missing, all or nothing (one transaction).

    A rollback cannot take back files already written to storage, so the pictures and PDFs of a
    failed run are deleted by hand before the error goes up.
    """
    reporter = reporter or Reporter(verbosity=0)
    written: list[FieldFile] = []
    try:
        with transaction.atomic():
            accounts = _build(password, reset_passwords, reporter, written)
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise
    base_url = settings.SITE_BASE_URL.rstrip("/")
    return DemoResult(site_url=f"{base_url}/", admin_url=f"{base_url}/admin/", accounts=accounts)


def _build(
    password: str, reset_passwords: bool, reporter: Reporter, written: list[FieldFile]
) -> list[DemoAccount]:
    """Every step of the demo, in dependency order (pictures before pages, pages before links)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not isinstance(site.root_page.specific, HomePage):
        raise DemoError("Không tìm thấy trang chủ Lan Tỏa; hãy chạy `manage.py migrate` trước.")
    home = site.root_page.specific
    try:
        demo = load()
    except DemoDataError as error:
        raise DemoError(f"Tệp dữ liệu minh họa lantoa/demo/data/{error}") from error
    configure_site(site, reporter)
    places = ensure_localities(demo, reporter)
    pictures = ensure_pictures(demo, reporter, written=written)
    authors = ensure_authors(demo, reporter)
    accounts = ensure_users(
        demo, authors, password=password, reset_passwords=reset_passwords, reporter=reporter
    )
    columns = ensure_columns(demo, home, reporter)
    series = ensure_series(demo, home, pictures, reporter)
    exemplars = ensure_exemplars(demo, home, places, pictures, reporter)
    documents = ensure_documents(demo, home, reporter, written=written)
    stories = ensure_stories(
        demo, columns, series, places, pictures, authors, exemplars, reporter=reporter
    )
    ensure_home(demo, home, stories, reporter)
    outlets = ensure_outlets(demo, places, reporter)
    ensure_campaign(demo, exemplars, documents, stories, outlets, reporter)
    ensure_site_settings(demo, site, pictures, reporter)
    return accounts


def summary_text(result: DemoResult) -> str:
    """The block printed at the end: where to look and how to log in."""
    lines = [
        "",
        "Dữ liệu minh họa Lan Tỏa đã sẵn sàng.",
        f"  Trang công khai: {result.site_url}",
        f"  Trang quản trị:  {result.admin_url}",
        f"  Nguồn tin RSS:   {result.site_url}feeds/all.rss (xem docs/syndication.md)",
        "  Tài khoản (tên đăng nhập / mật khẩu / vai trò):",
    ]
    for account in result.accounts:
        password = account.password or "(không đổi)"
        lines.append(f"    {account.username:<10} / {password} / {account.role}")
    if any(account.password is None for account in result.accounts):
        lines.append(
            "  Tài khoản đã có từ trước giữ nguyên mật khẩu; thêm --reset-passwords để đặt lại."
        )
    return "\n".join(lines)


# --- Site ----------------------------------------------------------------------------------


def configure_site(site: Site, reporter: Reporter) -> None:
    """Point the default site at SITE_BASE_URL so full URLs (admin "view live") work locally.

    Only Wagtail's untouched default (localhost:80) is changed; the site stays the default
    site, so every host name still reaches it.
    """
    url = urlsplit(settings.SITE_BASE_URL)
    if (site.hostname, site.port) != ("localhost", 80) or not url.hostname:
        return
    site.hostname = url.hostname
    site.port = url.port or (443 if url.scheme == "https" else 80)
    site.save(update_fields=["hostname", "port"])
    reporter.item(f"Site: {site.hostname}:{site.port}")


def ensure_site_settings(
    demo: DemoContent, site: Site, pictures: dict[str, LanToaImage], reporter: Reporter
) -> None:
    """Fill the masthead and footer where they are still blank or at their model defaults."""
    site_settings = SiteSettings.for_site(site)
    changed = []
    for name in ("tagline", "publisher", "footer_text", "contact_email"):
        value = getattr(demo.site_settings, name)
        model_field = SiteSettings._meta.get_field(name)
        current = getattr(site_settings, name)
        wanted = _paragraphs_html([value]) if name == "footer_text" else value
        if current in ("", None, model_field.get_default()) and current != wanted:
            setattr(site_settings, name, wanted)
            changed.append(name)
    if site_settings.default_share_image_id is None:
        site_settings.default_share_image = pictures[demo.site_settings.share_picture]
        changed.append("default_share_image")
    if changed:
        site_settings.save()
    reporter.section("Cài đặt trang", 1 if changed else 0, 1)


# --- Rows ----------------------------------------------------------------------------------


def ensure_localities(demo: DemoContent, reporter: Reporter) -> dict[str, Locality]:
    places: dict[str, Locality] = {}
    created_count = 0
    for place in demo.places:
        # filter().first(), not get_or_create: the unique constraint lets NULL parents repeat,
        # so two provinces of the same name can exist and get() would fail on them.
        lookup = {
            "name": place.name,
            "level": place.level,
            "parent": places[place.parent] if place.parent else None,
        }
        locality = Locality.objects.filter(**lookup).order_by("pk").first()
        if locality is None:
            locality = Locality.objects.create(**lookup)
            created_count += 1
        places[place.name] = locality
    reporter.section("Địa bàn", created_count, len(places))
    return places


def ensure_pictures(
    demo: DemoContent, reporter: Reporter, *, written: list[FieldFile] | None = None
) -> dict[str, LanToaImage]:
    """Draw and upload the pictures that are not in the library yet (looked up by title)."""
    pictures: dict[str, LanToaImage] = {}
    created_count = 0
    for spec in demo.pictures:
        image = LanToaImage.objects.filter(title=spec.title).order_by("pk").first()
        if image is None:
            data = render_picture(spec.label, spec.colours, spec.motif, spec.size, spec.key)
            image = LanToaImage(
                title=spec.title,
                description=spec.alt,
                credit=spec.credit,
                file=ImageFile(io.BytesIO(data), name=f"lantoa-demo-{spec.key}.jpg"),
            )
            image._set_image_file_metadata()
            image.save()
            if written is not None:
                written.append(image.file)
            created_count += 1
            reporter.item(spec.title)
        pictures[spec.key] = image
    reporter.section("Ảnh", created_count, len(pictures))
    return pictures


def ensure_authors(demo: DemoContent, reporter: Reporter) -> dict[str, Author]:
    authors: dict[str, Author] = {}
    created_count = 0
    for person in demo.authors:
        author = Author.objects.filter(name=person.name).order_by("pk").first()  # names repeat
        if author is None:
            author = Author.objects.create(
                name=person.name, role=person.role, organisation=person.organisation
            )
            created_count += 1
        authors[person.key] = author
    reporter.section("Tác giả", created_count, len(authors))
    return authors


def ensure_users(
    demo: DemoContent,
    authors: dict[str, Author],
    *,
    password: str,
    reset_passwords: bool,
    reporter: Reporter,
) -> list[DemoAccount]:
    """One account per newsroom group; passwords of existing accounts are kept unless asked."""
    accounts = []
    created_count = 0
    groups = role_groups()
    for login in demo.users:
        group = Group.objects.filter(name=groups[login.group]).first()
        if group is None:
            raise DemoError(
                f"Thiếu nhóm “{groups[login.group]}”; hãy chạy `manage.py migrate` trước."
            )
        user = User.objects.filter(username=login.username).first()
        password_shown: str | None = password
        if user is None:
            user = User(
                username=login.username,
                first_name=login.first_name,
                last_name=login.last_name,
                email=f"{login.username}@lantoa.example",
                is_staff=login.superuser,
                is_superuser=login.superuser,
            )
            user.set_password(password)
            user.save()
            created_count += 1
            reporter.item(login.username)
        elif reset_passwords:
            user.set_password(password)
            user.save(update_fields=["password"])
        else:
            password_shown = None
        user.groups.add(group)
        if login.author:
            _link_author(authors[login.author], user)
        accounts.append(DemoAccount(login.username, login.role_label, password_shown))
    reporter.section("Tài khoản", created_count, len(accounts))
    return accounts


def _link_author(author: Author, user: User) -> None:
    if author.user_id is None and not Author.objects.filter(user=user).exists():
        author.user = user
        author.save(update_fields=["user"])


# --- Pages ---------------------------------------------------------------------------------


def _slug(title: str) -> str:
    """The slug Wagtail would give the page (VietnameseSlugMixin), known before it exists."""
    return slugify(normalize(title))


def _publish_new(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` as a draft, then publish a revision (full validation)."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _paragraphs_html(paragraphs) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _list_html(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _only_page(model, home: HomePage, section: Section, reporter: Reporter, label: str):
    """The section page of a type the site allows once (max_count=1): found or created."""
    page = model.objects.order_by("path").first()
    created = page is None
    if created:
        page = _publish_new(
            home,
            model(
                title=section.title,
                slug=_slug(section.title),
                intro=_paragraphs_html([section.intro]),
                show_in_menus=True,
            ),
        )
    reporter.section(label, int(created), 1)
    return page


def ensure_columns(
    demo: DemoContent, home: HomePage, reporter: Reporter
) -> dict[str, ColumnIndexPage]:
    columns: dict[str, ColumnIndexPage] = {}
    created_count = 0
    for section in demo.columns:
        slug = _slug(section.title)
        page = ColumnIndexPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = _publish_new(
                home,
                ColumnIndexPage(
                    title=section.title,
                    slug=slug,
                    intro=_paragraphs_html([section.intro]),
                    show_in_menus=True,
                ),
            )
            created_count += 1
            reporter.item(section.title)
        columns[section.key] = page
    reporter.section("Chuyên mục", created_count, len(columns))
    return columns


def ensure_series(
    demo: DemoContent, home: HomePage, pictures: dict[str, LanToaImage], reporter: Reporter
) -> SeriesPage:
    index = _only_page(SeriesIndexPage, home, demo.series_index, reporter, "Danh sách loạt bài")
    spec = demo.series
    slug = _slug(spec.title)
    series = SeriesPage.objects.child_of(index).filter(slug=slug).first()
    created = series is None
    if created:
        series = _publish_new(
            index,
            SeriesPage(
                title=spec.title,
                slug=slug,
                intro=_paragraphs_html([spec.intro]),
                hero_image=pictures[spec.hero],
            ),
        )
    reporter.section("Loạt bài", int(created), 1)
    return series


def ensure_exemplars(
    demo: DemoContent,
    home: HomePage,
    places: dict[str, Locality],
    pictures: dict[str, LanToaImage],
    reporter: Reporter,
) -> dict[str, ExemplarPage]:
    index = _only_page(ExemplarIndexPage, home, demo.exemplar_index, reporter, "Danh bạ điển hình")
    exemplars: dict[str, ExemplarPage] = {}
    created_count = 0
    for spec in demo.exemplars:
        slug = _slug(spec.title)
        page = ExemplarPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = _publish_new(
                index,
                ExemplarPage(
                    title=spec.title,
                    slug=slug,
                    kind=spec.kind,
                    field=spec.field,
                    position=spec.position,
                    organisation=spec.organisation,
                    locality=places[spec.locality],
                    summary=spec.summary,
                    achievements=_list_html(spec.achievements),
                    photo=pictures[spec.photo],
                ),
            )
            created_count += 1
            reporter.item(spec.title)
        exemplars[spec.key] = page
    reporter.section("Gương điển hình", created_count, len(exemplars))
    return exemplars


def ensure_documents(
    demo: DemoContent, home: HomePage, reporter: Reporter, *, written: list[FieldFile] | None = None
) -> list[LegalDocumentPage]:
    index = _only_page(
        LegalDocumentIndexPage, home, demo.document_index, reporter, "Danh sách văn bản"
    )
    pages = []
    created_count = 0
    for spec in demo.documents:
        slug = _slug(spec.title)
        page = LegalDocumentPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = _publish_new(
                index,
                LegalDocumentPage(
                    title=spec.title,
                    slug=slug,
                    number=spec.number,
                    document_type=spec.document_type,
                    issuing_body=spec.issuing_body,
                    signer=spec.signer,
                    issue_date=spec.issue_date,
                    effective_date=spec.effective_date,
                    field=spec.field,
                    summary=_paragraphs_html(spec.summary),
                    document=_ensure_pdf(spec, demo.place_name, written),
                ),
            )
            created_count += 1
            reporter.item(spec.number)
        pages.append(page)
    reporter.section("Văn bản (kèm tệp PDF)", created_count, len(pages))
    return pages


def _ensure_pdf(spec: DocumentSpec, place_name: str, written: list[FieldFile] | None):
    Document = get_document_model()
    document = Document.objects.filter(title=spec.file_title).order_by("pk").first()
    if document is not None:
        return document
    kind = str(LegalDocumentType(spec.document_type).label)
    data = render_document_pdf(
        issuing_body=spec.issuing_body,
        number=spec.number,
        place_and_date=_place_and_date(place_name, spec.issue_date),
        kind=kind,
        title=_subject_line(spec.title, kind),
        paragraphs=list(spec.summary),
        signer_title=spec.signer_title,
        signer=spec.signer,
    )
    name = f"lantoa-demo-{slugify(spec.number)}.pdf"
    document = Document(title=spec.file_title, file=ContentFile(data, name=name))
    document._set_document_file_metadata()
    document.save()
    if written is not None:
        written.append(document.file)
    return document


def _place_and_date(place_name: str, day: date) -> str:
    return f"{place_name}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def _subject_line(title: str, kind: str) -> str:
    """“Kế hoạch giới thiệu…” under the heading KẾ HOẠCH reads “Giới thiệu…”."""
    if title.lower().startswith(kind.lower()):
        rest = title[len(kind) :].strip()
        return rest[:1].upper() + rest[1:]
    return title


def ensure_stories(
    demo: DemoContent,
    columns: dict[str, ColumnIndexPage],
    series: SeriesPage,
    places: dict[str, Locality],
    pictures: dict[str, LanToaImage],
    authors: dict[str, Author],
    exemplars: dict[str, ExemplarPage],
    *,
    reporter: Reporter,
) -> dict[str, StoryPage]:
    channels = Channel.objects.in_bulk(field_name="code")
    stories: dict[str, StoryPage] = {}
    created_count = 0
    for spec in demo.stories:
        column = columns[spec.column]
        slug = _slug(spec.title)
        story = StoryPage.objects.child_of(column).filter(slug=slug).first()
        if story is None:
            missing = set(spec.channels) - set(channels)
            if missing:
                raise DemoError(f"Thiếu kênh phát hành {sorted(missing)}; hãy chạy migrate.")
            story = _new_story(spec, slug, series, places, pictures, authors, exemplars)
            story.channels = [channels[code] for code in spec.channels]
            story.related_links = [
                StoryRelatedLink(related_story=stories[key], sort_order=order)
                for order, key in enumerate(spec.related)
            ]
            story.tags.add(*spec.tags)
            story = _publish_new(column, story)
            created_count += 1
            reporter.item(spec.title)
        stories[spec.key] = story
    reporter.section("Bài viết", created_count, len(stories))
    return stories


def _new_story(
    spec: StorySpec,
    slug: str,
    series: SeriesPage,
    places: dict[str, Locality],
    pictures: dict[str, LanToaImage],
    authors: dict[str, Author],
    exemplars: dict[str, ExemplarPage],
) -> StoryPage:
    published = _days_ago(spec.days_ago, spec.hour, minute=len(spec.title) % 60)
    story = StoryPage(
        title=spec.title,
        slug=slug,
        sapo=spec.sapo,
        hero_image=pictures[spec.hero],
        hero_caption=spec.hero_caption,
        body=_story_body(spec.body, pictures),
        source=authors[spec.authors[0]].organisation,
        locality=places[spec.locality],
        publication_date=published,
        series=series if spec.part_number else None,
        part_number=spec.part_number,
        radio_script=spec.radio_script,
    )
    story.story_authors = [
        StoryAuthor(author=authors[key], sort_order=order) for order, key in enumerate(spec.authors)
    ]
    story.exemplar_links = [
        StoryExemplar(exemplar=exemplars[key], sort_order=order)
        for order, key in enumerate(spec.exemplars)
    ]
    if spec.correction:
        story.corrections = [
            StoryCorrection(corrected_at=published + timedelta(hours=20), note=spec.correction)
        ]
    return story


def _days_ago(days: int, hour: int, minute: int = 0) -> datetime:
    today = timezone.localtime().replace(hour=hour, minute=minute, second=0, microsecond=0)
    return today - timedelta(days=days)


def _story_body(blocks, pictures: dict[str, LanToaImage]) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    for block in blocks:
        match block:
            case Para(text=text):
                body.append(("paragraph", RichText(_paragraphs_html([text]))))
            case Quote(text=text, attribution=attribution):
                body.append(("quote", {"text": text, "attribution": attribution}))
            case Facts(title=title, items=items):
                body.append(("fact_box", {"title": title, "body": RichText(_list_html(items))}))
            case Figure(picture=key, caption=caption):
                image = pictures[key]
                body.append(("image", {"image": image, "caption": caption, "credit": image.credit}))
            case _:
                raise TypeError(f"Unknown demo block: {block!r}")
    return body


def ensure_home(
    demo: DemoContent, home: HomePage, stories: dict[str, StoryPage], reporter: Reporter
) -> None:
    """Give the home page an intro and featured stories, unless an editor already did."""
    home = HomePage.objects.get(pk=home.pk)  # fresh: the tree changed under it
    changed = False
    if not home.intro:
        home.intro = _paragraphs_html([demo.home_intro])
        changed = True
    if not home.featured_stories.exists():
        home.featured_stories = [
            HomeFeaturedStory(story=stories[key], sort_order=order)
            for order, key in enumerate(demo.featured_stories)
        ]
        changed = True
    if changed:
        home.save_revision().publish()
    reporter.section("Trang chủ (bài nổi bật)", int(changed), 1)


def ensure_outlets(
    demo: DemoContent, places: dict[str, Locality], reporter: Reporter
) -> list[Outlet]:
    """The outlets that poll the feeds: a newspaper, a radio station, a commune loudspeaker."""
    outlets = []
    created_count = 0
    for spec in demo.outlets:
        outlet = Outlet.objects.filter(name=spec.name).first()
        if outlet is None:
            outlet = Outlet(
                name=spec.name,
                kind=spec.kind,
                locality=places[spec.locality],
                contact=spec.contact,
            )
            if spec.private:
                outlet.regenerate_token()
            outlet.save()
            created_count += 1
            reporter.item(spec.name)
        outlets.append(outlet)
    reporter.section("Đơn vị phát hành", created_count, len(outlets))
    return outlets


def ensure_campaign(
    demo: DemoContent,
    exemplars: dict[str, ExemplarPage],
    documents: list[LegalDocumentPage],
    stories: dict[str, StoryPage],
    outlets: list[Outlet],
    reporter: Reporter,
) -> Campaign:
    """The demo plan with targets, criteria, exemplars at several stages and recognitions.

    Created whole the first time (looked up by its code); a later run leaves it as officers
    left it, since stage events are history and never rewritten.
    """
    spec = demo.campaign
    campaign = Campaign.objects.filter(code=spec.code).first()
    if campaign is not None:
        reporter.section("Phong trào thi đua", 0, 1)
        return campaign
    officer = User.objects.filter(username="thidua").first()
    campaign = Campaign.objects.create(
        title=spec.title,
        code=spec.code,
        issuing_body=spec.issuing_body,
        start_date=spec.start_date,
        end_date=spec.end_date,
        goal=spec.goal,
        description=_paragraphs_html(spec.description),
        status=CampaignStatus.RUNNING,
        report_place=demo.place_name,
    )
    campaign.legal_basis.set([d for d in documents if d.number in spec.legal_basis])
    if officer is not None:
        campaign.officers.set([officer])
    campaign.save()
    for target in spec.targets:
        Target.objects.create(
            campaign=campaign, year=target.year, category=target.kind, number=target.number
        )
    criteria = [
        Criterion.objects.create(campaign=campaign, text=text, sort_order=order)
        for order, text in enumerate(spec.criteria)
    ]
    for item in spec.participations:
        participation = Participation.objects.create(
            campaign=campaign, exemplar=exemplars[item.exemplar], featured=item.featured
        )
        for move in item.moves:
            participation.move_to(move.stage, move.day, by=officer, reason=move.reason)
        for given in item.recognitions:
            decision, _created = AwardDecision.objects.get_or_create(
                number=given.number,
                decision_date=given.day,
                defaults={
                    "issuer": spec.issuing_body,
                    "form": given.form,
                    "level": given.level,
                    "campaign": campaign,
                },
            )
            decision.exemplars.add(exemplars[item.exemplar])
            recognition = Recognition(
                participation=participation,
                decision=decision,
                level=given.level,
                form=given.form,
                decision_number=given.number,
                decision_date=given.day,
            )
            recognition.full_clean()
            recognition.save()
        for index in item.met:
            CriterionAssessment.objects.create(
                participation=participation,
                criterion=criteria[index],
                met=True,
                evidence=item.evidence,
            )
    radio = next((o for o in outlets if o.is_radio), None)
    if radio is not None:
        AiringConfirmation.objects.get_or_create(outlet=radio, story=stories[spec.aired_story])
    reporter.item(spec.code)
    reporter.section("Phong trào thi đua", 1, 1)
    return campaign
