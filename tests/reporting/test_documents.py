"""Official documents: the layout of Decree 30/2020 measured in the PDF and the .docx, safety, queue, access."""

from __future__ import annotations

import datetime
import io
import time
import unicodedata

import pdfplumber
import pytest
from django.urls import reverse
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from plans.choices import HeaderStyle, ItemStyle, SignerAuthority
from reporting.documents import render
from reporting.documents.fonts import missing_glyphs
from reporting.documents.pdf import RefusedURL, StaticOnlyFetcher, render_html, render_pdf
from reporting.documents.plans import plan_document
from reporting.documents.samples import SEEDS, build_seed_plan, plan_text, seed_text
from reporting.models import JobStatus, RenderedDocument
from tests.factories import ItemFactory, PlanFactory, RecipientFactory, SectionFactory

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
LEFT_COLUMN_END = LEFT + 70 * MM  # the header's left column is 70 mm wide
TOL = 1.0  # pt


# --- helpers -------------------------------------------------------------------


def _pdf(plan) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(render(plan_document(plan), "pdf")))


def _words(page):
    return page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=True)


def _word(page, text):
    found = [w for w in _words(page) if w["text"] == text]
    assert found, f"{text!r} not on the page: {[w['text'] for w in _words(page)][:60]}"
    return found[0]


def _face(fontname: str) -> str:
    name = fontname.split("+", 1)[-1].replace("-", "").replace(" ", "")
    bold, italic = "Bold" in name, "Italic" in name
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold-italic"}[
        (bold, italic)]


def _body_chars(page):
    return [c for c in page.chars if c["text"].strip() and c["top"] >= TOP - TOL]


@pytest.fixture
def state_plan(org):
    """A numbered state plan of Sở Y tế: sections, items, a signer with KT."""
    plan = PlanFactory(
        owner_unit=org.nvy, issuers=[org.syt], number=276, symbol="KH-SYT", place="Quảng Ngãi",
        issued_on=datetime.date(2021, 1, 29), year=2021, title="Thực hiện các phong trào thi đua yêu nước năm 2021",
        signer_authority=SignerAuthority.KT, signer_position="Phó Giám đốc", signer_name="Trần Quang Hào",
    )
    plan.legal_bases.create(order=1, lead_in="Thực hiện", doc_type="Kế hoạch", number="15/KH-UBND",
                            date=datetime.date(2021, 1, 19), issuer="UBND tỉnh",
                            summary="về tổ chức phong trào thi đua năm 2021")
    section = SectionFactory(plan=plan, order=1, title="Mục đích, yêu cầu")
    first = ItemFactory(section=section, order=1, heading="Mục đích", text="")
    for order in range(2, 40):
        ItemFactory(section=section, parent=first, order=order, style=ItemStyle.DASH,
                    text="Đẩy mạnh công tác tuyên truyền, phổ biến các chủ trương, đường lối của Đảng, chính sách, "
                         "pháp luật của Nhà nước về y tế; vận động các tầng lớp nhân dân chung tay bảo vệ sức khỏe.")
    RecipientFactory(plan=plan, order=1, text="Bộ Y tế", purpose="để báo cáo")
    RecipientFactory(plan=plan, order=2, text="Các đơn vị trực thuộc", purpose="")
    return plan


# --- PDF ---------------------------------------------------------------------------


def test_pdf_is_a4_within_the_margins(state_plan):
    with _pdf(state_plan) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            assert page.width == pytest.approx(PAGE_W, abs=0.5)
            assert page.height == pytest.approx(PAGE_H, abs=0.5)
            chars = _body_chars(page)
            assert min(c["x0"] for c in chars) >= LEFT - TOL
            assert max(c["x1"] for c in chars) <= PAGE_W - RIGHT + TOL
            assert max(c["bottom"] for c in chars) <= PAGE_H - BOTTOM + TOL
        # Justified body text reaches both margins; the first page's text starts at the top margin.
        chars = _body_chars(pdf.pages[1])
        assert min(c["x0"] for c in chars) == pytest.approx(LEFT, abs=TOL)
        assert max(c["x1"] for c in chars) == pytest.approx(PAGE_W - RIGHT, abs=TOL)
        first = _body_chars(pdf.pages[0])
        assert min(c["top"] for c in first) == pytest.approx(TOP, abs=3)


def test_pdf_page_numbers_from_page_two_centred_in_the_top_margin(state_plan):
    with _pdf(state_plan) as pdf:
        assert not [c for c in pdf.pages[0].chars if c["bottom"] < TOP]
        number = [c for c in pdf.pages[1].chars if c["bottom"] < TOP]
        assert "".join(c["text"] for c in number) == "2"
        centre = (number[0]["x0"] + number[-1]["x1"]) / 2
        assert centre == pytest.approx((LEFT + PAGE_W - RIGHT) / 2, abs=2)
        assert number[0]["size"] == pytest.approx(13, abs=0.1)


def test_pdf_embeds_the_bundled_times_compatible_font(state_plan):
    with _pdf(state_plan) as pdf:
        names = {c["fontname"].split("+", 1)[-1].replace("-", "").replace(" ", "") for p in pdf.pages for c in p.chars}
    assert names and all(name.startswith(("LiberationSerif", "TimesNewRoman", "Tinos")) for name in names), names


def test_pdf_header_positions_and_styles(state_plan):
    with _pdf(state_plan) as pdf:
        page = pdf.pages[0]
        governing, issuer = _word(page, "UBND"), _word(page, "SỞ")
        national, motto = _word(page, "CỘNG"), _word(page, "Độc")
        number, date = _word(page, "Số:"), _word(page, "ngày")
        # Left column: governing body, issuing body, number; right column: title, motto, date.
        for word in (governing, issuer, number):
            assert word["x1"] < LEFT_COLUMN_END
        for word in (national, motto, date):
            assert word["x0"] > LEFT_COLUMN_END
        assert governing["top"] < issuer["top"] < number["top"]
        assert national["top"] < motto["top"] < date["top"]
        assert number["bottom"] == pytest.approx(date["bottom"], abs=0.5)  # same baseline
        # Sizes and faces of Decree 30's table.
        assert (_face(governing["fontname"]), governing["size"]) == ("regular", pytest.approx(12, abs=0.05))
        assert (_face(issuer["fontname"]), issuer["size"]) == ("bold", pytest.approx(12, abs=0.05))
        assert (_face(national["fontname"]), national["size"]) == ("bold", pytest.approx(12, abs=0.05))
        assert (_face(motto["fontname"]), motto["size"]) == ("bold", pytest.approx(13, abs=0.05))
        assert (_face(number["fontname"]), number["size"]) == ("regular", pytest.approx(13, abs=0.05))
        assert (_face(date["fontname"]), date["size"]) == ("italic", pytest.approx(13, abs=0.05))
        text = page.extract_text()
        assert "Số: 276/KH-SYT" in text
        assert "Quảng Ngãi, ngày 29 tháng 01 năm 2021" in text
        kind = _word(page, "KẾ")
        assert _face(kind["fontname"]) == "bold" and kind["size"] == pytest.approx(14, abs=0.05)
        assert (kind["x0"] + _word(page, "HOẠCH")["x1"]) / 2 == pytest.approx((LEFT + PAGE_W - RIGHT) / 2, abs=2)
        assert _face(_word(page, "phong")["fontname"]) == "bold"  # the summary
        basis = _word(page, "15/KH-UBND")
        assert _face(basis["fontname"]) == "italic" and basis["size"] == pytest.approx(14, abs=0.05)
        heading = _word(page, "I.")
        assert _face(heading["fontname"]) == "bold" and "I. MỤC ĐÍCH, YÊU CẦU" in text
        # First-line indent of 1 cm.
        assert heading["x0"] == pytest.approx(LEFT + 10 * MM, abs=TOL)
        # The rules under the issuing body and the motto are drawn.
        assert any(abs(e["top"] - motto["bottom"]) < 4 and e["x0"] > LEFT_COLUMN_END for e in page.edges)
        assert any(0 < e["top"] - issuer["bottom"] < 4 and e["x1"] < LEFT_COLUMN_END for e in page.edges)


def test_pdf_closing_recipients_left_signature_right(state_plan):
    with _pdf(state_plan) as pdf:
        page = pdf.pages[-1]
        text = page.extract_text()
        nn, kt = _word(page, "Nơi"), _word(page, "KT.")
        assert _face(nn["fontname"]) == "bold-italic" and nn["size"] == pytest.approx(12, abs=0.05)
        assert nn["x0"] == pytest.approx(LEFT, abs=TOL)
        assert _face(kt["fontname"]) == "bold" and kt["size"] == pytest.approx(14, abs=0.05)
        assert kt["x0"] > LEFT_COLUMN_END
        assert nn["bottom"] == pytest.approx(kt["bottom"], abs=1.5)  # on the line of the authority
        assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text
        recipient = _word(page, "Bộ")
        assert _face(recipient["fontname"]) == "regular" and recipient["size"] == pytest.approx(11, abs=0.05)
        assert "- Bộ Y tế (để báo cáo);" in text and "- Lưu: VT, NVY." in text
        name = _word(page, "Hào")
        assert _face(name["fontname"]) == "bold" and name["top"] - kt["bottom"] > 20 * MM  # room to sign


def test_pdf_party_header(org):
    plan = PlanFactory(owner_unit=org.bdv, issuers=[org.bdv], header_style=HeaderStyle.PARTY, number=10,
                       symbol="KH-BDVTU", title="Phối hợp công tác dân vận")
    with _pdf(plan) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA" not in text
        assert "Số 10-KH/BDVTU" in text
        party = _word(page, "ĐẢNG")
        assert _face(party["fontname"]) == "bold" and party["size"] == pytest.approx(15, abs=0.05)
        assert party["x0"] > LEFT_COLUMN_END
        assert any(abs(e["top"] - party["bottom"]) < 4 for e in page.edges)  # rule as long as the text
        issuer = _word(page, "BAN")
        assert _face(issuer["fontname"]) == "bold" and issuer["size"] == pytest.approx(14, abs=0.05)
        star = _word(page, "*")
        assert star["top"] > issuer["top"] and star["x1"] < LEFT_COLUMN_END


def test_pdf_joint_header_shows_both_issuers_side_by_side(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.bdv, org.syt], header_style=HeaderStyle.JOINT,
                       title="Phối hợp công tác dân vận năm 2021")
    with _pdf(plan) as pdf:
        page = pdf.pages[0]
        ban, syt, national = _word(page, "BAN"), _word(page, "SỞ"), _word(page, "CỘNG")
        assert ban["x1"] < syt["x0"] < national["x0"]
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page.extract_text()


def test_blank_day_and_month_stay_blank(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], year=2020, place="Lào Cai", issued_on=None)
    document = plan_document(plan)
    assert document.date_line.startswith("Lào Cai, ngày ") and document.date_line.endswith(" năm 2020")
    assert document.number.startswith("Số:") and document.number.endswith("/KH-SYT")
    assert "ngày 29" not in document.date_line


@pytest.mark.parametrize("index", SEEDS)
def test_every_character_of_the_seeds_renders(db, index):
    """No missing glyph: the bundled font covers every character of the seed, and the PDF of the
    imported plan gives back every character the plan holds."""
    assert not missing_glyphs(seed_text(index))
    plan = build_seed_plan(index)
    with _pdf(plan) as pdf:
        rendered = "".join(page.extract_text() for page in pdf.pages)
    # NFKC: a ligature of the OCR text (U+FB01) comes back as the letters it joins.
    expected = {ch for ch in unicodedata.normalize("NFKC", plan_text(plan)) if not ch.isspace()}
    assert expected - set(rendered) - set(rendered.upper()) == set()
    assert len(expected) > 30


# --- .docx -------------------------------------------------------------------------


def _docx(plan) -> WordDocument:
    return WordDocument(io.BytesIO(render(plan_document(plan), "docx")))


def _runs(word):
    for paragraph in word.paragraphs:
        yield paragraph, from_runs(paragraph)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield paragraph, from_runs(paragraph)
                for inner in cell.tables:
                    for inner_cell in inner.rows[0].cells:
                        for paragraph in inner_cell.paragraphs:
                            yield paragraph, from_runs(paragraph)


def from_runs(paragraph):
    return [run for run in paragraph.runs if run.text]


def _run_with(word, text):
    for paragraph, runs in _runs(word):
        for run in runs:
            if text in run.text:
                return paragraph, run
    raise AssertionError(f"{text!r} not in the document")


def test_docx_page_margins_fonts_and_styles(state_plan):
    word = _docx(state_plan)
    section = word.sections[0]
    for value, mm in ((section.page_width, 210), (section.page_height, 297), (section.top_margin, 20),
                      (section.bottom_margin, 20), (section.left_margin, 30), (section.right_margin, 15)):
        assert abs(value - Mm(mm)) < Mm(0.2)
    runs = [run for _p, runs in _runs(word) for run in runs]
    assert runs and {run.font.name for run in runs} == {"Times New Roman"}
    expectations = {
        "UBND TỈNH QUẢNG NGÃI": (False, False, 12), "SỞ Y TẾ": (True, False, 12),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": (True, False, 12), "Độc lập - Tự do - Hạnh phúc": (True, False, 13),
        "Số: 276/KH-SYT": (False, False, 13), "Quảng Ngãi, ngày 29 tháng 01 năm 2021": (False, True, 13),
        "KẾ HOẠCH": (True, False, 14), "Thực hiện các phong trào": (True, False, 14),
        "Thực hiện Kế hoạch": (False, True, 14), "I. MỤC ĐÍCH, YÊU CẦU": (True, False, 14),
        "Nơi nhận:": (True, True, 12), "- Bộ Y tế (để báo cáo);": (False, False, 11),
        "KT. GIÁM ĐỐC": (True, False, 14), "PHÓ GIÁM ĐỐC": (True, False, 14), "Trần Quang Hào": (True, False, 14),
    }
    for text, (bold, italic, size) in expectations.items():
        paragraph, run = _run_with(word, text)
        assert (bool(run.bold), bool(run.italic), run.font.size.pt) == (bold, italic, size), text
    assert _run_with(word, "SỞ Y TẾ")[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert _run_with(word, "Nơi nhận:")[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    body, _run = _run_with(word, "Đẩy mạnh công tác")
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(body.paragraph_format.first_line_indent - Mm(10)) < Mm(0.2)
    assert body.paragraph_format.space_after.pt >= 6
    # Page numbers: none on the first page, a centred PAGE field on the others.
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_pdf_and_docx_come_from_one_description(state_plan):
    document = plan_document(state_plan)
    word = WordDocument(io.BytesIO(render(document, "docx")))
    with pdfplumber.open(io.BytesIO(render(document, "pdf"))) as pdf:
        pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for line in (document.number, document.doc_type, *document.recipients, *document.signature.lines):
        assert " ".join(line.split()) in pdf_text
        _run_with(word, line.strip())


# --- safety ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://evil/x", "https://evil.example/static/fonts/LiberationSerif-Regular.ttf", "file:///etc/passwd",
    "https://document.invalid/etc/passwd", "https://document.invalid/static/../../etc/passwd",
    "https://document.invalid/static/fonts/%2e%2e/%2e%2e/config/settings/base.py", "data:text/plain,hello",
    "https://document.invalid/static/fonts/missing.ttf",
])
def test_url_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises((RefusedURL, ValueError)):
        StaticOnlyFetcher().fetch(url)


def test_url_fetcher_serves_the_bundled_font():
    response = StaticOnlyFetcher().fetch("https://document.invalid/static/fonts/LiberationSerif-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"


class _RecordingFetcher(StaticOnlyFetcher):
    def __init__(self):
        super().__init__()
        self.urls = []

    def fetch(self, url, headers=None):
        self.urls.append(url)
        return super().fetch(url, headers)


def test_user_text_cannot_inject_markup(org):
    title = 'Kế hoạch <img src="http://evil/x"> <style>body{display:none}</style>'
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], title=title)
    document = plan_document(plan)
    html = render_html(document)
    assert "<img" not in html and "&lt;img src=&quot;http://evil/x&quot;&gt;" in html
    assert "&lt;style&gt;body{display:none}&lt;/style&gt;" in html
    fetcher = _RecordingFetcher()
    data = render_pdf(document, url_fetcher=fetcher)
    assert fetcher.urls and all(url.startswith("https://document.invalid/static/fonts/") for url in fetcher.urls)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert '<img src="http://evil/x">' in pdf.pages[0].extract_text().replace("\n", " ")


# --- views and access --------------------------------------------------------------


@pytest.fixture
def draft(org):
    plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], title="Kế hoạch tiếp xúc, đối thoại năm 2026")
    ItemFactory(section=SectionFactory(plan=plan, title="Nội dung"), text="Tổ chức đối thoại.")
    return plan


def test_preview_uses_the_document_html(client, users, draft):
    client.force_login(users.author)
    response = client.get(reverse("reporting:document_preview", args=["plan", draft.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "KẾ HOẠCH" in content and "Kế hoạch tiếp xúc, đối thoại năm 2026" in content
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_refused_users_get_404(client, users, draft):
    document = RenderedDocument.objects.create(source=draft, format="pdf", content_hash="x" * 64,
                                               job_status=JobStatus.DONE)
    client.force_login(users.other_author)  # another room: never sees this draft
    assert client.get(reverse("reporting:document_preview", args=["plan", draft.pk])).status_code == 404
    assert client.post(reverse("reporting:document_request", args=["plan", draft.pk, "pdf"])).status_code == 404
    assert client.get(reverse("reporting:document_status", args=[document.pk])).status_code == 404
    assert client.get(reverse("reporting:document_download", args=[document.pk])).status_code == 404
    assert not RenderedDocument.objects.exclude(pk=document.pk).exists()
    client.force_login(users.author)
    assert client.post(reverse("reporting:document_request", args=["plan", draft.pk, "exe"])).status_code == 404
    assert client.post(reverse("reporting:document_request", args=["report", draft.pk, "pdf"])).status_code == 404
    assert client.get(reverse("reporting:document_request", args=["plan", draft.pk, "pdf"])).status_code == 405


def test_anonymous_users_are_sent_to_login(client, draft):
    response = client.get(reverse("reporting:document_preview", args=["plan", draft.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_plan_buttons_include(rf, users, draft):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = users.author
    html = render_to_string("reporting/documents/_plan_buttons.html", {"plan": draft}, request=request)
    assert reverse("reporting:document_request", args=["plan", draft.pk, "pdf"]) in html
    assert reverse("reporting:document_request", args=["plan", draft.pk, "docx"]) in html
    assert reverse("reporting:document_preview", args=["plan", draft.pk]) in html


def test_render_service_marks_a_vanished_source_failed(db, draft):
    from reporting.documents.services import document_render

    document = RenderedDocument.objects.create(source=draft, format="pdf", content_hash="y" * 64)
    draft.delete()
    document = document_render(rendered_document_id=document.pk)
    assert document.job_status == JobStatus.FAILED and "no longer exists" in document.error_detail
    assert document.error_message == "Đối tượng mà công việc này xử lý không còn tồn tại."  # the reader's language


# --- through the queue -------------------------------------------------------------


def _wait_done(pk: int, timeout: float = 60) -> RenderedDocument:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document = RenderedDocument.objects.get(pk=pk)
        if document.is_finished:
            return document
        time.sleep(0.2)
    raise AssertionError(f"document {pk} still {document.job_status} after {timeout}s")


@pytest.mark.celery
def test_rendering_runs_in_a_worker_and_is_reused_until_the_plan_changes(celery_worker, client, users, draft):
    client.force_login(users.author)
    url = reverse("reporting:document_request", args=["plan", draft.pk, "pdf"])
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and b"document-status" in response.content
    first = _wait_done(RenderedDocument.objects.get().pk)
    assert first.job_status == JobStatus.DONE, first.error_detail
    assert first.progress == 100
    status = client.get(reverse("reporting:document_status", args=[first.pk]), headers={"HX-Request": "true"})
    assert reverse("reporting:document_download", args=[first.pk]).encode() in status.content
    assert "Tải về PDF" in status.content.decode()  # translated (Vietnamese is the default language)
    assert b"hx-trigger" not in status.content  # finished: the polling stops
    download = client.get(reverse("reporting:document_download", args=[first.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["Content-Disposition"].startswith("attachment")

    # Unchanged: the same file, nothing queued.
    again = client.post(url)
    assert again.status_code == 302 and again["Location"].endswith(f"/{first.pk}/status/")
    assert RenderedDocument.objects.count() == 1

    # Changed: rendered anew by the worker.
    draft.title = "Kế hoạch tiếp xúc, đối thoại năm 2026 (sửa đổi)"
    draft.save()
    client.post(url)
    second = RenderedDocument.objects.exclude(pk=first.pk).get()
    assert second.content_hash != first.content_hash
    second = _wait_done(second.pk)
    assert second.job_status == JobStatus.DONE and second.file.name != first.file.name

    word = client.post(reverse("reporting:document_request", args=["plan", draft.pk, "docx"]))
    docx_doc = _wait_done(RenderedDocument.objects.get(format="docx").pk)
    assert word.status_code == 302 and docx_doc.job_status == JobStatus.DONE
    assert docx_doc.file.read(2) == b"PK"


@pytest.mark.celery
def test_a_rendering_never_picked_up_is_queued_again_by_the_next_request(celery_worker, users, draft):
    """E.g. Redis restarted (it keeps nothing on disk) and lost the queued task: the row stays pending."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from reporting.documents.registry import describe
    from reporting.documents.services import document_request

    lost = RenderedDocument.objects.create(
        content_type=ContentType.objects.get_for_model(draft), object_id=draft.pk, format="pdf",
        content_hash=describe(draft).content_hash(), job_status=JobStatus.QUEUED,
        queued_at=timezone.now() - datetime.timedelta(minutes=1))
    assert document_request(source=draft, fmt="pdf", actor=users.author, now=timezone.now()).pk == lost.pk
    time.sleep(1)
    assert RenderedDocument.objects.get(pk=lost.pk).job_status == JobStatus.QUEUED  # recent: still waiting

    later = timezone.now() + datetime.timedelta(minutes=5)
    assert document_request(source=draft, fmt="pdf", actor=users.author, now=later).pk == lost.pk
    assert _wait_done(lost.pk).job_status == JobStatus.DONE


def test_render_plan_command(state_plan, tmp_path):
    from django.core.management import CommandError, call_command

    target = tmp_path / "plan.docx"
    call_command("render_plan", str(state_plan.pk), "--format", "docx", "-o", str(target), stdout=io.StringIO())
    assert target.read_bytes()[:2] == b"PK"
    target = tmp_path / "plan.pdf"
    call_command("render_plan", str(state_plan.pk), "-o", str(target), stdout=io.StringIO())
    assert target.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(CommandError):
        call_command("render_plan", "999999", "-o", str(target))


def test_an_archive_recipient_becomes_the_single_luu_line(org):
    plan = PlanFactory(owner_unit=org.tccb, issuers=[org.syt])
    RecipientFactory(plan=plan, order=1, text="Bộ Y tế", purpose="để báo cáo")
    RecipientFactory(plan=plan, order=2, text="VT, TCCB (Sang)", purpose="lưu")
    assert plan_document(plan).recipients == ("- Bộ Y tế (để báo cáo);", "- Lưu: VT, TCCB (Sang).")
