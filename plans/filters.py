import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import PlanKind, PlanStatus
from .formfields import IdChoiceField
from .models import Plan, Unit
from .search import matching


class UnitFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField


class PlanFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q",
                                  widget=forms.TextInput(attrs={"placeholder": _("Number, title… (accents optional)")}))
    year = django_filters.NumberFilter(label=_("Year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PlanKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlanStatus.choices)
    unit = UnitFilter(label=_("Unit"), queryset=Unit.objects.all(), method="filter_unit")

    class Meta:
        model = Plan
        fields = ["q", "year", "kind", "status", "unit"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # the select's options from the cache, not a count and a read of every unit on each list
        from .selectors import unit_choices

        self._unit_choices = unit_choices

    @property
    def form(self):
        form = super().form
        field = form.fields.get("unit")
        if field is not None and not getattr(field, "_cached_choices", False):
            field.choices = [("", field.empty_label or "---------"), *self._unit_choices()]  # validation: queryset
            field._cached_choices = True
        return form

    def filter_q(self, queryset, name, value):
        return matching(queryset, value)

    def filter_unit(self, queryset, name, value):
        """Plans the unit drafted or issued, or in which it leads or supports a responsibility (no duplicates)."""
        involved = Plan.objects.filter(
            Q(owner_unit=value) | Q(issuer_links__unit=value)
            | Q(responsibilities__lead_unit=value) | Q(responsibilities__supporting_units=value)
        ).values("pk")
        return queryset.filter(pk__in=involved)
