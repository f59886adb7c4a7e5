"""The load test's reference views, added to the portal's URLs under config.settings.bench only."""

from django.urls import path

from . import views

urlpatterns = [
    path("bench/bare/", views.bare, name="bench_bare"),
    path("bench/cached/<slug:name>/", views.cached_page, name="bench_cached_page"),
]
