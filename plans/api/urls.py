from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from . import views

app_name = "plans_api"


def not_found(request, rest: str = ""):
    """Any other address under the API answers as the API does (JSON), not with the portal's HTML page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


urlpatterns = [
    path("plans/", views.PlanListAPI.as_view(), name="plan-list"),
    path("plans/<int:pk>/", views.PlanDetailAPI.as_view(), name="plan-detail"),
    path("units/", views.UnitListAPI.as_view(), name="unit-list"),
    re_path(r"^(?P<rest>.*)$", not_found, name="not-found"),  # last
]
