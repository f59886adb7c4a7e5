"""Time to render each seed plan as PDF and .docx (run by `make bench`; prints, asserts nothing about time)."""

import time

import pytest

from reporting.documents import render
from reporting.documents.plans import plan_document
from reporting.documents.samples import SEEDS, build_seed_plan


@pytest.mark.django_db
@pytest.mark.parametrize("index", SEEDS)
def test_render_seed(index, record):
    plan = build_seed_plan(index)
    started = time.perf_counter()
    document = plan_document(plan)
    describe = time.perf_counter() - started
    timings = {}
    for fmt in ("pdf", "docx"):
        render(document, fmt)  # warm: templates, fonts
        started = time.perf_counter()
        data = render(document, fmt)
        timings[fmt] = (time.perf_counter() - started, len(data))
    pdf_s, pdf_n = timings["pdf"]
    docx_s, docx_n = timings["docx"]
    print(f"\nseed {index:03d}: describe {describe * 1000:6.1f} ms | PDF {pdf_s * 1000:7.1f} ms ({pdf_n} B)"
          f" | DOCX {docx_s * 1000:6.1f} ms ({docx_n} B) | {len(document.blocks)} blocks")
    record(f"render seed {index:03d} to PDF", pdf_s, bytes=pdf_n)
    record(f"render seed {index:03d} to .docx", docx_s, bytes=docx_n)
