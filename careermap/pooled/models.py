"""Opt-in consent to share a platform's work-log figures, and the pooled figures published from them.

`SharingConsent` is private (one person's choice, read only through selectors that filter by user).
`PooledRun` and `PooledCell` are public once a run is published: they hold only figures that passed the
rules in `rules.py`, plus, per cell, the keyed digests of the contributions behind the last publication
(`basis`, never shown; see docs/privacy.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ConsentQuerySet(models.QuerySet["SharingConsent"]):
    def active(self) -> ConsentQuerySet:
        return self.filter(opted_out_at__isnull=True)


class SharingConsent(models.Model):
    """One period of sharing one platform: from `opted_in_at` until `opted_out_at` (open while sharing).

    Sharing again after stopping starts a new row, so the history of both choices is kept with dates.
    Deleting the account deletes these rows with it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pooled_consents")
    platform = models.CharField(max_length=100)  # lower-cased, whitespace collapsed: the pooling key
    platform_label = models.CharField(max_length=100)  # as shown
    opted_in_at = models.DateTimeField()
    opted_out_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["platform", "-opted_in_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "platform"],
                condition=models.Q(opted_out_at__isnull=True),
                name="pooled_consent_one_active_per_platform",
            ),
            models.CheckConstraint(
                condition=models.Q(opted_out_at__isnull=True) | models.Q(opted_out_at__gte=models.F("opted_in_at")),
                name="pooled_consent_out_after_in",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.platform_label} ({'sharing' if self.is_active else 'stopped'})"

    @property
    def is_active(self) -> bool:
        return self.opted_out_at is None


class PooledRun(models.Model):
    """One scheduled computation. The latest run is what every page and the API show."""

    computed_at = models.DateTimeField()
    method = models.CharField(max_length=20)
    contributors = models.PositiveIntegerField(default=0)  # people sharing at least one platform
    entries = models.PositiveIntegerField(default=0)
    cells_published = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]

    def __str__(self) -> str:
        return f"pooled run {self.pk} at {self.computed_at:%Y-%m-%d %H:%M}"


class PooledCell(models.Model):
    """One platform (and task type, or "" for all of the platform's work) in one quarter."""

    run = models.ForeignKey(PooledRun, on_delete=models.CASCADE, related_name="cells")
    platform = models.CharField(max_length=100)
    platform_label = models.CharField(max_length=100)
    task_type = models.CharField(max_length=200, blank=True)  # lower-cased; "" for the whole platform
    task_label = models.CharField(max_length=200, blank=True)
    quarter = models.DateField()  # its first day
    status = models.CharField(max_length=10)
    figures_from = models.DateTimeField(null=True, blank=True)  # when the figures shown were computed
    people = models.PositiveIntegerField(null=True, blank=True)
    hours = models.PositiveIntegerField(null=True, blank=True)
    hourly_median = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    hourly_p25 = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    hourly_p75 = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    unpaid_share = models.PositiveSmallIntegerField(null=True, blank=True)
    disputed_share = models.PositiveSmallIntegerField(null=True, blank=True)
    # The basis of the last publication, never shown: one "pseudonym fingerprint" line per person (text, not
    # JSON: with thousands of people per table it is written and read many times faster).
    basis = models.TextField(blank=True)

    class Meta:
        ordering = ["platform", "task_type", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["run", "platform", "task_type", "quarter"], name="pooled_cell_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=["published", "held", "withheld", "too_few"]),
                name="pooled_cell_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["run", "platform"], name="pooled_cell_run_platform")]

    def __str__(self) -> str:
        return f"{self.platform_label} {self.task_label or 'all'} {self.quarter_label}: {self.status}"

    @property
    def quarter_label(self) -> str:
        return f"Q{(self.quarter.month - 1) // 3 + 1} {self.quarter.year}"

    @property
    def is_shown(self) -> bool:
        return self.status in ("published", "held")
