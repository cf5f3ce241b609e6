from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse

from careermap.content.labels import COLLECTION_LABELS
from careermap.lib.vocab import BAND_LABELS


class ContentRelease(models.Model):
    """One successful content_load. Its id versions the cache of rendered reads."""

    loaded_at = models.DateTimeField(auto_now_add=True)
    sha256 = models.CharField(max_length=64)
    read_count = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"content release {self.pk} ({self.read_count} reads)"


class ReadQuerySet(models.QuerySet["Read"]):
    def overdue(self, *, as_of: dt.date) -> ReadQuerySet:
        return self.filter(next_review__lt=as_of)


class Read(models.Model):
    """A read as loaded from content/reads/<slug>.md.

    Columns hold what readers filter and sort on; `document` holds the whole validated
    front matter and `html` the prose rendered once at load time.
    """

    slug = models.SlugField(max_length=100, unique=True)
    collection = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=400)
    start_cost_min = models.PositiveIntegerField()
    start_cost_max = models.PositiveIntegerField()
    first_dollar_band = models.CharField(max_length=20)
    first_dollar_rank = models.PositiveSmallIntegerField()
    min_age = models.PositiveSmallIntegerField()
    needs_work_authorization = models.BooleanField()
    education_level = models.CharField(max_length=40)
    education_rank = models.PositiveSmallIntegerField()
    needs_licence = models.BooleanField()
    durability_scored = models.BooleanField()
    editorial_score = models.PositiveSmallIntegerField(null=True, blank=True)
    interests = models.CharField(max_length=3)
    published = models.DateField()
    reviewed = models.DateField()
    next_review = models.DateField()
    document = models.JSONField()
    html = models.JSONField()

    objects = ReadQuerySet.as_manager()

    class Meta:
        ordering = ["collection", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_cost_max__gte=models.F("start_cost_min")), name="read_start_cost_in_order"
            ),
            models.CheckConstraint(
                condition=models.Q(next_review__gt=models.F("reviewed")), name="read_review_in_order"
            ),
            models.CheckConstraint(
                condition=~models.Q(collection="gigwatch", durability_scored=True), name="read_gig_has_no_score"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("content:read_detail", args=[self.slug])

    @property
    def kind_label(self) -> str:
        return COLLECTION_LABELS[self.collection]

    @property
    def first_dollar_label(self) -> str:
        return BAND_LABELS[self.first_dollar_band]

    @property
    def occupation_codes(self) -> list[str]:
        return [link.onet_code for link in self.occupation_links.all()]

    def is_overdue(self, *, as_of: dt.date) -> bool:
        return self.next_review < as_of


class ReadOccupation(models.Model):
    """An O*NET-SOC code a read maps to. A plain code, not a foreign key: reads load
    whether or not the occupation data has been imported."""

    read = models.ForeignKey(Read, on_delete=models.CASCADE, related_name="occupation_links")
    onet_code = models.CharField(max_length=10, db_index=True)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["read", "position"]
        constraints = [models.UniqueConstraint(fields=["read", "onet_code"], name="read_occupation_unique")]

    def __str__(self) -> str:
        return f"{self.read.slug} → {self.onet_code}"
