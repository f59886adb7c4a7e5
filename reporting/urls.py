from django.urls import include, path

from . import views, worklist

app_name = "reporting"

urlpatterns = [
    path("documents/", include("reporting.documents.urls")),
    path("dashboard/", include("reporting.dashboards.urls")),
    path("inbox/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.report, name="report"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("obligations/<int:pk>/compliance/", views.compliance, name="compliance"),
    path("obligations/<int:pk>/periods/<int:period>/", views.consolidated, name="consolidated"),
    path("consolidated/trash/", views.consolidated_trash, name="consolidated_trash"),
    path("consolidated/<int:pk>/restore/", views.consolidated_restore, name="consolidated_restore"),
    path("plans/<int:pk>/obligations/", views.obligations, name="obligations"),
    path("plans/<int:pk>/obligations/new/", views.obligation_create, name="obligation_create"),
    path("obligations/<int:pk>/edit/", views.obligation_update, name="obligation_update"),
    path("obligations/<int:pk>/deactivate/", views.obligation_deactivate, name="obligation_deactivate"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("waiting/", worklist.worklist, name="worklist"),
    path("compliance/", worklist.oversight, name="oversight"),
    path("obligations/<int:pk>/periods/<int:period>/units/", worklist.compliance_units, name="compliance_units"),
    path("notifications/", views.notifications, name="notifications"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("calendar/rotate/", views.calendar_rotate, name="calendar_rotate"),
]
