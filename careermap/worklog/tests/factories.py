from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import factory

from careermap.accounts.tests.factories import UserFactory
from careermap.worklog.models import Entry, Expense, Payment, PaymentMatch, Status


class EntryFactory(factory.django.DjangoModelFactory[Entry]):
    class Meta:
        model = Entry

    if TYPE_CHECKING:  # calling the factory gives the model (factory_boy's metaclass is untyped)

        def __new__(cls, *args: Any, **kwargs: Any) -> Entry: ...  # type: ignore[misc]

    user = factory.SubFactory(UserFactory)
    platform = "Outlier"
    task_type = "Chatbot rating"
    date = dt.date(2026, 11, 2)
    minutes = 60
    pay_expected = Decimal("20.00")
    currency = "USD"
    status = Status.PENDING
    notes = ""


class PaymentFactory(factory.django.DjangoModelFactory[Payment]):
    class Meta:
        model = Payment

    if TYPE_CHECKING:  # calling the factory gives the model (factory_boy's metaclass is untyped)

        def __new__(cls, *args: Any, **kwargs: Any) -> Payment: ...  # type: ignore[misc]

    user = factory.SubFactory(UserFactory)
    date = dt.date(2026, 11, 9)
    platform = "Outlier"
    amount = Decimal("20.00")
    currency = "USD"
    reference = "PAYOUT-1"


class PaymentMatchFactory(factory.django.DjangoModelFactory[PaymentMatch]):
    class Meta:
        model = PaymentMatch

    if TYPE_CHECKING:  # calling the factory gives the model (factory_boy's metaclass is untyped)

        def __new__(cls, *args: Any, **kwargs: Any) -> PaymentMatch: ...  # type: ignore[misc]

    payment = factory.SubFactory(PaymentFactory)
    entry = factory.SubFactory(EntryFactory, user=factory.SelfAttribute("..payment.user"))
    amount = Decimal("20.00")


def png_bytes() -> bytes:
    """A real 1×1 PNG (a receipt photo, as small as one gets)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """The smallest PDF a viewer opens."""
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def expense_with_receipt(user: Any, **fields: Any) -> Expense:
    """An expense (fuel on Uber unless told otherwise) with a PNG receipt kept with it."""
    from careermap.worklog.expenses import expense_create, receipt_check

    values: dict[str, Any] = {
        "date": dt.date(2026, 11, 3),
        "category": "fuel",
        "amount": Decimal("40.00"),
        "platform": "Uber",
        "note": "",
    } | fields
    return expense_create(user=user, receipt=receipt_check(name="receipt.png", data=png_bytes()), **values)
