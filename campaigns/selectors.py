"""Small read functions the rest of the site uses to reach exemplars."""

from .models import ExemplarIndexPage, ExemplarPage, LegalDocumentIndexPage


def exemplar_directory() -> ExemplarIndexPage | None:
    return ExemplarIndexPage.objects.live().public().first()


def legal_document_list() -> LegalDocumentIndexPage | None:
    return LegalDocumentIndexPage.objects.live().public().first()


def live_exemplars():
    return ExemplarPage.objects.live().public()


def searchable_campaign_pages():
    """Live, public exemplars and legal documents, for the search index."""
    from .models import LegalDocumentPage

    return {
        "exemplar": live_exemplars().select_related("locality"),
        "document": LegalDocumentPage.objects.live().public(),
    }
