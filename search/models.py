"""What the reader-facing search stores in the site's own database.

`SearchDocument` is the engine-neutral copy of one live, public page (text plus the facets the
results page counts); the SQLite backend adds its own FTS5 table beside it and the PostgreSQL
backend adds tsvector columns to it, both by migrations that only run on their database.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentKind(models.TextChoices):
    STORY = "story", _("Story")
    EXEMPLAR = "exemplar", pgettext_lazy("full term", "Exemplar")
    COLUMN = "column", _("Column")
    SERIES = "series", _("Series")
    DOCUMENT = "document", _("Legal document")


class SearchDocument(models.Model):
    # Not a foreign key: a deleted page must leave a row for the delete task to find.
    page_id = models.PositiveIntegerField(_("page"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    kind_label = models.CharField(max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_folded = models.CharField(max_length=255, db_index=True)
    body_folded = models.TextField(blank=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    column_id = models.PositiveIntegerField(null=True, blank=True)
    column_title = models.CharField(max_length=255, blank=True)
    exemplar_field = models.CharField(max_length=30, blank=True)
    exemplar_field_label = models.CharField(max_length=100, blank=True)
    locality_id = models.PositiveIntegerField(null=True, blank=True)
    locality_name = models.CharField(max_length=200, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.title


class SearchDocumentTag(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="tags")
    slug = models.CharField(max_length=120)
    name = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["slug"])]

    def __str__(self) -> str:
        return self.name


class IndexFailure(models.Model):
    """An index update that failed after its retries; the editor's save is never affected."""

    page_id = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    error = models.TextField()
    attempts = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("index update failure")
        verbose_name_plural = _("index update failures")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.page_id}: {self.error[:80]}"
