"""The portal's search page: every registered search source (``plans.extensions.search_sources``).

One normaliser for the whole portal (``plans.text.fold``): a source's folded text column must
contain every folded word of the query, so "dan van" finds "Dân vận". Each source costs a
bounded number of queries: one sliced query for its hits (plus what its ``queryset`` reads to
decide visibility).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .extensions import SearchSource, search_sources
from .text import fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10


def words_of(query: str | None) -> list[str]:
    """The folded words of a query (a bounded number of them)."""
    return fold((query or "")[:MAX_QUERY_LENGTH].replace("\x00", " ")).split()[:MAX_WORDS]


def matching(queryset, query: str | None, *, field: str = "search_text"):
    """``queryset`` narrowed to the rows whose folded ``field`` contains every word of ``query``."""
    for word in words_of(query):
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset


@dataclass
class Hit:
    title: str
    url: str
    detail: str = ""


@dataclass
class SourceResult:
    source: SearchSource
    hits: list[Hit]
    more: bool  # more hits than shown


def search(*, user, query: str) -> list[SourceResult]:
    """The hits of every source for ``user`` (only what the user may see), sources in order."""
    if not words_of(query):
        return []
    results = []
    for source in search_sources:
        rows = list(matching(source.queryset(user), query, field=source.text_field)[: source.limit + 1])
        hits = [Hit(title=source.title(obj), url=source.url(obj), detail=source.detail(obj) if source.detail else "")
                for obj in rows[: source.limit]]
        results.append(SourceResult(source=source, hits=hits, more=len(rows) > source.limit))
    return results


@login_required
@require_GET
def search_page(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results = search(user=request.user, query=query)
    return render(request, "search/search.html", {
        "query": query, "results": results, "found": sum(len(r.hits) for r in results),
    })


# --- Plans' own source (registered in PlansConfig.ready()) ---------------------------------------


def visible_plans(user):
    from .models import Plan
    from .policy import plan_visibility_q

    return Plan.objects.filter(plan_visibility_q(user)).distinct().select_related("owner_unit")


def _plan_detail(plan) -> str:
    return f"{plan.get_status_display()} · {plan.owner_unit.display_short} · {plan.year}"


PLANS_SOURCE = SearchSource(key="plans", label=_("Plans"), queryset=visible_plans, detail=_plan_detail, order=10)
