from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A worker whose e-mail address is also the username (as signup makes them)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"worker{n}@example.com")
    email = factory.LazyAttribute(lambda user: user.username)
    password = factory.django.Password(PASSWORD)
