from django.contrib import admin

from .models import (
    ConsolidatedReport,
    Holiday,
    Indicator,
    Notification,
    Period,
    Reminder,
    ReportingObligation,
    ReportRequest,
    Review,
    Submission,
)


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(ReportingObligation)
class ReportingObligationAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "period_type", "calendar", "deadline_rule", "recipient_unit", "is_active"]
    list_filter = ["period_type", "calendar", "deadline_rule", "is_active"]
    search_fields = ["title", "plan__title"]
    autocomplete_fields = ["plan"]
    filter_horizontal = ["units"]
    list_select_related = ["plan", "recipient_unit"]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "period_type", "calendar", "year", "index", "start", "end", "cut_off"]
    list_filter = ["period_type", "calendar", "year"]


class SubmissionInline(admin.TabularInline):
    model = Submission
    extra = 0
    fields = ["version", "submitted_by", "submitted_at"]
    readonly_fields = fields


@admin.register(ReportRequest)
class ReportRequestAdmin(admin.ModelAdmin):
    list_display = ["obligation", "unit", "period", "due_date", "status"]
    list_filter = ["status", "period__year", "obligation__period_type"]
    search_fields = ["obligation__title", "unit__name"]
    list_select_related = ["obligation", "unit", "period"]
    raw_id_fields = ["obligation", "unit", "period"]
    inlines = [SubmissionInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["submission", "decision", "reviewer", "created_at"]
    list_filter = ["decision"]
    raw_id_fields = ["submission"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["request", "offset_days", "channel", "sent_at"]
    list_filter = ["channel", "offset_days"]
    raw_id_fields = ["request"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "text", "created_at", "read_at"]
    raw_id_fields = ["user"]


@admin.register(ConsolidatedReport)
class ConsolidatedReportAdmin(admin.ModelAdmin):
    list_display = ["obligation", "period", "status", "updated_at"]
    list_filter = ["status"]
    raw_id_fields = ["obligation", "period", "requested_by"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_of_measure", "type", "min_value", "max_value", "is_active"]
    list_filter = ["type", "is_active"]
    search_fields = ["code", "name"]
