from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from careermap.accounts.tests.factories import UserFactory
from careermap.worklog.models import Entry, Payment, PaymentMatch, Status


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    user = factory.SubFactory(UserFactory)
    platform = "Outlier"
    task_type = "Chatbot rating"
    date = dt.date(2026, 11, 2)
    minutes = 60
    pay_expected = Decimal("20.00")
    currency = "USD"
    status = Status.PENDING
    notes = ""


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    user = factory.SubFactory(UserFactory)
    date = dt.date(2026, 11, 9)
    platform = "Outlier"
    amount = Decimal("20.00")
    currency = "USD"
    reference = "PAYOUT-1"


class PaymentMatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaymentMatch

    payment = factory.SubFactory(PaymentFactory)
    entry = factory.SubFactory(EntryFactory, user=factory.SelfAttribute("..payment.user"))
    amount = Decimal("20.00")
