"""Imported public data, keyed by O*NET-SOC 2019 code (`XX-XXXX.XX`).

Every table is replaced as a whole by `services.data_import`; nothing here is edited by
hand. Each figure points back to a `Dataset` (the registry shown on /data/).
"""

from __future__ import annotations

from django.db import models
from django.urls import NoReverseMatch, reverse

from careermap.lib.vocab import RIASEC_NAMES as RIASEC_LABELS


class Join(models.TextChoices):
    """How a source row reached an occupation (see docs/data-sources.md)."""

    DIRECT = "direct", "Direct: same code"
    SHARED = "shared", "Shared: one source code covers several O*NET occupations"
    VIA_CROSSWALK = "via_crosswalk", "Via the SOC 2010→2018 crosswalk (code changed, one-to-one)"
    SPLIT = "split", "Split: inherited from a SOC 2010 occupation that was split"
    MERGED_PARTIAL = "merged_partial", "Merged: only one of the merged SOC 2010 occupations has a value"
    MERGED_AVERAGED = "merged_averaged", "Merged: mean of the merged SOC 2010 occupations' values"
    BROAD_GROUP = "broad_group", "Broad group: the source scored the whole SOC group"
    TITLE_MATCH = "title_match", "Title match: non-SOC source code matched on its exact title"


class Dataset(models.Model):
    """The registry: one row per imported source, with its provenance and coverage."""

    key = models.SlugField(max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=100, help_text="Version or vintage, e.g. '29.3 (May 2025)'.")
    publisher = models.CharField(max_length=300)
    license = models.CharField(max_length=200)
    license_url = models.URLField(blank=True)
    attribution = models.TextField(help_text="Attribution or citation text to show wherever the data is shown.")
    url = models.URLField(help_text="Official page for the data.")
    notes = models.TextField(blank=True, help_text="Caveats a reader needs.")
    files = models.JSONField(default=dict, help_text="File name → {sha256, bytes, rows_read} as computed at import.")
    rows_read = models.PositiveIntegerField(default=0)
    rows_joined = models.PositiveIntegerField(default=0)
    rows_unmatched = models.PositiveIntegerField(default=0)
    occupations_covered = models.PositiveIntegerField(default=0)
    join_notes = models.JSONField(default=dict, help_text="How codes were joined: counts by rule, unmatched rows.")
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    def get_absolute_url(self) -> str:
        try:
            return reverse("occupations:dataset_list") + f"#{self.key}"
        except NoReverseMatch:  # the registry page is not wired up yet
            return f"/data/#{self.key}"


class Measure(models.Model):
    """What one published index means: its scale and which way is 'more'."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="measures")
    key = models.SlugField(max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(max_length=200)
    scale = models.CharField(max_length=200, help_text="E.g. '0–1 share of tasks'.")
    description = models.TextField(help_text="What it measures, in plain words.")
    higher_means = models.CharField(max_length=200)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class JobZone(models.Model):
    """O*NET Job Zone reference (1 little preparation … 5 extensive preparation)."""

    zone = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=100)
    experience = models.TextField()
    education = models.TextField()
    training = models.TextField()
    examples = models.TextField()
    svp_range = models.CharField(max_length=50)

    class Meta:
        ordering = ["zone"]
        constraints = [models.CheckConstraint(condition=models.Q(zone__gte=1, zone__lte=5), name="job_zone_1_to_5")]

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    code = models.CharField(max_length=10, primary_key=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    soc_code = models.CharField(
        max_length=7, db_index=True, help_text="SOC 2018 detailed code: the first 7 characters."
    )
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    # O*NET Occupational Interest (OI) scores, 1–7; null for the 93 occupations O*NET has no profile for.
    interest_r = models.FloatField(null=True, blank=True)
    interest_i = models.FloatField(null=True, blank=True)
    interest_a = models.FloatField(null=True, blank=True)
    interest_s = models.FloatField(null=True, blank=True)
    interest_e = models.FloatField(null=True, blank=True)
    interest_c = models.FloatField(null=True, blank=True)
    interest_code = models.CharField(
        max_length=3, blank=True, db_index=True, help_text="High-point code, e.g. 'ISA' (first, second, third)."
    )
    # O*NET Required Level of Education: the category most respondents chose.
    education_category = models.PositiveSmallIntegerField(null=True, blank=True, help_text="RL category 1–12.")
    education_label = models.CharField(max_length=100, blank=True)
    education_share = models.FloatField(null=True, blank=True, help_text="Percent of respondents choosing it.")
    # The code OEWS publishes this occupation's pay under: its own SOC code, or the OEWS
    # aggregate that contains it (e.g. 31-1122 → 31-1120, through the NEM crosswalk).
    wage_soc_code = models.CharField(max_length=7, blank=True, db_index=True)
    wage_join = models.CharField(max_length=20, blank=True, choices=Join.choices)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(job_zone__isnull=True) | models.Q(job_zone__gte=1, job_zone__lte=5),
                name="occupation_job_zone_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def get_absolute_url(self) -> str:
        try:
            return reverse("occupations:occupation_detail", args=[self.code])
        except NoReverseMatch:  # the page is not wired up yet
            return f"/occupations/{self.code}/"

    @property
    def has_interests(self) -> bool:
        return self.interest_r is not None

    @property
    def interests(self) -> list[tuple[str, str, float | None]]:
        """[(letter, label, score)] in R-I-A-S-E-C order."""
        return [(letter, label, getattr(self, f"interest_{letter.lower()}")) for letter, label in RIASEC_LABELS.items()]


class AlternateTitle(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="alternate_titles")
    title = models.CharField(max_length=250)
    short_title = models.CharField(max_length=100, blank=True)
    sources = models.CharField(max_length=30, blank=True, help_text="O*NET source codes, e.g. '04,06'.")

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    """An O*NET task statement, with GPTs-are-GPTs labels where its Task ID joins."""

    class Type(models.TextChoices):
        CORE = "core", "Core"
        SUPPLEMENTAL = "supplemental", "Supplemental"
        UNCLASSIFIED = "", "Not classified"

    task_id = models.PositiveIntegerField(primary_key=True)
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    statement = models.TextField()
    task_type = models.CharField(max_length=12, choices=Type.choices, blank=True)
    incumbents_responding = models.PositiveIntegerField(null=True, blank=True)
    # GPTs are GPTs labels, as published: E0 no exposure, E1 direct LLM exposure, E2 exposure
    # with LLM-powered tools; automation T0–T4. Blank where the task has no label.
    gpt_human_exposure = models.CharField(max_length=2, blank=True)
    gpt4_exposure = models.CharField(max_length=2, blank=True)
    gpt4_exposure_alt_rubric = models.CharField(max_length=2, blank=True)
    gpt4_automation = models.CharField(max_length=2, blank=True)
    gpt_label_reworded = models.BooleanField(
        default=False, help_text="The label was given to an earlier wording of this task (same Task ID)."
    )

    class Meta:
        ordering = ["occupation_id", "task_type", "task_id"]

    def __str__(self) -> str:
        return self.statement

    @property
    def has_gpt_labels(self) -> bool:
        return bool(self.gpt4_exposure)


class RelatedOccupation(models.Model):
    class Tier(models.TextChoices):
        PRIMARY_SHORT = "primary-short", "Primary (short list)"
        PRIMARY_LONG = "primary-long", "Primary (long list)"
        SUPPLEMENTAL = "supplemental", "Supplemental"

    from_occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="related_links")
    to_occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=15, choices=Tier.choices)
    index = models.PositiveSmallIntegerField(help_text="O*NET's relatedness rank, 1 = most related.")

    class Meta:
        ordering = ["from_occupation_id", "index"]
        constraints = [
            models.UniqueConstraint(fields=["from_occupation", "to_occupation"], name="related_occupation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.from_occupation_id} → {self.to_occupation_id}"


class Projection(models.Model):
    """BLS Employment Projections 2024–34 for the NEM occupation this O*NET code maps to."""

    occupation = models.OneToOneField(Occupation, on_delete=models.CASCADE, primary_key=True, related_name="projection")
    nem_code = models.CharField(max_length=7, db_index=True)
    nem_title = models.CharField(max_length=200)
    join = models.CharField(max_length=20, choices=Join.choices)
    employment_2024 = models.FloatField(help_text="Thousands of jobs.")
    employment_2034 = models.FloatField(help_text="Thousands of jobs.")
    change_numeric = models.FloatField(help_text="Thousands of jobs, 2024–34.")
    change_percent = models.FloatField(db_index=True)
    self_employed_percent = models.FloatField(null=True, blank=True)
    openings_annual = models.FloatField(help_text="Thousands of openings a year, 2024–34 average.")
    median_wage = models.PositiveIntegerField(null=True, blank=True, db_index=True, help_text="Dollars, 2024.")
    median_wage_is_floor = models.BooleanField(
        default=False, help_text="BLS printed '>=$239,200': the median is at least this, not exactly this."
    )
    typical_entry_education = models.CharField(max_length=100, blank=True)
    work_experience = models.CharField(max_length=100, blank=True)
    on_the_job_training = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(median_wage_is_floor=False) | models.Q(median_wage__isnull=False),
                name="projection_wage_floor_has_value",
            )
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} via NEM {self.nem_code}"


class ExposureScore(models.Model):
    """One published AI-exposure value for one occupation and one measure."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="exposure_scores")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="scores")
    value = models.FloatField()
    join = models.CharField(max_length=20, choices=Join.choices)
    source_code = models.CharField(max_length=100, help_text="The code(s) the source published the value under.")

    class Meta:
        ordering = ["occupation_id", "measure__position"]
        constraints = [models.UniqueConstraint(fields=["occupation", "measure"], name="exposure_score_unique")]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.measure_id} = {self.value}"


class Area(models.Model):
    """A BLS OEWS area: the nation, a state or territory, or a metropolitan or nonmetropolitan area."""

    class Kind(models.TextChoices):
        NATIONAL = "national", "National"
        STATE = "state", "State or territory"
        METRO = "metro", "Metropolitan area"
        NONMETRO = "nonmetro", "Nonmetropolitan area"

    code = models.CharField(max_length=7, primary_key=True, help_text="BLS 7-digit area code, e.g. 0041860.")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=200)
    state_fips = models.CharField(max_length=2, help_text="The primary state's FIPS code, as BLS gives it.")
    states = models.CharField(max_length=40, blank=True, help_text="Every state a metro area spans, e.g. 'PA-NJ'.")

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_national(self) -> bool:
        return self.kind == self.Kind.NATIONAL


class Wage(models.Model):
    """One OEWS estimate row: an occupation (SOC code as OEWS publishes it) in an area, in one May.

    Column names are BLS's own. A measure BLS did not publish is null and `notes` holds its
    footnote code (4 hourly- or annual-only, 5 top-coded, 8 not released); a top-coded wage
    is stored as BLS's floor with note 5, so it reads "at least", never as a blank or a zero.
    """

    year = models.PositiveSmallIntegerField(help_text="The May of the estimates, e.g. 2025.")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    soc_code = models.CharField(max_length=7, help_text="SOC 2018 code or OEWS aggregate, e.g. 31-1120.")
    tot_emp = models.FloatField(null=True)
    emp_prse = models.FloatField(null=True, help_text="Relative standard error of employment, percent.")
    h_mean = models.FloatField(null=True)
    h_pct10 = models.FloatField(null=True)
    h_pct25 = models.FloatField(null=True)
    h_median = models.FloatField(null=True)
    h_pct75 = models.FloatField(null=True)
    h_pct90 = models.FloatField(null=True)
    a_mean = models.FloatField(null=True)
    a_pct10 = models.FloatField(null=True)
    a_pct25 = models.FloatField(null=True)
    a_median = models.FloatField(null=True)
    a_pct75 = models.FloatField(null=True)
    a_pct90 = models.FloatField(null=True)
    mean_prse = models.FloatField(null=True, help_text="Relative standard error of the mean wage, percent.")
    jobs_1000 = models.FloatField(null=True)
    loc_quotient = models.FloatField(null=True)
    notes = models.CharField(
        max_length=400, blank=True, help_text="BLS footnotes for measures not published: 'h_median:4;a_pct90:5'."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["soc_code", "area", "year"], name="wage_unique")]

    def __str__(self) -> str:
        return f"{self.soc_code} in {self.area_id}, May {self.year}"


class ObservedExposure(models.Model):
    """Anthropic's observed exposure (Massenkoff & McCrory, March 2026) for one O*NET occupation.

    Published per 6-digit SOC code and shown for every O*NET occupation sharing it. A zero is
    "no measured exposure", never "AI is not used".
    """

    occupation = models.OneToOneField(
        Occupation, on_delete=models.CASCADE, primary_key=True, related_name="observed_exposure"
    )
    value = models.FloatField(help_text="0–1 as published (4 decimals).")
    soc_code = models.CharField(max_length=7, help_text="The SOC 2018 code the value was published under.")
    join = models.CharField(max_length=20, choices=Join.choices)
    below_share = models.FloatField(
        help_text="Share of the published occupations (756) with a strictly lower value: 0 for a zero."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0, value__lte=1), name="observed_exposure_0_to_1"),
            models.CheckConstraint(
                condition=models.Q(below_share__gte=0, below_share__lt=1), name="observed_below_share_0_to_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} observed {self.value}"

    @property
    def measured(self) -> bool:
        return self.value > 0

    @property
    def below_percent(self) -> int:
        """Whole percent of the published occupations with a lower value (rounded down, so never overstated)."""
        return int(100 * self.below_share)


class ObservedTask(models.Model):
    """An O*NET task that Anthropic's API traffic (13–20 Nov 2025) was classified to.

    `strings` keeps every Anthropic task string that matched the task, with its conversations:
    a string matching tasks of several occupations appears under each, but is counted once in
    an occupation's or the dataset's totals.
    """

    task = models.OneToOneField(Task, on_delete=models.CASCADE, primary_key=True, related_name="observed")
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="observed_tasks")
    conversations = models.PositiveIntegerField(help_text="API conversations classified to the matching string(s).")
    share = models.FloatField(help_text="Share of the week's classified API conversations (0–1).")
    strings = models.JSONField(default=list, help_text="[[Anthropic task string, conversations], …]")

    class Meta:
        ordering = ["occupation_id", "-share", "task_id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(share__gte=0, share__lte=1), name="observed_task_share_0_to_1")
        ]

    def __str__(self) -> str:
        return f"{self.task_id} ({self.occupation_id}): {self.conversations} conversations"

    @property
    def share_label(self) -> str:
        return share_label(self.share)


def share_label(share: float) -> str:
    """A share of conversations in words-ready percent: '1.16%', or 'under 0.01%' for a tiny one."""
    percent = 100 * share
    return "under 0.01%" if 0 < percent < 0.005 else f"{percent:.2f}%"
