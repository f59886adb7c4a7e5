"""What a process pays to start, tried in a fresh interpreter (as an operator starts one).

Commands and workers load no document library until a document is rendered; start-up leaves the garbage
collector running; a process that renders a PDF starts no other program, and its HTTPS and library lookup
are as they were before, and fontTools' subsetter is not run (reporting.documents.pdf imports WeasyPrint without
the work it does for nothing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

DOCUMENT_LIBRARIES = ("weasyprint", "docx", "openpyxl", "fontTools", "pypdf", "PIL")


def _run(code: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_worker_starts_without_the_document_libraries_and_with_the_garbage_collector_running():
    state = _run(f"""
import gc, json, sys
import django
django.setup()
from config import celery_app
celery_app.loader.import_default_modules()  # what a worker imports before it is ready: every app's tasks
print(json.dumps({{"loaded": sorted(m for m in {DOCUMENT_LIBRARIES!r} if m in sys.modules),
                  "collecting": gc.isenabled(), "frozen": gc.get_freeze_count()}}))
""")
    assert state["loaded"] == []
    assert state["collecting"]
    assert state["frozen"] > 10_000  # start-up's objects, skipped by every later collection


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library lookup is skipped on Linux only")
def test_rendering_a_pdf_starts_no_other_program_and_leaves_https_as_it_was():
    state = _run("""
import ctypes.util, gc, json, ssl, sys
import django
django.setup()
started = []
sys.addaudithook(lambda event, args: started.append(str(args[0])) if event == "subprocess.Popen" else None)
find_library, https_context = ctypes.util.find_library, ssl._create_default_https_context
from reporting.documents.model import Block, Document
from reporting.documents.pdf import render_pdf
data = render_pdf(Document(style="state", issuers=(), number="Số: 1/KH-SYT", place="Quảng Ngãi", day="02",
                           month="12", year="2026", doc_type="KẾ HOẠCH", title="Thử nghiệm",
                           blocks=(Block(kind="paragraph", text="Nội dung kế hoạch."),)))
print(json.dumps({"pdf": data[:5].decode(), "started": started, "collecting": gc.isenabled(),
                  "subsetter_ran": "fontTools.subset.cff" in sys.modules,
                  "instancer_loaded": "fontTools.varLib.instancer" in sys.modules,
                  "find_library": ctypes.util.find_library is find_library,
                  "https_context": ssl._create_default_https_context is https_context}))
""")
    assert state["pdf"] == "%PDF-"
    assert state["started"] == []  # WeasyPrint's library search ran ldconfig, gcc and ld some twenty times
    assert state["find_library"] and state["https_context"]  # Python's own again: HTTPS trusts the system's CAs
    assert state["collecting"]
    assert not state["subsetter_ran"]  # fontTools' subsetter (~70 ms of import): HarfBuzz subsets the fonts
    assert not state["instancer_loaded"]  # fontTools' instancer (~60 ms): for variable fonts only


def test_the_deferred_function_imports_its_module_at_the_first_call_and_leaves_the_real_module_importable():
    state = _run("""
import json, sys
from reporting.documents.pdf import _deferred_function
with _deferred_function("fontTools.varLib.instancer", "instantiateVariableFont"):
    from fontTools.varLib.instancer import instantiateVariableFont
    loaded_meanwhile = "fontTools.varLib" in sys.modules
import fontTools.varLib.instancer as real
after_import = hasattr(real, "instancer") or hasattr(real, "OverlapMode")  # the real module, not the stand-in
from fontTools.ttLib import TTFont
try:
    instantiateVariableFont(TTFont(), {})
except Exception as error:
    raised = str(error)
print(json.dumps({"loaded_meanwhile": loaded_meanwhile, "real": after_import, "raised_in": raised}))
""")
    assert state["loaded_meanwhile"] is False and state["real"] is True
    assert "fvar" in state["raised_in"]  # fontTools' own function answered: a font without variations
