"""The portal's URLs with the load test's reference views (as under config.settings.bench)."""

from benchmarks.urls import urlpatterns as bench_urlpatterns
from config.urls import urlpatterns as portal_urlpatterns

urlpatterns = [*portal_urlpatterns, *bench_urlpatterns]
