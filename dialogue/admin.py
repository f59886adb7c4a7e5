"""Admin: the topics and the petitions' time limits are the administrator's; the rest is kept by the services."""

from django.contrib import admin

from plans.admin_mixins import ReadOnlyAdminMixin

from .models import FollowUp, Petition, PetitionTimeLimit, Question, ReceptionEntry, Session, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "is_active")
    list_editable = ("order", "is_active")


@admin.register(PetitionTimeLimit)
class PetitionTimeLimitAdmin(admin.ModelAdmin):
    list_display = ("kind", "days", "complex_days", "remote_days", "remote_complex_days", "extension_days")

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Session)
class SessionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("title", "form", "starts_at", "organising_unit", "status")
    list_filter = ("status", "form")


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("action", "responsible_unit", "due_date", "status")


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("tracking_code", "session", "status", "created_at")
    list_filter = ("status",)


@admin.register(Petition)
class PetitionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("received_on", "kind", "petitioner", "unit", "due_date", "status")
    list_filter = ("kind", "status")


@admin.register(ReceptionEntry)
class ReceptionEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("date", "unit", "citizen", "officer")
