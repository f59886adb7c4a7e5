from rest_framework import serializers

from plans.models import LegalBasis, Plan, Recipient, Responsibility, Unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "short_name", "kind", "parent", "abbreviation"]


class PlanListSerializer(serializers.ModelSerializer):
    number_display = serializers.CharField(read_only=True)
    owner_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    issuers = serializers.SerializerMethodField()
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Plan
        fields = ["id", "number", "symbol", "number_display", "kind", "status", "year", "place", "issued_on",
                  "title", "owner_unit", "issuers", "imported_from_ocr", "updated_at", "url"]

    def get_issuers(self, plan) -> list[str]:
        return [link.unit.code for link in plan.issuer_links.all()]


class LegalBasisSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalBasis
        fields = ["order", "lead_in", "doc_type", "number", "date", "issuer", "summary", "linked_plan"]


class ResponsibilitySerializer(serializers.ModelSerializer):
    lead_unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    supporting_units = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Responsibility
        fields = ["id", "item", "lead_unit", "lead_text", "supporting_units", "due_date", "recurrence",
                  "expected_output"]


class RecipientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Recipient
        fields = ["order", "text", "purpose"]


def _item_node(node) -> dict:
    return {
        "id": node.item.pk,
        "label": node.label,
        "style": node.item.style,
        "heading": node.item.heading,
        "text": node.item.text,
        "responsibilities": ResponsibilitySerializer(node.item.responsibilities.all(), many=True).data,
        "children": [_item_node(child) for child in node.children],
    }


class PlanDetailSerializer(PlanListSerializer):
    legal_bases = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()
    recipients = serializers.SerializerMethodField()
    signer = serializers.SerializerMethodField()

    class Meta(PlanListSerializer.Meta):
        fields = PlanListSerializer.Meta.fields + ["introduction", "header_style", "legal_bases", "sections",
                                                   "recipients", "signer"]

    def get_legal_bases(self, plan) -> list[dict]:
        return LegalBasisSerializer(self.context["parts"]["legal_bases"], many=True).data

    def get_sections(self, plan) -> list[dict]:
        return [
            {"label": node.label, "title": node.section.title, "intro": node.section.intro,
             "items": [_item_node(item) for item in node.items]}
            for node in self.context["parts"]["outline"]
        ]

    def get_recipients(self, plan) -> list[dict]:
        return RecipientSerializer(self.context["parts"]["recipients"], many=True).data

    def get_signer(self, plan) -> dict:
        return {"authority": plan.signer_authority, "position": plan.signer_position, "name": plan.signer_name}
