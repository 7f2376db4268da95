"""StreamField blocks for story bodies: what a journalist can put between the paragraphs.

Each block's plain text (search, radio scripts, read time, feeds) comes from
`core.plaintext.block_text`: rich text and struct fields are converted with their boundaries;
a block whose text is not body text says so with `plain_text(value)`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText
from wagtailmedia import get_media_model
from wagtailmedia.blocks import AudioChooserBlock

from core.plaintext import rich_text

from .sanitize import sanitize_rich_text

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is whitelisted on every save: admin, importer, API or code."""

    def get_prep_value(self, value):
        return sanitize_rich_text(super().get_prep_value(value))

    def clean(self, value):
        value = super().clean(value)
        return RichText(sanitize_rich_text(value.source))

    def get_searchable_content(self, value) -> list[str]:
        """The admin's search (Wagtail's own index) reads the same text as everything else."""
        return [rich_text(value)] if self.search_index else []


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Photo"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("Photo source / photographer"), required=False, max_length=120
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "stories/blocks/image.html"

    def plain_text(self, value) -> str:
        """A caption describes the photo: not read aloud, not counted in the read time."""
        return ""


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Speaker"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"

    def plain_text(self, value) -> str:
        """The quoted words; the attribution is shown beside them, not part of the text."""
        return value.get("text") or ""


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    body = SafeRichTextBlock(label=_("Content"), features=["bold", "italic", "ul", "ol"])

    class Meta:
        icon = "list-ul"
        label = _("Info box")
        template = "stories/blocks/fact_box.html"


class MediaBlock(blocks.StructBlock):
    """Audio or video uploaded to the document library, played without external players."""

    file = DocumentChooserBlock(label=_("Audio / video file"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    transcript = blocks.TextBlock(
        label=_("Transcript (for deaf and hard-of-hearing readers)"), required=False
    )

    def plain_text(self, value) -> str:
        """A recording is not body text (its transcript is for the player, not the script)."""
        return ""


class AudioBlock(blocks.StructBlock):
    """A recording from the audio library (media_pipeline.audio): played from its public
    address with byte ranges, its broadcast copy once made.

    Blocks saved before the library named a Wagtail document (`file`); the migration
    stories/0010 made an audio item of each and names it, and old revisions that still name
    only the document find the item made from it (`Audio.source_document_id`)."""

    audio = AudioChooserBlock(label=_("Audio file"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    transcript = blocks.TextBlock(
        label=_("Transcript (for deaf and hard-of-hearing readers)"), required=False
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "stories/blocks/audio.html"

    def bulk_to_python(self, values):
        values = list(values)
        legacy = {
            value["file"]
            for value in values
            if isinstance(value, dict) and not value.get("audio") and value.get("file")
        }
        if legacy:
            found = dict(
                get_media_model()
                .objects.filter(source_document_id__in=legacy)
                .values_list("source_document_id", "pk")
            )
            values = [
                {**value, "audio": found.get(value.get("file"))}
                if isinstance(value, dict) and not value.get("audio") and value.get("file")
                else value
                for value in values
            ]
        return super().bulk_to_python(values)

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def normalize(self, value):
        """Code that still builds the old value (`{"file": document}`) gets the item made from
        that document; the old key is dropped (StructBlock refuses unknown keys)."""
        if isinstance(value, dict) and "file" in value:
            value = dict(value)
            document = value.pop("file")
            if not value.get("audio") and document is not None:
                document_id = getattr(document, "pk", document)
                value["audio"] = (
                    get_media_model().objects.filter(source_document_id=document_id).first()
                )
        return super().normalize(value)

    def plain_text(self, value) -> str:
        """A recording is not body text (its transcript is for the player, not the script)."""
        return ""


class VideoBlock(MediaBlock):
    poster = ImageChooserBlock(label=_("Video poster image"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "stories/blocks/video.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = SafeRichTextBlock(label=_("Paragraph"), features=PARAGRAPH_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    audio = AudioBlock()
    video = VideoBlock()

    class Meta:
        block_counts = {}
