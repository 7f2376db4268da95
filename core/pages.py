"""Page behaviour shared by every Lan Tỏa page type (other apps' page models build on it)."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from core import seo
from core.restrictions import site_has_view_restrictions
from vietnamese.slugs import slugify
from vietnamese.text import normalize

from .forms import LanToaPageForm, ascii_slug
from .page_permissions import LanToaPagePermissionTester
from .references import drop_dangling_references


class LanToaPageQuerySet(PageQuerySet):
    def public(self) -> "LanToaPageQuerySet":
        """Wagtail's `.public()`, minus its query while no page on the site is private."""
        return super().public() if site_has_view_restrictions() else self


LanToaPageManager = PageManager.from_queryset(LanToaPageQuerySet)


class LanToaPage(Page):
    """Every Lan Tỏa page type: Vietnamese slugs and titles, cheap privacy checks.

    Wagtail's own slugify drops đ ("Điển" → "ien"); `_set_core_field_defaults` is the single place
    where Wagtail fills a blank slug, so the admin, the importer and the demo loader all agree.
    """

    objects = LanToaPageManager()
    base_form_class = LanToaPageForm

    class Meta:
        abstract = True

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """A revision naming something deleted since still loads (core.references); what was
        dropped is kept in `dangling_references` for the editor to say so."""
        dangling = []
        if check_fks:
            data, dangling = drop_dangling_references(cls, data)
        page = super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)
        if page is not None:
            page.dangling_references = dangling
        return page

    def permissions_for_user(self, user) -> LanToaPagePermissionTester:
        """Wagtail's page permissions with the newsroom's delete rule (core.page_permissions)."""
        return LanToaPagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Skips Wagtail's two restriction queries while no page on the site is private."""
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """Wagtail's routing, but a child is read once, as its own type.

        Wagtail loads the child as a generic Page (every column) and then again as its specific
        type; here a two-column lookup finds its id and type first.
        """
        if not path_components:
            return super().route(request, path_components)
        found = (
            self.get_children()
            .filter(slug=path_components[0])
            .order_by()
            .values_list("pk", "content_type")[:1]
        )
        if not found:
            raise Http404
        pk, content_type = found[0]
        model = ContentType.objects.get_for_id(content_type).model_class() or Page
        subpage = model.objects.get(pk=pk)
        subpage._cached_parent_obj = self  # treebeard's cache: get_parent() needs no query
        return subpage.route(request, path_components[1:])

    def structured_data(self, request: HttpRequest) -> list[dict]:
        """schema.org JSON-LD for this page (core.seo): a WebPage and its breadcrumbs; page
        types say more (listings, stories, exemplars, documents, the home page)."""
        data = {
            "@context": seo.SCHEMA,
            "@type": "WebPage",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": "vi",
            "publisher": seo.organization(request),
        }
        if self.search_description:
            data["description"] = self.search_description
        return [data, self.breadcrumb_data(request)]

    def breadcrumb_data(self, request: HttpRequest) -> dict:
        """BreadcrumbList: Home → … → this page."""
        home, *below = seo.page_trail(self, request)
        return seo.breadcrumbs(request, [(pgettext("home page", "Home"), home[1]), *below])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context

    def _set_core_field_defaults(self) -> None:
        if self.title:
            self.title = normalize(self.title)
        if self.slug and not self.slug.isascii():
            self.slug = ascii_slug(self.slug, self.title)
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.slug and parent_is_known and self.title:
            base_slug = slugify(self.title)
            if base_slug:
                self.slug = self._get_autogenerated_slug(base_slug)
        super()._set_core_field_defaults()


class SectionIndexPage(LanToaPage):
    """A section under the home page that introduces and lists its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lantoa.HomePage"]

    class Meta:
        abstract = True

    def structured_data(self, request: HttpRequest) -> list[dict]:
        """A listing: schema.org CollectionPage, described by its introduction."""
        description = self.search_description or strip_tags(self.intro or "").strip()
        return [
            seo.collection_page(request, self.title, self.get_full_url(request), description),
            self.breadcrumb_data(request),
        ]


def paginate(request: HttpRequest, items, per_page: int) -> PaginatorPage:
    """A page of results that never fails on ?page=abc, ?page=0 or ?page=99999."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def filtered_listing(request: HttpRequest, filterset_class, queryset, per_page: int) -> dict:
    """A django-filter form, the matching page of results and the query that pagination keeps."""
    listing_filter = filterset_class(request.GET or None, queryset=queryset)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": listing_filter,
        "results": paginate(request, listing_filter.qs, per_page),
        "filter_query": query.urlencode(),
    }
