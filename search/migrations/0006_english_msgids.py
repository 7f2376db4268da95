"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("lantoa_search", "0005_facet_labels_from_documents"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="indexfailure",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "index update failure",
                "verbose_name_plural": "index update failures",
            },
        ),
        migrations.AlterModelOptions(
            name="searchdocument",
            options={"verbose_name": "search document", "verbose_name_plural": "search documents"},
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="kind",
            field=models.CharField(
                choices=[
                    ("story", "Story"),
                    ("exemplar", "Exemplar"),
                    ("column", "Column"),
                    ("series", "Series"),
                    ("document", "Legal document"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="page_id",
            field=models.PositiveIntegerField(unique=True, verbose_name="page"),
        ),
        migrations.AlterField(
            model_name="searchdocument",
            name="title",
            field=models.CharField(max_length=255, verbose_name="title"),
        ),
    ]
