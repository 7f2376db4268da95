"""Campaign officer admin: campaigns and participations as snippets, each viewset serving its
model's screens (dashboard and reports; timeline and stage-event correction), plus the home
page's link to the exemplar directory."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from core.collation import vietnamese_ordering

from . import admin_views, feeds, nominations
from .bulk_actions import DraftDecisionBulkAction
from .models import (
    AwardDecision,
    Campaign,
    ExemplarIndexPage,
    Participation,
    StageEventCorrection,
)
from .selectors import exemplar_directory, searchable_campaign_pages


class LinkColumn(Column):
    """A column whose cell is a link to one of our screens (dashboard, timeline)."""

    def __init__(self, name, url_name, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name, self.text = url_name, text

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse(self.url_name, args=[instance.pk]), self.text
        )


class CampaignViewSet(SnippetViewSet):
    """Campaigns, their dashboard, their period reports and the reports built in background."""

    model = Campaign
    index_view_class = vietnamese_ordering(IndexView)
    icon = "table"
    menu_label = _("Campaign")
    list_filter = ["status", "scope"]
    inspect_view_enabled = True

    @cached_property
    def list_display(self) -> list:
        return [
            "title",
            "code",
            "start_date",
            "end_date",
            "status",
            LinkColumn(
                "dashboard",
                self.get_url_name("dashboard"),
                pgettext_lazy("campaign", "Dashboard"),
                label=_("Track"),
            ),
        ]

    def get_urlpatterns(self) -> list:
        screen = self.construct_view
        return [
            *super().get_urlpatterns(),
            path("dashboard/<id:pk>/", screen(admin_views.DashboardView), name="dashboard"),
            path(
                "report/<id:pk>/",
                screen(
                    admin_views.PeriodReportView,
                    report_status_url_name=self.get_url_name("report_status"),
                ),
                name="report",
            ),
            path(
                "reports/<id:pk>/",
                screen(
                    admin_views.ReportStatusView,
                    report_download_url_name=self.get_url_name("report_download"),
                ),
                name="report_status",
            ),
            path(
                "reports/<id:pk>/download/",
                screen(admin_views.ReportDownloadView),
                name="report_download",
            ),
            path(
                "participations/<id:pk>/export/",
                screen(admin_views.ParticipationsExportView),
                name="export_participations",
            ),
            path(
                "participations/<id:pk>/import/",
                screen(
                    admin_views.ParticipationsImportView,
                    permission_policy=ModelPermissionPolicy(Participation),
                ),
                name="import_participations",
            ),
        ]


class ParticipationViewSet(SnippetViewSet):
    """Exemplars in campaigns, each one's timeline and the correction of a stage event's day."""

    model = Participation
    index_view_class = vietnamese_ordering(IndexView, exemplar="exemplar__title")
    icon = "user"
    menu_label = _("Participating exemplars")
    list_filter = ["campaign", "stage"]
    index_template_name = "campaigns/admin/participation_index.html"
    inspect_view_enabled = True

    @cached_property
    def list_display(self) -> list:
        return [
            "exemplar",
            "campaign",
            "stage",
            LinkColumn(
                "timeline",
                self.get_url_name("timeline"),
                pgettext_lazy("exemplar", "Timeline"),
                label=pgettext_lazy("exemplar", "Timeline"),
            ),
        ]

    def get_queryset(self, request):
        return Participation.objects.select_related("exemplar", "campaign")

    def get_urlpatterns(self) -> list:
        screen = self.construct_view
        return [
            *super().get_urlpatterns(),
            path("timeline/<id:pk>/", screen(admin_views.TimelineView), name="timeline"),
            path(
                "stage-event/<id:pk>/correct/",
                screen(
                    admin_views.CorrectStageEventView,
                    permission_policy=ModelPermissionPolicy(StageEventCorrection),
                    timeline_url_name=self.get_url_name("timeline"),
                ),
                name="correct_stage_event",
            ),
        ]


class DecisionEditView(EditView):
    """The decision's edit screen offers its Word draft in the header's menu."""

    @cached_property
    def header_more_buttons(self) -> list:
        url = reverse(self.model.snippet_viewset.get_url_name("draft"), args=[self.object.pk])
        return [
            *super().header_more_buttons,
            Button(_("Word draft"), url=url, icon_name="doc-full", priority=5),
        ]


class AwardDecisionViewSet(SnippetViewSet):
    """Award decisions (quyết định khen thưởng), each with a Word draft in the official form."""

    model = AwardDecision
    edit_view_class = DecisionEditView
    icon = "doc-full"
    menu_label = _("Award decisions")
    list_filter = ["form", "level", "campaign"]
    inspect_view_enabled = True

    @cached_property
    def list_display(self) -> list:
        return [
            "number",
            "decision_date",
            "issuer",
            "form",
            "level",
            LinkColumn(
                "draft",
                self.get_url_name("draft"),
                _("Word draft"),
                label=pgettext_lazy("decision", "Draft"),
            ),
        ]

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            path(
                "draft/<id:pk>/", self.construct_view(admin_views.DecisionDraftView), name="draft"
            ),
        ]


class CampaignGroup(SnippetViewSetGroup):
    items = (CampaignViewSet, ParticipationViewSet, AwardDecisionViewSet)
    menu_icon = "table"
    menu_label = _("Campaigns")
    menu_name = "campaigns"
    menu_order = 230


register_snippet(CampaignGroup)


class Moved(RedirectView):
    """The screens' first addresses (bookmarks, printed guides) lead to the viewsets' own: 308
    keeps the method and the body, so a form posted from a page opened before the move is not
    lost; the query string (year, half, format) goes along."""

    permanent = True
    query_string = True

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return HttpResponsePermanentRedirect(
            self.get_redirect_url(*args, **kwargs), preserve_request=True
        )


def moved(url_name: str):
    return Moved.as_view(pattern_name=url_name)


@hooks.register("register_admin_urls")
def campaigns_moved_urls() -> list:
    campaigns, participations = (
        "wagtailsnippets_campaigns_campaign",
        ("wagtailsnippets_campaigns_participation"),
    )
    return [
        path("campaigns/<id:pk>/dashboard/", moved(f"{campaigns}:dashboard")),
        path("campaigns/<id:pk>/report/", moved(f"{campaigns}:report")),
        path("campaigns/reports/<id:pk>/", moved(f"{campaigns}:report_status")),
        path("campaigns/reports/<id:pk>/download/", moved(f"{campaigns}:report_download")),
        path("campaigns/participation/<id:pk>/timeline/", moved(f"{participations}:timeline")),
        path(
            "campaigns/stage-event/<id:pk>/correct/",
            moved(f"{participations}:correct_stage_event"),
        ),
    ]


@hooks.register("register_admin_urls")
def directory_spreadsheet_urls() -> list:
    return [
        path(
            "campaigns/exemplars/<id:pk>/export/",
            admin_views.DirectoryExportView.as_view(),
            name="campaigns_directory_export",
        ),
        path(
            "campaigns/exemplars/<id:pk>/import/",
            admin_views.DirectoryImportView.as_view(),
            name="campaigns_directory_import",
        ),
    ]


@hooks.register("register_page_header_buttons")
def directory_spreadsheet_buttons(page, user, view_name, next_url=None) -> list:
    """The exemplar directory's header menu offers its spreadsheet, to those who may publish
    profiles under it (admin_views.DirectoryScreen)."""
    if not isinstance(page.specific_deferred, ExemplarIndexPage):
        return []
    if not page.permissions_for_user(user).can_publish_subpage():
        return []
    return [
        Button(
            _("Export profiles (Excel)"),
            url=reverse("campaigns_directory_export", args=[page.pk]),
            icon_name="download",
            priority=60,
        ),
        Button(
            _("Import profiles (Excel)"),
            url=reverse("campaigns_directory_import", args=[page.pk]),
            icon_name="upload",
            priority=61,
        ),
    ]


@hooks.register("home_page_context")
def home_exemplar_directory(request: HttpRequest, home) -> dict:
    """The home page links to the exemplar directory (lantoa.models.HomePage asks)."""
    return {"exemplar_directory": exemplar_directory(request)}


hooks.register("register_bulk_action", DraftDecisionBulkAction)

# Exemplars and legal documents in the reader-facing search; each page builds its document.
hooks.register("register_search_documents", searchable_campaign_pages)

# The exemplar and campaign feeds (syndication.registry).
hooks.register("register_feed_scopes", feeds.feed_scopes)


@hooks.register("register_admin_urls")
def nomination_admin_urls() -> list:
    return [
        path("gioi-thieu/", nominations.queue, name="campaigns_nominations"),
        path("gioi-thieu/<int:nomination_id>/", nominations.act, name="campaigns_nomination_act"),
    ]


class NominationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(nominations.PERMISSION)


@hooks.register("register_admin_menu_item")
def nomination_menu() -> MenuItem:
    return NominationMenuItem(
        _("Reader nominations"), reverse("campaigns_nominations"), icon_name="user", order=245
    )
