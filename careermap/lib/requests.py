"""The request type of views that only a signed-in account reaches.

Django types `request.user` as a user or AnonymousUser. Behind `@login_required`, or the API's token and
session authentication (careermap/api/auth.py), it is always an account: views annotated with
`AuthenticatedHttpRequest` say so once, instead of narrowing `request.user` at every use (the pattern
django-stubs documents).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    user: User
