"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

import core.collation
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_locality_in_core"),
        ("core", "0001_initial"),
        ("media_pipeline", "0001_initial"),
        ("stories", "0007_locality_in_core"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="author",
            options={
                "ordering": [
                    models.OrderBy(core.collation.ViCollate(models.F("name")), descending=False)
                ],
                "verbose_name": "author",
                "verbose_name_plural": "authors",
            },
        ),
        migrations.AlterModelOptions(
            name="channel",
            options={
                "ordering": ["sort_order", "name"],
                "verbose_name": "channel",
                "verbose_name_plural": "channels",
            },
        ),
        migrations.AlterModelOptions(
            name="columnindexpage",
            options={"verbose_name": "column", "verbose_name_plural": "columns"},
        ),
        migrations.AlterModelOptions(
            name="seriesindexpage",
            options={"verbose_name": "series list"},
        ),
        migrations.AlterModelOptions(
            name="seriespage",
            options={"verbose_name": "series", "verbose_name_plural": "series"},
        ),
        migrations.AlterModelOptions(
            name="storyauthor",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "story author",
                "verbose_name_plural": "story authors",
            },
        ),
        migrations.AlterModelOptions(
            name="storycorrection",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "correction",
                "verbose_name_plural": "corrections",
            },
        ),
        migrations.AlterModelOptions(
            name="storyexemplar",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "exemplar in the story",
                "verbose_name_plural": "exemplars in the story",
            },
        ),
        migrations.AlterModelOptions(
            name="storypage",
            options={"verbose_name": "story", "verbose_name_plural": "stories"},
        ),
        migrations.AlterModelOptions(
            name="storyrelatedlink",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "related story",
                "verbose_name_plural": "related stories",
            },
        ),
        migrations.AlterModelOptions(
            name="storytag",
            options={"verbose_name": "tag", "verbose_name_plural": "tags"},
        ),
        migrations.AlterModelOptions(
            name="taggedstory",
            options={"verbose_name": "story tag", "verbose_name_plural": "story tags"},
        ),
        migrations.AlterModelOptions(
            name="withdrawal",
            options={
                "ordering": ["-withdrawn_at", "-pk"],
                "verbose_name": "withdrawn story",
                "verbose_name_plural": "withdrawn stories",
            },
        ),
        migrations.AlterField(
            model_name="author",
            name="name",
            field=models.CharField(max_length=120, verbose_name="full name / pen name"),
        ),
        migrations.AlterField(
            model_name="author",
            name="organisation",
            field=models.CharField(
                blank=True,
                help_text="Newspaper, station or portal.",
                max_length=150,
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="author",
            name="role",
            field=models.CharField(
                blank=True, default="Phóng viên", max_length=80, verbose_name="job title"
            ),
        ),
        migrations.AlterField(
            model_name="author",
            name="user",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="author_profile",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user account",
            ),
        ),
        migrations.AlterField(
            model_name="channel",
            name="code",
            field=models.SlugField(max_length=30, unique=True, verbose_name="key"),
        ),
        migrations.AlterField(
            model_name="channel",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="channel",
            name="sort_order",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="order"),
        ),
        migrations.AlterField(
            model_name="columnindexpage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
        ),
        migrations.AlterField(
            model_name="seriesindexpage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
        ),
        migrations.AlterField(
            model_name="seriespage",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="media_pipeline.lantoaimage",
                verbose_name="main image",
            ),
        ),
        migrations.AlterField(
            model_name="seriespage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="series introduction"),
        ),
        migrations.AlterField(
            model_name="storyauthor",
            name="author",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="story_links",
                to="stories.author",
                verbose_name="author",
            ),
        ),
        migrations.AlterField(
            model_name="storycorrection",
            name="corrected_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="corrected at"
            ),
        ),
        migrations.AlterField(
            model_name="storycorrection",
            name="note",
            field=models.TextField(max_length=2000, verbose_name="correction text"),
        ),
        migrations.AlterField(
            model_name="storyexemplar",
            name="exemplar",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="story_links",
                to="campaigns.exemplarpage",
                verbose_name="exemplar",
            ),
        ),
        # Only the blocks' labels changed: state only (on SQLite an AlterField of a StreamField
        # would rebuild the whole story table for nothing).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="storypage",
                    name="body",
                    field=wagtail.fields.StreamField(
                        [
                            ("paragraph", 0),
                            ("image", 4),
                            ("quote", 7),
                            ("fact_box", 10),
                            ("audio", 13),
                            ("video", 15),
                        ],
                        blank=True,
                        block_lookup={
                            0: (
                                "stories.blocks.SafeRichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul", "h2", "h3"],
                                    "label": "Paragraph",
                                },
                            ),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "Photo"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Caption", "max_length": 300, "required": False},
                            ),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "label": "Photo source / photographer",
                                    "max_length": 120,
                                    "required": False,
                                },
                            ),
                            4: (
                                "wagtail.blocks.StructBlock",
                                [[("image", 1), ("caption", 2), ("credit", 3)]],
                                {},
                            ),
                            5: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                            6: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Speaker", "max_length": 150, "required": False},
                            ),
                            7: (
                                "wagtail.blocks.StructBlock",
                                [[("text", 5), ("attribution", 6)]],
                                {},
                            ),
                            8: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "Title", "max_length": 150},
                            ),
                            9: (
                                "stories.blocks.SafeRichTextBlock",
                                (),
                                {"features": ["bold", "italic", "ul", "ol"], "label": "Content"},
                            ),
                            10: ("wagtail.blocks.StructBlock", [[("title", 8), ("body", 9)]], {}),
                            11: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "Audio / video file"},
                            ),
                            12: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "label": "Transcript (for deaf and hard-of-hearing readers)",
                                    "required": False,
                                },
                            ),
                            13: (
                                "wagtail.blocks.StructBlock",
                                [[("file", 11), ("caption", 2), ("transcript", 12)]],
                                {},
                            ),
                            14: (
                                "wagtail.images.blocks.ImageChooserBlock",
                                (),
                                {"label": "Video poster image", "required": False},
                            ),
                            15: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("file", 11),
                                        ("caption", 2),
                                        ("transcript", 12),
                                        ("poster", 14),
                                    ]
                                ],
                                {},
                            ),
                        },
                        verbose_name="content",
                    ),
                ),
            ],
        ),
        migrations.AlterField(
            model_name="storypage",
            name="channels",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                related_name="stories",
                to="stories.channel",
                verbose_name="published on",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="hero_caption",
            field=models.CharField(blank=True, max_length=300, verbose_name="main image caption"),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="hero_image",
            field=models.ForeignKey(
                error_messages={"blank": "A story needs a main image before it is published."},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="media_pipeline.lantoaimage",
                verbose_name="main image",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="legacy_id",
            field=models.CharField(
                blank=True, editable=False, max_length=64, verbose_name="legacy article ID"
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="locality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="stories",
                to="core.locality",
                verbose_name="locality",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="part_number",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="part number"
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="pronunciation_notes",
            field=models.TextField(
                blank=True,
                help_text="How to say names, places and local words; printed with the script.",
                verbose_name="pronunciation notes",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="publication_date",
            field=models.DateTimeField(
                blank=True,
                help_text="Leave empty to use the time of first publication.",
                null=True,
                verbose_name="displayed publication date",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="radio_script",
            field=models.TextField(
                blank=True,
                help_text="The text the presenter reads. Leave empty: it is made from the story's text.",
                verbose_name="radio script",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="sapo",
            field=models.TextField(
                help_text="The bold lead paragraph under the title, at most 600 characters.",
                max_length=600,
                verbose_name="standfirst (summary)",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="series",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="stories.seriespage",
                verbose_name="part of series",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="source",
            field=models.CharField(
                blank=True,
                help_text="For example: the Lan Toa newspaper, the provincial radio and TV station.",
                max_length=200,
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="storypage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="stories.TaggedStory",
                to="stories.StoryTag",
                verbose_name="tag",
            ),
        ),
        migrations.AlterField(
            model_name="storyrelatedlink",
            name="related_story",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="stories.storypage",
                verbose_name="related story",
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="page",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty once the page is deleted for good; the old address still says the story was taken down.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="withdrawals",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="story",
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="path",
            field=models.CharField(
                db_index=True,
                help_text="The story's path when it was taken down, for example /guong-sang/ten-bai/.",
                max_length=1000,
                verbose_name="old address",
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="public_reason",
            field=models.TextField(
                blank=True,
                help_text="Leave empty if the reason is not made public.",
                max_length=1000,
                verbose_name="reason for the takedown (shown to readers)",
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="republished_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="republished at"),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="silent",
            field=models.BooleanField(
                default=False,
                help_text="The old address answers as a page that does not exist (404), with no notice, and is left out of the Corrections and takedowns page.",
                verbose_name="taken down silently",
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="title",
            field=models.CharField(max_length=255, verbose_name="story title"),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="withdrawn_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="withdrawn at"
            ),
        ),
        migrations.AlterField(
            model_name="withdrawal",
            name="withdrawn_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="withdrawn by",
            ),
        ),
        migrations.AlterConstraint(
            model_name="storypage",
            name="unique_series_part",
            constraint=models.UniqueConstraint(
                condition=models.Q(("part_number__isnull", False), ("series__isnull", False)),
                fields=("series", "part_number"),
                name="unique_series_part",
                violation_error_message="Another story already has this part of the series.",
            ),
        ),
    ]
