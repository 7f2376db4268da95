"""Labels, help texts, choices and messages as English msgids with a Vietnamese catalogue
(issue 9): Django's state only, no SQL (`manage.py sqlmigrate` prints none)."""

import core.collation
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0008_locality_in_core"),
        ("core", "0001_initial"),
        ("media_pipeline", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="campaign",
            options={
                "ordering": [
                    "-start_date",
                    models.OrderBy(core.collation.ViCollate(models.F("title")), descending=False),
                ],
                "verbose_name": "emulation campaign",
                "verbose_name_plural": "emulation campaigns",
            },
        ),
        migrations.AlterModelOptions(
            name="campaignreport",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "campaign report",
                "verbose_name_plural": "campaign reports",
            },
        ),
        migrations.AlterModelOptions(
            name="criterion",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "criterion",
                "verbose_name_plural": "criteria",
            },
        ),
        migrations.AlterModelOptions(
            name="criterionassessment",
            options={
                "verbose_name": "criterion assessment",
                "verbose_name_plural": "criterion assessments",
            },
        ),
        migrations.AlterModelOptions(
            name="exemplarindexpage",
            options={"verbose_name": "exemplar directory"},
        ),
        migrations.AlterModelOptions(
            name="exemplarpage",
            options={"verbose_name": "exemplar", "verbose_name_plural": "exemplars"},
        ),
        migrations.AlterModelOptions(
            name="legaldocumentindexpage",
            options={"verbose_name": "legal document list"},
        ),
        migrations.AlterModelOptions(
            name="legaldocumentpage",
            options={"verbose_name": "legal document", "verbose_name_plural": "legal documents"},
        ),
        migrations.AlterModelOptions(
            name="participation",
            options={
                "ordering": [
                    "campaign",
                    models.OrderBy(
                        core.collation.ViCollate(models.F("exemplar__title")), descending=False
                    ),
                ],
                "verbose_name": "exemplar taking part",
                "verbose_name_plural": "exemplars taking part",
            },
        ),
        migrations.AlterModelOptions(
            name="recognition",
            options={
                "ordering": ["decision_date", "pk"],
                "verbose_name": "recognition",
                "verbose_name_plural": "recognitions",
            },
        ),
        migrations.AlterModelOptions(
            name="stageevent",
            options={
                "ordering": ["happened_on", "pk"],
                "verbose_name": "stage change",
                "verbose_name_plural": "stage history",
            },
        ),
        migrations.AlterModelOptions(
            name="stageeventcorrection",
            options={
                "ordering": ["recorded_at", "pk"],
                "verbose_name": "stage date correction",
                "verbose_name_plural": "stage date corrections",
            },
        ),
        migrations.AlterModelOptions(
            name="target",
            options={
                "ordering": ["year", "half", "category"],
                "verbose_name": "target",
                "verbose_name_plural": "targets",
            },
        ),
        migrations.AlterField(
            model_name="campaign",
            name="code",
            field=models.CharField(
                help_text="For example: 60/KH-UBND",
                max_length=60,
                unique=True,
                verbose_name="reference number",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="description",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="content"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="end_date",
            field=models.DateField(verbose_name="end date"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="goal",
            field=models.TextField(
                blank=True, help_text="Shown on the public page.", verbose_name="goal"
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="issuing_body",
            field=models.CharField(max_length=200, verbose_name="issuing body"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="legal_basis",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                related_name="campaigns",
                to="campaigns.legaldocumentpage",
                verbose_name="legal basis",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="officers",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                related_name="campaigns",
                to=settings.AUTH_USER_MODEL,
                verbose_name="officers in charge",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="report_place",
            field=models.CharField(
                blank=True, default="Tân Lâm", max_length=100, verbose_name="place name on reports"
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="scope",
            field=models.CharField(
                choices=[
                    ("province", "Whole province"),
                    ("district", "District level"),
                    ("sector", "Sector"),
                ],
                default="province",
                max_length=20,
                verbose_name="scope",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="scope_locality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="campaigns",
                to="core.locality",
                verbose_name="locality",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="scope_sector",
            field=models.CharField(blank=True, max_length=200, verbose_name="sector"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="slug",
            field=models.SlugField(blank=True, max_length=80, unique=True, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="start_date",
            field=models.DateField(verbose_name="start date"),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="status",
            field=models.CharField(
                choices=[("planned", "Planned"), ("running", "Ongoing"), ("closed", "Closed")],
                default="planned",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="campaign",
            name="title",
            field=models.CharField(max_length=255, verbose_name="name of the campaign or plan"),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="campaign",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reports",
                to="campaigns.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="requested at"),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="error",
            field=models.TextField(blank=True, verbose_name="error"),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="file",
            field=models.FileField(blank=True, upload_to="campaign-reports/", verbose_name="file"),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="half",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (0, "Whole year"),
                    (1, "First half of the year"),
                    (2, "Second half of the year"),
                ],
                verbose_name="period",
            ),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="progress",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="progress (%)"),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="requested_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="requested by",
            ),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("running", "Being built"),
                    ("done", "Done"),
                    ("failed", "Failed"),
                ],
                default="queued",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="campaignreport",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="year"),
        ),
        migrations.AlterField(
            model_name="criterion",
            name="text",
            field=models.CharField(max_length=300, verbose_name="criterion"),
        ),
        migrations.AlterField(
            model_name="criterionassessment",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="campaigns.criterion",
                verbose_name="criterion",
            ),
        ),
        migrations.AlterField(
            model_name="criterionassessment",
            name="evidence",
            field=models.TextField(blank=True, verbose_name="evidence"),
        ),
        migrations.AlterField(
            model_name="criterionassessment",
            name="met",
            field=models.BooleanField(default=False, verbose_name="met"),
        ),
        migrations.AlterField(
            model_name="exemplarindexpage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="achievements",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="notable achievements"),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="field",
            field=models.CharField(
                choices=[
                    ("economy", "Economic development, sustainable poverty reduction"),
                    ("good_deeds", "Good people, good deeds"),
                    ("residential", "Villages, neighbourhoods, residential areas"),
                    ("family", "Families and clans"),
                    ("new_rural", "New rural development"),
                    ("business", "Production and business"),
                    ("administration", "Administrative and public service bodies"),
                    ("defence", "Defence and security"),
                    ("education", "Education and training"),
                    ("health", "Health and healthcare"),
                    ("youth", "Young entrepreneurs"),
                    ("other", "Other fields"),
                ],
                max_length=20,
                verbose_name="field",
            ),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("individual", "Individual"),
                    ("collective", "Collective"),
                    ("household", "Household"),
                    ("model", "Model"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="locality",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="exemplars",
                to="core.locality",
                verbose_name="locality",
            ),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="organisation",
            field=models.CharField(blank=True, max_length=200, verbose_name="organisation or unit"),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="media_pipeline.lantoaimage",
                verbose_name="photo",
            ),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="position",
            field=models.CharField(
                blank=True,
                help_text="For individuals.",
                max_length=200,
                verbose_name="position, occupation",
            ),
        ),
        migrations.AlterField(
            model_name="exemplarpage",
            name="summary",
            field=models.TextField(blank=True, max_length=600, verbose_name="summary"),
        ),
        migrations.AlterField(
            model_name="legaldocumentindexpage",
            name="intro",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="document",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtaildocs.document",
                verbose_name="attachment",
            ),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="document_type",
            field=models.CharField(
                choices=[
                    ("plan", "Plan"),
                    ("official_letter", "Official letter"),
                    ("decision", "Decision"),
                    ("directive", "Directive"),
                    ("resolution", "Resolution"),
                    ("guidance", "Guidance"),
                    ("notice", "Notice"),
                    ("report", "Report"),
                    ("other", "Other document"),
                ],
                max_length=20,
                verbose_name="document type",
            ),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="effective_date",
            field=models.DateField(blank=True, null=True, verbose_name="effective date"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="field",
            field=models.CharField(blank=True, max_length=120, verbose_name="field"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="issue_date",
            field=models.DateField(verbose_name="date issued"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="issuing_body",
            field=models.CharField(max_length=200, verbose_name="issuing body"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="number",
            field=models.CharField(
                help_text="For example: 60/KH-UBND", max_length=60, verbose_name="reference number"
            ),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="signer",
            field=models.CharField(blank=True, max_length=120, verbose_name="signed by"),
        ),
        migrations.AlterField(
            model_name="legaldocumentpage",
            name="summary",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="summary of contents"),
        ),
        migrations.AlterField(
            model_name="participation",
            name="campaign",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participations",
                to="campaigns.campaign",
                verbose_name="campaign",
            ),
        ),
        migrations.AlterField(
            model_name="participation",
            name="exemplar",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participations",
                to="campaigns.exemplarpage",
                verbose_name="exemplar",
            ),
        ),
        migrations.AlterField(
            model_name="participation",
            name="featured",
            field=models.BooleanField(default=False, verbose_name="featured on the campaign page"),
        ),
        migrations.AlterField(
            model_name="participation",
            name="notes",
            field=models.TextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="participation",
            name="stage",
            field=models.PositiveSmallIntegerField(
                choices=[(1, "Discovered"), (2, "Nurtured"), (3, "Summed up"), (4, "Replicated")],
                default=1,
                editable=False,
                verbose_name="current stage",
            ),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="decision_date",
            field=models.DateField(verbose_name="decision date"),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="decision_number",
            field=models.CharField(max_length=60, verbose_name="decision number"),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="form",
            field=models.CharField(
                choices=[
                    ("certificate", "Certificate of commendation"),
                    ("merit", "Certificate of merit"),
                    ("title", "Honorary title"),
                    ("flag", "Emulation flag"),
                    ("medal", "Orders and medals"),
                    ("other", "Other form"),
                ],
                max_length=20,
                verbose_name="form",
            ),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="level",
            field=models.CharField(
                choices=[
                    ("commune", "Commune level"),
                    ("district", "District level"),
                    ("province", "Provincial level"),
                    ("ministry", "Ministry, central agency or mass organisation level"),
                    ("state", "State level"),
                ],
                max_length=20,
                verbose_name="recognition level",
            ),
        ),
        migrations.AlterField(
            model_name="recognition",
            name="year",
            field=models.PositiveSmallIntegerField(blank=True, verbose_name="year of recognition"),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="happened_on",
            field=models.DateField(verbose_name="date"),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="participation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="stage_events",
                to="campaigns.participation",
                verbose_name="participating exemplar",
            ),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="reason",
            field=models.TextField(blank=True, verbose_name="reason, grounds"),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="recorded_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="recorded at"),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="recorded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="recorded by",
            ),
        ),
        migrations.AlterField(
            model_name="stageevent",
            name="stage",
            field=models.PositiveSmallIntegerField(
                choices=[(1, "Discovered"), (2, "Nurtured"), (3, "Summed up"), (4, "Replicated")],
                verbose_name="stage",
            ),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="corrected_on",
            field=models.DateField(verbose_name="correct date"),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="corrections",
                to="campaigns.stageevent",
                verbose_name="stage change entry",
            ),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="previous_on",
            field=models.DateField(verbose_name="date before the correction"),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="reason",
            field=models.TextField(verbose_name="reason for the correction"),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="recorded_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="corrected at"),
        ),
        migrations.AlterField(
            model_name="stageeventcorrection",
            name="recorded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="corrected by",
            ),
        ),
        migrations.AlterField(
            model_name="target",
            name="category",
            field=models.CharField(
                choices=[
                    ("individual", "Individual"),
                    ("collective", "Collective"),
                    ("household", "Household"),
                    ("model", "Model"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="target",
            name="half",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (0, "Whole year"),
                    (1, "First half of the year"),
                    (2, "Second half of the year"),
                ],
                default=0,
                verbose_name="period",
            ),
        ),
        migrations.AlterField(
            model_name="target",
            name="number",
            field=models.IntegerField(verbose_name="number"),
        ),
        migrations.AlterField(
            model_name="target",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="year"),
        ),
        migrations.AlterConstraint(
            model_name="target",
            name="target_number_not_negative",
            constraint=models.CheckConstraint(
                condition=models.Q(("number__gte", 0)),
                name="target_number_not_negative",
                violation_error_code="negative",
                violation_error_message="A target cannot be negative.",
            ),
        ),
    ]
