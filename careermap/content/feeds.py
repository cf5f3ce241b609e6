from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from careermap.content.models import Read
from careermap.content.presenters import read_changes
from careermap.content.selectors import read_get


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


# "What's changed": one entry per dated event, its id the read's url and the event's anchor
# (presenters.read_changes), so correcting a sentence does not show readers an old event as new.
COLLECTION_FEED_LIMIT = 100


def _change_entries(read: Read) -> list[dict[str, Any]]:
    return [{**change, "read": read} for change in read_changes(read)]


class _ChangesFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: dict[str, Any]) -> str:
        return f"{item['read'].title}: {item['date']:%-d %B %Y}"

    def item_description(self, item: dict[str, Any]) -> str:
        return f"{item['what']} Source: {item['source_title']} ({item['source_publisher']}), {item['source_url']}"

    def item_link(self, item: dict[str, Any]) -> str:
        return f"{item['read'].get_absolute_url()}#{item['anchor']}"

    def item_guid(self, item: dict[str, Any]) -> str:
        return f"{item['read'].get_absolute_url()}#{item['anchor']}"

    def item_pubdate(self, item: dict[str, Any]) -> dt.datetime:
        return dt.datetime.combine(item["date"], dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: dict[str, Any]) -> dt.datetime:
        return dt.datetime.combine(item["read"].reviewed, dt.time(), tzinfo=dt.UTC)


class ReadChangesFeed(_ChangesFeed):
    """What's changed for one read, newest first. A read without dated events has no feed (404)."""

    def get_object(self, request: HttpRequest, slug: str) -> Read:
        read = read_get(slug=slug)
        if read is None or not read.document.get("changes"):
            raise Http404(f"No read named {slug!r} with a list of what has changed")
        return read

    def title(self, obj: Read) -> str:
        return f"What's changed: {obj.title} (Career Map)"

    def subtitle(self, obj: Read) -> str:
        return f"Dated events behind our read of {obj.title}: pay changes, rulings, deactivations, new rules."

    def link(self, obj: Read) -> str:
        return obj.get_absolute_url()

    def feed_url(self, obj: Read) -> str:
        return reverse("content:read_changes_feed", args=[obj.slug])

    def items(self, obj: Read) -> list[dict[str, Any]]:
        return _change_entries(obj)


class GigWatchChangesFeed(_ChangesFeed):
    """What's changed across every GigWatch read, newest first."""

    title = "GigWatch: what's changed (Career Map)"
    subtitle = "Dated events in cash-now gigs, each with its source: pay changes, rulings, deactivations, new rules."

    def link(self) -> str:
        return reverse("content:map") + "#collection-gigwatch-h"

    def feed_url(self) -> str:
        return reverse("content:gigwatch_feed")

    def items(self) -> list[dict[str, Any]]:
        entries = [entry for read in Read.objects.filter(collection="gigwatch") for entry in _change_entries(read)]
        entries.sort(key=lambda entry: (entry["date"], entry["read"].slug, entry["position"]), reverse=True)
        return entries[:COLLECTION_FEED_LIMIT]
