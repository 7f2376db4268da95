"""What other apps read of campaigns: plain data (frozen dataclasses, ids, URLs), never the
models themselves, so no app pokes into an exemplar or a campaign (docs/architecture.md,
"Public modules")."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from .models import Campaign, ExemplarIndexPage, ExemplarPage, LegalDocumentPage


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


@dataclass(frozen=True)
class ExemplarSummary:
    """A live, public exemplar as a feed describes it."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class CampaignSummary:
    """A campaign readers may see, with its public page and the exemplars taking part."""

    pk: int
    title: str
    code: str
    url: str | None
    exemplar_ids: tuple[int, ...]


def _directory() -> ExemplarIndexPage | None:
    return ExemplarIndexPage.objects.live().public().first()


def exemplar_directory(request: HttpRequest | None = None) -> PageLink | None:
    """The public exemplar directory (the home page links to it), or None."""
    directory = _directory()
    if directory is None:
        return None
    return PageLink(title=directory.title, url=directory.get_url(request=request))


def live_exemplar(slug: str) -> ExemplarSummary | None:
    """A live, public exemplar by its slug (its feed)."""
    exemplar = ExemplarPage.objects.live().public().filter(slug=slug).first()
    if exemplar is None:
        return None
    return ExemplarSummary(pk=exemplar.pk, title=exemplar.title, url=exemplar.get_url())


def public_campaign(slug: str) -> CampaignSummary | None:
    """A campaign readers may see (running or closed), by its slug (its feed)."""
    campaign = Campaign.objects.public().filter(slug=slug).first()
    if campaign is None:
        return None
    directory = _directory()
    url = None
    if directory is not None:
        url = directory.url + directory.reverse_subpage("campaign", kwargs={"slug": campaign.slug})
    return CampaignSummary(
        pk=campaign.pk,
        title=campaign.title,
        code=campaign.code,
        url=url,
        exemplar_ids=tuple(campaign.participations.values_list("exemplar_id", flat=True)),
    )


def searchable_campaign_pages() -> dict:
    """Live, public exemplars and legal documents, for the search index."""
    return {
        "exemplar": ExemplarPage.objects.live().public().select_related("locality"),
        "document": LegalDocumentPage.objects.live().public(),
    }
