"""The official documents embed the bundled Liberation Serif under the production static storage.

Under the production storage (``config.storage``, over whitenoise's ``CompressedManifestStaticFilesStorage``)
``static()`` answers hashed names (``LiberationSerif-Regular.3f2a….ttf``) that are no source file; the document
fetcher refused them and WeasyPrint fell back to a system font. This machine may have the Liberation fonts
installed system-wide (``fc-list``), so the test proves the font comes from ``static/fonts``: every font the PDF
names was fetched, successfully, by the document's own fetcher from the bundled file, and the embedded font
program is that file's font.
"""

from __future__ import annotations

import io
import logging
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

from reporting.documents.pdf import FONT_FILES, StaticOnlyFetcher, render_pdf
from reporting.documents.plans import plan_document
from tests.factories import ItemFactory, PlanFactory, SectionFactory

MANIFEST = "config.storage.CompressedManifestStaticFilesStorage"


class _RecordingFetcher(StaticOnlyFetcher):
    def __init__(self):
        super().__init__()
        self.served, self.refused = [], []

    def fetch(self, url, headers=None):
        try:
            response = super().fetch(url, headers)
        except Exception:
            self.refused.append(url)
            raise
        self.served.append(url)
        return response


def _embedded_fonts(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            names.add(str(font.get("/BaseFont", "")).split("+", 1)[-1])
            for descendant in font.get("/DescendantFonts", []) or []:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and descriptor.get_object().get("/FontFile2") is not None:
                    names.add("embedded:" + str(descriptor.get_object()["/FontName"]).split("+", 1)[-1])
    return names


@pytest.mark.django_db
def test_pdf_embeds_the_bundled_font_under_the_manifest_storage(tmp_path, org, caplog):
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": MANIFEST}}
    # only the bundled fonts are collected (the whole static tree takes minutes to compress)
    source = tmp_path / "source"
    shutil.copytree(settings.BASE_DIR / "static" / "fonts", source / "fonts")
    with override_settings(STATIC_ROOT=str(tmp_path / "static"), STORAGES=storages, STATICFILES_DIRS=[source],
                           STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"]):
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.templatetags.static import static

        assert static(FONT_FILES["regular"]) != "/static/" + FONT_FILES["regular"]  # hashed: the production case
        plan = PlanFactory(owner_unit=org.nvy, issuers=[org.syt], title="Kế hoạch phòng, chống dịch bệnh")
        section = SectionFactory(plan=plan, title="Mục đích")
        ItemFactory(section=section, heading="Mục đích", text="Chủ động phòng, chống dịch bệnh.")
        fetcher = _RecordingFetcher()
        with caplog.at_level(logging.WARNING, logger="weasyprint"):
            data = render_pdf(plan_document(plan), url_fetcher=fetcher)
    assert not fetcher.refused, fetcher.refused
    assert any(url.endswith("/static/fonts/LiberationSerif-Regular.ttf") for url in fetcher.served), fetcher.served
    assert "cannot be loaded" not in caplog.text
    fonts = {name.replace("-", "") for name in _embedded_fonts(data)}
    assert "embedded:LiberationSerif" in fonts, fonts
    assert all(name.removeprefix("embedded:").startswith("LiberationSerif") for name in fonts if name), fonts
