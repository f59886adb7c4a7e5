"""The load test's reference views (config.settings.bench only: ``PORTAL_BENCH_VIEWS``).

* ``bare``: an empty login-required page through the whole middleware — the framework's ceiling;
* ``cached_page``: a page served whole from the cache — the ceiling of whole-page caching. It reads the
  generations a real page cache would key the inbox and the form on (one round trip to Redis), then the page's
  HTML (one more), and puts a fresh CSRF token where the page had its own. ``benchmarks.pages`` stores the real
  pages of each logged-in unit head before the load.
"""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token

CSRF_PLACEHOLDER = "__bench_csrf_token__"


def page_key(user_id: int, name: str) -> str:
    return f"bench:page:{user_id}:{name}"


@login_required
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


@login_required
def cached_page(request, name: str):
    from plans.caching import generations
    from reporting.selectors import REQUESTS, SETUP

    generations(SETUP, REQUESTS, f"{REQUESTS}:{request.user.unit_id}")
    html = cache.get(page_key(request.user.pk, name))
    if html is None:
        raise Http404
    return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
