"""Pages for what the work cost and when it paid: expenses and their receipts, the cost method per
platform and year, the tax set-aside estimate, and the comparison by weekday and hour.

Like every work-log page: login only, rows reached through `user=request.user` (another worker's id is a
404), POST bodies marked sensitive, and `Cache-Control: private, no-store` (set for every /worklog/ URL by
`lib/headers.py`).
"""

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
from django.views.decorators.http import require_http_methods, require_safe

from careermap.worklog import expense_exports, expenses, selectors
from careermap.worklog.forms import CURRENCIES
from careermap.worklog.mileage import IRS_BUSINESS_RATES, IRS_RATES_PAGE
from careermap.worklog.models import Expense, ExpenseCategory, Receipt
from careermap.worklog.money_forms import CostMethodForm, ExpenseFilterForm, ExpenseForm, RangeForm, TaxForm
from careermap.worklog.summary import worklog_currencies
from careermap.worklog.taxes import ESTIMATED_TAX_URL, SE_TAX_URL, TOPIC_554_URL, tax_estimate
from careermap.worklog.times import worklog_times
from careermap.worklog.versioned import ConflictError

PAGE_SIZE = 50


def _choices(request: HttpRequest) -> dict[str, Any]:
    return {"platforms": selectors.platform_names(user=request.user), "currencies": CURRENCIES}


@login_required
@require_safe
def expense_list(request: HttpRequest) -> HttpResponse:
    form = ExpenseFilterForm(request.GET or None)
    filters = expenses.ExpenseFilters(**form.cleaned_data) if form.is_valid() else expenses.ExpenseFilters()
    qs = expenses.expense_list(user=request.user, filters=filters)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form if request.GET else ExpenseFilterForm(),
        "page": page,
        "totals": expenses.expense_totals(qs=qs),
        "query": urlencode({k: v for k, v in request.GET.items() if k != "page" and v}),
        "section": "expenses",
        **_choices(request),
    }
    return render(request, "worklog/expense_list.html", context)


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expense_add(request: HttpRequest) -> HttpResponse:
    platforms = selectors.platform_names(user=request.user)
    initial = {"date": dt.date.today(), "currency": "USD", "category": ExpenseCategory.FUEL}
    form = ExpenseForm(request.POST or None, request.FILES or None, initial=initial, platforms=platforms)
    if request.method == "POST" and form.is_valid():
        try:
            expenses.expense_create(user=request.user, receipt=form.cleaned_data["receipt"], **form.values)
        except ValidationError as error:
            form.add_error("receipt" if "receipt" in error.message_dict else None, error.messages)
        else:
            messages.success(request, "Expense recorded.")
            return redirect("worklog:expense_add" if "another" in request.POST else "worklog:expenses")
    context = {"form": form, "section": "expenses", **_choices(request)}
    return render(request, "worklog/expense_form.html", context, status=422 if form.errors else 200)


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expense_edit(request: HttpRequest, expense_id: int) -> HttpResponse:
    expense = get_object_or_404(Expense, user=request.user, pk=expense_id)
    receipt = expenses.receipt_meta(user=request.user, expense_ids=[expense.pk]).get(expense.pk)
    initial = {name: getattr(expense, name) for name in expenses.EXPENSE_FIELDS} | {"version": expense.version}
    form = ExpenseForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        platforms=selectors.platform_names(user=request.user),
        has_receipt=receipt is not None,
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: value for name, value in form.values.items() if value != getattr(expense, name)}
        try:
            expenses.expense_update(
                user=request.user,
                expense_id=expense.pk,
                changes=changes,
                expected_version=form.cleaned_data["version"],
                receipt=form.cleaned_data["receipt"],
                remove_receipt=form.cleaned_data.get("remove_receipt", False),
            )
        except ConflictError:
            form.add_error(None, "This expense was changed elsewhere since you opened it. Reload it and try again.")
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Expense saved.")
            return redirect("worklog:expenses")
    context = {"form": form, "expense": expense, "receipt": receipt, "section": "expenses", **_choices(request)}
    return render(request, "worklog/expense_form.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def expense_delete(request: HttpRequest, expense_id: int) -> HttpResponse:
    expense = get_object_or_404(Expense, user=request.user, pk=expense_id)
    if request.method == "POST":
        expenses.expense_delete(user=request.user, expense_id=expense.pk)
        messages.success(request, "Expense deleted, with its receipt.")
        return redirect("worklog:expenses")
    return render(request, "worklog/confirm_delete.html", {"object": expense, "kind": "expense", "section": "expenses"})


@login_required
@require_safe
def expense_receipt(request: HttpRequest, expense_id: int) -> HttpResponse:
    """The receipt file, to its owner only. Images open in the browser; a PDF downloads (a PDF viewer runs
    scripts of its own). Nothing in it can run on our site: a sandbox CSP and no type sniffing."""
    try:
        receipt = expenses.receipt_get(user=request.user, expense_id=expense_id)
    except Receipt.DoesNotExist:
        raise Http404("No such receipt") from None
    response = HttpResponse(bytes(receipt.data), content_type=receipt.content_type)
    disposition = "attachment" if receipt.content_type == "application/pdf" else "inline"
    ascii_name = receipt.name.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    response["Content-Disposition"] = f'{disposition}; filename="{ascii_name}"'
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@sensitive_post_parameters()
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def cost_methods(request: HttpRequest) -> HttpResponse:
    """For each platform and year with miles or vehicle costs: count actual expenses, or the IRS rate × miles."""
    form = CostMethodForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                chosen = expenses.cost_method_set(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, f"{chosen.platform}, {chosen.year}: {chosen.get_method_display()}.")
                return redirect("worklog:cost_methods")
        else:
            messages.error(request, "Choose a platform, a year and a way to count the costs.")
    context = {
        "rows": expenses.cost_method_rows(user=request.user),
        "rates": IRS_BUSINESS_RATES,
        "rates_page": IRS_RATES_PAGE,
        "section": "expenses",
    }
    return render(request, "worklog/cost_methods.html", context, status=422 if form.errors else 200)


@login_required
@require_safe
def taxes(request: HttpRequest) -> HttpResponse:
    form = TaxForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    estimate = tax_estimate(user=request.user, year=data.get("year"), income_tax_rate=data.get("income_tax_rate"))
    context = {
        "form": form,
        "estimate": estimate,
        "topic_554": TOPIC_554_URL,
        "se_tax_page": SE_TAX_URL,
        "estimated_tax_page": ESTIMATED_TAX_URL,
        "section": "summary",
    }
    return render(request, "worklog/taxes.html", context)


@login_required
@require_safe
def summary_times(request: HttpRequest) -> HttpResponse:
    form = RangeForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    currencies = worklog_currencies(user=request.user)
    currency: str = data["currency"] if data.get("currency") in currencies else (currencies or ["USD"])[0]
    times = worklog_times(
        user=request.user, currency=currency, date_from=data.get("date_from"), date_to=data.get("date_to")
    )
    context = {"form": form, "times": times, "currencies": currencies, "section": "summary"}
    return render(request, "worklog/summary_times.html", context)


@login_required
@require_safe
def export_expenses_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        expense_exports.expense_csv(user=request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="worklog-expenses-{dt.date.today()}.csv"'
    return response
