from django.contrib import admin

from plans.admin_mixins import ReadOnlyAdminMixin

from .models import (
    Achievement,
    Checklist,
    DecisionList,
    Exemplar,
    Movement,
    Nomination,
    Phase,
    Registration,
    Result,
    SelfAssessment,
    Target,
)


class PhaseInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "year", "plan")
    list_filter = ("year",)
    search_fields = ("title",)
    inlines = [PhaseInline]


@admin.register(Target)
class TargetAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "movement", "direction", "value", "scope", "source")
    list_filter = ("direction", "scope", "source")
    search_fields = ("name",)


@admin.register(Result)
class ResultAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("target", "phase", "unit", "value", "source")
    list_filter = ("source",)


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("year", "unit", "person_name", "title", "status")
    list_filter = ("year", "status", "title")


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("year", "unit", "person_name", "title", "status")
    list_filter = ("year", "status", "title")


@admin.register(Achievement)
class AchievementAdmin(admin.ModelAdmin):
    """The achievement record: administrators may enter the titles received before the portal."""

    list_display = ("year", "unit", "person_name", "title", "decision")
    list_filter = ("year", "title")


@admin.register(DecisionList)
class DecisionListAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("year", "unit")


@admin.register(Checklist)
class ChecklistAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "movement")


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("criterion", "phase", "unit", "met")


@admin.register(Exemplar)
class ExemplarAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "unit", "year")
