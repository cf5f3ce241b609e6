"""The private work log: entries of work done, payments received, and which payment paid which entry.

Every row belongs to one user and is only ever read through a selector that filters by that user.
Amounts are decimals with two places; time is whole minutes. Money received is what payments say plus
tips (kept on the entry they came with). What the work cost is what expenses say, or, for driving, the
IRS standard mileage rate × miles where the worker chose it (`CostMethod`), never both for the same miles.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse

from careermap.worklog.dbfuncs import MonthStart


class Status(models.TextChoices):
    PAID = "paid", "Paid"
    PENDING = "pending", "Pending"
    DISPUTED = "disputed", "Disputed"
    UNPAID_ASSESSMENT = "unpaid_assessment", "Unpaid: assessment"
    UNPAID_TRAINING = "unpaid_training", "Unpaid: training"
    UNPAID_ONBOARDING = "unpaid_onboarding", "Unpaid: onboarding"
    REJECTED = "rejected", "Rejected (unpaid)"


#: Work that earned nothing: assessments, training, onboarding and rejected tasks.
UNPAID_STATUSES = (Status.UNPAID_ASSESSMENT, Status.UNPAID_TRAINING, Status.UNPAID_ONBOARDING, Status.REJECTED)
#: Work the platform still owes for.
OWED_STATUSES = (Status.PENDING, Status.DISPUTED)

MAX_MINUTES = 24 * 60
AMOUNT: dict[str, Any] = {"max_digits": 12, "decimal_places": 2}
MILES: dict[str, Any] = {"max_digits": 8, "decimal_places": 2}


class ImportState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IMPORTED = "imported", "Imported"
    UNDONE = "undone", "Undone"


class ImportKind(models.TextChoices):
    ENTRIES = "entries", "Entries"
    PAYMENTS = "payments", "Payments"


class ImportBatch(models.Model):
    """One CSV upload: kept as a draft through mapping and preview, then imported, and perhaps undone.

    An entries import may also record payments (when a money column is money received); a payments
    import records only payments. Undo removes every row the import created."""

    State = ImportState
    Kind = ImportKind

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worklog_imports")
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, choices=ImportKind.choices, default=ImportKind.ENTRIES)
    sha256 = models.CharField(max_length=64)
    content = models.TextField(blank=True)  # the uploaded text; emptied once imported or abandoned
    header = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    state = models.CharField(max_length=10, choices=ImportState.choices, default=ImportState.DRAFT)
    imported_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_duplicate = models.PositiveIntegerField(default=0)
    rows_error = models.PositiveIntegerField(default=0)
    payments_created = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)  # the first [line, reason] pairs, kept after import

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=ImportState.values), name="worklog_import_state_valid"),
            models.CheckConstraint(condition=models.Q(kind__in=ImportKind.values), name="worklog_import_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.state})"

    def get_absolute_url(self) -> str:
        return reverse("worklog:import_detail", args=[self.pk])


class EntryQuerySet(models.QuerySet["Entry"]):
    def unpaid(self) -> EntryQuerySet:
        return self.filter(status__in=UNPAID_STATUSES)

    def owed(self) -> EntryQuerySet:
        return self.filter(status__in=OWED_STATUSES)


class Entry(models.Model):
    """A stretch of work on one day: where, what, how long, what it should pay, and where that stands."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worklog_entries")
    platform = models.CharField(max_length=100)
    task_type = models.CharField("project or task type", max_length=200, blank=True)
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    minutes = models.PositiveIntegerField()
    units = models.DecimalField("units done", max_digits=12, decimal_places=2, null=True, blank=True)
    pay_expected = models.DecimalField(default=Decimal("0.00"), **AMOUNT)
    tips = models.DecimalField(default=Decimal("0.00"), **AMOUNT)  # received with the work, on top of its pay
    miles = models.DecimalField(null=True, blank=True, **MILES)
    currency = models.CharField(max_length=3, default="USD")
    status = models.CharField(max_length=20, choices=Status.choices)
    notes = models.TextField(blank=True)
    import_batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries"
    )
    import_key = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time", "-pk"]
        verbose_name_plural = "entries"
        indexes = [
            models.Index(fields=["user", "date"], name="worklog_entry_user_date"),
            # Covers the summary's GROUP BY queries, so they read this index and never the rows; its month
            # (the same expression the queries group by) puts the groups in index order, so the database
            # sorts nothing: 100,000 entries grouped in ~38 ms of SQLite time instead of ~108 ms.
            # start_time makes it cover the days-and-hours page too.
            models.Index(
                F("user"),
                F("currency"),
                F("platform"),
                MonthStart("date"),
                F("status"),
                F("minutes"),
                F("pay_expected"),
                F("tips"),
                F("miles"),
                F("date"),
                F("start_time"),
                name="worklog_entry_summary",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="worklog_entry_status_valid"),
            models.CheckConstraint(condition=models.Q(pay_expected__gte=0), name="worklog_entry_pay_not_negative"),
            models.CheckConstraint(condition=models.Q(tips__gte=0), name="worklog_entry_tips_not_negative"),
            models.CheckConstraint(
                condition=models.Q(miles__isnull=True) | models.Q(miles__gte=0), name="worklog_entry_miles_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(units__isnull=True) | models.Q(units__gte=0), name="worklog_entry_units_not_negative"
            ),
            models.CheckConstraint(condition=models.Q(minutes__lte=MAX_MINUTES), name="worklog_entry_at_most_a_day"),
            models.CheckConstraint(
                condition=models.Q(start_time__isnull=True, end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__isnull=False),
                name="worklog_entry_start_and_end_together",
            ),
            models.CheckConstraint(
                condition=models.Q(currency__regex=r"^[A-Z]{3}$"), name="worklog_entry_currency_code"
            ),
            models.UniqueConstraint(
                fields=["user", "import_key"],
                condition=~models.Q(import_key=""),
                name="worklog_entry_import_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.platform}"

    def get_absolute_url(self) -> str:
        return reverse("worklog:entry_edit", args=[self.pk])

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(Decimal("0.01"))

    @property
    def is_unpaid(self) -> bool:
        return self.status in UNPAID_STATUSES

    @property
    def is_owed(self) -> bool:
        return self.status in OWED_STATUSES

    def age_days(self, *, today: dt.date) -> int:
        return (today - self.date).days


class Payment(models.Model):
    """Money that actually arrived, recorded on its own and matched to the entries it paid for."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worklog_payments")
    date = models.DateField()
    platform = models.CharField(max_length=100)
    amount = models.DecimalField(**AMOUNT)
    currency = models.CharField(max_length=3, default="USD")
    reference = models.CharField(max_length=200, blank=True)
    import_batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="payments"
    )
    import_key = models.CharField(max_length=64, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    entries: models.ManyToManyField[Entry, PaymentMatch] = models.ManyToManyField(
        Entry, through="PaymentMatch", related_name="payments"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["user", "date"], name="worklog_payment_user_date")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="worklog_payment_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(currency__regex=r"^[A-Z]{3}$"), name="worklog_payment_currency_code"
            ),
            models.UniqueConstraint(
                fields=["user", "import_key"],
                condition=~models.Q(import_key=""),
                name="worklog_payment_import_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.platform} {self.amount} {self.currency}"

    def get_absolute_url(self) -> str:
        return reverse("worklog:payment_edit", args=[self.pk])


class PaymentMatch(models.Model):
    """The part of a payment that paid for one entry."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="matches")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="matches")
    amount = models.DecimalField(**AMOUNT)

    class Meta:
        ordering = ["payment", "entry"]
        constraints = [
            models.UniqueConstraint(fields=["payment", "entry"], name="worklog_match_unique"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="worklog_match_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.payment_id} → {self.entry_id}: {self.amount}"


class ExpenseCategory(models.TextChoices):
    FUEL = "fuel", "Fuel"
    VEHICLE_MAINTENANCE = "vehicle_maintenance", "Vehicle maintenance"
    PHONE_DATA = "phone_data", "Phone and data"
    EQUIPMENT = "equipment", "Equipment"
    FEES = "fees", "Fees (parking, tolls, platform fees)"
    INSURANCE = "insurance", "Insurance (vehicle)"
    OTHER = "other", "Other"


#: The costs of running a car that the IRS standard mileage rate stands for (fuel, repairs and
#: maintenance, insurance): where the rate is used for a platform's miles, these expenses are not counted
#: again. Parking, tolls, the phone and equipment are not part of the rate and still count.
VEHICLE_CATEGORIES = (ExpenseCategory.FUEL, ExpenseCategory.VEHICLE_MAINTENANCE, ExpenseCategory.INSURANCE)


class Expense(models.Model):
    """Money the work cost: fuel, the phone, fees. `platform` is empty for a cost not tied to one platform."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worklog_expenses")
    date = models.DateField()
    platform = models.CharField(max_length=100, blank=True)
    category = models.CharField(max_length=20, choices=ExpenseCategory.choices)
    amount = models.DecimalField(**AMOUNT)
    currency = models.CharField(max_length=3, default="USD")
    note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["user", "date"], name="worklog_expense_user_date"),
            # Covers the summary's GROUP BY over expenses.
            models.Index(
                fields=["user", "currency", "platform", "category", "date", "amount"], name="worklog_expense_summary"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=ExpenseCategory.values), name="worklog_expense_category_valid"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="worklog_expense_amount_positive"),
            models.CheckConstraint(
                condition=models.Q(currency__regex=r"^[A-Z]{3}$"), name="worklog_expense_currency_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_category_display()} {self.amount} {self.currency}"

    def get_absolute_url(self) -> str:
        return reverse("worklog:expense_edit", args=[self.pk])

    @property
    def is_vehicle_cost(self) -> bool:
        return self.category in VEHICLE_CATEGORIES


class Receipt(models.Model):
    """The file behind an expense (PDF, JPEG or PNG, checked by its content), kept in the database: it has
    no public URL and is served only to its owner, by `worklog:expense_receipt`."""

    expense = models.OneToOneField(Expense, on_delete=models.CASCADE, primary_key=True, related_name="receipt")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(content_type__in=["application/pdf", "image/jpeg", "image/png"]),
                name="worklog_receipt_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CostMethodChoice(models.TextChoices):
    ACTUAL = "actual", "Actual expenses"
    MILEAGE = "mileage", "IRS standard mileage rate × miles"


class CostMethod(models.Model):
    """How a platform's driving costs count in one year: the expenses recorded, or the IRS standard mileage
    rate × the miles logged (then fuel, maintenance and vehicle insurance of that platform are not counted
    again). No row: actual expenses."""

    Choice = CostMethodChoice

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="worklog_cost_methods")
    platform = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()
    method = models.CharField(max_length=10, choices=CostMethodChoice.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "platform"]
        constraints = [
            models.UniqueConstraint(
                Lower("platform"), "user", "year", name="worklog_cost_method_one_per_platform_year"
            ),
            models.CheckConstraint(
                condition=models.Q(method__in=CostMethodChoice.values), name="worklog_cost_method_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform} {self.year}: {self.method}"
