"""The work log's pages. Every view is login-only and reaches rows through `user=request.user`, so another
worker's id is a 404. POST bodies are marked sensitive: error reports never carry entry content."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careermap.lib.ratelimit import allow
from careermap.worklog import charts, exports, rules, selectors, services
from careermap.worklog.csvimport import ignored_columns
from careermap.worklog.evidence import EvidenceForm, PackTooLarge, evidence_pack
from careermap.worklog.forms import (
    CURRENCIES,
    BulkStatusForm,
    EntryFilterForm,
    EntryForm,
    ImportUploadForm,
    MatchForm,
    PaymentForm,
    RestoreForm,
    mapping_form,
)
from careermap.worklog.models import Entry, ImportBatch, ImportKind, ImportState, Payment, Status
from careermap.worklog.money_forms import RangeForm

PAGE_SIZE = 50
IMPORTS_PER_HOUR = 30
PREVIEW_ROWS = 100
PREVIEW_ERRORS = 100


def _choices(request: HttpRequest) -> dict[str, Any]:
    return {"platforms": selectors.platform_names(user=request.user), "currencies": CURRENCIES}


@login_required
@require_safe
def entry_list(request: HttpRequest) -> HttpResponse:
    form = EntryFilterForm(request.GET or None)
    filters = selectors.EntryFilters(**form.cleaned_data) if form.is_valid() else selectors.EntryFilters()
    page = Paginator(selectors.entry_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    context = {
        "form": form if request.GET else EntryFilterForm(),
        "page": page,
        "query": query,
        "statuses": Status.choices,
        "section": "entries",
        **_choices(request),
    }
    return render(request, "worklog/entry_list.html", context)


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_add(request: HttpRequest) -> HttpResponse:
    platforms = selectors.platform_names(user=request.user)
    initial = {"date": dt.date.today(), **selectors.last_entry_defaults(user=request.user)}
    form = EntryForm(request.POST or None, initial=initial, platforms=platforms)
    if request.method == "POST" and form.is_valid():
        entry = services.entry_create(user=request.user, **form.values)
        messages.success(request, f"Logged {entry.hours} h on {entry.platform}.")
        return redirect("worklog:entry_add" if "another" in request.POST else "worklog:home")
    return render(request, "worklog/entry_form.html", {"form": form, "section": "add", **_choices(request)})


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(Entry, user=request.user, pk=entry_id)
    initial = {name: getattr(entry, name) for name in services.ENTRY_FIELDS} | {"version": entry.version}
    if not entry.start_time:
        initial["duration"] = rules.format_duration(entry.minutes)
    form = EntryForm(request.POST or None, initial=initial, platforms=selectors.platform_names(user=request.user))
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.values.items() if value != getattr(entry, name)}
        try:
            services.entry_update(
                user=request.user, entry_id=entry.pk, changes=changes, expected_version=form.cleaned_data["version"]
            )
        except services.ConflictError:
            form.add_error(
                None, "This entry was changed elsewhere since you opened it. Reload it and make your change again."
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Entry saved.")
            return redirect("worklog:home")
    context = {"form": form, "entry": entry, "section": "entries", **_choices(request)}
    return render(request, "worklog/entry_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(Entry, user=request.user, pk=entry_id)
    if request.method == "POST":
        services.entry_delete(user=request.user, entry_id=entry.pk)
        messages.success(request, "Entry deleted.")
        return redirect("worklog:home")
    return render(request, "worklog/confirm_delete.html", {"object": entry, "kind": "entry", "section": "entries"})


@login_required
@require_POST
def entry_bulk(request: HttpRequest) -> HttpResponse:
    form = BulkStatusForm(request.POST)
    back = f"{redirect('worklog:home').url}?{request.POST.get('query', '')}".rstrip("?")
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(back)
    changed = services.entry_bulk_set_status(
        user=request.user, entry_ids=form.cleaned_data["ids"], status=form.cleaned_data["status"]
    )
    messages.success(request, f"Status set to “{Status(form.cleaned_data['status']).label}” on {changed} entries.")
    return redirect(back)


@login_required
@require_safe
def payment_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.payment_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "worklog/payment_list.html", {"page": page, "section": "payments"})


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def payment_add(request: HttpRequest) -> HttpResponse:
    defaults = selectors.last_entry_defaults(user=request.user)
    form = PaymentForm(
        request.POST or None,
        initial={"date": dt.date.today(), **defaults},
        platforms=selectors.platform_names(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        payment = services.payment_create(user=request.user, **form.values)
        messages.success(request, "Payment recorded. Now match it to the work it paid for.")
        return redirect("worklog:payment_match", payment_id=payment.pk)
    return render(request, "worklog/payment_form.html", {"form": form, "section": "payments", **_choices(request)})


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def payment_edit(request: HttpRequest, payment_id: int) -> HttpResponse:
    payment = get_object_or_404(Payment, user=request.user, pk=payment_id)
    initial = {name: getattr(payment, name) for name in services.PAYMENT_FIELDS} | {"version": payment.version}
    form = PaymentForm(request.POST or None, initial=initial, platforms=selectors.platform_names(user=request.user))
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.values.items() if value != getattr(payment, name)}
        try:
            services.payment_update(
                user=request.user, payment_id=payment.pk, changes=changes, expected_version=form.cleaned_data["version"]
            )
        except services.ConflictError:
            form.add_error(None, "This payment was changed elsewhere since you opened it. Reload it and try again.")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Payment saved.")
            return redirect("worklog:payments")
    context = {"form": form, "payment": payment, "section": "payments", **_choices(request)}
    return render(request, "worklog/payment_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def payment_delete(request: HttpRequest, payment_id: int) -> HttpResponse:
    payment = get_object_or_404(Payment, user=request.user, pk=payment_id)
    if request.method == "POST":
        services.payment_delete(user=request.user, payment_id=payment.pk)
        messages.success(request, "Payment deleted; the entries it was matched to are unchanged.")
        return redirect("worklog:payments")
    return render(request, "worklog/confirm_delete.html", {"object": payment, "kind": "payment", "section": "payments"})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def payment_match(request: HttpRequest, payment_id: int) -> HttpResponse:
    payment = get_object_or_404(Payment, user=request.user, pk=payment_id)
    form = MatchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.payment_match(
                user=request.user,
                payment_id=payment.pk,
                entry_ids=form.cleaned_data["entries"],
                mark_paid=form.cleaned_data["mark_paid"],
            )
        except Entry.DoesNotExist:
            raise Http404("No such entry") from None
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Matched to {count} entries.")
            return redirect("worklog:payment_match", payment_id=payment.pk)
    context = {
        "payment": payment,
        "form": form,
        "matches": payment.matches.select_related("entry").order_by("entry__date"),
        "candidates": selectors.payment_match_candidates(user=request.user, payment=payment),
        "section": "payments",
    }
    return render(request, "worklog/payment_match.html", context)


@login_required
@require_POST
def payment_unmatch(request: HttpRequest, payment_id: int) -> HttpResponse:
    payment = get_object_or_404(Payment, user=request.user, pk=payment_id)
    services.payment_unmatch(user=request.user, payment_id=payment.pk)
    messages.success(request, "The payment is no longer matched to any entry. Entry statuses are unchanged.")
    return redirect("worklog:payment_match", payment_id=payment.pk)


@login_required
@require_safe
def summary(request: HttpRequest) -> HttpResponse:
    form = RangeForm(request.GET or None)  # a currency and an optional date range
    data = form.cleaned_data if form.is_valid() else {}
    result = selectors.worklog_summary(
        user=request.user, currency=data.get("currency"), date_from=data.get("date_from"), date_to=data.get("date_to")
    )
    hours_chart, money_chart = charts.summary_charts(months=result.months, currency=result.currency)
    context = {
        "summary": result,
        "form": form,
        "hours_chart": hours_chart,
        "money_chart": money_chart,
        "section": "summary",
    }
    return render(request, "worklog/summary.html", context)


def _data_page(request: HttpRequest, **forms: Any) -> dict[str, Any]:
    return {
        "upload_form": ImportUploadForm(),
        "payout_form": ImportUploadForm(kind=ImportKind.PAYMENTS),
        "restore_form": RestoreForm(),
        "imports": selectors.import_list(user=request.user)[:20],
        "section": "data",
        **forms,
    }


@login_required
@require_safe
def data(request: HttpRequest) -> HttpResponse:
    return render(request, "worklog/data.html", _data_page(request))


@login_required
@require_POST
def restore(request: HttpRequest) -> HttpResponse:
    """Recreate a JSON export in an empty work log (moving to a new account), all or nothing."""
    form = RestoreForm(request.POST, request.FILES)
    if form.is_valid() and not allow(
        scope="import", value=str(request.user.pk), capacity=IMPORTS_PER_HOUR, per_seconds=3600
    ):
        form.add_error(None, "You have uploaded many files in the last hour. Please wait a little.")
    if form.is_valid():
        try:
            entries, payments, _ = services.worklog_json_restore(user=request.user, document=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            messages.success(request, f"Restored {entries} entries and {payments} payments.")
            return redirect("worklog:summary")
    return render(request, "worklog/data.html", _data_page(request, restore_form=form), status=422)


def _attachment(stream: Any, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    return _attachment(
        exports.entry_csv(user=request.user), "text/csv; charset=utf-8", f"worklog-entries-{dt.date.today()}.csv"
    )


@login_required
@require_safe
def export_payments_csv(request: HttpRequest) -> StreamingHttpResponse:
    return _attachment(
        exports.payment_csv(user=request.user), "text/csv; charset=utf-8", f"worklog-payments-{dt.date.today()}.csv"
    )


@login_required
@require_safe
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    return _attachment(exports.export_json(user=request.user), "application/json", f"worklog-{dt.date.today()}.json")


@login_required
@require_safe
def evidence(request: HttpRequest) -> HttpResponse:
    form = EvidenceForm(request.GET or None)
    pack = too_large = None
    if request.GET and form.is_valid():
        try:
            pack = evidence_pack(user=request.user, **form.cleaned_data)
        except PackTooLarge as error:
            too_large = error
    context = {
        "form": form,
        "pack": pack,
        "too_large": too_large,
        "today": dt.date.today(),
        "section": "data",
        **_choices(request),
    }
    response = render(request, "worklog/evidence.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def import_upload(request: HttpRequest) -> HttpResponse:
    """An entries CSV or a payout CSV (`kind`), kept as a draft until the worker confirms."""
    kind = ImportKind.PAYMENTS if request.POST.get("kind") == ImportKind.PAYMENTS else ImportKind.ENTRIES
    form = ImportUploadForm(request.POST, request.FILES, kind=kind)
    if form.is_valid() and not allow(
        scope="import", value=str(request.user.pk), capacity=IMPORTS_PER_HOUR, per_seconds=3600
    ):
        form.add_error(None, "You have uploaded many files in the last hour. Please wait a little.")
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.import_batch_create(user=request.user, filename=upload.name, data=upload.read(), kind=kind)
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            return redirect("worklog:import_detail", batch_id=batch.pk)
    which = "payout_form" if kind == ImportKind.PAYMENTS else "upload_form"
    return render(request, "worklog/data.html", _data_page(request, **{which: form}), status=422)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    """A draft: the column mapping (POST saves it and shows the preview). Otherwise the import's result."""
    batch = get_object_or_404(ImportBatch, user=request.user, pk=batch_id)
    if batch.state != ImportState.DRAFT:
        return render(request, "worklog/import_result.html", {"batch": batch, "section": "data"})
    initial = {f"col_{t}": str(i) for t, i in batch.mapping.get("columns", {}).items()} | {
        k: v for k, v in batch.mapping.items() if k != "columns"
    }
    form = mapping_form(kind=batch.kind)(request.POST or None, header=batch.header, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.import_batch_set_mapping(user=request.user, batch_id=batch.pk, mapping=form.mapping())
        return redirect("worklog:import_preview", batch_id=batch.pk)
    ignored = ignored_columns(batch.header, batch.mapping["columns"])  # as last saved (or guessed)
    context = {"batch": batch, "form": form, "ignored": ignored, "section": "data", **_choices(request)}
    return render(request, "worklog/import_mapping.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_preview(request: HttpRequest, batch_id: int) -> HttpResponse:
    """What the import would do (GET); POST takes or leaves the statuses the notes suggest."""
    batch = get_object_or_404(ImportBatch, user=request.user, pk=batch_id, state=ImportState.DRAFT)
    if request.method == "POST":
        if batch.kind == ImportKind.ENTRIES:  # a payout file has no statuses to suggest
            use = request.POST.get("note_statuses") == "1"
            services.import_batch_use_note_statuses(user=request.user, batch_id=batch.pk, use=use)
        return redirect("worklog:import_preview", batch_id=batch.pk)
    preview = selectors.import_preview(user=request.user, batch=batch, sample=PREVIEW_ROWS, max_errors=PREVIEW_ERRORS)
    context = {"batch": batch, "preview": preview, "section": "data"}
    return render(request, "worklog/import_preview.html", context)


@login_required
@require_POST
def import_confirm(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, user=request.user, pk=batch_id)
    try:
        batch = services.worklog_csv_import(user=request.user, batch_id=batch.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _imported_message(batch))
    return redirect("worklog:import_detail", batch_id=batch.pk)


def _imported_message(batch: ImportBatch) -> str:
    if batch.kind == ImportKind.PAYMENTS:
        return f"Imported {batch.payments_created} payments. Match them to the work they paid for."
    paid = f", and recorded {batch.payments_created} payments of money received" if batch.payments_created else ""
    return f"Imported {batch.rows_created} entries{paid}."


@login_required
@require_POST
def import_undo(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, user=request.user, pk=batch_id)
    try:
        entries, payments = services.import_batch_undo(user=request.user, batch_id=batch.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Import undone: {entries} entries and {payments} payments removed.")
    return redirect("worklog:import_detail", batch_id=batch.pk)


@login_required
@require_POST
def import_discard(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, user=request.user, pk=batch_id, state=ImportState.DRAFT)
    services.import_batch_discard(user=request.user, batch_id=batch.pk)
    messages.success(request, "Upload discarded; nothing was imported.")
    return redirect("worklog:data")
