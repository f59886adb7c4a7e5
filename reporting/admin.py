"""Reporting in the admin: public holidays are edited here; everything else is kept by the services
(the obligation form of the portal, the reporting tick, submitting and reviewing, compilation, rendering)
and is only shown."""

from django.contrib import admin

from plans.admin_mixins import ReadOnlyAdminMixin

from .models import (
    ConsolidatedReport,
    Holiday,
    Indicator,
    Notification,
    OutgoingEmail,
    Period,
    Reminder,
    RenderedDocument,
    ReportingObligation,
    ReportRequest,
    Review,
    Submission,
)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Editable: ``manage.py load_holidays`` adds the official days and never overwrites an edited one."""

    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(ReportingObligation)
class ReportingObligationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Obligations are written through the plan's obligation form (``services.obligation_save``)."""

    list_display = ["title", "plan", "period_type", "calendar", "deadline_rule", "recipient_unit", "is_active"]
    list_filter = ["period_type", "calendar", "deadline_rule", "is_active"]
    search_fields = ["title", "plan__title"]
    list_select_related = ["plan", "recipient_unit"]


@admin.register(Period)
class PeriodAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "period_type", "calendar", "year", "index", "start", "end", "cut_off"]
    list_filter = ["period_type", "calendar", "year"]


class SubmissionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Submission
    extra = 0
    fields = ["version", "submitted_by", "submitted_at"]
    readonly_fields = fields


@admin.register(ReportRequest)
class ReportRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["obligation", "unit", "period", "due_date", "status"]
    list_filter = ["status", "period__year", "obligation__period_type"]
    search_fields = ["obligation__title", "unit__name"]
    list_select_related = ["obligation", "unit", "period"]
    inlines = [SubmissionInline]


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["submission", "decision", "reviewer", "created_at"]
    list_filter = ["decision"]
    list_select_related = ["submission__request__obligation", "submission__request__unit",
                           "submission__request__period", "reviewer"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["request", "offset_days", "channel", "sent_at", "delivered_at"]
    list_filter = ["channel", "offset_days"]
    list_select_related = ["request"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "text", "created_at", "read_at"]
    list_select_related = ["user"]


@admin.register(ConsolidatedReport)
class ConsolidatedReportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["obligation", "period", "job_status", "state", "updated_at"]
    list_filter = ["job_status", "state"]
    list_select_related = ["obligation", "period"]


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["content_type", "object_id", "format", "job_status", "progress", "updated_at"]
    list_filter = ["job_status", "format", "content_type"]
    list_select_related = ["content_type"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["to", "subject", "job_status", "attempts", "created_at", "finished_at"]
    list_filter = ["job_status"]
    search_fields = ["to", "subject"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_of_measure", "type", "min_value", "max_value", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["code", "name"]
