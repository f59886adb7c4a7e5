from django.urls import path

from . import views

app_name = "plans_api"

urlpatterns = [
    path("plans/", views.PlanListAPI.as_view(), name="plan-list"),
    path("plans/<int:pk>/", views.PlanDetailAPI.as_view(), name="plan-detail"),
    path("units/", views.UnitListAPI.as_view(), name="unit-list"),
]
