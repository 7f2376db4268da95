"""Reader-facing filters for the exemplar directory and the document list.

Every filter is declared (no `Meta.model`): the directory pages import these filters, so this
module reads only the choices and the campaign pipeline, never the page models.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Locality

from .choices import ExemplarField, ExemplarKind, LegalDocumentType
from .models.pipeline import Campaign


class ExemplarFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ExemplarKind.choices, empty_label=_("All")
    )
    field = django_filters.ChoiceFilter(
        label=pgettext_lazy("exemplar field", "Field"),
        choices=ExemplarField.choices,
        empty_label=_("All"),
    )
    locality = django_filters.ModelChoiceFilter(
        label=_("Locality"),
        empty_label=_("All"),
        queryset=Locality.objects.select_related("parent__parent"),
        method="filter_locality",
    )
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"),
        empty_label=_("All"),
        queryset=Campaign.objects.public(),
        field_name="participations__campaign",
    )

    def filter_locality(self, queryset, name, value):
        """A district also finds the exemplars of its communes."""
        return queryset.filter(locality_id__in=value.descendant_ids())


class LegalDocumentFilter(django_filters.FilterSet):
    document_type = django_filters.ChoiceFilter(
        label=_("Document type"), choices=LegalDocumentType.choices, empty_label=_("All")
    )
    year = django_filters.NumberFilter(
        label=_("Year issued"),
        field_name="issue_date",
        lookup_expr="year",
        # A year a document can carry: "1e9", "2147483648" or "1.5" is refused, not a 500.
        min_value=1945,
        max_value=2100,
        decimal_places=0,
    )
