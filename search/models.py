"""What the reader-facing search stores in the site's own database.

`SearchDocument` is the engine-neutral copy of one live, public page (text plus the facets the
results page counts); the SQLite backend adds its own FTS5 table beside it and the PostgreSQL
backend adds tsvector columns to it, both by migrations that only run on their database.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from core.admin_search import searchable
from core.cache import remember

from .analysis import contains_terms, folded_terms


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


class HiddenSearchTerm(index.Indexed, models.Model):
    """A phrase that never shows under "popular searches", kept by editors ("Từ khóa không
    hiển thị"): a query is hidden when it contains the phrase's syllables in a row, compared
    without diacritics, so "tin don" hides "Tin đồn về lãnh đạo tỉnh". Saving or deleting one
    retires the cached pages in every process (core.cache, search/apps.py)."""

    phrase = models.CharField(
        _("Word or phrase"),
        max_length=200,
        help_text=_(
            "Searches containing it are not shown under popular searches, with or without "
            "diacritics."
        ),
    )
    folded = models.CharField(max_length=200, unique=True, editable=False)
    reason = models.TextField(
        _("Reason"), blank=True, help_text=_("For the newsroom only; readers never see it.")
    )
    created_at = models.DateTimeField(_("Added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Changed at"), auto_now=True)
    search_fields = searchable("phrase", "reason")

    class Meta:
        verbose_name = _("hidden search term")
        verbose_name_plural = _("hidden search terms")
        ordering = ["folded"]

    def __str__(self) -> str:
        return self.phrase

    def save(self, *args, **kwargs) -> None:
        self.folded = folded_terms(self.phrase)[:200]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.phrase = " ".join((self.phrase or "").split())
        self.folded = folded_terms(self.phrase)[:200]
        if not self.folded:
            raise ValidationError({"phrase": _("Enter at least one word.")})
        taken = HiddenSearchTerm.objects.filter(folded=self.folded).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {"phrase": _("This phrase is already hidden (perhaps written with diacritics).")}
            )

    @classmethod
    def folded_phrases(cls) -> tuple[str, ...]:
        """Every hidden phrase, folded; cached under the site generation."""
        return remember(
            "search:hidden_terms", lambda: tuple(cls.objects.values_list("folded", flat=True))
        )

    @classmethod
    def hides(cls, query: str, phrases: tuple[str, ...] | None = None) -> bool:
        """Whether a hidden phrase is in `query`."""
        phrases = cls.folded_phrases() if phrases is None else phrases
        return any(contains_terms(query, phrase) for phrase in phrases)


class SearchSyllable(models.Model):
    """A syllable of the published text as written (lower case), with the number of indexed
    pages that use it and how many of those write it capitalised: the vocabulary typo
    correction and diacritic restoration draw on (`search.vocabulary`)."""

    form = models.CharField(max_length=20, unique=True)
    folded = models.CharField(max_length=20, db_index=True)
    pages = models.PositiveIntegerField(default=0)
    capitalized = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search vocabulary syllable")
        verbose_name_plural = _("search vocabulary syllables")

    def __str__(self) -> str:
        return self.form


class SearchBigram(models.Model):
    """Two syllables that follow each other in the published text, and on how many pages."""

    first = models.CharField(max_length=20)
    second = models.CharField(max_length=20)
    folded = models.CharField(max_length=41, db_index=True)  # "dien bien"
    pages = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search vocabulary pair")
        verbose_name_plural = _("search vocabulary pairs")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="search_bigram_unique")
        ]

    def __str__(self) -> str:
        return f"{self.first} {self.second}"


class SearchSynonym(index.Indexed, models.Model):
    """An abbreviation readers type and the words it stands for ("HTX" = "hợp tác xã"), kept by
    editors ("Từ viết tắt khi tìm kiếm"). Both ways and without diacritics: "htx" finds "Hợp tác
    xã Tân Tiến", "hop tac xa" finds "HTX Tân Tiến"; on every engine (`search.synonyms`)."""

    MAX_ABBREVIATION_SYLLABLES = 3
    MAX_MEANING_SYLLABLES = 8

    abbreviation = models.CharField(
        _("Abbreviation"),
        max_length=30,
        help_text=_("As readers type it, e.g. HTX, UBND."),
    )
    meaning = models.CharField(
        _("Stands for"),
        max_length=120,
        help_text=_("The words in full. Searching either finds both."),
    )
    folded_abbreviation = models.CharField(max_length=30, unique=True, editable=False)
    folded_meaning = models.CharField(max_length=120, editable=False)
    created_at = models.DateTimeField(_("Added at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Changed at"), auto_now=True)
    search_fields = searchable("abbreviation", "meaning")

    class Meta:
        verbose_name = _("search abbreviation")
        verbose_name_plural = _("search abbreviations")
        ordering = ["folded_abbreviation"]

    def __str__(self) -> str:
        return f"{self.abbreviation} = {self.meaning}"

    def save(self, *args, **kwargs) -> None:
        self._fold()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self._fold()
        errors: dict[str, str] = {}
        if not self.folded_abbreviation:
            errors["abbreviation"] = _("Enter the abbreviation (letters or digits).")
        elif len(self.folded_abbreviation.split()) > self.MAX_ABBREVIATION_SYLLABLES:
            errors["abbreviation"] = _("Too long for an abbreviation: at most %(n)s words.") % {
                "n": self.MAX_ABBREVIATION_SYLLABLES
            }
        elif (
            SearchSynonym.objects.filter(folded_abbreviation=self.folded_abbreviation)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["abbreviation"] = _(
                "This abbreviation is already in the list (perhaps written with diacritics or "
                "in other letter case); change that entry instead."
            )
        if not self.folded_meaning:
            errors["meaning"] = _("Enter the words the abbreviation stands for.")
        elif len(self.folded_meaning.split()) > self.MAX_MEANING_SYLLABLES:
            errors["meaning"] = _("Too long: at most %(n)s words.") % {
                "n": self.MAX_MEANING_SYLLABLES
            }
        elif self.folded_meaning == self.folded_abbreviation:
            errors["meaning"] = _("The words in full must differ from the abbreviation.")
        if errors:
            raise ValidationError(errors)

    def _fold(self) -> None:
        self.abbreviation = " ".join((self.abbreviation or "").split())
        self.meaning = " ".join((self.meaning or "").split())
        self.folded_abbreviation = folded_terms(self.abbreviation)[:30]
        self.folded_meaning = folded_terms(self.meaning)[:120]
