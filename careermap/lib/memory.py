"""Keep the cyclic garbage collector off long-lived objects.

A web worker holds ~160,000 long-lived objects (Django, the quiz candidates, the search index). A
full collection walks all of them: about 80 ms on our machine, twice per 4,000 quiz submissions,
landing on whichever requests are in flight (it was most of the quiz API's p99). Freezing moves what
exists now into a generation the collector never scans; frozen objects are still freed by reference
counting when nothing refers to them (a replaced index, an old candidate pool). The quiz and search
freeze when they (re)build, inside a request: objects of requests in flight on other threads are
frozen too, and any reference cycles among them are never collected. That is a small, bounded leak
per data version (an import or a content load), accepted for the shorter tail.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """Collect what is garbage now, then freeze everything that is left."""
    gc.collect()
    gc.freeze()
