from django.contrib import admin

from plans.admin_mixins import ReadOnlyAdminMixin

from .models import Agreement, DvkModel, FollowUp, Incident, Meeting


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("plan", "created_at")


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "date", "status")
    list_filter = ("kind", "status")


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "owner", "deadline", "status")


@admin.register(DvkModel)
class DvkModelAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "unit", "year", "status")


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "occurred_on", "status")
