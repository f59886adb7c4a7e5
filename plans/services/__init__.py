"""Writes. One function per change, keyword-only, the actor passed in explicitly.

Every function checks permission through ``plans.policy`` and the current status,
raises ``PermissionDenied`` or a translated ``ValidationError``, runs in one
transaction and records history (django-simple-history rows and, for the
workflow, a ``PlanTransition``) in that same transaction.

The modules, by concern: ``common`` (permission check, locks, versioned saves,
batches, reindexing), ``numbering`` (symbols and the number register),
``workflow`` (the status transitions), ``content`` (the header, issuers,
sections, items, legal bases, recipients, responsibilities) and ``copy`` (a
plan copied to next year). Callers import from ``plans.services``.
"""

from .common import EditConflict, plan_batch, plan_reindex
from .content import (
    PLAN_HEADER_FIELDS,
    child_delete,
    item_create,
    item_delete,
    item_indent,
    item_move,
    item_outdent,
    item_update,
    legal_basis_save,
    plan_create,
    plan_set_issuers,
    plan_update,
    recipient_save,
    responsibility_save,
    section_create,
    section_delete,
    section_move,
    section_update,
)
from .copy import plan_copy_to_next_year
from .numbering import document_number_take, plan_symbol, register_issuer, symbol_for
from .trash import plan_delete, plan_restore
from .workflow import (
    plan_approve,
    plan_close,
    plan_forward,
    plan_issue,
    plan_return,
    plan_start_implementation,
    plan_submit,
)

__all__ = [
    "PLAN_HEADER_FIELDS",
    "EditConflict",
    "child_delete",
    "document_number_take",
    "item_create",
    "item_delete",
    "item_indent",
    "item_move",
    "item_outdent",
    "item_update",
    "legal_basis_save",
    "plan_approve",
    "plan_delete",
    "plan_restore",
    "plan_batch",
    "plan_close",
    "plan_copy_to_next_year",
    "plan_create",
    "plan_forward",
    "plan_issue",
    "plan_reindex",
    "plan_return",
    "plan_set_issuers",
    "plan_start_implementation",
    "plan_submit",
    "plan_symbol",
    "plan_update",
    "recipient_save",
    "register_issuer",
    "responsibility_save",
    "section_create",
    "section_delete",
    "section_move",
    "section_update",
    "symbol_for",
]
