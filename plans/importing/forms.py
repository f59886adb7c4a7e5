"""Forms of the import pages, and the plain-text outline staff correct before saving.

Outline format (one line per section or item)::

    I. Mục đích, yêu cầu
    > an introductory paragraph of the section
    - a dash item
        + its child (four spaces per level)
    1. **Ban Dân vận Tỉnh ủy** the item's text (a heading in ** **)
    ¶ a paragraph without marker
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plans.choices import DocType, ItemStyle, RecipientPurpose, SignerAuthority
from plans.formfields import IdChoiceField, IdMultipleChoiceField
from plans.models import Unit

from . import extract as ex
from .readers import EXTENSIONS, MAX_UPLOAD_BYTES

# --- outline text -----------------------------------------------------------------------------

_MARK_OF_STYLE = {ItemStyle.DASH: "-", ItemStyle.PLUS: "+", ItemStyle.PARAGRAPH: "¶"}
_OUTLINE_ITEM = re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[-+¶•])\s*(?P<t>.*)$")
_OUTLINE_SECTION = re.compile(r"^(?P<m>[IVXLC]+)\s*[.)]\s*(?P<t>.+)$")
_HEADING = re.compile(r"^\*\*(?P<h>.+?)\*\*\s*(?P<t>.*)$")


def outline_to_text(sections: list[dict]) -> str:
    lines: list[str] = []

    def visit(items, depth):
        for item in items:
            mark = item.get("marker") or _MARK_OF_STYLE.get(item.get("style"), "-")
            if item.get("style") == ItemStyle.PARAGRAPH:
                mark = "¶"
            body = item.get("text", "").replace("\n", " ")
            if item.get("heading"):
                body = f"**{item['heading']}** {body}".strip()
            lines.append(f"{'    ' * depth}{mark} {body}".rstrip())
            visit(item.get("items") or [], depth + 1)

    for section in sections:
        lines.append(f"{section.get('label') or 'I'}. {section.get('title', '')}")
        for paragraph in (section.get("intro") or "").split("\n"):
            if paragraph.strip():
                lines.append(f"> {paragraph.strip()}")
        visit(section.get("items") or [], 0)
    return "\n".join(lines)


def _style_of(mark: str) -> str:
    if mark[0].isdigit():
        return ItemStyle.NUMBER.value
    if mark.endswith(")"):
        return ItemStyle.LETTER.value
    return {"+": ItemStyle.PLUS.value, "¶": ItemStyle.PARAGRAPH.value}.get(mark, ItemStyle.DASH.value)


def text_to_outline(text: str) -> list[dict]:
    """Parse the outline back; raises ``ValidationError`` naming the first line it cannot read."""
    sections: list[dict] = []
    stack: list[tuple[int, dict]] = []
    for number, raw in enumerate(text.replace("\t", "    ").splitlines(), start=1):
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        section_match = _OUTLINE_SECTION.match(line) if indent == 0 else None
        if section_match and ex.roman_value(section_match["m"]):
            sections.append({"label": section_match["m"], "title": section_match["t"].strip(), "intro": "",
                             "items": []})
            stack.clear()
            continue
        if not sections:
            raise ValidationError(
                _("Line %(n)d: the outline must start with a section (“I. …”).") % {"n": number}, code="outline")
        if line.startswith(">"):
            intro = sections[-1]["intro"]
            sections[-1]["intro"] = f"{intro}\n{line[1:].strip()}".strip()
            continue
        item_match = _OUTLINE_ITEM.match(line)
        if not item_match:
            if stack:
                item = stack[-1][1]
                item["text"] = f"{item['text']} {line}".strip()
                continue
            raise ValidationError(
                _("Line %(n)d: start the line with a marker (1., a), -, +, ¶) or “>” for a section's "
                  "introduction.") % {"n": number}, code="outline")
        mark, body = item_match["m"], item_match["t"].strip()
        heading = ""
        heading_match = _HEADING.match(body)
        if heading_match:
            heading, body = heading_match["h"].strip(), heading_match["t"].strip()
        item = {"marker": mark, "style": _style_of(mark), "heading": heading, "text": body, "items": []}
        depth = indent // 2 if indent % 4 else indent // 4
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack else None
        (parent["items"] if parent else sections[-1]["items"]).append(item)
        stack.append((depth, item))
    return sections


# --- legal bases and recipients as lines -------------------------------------------------------------


def _date_text(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return ""


def legal_bases_to_text(bases: list[dict]) -> str:
    return "\n".join(
        " | ".join([b.get("lead_in", ""), b.get("doc_type", ""), b.get("number", ""), _date_text(b.get("date")),
                    b.get("issuer", ""), b.get("summary", "")])
        for b in bases
    )


def text_to_legal_bases(text: str) -> list[dict]:
    bases = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 3:
            raise ValidationError(
                _("Legal basis, line %(n)d: write “lead-in | type | number | date | issuer | summary”.")
                % {"n": number}, code="legal_basis")
        parts += [""] * (6 - len(parts))
        date = None
        if parts[3]:
            try:
                date = dt.datetime.strptime(parts[3], "%d/%m/%Y").date().isoformat()
            except ValueError:
                raise ValidationError(
                    _("Legal basis, line %(n)d: the date must be dd/mm/yyyy.") % {"n": number}, code="legal_basis",
                ) from None
        bases.append({"lead_in": parts[0] or "Căn cứ", "doc_type": parts[1], "number": parts[2], "date": date,
                      "issuer": parts[4], "summary": " | ".join(parts[5:]).strip(" |")})
    return bases


def recipients_to_text(recipients: list[dict]) -> str:
    return "\n".join(f"{r['text']} | {r['purpose']}" if r.get("purpose") else r["text"] for r in recipients)


def text_to_recipients(text: str) -> list[dict]:
    purposes = {choice.value for choice in RecipientPurpose}
    recipients = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, _sep, purpose = line.partition("|")
        purpose = purpose.strip()
        if purpose and purpose not in purposes:
            raise ValidationError(
                _("Recipient, line %(n)d: the purpose must be one of: %(choices)s.")
                % {"n": number, "choices": ", ".join(p for p in sorted(purposes) if p)}, code="recipient")
        recipients.append({"text": name.strip().lstrip("-").strip(), "purpose": purpose})
    return recipients


# --- forms ----------------------------------------------------------------------------------------------


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (.txt, .docx or .pdf with a text layer)"), required=False,
                           allow_empty_file=True)
    text = forms.CharField(label=gettext_lazy("…or paste the text of the plan"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is too large (%(size)d MB); the limit is %(limit)d MB.")
                % {"size": upload.size // (1024 * 1024), "limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
                code="too_large")
        name = upload.name.lower()
        if not name.endswith(EXTENSIONS):
            raise ValidationError(_("Upload a .txt, .docx or .pdf file."), code="bad_type")
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise ValidationError(_("Choose a file or paste the text of the plan."), code="nothing")
        return cleaned


def unmatched_issuers(extracted: dict) -> list[str]:
    """Issuers as written that match no unit of the portal (the preview offers to pick or add them)."""
    return [i["name"] for i in extracted.get("issuers") or [] if not i.get("unit_id") and i.get("name")]


class ResponsibilityForm(forms.Form):
    keep = forms.BooleanField(label=gettext_lazy("keep"), required=False, initial=True)
    lead_text = forms.CharField(label=gettext_lazy("Lead (as written)"), max_length=255, required=False)
    unit = IdChoiceField(label=gettext_lazy("Unit of the portal"), queryset=Unit.objects.none(),
                                  required=False)
    section = forms.CharField(widget=forms.HiddenInput, required=False)
    match = forms.CharField(widget=forms.HiddenInput, required=False)  # exact, loose or none (see extract)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(is_active=True)
        if units is not None:  # (id, name) pairs read once per page: no query per rendered row
            self.fields["unit"].choices = [("", "---------"), *units]


ResponsibilityFormSet = forms.formset_factory(ResponsibilityForm, extra=1)


class PreviewForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title (summary line, trích yếu)"), max_length=500)
    doc_type = forms.ChoiceField(label=gettext_lazy("Document type"), choices=DocType.choices)
    number = forms.IntegerField(label=gettext_lazy("Number"), required=False, min_value=1)
    symbol = forms.CharField(label=gettext_lazy("Symbol"), max_length=60, required=False)
    place = forms.CharField(label=gettext_lazy("Place of issue"), max_length=80, required=False)
    governing_body = forms.CharField(label=gettext_lazy("governing body"), max_length=255, required=False)
    day = forms.IntegerField(label=gettext_lazy("Day"), required=False, min_value=1, max_value=31)
    month = forms.IntegerField(label=gettext_lazy("Month"), required=False, min_value=1, max_value=12)
    year = forms.IntegerField(label=gettext_lazy("Year"), required=False, min_value=1945, max_value=2100)
    issuers = IdMultipleChoiceField(label=gettext_lazy("Issuing units (one, or two for a joint plan)"),
                                             queryset=Unit.objects.none(), required=False)
    introduction = forms.CharField(label=gettext_lazy("Introduction"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    legal_bases = forms.CharField(
        label=gettext_lazy("Legal bases"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("One per line: lead-in | type | number | date (dd/mm/yyyy) | issuer | summary"))
    outline = forms.CharField(
        label=gettext_lazy("Sections and items"), widget=forms.Textarea(attrs={"rows": 24, "class": "font-monospace"}),
        help_text=gettext_lazy("One line per section (I., II.) or item (1., 1.1., a), -, +, ¶ for a paragraph); "
                               "four spaces per level of nesting; a heading in **…**; “>” for a section's "
                               "introduction."))
    recipients = forms.CharField(
        label=gettext_lazy("Recipients"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("One per line: recipient | purpose (để báo cáo, để thực hiện, để phối hợp, "
                               "để biết, lưu)"))
    signer_authority = forms.ChoiceField(label=gettext_lazy("Signing authority"), choices=SignerAuthority.choices,
                                         required=False)
    signer_position = forms.CharField(label=gettext_lazy("Signer's position"), max_length=120, required=False)
    signer_name = forms.CharField(label=gettext_lazy("Signer's name"), max_length=120, required=False)
    imported_from_ocr = forms.BooleanField(label=gettext_lazy("Imported from OCR (to be reviewed)"), required=False)
    keep_deadlines = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
                                                    label=gettext_lazy("Proposed report deadlines and schedules"))
    keep_targets = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
                                                  label=gettext_lazy("Proposed targets"))
    create_units = forms.MultipleChoiceField(
        label=gettext_lazy("Add as new units of the portal"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Issuers the portal does not know: pick the unit above, or add it (administrators)."))

    def __init__(self, *args, record=None, can_create_units=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuers"].queryset = Unit.objects.filter(is_active=True)
        extracted = record.extracted if record is not None else {}
        unmatched = unmatched_issuers(extracted)
        self.fields["create_units"].choices = [(name, name) for name in unmatched]
        if not (unmatched and can_create_units):
            del self.fields["create_units"]
        proposals = record.proposals if record is not None else {}
        self.fields["keep_deadlines"].choices = [
            (i, d.get("text", "")) for i, d in enumerate(proposals.get("report_deadlines") or [])]
        self.fields["keep_targets"].choices = [
            (i, t.get("text", "")) for i, t in enumerate(proposals.get("targets") or [])]

    @staticmethod
    def initial_from(extracted: dict, proposals: dict) -> dict:
        date = extracted.get("date") or {}
        signer = extracted.get("signer") or {}
        return {
            "title": extracted.get("title", ""),
            "doc_type": extracted.get("doc_type") or DocType.KH,
            "number": extracted.get("number"),
            "symbol": extracted.get("symbol", ""),
            "place": extracted.get("place", ""),
            "governing_body": extracted.get("governing_body", ""),
            "day": date.get("day"), "month": date.get("month"), "year": date.get("year"),
            "issuers": [i["unit_id"] for i in extracted.get("issuers") or [] if i.get("unit_id")],
            "introduction": extracted.get("introduction", ""),
            "legal_bases": legal_bases_to_text(extracted.get("legal_bases") or []),
            "outline": outline_to_text(extracted.get("sections") or []),
            "recipients": recipients_to_text(extracted.get("recipients") or []),
            "signer_authority": signer.get("authority", ""),
            "signer_position": signer.get("position", ""),
            "signer_name": signer.get("name", ""),
            "imported_from_ocr": bool(extracted.get("ocr")),
            "keep_deadlines": list(range(len(proposals.get("report_deadlines") or []))),
            "keep_targets": list(range(len(proposals.get("targets") or []))),
        }

    def clean_outline(self):
        sections = text_to_outline(self.cleaned_data["outline"])
        if not sections:
            raise ValidationError(_("The plan needs at least one section."), code="no_sections")
        return sections

    def clean_legal_bases(self):
        return text_to_legal_bases(self.cleaned_data.get("legal_bases") or "")

    def clean_recipients(self):
        return text_to_recipients(self.cleaned_data.get("recipients") or "")

    def clean_issuers(self):
        issuers = list(self.cleaned_data.get("issuers") or [])
        if len(issuers) > 2:
            raise ValidationError(_("A plan has one issuing unit, or two for a joint plan."), code="too_many")
        return issuers

    def clean(self):
        cleaned = super().clean()
        day, month, year = cleaned.get("day"), cleaned.get("month"), cleaned.get("year")
        if day and month and year:
            try:
                dt.date(year, month, day)
            except ValueError:
                self.add_error("day", _("This date does not exist."))
        return cleaned

    def corrected(self, responsibilities: list[dict]) -> dict:
        """The extraction as the user corrected it, in the shape ``plan_import_save`` takes."""
        c = self.cleaned_data
        return {
            "doc_type": c["doc_type"],
            "number": c.get("number"),
            "symbol": c.get("symbol", ""),
            "issuers": [{"name": u.name, "unit_id": u.pk, "unit": u.name} for u in c.get("issuers") or []],
            "place": c.get("place", ""),
            "governing_body": c.get("governing_body", ""),
            "date": ({"day": c.get("day"), "month": c.get("month"), "year": c.get("year")}
                     if c.get("year") else None),
            "title": c["title"],
            "introduction": c.get("introduction", ""),
            "legal_bases": c.get("legal_bases") or [],
            "sections": c["outline"],
            "responsibilities": responsibilities,
            "recipients": c.get("recipients") or [],
            "signer": {"authority": c.get("signer_authority", ""), "position": c.get("signer_position", ""),
                       "name": c.get("signer_name", "")},
            "ocr": c.get("imported_from_ocr", False),
        }
