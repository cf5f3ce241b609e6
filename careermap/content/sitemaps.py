from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careermap.content.models import Read


class ReadSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> list[Read]:
        return list(Read.objects.only("slug", "reviewed").order_by("slug"))

    def lastmod(self, item: Read) -> dt.date:
        return item.reviewed


class StaticSitemap(Sitemap):
    def items(self) -> list[str]:
        return [
            "content:map",
            "content:methodology",
            "durability:method",
            "occupations:occupation_list",
            "occupations:dataset_list",
            "quiz:start",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class OccupationSitemap(Sitemap):
    changefreq = "monthly"
    limit = 2000

    def items(self) -> list[str]:
        from careermap.occupations.models import Occupation

        return list(Occupation.objects.order_by("code").values_list("code", flat=True))

    def location(self, item: str) -> str:
        return reverse("occupations:occupation_detail", args=[item])
