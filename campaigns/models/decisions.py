"""Award decisions (quyết định khen thưởng): one decision honours many exemplars; each
recognition of an exemplar points to the decision that gave it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.search import index

from core.admin_search import searchable
from core.collation import vi_order

from ..choices import RecognitionForm, RecognitionLevel
from .pipeline import SignedDocument


class AwardDecision(index.Indexed, SignedDocument):
    """A decision as issued: number and date, who issued and signed it, the form and level of
    the award, the exemplars it honours and its scanned copy (a Wagtail document, so the
    collection's privacy applies to the scan)."""

    number = models.CharField(
        _("Decision number"), max_length=60, help_text=_("For example: 12/QD-UBND")
    )
    decision_date = models.DateField(_("Decision date"))
    issuer = models.CharField(_("Issuing body"), max_length=200)
    parent_body = models.CharField(_("Parent body"), max_length=200, blank=True)
    summary = models.CharField(
        _("Subject line"),
        max_length=300,
        blank=True,
        help_text=_("Blank: the standard subject line for awarding collectives and individuals."),
    )
    basis = models.TextField(
        _("Legal basis of the decision"),
        blank=True,
        help_text=_(
            "One per line. Blank: the Law on Emulation and Commendation, its decree and the plan."
        ),
    )
    proposer = models.CharField(
        _("Proposed by"),
        max_length=200,
        blank=True,
        help_text=_("For example: Head of the provincial Emulation and Commendation Board."),
    )
    form = models.CharField(_("Form of award"), max_length=20, choices=RecognitionForm.choices)
    level = models.CharField(_("Award level"), max_length=20, choices=RecognitionLevel.choices)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("Campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    exemplars = models.ManyToManyField(
        "campaigns.ExemplarPage",
        verbose_name=_("Exemplars honoured"),
        blank=True,
        related_name="award_decisions",
    )
    place = models.CharField(_("Place name on the decision"), max_length=100, blank=True)
    scan = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("Scanned decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Put it in a private collection if readers must not download it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("decision_date")]),
        FieldRowPanel([FieldPanel("parent_body"), FieldPanel("issuer")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("basis"), FieldPanel("proposer")]),
        FieldRowPanel([FieldPanel("form"), FieldPanel("level")]),
        FieldPanel("campaign"),
        FieldPanel("exemplars"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signing_authority"), FieldPanel("signing_for")]),
                FieldRowPanel([FieldPanel("signer_position"), FieldPanel("signer_name")]),
                FieldPanel("place"),
            ],
            heading=_("Signature"),
        ),
        FieldPanel("scan"),
    ]

    search_fields = searchable("number", "issuer", "summary")

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-decision_date", vi_order("number")]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "decision_date"], name="unique_award_decision"
            )
        ]

    def __str__(self) -> str:
        return _("No. %(number)s of %(day)s") % {
            "number": self.number,
            "day": self.decision_date.strftime("%d/%m/%Y"),
        }
