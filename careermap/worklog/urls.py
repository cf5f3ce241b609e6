from __future__ import annotations

from django.urls import path

from careermap.worklog import money_views, views

app_name = "worklog"
urlpatterns = [
    path("", views.entry_list, name="home"),
    path("entries/add/", views.entry_add, name="entry_add"),
    path("entries/bulk/", views.entry_bulk, name="entry_bulk"),
    path("entries/<int:entry_id>/", views.entry_edit, name="entry_edit"),
    path("entries/<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    path("payments/", views.payment_list, name="payments"),
    path("payments/add/", views.payment_add, name="payment_add"),
    path("payments/<int:payment_id>/", views.payment_edit, name="payment_edit"),
    path("payments/<int:payment_id>/delete/", views.payment_delete, name="payment_delete"),
    path("payments/<int:payment_id>/match/", views.payment_match, name="payment_match"),
    path("payments/<int:payment_id>/unmatch/", views.payment_unmatch, name="payment_unmatch"),
    path("summary/", views.summary, name="summary"),
    path("summary/times/", money_views.summary_times, name="summary_times"),
    path("taxes/", money_views.taxes, name="taxes"),
    path("expenses/", money_views.expense_list, name="expenses"),
    path("expenses/add/", money_views.expense_add, name="expense_add"),
    path("expenses/costs/", money_views.cost_methods, name="cost_methods"),
    path("expenses/<int:expense_id>/", money_views.expense_edit, name="expense_edit"),
    path("expenses/<int:expense_id>/delete/", money_views.expense_delete, name="expense_delete"),
    path("expenses/<int:expense_id>/receipt/", money_views.expense_receipt, name="expense_receipt"),
    path("data/", views.data, name="data"),
    path("export/entries.csv", views.export_csv, name="export_csv"),
    path("export/payments.csv", views.export_payments_csv, name="export_payments_csv"),
    path("export/worklog.json", views.export_json, name="export_json"),
    path("export/expenses.csv", money_views.export_expenses_csv, name="export_expenses_csv"),
    path("evidence/", views.evidence, name="evidence"),
    path("restore/", views.restore, name="restore"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<int:batch_id>/", views.import_detail, name="import_detail"),
    path("import/<int:batch_id>/preview/", views.import_preview, name="import_preview"),
    path("import/<int:batch_id>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<int:batch_id>/undo/", views.import_undo, name="import_undo"),
    path("import/<int:batch_id>/discard/", views.import_discard, name="import_discard"),
]
