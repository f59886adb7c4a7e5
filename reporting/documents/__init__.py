"""Official documents (Decree 30/2020/NĐ-CP; Party: Guidance 36-HD/VPTW) as PDF and .docx.

``model.Document`` describes a document; ``pdf.render_pdf`` / ``docx.render_docx`` draw
it; adapters (``plans.plan_document``) describe the portal's objects; ``services`` store
rendered files in ``reporting.models.RenderedDocument``. See docs/documents.md.
"""


def render(document, fmt: str) -> bytes:
    """Bytes of ``document`` as ``pdf`` or ``docx``."""
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(document)
    raise ValueError(f"Unknown document format: {fmt}")
