from django.urls import include, path

from . import views

app_name = "plans"

urlpatterns = [
    path("import/", include("plans.importing.urls")),
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("trash/", views.plan_trash, name="trash"),
    path("<int:pk>/delete/", views.plan_delete, name="delete"),
    path("<int:pk>/restore/", views.plan_restore, name="restore"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/edit/structure/", views.plan_editor, name="editor"),
    path("<int:pk>/history/", views.plan_history_view, name="history"),
    path("<int:pk>/diff/", views.plan_diff_view, name="diff"),
    # workflow
    path("<int:pk>/submit/", views.plan_submit, name="submit"),
    path("<int:pk>/forward/", views.plan_forward, name="forward"),
    path("<int:pk>/return/", views.plan_return, name="return"),
    path("<int:pk>/approve/", views.plan_approve, name="approve"),
    path("<int:pk>/issue/confirm/", views.plan_issue_confirm, name="issue_confirm"),
    path("<int:pk>/issue/", views.plan_issue, name="issue"),
    path("<int:pk>/start/", views.plan_start, name="start"),
    path("<int:pk>/close/", views.plan_close, name="close"),
    path("<int:pk>/copy/", views.plan_copy, name="copy"),
    # editor actions
    path("<int:pk>/sections/add/", views.section_create, name="section_create"),
    path("<int:pk>/sections/<int:section_pk>/update/", views.section_update, name="section_update"),
    path("<int:pk>/sections/<int:section_pk>/delete/", views.section_delete, name="section_delete"),
    path("<int:pk>/sections/<int:section_pk>/move/", views.section_move, name="section_move"),
    path("<int:pk>/sections/<int:section_pk>/items/add/", views.item_create, name="item_create"),
    path("<int:pk>/items/<int:item_pk>/update/", views.item_update, name="item_update"),
    path("<int:pk>/items/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("<int:pk>/items/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("<int:pk>/items/<int:item_pk>/indent/", views.item_indent, name="item_indent"),
    path("<int:pk>/items/<int:item_pk>/outdent/", views.item_outdent, name="item_outdent"),
    # legal bases, responsibilities, recipients: kind is legal-bases, responsibilities or recipients
    path("<int:pk>/<slug:kind>/add/", views.child_save, name="child_create"),
    path("<int:pk>/<slug:kind>/<int:obj_pk>/update/", views.child_save, name="child_update"),
    path("<int:pk>/<slug:kind>/<int:obj_pk>/delete/", views.child_delete, name="child_delete"),
]
