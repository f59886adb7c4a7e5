"""The report form's hand-written markup (reporting_tags.report_field): every control labelled, the phone's
number keypad on figures, errors beside their field with what the user typed kept."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from reporting.models import Indicator, IndicatorType
from tests.reporting.test_inbox import form_data, make_obligation, own_request

pytestmark = pytest.mark.django_db


class Controls(HTMLParser):
    """The report form's controls (inside <form class="report-form">) and the ids its labels point at."""

    def __init__(self):
        super().__init__()
        self.inside, self.controls, self.labelled, self.ids = False, [], set(), {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "report-form" in (attrs.get("class") or ""):
            self.inside = True
        if not self.inside:
            return
        if attrs.get("id"):
            self.ids[attrs["id"]] = attrs
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.controls.append(attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def parse(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    return parser


@pytest.fixture
def request_url(org, users):
    obligation, _task = make_obligation(org)
    Indicator.objects.filter(code="so_vu").update(type=IndicatorType.INTEGER)
    return obligation, reverse("reporting:report", args=[own_request(users).pk])


def test_every_control_has_a_label_and_figures_get_a_number_keypad(client, users, request_url):
    client.force_login(users.unit_head)
    page = parse(client.get(request_url[1]).content.decode())
    assert len(page.controls) >= 8  # five narrative sections, the task's status and note, the figure, the files
    for control in page.controls:
        assert control["id"] in page.labelled, control
    assert page.ids["id_indicator_so_vu"]["inputmode"] == "numeric"
    assert "form-select" in page.ids[next(c["id"] for c in page.controls if c["id"].endswith("_status"))]["class"]


def test_an_error_is_shown_beside_its_field_with_what_was_typed(client, users, request_url):
    client.force_login(users.unit_head)
    response = client.post(request_url[1], form_data(save="1", indicator_so_vu="mười hai"))
    assert response.status_code == 200
    html = response.content.decode()
    page = parse(html)
    field = page.ids["id_indicator_so_vu"]
    assert field["value"] == "mười hai" and field["aria-invalid"] == "true"
    assert "id_indicator_so_vu_error" in field["aria-describedby"].split()
    error = re.search(r'id="id_indicator_so_vu_error">([^<]+)<', html).group(1)
    assert error.strip()
    assert "Đã công khai 12 thủ tục." in html  # the other fields keep what was typed


@pytest.mark.parametrize("data", [None, {"note": 'Đã xong <b>50%</b> & "còn lại"', "status": "done"}])
def test_the_hand_written_widgets_write_what_djangos_templates_write(data):
    from django import forms
    from django.test.html import parse_html

    from reporting.choices import TaskStatus
    from reporting.forms import MultipleFileInput, ReportSelect, ReportTextarea

    class DjangosMultipleFileInput(forms.ClearableFileInput):
        allow_multiple_selected = True

    def form(textarea, select, files):
        fields = {"note": forms.CharField(widget=textarea(attrs={"rows": 2, "class": "form-control"}), required=False,
                                          help_text="Ghi chú"),
                  "status": forms.ChoiceField(choices=[("", "—"), *TaskStatus.choices], required=False,
                                              widget=select),
                  "files": forms.FileField(widget=files(attrs={"accept": ".pdf,.docx", "class": "form-control"}),
                                           required=False, help_text="PDF, Word")}
        return type("F", (forms.Form,), fields)(data)

    django_form = form(forms.Textarea, forms.Select, DjangosMultipleFileInput)
    ours = form(ReportTextarea, ReportSelect, MultipleFileInput)
    for name in ("note", "status", "files"):
        assert parse_html(str(ours[name])) == parse_html(str(django_form[name]))
