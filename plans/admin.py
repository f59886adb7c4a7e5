from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from plans.admin_mixins import HistoryViewOnlyMixin, ReadOnlyAdminMixin

from .importing.models import PlanImport
from .models import (
    DocumentNumber,
    Item,
    LegalBasis,
    Plan,
    PlanIssuer,
    PlanTransition,
    Recipient,
    Responsibility,
    Section,
    Unit,
    User,
)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "abbreviation", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "code")
    list_select_related = ("parent",)


def _without_is_staff(fieldsets):
    """Django's user fieldsets without ``is_staff``: the portal's admin admits administrators by role."""
    return tuple((name, {**options, "fields": tuple(f for f in options["fields"] if f != "is_staff")})
                 for name, options in fieldsets)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = _without_is_staff(BaseUserAdmin.fieldsets) + ((_("Unit"), {"fields": ("unit", "position")}),)
    list_display = ("username", "first_name", "last_name", "unit", "is_active")
    list_select_related = ("unit",)
    list_filter = ("groups", "unit__kind", "is_active")


class HistoryAdmin(HistoryViewOnlyMixin, SimpleHistoryAdmin):
    """The history of a plan's parts can be read here; a revert would write behind the services."""


class PlanIssuerInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The issuing bodies key the number register: set by the services, shown here."""

    model = PlanIssuer
    extra = 0


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    """Plans are created, numbered and moved through the workflow by the services only."""

    list_display = ("title", "number", "symbol", "year", "kind", "status", "owner_unit")
    list_filter = ("status", "kind", "year")
    search_fields = ("title", "search_text")
    inlines = [PlanIssuerInline]
    list_select_related = ("owner_unit",)
    readonly_fields = ("status", "number", "symbol", "issued_on", "year", "doc_type", "created_by", "copied_from")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model in (Section, Item, LegalBasis, Responsibility, Recipient):
    admin.site.register(model, HistoryAdmin)


@admin.register(PlanTransition)
class PlanTransitionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("plan", "from_status", "to_status", "actor", "created_at")
    list_select_related = ("plan", "actor")


@admin.register(DocumentNumber)
class DocumentNumberAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("year", "doc_type", "issuer", "last_number")
    list_select_related = ("issuer",)


@admin.register(PlanImport)
class PlanImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("source_name", "source", "status", "imported_from_ocr", "plan", "created_by", "created_at")
    list_filter = ("status", "source", "imported_from_ocr")
    list_select_related = ("plan", "created_by")
    readonly_fields = ("extracted", "proposals")
