from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from config import health
from plans.search import search_page
from plans.views import home


def favicon(request):
    """The portal's icon for what asks ``/favicon.ico`` (the admin's pages, feed readers): its pages name it
    (``templates/base.html``), and a missing icon was a 404 page rendered at every first visit."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("health/", health.health, name="health"),
    path("health/<slug:check>/", health.health_check, name="health_check"),
    path("", home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("search/", search_page, name="search"),
    path("plans/", include("plans.urls")),
    path("reporting/", include("reporting.urls")),
    path("emulation/", include("emulation.urls")),
    path("coordination/", include("coordination.urls")),
    path("dialogue/", include("dialogue.urls")),
    path("api/v1/", include("plans.api.urls")),
    # The schema and its docs describe the whole API: for logged-in users only.
    path("api/schema/", login_required(SpectacularAPIView.as_view()), name="api-schema"),
    path("api/docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
    path("admin/", admin.site.urls),
]
# MEDIA_ROOT is never served, in any setting: every file is downloaded through a view that checks
# access (reporting:attachment, reporting:document_download). See docs/deploy.md.

handler500 = "config.errors.server_error"  # a 503 "briefly unavailable" page while the database is down

if getattr(settings, "PORTAL_BENCH_VIEWS", False):
    # `make bench` only (config.settings.bench): the load test's references (benchmarks/views.py).
    from benchmarks.urls import urlpatterns as bench_urlpatterns

    urlpatterns += bench_urlpatterns
