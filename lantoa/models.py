"""The site's root: the home page and its featured stories."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core import seo
from core.pages import LanToaPage
from stories.selectors import home_page_sections

# Apps add to the home page's context: hook(request, home) -> dict.
HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class HomePage(LanToaPage):
    """Front page: featured stories, the latest per column, series and the exemplar directory."""

    intro = RichTextField(_("introductory text"), blank=True, features=["bold", "italic", "link"])
    latest_per_column = models.PositiveSmallIntegerField(_("latest stories per column"), default=4)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("featured_stories", label=_("featured story"), max_num=6)],
            heading=_("Featured stories"),
        ),
        FieldPanel("latest_per_column"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.ColumnIndexPage",
        "stories.SeriesIndexPage",
        "campaigns.ExemplarIndexPage",
        "campaigns.LegalDocumentIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def structured_data(self, request) -> list[dict]:
        """The front page: the WebSite (with its search, for a sitelinks search box) and the
        Organization that publishes it."""
        home = seo.home_url(request)
        search = request.build_absolute_uri(reverse("search"))
        website = {
            "@context": seo.SCHEMA,
            "@type": "WebSite",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": home,
            "inLanguage": "vi",
            "publisher": {"@id": home + "#organization"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
        return [website, {"@context": seo.SCHEMA, **seo.organization(request)}]

    def get_context(self, request, *args, **kwargs):
        """Stories' sections, then what each app adds through the `home_page_context` hook
        (the exemplar directory's link, from campaigns): the top asks, no app below is named."""
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_sections(self))
        for hook in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            context.update(hook(request, self))
        return context


class HomeFeaturedStory(Orderable):
    home = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        constraints = [
            models.UniqueConstraint(fields=["home", "story"], name="unique_featured_story")
        ]
