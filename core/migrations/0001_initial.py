"""Localities and the site settings move from lantoa to core, in Django's state only.

Their tables keep their names (`db_table`), so no row moves and nothing is copied. Other
apps' foreign keys move in their own state-only migrations; lantoa/0009 then drops the models
from lantoa's state and renames their content types, so the groups' permissions on them and
Wagtail's history follow.
"""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

import core.collation


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("lantoa", "0008_vi_sort_key_in_one_expression"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("media_pipeline", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "tagline",
                            models.CharField(
                                blank=True,
                                default="Lan tỏa những tấm gương sáng",
                                max_length=200,
                                verbose_name="khẩu hiệu",
                            ),
                        ),
                        (
                            "publisher",
                            models.CharField(
                                blank=True,
                                default="Ban Tuyên giáo và Dân vận Tỉnh ủy",
                                max_length=200,
                                verbose_name="cơ quan chủ quản",
                            ),
                        ),
                        (
                            "footer_text",
                            wagtail.fields.RichTextField(blank=True, verbose_name="chân trang"),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="thư điện tử liên hệ"
                            ),
                        ),
                        (
                            "default_share_image",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="media_pipeline.lantoaimage",
                                verbose_name="ảnh chia sẻ mặc định",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "cài đặt trang",
                        "db_table": "lantoa_sitesettings",
                    },
                ),
                migrations.CreateModel(
                    name="Locality",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=120, verbose_name="tên")),
                        (
                            "level",
                            models.CharField(
                                choices=[
                                    ("province", "Tỉnh / thành phố"),
                                    ("district", "Huyện / thị xã / thành phố thuộc tỉnh"),
                                    ("commune", "Xã / phường / thị trấn"),
                                ],
                                max_length=10,
                                verbose_name="cấp",
                            ),
                        ),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="children",
                                to="core.locality",
                                verbose_name="trực thuộc",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "địa bàn",
                        "verbose_name_plural": "địa bàn",
                        "db_table": "lantoa_locality",
                        "ordering": [
                            "level",
                            models.OrderBy(
                                core.collation.ViCollate(models.F("name")), descending=False
                            ),
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("name", "level", "parent"),
                                name="unique_locality_per_parent",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("parent__isnull", True)),
                                fields=("name", "level"),
                                name="unique_top_level_locality",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]
