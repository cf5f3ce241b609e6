from __future__ import annotations

from typing import TYPE_CHECKING, Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A worker whose e-mail address is also the username (as signup makes them)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    if TYPE_CHECKING:  # calling the factory gives the model (factory_boy's metaclass is untyped)

        def __new__(cls, *args: Any, **kwargs: Any) -> User: ...  # type: ignore[misc]

    username = factory.Sequence(lambda n: f"worker{n}@example.com")
    email = factory.LazyAttribute(lambda user: user.username)
    password = factory.django.Password(PASSWORD)
