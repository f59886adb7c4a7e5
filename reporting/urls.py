from django.urls import include, path

from . import views

app_name = "reporting"

urlpatterns = [
    path("documents/", include("reporting.documents.urls")),
    path("inbox/", views.inbox, name="inbox"),
    path("requests/<int:pk>/", views.report, name="report"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<int:pk>/", views.review, name="review"),
    path("obligations/<int:pk>/compliance/", views.compliance, name="compliance"),
    path("obligations/<int:pk>/periods/<int:period>/", views.consolidated, name="consolidated"),
    path("notifications/", views.notifications, name="notifications"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
]
