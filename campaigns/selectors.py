"""Small read functions the rest of the site uses to reach exemplars."""

from .models import Campaign, ExemplarIndexPage, ExemplarPage, LegalDocumentIndexPage


def exemplar_directory() -> ExemplarIndexPage | None:
    return ExemplarIndexPage.objects.live().public().first()


def legal_document_list() -> LegalDocumentIndexPage | None:
    return LegalDocumentIndexPage.objects.live().public().first()


def live_exemplars():
    return ExemplarPage.objects.live().public()


def public_campaign(slug: str) -> Campaign | None:
    """A campaign readers may see (running or closed), by its slug."""
    return Campaign.objects.public().filter(slug=slug).first()


def campaign_exemplar_ids(campaign: Campaign) -> list[int]:
    return list(campaign.participations.values_list("exemplar_id", flat=True))


def campaign_url(campaign: Campaign) -> str | None:
    """The campaign's public page, a route of the exemplar directory."""
    directory = exemplar_directory()
    if directory is None:
        return None
    return directory.url + directory.reverse_subpage("campaign", kwargs={"slug": campaign.slug})


def searchable_campaign_pages():
    """Live, public exemplars and legal documents, for the search index."""
    from .models import LegalDocumentPage

    return {
        "exemplar": live_exemplars().select_related("locality"),
        "document": LegalDocumentPage.objects.live().public(),
    }
