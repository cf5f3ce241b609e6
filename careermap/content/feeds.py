from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from careermap.content.models import Read


class ReadsFeed(Feed):
    """New and re-reviewed reads, newest review first."""

    feed_type = Atom1Feed
    title = "Career Map: new and re-reviewed reads"
    link = "/"
    subtitle = "Honest reads of ways to earn a living in the AI era."

    def items(self) -> list[Read]:
        return list(Read.objects.defer("html").order_by("-reviewed", "slug")[:50])

    def item_title(self, item: Read) -> str:
        new = item.reviewed == item.published
        return f"{item.title} ({'new' if new else 're-reviewed'})"

    def item_description(self, item: Read) -> str:
        latest = max(item.document["changelog"], key=lambda entry: entry["date"])
        return f"{item.description} — {latest['note']}"

    def item_link(self, item: Read) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Read) -> dt.datetime:
        return dt.datetime.combine(item.published, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: Read) -> dt.datetime:
        return dt.datetime.combine(item.reviewed, dt.time(), tzinfo=dt.UTC)
