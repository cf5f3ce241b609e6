from __future__ import annotations

from django.db import models


class DurabilityRun(models.Model):
    """One computation of every score: the method version and its evaluation figures."""

    version = models.CharField(max_length=20)
    computed_at = models.DateTimeField(auto_now_add=True)
    evaluation = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"durability {self.version} at {self.computed_at:%Y-%m-%d %H:%M}"


class DurabilityScore(models.Model):
    occupation = models.OneToOneField(
        "occupations.Occupation", on_delete=models.CASCADE, primary_key=True, related_name="durability"
    )
    version = models.CharField(max_length=20)
    score = models.PositiveSmallIntegerField()
    confidence = models.CharField(max_length=10)
    coverage = models.FloatField()
    spread = models.FloatField(null=True, blank=True)
    inputs = models.JSONField()
    missing = models.JSONField()
    why = models.JSONField()
    disagreements = models.JSONField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(score__lte=100), name="durability_score_0_100"),
            models.CheckConstraint(
                condition=models.Q(confidence__in=["high", "medium", "low"]), name="durability_confidence_level"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id}: {self.score} ({self.confidence})"
