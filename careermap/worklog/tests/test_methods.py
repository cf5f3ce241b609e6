"""Issue 20: every work-log form view states the methods it takes (GET, HEAD and POST), so it answers
anything else with a 405 by itself, not only behind the site-wide rule (`lib/headers.py`)."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import resolve

from careermap.worklog.models import ImportBatch
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_the_form_views_answer_options_and_put_with_a_405(alice_client: Client, alice) -> None:
    entry, payment = EntryFactory(user=alice), PaymentFactory(user=alice)
    batch = ImportBatch.objects.create(
        user=alice, filename="t.csv", sha256="0" * 64, header=["date"], mapping={"columns": {}}
    )
    urls = [
        "/worklog/entries/add/",
        f"/worklog/entries/{entry.pk}/",
        f"/worklog/entries/{entry.pk}/delete/",
        "/worklog/payments/add/",
        f"/worklog/payments/{payment.pk}/",
        f"/worklog/payments/{payment.pk}/delete/",
        f"/worklog/payments/{payment.pk}/match/",
        f"/worklog/import/{batch.pk}/",
        f"/worklog/import/{batch.pk}/preview/",
    ]
    for url in urls:
        assert alice_client.get(url).status_code == 200, url
        for method in ("OPTIONS", "PUT", "DELETE"):
            assert alice_client.generic(method, url).status_code == 405, (method, url)
            request = RequestFactory().generic(method, url)
            request.user = alice
            match = resolve(url)
            response = match.func(request, *match.args, **match.kwargs)  # the view alone, no middleware
            assert response.status_code == 405, (method, url)
            assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}, url
