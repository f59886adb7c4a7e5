"""Read-only REST API of plans. Visibility comes from the same selectors and policy as the pages."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from plans.models import Unit
from plans.selectors import plan_document_parts, plan_get, plan_list

from .serializers import PlanDetailSerializer, PlanListSerializer, UnitSerializer


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


# What every endpoint may answer besides its data: documented, so that clients (and the schema's fuzzing in
# tests/test_fuzz_api.py) know them.
NOT_LOGGED_IN = {403: OpenApiResponse(ErrorSerializer, description="Not logged in.")}
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="No such plan, or not one the caller may see; "
                                                                "for a list: a page past the last.")}


@extend_schema(responses={200: PlanListSerializer(many=True), **NOT_LOGGED_IN, **NOT_FOUND}, parameters=[
    OpenApiParameter("q", str, description="Search (accent-insensitive)"),
    OpenApiParameter("year", int), OpenApiParameter("kind", str), OpenApiParameter("status", str),
    OpenApiParameter("unit", int, description="Drafting or issuing unit id"),
])
class PlanListAPI(generics.ListAPIView):
    """Plans the caller may see, with the list page's filters."""

    serializer_class = PlanListSerializer

    def get_queryset(self):
        return plan_list(user=self.request.user, filters=self.request.query_params)


@extend_schema(responses={200: PlanDetailSerializer, **NOT_LOGGED_IN, **NOT_FOUND})
class PlanDetailAPI(generics.RetrieveAPIView):
    """One plan with its legal bases, numbered sections and items, responsibilities, recipients and signer."""

    serializer_class = PlanDetailSerializer

    def get_object(self):
        return plan_get(user=self.request.user, pk=self.kwargs["pk"])

    def retrieve(self, request, *args, **kwargs):
        plan = self.get_object()
        context = self.get_serializer_context() | {"parts": plan_document_parts(plan)}
        return Response(PlanDetailSerializer(plan, context=context).data)


@extend_schema(responses={200: UnitSerializer(many=True), **NOT_LOGGED_IN, **NOT_FOUND})
class UnitListAPI(generics.ListAPIView):
    """The unit tree (flat, with parent ids)."""

    serializer_class = UnitSerializer
    queryset = Unit.objects.filter(is_active=True).order_by("order", "name")
