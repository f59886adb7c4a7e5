from django.urls import path

from . import views

# Included at /reporting/dashboard/ in the ``reporting`` namespace.
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("tasks/", views.task_list, name="dashboard_tasks"),
    path("reports/", views.request_list, name="dashboard_reports"),
    path("units/<int:pk>/", views.unit_page, name="dashboard_unit"),
]
