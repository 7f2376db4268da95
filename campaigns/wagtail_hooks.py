"""Campaign officer admin: campaigns and participations as snippets, plus their screens."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from core.collation import vietnamese_ordering

from . import admin_views, feeds
from .models import Campaign, Participation
from .selectors import searchable_campaign_pages


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
    model = Campaign
    index_view_class = vietnamese_ordering(IndexView)
    icon = "table"
    menu_label = _("Phong trào")
    list_display = [
        "title",
        "code",
        "start_date",
        "end_date",
        "status",
        LinkColumn("dashboard", "campaigns_dashboard", _("Bảng theo dõi"), label=_("Theo dõi")),
    ]
    list_filter = ["status", "scope"]
    search_fields = ["title", "code", "issuing_body"]
    inspect_view_enabled = True


class ParticipationViewSet(SnippetViewSet):
    model = Participation
    index_view_class = vietnamese_ordering(IndexView, exemplar="exemplar__title")
    icon = "user"
    menu_label = _("Điển hình tham gia")
    list_display = [
        "exemplar",
        "campaign",
        "stage",
        LinkColumn("timeline", "campaigns_timeline", _("Quá trình"), label=_("Quá trình")),
    ]
    list_filter = ["campaign", "stage"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Participation.objects.select_related("exemplar", "campaign")


class CampaignGroup(SnippetViewSetGroup):
    items = (CampaignViewSet, ParticipationViewSet)
    menu_icon = "table"
    menu_label = _("Thi đua")
    menu_name = "campaigns"
    menu_order = 230


register_snippet(CampaignGroup)


@hooks.register("register_admin_urls")
def campaigns_admin_urls():
    return [
        path("campaigns/<int:pk>/dashboard/", admin_views.dashboard, name="campaigns_dashboard"),
        path("campaigns/<int:pk>/report/", admin_views.report, name="campaigns_report"),
        path(
            "campaigns/participation/<int:pk>/timeline/",
            admin_views.timeline,
            name="campaigns_timeline",
        ),
        path(
            "campaigns/stage-event/<int:pk>/correct/",
            admin_views.correct_stage_event,
            name="campaigns_correct_stage_event",
        ),
        path(
            "campaigns/reports/<int:pk>/",
            admin_views.report_status,
            name="campaigns_report_status",
        ),
        path(
            "campaigns/reports/<int:pk>/download/",
            admin_views.report_download,
            name="campaigns_report_download",
        ),
    ]


# Exemplars and legal documents in the reader-facing search; each page builds its document.
hooks.register("register_search_documents", searchable_campaign_pages)

# The exemplar and campaign feeds (syndication.registry).
hooks.register("register_feed_scopes", feeds.feed_scopes)
